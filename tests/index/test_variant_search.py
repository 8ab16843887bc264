"""Searching across variant characters (issue 18): a story printed with one form is found by every form."""

from __future__ import annotations

import pytest

from reader.index import SearchRequest, open_index
from tests.helpers.records import write_jsonl
from tests.text.test_variants import APART, JOINED


@pytest.fixture(scope="module")
def variant_library(tmp_path_factory):
    root = tmp_path_factory.mktemp("variants")
    records = []
    for forms in JOINED + APART:
        for i, char in enumerate(forms):
            records.append(
                {
                    "id": f"{forms}-{i}",
                    "title": f"标题{char}",
                    "content": f"报道说，这里印的是「{char}」字。",
                    "source": "测试",
                    "date_iso": "2024-01-01",
                }
            )
    write_jsonl(root / "archive" / "variants.jsonl", records)
    library = open_index(root / "home")
    report = library.update([root / "archive"])
    assert report.stories == len(records), report
    yield library
    library.close()


def _titles(library, query):
    return {library.get(i).title for i in library.ids_for(SearchRequest(query=query))}


@pytest.mark.parametrize("forms", JOINED)
def test_every_form_finds_the_stories_of_every_other_form(variant_library, forms):
    for char in forms:
        assert _titles(variant_library, f"标题{char}") == {f"标题{c}" for c in forms}, char


@pytest.mark.parametrize("pair", APART)
def test_different_words_stay_apart_in_search(variant_library, pair):
    for char in pair:
        assert _titles(variant_library, f"标题{char}") == {f"标题{char}"}


def test_a_hit_printed_in_another_form_says_so(variant_library):
    results = variant_library.search(SearchRequest(query="标题线", page_size=10))
    by_title = {h.title: h for h in results.hits}
    assert set(by_title) == {"标题缐", "标题线"}
    assert by_title["标题缐"].forms == [("缐", "线")]  # "matched 缐 for 线"
    assert by_title["标题线"].forms == []  # printed as typed


def test_width_and_case_are_not_another_form(tmp_path):
    from tests.helpers.records import write_jsonl

    write_jsonl(tmp_path / "a" / "w.jsonl", [{"id": "w", "title": "ＡＩ芯片", "content": "AI 芯片"}])
    library = open_index(tmp_path / "home")
    try:
        library.update([tmp_path / "a"])
        [hit] = library.search(SearchRequest(query="ai芯片")).hits
        assert hit.forms == []
        [hit] = library.search(SearchRequest(query="ai芯片 OR 芯爿")).hits
        assert hit.forms == []
    finally:
        library.close()


@pytest.fixture(scope="module")
def tagged_library(tmp_path_factory):
    """Three stories tagged with one name in two forms (清水 / 淸水), one of them also as a place."""
    root = tmp_path_factory.mktemp("variant-tags")
    records = [
        {"id": "t1", "title": "清水报道一", "content": "内容一。"},
        {"id": "t2", "title": "淸水报道二", "content": "内容二。"},
        {"id": "t3", "title": "清水報道三", "content": "内容三。"},
        {"id": "t4", "title": "别的报道", "content": "内容四。"},
    ]
    write_jsonl(root / "archive" / "tags.jsonl", records)
    forms = {"一": ["person:清水"], "二": ["person:淸水", "person:清水"], "三": ["person:淸水", "place:清水"]}

    def tagger(story):
        return next((tags for key, tags in forms.items() if story.title.endswith(key)), ["person:别人"])

    library = open_index(root / "home")
    library.update([root / "archive"], tagger=tagger)
    yield library
    library.close()


def test_facets_merge_tags_differing_only_by_variant_form(tagged_library):
    results = tagged_library.search(SearchRequest(query=""))
    tags = dict(results.facets["tag"])
    persons = {t: n for t, n in tags.items() if t.startswith("person:")}
    assert persons == {"person:清水": 3, "person:别人": 1}  # 淸水 counted with 清水, each story once
    assert tags["place:清水"] == 1  # another kind stays its own value


@pytest.mark.parametrize("value", ["person:清水", "person:淸水"])
def test_the_tag_filter_takes_every_form(tagged_library, value):
    ids = tagged_library.ids_for(SearchRequest(filters={"tag": [value]}))
    assert {tagged_library.get(i).title for i in ids} == {"清水报道一", "淸水报道二", "清水報道三"}
