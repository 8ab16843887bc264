"""Searching a small library: recall, precision, query language, filters, facets, paging, snippets."""

from __future__ import annotations

import threading

import pytest

from reader.index import SearchRequest
from tests.helpers.records import RECORDS

TITLES = {r["id"]: r["title"] for r in RECORDS}


def titles(library, query="", **kwargs):
    results = library.search(SearchRequest(query=query, page_size=100, **kwargs))
    assert results.total == len(results.hits)
    return {h.title for h in results.hits}


def t(*ids):
    return {TITLES[i] for i in ids}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("长胜", ("a5",)),
        ("刘长胜", ("a5",)),
        ("家柚", ("a1",)),
        ("马家柚", ("a1",)),
        ("柚", ("a1", "a3")),
        ("上饶经开区", ("a2",)),
        ("上饒經開區", ("a2",)),
        ("source:众新闻", ("a2",)),
        ("众多企业", ("a2",)),
        ("ＡＩ", ("a4",)),
        ("ai", ("a4",)),
        ("AI", ("a4",)),
        ("Ａ股", ("a4",)),
        ("a股", ("a4",)),
        ("2024", ("a4",)),
        ("said", ("a6",)),
        ("straße", ("a6",)),
    ],
)
def test_recall_and_precision(small_library, query, expected):
    assert titles(small_library, query) == t(*expected)


def test_run_of_characters_must_be_contiguous(small_library):
    # a3 has 马家 and 柚 apart: not a hit for 马家柚, but a hit for both words.
    assert titles(small_library, "马家柚") == t("a1")
    assert titles(small_library, "马家 柚") == t("a1", "a3")


def test_quoted_phrase_terms_in_order(small_library):
    assert titles(small_library, '"上饶 广丰区"') == t("a1")  # punctuation/space between is fine
    assert titles(small_library, '"广丰区 上饶"') == set()
    assert titles(small_library, '"喜获丰收 果农"') == t("a1")  # across a sentence end


def test_boolean_operators(small_library):
    assert titles(small_library, "马家柚 OR 刘长胜") == t("a1", "a5")
    assert titles(small_library, "上饶 -公交") == t("a1", "a2")
    assert titles(small_library, "上饶 NOT 公交") == t("a1", "a2")
    assert titles(small_library, "(马家柚 OR 公交) 上饶") == t("a1", "a7")
    assert titles(small_library, "-上饶") == t("a3", "a4", "a5", "a6")


def test_fields(small_library):
    assert titles(small_library, "title:上饶") == t("a1", "a2", "a7")
    assert titles(small_library, "author:徐浠乐") == t("a1", "a3")
    assert titles(small_library, "source:新华") == t("a1", "a3")
    assert titles(small_library, "tag:上饶") == t("a1", "a2", "a7")
    assert titles(small_library, "tag:place:上饶") == t("a1", "a2", "a7")
    assert titles(small_library, "date:2024") == t("a1", "a3", "a4", "a7")
    assert titles(small_library, "date:2024-05") == t("a1", "a4", "a7")
    assert titles(small_library, "date:2024-05-01..2024-05-25") == t("a1", "a4")
    assert titles(small_library, "date:..2022") == t("a5", "a6")


def test_filters_and_within_or_across(small_library):
    assert titles(small_library, filters={"tag": ["place:上饶"]}) == t("a1", "a2", "a7")
    assert titles(small_library, filters={"tag": ["place:上饶", "person:刘长胜"]}) == t(
        "a1", "a2", "a5", "a7"
    )
    assert titles(small_library, filters={"tag": ["place:上饶"], "source": ["新华网"]}) == t("a1")
    assert titles(small_library, filters={"year": ["2024"]}) == t("a1", "a3", "a4", "a7")
    assert titles(small_library, filters={"month": ["2024-05"], "author": ["李四"]}) == t("a4")
    assert titles(small_library, "上饶", date_from="2024-05-25", date_to="2024-06") == t("a7")


def test_facets_count_the_matched_set(small_library):
    results = small_library.search(SearchRequest(query="上饶"))
    facets = {name: dict(values) for name, values in results.facets.items()}
    assert facets["source"] == {"新华网": 1, "眾新聞": 1, "上饶日报": 1}
    assert facets["year"] == {"2024": 2, "2023": 1}
    assert facets["month"] == {"2024-05": 2, "2023-01": 1}
    assert facets["tag"]["place:上饶"] == 3
    assert facets["tag"]["topic:柚子"] == 1
    filtered = small_library.search(SearchRequest(query="上饶", filters={"year": ["2024"]}))
    assert dict(filtered.facets["source"]) == {"新华网": 1, "上饶日报": 1}
    assert filtered.facets["source"][0][1] >= filtered.facets["source"][-1][1]


