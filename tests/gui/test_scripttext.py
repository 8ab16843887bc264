"""The no-op check before t2s must never change what OpenCC would show."""

import json

import pytest

from reader.gui.scripttext import t2s_changing, to_script
from reader.text.convert import convert

SAMPLES = [
    "上饶经开区新的一年这样拼",
    "着力推进高质量发展",
    "他于2024年回到故乡",
    "乾隆皇帝下江南",
    "後來他們在這裡見面",
    "發展新質生產力",
    "范文正集",
    "ＡＩ新政与Ａ股",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_as_opencc_for_samples(text):
    for script in ("zh-hans", "zh-hant", "zh-tw", "zh-hk"):
        assert to_script(text, script) == convert(text, script)


def test_traditional_characters_are_seen_as_changeable():
    changing = t2s_changing()
    assert {"饒", "後", "發", "這"} <= changing
    assert not {"饶", "着", "于", "发"} & changing


def test_same_as_opencc_on_real_simplified_and_traditional_text(shared):
    lines = []
    for name, n in (("chinanews_2025.jsonl", 40), ("hkcnews_zh-Hant.jsonl", 20)):
        path = shared / "corpus" / name
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        with path.open(encoding="utf-8") as fh:
            for _ in range(n):
                story = json.loads(fh.readline())
                lines.extend(p for p in story["content"].split("\n")[:3] if p.strip())
    for line in lines:
        assert to_script(line, "zh-hans") == convert(line, "zh-hans"), line
