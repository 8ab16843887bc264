"""Exact phrases of consecutive n-gram units, matched by reading posting lists in bulk.

Whoosh's ``Phrase`` walks its terms' postings one document at a time through
span matchers; for a phrase of common bigrams (``新闻联播``: thousands of
documents contain every unit) that costs seconds. :func:`phrase_docs` reads
each unit's document numbers as arrays, intersects them (rarest unit first),
then reads positions for the remaining candidates only, as arrays, and
intersects (document, start position) keys (unit ``i`` at position ``p + i``).
Scores are what Whoosh's phrase gives: the sum of the units' BM25F scores in
each matching document.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from whoosh import query as wq

from reader.index.scoring import ScoringView, term_scores
from reader.index.storage import docs_matcher, field_lengths, posting_arrays, posting_positions, term_entry


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` for arrays that are usually sorted already (postings come in docnum order)."""
    if len(values) < 2:
        return values
    step = values[1:] != values[:-1]
    if (values[1:] >= values[:-1]).all():
        return values[np.concatenate(([True], step))]
    return np.unique(values)


class PhraseView(ScoringView, Protocol):
    """What :func:`phrase_docs` needs of a segment (a :class:`reader.index.evaluate.SegmentView` has it)."""

    @property
    def reader(self) -> Any: ...


def phrase_docs(view: PhraseView, q: NgramPhrase, weighting) -> tuple[np.ndarray, np.ndarray | None]:
    """Docnums (ascending) of ``view``'s segment containing phrase ``q``, and their scores."""
    empty = np.zeros(0, dtype=np.int64)
    fieldname = q.fieldname
    schema = view.searcher.schema
    if fieldname not in schema:
        return empty, None
    field = schema[fieldname]
    reader = view.reader
    tbytes = [field.to_bytes(w) for w in q.words]
    entries = {}
    for t in set(tbytes):  # each unit looked up once in this segment's term table
        entry = entries[t] = term_entry(reader, fieldname, t)
        if entry is None:
            return empty, None
    frequency = {t: entry.doc_frequency() for t, entry in entries.items()}
    order = sorted(range(len(tbytes)), key=lambda i: frequency[tbytes[i]])
    # a unit repeated in the phrase (国国国…: one bigram a thousand times) is read once
    arrays: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
    candidates: np.ndarray | None = None
    for i in order:
        if tbytes[i] in arrays:
            continue
        ids, weights = arrays[tbytes[i]] = posting_arrays(reader, fieldname, tbytes[i], entries[tbytes[i]])
        candidates = ids if candidates is None else np.intersect1d(candidates, ids, assume_unique=True)
        if not len(candidates):
            return empty, None
    if candidates is None:  # a phrase of no words
        return empty, None
    decode = field.format.decode_positions
    # A phrase starting at position p has unit i at p + i: for each unit, the keys
    # docnum << 32 | (p + n) (shifted by n to stay positive) must all meet.
    n = len(order)
    keys: np.ndarray | None = None
    read: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
    for i in order:
        if tbytes[i] in read:  # the same unit again: its positions in the (fewer) candidates
            docs, positions = read[tbytes[i]]
            keep = np.isin(docs, candidates)
            docs, positions = docs[keep], positions[keep]
        else:
            docs, positions = posting_positions(
                reader, fieldname, tbytes[i], candidates, decode, entries[tbytes[i]]
            )
        read[tbytes[i]] = (docs, positions)
        unit_keys = _sorted_unique((docs << 32) | (positions - i + n))
        keys = unit_keys if keys is None else np.intersect1d(keys, unit_keys, assume_unique=True)
        if not len(keys):
            return empty, None
        candidates = _sorted_unique(keys >> 32)
    ids = candidates
    if not len(ids) or weighting is None:
        return ids, None
    scores = np.zeros(len(ids))
    times: dict[bytes, int] = {}
    for i in order:
        times[tbytes[i]] = times.get(tbytes[i], 0) + 1
    for i in order:
        if tbytes[i] not in times:
            continue
        unit_ids, unit_weights = arrays[tbytes[i]]
        where = np.searchsorted(unit_ids, ids)
        unit = term_scores(view, fieldname, q.words[i], weighting, unit_weights[where], ids)
        scores += unit * times.pop(tbytes[i])  # each occurrence of a unit counts, as before
    return ids, scores * q.boost


class _MatcherView:
    """What ``phrase_docs`` needs of a SegmentView, built from a searcher (Whoosh's matcher path)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.constants: dict = {}
        self._lengths: dict[str, np.ndarray] = {}

    def lengths(self, fieldname: str) -> np.ndarray:
        lens = self._lengths.get(fieldname)
        if lens is None:
            lens = field_lengths(self.reader, fieldname, self.reader.doc_count_all())
            self._lengths[fieldname] = lens
        return lens


class NgramPhrase(wq.Phrase):
    """Terms that must occur at consecutive positions (``slop`` 1), matched in bulk."""

    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0):
        super().__init__(fieldname, words, slop=1, boost=boost)

    def matcher(self, searcher, context=None):
        weighting = searcher.weighting if context is None else context.weighting
        ids, scores = phrase_docs(_MatcherView(searcher), self, weighting)
        deleted = searcher.reader().is_deleted
        live = [i for i, d in enumerate(ids.tolist()) if not deleted(d)]
        return docs_matcher(ids[live].tolist(), None if scores is None else scores[live].tolist())
