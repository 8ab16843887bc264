"""The open searcher's segments as :class:`Leaf` records, their arrays cached by segment id.

Segments never change after they are written (deletions are kept apart, in the
table of contents), so a segment's :class:`~reader.index.segdata.SegmentData`
(story mask, dates, facet entries, field lengths) is loaded once and kept while
the segment is part of the index; the facet vocabulary is shared by all of them.
:func:`searcher_state` identifies what a searcher sees (generation and segment
ids: new on every commit), the key under which evaluated requests are cached.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from reader import heap
from reader.index.evaluate import SegmentView
from reader.index.segdata import FacetVocabulary, SegmentData


class Leaf:
    """One segment of the open searcher: its searcher, docnum offset, arrays and live stories."""

    __slots__ = ("sub", "offset", "data", "live")

    def __init__(self, sub, offset: int, data: SegmentData, live: np.ndarray):
        self.sub = sub
        self.offset = offset
        self.data = data
        self.live = live

    def view(self, constants: dict | None = None) -> SegmentView:
        reader = self.sub.reader()
        data = self.data

        def lengths(fieldname: str) -> np.ndarray:
            return data.lengths(reader, fieldname)

        return SegmentView(self.sub, data.size, lengths, data.dates, self.live, constants)


def _segment_key(reader) -> str:
    seg = reader.segment() if hasattr(reader, "segment") else None
    return seg.segment_id() if seg is not None else str(id(reader))


#: Loading the tables of this many documents at once (opening a large library, a large import's
#: commit) is followed by :func:`reader.heap.settle`; smaller loads are not worth its full pass.
SETTLE_DOCS = 20_000


class SegmentCache:
    """Segment arrays by segment id and the facet vocabulary they share (saved beside the segments
    in ``folder``, see :mod:`reader.index.segdata`)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.vocab = FacetVocabulary()
        self._data: dict[str, SegmentData] = {}
        self._lock = threading.Lock()

    def leaves(self, searcher) -> list[Leaf]:
        """A :class:`Leaf` for each segment of ``searcher`` (arrays of segments gone are dropped)."""
        out = []
        live_ids = set()
        loaded = 0  # documents in the tables loaded now
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            seg = reader.segment() if hasattr(reader, "segment") else None
            key = _segment_key(reader)
            live_ids.add(key)
            with self._lock:
                data = self._data.get(key)
            if data is None:
                data = SegmentData.load(reader, self.vocab, self.folder if seg is not None else None)
                with self._lock:
                    self._data[key] = data
                loaded += data.size
            out.append(Leaf(sub, offset, data, data.live(reader)))
        with self._lock:
            for key in set(self._data) - live_ids:
                del self._data[key]
        if loaded >= SETTLE_DOCS:
            heap.settle()  # the new tables are long-lived: out of the collector's full passes
        return out


def _generation(searcher) -> int:
    try:
        return searcher.reader().generation()
    except Exception:  # pragma: no cover - readers without a generation
        return id(searcher)


def searcher_state(searcher) -> tuple:
    """Identifies what ``searcher`` sees: its generation and segment ids (new on every commit)."""
    ids: list = [_generation(searcher)]
    for sub, _offset in searcher.leaf_searchers():
        ids.append(_segment_key(sub.reader()))
    return tuple(ids)
