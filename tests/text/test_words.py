"""The shared language data: one jieba dictionary per process, the surname list in one place."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.text import words
from reader.text.surnames import COMPOUND_SURNAMES, SURNAMES, surname_of

ROOT = Path(__file__).resolve().parents[2]

#: Run in a fresh process: count every initialize call and every real dictionary load.
_COUNT = r"""
import json, sys
import jieba

calls = loads = 0
_initialize = jieba.Tokenizer.initialize


def counted(self, *args, **kwargs):
    global calls, loads
    calls += 1
    before = self.initialized
    out = _initialize(self, *args, **kwargs)
    loads += (not before) and self.initialized
    return out


jieba.Tokenizer.initialize = counted
jieba.initialize = lambda *args, **kwargs: counted(jieba.dt, *args, **kwargs)
del sys.modules["jieba"]  # importing reader must not load it; it is put back on first use below
sys.modules.pop("jieba.posseg", None)
import reader.autotag, reader.ingest, reader.ingest.names
imported_at_start = "jieba" in sys.modules
sys.modules["jieba"] = jieba
from reader.autotag import auto_tags
from reader.ingest import names
from reader.story import Story

first = names.credit_name("李强"), names.credit_name("连续")
tags = auto_tags(Story(title="上饶马家柚丰收", paragraphs=["江西省上饶市主任徐浠乐表示，马家柚今年丰收。"]))
names.lone_name("孫嘉君")
print(json.dumps({"calls": calls, "loads": loads, "at_start": imported_at_start, "first": first, "tags": tags}))
"""


def test_jieba_is_initialised_once_for_ingest_and_tagging():
    out = subprocess.run([sys.executable, "-c", _COUNT], capture_output=True, text=True, cwd=ROOT, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
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
