"""Bulk evaluation and NgramPhrase give exactly Whoosh's matches, with Whoosh's scores."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as wq

from reader.index.evaluate import evaluate
from reader.index.phrase import NgramPhrase
from reader.index.query import parse

QUERIES = [
    "上饶",
    "柚",
    "马家柚",
    "上饶经开区",
    '"上饶 马家"',
    "上饶 -柚",
    "(上饶 OR 刘长胜) -公交",
    "-上饶",
    "title:上饶 OR 芯片",
    "a股",
    "AI 芯片",
    "said",
    "tag:上饶",
    "date:2024",
    "上饶 date:2024-05",
]


def _whoosh(q, sub, weighting):
    m = q.matcher(sub, sub.context(weighting=weighting))
    out = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _leaves(library):
    searcher = library._get_searcher()
    return searcher, library._segments.leaves(searcher)


def _docs(match, live):
    """Matching stories (evaluation leaves non-story documents to the caller's live mask)."""
    return set(np.flatnonzero(match.mask & live).tolist())


@pytest.mark.parametrize("text", QUERIES)
def test_evaluate_matches_and_scores_like_whoosh(small_library, text):
    searcher, leaves = _leaves(small_library)
    q = parse(text).query
    assert q is not None
    for leaf in leaves:
        sub = leaf.sub
        live = leaf.live
        stories = set(np.flatnonzero(live).tolist())
        got = evaluate(q, leaf.view(), searcher.weighting)
        assert _docs(got, live) == set(q.docs(sub)) & stories, text
        unscored = evaluate(q, leaf.view(), None)
        assert unscored.score is None
        assert _docs(unscored, live) == _docs(got, live)
        expected = {d: s for d, s in _whoosh(q, sub, searcher.weighting).items() if d in stories}
        assert _docs(got, live) == set(expected)
        for docnum, score in expected.items():
            assert got.score[docnum] == pytest.approx(score, rel=1e-5), (text, docnum)
        assert not got.score[~got.mask].any()  # no score outside the matches


@pytest.mark.parametrize(
    "units", [["上饶", "饶经", "经开", "开区"], ["马家", "家柚"], ["柚子", "子树"], ["a", "股"]]
)
def test_ngram_phrase_equals_whoosh_phrase(small_library, units):
    searcher, leaves = _leaves(small_library)
    for field in ("title", "body"):
        ours = searcher.search(NgramPhrase(field, units), limit=None)
        theirs = searcher.search(wq.Phrase(field, units, slop=1), limit=None)
        assert [(h.docnum, round(h.score, 5)) for h in ours] == [
            (h.docnum, round(h.score, 5)) for h in theirs
        ]
    assert any(
        searcher.search(NgramPhrase(field, units), limit=None).scored_length() for field in ("title", "body")
    )
