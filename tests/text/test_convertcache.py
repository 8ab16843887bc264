"""The no-op check before t2s must never change what OpenCC would show."""

import json

import pytest

from reader.text.convert import convert
from reader.text.convertcache import convert_cached as to_script
from reader.text.convertcache import t2s_changing

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


def test_a_conversion_is_made_once_and_then_read_from_the_cache(monkeypatch):
    from reader.text import convertcache

    calls = []

    def counted(text, script):
        calls.append((text, script))
        return convert(text, script)

    monkeypatch.setattr(convertcache, "convert", counted)
    text = "後來他們在這裡見面（緩存測試）"
    first = to_script(text, "zh-hans")
    assert to_script(text, "zh-hans") == first == convert(text, "zh-hans")
    assert calls == [(text, "zh-hans")]
    assert to_script("上饶经开区（缓存测试）", "zh-hans") == "上饶经开区（缓存测试）"
    assert len(calls) == 1, "simplified text shown as simplified never reaches OpenCC"


def test_the_cache_is_bounded_and_safe_across_threads(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from reader.text import convertcache

    monkeypatch.setattr(convertcache, "CACHE_SIZE", 50)
    texts = [f"這是第{i}段" for i in range(200)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: to_script(t, "zh-hans"), texts * 2))
    assert got == [convert(t, "zh-hans") for t in texts * 2]
    assert len(convertcache._cache) <= 50


def test_export_converts_through_the_same_cache():
    from reader.export import scripts as export_scripts

    assert export_scripts.convert is to_script
