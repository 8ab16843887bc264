"""Where search terms occur in displayed text, for marking hits.

Terms from the index are folded (reader.text.fold: traditional → simplified,
full → half width, lower case). The displayed text may be in any script, so we
fold it too and match there; fold keeps length, so the positions found are
positions in the displayed text. Qt counts UTF-16 code units, Python code
points: :func:`to_utf16` converts positions for QTextDocument.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from reader.text.fold import fold


def clean_terms(terms: Iterable[str]) -> list[str]:
    """Folded, non-empty, longest first (so a longer term wins where two overlap)."""
    seen = {fold(t).strip() for t in terms}
    return sorted((t for t in seen if t), key=len, reverse=True)


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of any term in ``text``, in order."""
    words = clean_terms(terms)
    if not words or not text:
        return []
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def to_utf16(text: str, positions: list[int]) -> list[int]:
    """Map code point offsets in ``text`` to UTF-16 offsets (astral chars count 2)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return list(positions)
    extra = [0] * (len(text) + 1)
    count = 0
    for i, ch in enumerate(text):
        extra[i] = count
        if ord(ch) >= 0x10000:
            count += 1
    extra[len(text)] = count
    return [p + extra[min(p, len(text))] for p in positions]


def mark_html(text: str, terms: Iterable[str], tag: str = "b") -> str:
    """``text`` HTML-escaped with every term occurrence wrapped in ``<tag>``."""
    out: list[str] = []
    last = 0
    for start, end in find_spans(text, terms):
        out.append(html.escape(text[last:start]))
        out.append(f"<{tag}>{html.escape(text[start:end])}</{tag}>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)
