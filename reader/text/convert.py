"""Whole-text conversion between Chinese scripts with OpenCC's phrase-level dictionaries.

Every input goes straight through the target's OpenCC config: OpenCC's
configs take simplified, traditional or mixed text (s2twp turns a Hong Kong
軟件 into Taiwan's 軟體, s2t leaves a traditional story's own characters such
as 汙 or 袷 alone). Going through simplified first would lose those.
Used for reading (the 简/繁 toggle), ``reader show --script`` and export. Search
never depends on it: the index uses :mod:`reader.text.fold` instead.

:func:`convert` converts whatever it is given. What is shown goes through
:func:`to_script`, which first decides which script a story (or a field) is
written in (:func:`written_script`) and leaves text already in the target
script exactly as it is: OpenCC's t2s rewrites traditional-looking characters
even inside simplified text (the name 黄騑鸿 became 黄𬴂鸿, a rare Extension-E
character), so simplified text shown as 简体 and traditional text shown as
繁體/臺灣/香港 are never passed through it.
"""

from __future__ import annotations

import functools
import threading

#: Scripts a story can be shown in.
SCRIPTS = ("zh-hans", "zh-hant", "zh-tw", "zh-hk")

#: script -> the OpenCC config that produces it from simplified text.
_CONFIGS = {"zh-hans": "t2s", "zh-hant": "s2t", "zh-tw": "s2twp", "zh-hk": "s2hk"}

_lock = threading.Lock()


class ScriptError(ValueError):
    """An unknown script name."""


@functools.cache
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


def convert(text: str, script: str) -> str:
    """``text`` in ``script`` (one of :data:`SCRIPTS`), from any input script."""
    try:
        config = _CONFIGS[script.lower()]
    except KeyError:
        raise ScriptError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}") from None
    if not text:
        return text
    with _lock:  # building a converter is slow; share one per config across threads
        converter = _converter(config)
    return converter.convert(text)


def family(script: str) -> str:
    """``"zh-hans"`` for simplified, ``"zh-hant"`` for the traditional scripts (繁體, 臺灣, 香港)."""
    if script.lower() not in _CONFIGS:
        raise ScriptError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}")
    return "zh-hans" if script.lower() == "zh-hans" else "zh-hant"


def written_script(text: str) -> str:
    """The script ``text`` is written in: ``"zh-hans"``, ``"zh-hant"``, or ``""`` when it does not say
    (no character, or as many, that only one of the scripts uses)."""
    trad_only, simp_only = _script_sets()
    trad = sum(1 for c in text if c in trad_only)
    simp = sum(1 for c in text if c in simp_only)
    return "zh-hant" if trad > simp else "zh-hans" if simp > trad else ""


def to_script(text: str, script: str, written: str = "", *, converter=None) -> str:
    """``text`` as shown in ``script``: unchanged when it is already written in that script.

    ``written`` is the script of the story the text belongs to (see
    :func:`written_script`); when empty, the text's own characters decide, and
    text that says nothing is converted. ``converter`` replaces :func:`convert`
    (the GUI passes its cached one).
    """
    if not text:
        return text
    target = family(script)
    if (written or written_script(text)) == target:
        return text
    return (converter or convert)(text, script)


def story_script(story) -> str:
    """The script a story is written in, from its title, subtitle, byline and text ("" if undecided)."""
    return written_script("\n".join((story.title, story.subtitle, story.byline, story.text)))


@functools.cache
def _script_sets() -> tuple[frozenset, frozenset]:
    from reader.text.fold import _read_dict

    t2s = _read_dict("TSCharacters.txt")
    s2t = _read_dict("STCharacters.txt")
    trad_only = frozenset(c for c, v in t2s.items() if c != v and c not in s2t)
    simp_only = frozenset(c for c, v in s2t.items() if c != v and c not in t2s)
    return trad_only, simp_only


def looks_traditional(text: str) -> bool:
    """More traditional-only than simplified-only characters in ``text``."""
    trad_only, simp_only = _script_sets()
    trad = sum(1 for c in text if c in trad_only)
    simp = sum(1 for c in text if c in simp_only)
    return trad > simp
