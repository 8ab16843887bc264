"""BM25F scoring of whole posting lists: the weighting, its constants hoisted, and a term's scores.

Search ranks with :data:`WEIGHTING` (Whoosh's BM25F, B 0.75, K1 1.2). Evaluation
scores a term's postings as arrays with the same formula Whoosh's scorer uses
(:func:`term_scores`), so scores equal Whoosh's; the per-term constants (idf and
average field length are whole-index figures) are computed once per request.
Used by :mod:`reader.index.evaluate` (terms) and :mod:`reader.index.phrase`
(the units of a phrase).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
from whoosh.scoring import BM25F, BM25FScorer

WEIGHTING = BM25F(B=0.75, K1=1.2)


class ScoringView(Protocol):
    """What scoring needs of one segment: its searcher, per-request constants and field lengths."""

    @property
    def searcher(self) -> Any: ...

    @property
    def constants(self) -> dict: ...

    @property
    def lengths(self) -> Callable[[str], np.ndarray]:
        """Field lengths by docnum of one field (float64)."""
        ...


def bm25_constants(scorer, boost: float, avgfl: float | None = None) -> tuple[float, float, float]:
    """``(c1, c2, c3)`` with score = c1·w / (w + c2 + c3·length): Whoosh's bm25 with constants hoisted."""
    k1, b = scorer.K1, scorer.B
    avg = scorer.avgfl if avgfl is None else avgfl
    return scorer.idf * (k1 + 1) * boost, k1 * (1 - b), k1 * b / avg


def term_scores(
    view: ScoringView, fieldname: str, text, weighting, weights: np.ndarray, ids, boost: float = 1.0
) -> np.ndarray:
    """Scores of the postings ``ids``/``weights`` of one term (BM25F where the field is scorable)."""
    key = (fieldname, text, boost)
    constants = view.constants.get(key)
    if constants is None:
        field = view.searcher.schema[fieldname]
        scorer = weighting.scorer(view.searcher, fieldname, text)
        bm25 = isinstance(scorer, BM25FScorer) and field.scorable
        constants = view.constants[key] = bm25_constants(scorer, boost) if bm25 else None
    if constants is not None:
        c1, c2, c3 = constants
        lens = view.lengths(fieldname)[ids]
        return c1 * weights / (weights + c2 + c3 * lens)
    return weights * boost
