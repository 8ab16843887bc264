"""The query language: a small tokenizer and recursive-descent parser producing Whoosh queries.

Grammar (implicit AND between terms)::

    query  := or ( OR or )*            OR also spelt |
    and    := unary ( [AND] unary )*   AND also spelt &&
    unary  := (NOT | - | !) unary | atom
    atom   := "(" query ")" | [field:] (word | "quoted phrase")

Fields: ``title: author: source: column: tag: date:`` (``date:2024``,
``date:2024-05``, ``date:2024-01-01..2024-06-30``). A word's characters must
occur contiguously (a CJK run is matched as a phrase of overlapping bigrams);
a quoted phrase's terms must occur in order, with only spaces or punctuation
between them. Malformed input never raises: it is parsed as well as possible
and a short English note is added for each repair and for each part that is
ignored or cannot match (an unknown ``field:``, an impossible or reversed date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq

from reader.index.phrase import NgramPhrase
from reader.index.schema import DEFAULT_FIELDS, QUERY_FIELDS
from reader.text.fold import fold
from reader.text.tokenise import minimal_units, query_units, spans, word_pieces

MAX_QUERY = 1000
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "＂": "＂"}
_OPEN = "(（"
_CLOSE = ")）"
_FIELDS = set(QUERY_FIELDS) | {"tag", "date"}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_DATE_RE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


@dataclass(frozen=True)
class HitPattern:
    """One positive word or quoted phrase of a query, as the text must hold it to be a hit.

    ``pieces`` are the folded runs (a CJK run, or one letter/digit piece of a word) that must
    follow each other with only spaces or punctuation between (none inside a CJK run), in one of
    ``fields`` (searchable field names, see ``documents.searchable_text``).
    """

    fields: tuple[str, ...]
    pieces: tuple[str, ...]


@dataclass
class Parsed:
    """A parsed query: the Whoosh query (``None``: every story), notes, highlight terms, hit patterns."""

    query: wq.Query | None
    notes: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    patterns: list[HitPattern] = field(default_factory=list)


@dataclass
class _Tok:
    kind: str  # "word", "phrase", "(", ")", "or", "and", "not"
    text: str = ""
    field: str = ""


def _tokenize(text: str, notes: list[str]) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _OPEN:
            toks.append(_Tok("("))
            i += 1
            continue
        if ch in _CLOSE:
            toks.append(_Tok(")"))
            i += 1
            continue
        prefix_not = False
        if ch in "-!－！" and i + 1 < n and not text[i + 1].isspace():
            prefix_not = True
            i += 1
            ch = text[i]
            if i < n and text[i] in _OPEN:
                toks.append(_Tok("not"))
                continue
        fieldname = ""
        m = re.match(r"([A-Za-z]+)[:：]", text[i:])
        if m and i + m.end() < n and not text[i + m.end()].isspace():
            if m.group(1).lower() in _FIELDS:
                fieldname = m.group(1).lower()
                i += m.end()
                ch = text[i]
            else:
                note = f"unknown field {m.group(1)!r}: searched as text"
                if note not in notes:
                    notes.append(note)
        if prefix_not:
            toks.append(_Tok("not"))
        if ch in _QUOTES:
            close = _QUOTES[ch]
            end = text.find(close, i + 1)
            if end < 0 and ch in "“”":
                end = text.find('"', i + 1)
            if end < 0:
                notes.append("unbalanced quote ignored")
                i += 1
                continue
            toks.append(_Tok("phrase", text[i + 1 : end], fieldname))
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in _OPEN and text[j] not in _CLOSE:
            if text[j] in _QUOTES and j > i:
                break
            j += 1
        word = text[i:j]
        i = j
        if not fieldname and not prefix_not:
            if word in ("OR", "|", "||"):
                toks.append(_Tok("or"))
                continue
            if word in ("AND", "&&", "&"):
                toks.append(_Tok("and"))
                continue
            if word == "NOT":
                toks.append(_Tok("not"))
                continue
        toks.append(_Tok("word", word, fieldname))
    return toks


class _Parser:
    def __init__(self, toks: list[_Tok], notes: list[str]):
        self.toks = toks
        self.pos = 0
        self.notes = notes
        self.terms: list[str] = []
        self.patterns: list[HitPattern] = []
        self.negated = 0

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def parse(self) -> wq.Query | None:
        result = self.parse_or()
        while (tok := self.peek()) is not None:  # stray ")" or similar: skip and go on
            if tok.kind == ")":
                self.note("unbalanced bracket ignored")
            self.pos += 1
            more = self.parse_or()
            if more is not None:
                result = more if result is None else wq.And([result, more])
        return result

    def parse_or(self) -> wq.Query | None:
        parts = []
        left = self.parse_and()
        if left is not None:
            parts.append(left)
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.pos += 1
            right = self.parse_and()
            if right is None or left is None:
                self.note("lone operator OR ignored")
            if right is not None:
                parts.append(right)
            left = right
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def parse_and(self) -> wq.Query | None:
        parts: list[wq.Query] = []
        while (tok := self.peek()) is not None and tok.kind not in ("or", ")"):
            if tok.kind == "and":
                self.pos += 1
                if not parts or (nxt := self.peek()) is None or nxt.kind in ("or", ")", "and"):
                    self.note("lone operator AND ignored")
                continue
            q = self.parse_unary()
            if q is not None:
                parts.append(q)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)

    def parse_unary(self) -> wq.Query | None:
        tok = self.peek()
        if tok is not None and tok.kind == "not":
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", ")", "and"):
                self.note("lone operator NOT ignored")
                return None
            self.negated += 1
            inner = self.parse_unary()
            self.negated -= 1
            return None if inner is None else wq.Not(inner)
        return self.parse_atom()

    def parse_atom(self) -> wq.Query | None:
        tok = self.peek()
        if tok is None:  # the end of the query: nothing left to parse
            return None
        self.pos += 1
        if tok.kind == "(":
            inner = self.parse_or()
            if (close := self.peek()) is not None and close.kind == ")":
                self.pos += 1
            else:
                self.note("unbalanced bracket ignored")
            return inner
        return self.leaf(tok)

    def leaf(self, tok: _Tok) -> wq.Query | None:
        if tok.field == "date":
            return self.date(tok.text)
        if tok.field == "tag":
            value = fold(tok.text.strip())
            return wq.Term("tagq", value) if value else None
        folded = fold(tok.text)
        units = query_units(folded)
        if not units:
            if tok.text.strip():
                self.note(f"{tok.text.strip()!r} holds no letters, digits or characters to search: ignored")
            return None
        fields = QUERY_FIELDS.get(tok.field, DEFAULT_FIELDS)
        if not self.negated:
            found = spans(folded)
            self.terms.extend(text for text, _s, _e, _cjk in found)
            pieces = [p for text, _s, _e, cjk in found for p in ([text] if cjk else word_pieces(text))]
            self.patterns.append(HitPattern(tuple(fields), tuple(pieces)))
        qs = [text_query(f, units) for f in fields]
        return qs[0] if len(qs) == 1 else wq.Or(qs)

    def date(self, text: str) -> wq.Query | None:
        lo, sep, hi = text.partition("..")
        if not sep:
            hi = lo
        if (lo and not valid_date(lo)) or (hi and not valid_date(hi)) or not (lo or hi):
            self.note(f"invalid date {text!r} ignored")
            return None
        lo, hi, reversed_ = ordered_range(lo, hi)
        if reversed_:
            self.note(f"reversed date range {text!r} read as {lo + '..' + hi!r}")
        return date_range(lo, hi)


def valid_date(value: str) -> bool:
    """``2024``, ``2024-05`` or ``2024-05-24`` naming a real year, month or day."""
    if not _DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        import calendar

        if not 1 <= parts[2] <= calendar.monthrange(parts[0] or 1, parts[1])[1]:
            return False
    return parts[0] >= 1


def ordered_range(lo: str, hi: str) -> tuple[str, str, bool]:
    """``(lo, hi, swapped)``: a range whose start lies after its end, the right way round."""
    if lo and hi and _norm_date(lo) > _norm_date(hi) and not _norm_date(hi).startswith(_norm_date(lo)):
        return hi, lo, True
    return lo, hi, False


def _norm_date(value: str) -> str:
    parts = value.split("-")
    return "-".join([parts[0]] + [p.zfill(2) for p in parts[1:]])


def date_range(lo: str, hi: str) -> wq.Query:
    """Stories dated from ``lo`` to ``hi`` (ISO prefixes, inclusive; either may be empty)."""
    start = _norm_date(lo) if lo else None
    end = _norm_date(hi) + "\uffff" if hi else None
    return wq.TermRange("date", start, end)


def text_query(fieldname: str, units: list[str]) -> wq.Query:
    """Units (one per consecutive position) as a Term or exact Phrase in one field."""
    units = minimal_units(units)
    if len(units) == 1:
        return wq.Term(fieldname, units[0])
    return NgramPhrase(fieldname, units)


def parse(text: str) -> Parsed:
    """Parse the user's query; never raises."""
    notes: list[str] = []
    text = text or ""
    if len(text) > MAX_QUERY:
        text = text[:MAX_QUERY]
        notes.append(f"query too long: only the first {MAX_QUERY} characters used")
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub(" ", text)
        notes.append("control characters ignored")
    parser = _Parser(_tokenize(text, notes), notes)
    try:
        q = parser.parse()
    except RecursionError:
        notes.append("query too deeply nested: ignored")
        q = None
    terms = list(dict.fromkeys(t for t in parser.terms if t))
    return Parsed(q, notes, terms, list(dict.fromkeys(parser.patterns)))
