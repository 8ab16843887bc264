"""The shared language data: one jieba dictionary per process, the surname list in one place."""

from __future__ import annotations

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
