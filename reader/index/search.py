"""Running a SearchRequest against an open Whoosh searcher: matching, ranking, paging, facets, snippets.

Each request is evaluated once per segment (:mod:`reader.index.evaluate`) as
numpy arrays: the matching stories with their BM25F scores give the total, the
facet counts (one ``bincount`` over the segment's facet entries) and the
ranking (``argpartition`` for the top N); date order sorts by a per-segment
date key. Facets are OR within one facet: a facet with a filter ticked counts its
values over the stories matching everything else (so the other values stay
listed with their own counts), AND across facets. Per-segment arrays come from
:mod:`reader.index.segdata`. The last
few evaluated requests are kept in an LRU keyed by the index generation and
segment ids, so paging and repeated queries skip evaluation; any commit makes
them stale.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

import numpy as np
from whoosh import query as wq

from reader.index.documents import decode_story
from reader.index.evaluate import evaluate
from reader.index.query import Parsed, date_range, ordered_range, parse, valid_date
from reader.index.reprints import GroupMap
from reader.index.results import FACETS, MAX_PAGE_SIZE, Hit, Results, SearchRequest
from reader.index.romanised import pinyin_matches, pinyin_query, pinyin_request
from reader.index.segcache import Leaf, SegmentCache, searcher_state
from reader.index.segdata import FacetVocabulary
from reader.index.snippets import hit_forms, story_snippet
from reader.text.fold import fold

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
#: query's entry holds about 2 MB at 100k stories.
RESULT_CACHE = 12


class Matched:
    """An evaluated request: per leaf the matching mask, and all matches as global docnums with scores."""

    __slots__ = ("leaves", "masks", "docs", "scores", "facets")

    def __init__(self, leaves: list[Leaf], masks: list[np.ndarray], scores: list[np.ndarray] | None):
        self.leaves = leaves
        self.masks = masks
        local = [np.flatnonzero(m) for m in masks]
        parts = [leaf.offset + d for leaf, d in zip(leaves, local, strict=True)]
        self.docs = np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)
        self.scores = None
        if scores is not None:
            parts = [s[d] for s, d in zip(scores, local, strict=True)]
            self.scores = np.concatenate(parts) if parts else np.zeros(0)
        self.facets: dict | None = None

    @property
    def total(self) -> int:
        return len(self.docs)


class ResultCache:
    """An LRU of the last :data:`RESULT_CACHE` evaluated requests (:class:`Matched`), by request key.

    Keys start with the searcher's state (generation and segment ids), so a commit makes every
    entry stale; :meth:`drop_stale` removes those.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: (segment state, request key parts...) -> Matched; LRU.
        self._results: OrderedDict = OrderedDict()
        #: ((segment state, group generation), per-docnum group numbers) of the last folded search.
        self._groups: tuple[tuple, np.ndarray] | None = None

    def result(self, key) -> Matched | None:
        with self._lock:
            entry = self._results.get(key)
            if entry is not None:
                self._results.move_to_end(key)
            return entry

    def remember(self, key, entry: Matched) -> None:
        with self._lock:
            self._results[key] = entry
            self._results.move_to_end(key)
            while len(self._results) > RESULT_CACHE:
                self._results.popitem(last=False)

    def group_keys(self, state: tuple, generation: int, build) -> np.ndarray:
        """The per-docnum group numbers for this searcher state and group generation (built once)."""
        with self._lock:
            if self._groups is not None and self._groups[0] == (state, generation):
                return self._groups[1]
        keys = build()
        with self._lock:
            self._groups = ((state, generation), keys)
        return keys

    def drop_stale(self, state: tuple) -> None:
        """Forget every entry not evaluated on a searcher in ``state``."""
        with self._lock:
            for k in [k for k in self._results if k[0] != state]:
                del self._results[k]


def _filter_dates(request: SearchRequest, notes: list[str]) -> tuple[str, str]:
    """The request's from/to dates, an impossible one dropped and a reversed pair swapped (with notes)."""
    lo, hi = (request.date_from or "").strip(), (request.date_to or "").strip()
    for label, value in (("from", lo), ("to", hi)):
        if value and not valid_date(value):
            notes.append(f"invalid {label} date {value!r} ignored")
    lo = lo if lo and valid_date(lo) else ""
    hi = hi if hi and valid_date(hi) else ""
    lo, hi, swapped = ordered_range(lo, hi)
    if swapped:
        notes.append(f"reversed date range {hi + '..' + lo!r} read as {lo + '..' + hi!r}")
    return lo, hi


