"""Saved searches report what an import brought since the user last looked; whole results go
into a collection (every match under the filters, not a page) and come out again on undo."""

from __future__ import annotations

import pytest

from reader.index import SearchRequest, open_index
from reader.service import collect, saved
from reader.userdata import UserData
from tests.helpers.research import research_records, write_research_archive


@pytest.fixture
def setup(tmp_path):
    records = research_records(60, seed=9)
    archive = write_research_archive(tmp_path / "archive", records[:40])
    library = open_index(tmp_path / "home")
    library.update([archive])
    ud = UserData.open(tmp_path / "home")
    yield library, ud, tmp_path, records
    ud.close()
    library.close()


def matching(library, request: SearchRequest) -> set[str]:
    return set(library.ids_for(request))


def test_new_since_last_looked_counts_what_an_import_brought(setup):
    library, ud, tmp_path, records = setup
    request = SearchRequest(query="香港", filters={"source": ["甲报"]})
    assert saved.save(library, ud, "港闻", request)
    before = matching(library, request)
    assert before
    first = saved.statuses(library, ud)
    assert [(s.search.name, s.total, s.new) for s in first] == [("港闻", len(before), 0)]
    # a later import: the stories of it that match (and only those) are new
    write_research_archive(tmp_path / "later", records[40:])
    library.update([tmp_path / "later"])
    after = matching(library, request)
    status = saved.status(library, ud, ud.saved_search("港闻"))
    assert set(status.new_ids) == after - before and status.new > 0
    assert status.total == len(after)
    looked = saved.look(library, ud, "港闻")
    assert looked.new == status.new  # what was new when she looked ...
    assert saved.status(library, ud, ud.saved_search("港闻")).new == 0  # ... is seen now
    with pytest.raises(KeyError):
        saved.look(library, ud, "no such")


def test_saved_searches_survive_a_rebuild_without_everything_turning_new(setup):
    library, ud, tmp_path, _records = setup
    saved.save(library, ud, "国家", SearchRequest(query="國家", date_from="2024"))
    library.update([tmp_path / "archive"], rebuild=True)
    status = saved.status(library, ud, ud.saved_search("国家"))
    assert status.total > 0 and status.new == 0
    search = ud.saved_search("国家")
    assert (search.query, search.date_from) == ("國家", "2024")
    assert saved.save(library, ud, "国家", SearchRequest(query="香港")) is False  # replaced
    assert ud.saved_search("国家").query == "香港"
    assert ud.remove_saved_search("国家") and ud.saved_searches() == []


def test_every_result_under_the_filters_goes_into_the_collection_and_undo_takes_them_out(setup):
    library, ud, _tmp, _records = setup
    request = SearchRequest(query="哈", filters={"source": ["乙報"]}, date_from="2023", page_size=2)
    expected = matching(library, request)
    assert len(expected) > 2  # more than one page of two
    done = collect.add_results(library, ud, "哈 乙報", request)
    assert done.created and done.matched == len(expected)
    assert set(ud.collection_ids("哈 乙報")) == expected == set(done.added)
    assert collect.undo(ud, done) == len(expected)
    assert "哈 乙報" not in {c.name for c in ud.collections()}  # made by the step: gone again


def test_undo_keeps_what_was_in_the_collection_before(setup):
    library, ud, _tmp, _records = setup
    everything = sorted(matching(library, SearchRequest(query="")))
    ud.add_to_collection("读过", everything[:3])
    done = collect.add_results(library, ud, "读过", SearchRequest(query="港"))
    assert not done.created
    assert set(done.added) == matching(library, SearchRequest(query="港")) - set(everything[:3])
    collect.undo(ud, done)
    assert ud.collection_ids("读过") == everything[:3]


def test_restricted_to_allowed_stories_as_the_results_are(setup):
    library, ud, _tmp, _records = setup
    hits = sorted(matching(library, SearchRequest(query="港")))
    allowed = set(hits[:2]) | {"not-a-story"}
    done = collect.add_results(library, ud, "两篇", SearchRequest(query="港"), allowed)
    assert set(done.added) == set(hits[:2])
