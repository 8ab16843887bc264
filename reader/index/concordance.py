"""The concordance (key word in context) of a query: every occurrence of its words and phrases.

Each positive word or quoted phrase of the query (:class:`reader.index.query.HitPattern`) is
looked for in the folded text of the fields it searches (folding keeps length, so offsets
are those of the text as written, in any script). Every occurrence counts, overlapping ones
too (``哈哈`` twice in ``哈哈哈``) and inside longer words (Chinese has no word boundaries to
respect); a letter/digit piece must stand whole, as the index has it (``gw`` in ``15GW``, not
``ai`` in ``said``); between the pieces of a phrase only spaces and punctuation may stand, as
in the index. A line holds the left context, the hit and the right context, each window counted
in characters (line breaks shown as spaces), in the chosen script.

Lines stream in result order (:meth:`Concordance.lines`): the first page is ready after the
first few stories are read. Sorting by context needs every line (:func:`sorted_lines`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.index.documents import searchable_text
from reader.index.matches import MatchList
from reader.index.query import HitPattern
from reader.story import Story
from reader.text.convert import convert
from reader.text.fold import fold
from reader.text.tokenise import CJK_RANGES, is_cjk

#: Characters each side of a hit, unless asked otherwise.
DEFAULT_WIDTH = 20
MAX_WIDTH = 500
#: How lines can be ordered: as the results are (``order``), or by one of their parts.
SORTS = ("order", "left", "right", "date", "source")

#: The columns of :meth:`KwicLine.row` (CSV export, the clipboard).
TABLE_HEADER = ("left", "hit", "right", "date", "source", "title", "id", "field", "offset")

_LATIN = f"[^\\W\\d_{CJK_RANGES}]"
_SEPARATOR = r"[\W_]*"


@dataclass
class KwicLine:
    """One occurrence: where it is (story, field, character offsets there) and its contexts."""

    story_id: str
    title: str
    date: str
    source: str
    field: str  # a searchable field name: "title", "body", ...
    start: int  # offsets of the hit in searchable_text(story)[field]
    end: int
    left: str
    hit: str
    right: str

    def row(self) -> list[object]:
        """The line as a table row (see :data:`TABLE_HEADER`)."""
        return [
            self.left,
            self.hit,
            self.right,
            self.date,
            self.source,
            self.title,
            self.story_id,
            self.field,
            self.start,
        ]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.story_id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "left": self.left,
            "hit": self.hit,
            "right": self.right,
        }


def _piece_regex(piece: str) -> str:
    """A piece as a regex: CJK literally; a digit or letter piece not touching more of its kind."""
    body = re.escape(piece)
    if is_cjk(piece[0]):
        return body
    if piece[0].isdigit():
        return rf"(?<!\d){body}(?!\d)"
    return rf"(?<!{_LATIN}){body}(?!{_LATIN})"


@functools.lru_cache(maxsize=256)
def pattern_regex(pattern: HitPattern) -> re.Pattern[str]:
    """Every start of ``pattern`` in folded text (overlapping ones too): group 1 is the hit."""
    inner = _SEPARATOR.join(_piece_regex(p) for p in pattern.pieces)
    return re.compile(f"(?=({inner}))")


def occurrences(folded: str, patterns: Iterable[HitPattern], fieldname: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence in ``folded`` text of field ``fieldname``, in order."""
    found: set[tuple[int, int]] = set()
    for pattern in patterns:
        if fieldname not in pattern.fields or not pattern.pieces:
            continue
        for m in pattern_regex(pattern).finditer(folded):
            found.add((m.start(1), m.end(1)))
    return sorted(found)


def _shown(text: str, script: str | None) -> str:
    flat = text.replace("\r", " ").replace("\n", " ").replace("\u2028", " ")
    return convert(flat, script) if script and flat else flat


def story_lines(
    story: Story, patterns: list[HitPattern], width: int = DEFAULT_WIDTH, script: str | None = None
) -> list[KwicLine]:
    """The concordance lines of one story (title first, then the body and the other fields)."""
    fields = list(dict.fromkeys(f for p in patterns for f in p.fields))
    texts = searchable_text(story)
    lines: list[KwicLine] = []
    title, date, source = _shown(story.title, script), story.date, _shown(story.source, script)
    for name in fields:
        text = texts.get(name, "")
        if not text:
            continue
        for start, end in occurrences(fold(text), patterns, name):
            lines.append(
                KwicLine(
                    story.id,
                    title,
                    date,
                    source,
                    name,
                    start,
                    end,
                    _shown(text[max(0, start - width) : start], script),
                    _shown(text[start:end], script),
                    _shown(text[end : end + width], script),
                )
            )
    return lines


class Concordance:
    """The concordance of one request's matches (see the module docstring)."""

    def __init__(self, matches: MatchList, width: int = DEFAULT_WIDTH, script: str | None = None) -> None:
        self.matches = matches
        self.width = max(0, min(int(width), MAX_WIDTH))
        self.script = script
        self.patterns = list(matches.parsed.patterns)
        #: Occurrences and stories with at least one, counted as :meth:`lines` goes.
        self.occurrences = 0
        self.stories = 0

    @property
    def notes(self) -> list[str]:
        notes = list(self.matches.notes)
        if not self.patterns and self.matches.parsed.query is not None:
            notes.append(
                "the query has no words or phrases to show in context (only fields like tag: or date:)"
            )
        return notes

    def lines(self) -> Iterator[KwicLine]:
        """Every line, in result order, story by story (counts grow as it goes)."""
        if not self.patterns:
            return
        for story in self.matches.stories():
            found = story_lines(story, self.patterns, self.width, self.script)
            if found:
                self.stories += 1
                self.occurrences += len(found)
                yield from found


def sorted_lines(lines: Iterable[KwicLine], sort: str = "order") -> list[KwicLine]:
    """``lines`` in ``sort`` order (one of :data:`SORTS`); ties keep result order."""
    out = list(lines)
    if sort == "left":  # by the characters nearest the hit first, as concordances sort left
        out.sort(key=lambda line: (fold(line.left)[::-1], fold(line.hit)))
    elif sort == "right":
        out.sort(key=lambda line: (fold(line.hit), fold(line.right)))
    elif sort == "date":
        out.sort(key=lambda line: line.date)
    elif sort == "source":
        out.sort(key=lambda line: fold(line.source))
    elif sort != "order":
        raise ValueError(f"unknown concordance order {sort!r}; expected one of {', '.join(SORTS)}")
    return out
