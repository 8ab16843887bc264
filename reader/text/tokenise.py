"""Cut folded text into index terms: CJK characters as unigrams and bigrams, other scripts as words.

Every CJK character takes one position and gives a unigram term at it; every
pair of neighbouring CJK characters gives a bigram term at the first one's
position. A run of letters/digits (Latin, Greek, Cyrillic, ...) is one word; a
word that mixes letters and digits (``15gw``, ``5g``, ``covid19``) is indexed
whole at its first position and also as its pieces split at letter/digit
boundaries (``15`` ``gw``), one position each, so ``GW`` finds ``15GW`` as
readers of Chinese text expect. Spaces and punctuation take no position, so a
quoted phrase matches its terms in order whatever punctuation stands between them.

A query word is looked up as :func:`query_units`: a CJK run of length n > 1
becomes its n-1 overlapping bigrams followed by its last character, one per
position, and a mixed letter/digit word becomes its pieces, so any sequence of
units can be matched as an exact phrase.
Segmentation (jieba) is never needed for a hit.
"""

from __future__ import annotations

import re
from collections import defaultdict

#: Characters indexed one by one: Han (all extensions), 〇/々, kana, hangul, CJK compatibility.
CJK_RANGES = (
    "\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3040-\u309f\u30a0-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_TOKEN_RE = re.compile(f"([{CJK_RANGES}]+)|([^\\W_{CJK_RANGES}]+)")
CJK_RE = re.compile(f"[{CJK_RANGES}]")
#: The pieces of a letter/digit word: runs of digits, runs of letters.
_PIECE_RE = re.compile(r"\d+|[^\W\d_]+")


def word_pieces(word: str) -> list[str]:
    """``15gw`` -> ``["15", "gw"]``; a word of letters only or digits only is one piece."""
    pieces = _PIECE_RE.findall(word)
    return pieces if len(pieces) > 1 else [word]


def is_cjk(char: str) -> bool:
    return CJK_RE.match(char) is not None


def spans(folded: str) -> list[tuple[str, int, int, bool]]:
    """``(text, start, end, is_cjk_run)`` for each run of indexable characters."""
    return [(m.group(), m.start(), m.end(), m.group(1) is not None) for m in _TOKEN_RE.finditer(folded)]


def postings(folded: str) -> dict[str, list[int]]:
    """term -> positions (ascending) for already folded text."""
    poses: dict[str, list[int]] = defaultdict(list)
    pos = 0
    for m in _TOKEN_RE.finditer(folded):
        run = m.group(1)
        if run is None:
            word = m.group(2)
            pieces = word_pieces(word)
            if len(pieces) > 1:
                poses[word].append(pos)
            for piece in pieces:
                poses[piece].append(pos)
                pos += 1
            continue
        prev = ""
        for ch in run:
            poses[ch].append(pos)
            if prev:
                poses[prev + ch].append(pos - 1)
            prev = ch
            pos += 1
    return poses


def query_units(folded: str) -> list[str]:
    """The terms, one per consecutive position, that text must contain to contain ``folded``.

    ``马家柚`` -> ``["马家", "家柚", "柚"]``; ``a股`` -> ``["a", "股"]``;
    ``5g网`` -> ``["5", "g", "网"]``. Matching
    them as an exact phrase is equivalent to finding the text as a substring
    (modulo spaces and punctuation, which take no position).
    """
    units: list[str] = []
    for m in _TOKEN_RE.finditer(folded):
        run = m.group(1)
        if run is None:
            units.extend(word_pieces(m.group(2)))
            continue
        units.extend(run[i : i + 2] for i in range(len(run) - 1))
        units.append(run[-1])
    return units


def minimal_units(units: list[str]) -> list[str]:
    """Drop a trailing unigram already implied by the bigram before it (for cheaper phrases)."""
    if len(units) >= 2 and len(units[-1]) == 1 and len(units[-2]) == 2 and units[-2][1] == units[-1]:
        if is_cjk(units[-1]):
            return units[:-1]
    return units
