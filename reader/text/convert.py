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

from reader.text.dictionaries import char_table
from reader.text.scripts import BY_CODE, SCRIPTS

__all__ = [
    "SCRIPTS",
    "ScriptError",
    "convert",
    "family",
    "looks_traditional",
    "story_script",
    "to_script",
    "written_script",
]

_lock = threading.Lock()


class ScriptError(ValueError):
    """An unknown script name."""


@functools.cache
def _converter(config: str):
    from opencc import OpenCC  # ~70 ms to import, and only conversion needs it

    return OpenCC(config)


def convert(text: str, script: str) -> str:
    """``text`` in ``script`` (one of :data:`SCRIPTS`), from any input script."""
    try:
        config = BY_CODE[script.lower()].opencc
    except KeyError:
        raise ScriptError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}") from None
    if not text:
        return text
    with _lock:  # building a converter is slow; share one per config across threads
        converter = _converter(config)
    return converter.convert(text)


def family(script: str) -> str:
    """``"zh-hans"`` for simplified, ``"zh-hant"`` for the traditional scripts (繁體, 臺灣, 香港)."""
    if script.lower() not in BY_CODE:
        raise ScriptError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}")
    return BY_CODE[script.lower()].family


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
    t2s = char_table("TSCharacters.txt")
    s2t = char_table("STCharacters.txt")
    trad_only = frozenset(c for c, v in t2s.items() if c != v and c not in s2t)
    simp_only = frozenset(c for c, v in s2t.items() if c != v and c not in t2s)
    return trad_only, simp_only


def looks_traditional(text: str) -> bool:
    """More traditional-only than simplified-only characters in ``text``."""
    return written_script(text) == "zh-hant"
