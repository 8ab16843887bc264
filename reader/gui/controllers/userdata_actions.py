"""The user-data actions of the main window: bookmarks, notes, collections, the user's own tags.

:class:`UserDataActions` is handed the parts of the window it works on (the index,
the user data, the results list and model, the filter panel, the reading pane, the
status bar) and three callbacks into the window (the story being read, a new
search, the export dialog); it owns the context menus of the results and of a
story's tags. User data is touched on the GUI thread only; tag changes reach the
index through a worker.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QStatusBar, QWidget

from reader.autotag import tag_label
from reader.gui.models.results import ResultsModel
from reader.gui.views.filterpanel import FilterPanel
from reader.gui.views.reading import ReadingPane
from reader.gui.views.results import ResultsView
from reader.gui.workers import Job, Runner, guarded
from reader.service.tagsync import refresh_index_tags
from reader.userdata import UserData

if TYPE_CHECKING:  # the index is handed in; importing it here would only serve the types
    from reader.index.archive import ArchiveIndex


class UserDataActions:
    """Bookmarks, notes, collections and tags, for the story being read or the selected results."""

    def __init__(
        self,
        window: QWidget,
        *,
        home: Path,
        index: ArchiveIndex,
        userdata: UserData | None,
        runner: Runner,
        model: ResultsModel,
        results_view: ResultsView,
        filter_panel: FilterPanel,
        reading: ReadingPane,
        status: QStatusBar,
        current_id: Callable[[], str],
        search_again: Callable[[], None],
        open_export: Callable[[], None],
    ) -> None:
        # ``window`` parents the dialogs and menus; results of a worker are dropped once it is gone.
        self.window = window
        self.home, self.index, self.userdata, self.runner = home, index, userdata, runner
        self.model, self.results_view = model, results_view
        self.filter_panel, self.reading = filter_panel, reading
        self.status = status
        self.current_id = current_id
        self.search_again = search_again
        self.open_export = open_export

    # -- user data ------------------------------------------------------
    def refresh_user_data(self) -> None:
        """Show the current bookmarks (stars, count) and collections."""
        if self.userdata is None:
            return
        ids = {b.id for b in self.userdata.bookmarks()}
        self.model.set_bookmarks(ids)
        self.filter_panel.set_bookmark_count(len(ids))
        self.filter_panel.set_collections([(c.name, c.count) for c in self.userdata.collections()])

    def set_bookmark(self, story_id: str, on: bool) -> None:
        if self.userdata is None:
            return
        if on:
            self.userdata.add_bookmark(story_id, snapshot=self.index.get(story_id))
        else:
            self.userdata.remove_bookmark(story_id)
        if story_id == self.current_id():
            self.reading.set_bookmarked(on)
        self.refresh_user_data()
        self.status.showMessage(
            QCoreApplication.translate("MainWindow", "Bookmarked.")
            if on
            else QCoreApplication.translate("MainWindow", "Bookmark removed."),
            3000,
        )
        if self.filter_panel.bookmarked_only():
            self.search_again()

    def _set_bookmarks(self, ids: list[str], on: bool) -> None:
        for story_id in ids:
            self.set_bookmark(story_id, on)

    def save_note(self, story_id: str, text: str) -> None:
        if self.userdata is not None:
            self.userdata.set_note(story_id, text)

    # -- tags -----------------------------------------------------------
    def add_user_tag(self, name: str | None = None) -> None:
        """Give the shown story one of the user's own tags (asks for it when ``name`` is None)."""
        story_id = self.current_id()
        if self.userdata is None or not story_id:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self.window,
                QCoreApplication.translate("MainWindow", "Add tag"),
                QCoreApplication.translate("MainWindow", "Your tag:"),
            )
            if not ok:
                return
        name = name.strip()
        if name:
            self.userdata.add_user_tag(story_id, name)
            self.push_tags([story_id])

    def hide_tag(self, tag: str) -> None:
        story_id = self.current_id()
        if self.userdata is not None and story_id:
            if tag.startswith("user:"):
                self.userdata.remove_user_tag(story_id, tag)
            else:
                self.userdata.hide_auto_tag(story_id, tag)
            self.push_tags([story_id])

    def rename_tag(self, tag: str, new: str | None = None) -> None:
        if self.userdata is None:
            return
        if new is None:
            new, ok = QInputDialog.getText(
                self.window,
                QCoreApplication.translate("MainWindow", "Rename tag"),
                QCoreApplication.translate("MainWindow", "New name for %1 (in every story):").replace(
                    "%1", tag_label(tag)
                ),
                text=tag_label(tag),
            )
            if not ok:
                return
        if new.strip():
            self.userdata.rename_tag(tag, new.strip())
            self.push_tags([])

    def push_tags(self, ids: list[str]) -> None:
        """Write changed tags into the index (a worker), then refresh the story and the facets."""
        home, ud, index = self.home, self.userdata, self.index
        if ud is None:
            return
        job = Job(lambda _job: refresh_index_tags(home, ud, ids, index=index), name="tags")
        job.signals.finished.connect(guarded(self.window, lambda _n: self._after_tags()))
        job.signals.failed.connect(guarded(self.window, self._tags_failed))
        self.runner.start(job)

    def _tags_failed(self, message: str) -> None:
        text = QCoreApplication.translate("MainWindow", "Tags not saved to the index yet: %1")
        self.status.showMessage(text.replace("%1", message), 8000)

    def _after_tags(self) -> None:
        story_id = self.current_id()
        story = self.index.get(story_id) if story_id else None
        if story is not None:
            self.reading.set_tags(list(story.tags))
        self.search_again()

    def tag_menu(self, tag: str) -> None:
        """The menu of a tag clicked in the reading pane: filter by it, hide it, rename it."""
        menu = QMenu(self.window)
        label = tag_label(tag)
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Show stories tagged %1").replace("%1", label),
            lambda: self.filter_panel.model.set_checked("tag", tag, True),
        )
        if self.userdata is not None:
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Remove my tag")
                if tag.startswith("user:")
                else QCoreApplication.translate("MainWindow", "Hide on this story"),
                lambda: self.hide_tag(tag),
            )
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Rename everywhere…"), lambda: self.rename_tag(tag)
            )
        menu.exec(self.window.cursor().pos())

    # -- collections ----------------------------------------------------
    def add_selection_to_collection(self, name: str | None = None) -> None:
        """Add the selected results (or the story being read) to a collection (asked for when None)."""
        story_id = self.current_id()
        ids = self.results_view.selected_ids() or ([story_id] if story_id else [])
        if not ids or self.userdata is None:
            return
        if name is None:
            names = [c.name for c in self.userdata.collections()]
            name, ok = QInputDialog.getItem(
                self.window,
                QCoreApplication.translate("MainWindow", "Add to collection"),
                QCoreApplication.translate("MainWindow", "Collection:"),
                names,
                0,
                True,
            )
            if not ok or not name.strip():
                return
        self.userdata.add_to_collection(name.strip(), ids)
        self.refresh_user_data()
        self.status.showMessage(
            (
                QCoreApplication.translate("MainWindow", "Added 1 story to %2.")
                if len(ids) == 1
                else QCoreApplication.translate("MainWindow", "Added %1 stories to %2.")
            )
            .replace("%1", str(len(ids)))
            .replace("%2", name.strip()),
            4000,
        )

    def remove_selection_from_collection(self, name: str) -> None:
        ids = self.results_view.selected_ids()
        if ids and self.userdata is not None:
            self.userdata.remove_from_collection(name, ids)
            self.refresh_user_data()
            self.search_again()

    def results_menu(self, pos: QPoint) -> None:
        """The results' context menu: bookmark, add to or remove from a collection, export."""
        menu = QMenu(self.window)
        ids = self.results_view.selected_ids()
        if ids and self.userdata is not None:
            userdata = self.userdata
            marked = all(userdata.is_bookmarked(i) for i in ids)
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Remove bookmark")
                if marked
                else QCoreApplication.translate("MainWindow", "Bookmark"),
                lambda: self._set_bookmarks(ids, not marked),
            )
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Add to collection…"),
                self.add_selection_to_collection,
            )
            for name in self.filter_panel.selected_collections():
                menu.addAction(
                    QCoreApplication.translate("MainWindow", "Remove from %1").replace("%1", name),
                    functools.partial(self.remove_selection_from_collection, name),
                )
        menu.addAction(QCoreApplication.translate("MainWindow", "Export…"), self.open_export)
        menu.exec(self.results_view.viewport().mapToGlobal(pos))
