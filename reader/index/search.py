"""Running a SearchRequest against an open Whoosh searcher: matching, ranking, paging, facets, snippets.

Each request is evaluated once per segment (:mod:`reader.index.evaluate`):
the matching stories with their BM25F scores give the total, the facet counts
and the ranking (a top-N heap); date order sorts the matched set by a cached
per-segment date array. Facet values come from the ``facets`` column, parsed
once per segment and cached. The last few evaluated requests (matches, scores,
facet counts) are kept in an LRU keyed by the index generation and segment ids,
so paging and repeated queries skip evaluation; any commit makes them stale.
"""

from __future__ import annotations

import heapq
import json
import threading
from collections import Counter, OrderedDict
from functools import partial
from itertools import chain

from whoosh import query as wq
from whoosh.scoring import BM25F

from reader.index.documents import decode_story
from reader.index.evaluate import evaluate
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
#: Evaluated requests kept per library (paging and search-as-you-type re-use them); a broad
#: query's entry holds a few MB at 100k stories, hence a small LRU.
RESULT_CACHE = 16
WEIGHTING = BM25F(B=0.75, K1=1.2)


class _SegmentData:
    """Per-segment arrays: is-story flags, dates, flattened facet keys and (lazily) field lengths."""

    __slots__ = ("story", "dates", "keys", "_lengths")

    def __init__(self, reader):
        n = reader.doc_count_all()
        self.story = [False] * n
        self.dates = [""] * n
        self.keys: list[tuple[str, ...]] = [()] * n
        self._lengths: dict[str, list] = {}
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

    def lengths(self, reader, fieldname: str) -> list:
        """Field lengths by docnum as Whoosh's scorers see them (cached; segments are immutable)."""
        lens = self._lengths.get(fieldname)
        if lens is None:
            length = reader.doc_field_length
            lens = [length(d, fieldname, 1) for d in range(len(self.story))]
            self._lengths[fieldname] = lens
        return lens


class FacetCache:
    """Segment data cached by segment id (segments are immutable apart from deletions)."""

    def __init__(self):
        self._data: dict[str, _SegmentData] = {}
        self._lock = threading.Lock()
        #: (segment ids, generation, request key) -> [matched parts, facet counts or None]; LRU.
        self._results: OrderedDict = OrderedDict()

    def result(self, key) -> list | None:
        with self._lock:
            entry = self._results.get(key)
            if entry is not None:
                self._results.move_to_end(key)
            return entry

    def remember(self, key, entry: list) -> None:
        with self._lock:
            self._results[key] = entry
            self._results.move_to_end(key)
            while len(self._results) > RESULT_CACHE:
                self._results.popitem(last=False)

    def leaves(self, searcher) -> list[tuple[object, int, _SegmentData]]:
        """``(segment searcher, docnum offset, data)`` for each segment of ``searcher``."""
        out = []
        live = set()
        live_order = [_generation(searcher)]
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            seg = reader.segment() if hasattr(reader, "segment") else None
            key = seg.segment_id() if seg is not None else str(id(reader))
            live.add(key)
            live_order.append(key)
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
            if self._results and any(k[0] != tuple(live_order) for k in self._results):
                # a commit changed the segments (or their deletions): evaluated results are stale
                for k in [k for k in self._results if k[0] != tuple(live_order)]:
                    del self._results[k]
        return out


def _generation(searcher) -> int:
    try:
        return searcher.reader().generation()
    except Exception:  # pragma: no cover - readers without a generation
        return id(searcher)


def _state(searcher) -> tuple:
    """Identifies what ``searcher`` sees: its generation and segment ids (new on every commit)."""
    ids = [_generation(searcher)]
    for sub, _offset in searcher.leaf_searchers():
        reader = sub.reader()
        seg = reader.segment() if hasattr(reader, "segment") else None
        ids.append(seg.segment_id() if seg is not None else str(id(reader)))
    return tuple(ids)


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