def _tag_terms(value: str, vocab: FacetVocabulary, notes: list[str]) -> list[wq.Query]:
    """A tag filter value: ``kind:name`` in any variant form, or a bare name in any kind (said in notes)."""
    if ":" in value:
        return [wq.Term("tag", form) for form in vocab.tag_forms(value)]
    known = vocab.tags_named(value)
    if known:
        notes.append(f"tag {value!r} has no kind: matched {', '.join(known)}")
    else:
        notes.append(f"no tag {value!r} in the library")
    return [wq.Term("tagq", fold(value))]


def _filters(request: SearchRequest, vocab: FacetVocabulary) -> tuple[dict[str, wq.Query], list[str]]:
    """Filter name -> its query (``"date"`` for from/to), and notes on what was ignored."""
    parts: dict[str, wq.Query] = {}
    notes: list[str] = []
    for name, values in (request.filters or {}).items():
        fieldname = FILTER_FIELDS.get(name)
        if fieldname is None:
            notes.append(f"unknown filter {name!r} ignored")
            continue
        values = [v for v in values if v]
        if values:
            terms = []
            for v in values:
                terms.extend(_tag_terms(v, vocab, notes) if name == "tag" else [wq.Term(fieldname, v)])
            parts[name] = wq.Or(terms)
    lo, hi = _filter_dates(request, notes)
    if lo or hi:
        parts["date"] = date_range(lo, hi)
    return parts, notes


def _and(parts: list[wq.Query]) -> wq.Query | None:
    return None if not parts else parts[0] if len(parts) == 1 else wq.And(parts)


def _match(
    searcher,
    segments: SegmentCache,
    q: wq.Query | None,
    fq: wq.Query | None,
    scored: bool,
    story_ids: list[str] | None = None,
    base: Matched | None = None,
) -> Matched:
    """Live stories matching ``q`` (``None``: all), filter ``fq`` and (if given) ``story_ids``.

    With ``base`` (an evaluation of the same ``q`` and ids under fewer filters) only ``fq`` is
    evaluated, to narrow it: the query is not evaluated again.
    """
    if base is not None:
        return _narrowed(base, fq)
    weighting = searcher.weighting if scored and q is not None else None
    leaves = segments.leaves(searcher)
    masks, scores = [], []
    constants: dict = {}  # scoring constants, computed once per request (see SegmentView)
    for leaf in leaves:
        view = leaf.view(constants)
        mask = leaf.live
        if story_ids is not None:
            allowed = np.zeros(leaf.data.size, dtype=bool)
            allowed[leaf.data.docnums_of(view.reader, story_ids)] = True
            mask = mask & allowed
        if fq is not None and mask.any():
            mask = mask & evaluate(fq, view, None).mask
        score = None
        if q is not None and mask.any():
            found = evaluate(q, view, weighting)
            mask = mask & found.mask
            score = found.score
        masks.append(mask)
        if weighting is not None:
            scores.append(score if score is not None else np.zeros(leaf.data.size))
    return Matched(leaves, masks, scores if weighting is not None else None)


def _narrowed(base: Matched, fq: wq.Query) -> Matched:
    """``base`` with filter ``fq`` applied too: the same leaves and scores, fewer stories (see ``_match``)."""
    constants: dict = {}
    masks = [
        mask & evaluate(fq, leaf.view(constants), None).mask if mask.any() else mask
        for leaf, mask in zip(base.leaves, base.masks, strict=True)
    ]
    out = Matched(base.leaves, masks, None)
    if base.scores is not None:
        out.scores = base.scores[np.searchsorted(base.docs, out.docs)]  # docs ascend in both
    return out


def count_facets(matched: Matched, vocab: FacetVocabulary) -> dict[str, list[tuple[str, int]]]:
    """Facet name -> [(value, count)] for the matched stories, by count (then value), at most FACET_LIMIT."""
    selected = [
        leaf.data.entries_of(mask)
        for leaf, mask in zip(matched.leaves, matched.masks, strict=True)
        if len(leaf.data.entry_key)
    ]
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    if not selected:
        return facets
    by_name = vocab.by_name()
    counts = np.bincount(np.concatenate(selected), minlength=len(vocab.keys))
    for name in FACETS:
        entry = by_name.get(name)
        if entry is None or not len(entry[0]):
            continue
        ids, values = entry
        c = counts[ids]
        nonzero = np.flatnonzero(c)
        if not len(nonzero):
            continue
        groups = vocab.tag_groups() if name == "tag" else None
        if groups is not None:
            nonzero, c = _merged_forms(nonzero, c, groups)
        # by count descending, then value ascending (ids are in value order, and the sort is stable)
        order = nonzero[np.argsort(-c[nonzero], kind="stable")][:FACET_LIMIT]
        facets[name] = [(values[i], int(c[i])) for i in order.tolist()]
    return facets


