"""Where a query's terms occur in a text (:func:`find_spans`), and snippets built on that.

:func:`find_spans` is the one rule for marking hits: the reading pane marks its spans,
and a snippet (about 80 characters of a story's own text around its best hit, hits in
``<b></b>``) marks the same ones. Text and terms are folded (:mod:`reader.text.fold`:
traditional → simplified, full → half width, lower case), which keeps length, so the
spans are positions in the text as displayed, in any script. A Latin/digit term
matches whole words and the letter or digit pieces of mixed words (``gw`` in ``15GW``,
not ``ai`` in ``said``), as the index does (:mod:`reader.text.tokenise`).

Bounded work whatever the story or query: the best window is found in one pass over the hits,
among at most :data:`MAX_HITS` hits of each of the query's first :data:`MAX_TERMS` terms in the
first :data:`MAX_CHARS` characters.

:func:`printed_forms` says where a hit is printed in other characters than the query typed
(a variant or the other script: "matched 綫 for 线"), for the snippet and the reading pane.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from reader.index.documents import printed_body
from reader.index.romanised import pinyin_matches
from reader.text.fold import fold
from reader.text.tokenise import is_cjk

WIDTH = 80
#: A snippet is looked for in this much of a story's text ...
MAX_CHARS = 200_000
#: ... among at most this many hits of each term ...
MAX_HITS = 2_000
#: ... of at most this many terms (a query of 400 ORed words marks its first 32).
MAX_TERMS = 32


def _kind(char: str) -> str:
    """ "d" for a digit, "l" for a non-CJK letter, "" otherwise."""
    if char.isdigit():
        return "d"
    if char.isalpha() and not is_cjk(char):
        return "l"
    return ""


def _bounded(folded: str, start: int, end: int) -> bool:
    """The letters/digits at ``start:end`` are a whole word or whole pieces of a mixed word."""
    before = _kind(folded[start - 1]) if start > 0 else ""
    after = _kind(folded[end]) if end < len(folded) else ""
    return (not before or before != _kind(folded[start])) and (not after or after != _kind(folded[end - 1]))


def find_spans(
    text: str, terms: Iterable[str], *, whole_words: bool = True, bounded: bool = False
) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of any of ``terms`` in ``text``, in order.

    Overlapping or touching hits are one span. ``whole_words=False`` finds Latin terms
    inside words too (a find-in-page of what the user typed). ``bounded`` keeps the work
    bounded for snippets: at most :data:`MAX_HITS` hits of each of the first :data:`MAX_TERMS` terms.
    """
    return _occurrences(fold(text), folded_terms(terms), whole_words=whole_words, bounded=bounded)


def folded_terms(terms: Iterable[str]) -> list[str]:
    """``terms`` folded and trimmed, empty ones dropped, each once (in order)."""
    return list(dict.fromkeys(t for t in (fold(term).strip() for term in terms) if t))


def _occurrences(
    folded: str, terms: list[str], *, whole_words: bool = True, bounded: bool = True
) -> list[tuple[int, int]]:
    """:func:`find_spans` in ``folded`` text, for ``terms`` from :func:`folded_terms`."""
    if not folded:
        return []
    found = []
    limit = MAX_HITS if bounded else len(folded) + 1
    for term in terms[:MAX_TERMS] if bounded else terms:
        word = whole_words and not is_cjk(term[0])
        start = folded.find(term)
        kept = 0
        while start >= 0 and kept < limit:
            end = start + len(term)
            if not word or _bounded(folded, start, end):
                found.append((start, end))
                kept += 1
            start = folded.find(term, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, terms: Iterable[str], width: int = WIDTH) -> str:
    """HTML: the window of ``text`` with the most distinct hits, hits wrapped in ``<b>``."""
    return _highlight(text, folded_terms(terms), width)[0]


