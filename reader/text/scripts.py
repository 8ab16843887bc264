"""The scripts a story can be shown and exported in: codes, native and English names, OpenCC configs.

The one definition: conversion (:mod:`reader.text.convert`), export, the CLI's
``--script`` choices and the GUI's script menu and settings all take their list
from :data:`SCRIPTS` (in this order). :data:`reader.fonts.FACES` names the Noto
face each code prints with (a base module, so it cannot import this one;
tests/text/test_scripts.py checks that it has exactly these codes).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """One script: ``zh-tw``, shown to readers as 臺灣正體 (Taiwan)."""

    code: str
    native: str  # the name in the script itself, as a Chinese reader calls it
    english: str  # the interface's English name (translated by the GUI)
    opencc: str  # the OpenCC config that gives this script from any input
    family: str  # "zh-hans" (simplified) or "zh-hant" (the traditional scripts)
    language: str  # BCP 47 tag of text in this script (a PDF's /Lang, for screen readers)

    @property
    def label(self) -> str:
        """``"Taiwan (臺灣正體)"``: the English name with the native one."""
        return f"{self.english} ({self.native})"


#: Every script, in menu order (Ctrl+1...4 in the GUI).
ALL = (
    Script("zh-hans", "简体", "Simplified", "t2s", "zh-hans", "zh-Hans"),
    Script("zh-hant", "繁體", "Traditional", "s2t", "zh-hant", "zh-Hant"),
    Script("zh-tw", "臺灣正體", "Taiwan", "s2twp", "zh-hant", "zh-Hant-TW"),
    Script("zh-hk", "香港繁體", "Hong Kong", "s2hk", "zh-hant", "zh-Hant-HK"),
)

#: The script codes, in menu order.
SCRIPTS = tuple(s.code for s in ALL)

#: code -> its script.
BY_CODE = {s.code: s for s in ALL}
