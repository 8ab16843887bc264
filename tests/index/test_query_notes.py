"""Every part of a query that is ignored or cannot match is said in notes; facets are OR within one facet."""

from __future__ import annotations

from reader.index import SearchRequest
from tests.helpers.records import RECORDS

TITLES = {r["id"]: r["title"] for r in RECORDS}


def search(library, query="", **kwargs):
    return library.search(SearchRequest(query=query, page_size=100, **kwargs))


def test_an_unknown_field_is_named_in_notes(small_library):
    notes = search(small_library, "foo:bar 上饶").notes
    assert any("foo" in n and "field" in n for n in notes), notes
    assert not search(small_library, "title:上饶").notes


def test_impossible_dates_are_named_in_notes_and_ignored(small_library):
    everything = search(small_library, "上饶").total
    for text in ("date:2024-13", "date:2024-02-30", "date:2024-00", "date:2023-02-29..2024-01-01"):
        results = search(small_library, f"上饶 {text}")
        assert any("invalid date" in n for n in results.notes), (text, results.notes)
        assert results.total == everything
    assert not search(small_library, "date:2024-02-29").notes  # a leap day is a real date


def test_a_reversed_date_range_is_said_and_read_the_right_way_round(small_library):
    results = search(small_library, "date:2024-06..2024-01")
    assert any("reversed" in n for n in results.notes), results.notes
    assert results.total == search(small_library, "date:2024-01..2024-06").total > 0


def test_bad_from_and_to_dates_are_said(small_library):
    results = search(small_library, "上饶", date_from="2025-13-01")
    assert any("2025-13-01" in n for n in results.notes), results.notes
    assert results.total == search(small_library, "上饶").total
    results = search(small_library, "", date_from="2024-06", date_to="2024-01")
    assert any("reversed" in n for n in results.notes)
    assert results.total == search(small_library, "", date_from="2024-01", date_to="2024-06").total


def test_a_tag_filter_without_its_kind_matches_the_name_in_any_kind(small_library):
    bare = search(small_library, filters={"tag": ["江西"]})
    kinded = search(small_library, filters={"tag": ["place:江西"]})
    assert bare.total == kinded.total > 0
    assert any("place:江西" in n for n in bare.notes), bare.notes
    missing = search(small_library, filters={"tag": ["火星"]})
    assert missing.total == 0 and any("火星" in n for n in missing.notes)


def test_facet_values_of_a_ticked_facet_stay_listed_with_their_own_counts(small_library):
    unfiltered = dict(search(small_library).facets["tag"])
    ticked = search(small_library, filters={"tag": ["place:江西"]})
    tags = dict(ticked.facets["tag"])
    assert tags["place:上饶"] == unfiltered["place:上饶"]  # OR within the facet: what ticking it would add
    assert tags["person:刘长胜"] == unfiltered["person:刘长胜"]
    # other facets still count the filtered set (AND across facets)
    assert sum(c for _v, c in ticked.facets["year"]) == ticked.total


def test_a_word_with_nothing_searchable_in_it_is_said(small_library):
    results = search(small_library, "上饶 ，，")
    assert any("，，" in n for n in results.notes), results.notes
    assert results.total == search(small_library, "上饶").total
    assert not search(small_library, '"上饶 公交"').notes


def test_a_filtered_search_ranks_and_counts_the_same_with_or_without_facets(small_library):
    for query, filters in (
        ("上饶", {"tag": ["place:上饶"]}),
        ("柚", {"source": ["新华网"], "year": ["2024"]}),
        ("", {"tag": ["place:江西", "person:刘长胜"]}),
        ("上饶 OR 刘长胜", {"tag": ["place:上饶"], "author": ["徐浠乐", "王五"]}),
    ):
        for sort in ("relevance", "date"):
            small_library._cache._results.clear()  # each way evaluated afresh, not served from the LRU
            with_facets = search(small_library, query, filters=filters, sort=sort)
            small_library._cache._results.clear()
            plain = search(small_library, query, filters=filters, sort=sort, facets=False)
            assert [(h.id, h.score) for h in with_facets.hits] == [(h.id, h.score) for h in plain.hits]
            assert with_facets.total == plain.total
