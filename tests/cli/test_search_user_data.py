"""``reader search --bookmarked`` and ``--collection NAME``: the app's user-data filters, headless.

Same restriction as the app's filter panel (``reader.service.search``): bookmarked stories,
stories in any of the named collections, both together meaning both; facets and paging count
within them; a chosen story gone from the library is a note, an unknown collection an error.
"""

from __future__ import annotations

import json

import pytest

from reader.userdata import UserData
from tests.helpers.cli import reader, records_home
from tests.helpers.records import RECORDS


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = records_home(tmp_path_factory.mktemp("cli-user-search"))
    every = json.loads(reader("search", "--json", home=home).stdout)["hits"]
    by_title = {hit["title"]: hit["id"] for hit in every}
    ID.update({record["id"]: by_title[record["title"]] for record in RECORDS})  # story ids are hashes
    for name in ("a1", "a3", "a6"):
        assert reader("bookmark", "add", ID[name], home=home).returncode == 0
    assert reader("collection", "add", "上饶", ID["a1"], ID["a2"], ID["a7"], home=home).returncode == 0
    assert reader("collection", "add", "英文", ID["a6"], home=home).returncode == 0
    return home


#: The records' own ids (a1 ...) -> the story ids the index gave them.
ID: dict[str, str] = {}


def search(home, *args):
    result = reader("search", *args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ids(data) -> set[str]:
    """The records' own ids (a1 ...) of the hits."""
    back = {story_id: name for name, story_id in ID.items()}
    return {back.get(hit["id"], hit["id"]) for hit in data["hits"]}


def test_bookmarked_only(home):
    data = search(home, "--bookmarked")
    assert data["total"] == 3 and ids(data) == {"a1", "a3", "a6"}
    assert data["notes"] == []
    assert ids(search(home, "上饶", "--bookmarked")) == {"a1"}  # with a query: the query within them


def test_collection_and_several_collections(home):
    assert ids(search(home, "--collection", "上饶")) == {"a1", "a2", "a7"}
    assert ids(search(home, "--collection", "上饶", "--collection", "英文")) == {"a1", "a2", "a6", "a7"}


def test_bookmarked_and_collection_means_both(home):
    assert ids(search(home, "--bookmarked", "--collection", "上饶")) == {"a1"}


def test_facets_and_paging_count_within_the_restriction(home):
    data = search(home, "--collection", "上饶", "--limit", "2")
    assert data["total"] == 3 and len(data["hits"]) == 2
    sources = dict(map(tuple, data["facets"]["source"]))
    assert sum(sources.values()) == 3 and "Reuters" not in sources
    assert len(search(home, "--collection", "上饶", "--limit", "2", "--page", "2")["hits"]) == 1


def test_text_output_lists_the_restricted_hits(home):
    result = reader("search", "--bookmarked", home=home)
    assert result.returncode == 0
    assert result.stdout.startswith("3 stories")
    assert f"[{ID['a3']}]" in result.stdout and f"[{ID['a2']}]" not in result.stdout


def test_an_unknown_collection_is_an_error_naming_it(home):
    result = reader("search", "--collection", "没有这个", home=home)
    assert result.returncode == 1
    assert "no collection '没有这个'" in result.stderr
    assert result.stdout == ""


def test_a_chosen_story_gone_from_the_library_is_a_note(home):
    with UserData.open(home) as ud:
        ud.add_to_collection("旧", [ID["a5"], "gone-1", "gone-2"])
    data = search(home, "--collection", "旧")
    assert ids(data) == {"a5"}
    assert "2 chosen stories are no longer in the library" in data["notes"]
