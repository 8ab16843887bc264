"""The shared language data: one jieba dictionary per process, the surname list in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.text import words
from reader.text.surnames import COMPOUND_SURNAMES, SURNAMES, surname_of
from tests.helpers.jieba_start import run_fresh


def test_jieba_is_initialised_once_for_ingest_and_tagging():
    got = run_fresh()
    assert got["at_start"] is False, "importing reader.ingest or reader.autotag loaded jieba"
    assert got["loads"] == 1
    assert got["calls"] == 1, "only reader.text.words initialises jieba"
    assert got["first"] == [True, False]
    assert "person:徐浠乐" in got["tags"]


def test_dictionary_lookups():
    assert words.frequency("连续") > 500
    assert words.frequency("浠乐") == 0
    assert words.dictionary_tag("上海") == "ns"
    assert words.dictionary_tag("浠乐") is None
    table, median = words.idf_table()
    assert words.idf("浠乐") == median
    assert words.idf("的") < median == table.get("浠乐", median)
    assert list(words.cut_tagged("我爱北京")) == [("我", "r"), ("爱", "v"), ("北京", "ns")]


def test_surnames():
    assert surname_of("欧阳修") == "欧阳"
    assert surname_of("陈大文") == "陈"
    assert surname_of("陳大文") == ""  # callers fold to simplified first
    assert surname_of("") == ""
    assert "王" in SURNAMES and "诸葛" in COMPOUND_SURNAMES


#: Text that exercises every branch of jieba's no-HMM cut: Han runs, ASCII letters and digits glued
#: into "eng" words, numbers, whitespace words (\r\n as one), punctuation and other scripts.
MIXED = (
    "2024年3月5日，上海浦东新区发布《人工智能产业规划》。\r\n\t中国AI芯片 x86_64 C++ 3.14 "
    "ＡＢＣ a b  c 的 Ünïcode ß 中文…… 记者 张三 李四/王五 报道 GDP增长5.2% 5G网络"
)


def test_cut_tagged_gives_jiebas_words_and_tags():
    from jieba import posseg  # heavy: loaded by the tests that compare with it

    samples = [MIXED, "", " ", "\n\n", "马家柚", "的的的的", "abc", "12.5.6"]
    samples.append("新华社北京12月1日电（记者 王小明）")
    for sample in samples:
        want = [(pair.word, pair.flag) for pair in posseg.cut(sample, HMM=False)]
        assert words.cut_tagged(sample) == want, sample


def test_cut_tagged_matches_jieba_on_the_corpus():
    from jieba import posseg  # heavy: loaded by the tests that compare with it

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "chinanews_2025.jsonl"
    if not corpus.exists():
        pytest.skip(f"the shared corpus is not here ({corpus})")
    with corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["content"] or "" for _, line in zip(range(300), lines, strict=False)]
    for text in texts:
        assert words.cut_tagged(text) == [(p.word, p.flag) for p in posseg.cut(text, HMM=False)]
