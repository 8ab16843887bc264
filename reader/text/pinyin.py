"""Pinyin for search by romanisation: the readings of titles and names, and typed pinyin queries.

Owns the romanisation rules search uses. A text's readings come from ``pypinyin`` (its phrase data
picks the reading of a polyphonic character in context: 银行 hang, 重庆 chong); every other
reading a character has is kept beside it at the same position, so a name is found under any
reading people use (刘长胜 as chang or zhang, 单 as shan or dan). Syllables are toneless, ``ü``
written ``v`` (pypinyin's plain style). A name of 2-6 characters also has its initials (上饶经开区
``srjkq``). On the query side: whether typed text looks like pinyin, and the ways it cuts into
syllables (``xian`` is ``xian`` or ``xi an``), with or without spaces, apostrophes, tone marks
(``Xú Xīlè``) or tone numbers (``xu2 xi1 le4``).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from types import ModuleType

from reader import heap
from reader.text.tokenise import CJK_RANGES

#: Names of this many characters also get their initials.
INITIALS_LENGTHS = range(2, 7)
#: At most this many ways of cutting one query into syllables are searched.
MAX_CUTS = 8
#: A typed query longer than this is never read as pinyin.
MAX_QUERY = 80

_HAN_RUN = re.compile(f"[{CJK_RANGES}]+")
_QUERY_CHARS = re.compile(r"^[a-z\s'’\-1-5]+$")


def _plain(reading: str) -> str:
    """A tone-marked reading (``lǘ``) in the plain style (``lv``)."""
    decomposed = unicodedata.normalize("NFD", reading.lower()).replace("u\u0308", "v").replace("ü", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _pypinyin() -> ModuleType:
    import pypinyin  # ~0.15 s with its phrase data: loaded on the first pinyin use only

    heap.settle()  # its 200,000 phrase entries live as long as the process

    return pypinyin


@functools.cache
def _char_readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, plain style, most common first."""
    from pypinyin.pinyin_dict import pinyin_dict  # the character table only (already loaded with pypinyin)

    _pypinyin()
    found = pinyin_dict.get(ord(char), "")
    return tuple(dict.fromkeys(_plain(r) for r in found.split(",") if r))


@functools.cache
def syllables() -> frozenset[str]:
    """Every plain-style syllable a character can be read as (about 420)."""
    from pypinyin.pinyin_dict import pinyin_dict

    _pypinyin()
    return frozenset(_plain(r) for value in pinyin_dict.values() for r in value.split(",") if r)


def readings(text: str) -> list[list[list[str]]]:
    """For each run of Chinese characters in ``text``, each character's readings (context reading first)."""
    return [[list(p) for p in _run_readings(run)] for run in _HAN_RUN.findall(text)]


@functools.lru_cache(maxsize=1 << 16)  # names (authors, tags) recur across a library
def _run_readings(run: str) -> tuple[tuple[str, ...], ...]:
    pypinyin = _pypinyin()
    context = pypinyin.lazy_pinyin(run, style=pypinyin.Style.NORMAL, errors=lambda s: [""] * len(s))
    if len(context) != len(run):  # a reading covering several characters: read them one by one
        context = [""] * len(run)
    positions = []
    for char, first in zip(run, context, strict=True):
        options = [_plain(first)] if first else []
        options.extend(r for r in _char_readings(char) if r not in options)
        positions.append(tuple(r for r in options if r.isascii() and r.isalpha()))
    return tuple(positions)


def han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in ``text``, as :func:`readings` reads them."""
    return _HAN_RUN.findall(text)


def initials(name: str) -> list[str]:
    """The initials of a name of 2-6 Chinese characters (``上饶经开区`` -> ``["srjkq"]``), else ``[]``.

    The context reading gives the first; other readings of the first character (a surname
    such as 单 shan/dan, 曾 zeng/ceng) give more.
    """
    runs = readings(name)
    if len(runs) != 1 or len(runs[0]) not in INITIALS_LENGTHS or len(runs[0]) != len(name.strip()):
        return []
    positions = runs[0]
    if not all(positions):
        return []
    rest = "".join(p[0][0] for p in positions[1:])
    return list(dict.fromkeys(first[0] + rest for first in positions[0]))


def normalise_query(text: str) -> str:
    """Lower case, tone marks and tone numbers dropped, ``ü`` as ``v``; separators kept as spaces."""
    plain = _plain(text.strip())
    plain = re.sub(r"(?<=[a-z])[1-5]", " ", plain)
    return " ".join(re.split(r"[\s'’\-]+", plain)).strip()


def looks_like_pinyin(text: str) -> bool:
    """Whether typed text could be pinyin: Latin letters (tone marks allowed), spaces, apostrophes, tones."""
    if not text or len(text) > MAX_QUERY:
        return False
    plain = _plain(text.strip())
    return bool(_QUERY_CHARS.match(plain)) and sum(c.isalpha() for c in plain) >= 2


def _cuts(word: str, known: frozenset[str]) -> list[list[str]]:
    """Every way (at most :data:`MAX_CUTS`) of cutting ``word`` into syllables, fewest syllables first."""

    @functools.cache
    def from_(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(word):
            return ((),)
        out: list[tuple[str, ...]] = []
        for j in range(min(len(word), i + 6), i, -1):  # a syllable has at most 6 letters (zhuang)
            if word[i:j] in known:
                out.extend((word[i:j], *rest) for rest in from_(j))
                if len(out) >= MAX_CUTS:
                    break
        return tuple(out[:MAX_CUTS])

    return sorted((list(c) for c in from_(0)), key=len)


def query_cuts(text: str) -> list[list[str]]:
    """The syllable sequences a pinyin query means (``"xu xile"``: ``[["xu", "xi", "le"]]``); [] if none."""
    words = normalise_query(text).split()
    if not words:
        return []
    known = syllables()
    per_word = [_cuts(w, known) for w in words]
    if not all(per_word):
        return []
    combos = itertools.islice(itertools.product(*per_word), MAX_CUTS)
    return [[s for part in combo for s in part] for combo in combos]


def query_initials(text: str) -> str:
    """The query as initials of a 2-6 character name (``srjkq``), or ``""`` when it cannot be one."""
    word = normalise_query(text)
    return word if word.isalpha() and len(word) in INITIALS_LENGTHS else ""


def matches(name_readings: list[list[str]], cut: Iterable[str]) -> list[int]:
    """Start positions where the syllables ``cut`` are read consecutively in one run's readings."""
    want = list(cut)
    n = len(want)
    return [
        i for i in range(len(name_readings) - n + 1) if all(want[k] in name_readings[i + k] for k in range(n))
    ]