def _highlight(text: str, terms: list[str], width: int) -> tuple[str, bool]:
    """``(snippet HTML, whether any term occurs in text)``; text is folded once, ``terms`` already are."""
    text = " ".join(text[:MAX_CHARS].split())
    if not text:
        return "", False
    folded = fold(text)
    spans = _occurrences(folded, terms)
    if not spans:
        cut = text[:width]
        return html.escape(cut) + ("…" if len(text) > width else ""), False
    best, best_score = 0, None
    counts: dict[str, int] = {}  # distinct hit texts in the window spans[i:j], kept in one pass
    j = 0
    for i, (s, _e) in enumerate(spans):  # window starting a little before each hit
        start = max(0, s - width // 4)
        if i and j >= i:  # the hit before leaves the window
            key = folded[spans[i - 1][0] : spans[i - 1][1]]
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
        j = max(j, i)
        while j < len(spans) and spans[j][1] <= start + width:  # merged spans: ends only grow
            key = folded[spans[j][0] : spans[j][1]]
            counts[key] = counts.get(key, 0) + 1
            j += 1
        score = (len(counts), -start)  # most distinct terms, then earliest
        if best_score is None or score > best_score:
            best, best_score = start, score
    start = best
    end = min(len(text), start + width)
    out = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(html.escape(text[pos:s]))
        out.append("<b>" + html.escape(text[s:e]) + "</b>")
        pos = e
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out), True


def story_snippet(story, terms: Iterable[str], width: int = WIDTH) -> str:
    """The snippet of a hit: from the story's text where a term occurs there, else from the
    printed lines before it (source, column, byline) where the hit is, else the opening."""
    wanted = folded_terms(terms)
    snippet, found = _highlight(story.text, wanted, width)
    if wanted and not found:
        lines = printed_body(story).split("\n")
        head = len(lines) - len(story.text.split("\n"))  # the lines before the story's own text
        for i, line in enumerate(lines[:head]):  # from the first one holding a hit (the byline, say)
            if _occurrences(fold(line), wanted):
                return _highlight("\n".join(lines[i:]), wanted, width)[0]
    return snippet


#: At most this many (printed, typed) pairs are given for one hit.
MAX_FORMS = 3
_MARKED = re.compile(r"<b>(.*?)</b>")


def _as_typed(text: str) -> str:
    """Width and case do not count as a different form (``ＡＩ`` is ``AI`` as typed)."""
    return unicodedata.normalize("NFKC", text).lower()


def _differing(printed: str, typed: str) -> tuple[str, str]:
    """The stretch where two equally long texts differ as typed (``标题缐``/``标题线`` -> ``缐``/``线``)."""
    same = [_as_typed(a) == _as_typed(b) for a, b in zip(printed, typed, strict=True)]
    if all(same):
        return "", ""
    first = same.index(False)
    last = len(same) - same[::-1].index(False)
    return printed[first:last], typed[first:last]


def printed_forms(
    story, query: str, terms: Iterable[str], snippet: str | None = None
) -> list[tuple[str, str]]:
    """``(as printed, as typed)`` for hits of ``terms`` that the story prints in other characters.

    ``query`` is the text as the user typed it: folding keeps length, so the typed form of a
    term is the stretch of the query that folds to it. Title first, then the printed body, or
    (for a results page, cheaper) only the hits a ``snippet`` marks.
    """
    wanted = folded_terms(terms)
    if not wanted or not query:
        return []
    folded_query = fold(query)
    found: list[tuple[str, str]] = []
    title = "\n".join(t for t in (story.title, story.subtitle) if t)
    shown = [printed_body(story)] if snippet is None else [html.unescape(b) for b in _MARKED.findall(snippet)]
    for text in (title, *shown):
        text = text[:MAX_CHARS]
        folded = fold(text)
        for start, end in _occurrences(folded, wanted):
            at = folded_query.find(folded[start:end])
            if at < 0:  # touching hits of two terms merged into one span
                continue
            printed, typed = _differing(text[start:end], query[at : at + end - start])
            if printed and (printed, typed) not in found:
                found.append((printed, typed))
                if len(found) >= MAX_FORMS:
                    return found
    return found


def hit_forms(
    story,
    query: str,
    terms: Iterable[str],
    pinyin: str = "",
    read: list[str] | None = None,
    snippet: str | None = None,
) -> list[tuple[str, str]]:
    """``(as printed, as typed)`` for a hit: the characters printed for what the query typed
    (:func:`printed_forms`, in the whole story or the hits its ``snippet`` marks) or, for a
    search by ``pinyin``, the names and title parts it read (``read``, when already known)."""
    if pinyin:
        found = pinyin_matches(story, pinyin) if read is None else read
        return [(printed, pinyin) for printed in found[:MAX_FORMS]]
    return printed_forms(story, query, terms, snippet)
