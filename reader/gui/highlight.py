"""Qt's offsets for the hits the core finds: UTF-16 code units instead of code points.

Where hits are is decided once, by :func:`reader.index.snippets.find_spans` (the reading
pane marks what the snippet marks). Qt counts UTF-16 code units, Python code points:
:func:`to_utf16` converts positions for QTextDocument.
"""

from __future__ import annotations


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
