"""The app says where a hit is printed in other characters than typed, and when it matched by pinyin."""

from __future__ import annotations

from reader.gui.models.results import MetaRole
from tests.helpers.gui import type_query


def test_results_and_reading_pane_say_the_printed_form(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饒")  # typed in 繁體; the stories print 上饶
    assert window.model.total >= 1
    meta = window.model.index(0, 0).data(MetaRole)
    assert "matched 饶 for 饒" in meta  # the characters that differ
    assert window.reading.forms_label.isVisible()
    assert window.reading.forms_label.text().startswith("matched 饶 for 饒")


def test_a_query_printed_as_typed_shows_no_form(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    assert "matched" not in window.model.index(0, 0).data(MetaRole)
    assert not window.reading.forms_label.isVisible()


def test_pinyin_search_in_the_app(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "shangrao")
    assert window.model.total >= 1
    assert "matched by pinyin 'shangrao'" in window.search_bar.notes.text()
    assert "matched 上饶 by pinyin shangrao" in window.model.index(0, 0).data(MetaRole)
    assert "matched 上饶 by pinyin shangrao" in window.reading.forms_label.text()
    assert window.reading.hits  # 上饶 is marked in the story


def test_the_open_story_follows_a_new_query(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饒")
    assert window.reading.forms
    opened = window.reading.story.id
    type_query(qtbot, window, "上饶")
    assert window.reading.story.id == opened  # the story stays open
    qtbot.waitUntil(lambda: window.reading.forms == [], timeout=3000)  # just after the list is painted
    assert not window.reading.forms_label.isVisible()
