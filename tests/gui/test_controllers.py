"""The window's controllers on their own: the import queue, dropped paths, renaming a tag everywhere."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl

from reader.gui.controllers.imports import dropped_paths
from reader.index.results import SearchRequest
from tests.helpers.gui import ManualRunner, type_query


def one_story_folder(path, title):
    path.mkdir()
    (path / "a.txt").write_text(f"来源: 测试\n\n{title}\n\n  {title}的正文。\n", encoding="utf-8")
    return path


def test_an_import_asked_for_while_one_runs_waits_its_turn(qtbot, library, make_window, tmp_path):
    runner = ManualRunner()
    window = make_window(library, runner=runner)
    first = one_story_folder(tmp_path / "first", "排队导入甲")
    second = one_story_folder(tmp_path / "second", "排队导入乙")
    done = []
    window.import_done.connect(done.append)

    window.imports.import_paths([first])
    window.imports.import_paths([second])  # queued: one import at a time
    imports = [j for j in runner.jobs if j.name == "import"]
    assert len(imports) == 1 and window.importing()

    imports[0].run()
    assert len(done) == 1 and done[0].added == 1
    imports = [j for j in runner.jobs if j.name == "import"]
    assert len(imports) == 2 and window.importing()  # the queued one started on its own
    imports[1].run()
    assert len(done) == 2 and done[1].added == 1
    assert not window.importing()
    for title in ("排队导入甲", "排队导入乙"):
        assert len(window.index.ids_for(SearchRequest(query=title))) == 1


def test_only_local_files_of_a_drag_are_imported():
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/news.html"), QUrl.fromLocalFile("/tmp/dropped/x.txt")])
    assert [p.as_posix() for p in dropped_paths(mime)] == ["/tmp/dropped/x.txt"]
    text = QMimeData()
    text.setText("not a file")
    assert dropped_paths(text) == []


def test_renaming_a_tag_renames_it_in_every_story_and_in_the_filters(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    story_id = window.reading.story.id
    assert "place:上饶" in window.index.get(story_id).tags
    before = dict(window.results.facets["tag"])
    with qtbot.waitSignal(window.results_shown, timeout=10000):
        window.userdata_actions.rename_tag("place:上饶", "上饶市")
    tags = dict(window.results.facets["tag"])
    assert "place:上饶" not in tags and tags["place:上饶市"] == before["place:上饶"]
    assert "place:上饶市" in window.index.get(story_id).tags
    assert "place:上饶" not in window.index.get(story_id).tags
    assert "上饶市" in window.reading.tags_label.text()
