"""One segmentation of a story's text, shared by every tagger.

Tagging runs at import for every story, so we run jieba once, with part of
speech tags from its dictionary and without its HMM (the HMM part-of-speech
pass is five times slower and tags most unknown words as person names).
Words missing from the dictionary come out as runs of single characters;
:func:`unknown_runs` gives them back as candidates for new words and names.

Traditional-script stories are converted to simplified first (OpenCC's
character table) so that tags merge across scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.text import words
from reader.text.fold import fold, fold_table

#: Part-of-speech tags of function words that never start or end a name or term.
FUNCTION_TAGS = frozenset(
    {
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "uv",
        "ud",
        "ug",
        "d",
        "r",
        "m",
        "q",
        "f",
        "y",
        "e",
        "o",
        "x",
        "zg",
        "t",
    }
)

#: Characters that are never part of a new word's edge, whatever their dictionary tag.
EDGE_STOP = frozenset(
    "的了在是和与及或等对把被向从将为以于也都就又还这那其该个之而并由给让使已所且着过地得到有无不没很更最每各本此说称获曾问指答"
)

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Token:
    """One word of the segmentation with its dictionary tag and offset."""

    word: str
    tag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


@dataclass
class Segmented:
    """A story's text (simplified) and its words."""

    text: str
    tokens: list[Token]
    starts: set[int] = field(default_factory=set)
    ends: set[int] = field(default_factory=set)
    runs: list[tuple[str, int, list[Token]]] | None = None

    def __post_init__(self) -> None:
        if not self.starts:
            self.starts = {t.start for t in self.tokens}
            self.ends = {t.end for t in self.tokens}


def is_cjk(word: str) -> bool:
    return bool(word) and all(_CJK.match(ch) for ch in word)


def looks_traditional(text: str) -> bool:
    """True when ``text`` has Chinese characters that simplify to something else."""
    table = fold_table()
    return any("\u4e00" <= ch <= "\u9fff" and ord(ch) in table for ch in text)


def to_simplified(text: str) -> str:
    """``text`` in simplified script (unchanged when it already is).

    Character level, with the search fold's table (OpenCC's t2s character
    dictionary, plus full width to half width and lower case, which tags do not
    notice): OpenCC's phrase-level conversion in pure Python costs ~15 ms per
    story, three times the whole tagging budget, and names convert the same.
    """
    if not looks_traditional(text):
        return text
    return fold(text)


def segment(text: str) -> Segmented:
    """Words of ``text`` (already simplified) with dictionary tags and offsets."""
    tokens: list[Token] = []
    pos = 0
    for word, tag in words.cut_tagged(text):
        tokens.append(Token(word, tag, pos))
        pos += len(word)
    return Segmented(text, tokens)


def unknown_runs(seg: Segmented) -> list[tuple[str, int, list[Token]]]:
    """Cached :func:`find_unknown_runs` of ``seg``."""
    if seg.runs is None:
        seg.runs = find_unknown_runs(seg)
    return seg.runs


def find_unknown_runs(seg: Segmented) -> list[tuple[str, int, list[Token]]]:
    """Runs of 2–4 single Chinese characters the dictionary did not join.

    Function characters at either edge are dropped (的马家柚 -> 马家柚). Each
    run is ``(text, offset, tokens)``.
    """
    runs: list[tuple[str, int, list[Token]]] = []
    current: list[Token] = []

    edge_tags = FUNCTION_TAGS - {"zg"}

    def edge(tok: Token) -> bool:
        return tok.word in EDGE_STOP or tok.tag in edge_tags

    def flush() -> None:
        # trimmed by moving two ends (linear: popping the front of a 320,000-character run was quadratic)
        lo, hi = 0, len(current)
        while lo < hi and edge(current[lo]):
            lo += 1
        while hi > lo and edge(current[hi - 1]):
            hi -= 1
        if 2 <= hi - lo <= 4:
            kept = current[lo:hi]
            runs.append(("".join(t.word for t in kept), kept[0].start, kept))
        current.clear()

    for tok in seg.tokens:
        if len(tok.word) == 1 and _CJK.match(tok.word):
            current.append(tok)
        else:
            flush()
    flush()
    return runs
