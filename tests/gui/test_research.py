"""The research tools in the window: timeline, concordance, saved searches, all results to a collection."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.index import SearchRequest
from reader.index.concordance import Concordance
from tests.helpers.gui import type_query
from tests.helpers.research import research_records, write_research_archive


def test_the_timeline_counts_the_results_and_a_bar_filters_to_its_period(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    panel = window.research.timeline_panel
    shown = panel.chart.timeline
    assert shown is not None and shown.series[0].query == "上饶"
    assert sum(shown.series[0].counts) + shown.series[0].unplaced == window.model.total
    busiest = max(range(len(shown.periods)), key=lambda i: shown.series[0].counts[i])
    period, count = shown.periods[busiest], shown.series[0].counts[busiest]
    # the keyboard: focus the chart, Home, Right to the bar, Enter
    panel.chart.setFocus()
    qtbot.keyClick(panel.chart, Qt.Key.Key_Home)
    for _ in range(busiest):
        qtbot.keyClick(panel.chart, Qt.Key.Key_Right)
    assert period in panel.chart.describe(panel.chart.current)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(panel.chart, Qt.Key.Key_Return)
    assert window.model.total == count
    assert window.current_request().date_from == period
    assert panel.chart.timeline.periods == shown.periods  # every period stays on the chart
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        panel.clear_period.click()
    assert window.current_request().date_from == ""


def test_a_click_on_a_bar_filters_too_and_a_second_query_is_compared(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "经济")
    panel = window.research.timeline_panel
    panel.compare.setText("上饶; 春茶")
    qtbot.keyClick(panel.compare, Qt.Key.Key_Return)
    assert [s.query for s in panel.chart.timeline.series] == ["经济", "上饶", "春茶"]
    chart = panel.chart
    x = next(x for x in range(chart.width()) if chart.period_at(x) >= 0)
    with qtbot.waitSignal(chart.period_chosen, timeout=2000) as signal:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, chart.height() // 2))
    assert signal.args == [chart.timeline.periods[chart.period_at(x)]]


def test_the_concordance_lists_every_occurrence_and_opens_the_story_at_it(
    qtbot, library, make_window, tmp_path
):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    window.search_bar.edit.setFocus()  # typing the query: Ctrl+K is the window's, not "delete to the end"
    qtbot.keyClick(window.search_bar.edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.text() == "上饶"
    assert window.research.dialogs
    dialog = window.research.dialogs[-1]
    qtbot.addWidget(dialog)
    core = Concordance(window.index.matches(SearchRequest(query="上饶", sort="date")))
    expected = list(core.lines())
    assert dialog.complete and dialog.model.rowCount() == len(expected) == dialog.concordance.occurrences
    assert str(len(expected)) in dialog.count_label.text()
    last = dialog.model.lines[-1]
    dialog.table.setCurrentIndex(dialog.model.index(dialog.model.rowCount() - 1, 0))
    dialog._activate(dialog.table.currentIndex())
    assert window.reading.story.id == last.story_id
    cursor = window.reading.browser.textCursor()
    assert cursor.selectedText() == last.hit
    target = tmp_path / "kwic.csv"
    assert dialog.save_csv(str(target))  # the selected line only
    assert target.read_bytes().count(b"\r\n") == 2
    dialog.table.clearSelection()
    assert dialog.save_csv(str(target))  # every line
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfleft,hit,right") and data.count(b"\r\n") == len(expected) + 1
    assert dialog.clipboard_text().count("\n") == len(expected) + 1
    dialog.sort_box.setCurrentIndex(dialog.sort_box.findData("right"))
    rights = [line.right for line in dialog.model.lines]
    assert len(rights) == len(expected)


def test_saved_searches_show_what_an_import_brought_and_looking_clears_it(
    qtbot, library, make_window, tmp_path
):
    window = make_window(library)
    type_query(qtbot, window, "国家")
    assert window.research.save_current("国家")
    assert window.research.saved_list.new_count("国家") == 0
    before = window.model.total
    archive = write_research_archive(tmp_path / "more", research_records(30, seed=2))
    window.index.update([archive])
    window._show_arrivals()
    expected = len(window.index.ids_for(SearchRequest(query="国家"))) - before
    assert expected > 0 and window.research.saved_list.new_count("国家") == expected
    type_query(qtbot, window, "")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.research.apply_saved("国家")
    assert window.search_bar.text() == "国家"
    assert window.research.saved_list.new_count("国家") == 0
    window.search_bar.set_history(["上饶", "春茶"])
    assert window.research.save_from_history("春茶", "春茶稿")
    assert [s.name for s in window.userdata.saved_searches()] == ["国家", "春茶稿"]


def test_all_results_go_into_a_collection_beyond_the_loaded_page_and_undo(
    qtbot, library, make_window, tmp_path
):
    window = make_window(library)
    window.index.update([write_research_archive(tmp_path / "many", research_records(80, seed=4))])
    type_query(qtbot, window, "")
    total = window.model.total
    assert total > window.model.rowCount() or total > 50  # more than one page
    done = window.research.add_all_to_collection("全部")
    assert done is not None and len(done.added) == total == len(window.userdata.collection_ids("全部"))
    assert window.research.undo_button.isVisible()
    assert str(total) in window.statusBar().currentMessage()
    window.research.undo_button.click()
    assert "全部" not in {c.name for c in window.userdata.collections()}
    assert not window.research.undo_button.isVisible()
