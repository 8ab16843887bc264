"""Script codes and names are defined once (reader.text.scripts); everything else derives from them."""

from __future__ import annotations

from reader import fonts
from reader.export import scripts as export_scripts
from reader.text import convert, scripts


def test_the_four_scripts_with_their_native_names():
    assert scripts.SCRIPTS == ("zh-hans", "zh-hant", "zh-tw", "zh-hk")
    assert {s.code: s.native for s in scripts.ALL} == {
        "zh-hans": "简体",
        "zh-hant": "繁體",
        "zh-tw": "臺灣正體",
        "zh-hk": "香港繁體",
    }
    assert scripts.BY_CODE["zh-tw"].label == "Taiwan (臺灣正體)"
    assert [s.family for s in scripts.ALL] == ["zh-hans", "zh-hant", "zh-hant", "zh-hant"]


def test_conversion_and_export_use_the_one_list():
    assert convert.SCRIPTS is scripts.SCRIPTS
    assert export_scripts.SCRIPTS is scripts.SCRIPTS
    for s in scripts.ALL:
        assert convert.family(s.code) == s.family


def test_every_script_has_a_font_face_and_no_other():
    # reader.fonts is a base module below the text layer, so it keeps its own table of faces
    assert tuple(fonts.FACES) == scripts.SCRIPTS


def _script_choices(parser) -> dict[str, tuple[str, ...]]:
    """command -> the choices of its --script option."""
    import argparse

    out = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for option in sub._actions:
                    if "--script" in option.option_strings:
                        out[name] = tuple(option.choices)
    return out


def test_the_cli_offers_exactly_these_scripts():
    from reader.cli import build_parser

    choices = _script_choices(build_parser())
    assert {"export", "show"} <= set(choices)
    assert all(c == scripts.SCRIPTS for c in choices.values())