def test_restricted_to_story_ids(small_library):
    ids = {h.id: h for h in small_library.search(SearchRequest(page_size=100)).hits}
    by_title = {h.title: i for i, h in ids.items()}
    chosen = [by_title[TITLES["a1"]], by_title[TITLES["a3"]], "no-such-story"]
    results = small_library.search(SearchRequest(ids=chosen, page_size=100))
    assert {h.title for h in results.hits} == t("a1", "a3") and results.total == 2
    assert dict(results.facets["source"]) == {"新华网": 2}  # facets count within the chosen stories
    assert titles(small_library, "柚", ids=chosen) == t("a1", "a3")
    assert titles(small_library, "上饶", ids=chosen) == t("a1")
    assert titles(small_library, "上饶", ids=[]) == set()
    assert titles(small_library, filters={"year": ["2024"]}, ids=chosen) == t("a1", "a3")
    ranked = small_library.search(SearchRequest(query="柚", ids=chosen))
    assert [h.score for h in ranked.hits] == sorted((h.score for h in ranked.hits), reverse=True)


def test_empty_query_is_every_story_newest_first(small_library):
    results = small_library.search(SearchRequest(page_size=100))
    assert results.total == len(RECORDS) == small_library.count()
    dates = [h.date for h in results.hits]
    assert dates == sorted(dates, reverse=True)


def test_paging_and_sorting(small_library):
    full = small_library.search(SearchRequest(query="上饶 OR 柚 OR 2024", sort="date", page_size=100))
    assert [h.date for h in full.hits] == sorted((h.date for h in full.hits), reverse=True)
    pages = []
    for page in (1, 2, 3):
        r = small_library.search(
            SearchRequest(query="上饶 OR 柚 OR 2024", sort="date", page=page, page_size=2)
        )
        assert r.total == full.total and r.page == page
        pages.extend(h.id for h in r.hits)
    assert pages == [h.id for h in full.hits][:6]
    relevance = small_library.search(SearchRequest(query="上饶", page_size=100))
    scores = [h.score for h in relevance.hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    beyond = small_library.search(SearchRequest(query="上饶", page=50))
    assert beyond.hits == [] and beyond.total == 3


def test_title_hits_rank_higher(small_library):
    hits = small_library.search(SearchRequest(query="上饶")).hits
    # a3 has 上饶 nowhere; a1/a2/a7 have it in the title; a1 also twice in body-ish text
    assert {h.id for h in hits[:3]} == {h.id for h in hits}


def test_snippets_use_original_text(small_library):
    hit = small_library.search(SearchRequest(query="上饶经开区")).hits[0]
    assert "<b>上饒經開區</b>" in hit.snippet
    hit = small_library.search(SearchRequest(query="芯片")).hits[0]
    assert "&lt;5%&gt;" in hit.snippet and "<b>芯片</b>" in hit.snippet
    assert "<5%>" not in hit.snippet
    hit = small_library.search(SearchRequest(query="said")).hits[0]
    assert "<b>said</b>" in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(马家柚",
        "马家柚)",
        "OR",
        "NOT",
        "AND 柚",
        "柚 OR",
        "x" * 10000,
        "柚\x00\x07",
        "((((",
        "date:abc",
        "title:",
        "-",
        '""',
        "：：：",
        "tag:",
    ],
)
def test_malformed_queries_never_raise(small_library, query):
    results = small_library.search(SearchRequest(query=query))
    assert results.total >= 0


def test_malformed_queries_give_notes(small_library):
    assert "unbalanced quote ignored" in small_library.search(SearchRequest(query='"马家柚')).notes
    assert titles(small_library, '"马家柚') == t("a1")
    assert "unbalanced bracket ignored" in small_library.search(SearchRequest(query="(马家柚")).notes
    assert any("long" in n for n in small_library.search(SearchRequest(query="柚" * 5000)).notes)
    assert any("control" in n for n in small_library.search(SearchRequest(query="柚\x01")).notes)
    assert any("OR" in n for n in small_library.search(SearchRequest(query="柚 OR")).notes)


def test_get_ids_for_and_get_many(small_library):
    ids = small_library.ids_for(SearchRequest(query="上饶", sort="date"))
    assert len(ids) == 3
    stories = small_library.get_many(["nope", *ids])
    assert [s.id for s in stories] == ids
    assert stories[0].date >= stories[-1].date
    assert small_library.get("nope") is None
    assert "上饒經開區" in small_library.get(ids[-1]).title or any("上饒" in s.title for s in stories)


def test_concurrent_searches_agree(small_library):
    expected = titles(small_library, "上饶")
    errors = []

    def worker():
        try:
            for _ in range(15):
                assert titles(small_library, "上饶") == expected
                small_library.get_many(small_library.ids_for(SearchRequest(query="柚")))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