def _match(searcher, cache: FacetCache, q: wq.Query | None, fq: wq.Query | None, scored: bool):
    """Per segment ``(offset, data, local docnums, scores)`` of live stories matching ``q`` and ``fq``."""
    weighting = searcher.weighting if scored else None
    out = []
    for sub, offset, data in cache.leaves(searcher):
        story = data.story
        lengths = partial(data.lengths, sub.reader())
        allowed = None
        if fq is not None:
            allowed = evaluate(fq, sub, lengths, None)
            if not allowed:
                out.append((offset, data, [], []))
                continue
        if q is None:
            if allowed is not None:
                local = sorted(d for d in allowed if story[d])
            else:
                reader = sub.reader()
                deleted = reader.has_deletions()
                local = [d for d in range(len(story)) if story[d] and not (deleted and reader.is_deleted(d))]
            out.append((offset, data, local, [0.0] * len(local)))
            continue
        matched = evaluate(q, sub, lengths, weighting)
        if allowed is not None:
            local = [d for d in matched if story[d] and d in allowed]
        else:
            local = [d for d in matched if story[d]]
        local.sort()
        out.append((offset, data, local, [matched[d] for d in local]))
    return out


def matched_docs(searcher, cache: FacetCache, q: wq.Query | None) -> tuple[list[int], list]:
    """Global docnums of live stories matching ``q`` (``None``: all), and the segment table."""
    parts = _match(searcher, cache, q, None, False)
    return [offset + d for offset, _data, local, _s in parts for d in local], parts


def count_facets(parts) -> dict[str, list[tuple[str, int]]]:
    counter: Counter = Counter()
    for _offset, data, local, _scores in parts:
        keys = data.keys
        counter.update(chain.from_iterable(keys[d] for d in local))
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for key, count in counter.items():
        name, _, value = key.partition("\x1f")
        facets[name].append((value, count))
    for values in facets.values():
        values.sort(key=lambda vc: (-vc[1], vc[0]))
        del values[FACET_LIMIT:]
    return facets


def run(searcher, cache: FacetCache, request: SearchRequest, *, ids_only: bool = False):
    """Execute ``request``; ``ids_only`` returns every matching id in result order instead."""
    parsed: Parsed = parse(request.query)
    filter_parts, filter_notes = _filters(request)
    fq = None if not filter_parts else filter_parts[0] if len(filter_parts) == 1 else wq.And(filter_parts)
    page_size = max(1, int(request.page_size or 20))
    page = max(1, int(request.page or 1))
    by_date = request.sort == "date" or parsed.query is None or not parsed.terms
    key = (
        _state(searcher),
        request.query,
        repr(sorted((k, tuple(v)) for k, v in (request.filters or {}).items())),
        request.date_from,
        request.date_to,
        by_date,
    )
    entry = cache.result(key)
    if entry is None:
        entry = [_match(searcher, cache, parsed.query, fq, not by_date), None]
        cache.remember(key, entry)
    parts = entry[0]
    total = sum(len(local) for _o, _d, local, _s in parts)
    want = total if ids_only else min(total, page * page_size)
    if by_date:
        rows = ((data.dates[d], -(offset + d)) for offset, data, local, _s in parts for d in local)
        top = [
            -neg
            for _date, neg in (heapq.nlargest(want, rows) if want < total else sorted(rows, reverse=True))
        ]
        scores: dict[int, float] = {}
    else:
        rows = (
            (-s, offset + d) for offset, _data, local, sc in parts for d, s in zip(local, sc, strict=False)
        )
        best = heapq.nsmallest(want, rows) if want < total else sorted(rows)
        top = [d for _s, d in best]
        scores = {d: -s for s, d in best}
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
    facets = {}
    if request.facets:
        if entry[1] is None:
            entry[1] = count_facets(parts)
        facets = {name: list(values) for name, values in entry[1].items()}
    return Results(
        hits=hits,
        total=total,
        page=page,
        page_size=page_size,
        facets=facets,
        notes=parsed.notes + filter_notes,
        terms=parsed.terms,
    )
