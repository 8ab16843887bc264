"""Bulk evaluation and NgramPhrase give exactly Whoosh's matches, with Whoosh's scores."""

from __future__ import annotations

from functools import partial

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
    return searcher, library._cache.leaves(searcher)


@pytest.mark.parametrize("text", QUERIES)
def test_evaluate_matches_and_scores_like_whoosh(small_library, text):
    searcher, leaves = _leaves(small_library)
    q = parse(text).query
    assert q is not None
    for sub, _offset, data in leaves:
        lengths = partial(data.lengths, sub.reader())
        got = evaluate(q, sub, lengths, searcher.weighting)
        assert set(got) == set(q.docs(sub)), text
        unscored = evaluate(q, sub, lengths, None)
        assert set(unscored) == set(got)
        expected = _whoosh(q, sub, searcher.weighting)
        assert got.keys() == expected.keys()
        for docnum, score in expected.items():
            assert got[docnum] == pytest.approx(score, rel=1e-5), (text, docnum)


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
