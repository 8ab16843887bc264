"""The app's reprint groups: one row per group, a toggle for every copy, the copies and differences."""

from __future__ import annotations

import pytest

from reader.gui.models.results import HitRole, MetaRole
from tests.helpers.reprints import paragraphs, wire_group, write

WIRE = paragraphs(21, count=5)
NOTE = "（编者按：本报有删节）"


@pytest.fixture
def reprint_home(tmp_path):
    from reader.index import open_index

    archive = tmp_path / "archive"
    write(archive, wire_group(WIRE, NOTE, 22))
    home = tmp_path / "home"
    index = open_index(home)
    try:
        index.update([archive])
    finally:
        index.close()
    return home


def _rows(window) -> list:
    return [window.model.index(r, 0).data(HitRole) for r in range(window.model.rowCount())]


def test_one_row_per_group_with_its_copies_and_a_toggle_for_every_copy(qtbot, make_window, reprint_home):
    window = make_window(reprint_home)
    window.search_now()
    hits = _rows(window)
    assert len(hits) == 2
    grouped = next(r for r in range(2) if hits[r].group_size == 3)
    meta = window.model.index(grouped, 0).data(MetaRole)
    assert "3" in meta and "新华社" in meta and "某某日报" in meta
    window.filter_panel.all_copies.setChecked(True)  # the toggle searches again
    assert len(_rows(window)) == 4
    window.filter_panel.all_copies.setChecked(False)
    assert len(_rows(window)) == 2


def test_reading_pane_lists_copies_opens_one_and_shows_differences(qtbot, make_window, reprint_home):
    window = make_window(reprint_home)
    window.filter_panel.all_copies.setChecked(True)
    paper = next(h for h in _rows(window) if h.title == "会议最新消息")
    window.open_story(paper.id)
    pane = window.reading
    assert pane.reprints_bar.isVisibleTo(window)
    label = pane.reprints_label.text()
    assert "新华社" in label and ("某報" in label or "某报" in label)
    original = next(h for h in _rows(window) if h.title == "会议部署工作")
    assert f'href="{original.id}"' in label  # the other copies are links; this one is not
    assert f'href="{paper.id}"' not in label
    pane.diff_btn.setChecked(True)
    text = pane.browser.toPlainText()
    assert NOTE in text and "新华社北京电" in text  # the added note and the dropped dateline
    pane.diff_btn.setChecked(False)
    assert NOTE in pane.browser.toPlainText() and "新华社北京电" not in pane.browser.toPlainText()
    pane.reprints_label.linkActivated.emit(original.id)  # a click on a copy opens it
    assert pane.story is not None and pane.story.id == original.id
    window.open_story(next(h for h in _rows(window) if h.title == "无关新闻").id)
    assert not pane.reprints_bar.isVisibleTo(window)


def test_a_bookmarked_copy_keeps_its_row(qtbot, make_window, reprint_home):
    window = make_window(reprint_home)
    window.filter_panel.all_copies.setChecked(True)
    trad = next(h for h in _rows(window) if h.title == "會議部署工作")
    window.userdata_actions.set_bookmark(trad.id, True)
    window.filter_panel.all_copies.setChecked(False)
    ids = [h.id for h in _rows(window)]
    assert trad.id in ids and len(ids) == 3
