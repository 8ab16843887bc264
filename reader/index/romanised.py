"""Search by pinyin: what a story puts in the pinyin fields, and the query a pinyin search runs.

A story's ``pinyin`` field holds the syllables of its title and subtitle as read in context
(analysed with the other text fields, in the import's worker processes), ``pinyin_names`` those
of its authors and its place, person and organisation tags with every reading of each character
(see :mod:`reader.text.pinyin`: a name is found as 长 chang or zhang). Each position holds its
syllable and the pair it starts (``shang rao``), as the CJK index holds characters and pairs: a
query of n syllables is n-1 rare pairs at consecutive positions, never a phrase of common
syllables. Runs follow one another with a gap so that no match spans two of them;
``pinyin_initials`` holds the initials of its names of 2-6 characters. A pinyin query is every
way of cutting the typed text into syllables, each such phrase in both fields, or the text as
initials. :func:`pinyin_matches` says which of a story's names and title a query read,
for the note and the marks on a hit.
"""

from __future__ import annotations

from whoosh import query as wq

from reader.index.phrase import NgramPhrase
from reader.index.schema import Postings, encode_positions, make_schema
from reader.story import Story
from reader.text import pinyin

#: Tag kinds whose names are searched by pinyin.
NAME_KINDS = ("place", "person", "org")
#: The syllable fields (titles; names).
FIELDS = ("pinyin", "pinyin_names")
#: The query prefix that asks for a pinyin search only.
PREFIX = "py:"

_FORMAT = make_schema()["pinyin"].format


def story_names(story: Story) -> list[str]:
    """The names a story is found under by pinyin: its authors and place, person, organisation tags."""
    names = [a for a in story.authors if a]
    for tag in story.tags:
        kind, _, name = tag.partition(":")
        if kind in NAME_KINDS and name:
            names.append(name)
    return list(dict.fromkeys(names))


def _titles(story: Story) -> list[str]:
    return [t for t in (story.title, story.subtitle) if t]


def _searched_texts(story: Story) -> list[str]:
    return _titles(story) + story_names(story)


def _readings(text: str, every: bool) -> list[list[list[str]]]:
    """The runs' readings; ``every=False``: the context reading of each character only."""
    runs = pinyin.readings(text)
    return runs if every else [[options[:1] for options in run] for run in runs]


def _postings(texts: list[str], every: bool) -> Postings | None:
    """Syllable and syllable-pair postings of ``texts``, a gap between runs."""
    positions: dict[str, list[int]] = {}
    pos = 0
    for text in texts:
        for run in _readings(text, every):
            for i, options in enumerate(run):
                for syllable in options:
                    positions.setdefault(syllable, []).append(pos)
                    for following in run[i + 1] if i + 1 < len(run) else ():
                        positions.setdefault(f"{syllable} {following}", []).append(pos)
                pos += 1
            pos += 1  # no phrase spans two runs
    for poses in positions.values():  # two readings may give one pair twice at a position
        poses[:] = sorted(set(poses))
    return encode_positions(_FORMAT, positions) if positions else None


def title_pinyin(story: Story) -> dict[str, Postings]:
    """The ``pinyin`` postings of the title and subtitle (part of the heavy, per-worker analysis)."""
    found = _postings(_titles(story), every=False)
    return {"pinyin": found} if found is not None else {}


def name_pinyin(story: Story) -> dict[str, Postings | list[str]]:
    """The ``pinyin_names`` postings and ``pinyin_initials`` terms of a story's final names."""
    out: dict[str, Postings | list[str]] = {}
    found = _postings(story_names(story), every=True)
    if found is not None:
        out["pinyin_names"] = found
    initials = [i for name in story_names(story) for i in pinyin.initials(name)]
    if initials:
        out["pinyin_initials"] = list(dict.fromkeys(initials))
    return out


def pinyin_request(text: str) -> tuple[str, bool]:
    """``(the pinyin to search, whether py: asked for it)``; ``("", False)`` when it is not pinyin."""
    stripped = text.strip()
    if stripped.lower().startswith(PREFIX):
        rest = stripped[len(PREFIX) :].strip()
        return (rest, True) if pinyin.looks_like_pinyin(rest) else ("", True)
    return (stripped, False) if pinyin.looks_like_pinyin(stripped) else ("", False)


def pinyin_query(text: str) -> wq.Query | None:
    """Stories whose title or names read as ``text`` in pinyin (None if it reads as nothing)."""
    parts: list[wq.Query] = []
    for cut in pinyin.query_cuts(text):
        units = [f"{a} {b}" for a, b in zip(cut, cut[1:], strict=False)] or cut
        for fieldname in FIELDS:
            parts.append(wq.Term(fieldname, units[0]) if len(units) == 1 else NgramPhrase(fieldname, units))
    if not parts:
        initials = pinyin.query_initials(text)
        if initials:
            parts.append(wq.Term("pinyin_initials", initials))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def pinyin_matches(story: Story, text: str) -> list[str]:
    """The parts of the story's title and names that ``text`` read in pinyin (for marking the hit)."""
    cuts = pinyin.query_cuts(text)
    initials = pinyin.query_initials(text) if not cuts else ""
    found: list[str] = []
    names = story_names(story)
    for source in _searched_texts(story):
        runs = _readings(source, every=source in names)
        chars = pinyin.han_runs(source)
        for run, readings in zip(chars, runs, strict=True):
            for cut in cuts:
                for start in pinyin.matches(readings, cut):
                    found.append(run[start : start + len(cut)])
        if initials and source in names and initials in pinyin.initials(source):
            found.append(source)
    return list(dict.fromkeys(found))
