"""The results model: pages on demand, 100,000 rows, stale pages dropped, script conversion."""

from PySide6.QtCore import Qt

from reader.gui.models.results import IdRole, LoadedRole, ResultsModel, SnippetRole
from reader.index.results import SearchRequest
from tests.helpers.fakes import FakeIndex, many_stories
from tests.helpers.gui import ManualRunner


def test_rows_are_the_total_and_pages_load_when_rows_are_shown(qtbot, sync_runner):
    index = FakeIndex(many_stories(100_000))
    model = ResultsModel(index.search, sync_runner)
    request = SearchRequest(page_size=50, facets=False)
    model.reset_results(request, index.search(request))
    assert model.rowCount() == 100_000
    assert len(index.searches) == 1
    last = model.index(99_999, 0)
    assert last.data(IdRole) == "s099999"  # its page was fetched on demand
    assert index.searches[-1].page == 2000
    assert index.searches[-1].facets is False
    assert len(index.searches) == 2


def test_unloaded_rows_show_a_placeholder_until_their_page_arrives(qtbot):
    index = FakeIndex(many_stories(500))
    runner = ManualRunner()
    model = ResultsModel(index.search, runner)
    request = SearchRequest(page_size=50)
    model.reset_results(request, index.search(request))
    row = model.index(260, 0)
    assert row.data(LoadedRole) is False
    assert row.data(Qt.ItemDataRole.DisplayRole) == "…"
    row.data(Qt.ItemDataRole.DisplayRole)  # asking twice requests the page once
    assert len(runner.jobs) == 1
    with qtbot.waitSignal(model.dataChanged):
        runner.jobs[0].run()
    assert model.index(260, 0).data(IdRole) == "s000260"


def test_pages_of_an_old_query_are_dropped(qtbot):
    index = FakeIndex(many_stories(300))
    runner = ManualRunner()
    model = ResultsModel(index.search, runner)
    old = SearchRequest(page_size=50)
    model.reset_results(old, index.search(old))
    model.index(120, 0).data(IdRole)  # requests page 3 of the old query
    new = SearchRequest(query="上饶", page_size=50)
    model.reset_results(new, index.search(new))
    runner.jobs[0].run()  # the old page arrives late
    assert model.total == 75
    assert model.index(0, 0).data(IdRole) == "s000000"
    assert model.index(1, 0).data(IdRole) == "s000004"


def test_titles_and_snippets_follow_the_script(qtbot, sync_runner):
    index = FakeIndex(many_stories(3))
    model = ResultsModel(index.search, sync_runner)
    request = SearchRequest(query="上饶")
    model.reset_results(request, index.search(request))
    assert "上饶" in model.index(0, 0).data()
    model.set_script("zh-hant")
    assert "上饒" in model.index(0, 0).data()
    assert "<b>上饒</b>" in model.index(0, 0).data(SnippetRole)


def test_snippets_follow_a_new_query_not_the_cached_one(qtbot, sync_runner):
    index = FakeIndex(many_stories(8))
    model = ResultsModel(index.search, sync_runner)
    model.set_script("zh-hant")  # conversion (and its cache) in play
    first = SearchRequest(query="上饶")
    model.reset_results(first, index.search(first))
    assert "<b>上饒</b>" in model.index(0, 0).data(SnippetRole)
    second = SearchRequest(query="马家柚")
    model.reset_results(second, index.search(second))
    snippet = model.index(0, 0).data(SnippetRole)
    assert "<b>馬家柚</b>" in snippet
    assert "<b>上饒</b>" not in snippet
