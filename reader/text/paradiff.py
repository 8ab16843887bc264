"""What one printing of a text changed against another: paragraphs added, removed and changed.

Paragraphs are compared by their :func:`reader.text.sketch.compact` form (folded, no
punctuation or spaces), so a traditional-character reprint of a simplified story, or
one with other quotation marks or line breaks, differs only where its words differ.
What is returned holds each side's paragraphs as printed (in its own script). Inside
a changed paragraph, :func:`inline_diff` marks the characters that differ, again
comparing folded characters (folding keeps offsets, so they point into the printed text).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from reader.text.fold import fold
from reader.text.sketch import compact

#: Two paragraphs at the same place whose compact forms are at least this alike are one
#: paragraph changed; less alike, one removed and another added.
CHANGED = 0.5


@dataclass(frozen=True)
class Change:
    """One step of a paragraph diff. ``op``: ``same``, ``added``, ``removed`` or ``changed``."""

    op: str
    original: str = ""  # the paragraph as the original prints it ("" for added)
    copy: str = ""  # as the copy prints it ("" for removed)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def paragraph_diff(original: list[str], copy: list[str]) -> list[Change]:
    """The steps from ``original``'s paragraphs to ``copy``'s, in reading order."""
    keys_a = [compact(p) for p in original]
    keys_b = [compact(p) for p in copy]
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = zip(range(i1, i2), range(j1, j2), strict=True)
            out.extend(Change("same", original[i], copy[j]) for i, j in same)
            continue
        i, j = i1, j1
        while i < i2 and j < j2:  # pair the block's paragraphs in order while they stay alike
            if _ratio(keys_a[i], keys_b[j]) >= CHANGED:
                out.append(Change("changed", original[i], copy[j]))
                i, j = i + 1, j + 1
            elif i2 - i >= j2 - j:
                out.append(Change("removed", original=original[i]))
                i += 1
            else:
                out.append(Change("added", copy=copy[j]))
                j += 1
        out.extend(Change("removed", original=original[k]) for k in range(i, i2))
        out.extend(Change("added", copy=copy[k]) for k in range(j, j2))
    return out


def inline_diff(original: str, copy: str) -> list[tuple[str, str, str]]:
    """Runs of ``(op, original text, copy text)`` with op ``same``, ``removed``, ``added`` or ``changed``.

    Characters are compared folded (so 经 and 經 are the same); the texts returned are as
    printed, each side in its own script.
    """
    a, b = fold(original), fold(copy)
    runs: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        kind = {"equal": "same", "delete": "removed", "insert": "added", "replace": "changed"}[op]
        runs.append((kind, original[i1:i2], copy[j1:j2]))
    return runs


def summary(changes: list[Change]) -> dict[str, int]:
    """How many paragraphs of each kind (``same``, ``added``, ``removed``, ``changed``)."""
    counts = {"same": 0, "added": 0, "removed": 0, "changed": 0}
    for change in changes:
        counts[change.op] += 1
    return counts
