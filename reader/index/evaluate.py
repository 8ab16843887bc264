"""Evaluate a query on one segment in one pass, as whole-segment numpy arrays.

Whoosh's collectors walk matchers one document at a time (``id``/``score``/
``next`` in Python for every match); a one-character query matches most of a
big library, so that cost grows with the library. Here every query shape the
query language produces is evaluated with dense per-segment arrays: a
:class:`Match` is a boolean mask over the segment's documents plus, when
scoring, a float score per document (0 where the mask is False). A ``Term``
reads its postings in bulk (:func:`reader.index.storage.posting_arrays`) and
scores them with BM25F as Whoosh does (:mod:`reader.index.scoring`); ``Or`` adds; ``And`` intersects and
adds; ``Not`` under ``And`` subtracts (Whoosh scores a NOT clause as a match of
weight 1); :class:`~reader.index.phrase.NgramPhrase` checks positions for the
candidates only; a date ``TermRange`` compares the segment's date array.
Anything else goes through Whoosh's own matcher. Scores equal Whoosh's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

from reader.index.phrase import NgramPhrase, phrase_docs
from reader.index.scoring import term_scores
from reader.index.storage import posting_arrays


@dataclass
class Match:
    """Documents of one segment matching a query: ``mask`` and (scored) ``score``, both of segment length."""

    mask: np.ndarray
    score: np.ndarray | None


class SegmentView:
    """What evaluation needs of one segment: its searcher, size, field lengths and dates.

    ``lengths(fieldname)`` gives field lengths by docnum as a float array;
    ``dates`` the story dates (ISO strings, "" for none) as a numpy string array.
    """

    def __init__(self, searcher, size: int, lengths, dates: np.ndarray, live: np.ndarray, constants=None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = size
        self.lengths = lengths
        self.dates = dates
        self.live = live
        #: per-request scoring constants by (field, text, boost), shared by the request's segments:
        #: idf and average field length are whole-index figures, costly to ask each segment for
        self.constants: dict = {} if constants is None else constants

    def empty(self, scored: bool) -> Match:
        return Match(np.zeros(self.size, dtype=bool), np.zeros(self.size) if scored else None)


def _term(q: wq.Term, view: SegmentView, weighting) -> Match:
    fieldname = q.fieldname
    schema = view.searcher.schema
    if fieldname not in schema:
        return view.empty(weighting is not None)
    tbytes = schema[fieldname].to_bytes(q.text)
    ids, weights = posting_arrays(view.reader, fieldname, tbytes)
    out = view.empty(weighting is not None)
    if not len(ids):
        return out
    out.mask[ids] = True
    if out.score is not None:  # scored (weighting given)
        out.score[ids] = term_scores(view, fieldname, q.text, weighting, weights, ids, q.boost)
    return out


def _phrase(q: NgramPhrase, view: SegmentView, weighting) -> Match:
    out = view.empty(weighting is not None)
    ids, scores = phrase_docs(view, q, weighting)
    if len(ids):
        out.mask[ids] = True
        if out.score is not None and scores is not None:
            out.score[ids] = scores
    return out


def _date_range(q: wq.TermRange, view: SegmentView, weighting) -> Match:
    dates = view.dates
    mask = dates != ""
    if q.start:
        mask &= dates >= q.start if q.startexcl is False else dates > q.start
    if q.end:
        mask &= dates <= q.end if q.endexcl is False else dates < q.end
    score = None
    if weighting is not None:
        score = mask * q.boost  # Whoosh scores a range's documents by its boost
    return Match(mask, score)


def _generic(q: wq.Query, view: SegmentView, weighting) -> Match:
    out = view.empty(weighting is not None)
    if weighting is None:
        ids = np.fromiter(q.docs(view.searcher), dtype=np.int64)
        out.mask[ids] = True
        return out
    m = q.matcher(view.searcher, view.searcher.context(weighting=weighting))
    found: list[int] = []
    scores: list[float] = []
    while m.is_active():
        found.append(m.id())
        scores.append(m.score())
        m.next()
    if found and out.score is not None:
        out.mask[found] = True
        out.score[found] = scores
    return out


def evaluate(q: wq.Query, view: SegmentView, weighting) -> Match:
    """The documents of ``view``'s segment matching ``q``; ``weighting`` ``None`` means unscored.

    Deleted and non-story documents are not removed here: the caller masks with ``view.live``.
    """
    if isinstance(q, wq.Term):
        return _term(q, view, weighting)
    if isinstance(q, NgramPhrase):
        return _phrase(q, view, weighting)
    if isinstance(q, wq.TermRange) and q.fieldname == "date":
        return _date_range(q, view, weighting)
    if type(q) is wq.Or:
        if any(isinstance(c, wq.Not) for c in q.subqueries):
            return _generic(q, view, weighting)
        out = view.empty(weighting is not None)
        for child in q.subqueries:
            part = evaluate(child, view, weighting)
            out.mask |= part.mask
            if out.score is not None and part.score is not None:
                out.score += part.score
        return out
    if type(q) is wq.And:
        positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        if positive:
            out = evaluate(positive[0], view, weighting)
            for child in positive[1:]:
                if not out.mask.any():
                    break
                part = evaluate(child, view, weighting)
                out.mask &= part.mask
                if out.score is not None and part.score is not None:
                    out.score += part.score
        else:
            out = Match(view.live.copy(), np.zeros(view.size) if weighting is not None else None)
        for child in negative:
            if not out.mask.any():
                break
            out.mask &= ~evaluate(child, view, None).mask
        if out.score is not None:
            # Whoosh scores the NOT clauses together as one match of weight len(negative)
            out.score = np.where(out.mask, out.score + float(len(negative)), 0.0)
        return out
    if isinstance(q, wq.Not):
        mask = view.live & ~evaluate(q.query, view, None).mask
        return Match(mask, mask * 1.0 if weighting is not None else None)
    return _generic(q, view, weighting)
