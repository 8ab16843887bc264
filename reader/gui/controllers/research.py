"""The research tools of the main window: concordance, timeline, saved searches, results to a collection.

:class:`ResearchActions` is handed the parts of the window it works on and callbacks into it
(the current request and allowed ids, a new search, opening a story); it owns the Research
menu, the timeline above the results (computed on a worker after each search, without the
period filter so every period stays clickable), the saved searches in the side panel with
their new-story badges, the concordance window and "add all results to a collection" with
its undo. The work itself is the core's: ``reader.index.concordance``, ``reader.index.timeline``,
``reader.service.saved`` and ``reader.service.collect``. User data is touched on the GUI thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from reader.gui.dialogs.concordance import ConcordanceDialog
from reader.gui.views.filterpanel import FilterPanel
from reader.gui.views.reading import ReadingPane
from reader.gui.views.savedsearches import NameRole, SavedSearchList
from reader.gui.views.timeline import TimelinePanel
from reader.gui.workers import Job, Runner, guarded
from reader.index.concordance import Concordance, KwicLine
from reader.index.results import SearchRequest
from reader.index.timeline import Timeline, timeline
from reader.service import collect, saved
from reader.userdata import SavedSearch, UserData

if TYPE_CHECKING:  # the index is handed in; importing it here would only serve the types
    from reader.index.archive import ArchiveIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResearchActions", text)


class ResearchActions:
    """Concordance, timeline, saved searches and whole results into a collection."""

    def __init__(
        self,
        window: QWidget,
        *,
        index: ArchiveIndex,
        userdata: UserData | None,
        runner: Runner,
        filter_panel: FilterPanel,
        reading: ReadingPane,
        status: QStatusBar,
        request: Callable[[], SearchRequest],
        allowed: Callable[[], set[str] | None],
        set_query: Callable[[str], None],
        search_again: Callable[[], None],
        open_story: Callable[[str], None],
        refresh_user_data: Callable[[], None],
        script: Callable[[], str],
        history: Callable[[], list[str]],
    ) -> None:
        self.window, self.index, self.userdata, self.runner = window, index, userdata, runner
        self.filter_panel, self.reading, self.status = filter_panel, reading, status
        self.request, self.allowed, self.set_query = request, allowed, set_query
        self.search_again, self.open_story, self.refresh_user_data = (
            search_again,
            open_story,
            refresh_user_data,
        )
        self.script, self.history = script, history
        #: The period the results are filtered to (a bar of the timeline): ISO prefix, or "".
        self.period = ""
        self._timeline_seq = 0
        self._saved_seq = 0
        self._saved_seq = 0
        self.last_add: collect.CollectionAdd | None = None
        self.dialogs: list[ConcordanceDialog] = []

        self.timeline_panel = TimelinePanel(window)
        self.timeline_panel.period_chosen.connect(self.choose_period)
        self.timeline_panel.period_cleared.connect(lambda: self.choose_period(""))
        self.timeline_panel.compare_changed.connect(lambda _t: self.update_timeline())

        self.saved_label = QLabel(_tr("Saved searches"), filter_panel)
        self.saved_list = SavedSearchList(filter_panel)
        self.saved_list.chosen.connect(self.apply_saved)
        self.saved_list.remove_requested.connect(self.remove_saved)
        forget = QAction(_tr("Forget this saved search"), self.saved_list)
        forget.triggered.connect(self._forget_current)
        self.saved_list.addAction(forget)
        layout = filter_panel.layout()
        assert isinstance(layout, QVBoxLayout)  # the panel is one column
        layout.insertWidget(0, self.saved_list)
        layout.insertWidget(0, self.saved_label)

        self.undo_button = QPushButton(_tr("Undo"), window)
        self.undo_button.setObjectName("undoCollectionAdd")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_add)
        status.addPermanentWidget(self.undo_button)

    # -- the menu -------------------------------------------------------------------------------------
    def build_menu(self, menu: QMenu) -> None:
        def add(text: str, slot: Callable[[], object], shortcut: str = "", name: str = "") -> QAction:
            action = QAction(text, self.window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False: slot())
            if name:
                action.setObjectName(name)
            self.window.addAction(action)
            menu.addAction(action)
            return action

        menu.setTitle(_tr("&Research"))
        add(_tr("Concordance of the query…"), self.open_concordance, "Ctrl+K", "concordance")
        self.timeline_action = add(_tr("Show timeline"), self.toggle_timeline, "Ctrl+T", "showTimeline")
        self.timeline_action.setCheckable(True)
        self.timeline_action.setChecked(True)
        add(_tr("Go to timeline"), self.timeline_panel.chart.setFocus, "Ctrl+Shift+T", "focusTimeline")
        menu.addSeparator()
        add(_tr("Save this search…"), self.save_current, "Ctrl+Shift+S", "saveSearch")
        add(_tr("Save a search from history…"), self.save_from_history, "", "saveFromHistory")
        add(_tr("Go to saved searches"), self.saved_list.setFocus, "Ctrl+Shift+F", "focusSaved")
        menu.addSeparator()
        add(
            _tr("Add all results to collection…"), self.add_all_to_collection, "Ctrl+Shift+A", "addAllResults"
        )
        add(_tr("Undo adding results to collection"), self.undo_add, "Ctrl+Alt+Z", "undoAddResults")

    # -- timeline -------------------------------------------------------------------------------------
    def toggle_timeline(self) -> None:
        self.timeline_panel.setVisible(self.timeline_action.isChecked())
        if self.timeline_action.isChecked():
            self.update_timeline()

    def timeline_requests(self) -> list[SearchRequest]:
        """The current search without its period (so every period shows), then the compared queries."""
        base = dataclasses.replace(self.request(), date_from="", date_to="", page=1)
        allowed = self.allowed()
        if allowed is not None:
            base = dataclasses.replace(base, ids=sorted(allowed))
        return [base, *(dataclasses.replace(base, query=q) for q in self.timeline_panel.compared())]

    def update_timeline(self) -> None:
        """Compute the timeline of the current search on a worker; shown when it arrives."""
        if self.timeline_panel.isHidden():  # turned off: nothing to compute
            return
        self._timeline_seq += 1
        seq = self._timeline_seq
        requests = self.timeline_requests()
        job = Job(lambda _job: timeline(self.index, requests), name="timeline")
        job.signals.finished.connect(guarded(self.timeline_panel, lambda t, s=seq: self._show_timeline(s, t)))
        self.runner.start(job)

    def _show_timeline(self, seq: int, result: Timeline) -> None:
        if seq == self._timeline_seq:
            self.timeline_panel.set_timeline(result)

    def choose_period(self, label: str) -> None:
        """Filter the results to one period (a bar's label; "" for every period)."""
        self.period = label
        self.timeline_panel.set_period(label)
        self.search_again()

    def date_range(self) -> tuple[str, str]:
        """The period as the request's from/to dates."""
        return self.period, self.period

    # -- concordance ----------------------------------------------------------------------------------
    def open_concordance(self) -> ConcordanceDialog | None:
        request = dataclasses.replace(self.request(), sort="date")
        if not request.query:
            self.status.showMessage(
                _tr("Type a query first: the concordance shows its words in context."), 6000
            )
            return None
        allowed = self.allowed()
        if allowed is not None:
            request = dataclasses.replace(request, ids=sorted(allowed))
        script = self.script()

        def make(width: int) -> Concordance:
            return Concordance(self.index.matches(request), width=width, script=script)

        dialog = ConcordanceDialog(make, self.runner, request.query, self.window)
        dialog.line_activated.connect(self.open_line)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def open_line(self, line: KwicLine) -> None:
        """Open the story of a concordance line at that very occurrence."""
        self.open_story(line.story_id)
        if self.reading.story is not None and self.reading.story.id == line.story_id:
            self.reading.go_to_occurrence(line.hit, line.left, line.right)

    # -- saved searches -------------------------------------------------------------------------------
    def refresh_saved(self) -> None:
        """The saved searches and their new-story counts (badges): the matches are found on a worker
        (a broad saved search matches much of a large library), compared with what was seen here."""
        if self.userdata is None:
            return
        searches = self.userdata.saved_searches()
        self._saved_seq += 1
        seq = self._saved_seq
        job = Job(lambda _job: saved.matching(self.index, searches), name="saved searches")
        job.signals.finished.connect(
            guarded(self.saved_list, lambda ids, s=seq: self._show_saved(s, searches, ids))
        )
        self.runner.start(job)

    def _show_saved(self, seq: int, searches: list[SavedSearch], found: list[list[str]]) -> None:
        if seq != self._saved_seq or self.userdata is None:
            return
        rows = []
        for search, ids in zip(searches, found, strict=True):
            status = saved.compared(self.userdata, search, ids)
            rows.append((search.name, search.query, status.total, status.new))
        self.saved_list.set_searches(rows)
        self.saved_list.setVisible(bool(rows))
        self.saved_label.setVisible(bool(rows))

    def save_current(self, name: str | None = None) -> bool:
        """Save the current query and filters (the period as dates) under a name (asked for when None)."""
        if self.userdata is None:
            return False
        request = self.request()
        if name is None:
            name, ok = QInputDialog.getText(
                self.window, _tr("Save search"), _tr("Name:"), text=request.query or _tr("All stories")
            )
            if not ok or not name.strip():
                return False
        saved.save(self.index, self.userdata, name.strip(), request)
        self.refresh_saved()
        self.status.showMessage(_tr("Saved the search as “%1”.").replace("%1", name.strip()), 4000)
        return True

    def save_from_history(self, query: str | None = None, name: str | None = None) -> bool:
        """Turn a query of the search history into a saved search (with no filters)."""
        if self.userdata is None:
            return False
        if query is None:
            from_history = self.history()
            if not from_history:
                self.status.showMessage(_tr("The search history is empty."), 4000)
                return False
            query, ok = QInputDialog.getItem(
                self.window, _tr("Save a search from history"), _tr("Query:"), from_history, 0, False
            )
            if not ok:
                return False
        if name is None:
            name, ok = QInputDialog.getText(self.window, _tr("Save search"), _tr("Name:"), text=query)
            if not ok or not name.strip():
                return False
        saved.save(self.index, self.userdata, name.strip(), SearchRequest(query=query))
        self.refresh_saved()
        return True

    def apply_saved(self, name: str) -> None:
        """Show a saved search's results (query, filters, dates); its new stories count as seen."""
        if self.userdata is None:
            return
        search = self.userdata.saved_search(name)
        if search is None:
            return
        panel = self.filter_panel
        panel.blockSignals(True)
        panel.clear_all()
        for facet, values in search.filters.items():
            for value in values:
                panel.model.set_checked(facet, value, True)
        panel.blockSignals(False)
        self.period = search.date_from if search.date_from == search.date_to else ""
        self.timeline_panel.set_period(self.period)
        self.set_query(search.query)
        new = saved.look(self.index, self.userdata, name).new
        self.search_again()
        self.refresh_saved()
        if new:
            self.status.showMessage(
                _tr("%1: %2 new stories since you last looked.").replace("%1", name).replace("%2", str(new)),
                6000,
            )

    def _forget_current(self) -> None:
        item = self.saved_list.currentItem()
        if item is not None:
            self.remove_saved(item.data(NameRole))

    def remove_saved(self, name: str) -> None:
        if self.userdata is None:
            return
        answer = QMessageBox.question(
            self.window, _tr("Forget saved search"), _tr("Forget the saved search “%1”?").replace("%1", name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.userdata.remove_saved_search(name)
            self.refresh_saved()

    # -- whole results into a collection --------------------------------------------------------------
    def add_all_to_collection(self, name: str | None = None) -> collect.CollectionAdd | None:
        """Every story of the current results (not only the loaded page) into a collection."""
        if self.userdata is None:
            return None
        if name is None:
            names = [c.name for c in self.userdata.collections()]
            name, ok = QInputDialog.getItem(
                self.window, _tr("Add all results to collection"), _tr("Collection:"), names, 0, True
            )
            if not ok or not name.strip():
                return None
        done = collect.add_results(self.index, self.userdata, name, self.request(), self.allowed())
        self.last_add = done
        self.refresh_user_data()
        self.status.showMessage(
            _tr("Added %1 of %2 results to “%3” (the others were in it already).")
            .replace("%1", str(len(done.added)))
            .replace("%2", str(done.matched))
            .replace("%3", done.name),
            15000,
        )
        self.undo_button.setText(
            _tr("Undo adding %1 to “%2”").replace("%1", str(len(done.added))).replace("%2", done.name)
        )
        self.undo_button.show()
        return done

    def undo_add(self) -> None:
        done, self.last_add = self.last_add, None
        self.undo_button.hide()
        if done is None or self.userdata is None:
            return
        removed = collect.undo(self.userdata, done)
        self.refresh_user_data()
        self.status.showMessage(
            _tr("Took %1 stories out of “%2” again.").replace("%1", str(removed)).replace("%2", done.name),
            6000,
        )
