"""Running a SearchRequest against an open Whoosh searcher: matching, ranking, paging, facets, snippets.

The set of matching documents is computed once per request (it gives the total
and the facet counts); relevance ranking uses Whoosh's BM25F top-N collector,
date order sorts the matched set by a cached per-segment date array. Facet
values come from the ``facets`` column, parsed once per segment and cached.
"""

from __future__ import annotations

import heapq
import json
import threading
from collections import Counter
from itertools import chain

from whoosh import query as wq
from whoosh.scoring import BM25F

from reader.index.documents import decode_story
from reader.index.query import Parsed, date_range, parse
from reader.index.results import FACETS, Hit, Results, SearchRequest
from reader.index.snippets import highlight

#: Filter name -> indexed field holding exact values.
FILTER_FIELDS = {
    "tag": "tag",
    "source": "source",
    "author": "author",
    "year": "year",
    "month": "month",
    "column": "column",
}
FACET_LIMIT = 200
WEIGHTING = BM25F(B=0.75, K1=1.2)


class _SegmentData:
    """Per-segment arrays: is-story flags, dates and flattened facet keys."""

    __slots__ = ("story", "dates", "keys")

    def __init__(self, reader):
        n = reader.doc_count_all()
        self.story = [False] * n
        self.dates = [""] * n
        self.keys: list[tuple[str, ...]] = [()] * n
        if not reader.has_column("facets"):
            return
        column = reader.column_reader("facets")
        for docnum in range(n):
            raw = column[docnum]
            if not raw:
                continue
            facets = json.loads(raw)
            self.story[docnum] = True
            self.dates[docnum] = facets.get("date", "")
            self.keys[docnum] = tuple(f"{name}\x1f{v}" for name in FACETS for v in facets.get(name, ()))


class FacetCache:
    """Segment data cached by segment id (segments are immutable apart from deletions)."""

    def __init__(self):
        self._data: dict[str, _SegmentData] = {}
        self._lock = threading.Lock()

    def leaves(self, searcher) -> list[tuple[object, int, _SegmentData]]:
        """``(segment searcher, docnum offset, data)`` for each segment of ``searcher``."""
        out = []
        live = set()
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            seg = reader.segment() if hasattr(reader, "segment") else None
            key = seg.segment_id() if seg is not None else str(id(reader))
            live.add(key)
            with self._lock:
                data = self._data.get(key)
            if data is None:
                data = _SegmentData(reader)
                with self._lock:
                    self._data[key] = data
            out.append((sub, offset, data))
        with self._lock:
            for key in set(self._data) - live:
                del self._data[key]
        return out


def _filters(request: SearchRequest) -> tuple[list[wq.Query], list[str]]:
    parts: list[wq.Query] = []
    notes: list[str] = []
    for name, values in (request.filters or {}).items():
        fieldname = FILTER_FIELDS.get(name)
        if fieldname is None:
            notes.append(f"unknown filter {name!r} ignored")
            continue
        values = [v for v in values if v]
        if values:
            parts.append(wq.Or([wq.Term(fieldname, v) for v in values]))
    if request.date_from or request.date_to:
        parts.append(date_range(request.date_from, request.date_to))
    return parts, notes


def matched_docs(searcher, cache: FacetCache, q: wq.Query | None) -> tuple[list[int], dict]:
    """Global docnums of live stories matching ``q`` (``None``: all), and a docnum->date getter table."""
    leaves = cache.leaves(searcher)
    docs: list[int] = []
    for sub, offset, data in leaves:
        story = data.story
        if q is None:
            reader = sub.reader()
            deleted = reader.has_deletions()
            docs.extend(
                offset + d for d in range(len(story)) if story[d] and not (deleted and reader.is_deleted(d))
            )
        else:
            docs.extend(offset + d for d in q.docs(sub) if story[d])
    return docs, leaves


def _lookup(leaves, docnum: int):
    for _sub, offset, data in reversed(leaves):
        if docnum >= offset:
            return data, docnum - offset
    raise IndexError(docnum)


def count_facets(docs: list[int], leaves) -> dict[str, list[tuple[str, int]]]:
    counter: Counter = Counter()
    bounds = [(offset, data.keys) for _r, offset, data in leaves]
    for i, (offset, keys) in enumerate(bounds):
        hi = bounds[i + 1][0] if i + 1 < len(bounds) else float("inf")
        counter.update(chain.from_iterable(keys[d - offset] for d in docs if offset <= d < hi))
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for key, count in counter.items():
        name, _, value = key.partition("\x1f")
        facets[name].append((value, count))
    for name, values in facets.items():
        values.sort(key=lambda vc: (-vc[1], vc[0]) if name not in ("year", "month") else (-vc[1], vc[0]))
        del values[FACET_LIMIT:]
    return facets


def run(searcher, cache: FacetCache, request: SearchRequest, *, ids_only: bool = False):
    """Execute ``request``; ``ids_only`` returns every matching id in result order instead."""
    parsed: Parsed = parse(request.query)
    filter_parts, filter_notes = _filters(request)
    parts = ([parsed.query] if parsed.query is not None else []) + filter_parts
    q = None if not parts else parts[0] if len(parts) == 1 else wq.And(parts)
    docs, leaves = matched_docs(searcher, cache, q)
    total = len(docs)
    page_size = max(1, int(request.page_size or 20))
    page = max(1, int(request.page or 1))
    by_date = request.sort == "date" or parsed.query is None or not parsed.terms
    want = total if ids_only else min(total, page * page_size)
    scores: dict[int, float] = {}
    if by_date:

        def date_key(d):
            data, local = _lookup(leaves, d)
            return (data.dates[local], -d)

        top = (
            heapq.nlargest(want, docs, key=date_key)
            if want < total
            else sorted(docs, key=date_key, reverse=True)
        )
    else:
        allowed = set(docs)
        results = searcher.search(parsed.query, limit=want or None, filter=allowed, scored=True)
        top = [hit.docnum for hit in results]
        scores = {hit.docnum: hit.score for hit in results}
        if len(top) < want:  # matched only through filters/NOT: append in date order
            seen = set(top)
            rest = [d for d in docs if d not in seen]
            rest.sort(key=lambda d: _lookup(leaves, d)[0].dates[d - _offset(leaves, d)], reverse=True)
            top.extend(rest[: want - len(top)])
    if ids_only:
        return [searcher.stored_fields(d)["id"] for d in top]
    hits = []
    for docnum in top[(page - 1) * page_size : page * page_size]:
        story = decode_story(searcher.stored_fields(docnum)["data"])
        snippet = ""
        if request.snippets:
            snippet = highlight(story.text, parsed.terms) if story.text else ""
        hits.append(
            Hit(
                id=story.id,
                title=story.title,
                date=story.date,
                source=story.source,
                score=round(float(scores.get(docnum, 0.0)), 4),
                snippet=snippet,
                subtitle=story.subtitle,
                authors=list(story.authors),
                column=story.column,
                tags=list(story.tags),
            )
        )
    facets = count_facets(docs, leaves) if request.facets else {}
    return Results(
        hits=hits,
        total=total,
        page=page,
        page_size=page_size,
        facets=facets,
        notes=parsed.notes + filter_notes,
        terms=parsed.terms,
    )


def _offset(leaves, docnum: int) -> int:
    for _reader, offset, _data in reversed(leaves):
        if docnum >= offset:
            return offset
    return 0
