"""Every story matching one request, in result order: their dates as an array, the stories read lazily.

A :class:`MatchList` is what the research tools start from: the concordance
(:mod:`reader.index.concordance`) reads the stories one by one in result order, so
its first lines are ready long before the last story is read; the timeline
(:mod:`reader.index.timeline`) needs only the dates, which come from the
per-segment date arrays without reading a single story.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np

from reader.index.documents import decode_story
from reader.index.query import Parsed
from reader.index.search import Matched
from reader.story import Story


def date_keys_of(matched: Matched) -> np.ndarray:
    """The ``yyyymmdd`` date keys (missing parts 0) of the matched stories, in docnum order."""
    parts = [leaf.data.date_keys[mask] for leaf, mask in zip(matched.leaves, matched.masks, strict=True)]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


class MatchList:
    """The matches of one request on one searcher (a later commit does not change them)."""

    def __init__(
        self,
        lock: threading.RLock,
        searcher,
        order: np.ndarray,
        date_keys: np.ndarray,
        parsed: Parsed,
        notes: list[str],
    ) -> None:
        self._lock = lock
        self._searcher = searcher
        #: Global docnums in result order.
        self.order = order
        #: Date keys of the matches (docnum order, see :func:`date_keys_of`).
        self.date_keys = date_keys
        self.parsed = parsed
        self.notes = notes

    @property
    def total(self) -> int:
        return len(self.order)

    def stories(self, start: int = 0, stop: int | None = None) -> Iterator[Story]:
        """The matching stories ``start:stop`` in result order, read one at a time."""
        for docnum in self.order[start:stop].tolist():
            with self._lock:  # the searcher is shared with searches in other threads
                data = self._searcher.stored_fields(docnum)["data"]
            yield decode_story(data)

    def ids(self) -> list[str]:
        """The ids of every match, in result order."""
        with self._lock:
            stored = self._searcher.stored_fields
            return [stored(d)["id"] for d in self.order.tolist()]
