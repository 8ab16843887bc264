"""Search by pinyin (issue 18): the seed's people and places by their romanisation and initials."""

from __future__ import annotations

import pytest

from reader.autotag import auto_tags
from reader.index import SearchRequest, open_index
from tests.helpers.records import write_records_archive


@pytest.fixture(scope="module")
def library(tmp_path_factory, archive_dir):
    root = tmp_path_factory.mktemp("pinyin")
    records = write_records_archive(root / "records")
    library = open_index(root / "home")
    library.update([archive_dir, records], tagger=auto_tags)
    yield library
    library.close()


def _stories(library, query, **request):
    return library.get_many(library.ids_for(SearchRequest(query=query, **request)))


def _printed(story):
    return "\n".join([story.title, story.subtitle, *story.authors, *story.tags])


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("xu xile", "徐浠乐"),
        ("xuxile", "徐浠乐"),
        ("Xú Xīlè", "徐浠乐"),
        ("xu2 xi1 le4", "徐浠乐"),
        ("shangrao", "上饶"),
        ("Shang Rao", "上饶"),
        ("py:shangrao", "上饶"),
        ("xzq", "信州区"),  # initials of a place
        ("srjkq", "上饶经开区"),  # initials of a zone named after its place
        ("xxl", "徐浠乐"),  # initials of a person
        ("xinzhouqu", "信州区"),
        ("liu changsheng", "刘长胜"),  # 长 read chang in a name, zhang elsewhere
    ],
)
def test_pinyin_finds_the_stories_of_the_name(library, query, name):
    found = _stories(library, query)
    assert found, query
    want = {s.id for s in _stories(library, f"title:{name}")} | {
        s.id for s in library.get_many(library.ids_for(SearchRequest())) if name in _printed(s)
    }
    assert {s.id for s in found} >= want
    results = library.search(SearchRequest(query=query))
    assert results.pinyin
    assert any(n.startswith("matched by pinyin") and name in n for n in results.notes), results.notes
    assert all(h.matched_by == "pinyin" for h in results.hits)
    typed = query.removeprefix("py:")
    assert any((name, typed) in h.forms for h in results.hits)  # "matched 徐浠乐 for xu xile"
    for hit in results.hits:  # the name is marked where the story's text prints it
        if any(printed in library.get(hit.id).text for printed, _t in hit.forms):
            assert "<b>" in hit.snippet


def test_every_pinyin_hit_holds_a_name_or_title_read_that_way(library):
    for query in ("shangrao", "xu xile", "xzq"):
        for hit in library.search(SearchRequest(query=query, page_size=100)).hits:
            story = library.get(hit.id)
            assert hit.forms and all(printed in _printed(story) for printed, _typed in hit.forms)


def test_english_words_found_in_the_library_are_not_read_as_pinyin(library):
    results = library.search(SearchRequest(query="said"))
    assert not results.pinyin and results.total == 1
    assert [h.title for h in results.hits] == ["Straße and said"]


def test_py_prefix_asks_for_pinyin_only(library):
    assert library.search(SearchRequest(query="py:said")).total == 0
    results = library.search(SearchRequest(query="py:上饶"))
    assert results.total == 0 and any("pinyin" in n for n in results.notes)


def test_pinyin_results_follow_the_filters(library):
    everything = _stories(library, "shangrao")
    in_2023 = _stories(library, "shangrao", date_from="2023", date_to="2023")
    assert in_2023 and {s.id for s in in_2023} < {s.id for s in everything}
    assert all(s.date.startswith("2023") for s in in_2023)


def test_chinese_queries_are_not_changed_by_pinyin(library):
    results = library.search(SearchRequest(query="上饶"))
    assert not results.pinyin and all(h.matched_by == "" for h in results.hits)
