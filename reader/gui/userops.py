"""The main window's user-data actions: bookmarks, notes, collections, the user's own tags.

A mixin of :class:`reader.gui.mainwindow.MainWindow` (it uses the window's
index, user data, runner, reading pane and filter panel). User data is touched
on the GUI thread only; tag changes reach the index through a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMenu

from reader.autotag import tag_label
from reader.gui.workers import Job, guarded


class UserDataMixin:
    """Bookmarks, notes, collections and tags for :class:`MainWindow`."""

    # -- user data ------------------------------------------------------
    def refresh_user_data(self) -> None:
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
        if story_id == self._current_id:
            self.reading.set_bookmarked(on)
        self.refresh_user_data()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Bookmarked.")
            if on
            else QCoreApplication.translate("MainWindow", "Bookmark removed."),
            3000,
        )
        if self.filter_panel.bookmarked_only():
            self.search_now()

    def _save_note(self, story_id: str, text: str) -> None:
        if self.userdata is not None:
            self.userdata.set_note(story_id, text)

    # -- tags -----------------------------------------------------------
    def add_user_tag(self, name: str | None = None) -> None:
        """Give the shown story one of the user's own tags (asks for it when ``name`` is None)."""
        if self.userdata is None or not self._current_id:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("MainWindow", "Add tag"),
                QCoreApplication.translate("MainWindow", "Your tag:"),
            )
            if not ok:
                return
        name = name.strip()
        if name:
            self.userdata.add_user_tag(self._current_id, name)
            self.push_tags([self._current_id])

    def hide_tag(self, tag: str) -> None:
        if self.userdata is not None and self._current_id:
            if tag.startswith("user:"):
                self.userdata.remove_user_tag(self._current_id, tag)
            else:
                self.userdata.hide_auto_tag(self._current_id, tag)
            self.push_tags([self._current_id])

    def rename_tag(self, tag: str, new: str | None = None) -> None:
        if self.userdata is None:
            return
        if new is None:
            new, ok = QInputDialog.getText(
                self,
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
        from reader.service.tagsync import refresh_index_tags

        home, ud, index = self.home, self.userdata, self.index
        job = Job(lambda _job: refresh_index_tags(home, ud, ids, index=index), name="tags")
        job.signals.finished.connect(guarded(self, lambda _n: self._after_tags()))
        job.signals.failed.connect(guarded(self, self._tags_failed))
        self.runner.start(job)

    def _tags_failed(self, message: str) -> None:
        text = QCoreApplication.translate("MainWindow", "Tags not saved to the index yet: %1")
        self.statusBar().showMessage(text.replace("%1", message), 8000)

    def _after_tags(self) -> None:
        story = self.index.get(self._current_id) if self._current_id else None
        if story is not None:
            self.reading.set_tags(list(story.tags))
        self.search_now()

    def _tag_menu(self, tag: str) -> None:
        menu = QMenu(self)
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
        menu.exec(self.cursor().pos())

    def add_selection_to_collection(self, name: str | None = None) -> None:
        ids = self.results_view.selected_ids() or ([self._current_id] if self._current_id else [])
        if not ids or self.userdata is None:
            return
        if name is None:
            names = [c.name for c in self.userdata.collections()]
            name, ok = QInputDialog.getItem(
                self,
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
        self.statusBar().showMessage(
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
            self.search_now()

    def _results_menu(self, pos) -> None:
        menu = QMenu(self)
        ids = self.results_view.selected_ids()
        if ids and self.userdata is not None:
            marked = all(self.userdata.is_bookmarked(i) for i in ids)
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Remove bookmark")
                if marked
                else QCoreApplication.translate("MainWindow", "Bookmark"),
                lambda: [self.set_bookmark(i, not marked) for i in ids],
            )
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Add to collection…"),
                self.add_selection_to_collection,
            )
            for name in self.filter_panel.selected_collections():
                menu.addAction(
                    QCoreApplication.translate("MainWindow", "Remove from %1").replace("%1", name),
                    lambda n=name: self.remove_selection_from_collection(n),
                )
        menu.addAction(QCoreApplication.translate("MainWindow", "Export…"), self.open_export)
        menu.exec(self.results_view.viewport().mapToGlobal(pos))
