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
import math
import re
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


def cut_tagged(text: str) -> list[tuple[str, str]]:
    """``(word, tag)`` for each word of ``text`` (simplified), dictionary tags only (no HMM).

    The words and tags of ``jieba.posseg.cut(text, HMM=False)``, computed by :class:`_Segmenter`:
    the same blocks, dictionary graph and best route, in one pass per block without jieba's
    per-word objects and dictionaries (posseg was a fifth of an import's CPU).
    """
    return _segmenter().cut(text)


@functools.cache
def _segmenter() -> _Segmenter:
    posseg = _posseg()
    posseg.dt.makesure_userdict_loaded()
    return _Segmenter(posseg.dt.tokenizer.FREQ, posseg.dt.tokenizer.total, posseg.dt.word_tag_tab)


#: jieba.posseg's block and skip patterns (HMM off): runs of Han, ASCII letters/digits and +#&._ are
#: segmented with the dictionary, whitespace is a word of its own, anything else is one character each.
_HAN_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_NUM = re.compile(r"[.0-9]+")
_ENG = re.compile("[a-zA-Z0-9]+")


class _Segmenter:
    """jieba's no-HMM dictionary segmentation and tagging, word for word (see :func:`cut_tagged`)."""

    def __init__(self, freq: dict[str, int], total: int, tags: dict[str, str]):
        self.freq = freq
        self.logtotal = math.log(total)
        self.tags = tags

    def cut(self, text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for block in _HAN_BLOCK.split(text):
            if not block:
                continue
            if _HAN_BLOCK.match(block):
                self._cut_block(block, out)
                continue
            for x in _SKIP.split(block):
                if _SKIP.match(x):
                    out.append((x, "x"))
                    continue
                eng = _ENG.match(x) is not None  # as jieba: the whole piece decides "eng"
                for ch in x:
                    out.append((ch, "m" if _NUM.match(ch) else "eng" if eng else "x"))
        return out

    def _cut_block(self, s: str, out: list[tuple[str, str]]) -> None:
        # a candidate's weight is log(frequency or 1) - log(total), as jieba's route computes it (not
        # memoised: a cache of every word seen held ~10 MB after a 5,000-story import, for no speed)
        freq, tags, log, logtotal = self.freq, self.tags, math.log, self.logtotal
        n = len(s)
        best = [0.0] * (n + 1)
        end = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            # candidates: ends i of dictionary words s[k:i+1] (a prefix in the table, frequency > 0),
            # or the character alone; the best route keeps the highest weight, the longest on a tie
            top = None
            top_end = k
            i = k
            frag = s[k]
            while frag in freq:
                count = freq[frag]
                if count:
                    v = (log(count) - logtotal) + best[i + 1]
                    if top is None or v >= top:
                        top, top_end = v, i
                i += 1
                if i >= n:
                    break
                frag = s[k : i + 1]
            if top is None:
                top = (log(freq.get(s[k]) or 1) - logtotal) + best[k + 1]
            best[k] = top
            end[k] = top_end
        x = 0
        buf = ""
        while x < n:
            y = end[x] + 1
            word = s[x:y]
            if y - x == 1 and word.isascii() and word.isalnum():
                buf += word
            else:
                if buf:
                    out.append((buf, "eng"))
                    buf = ""
                out.append((word, tags.get(word, "x")))
            x = y
        if buf:
            out.append((buf, "eng"))


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
