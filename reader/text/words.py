"""jieba's dictionary, set up once per process: segmentation with part-of-speech tags, word
frequencies, dictionary tags and IDF weights.

Shared language data: the byline checks (:mod:`reader.ingest.names`: is this token a
common word?) and the taggers (:mod:`reader.autotag`: one segmentation per story, is
this word a name, a place, a rare term?) ask the same dictionary, so it is loaded here
and nowhere else. jieba and its tables load on the first call, never at import
(measured: the dictionary ~0.7 s and ~80 MB, with tags and IDF ~1.2 s and ~215 MB):
reading, searching and exporting never need them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from types import ModuleType


@functools.cache
def _jieba() -> ModuleType:
    """jieba with its default tokenizer initialised (once: the one place that calls initialize)."""
    import jieba  # heavy (dictionary, ~0.7 s): loaded on first use only

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


@functools.cache
def _posseg() -> ModuleType:
    _jieba()
    from jieba import posseg  # reads the dictionary's tags; after initialize so it shares the one tokenizer

    return posseg


@functools.cache
def _idf_table() -> tuple[dict[str, float], float]:
    _posseg()
    import jieba.analyse  # the IDF table (~270,000 words): loaded on first use only

    table = jieba.analyse.default_tfidf
    return table.idf_freq, table.median_idf


def cut_tagged(text: str) -> Iterator[tuple[str, str]]:
    """``(word, tag)`` for each word of ``text`` (simplified), dictionary tags only (no HMM)."""
    for pair in _posseg().cut(text, HMM=False):
        yield pair.word, pair.flag


@functools.cache
def frequency(word: str) -> int:
    """How often the dictionary has seen ``word`` (0 when it does not know it)."""
    return _jieba().dt.FREQ.get(word) or 0


def dictionary_tag(word: str) -> str | None:
    """The dictionary's part-of-speech tag for ``word`` (``nr``, ``ns``, ``n``, ...), None if unknown."""
    return _posseg().dt.word_tag_tab.get(word)


def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF weights (word -> idf) and their median (the weight of an unknown word)."""
    return _idf_table()


def idf(word: str) -> float:
    """The IDF weight of ``word``; the median for a word the table lacks."""
    table, median = _idf_table()
    return table.get(word, median)
