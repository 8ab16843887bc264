"""Whoosh matchers over document lists already computed in bulk (for a query's ``matcher`` method).

:class:`reader.index.phrase.NgramPhrase` finds its documents and scores as
arrays; when Whoosh's own search path asks it for a matcher (generic queries,
``Query.docs``), :func:`docs_matcher` wraps those lists in Whoosh's list matcher.
"""

from __future__ import annotations

from collections.abc import Sequence

from whoosh.matching import ListMatcher, NullMatcher


class _ScoredList(ListMatcher):
    """A list matcher whose "weights" are final scores."""

    def score(self):
        return self._weights[self._i]

    def supports_block_quality(self):
        return False


def docs_matcher(ids: Sequence[int], scores: Sequence[float] | None = None):
    """A matcher over ascending docnums ``ids`` (with final ``scores``, or unscored); empty: none."""
    if not ids:
        return NullMatcher()
    if scores is None:
        return ListMatcher(list(ids))
    return _ScoredList(list(ids), weights=list(scores))