def _merged_forms(
    nonzero: np.ndarray, c: np.ndarray, grouping: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Tag values differing only by variant form as one, with the group's count (a story holds one
    form of a group in the facet column, so counts add). The standard simplified form stands for
    the group where the library has it, else the most counted form."""
    groups, standard = grouping
    g = groups[nonzero]
    order = np.lexsort((nonzero, -c[nonzero], ~standard[nonzero], g))  # group, standard, count, value
    first = order[np.concatenate(([True], g[order][1:] != g[order][:-1]))]
    totals = np.bincount(g, weights=c[nonzero])
    shown = np.sort(nonzero[first])
    merged = c.copy()
    merged[shown] = totals[groups[shown]].astype(c.dtype)
    return shown, merged


def _ranked(matched: Matched, by_date: bool, want: int) -> np.ndarray:
    """Global docnums of the best ``want`` matches in result order."""
    docs = matched.docs
    total = len(docs)
    if not total or want <= 0:
        return docs[:0]
    if by_date:
        keys = np.concatenate(
            [leaf.data.date_keys[mask] for leaf, mask in zip(matched.leaves, matched.masks, strict=True)]
        )
        # newest first, then index order; one int64 key: -date * 2^32 + docnum
        combined = -(keys << 32) + docs
    else:
        combined = None
    if combined is not None:
        if want < total:
            part = np.argpartition(combined, want - 1)[:want]
            return docs[part[np.argsort(combined[part], kind="stable")]]
        return docs[np.argsort(combined, kind="stable")]
    scores = matched.scores
    assert scores is not None, "relevance order of an unscored evaluation"  # run scores unless by date
    idx = np.arange(total) if want >= total else np.argpartition(-scores, want - 1)[:want]
    if want < total:
        # ties at the cut: keep the lowest docnums among equal scores, as a full sort would
        cut = scores[idx].min()
        idx = np.union1d(idx[scores[idx] > cut], np.flatnonzero(scores == cut))
    order = np.lexsort((docs[idx], -scores[idx]))
    return docs[idx[order]][:want]


def matched_docs(searcher, segments: SegmentCache, q: wq.Query | None) -> np.ndarray:
    """Global docnums of live stories matching ``q`` (``None``: all)."""
    return _match(searcher, segments, q, None, False).docs


def valid_request(request: SearchRequest) -> tuple[SearchRequest, list[str]]:
    """``request`` with lone surrogates and NULs (not encodable text) in its strings replaced by U+FFFD."""
    bad = 0

    def clean(text):
        nonlocal bad
        if not isinstance(text, str):
            bad += 1
            return str(text)
        fixed = _INVALID.sub("\ufffd", text)
        if fixed != text:
            bad += 1
        return fixed

    cleaned = replace(
        request,
        query=clean(request.query or ""),
        filters={clean(k): [clean(v) for v in vs] for k, vs in (request.filters or {}).items()},
        date_from=clean(request.date_from or ""),
        date_to=clean(request.date_to or ""),
        ids=None if request.ids is None else [clean(i) for i in request.ids],
    )
    if not bad:
        return cleaned, []
    return cleaned, ["ignored characters that are not valid text (lone surrogates or NULs)"]


_INVALID = re.compile("[\ud800-\udfff\x00]")


class _Evaluation:
    """One request prepared for evaluation: parsed query, filters, notes and its cache keys.

    :func:`run` (one page of hits, facets) and :func:`evaluate_request` (every match, for the
    concordance and the timeline) share it, so both see the same matches from the same cache.
    """

    def __init__(self, searcher, segments: SegmentCache, cache: ResultCache, request: SearchRequest):
        request, clean_notes = valid_request(request)
        self.searcher, self.segments, self.cache, self.request = searcher, segments, cache, request
        self.parsed, self.by_pinyin = _read_query(searcher, segments, request.query)
        if (request.filters or {}).get("tag"):
            segments.leaves(searcher)  # the facet vocabulary: a bare tag's kinds, a tag's variant forms
        self.filter_parts, filter_notes = _filters(request, segments.vocab)
        self.notes = clean_notes + filter_notes
        self.fq = _and(list(self.filter_parts.values()))
        self.by_date = (
            request.sort == "date" or self.parsed.query is None or not (self.parsed.terms or self.by_pinyin)
        )
        self.story_ids = list(request.ids) if request.ids is not None else None
        self.state = searcher_state(searcher)
        cache.drop_stale(self.state)  # a commit changed the segments or their deletions
        self.ids_key = None if self.story_ids is None else hash(tuple(sorted(self.story_ids)))

    def key_without(self, facet: str = "") -> tuple:
        """The cache key of this request with ``facet``'s filter dropped (none: the request's own)."""
        request = self.request
        kept = sorted((k, tuple(v)) for k, v in (request.filters or {}).items() if k != facet and v)
        return (
            self.state,
            request.query,
            repr(kept),
            request.date_from,
            request.date_to,
            self.by_date,
            self.ids_key,
        )

    def matched_for(self, key, fq) -> Matched:
        matched = self.cache.result(key)
        if matched is None:
            matched = _match(
                self.searcher, self.segments, self.parsed.query, fq, not self.by_date, self.story_ids
            )
            self.cache.remember(key, matched)
        return matched

    def loose_for(self, name: str) -> Matched:
        """The request without facet ``name``'s filter (what that facet's values are counted over)."""
        others = [v for k, v in self.filter_parts.items() if k != name]
        return self.matched_for(self.key_without(name), _and(others))

    def matched(self, faceted: list[str]) -> Matched:
        """Every match of the request (``faceted``: facets whose loose sets are wanted as well)."""
        key = self.key_without()
        matched = self.cache.result(key)
        if matched is None:
            if faceted:  # the query is evaluated once, for the loose set; the filter only narrows it
                base = self.loose_for(faceted[0])
                matched = _match(
                    self.searcher,
                    self.segments,
                    self.parsed.query,
                    self.filter_parts[faceted[0]],
                    not self.by_date,
                    self.story_ids,
                    base,
                )
                self.cache.remember(key, matched)
            else:
                matched = self.matched_for(key, self.fq)
        return matched


def evaluate_request(
    searcher, segments: SegmentCache, cache: ResultCache, request: SearchRequest, *, ranked: bool = True
) -> tuple[Matched, Parsed, list[str], np.ndarray]:
    """Every match of ``request``: the evaluation, the parsed query, notes, and the matches'
    global docnums in result order (the request's sort; index order unless ``ranked``)."""
    prepared = _Evaluation(searcher, segments, cache, request)
    matched = prepared.matched([])
    order = _ranked(matched, prepared.by_date, matched.total) if ranked else matched.docs
    return matched, prepared.parsed, prepared.parsed.notes + prepared.notes, order


def _group_keys(searcher, segments: SegmentCache, groups: GroupMap) -> np.ndarray:
    """Per global docnum: a number for its reprint group, -1 for a story with no copies."""
    leaves = segments.leaves(searcher)
    size = leaves[-1].offset + leaves[-1].data.size if leaves else 0
    keys = np.full(size, -1, dtype=np.int64)
    number = {gid: n for n, gid in enumerate(groups.members)}
    for leaf in leaves:
        table = leaf.data.id_table(leaf.sub.reader())
        for story_id, gid in groups.of.items():
            docnum = table.get(story_id)
            if docnum is not None:
                keys[leaf.offset + docnum] = number[gid]
    return keys


def _kept_docs(searcher, segments: SegmentCache, ids: list[str]) -> np.ndarray:
    """Global docnums of the stories ``ids`` (bookmarked ones, never folded into a group)."""
    parts = [leaf.offset + leaf.data.docnums_of(leaf.sub.reader(), ids) for leaf in segments.leaves(searcher)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def fold_groups(
    ranked: np.ndarray, keys: np.ndarray, kept: np.ndarray, sizes: dict[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """(``ranked`` with each group's later copies left out, per row the copies folded into it).

    A group's row is its best-ranked copy; a kept docnum (bookmarked) always has its own row.
    ``sizes`` is each group's number of matches (over all of them, not only ``ranked``: a page
    needs the best-ranked matches only, but says how many copies each row stands for).
    """
    g = keys[ranked] if len(keys) else np.full(len(ranked), -1, dtype=np.int64)
    grouped = (g >= 0) & ~np.isin(ranked, kept)
    first = np.zeros(len(ranked), dtype=bool)
    if grouped.any():
        _values, where = np.unique(g[grouped], return_index=True)
        first[np.flatnonzero(grouped)[where]] = True
    show = ~grouped | first
    folded = np.zeros(len(ranked), dtype=np.int64)
    rows = np.flatnonzero(first)
    if len(rows):
        folded[rows] = [sizes[k] - 1 for k in g[rows].tolist()]
    return ranked[show], folded[show]


def run(
    searcher,
    segments: SegmentCache,
    cache: ResultCache,
    request: SearchRequest,
    *,
    ids_only: bool = False,
    groups: GroupMap | None = None,
):
    """Execute ``request``; ``ids_only`` returns every matching id in result order instead.

    ``segments`` holds the per-segment arrays, ``cache`` the evaluated requests, ``groups``
    the library's reprint groups (hits say their group; ``request.group_copies`` folds them).
    """
    prepared = _Evaluation(searcher, segments, cache, request)
    request, parsed = prepared.request, prepared.parsed
    page_size, page = _page_of(request, prepared.notes)
    faceted = [name for name in FACETS if name in prepared.filter_parts] if request.facets else []
    matched = prepared.matched(faceted)
    total = copies = matched.total
    folding = bool(request.group_copies and groups is not None and groups.of and not ids_only)
    need = min(total, page * page_size)
    if ids_only:
        return [searcher.stored_fields(d)["id"] for d in _ranked(matched, prepared.by_date, total).tolist()]
    folded_of: dict[int, int] = {}
    if folding:
        assert groups is not None
        top, folded_of, total = _fold_copies(prepared, matched, groups, need)
    else:
        top = _ranked(matched, prepared.by_date, need)
    page_terms: list[str] = []  # what a pinyin query read on this page (the hits' marks)
    shown = top[(page - 1) * page_size : page * page_size]
    hits = _hits(searcher, matched, shown, prepared, groups, folded_of, page_terms)
    notes = parsed.notes + prepared.notes
    if prepared.by_pinyin and total:
        read = "、".join(page_terms[:8])
        notes.append(f"matched by pinyin {prepared.by_pinyin!r}" + (f": {read}" if read else ""))
    return Results(
        hits=hits,
        total=total,
        page=page,
        page_size=page_size,
        facets=_facet_counts(prepared, matched, faceted) if request.facets else {},
        notes=notes,
        terms=[fold(t) for t in page_terms] if prepared.by_pinyin else parsed.terms,
        copies=copies,
        pinyin=prepared.by_pinyin,
    )


def _page_of(request: SearchRequest, notes: list[str]) -> tuple[int, int]:
    """(page size, page number) of a request; a page over :data:`MAX_PAGE_SIZE` is capped with a note."""
    page_size = max(1, int(request.page_size or 20))
    if page_size > MAX_PAGE_SIZE:
        notes.append(f"at most {MAX_PAGE_SIZE} hits per page; asked for {page_size}")
        page_size = MAX_PAGE_SIZE
    return page_size, max(1, int(request.page or 1))


def fold_page(
    rank: Callable[[int], np.ndarray], docs: np.ndarray, keys: np.ndarray, kept: np.ndarray, need: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """The best-ranked ``need`` rows (or more) of ``docs`` with each reprint group folded into its
    best copy, per row how many copies it folds, and how many rows all of ``docs`` make.

    ``rank(n)`` gives the best ``n`` of ``docs`` in result order. Only as many are ranked as the
    rows need: ``need`` first, then twice as many while folding leaves too few (groups are rare),
    never every match of a broad query.
    """
    g = keys[docs] if len(keys) else np.full(len(docs), -1, dtype=np.int64)
    grouped = g >= 0
    if grouped.any() and len(kept):
        grouped &= ~np.isin(docs, kept)
    values, counts = np.unique(g[grouped], return_counts=True)
    sizes = dict(zip(values.tolist(), counts.tolist(), strict=True))
    total = int(len(docs) - np.count_nonzero(grouped)) + len(values)
    top = rank(min(len(docs), need))
    while True:
        rows, folded = fold_groups(top, keys, kept, sizes)
        if len(rows) >= need or len(top) >= len(docs):
            return rows, folded, total
        top = rank(min(len(docs), 2 * len(top) + need))


def _fold_copies(
    prepared: _Evaluation, matched: Matched, groups: GroupMap, need: int
) -> tuple[np.ndarray, dict[int, int], int]:
    """:func:`fold_page` of the request's matches: rows, copies folded per row, rows in all."""
    searcher, segments = prepared.searcher, prepared.segments
    keys = prepared.cache.group_keys(
        prepared.state, groups.generation, lambda: _group_keys(searcher, segments, groups)
    )
    kept = _kept_docs(searcher, segments, list(prepared.request.keep_ids or []))
    rows, folded, total = fold_page(
        lambda n: _ranked(matched, prepared.by_date, n), matched.docs, keys, kept, need
    )
    return rows, dict(zip(rows.tolist(), folded.tolist(), strict=True)), total


def _hits(
    searcher,
    matched: Matched,
    shown: np.ndarray,
    prepared: _Evaluation,
    groups: GroupMap | None,
    folded_of: dict[int, int],
    page_terms: list[str],
) -> list[Hit]:
    """The page's hits: stored story, score, snippet (with the forms printed where they differ
    from the query's), and the reprint group each belongs to. A pinyin query's marks, what it
    read in each story, go into ``page_terms``."""
    request, parsed, by_pinyin = prepared.request, prepared.parsed, prepared.by_pinyin
    score_of = {}
    if matched.scores is not None:
        position = np.searchsorted(matched.docs, shown)
        score_of = dict(zip(shown.tolist(), matched.scores[position].tolist(), strict=True))
    hits = []
    for docnum in shown.tolist():
        story = decode_story(searcher.stored_fields(docnum)["data"])
        marks = pinyin_matches(story, by_pinyin) if by_pinyin else parsed.terms
        if by_pinyin:
            page_terms.extend(m for m in marks if m not in page_terms)
        snippet, forms = "", []
        if request.snippets:
            snippet = story_snippet(story, marks)
            forms = hit_forms(story, request.query, parsed.terms, by_pinyin, marks, snippet)
        hit = Hit(
            id=story.id,
            title=story.title,
            date=story.date,
            source=story.source,
            score=round(float(score_of.get(docnum, 0.0)), 4),
            snippet=snippet,
            subtitle=story.subtitle,
            authors=list(story.authors),
            column=story.column,
            tags=list(story.tags),
            folded=folded_of.get(docnum, 0),
            matched_by="pinyin" if by_pinyin else "",
            forms=forms,
        )
        if groups is not None and story.id in groups.of:
            members = groups.members[groups.of[story.id]]
            hit.group, hit.group_size = groups.of[story.id], len(members)
            hit.group_sources = list(dict.fromkeys(m.source for m in members if m.source))
        hits.append(hit)
    return hits


def _facet_counts(prepared: _Evaluation, matched: Matched, faceted: list[str]) -> dict[str, list]:
    """Facet counts of the matches; a facet with a value ticked counts over the matches without it
    (OR within a facet, AND across facets)."""
    vocab = prepared.segments.vocab
    if matched.facets is None:
        matched.facets = count_facets(matched, vocab)
    facets = {name: list(values) for name, values in matched.facets.items()}
    for name in faceted:
        loose = prepared.loose_for(name)
        if loose.facets is None:
            loose.facets = count_facets(loose, vocab)
        facets[name] = list(loose.facets.get(name, []))
    return facets


def _read_query(searcher, segments: SegmentCache, text: str) -> tuple[Parsed, str]:
    """The parsed query and the pinyin it is searched as (``""``: not by pinyin).

    ``py:`` asks for pinyin only. Otherwise Latin text that reads as pinyin is searched as
    pinyin when, as typed, it finds nothing in the library (not English words found here).
    """
    romanised, asked = pinyin_request(text)
    if asked:
        q = pinyin_query(romanised) if romanised else None
        if q is None:
            return Parsed(wq.NullQuery, [f"{text.strip()!r} does not read as pinyin"], []), ""
        return Parsed(q, [], []), romanised
    parsed = parse(text)
    if not romanised or parsed.query is None:
        return parsed, ""
    q = pinyin_query(romanised)
    if q is None or len(matched_docs(searcher, segments, parsed.query)):
        return parsed, ""
    return Parsed(q, parsed.notes, []), romanised
