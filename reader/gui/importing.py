"""The main window's imports: first run, files and folders, drag and drop, progress and cancel.

A mixin of :class:`reader.gui.mainwindow.MainWindow`. ``ArchiveIndex.update``
runs in a worker with the window's progress bar; imports asked for while one
runs are queued.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from reader import paths
from reader.gui.plaintext import tooltip
from reader.gui.workers import Job
from reader.ingest import SUPPORTED_SUFFIXES
from reader.service.tagsync import make_tagger

#: While importing, refresh the results (and the library count) at most this often.
LIVE_REFRESH_SECONDS = 3.0


class ImportMixin:
    """Importing into the library for :class:`MainWindow`."""

    # -- import ---------------------------------------------------------
    def start(self, keep_story: bool = False) -> None:
        """After the window shows: rebuild or first-run import, then the first search.

        An index reset by a new index format is rebuilt from every folder imported
        before (the user's own, not only the bundled archive); an empty library gets
        the bundled archive.
        """
        if getattr(self.index, "rebuild_pending", False):
            self.import_paths([])  # no paths: the roots imported before
        elif self.index.count() == 0 and paths.bundled_archive().is_dir():
            self.import_paths([paths.bundled_archive()])
        self.search_now(keep_story=keep_story)

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("MainWindow", "Import files"),
            self.settings.last_import_dir,
            QCoreApplication.translate("MainWindow", "News files (%1);;All files (*)").replace(
                "%1", " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES) if s)
            ),
        )
        if names:
            self.settings.last_import_dir = str(Path(names[0]).parent)
            self.import_paths([Path(n) for n in names])

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("MainWindow", "Import folder"), self.settings.last_import_dir
        )
        if name:
            self.settings.last_import_dir = name
            self.import_paths([Path(name)])

    def import_paths(self, items: list[Path]) -> None:
        """Import files/folders in the background (queued if an import is running)."""
        items = [Path(p) for p in items]
        if self._import_job is not None:
            self._import_queue.append(items)
            return
        index = self.index
        tagger = make_tagger(self.userdata)
        job = Job(
            lambda j: index.update(items, progress=j.progress, cancelled=j.cancelled, tagger=tagger),
            name="import",
        )
        self._import_job = job
        if not items:
            label = QCoreApplication.translate("MainWindow", "Rebuilding the index")
        elif len(items) == 1:
            label = items[0].name
        else:
            label = QCoreApplication.translate("MainWindow", "%1 items").replace("%1", str(len(items)))
        self.import_progress.begin(label)
        job.signals.progress.connect(self._on_import_progress)
        job.signals.finished.connect(self._on_import_finished)
        job.signals.failed.connect(self._on_import_failed)
        self.runner.start(job)

    def _on_import_progress(self, done: int, total: int, current: str) -> None:
        self.import_progress.progress(done, total, current)
        now = time.monotonic()
        if now - self._last_live_refresh >= LIVE_REFRESH_SECONDS:
            # The index commits as it goes: show what has arrived so far.
            self._last_live_refresh = now
            self._update_count()
            self.search_now(keep_story=True)

    def cancel_import(self) -> None:
        if self._import_job is not None:
            self._import_queue.clear()
            self._import_job.cancel()

    def importing(self) -> bool:
        return self._import_job is not None

    def _on_import_finished(self, report) -> None:
        self._import_job = None
        self._last_live_refresh = 0.0
        self.import_progress.end()
        skipped = list(getattr(report, "skipped", []))
        files = QCoreApplication.translate(
            "MainWindow", "Files: %1 added, %2 updated, %3 removed, %4 unchanged, %5 failed, %6 skipped."
        )
        stories = (
            QCoreApplication.translate("MainWindow", "Imported 1 story.")
            if getattr(report, "stories", 0) == 1
            else QCoreApplication.translate("MainWindow", "Imported %7 stories.")
        )
        msg = f"{stories} {files}"  # stories counted as stories, files as files
        for key, value in (
            ("%1", report.added),
            ("%2", report.updated),
            ("%3", report.removed),
            ("%4", report.unchanged),
            ("%5", len(report.failed)),
            ("%6", len(skipped)),
            ("%7", getattr(report, "stories", 0)),
        ):
            msg = msg.replace(key, str(value))
        if getattr(report, "cancelled", False):
            msg = QCoreApplication.translate("MainWindow", "Import cancelled.") + " " + msg
        self.statusBar().showMessage(msg, 15000)
        self.statusBar().setToolTip(tooltip("\n".join(str(p) for p in report.failed[:50])))
        self._last_import_report = report
        self.import_problems_button.setVisible(bool(report.failed or skipped))
        self._update_count()
        self.search_now(keep_story=True)
        self.import_done.emit(report)
        self._next_import()

    def show_import_problems(self):
        """The failed and skipped files of the last import, in a dialog (returned, shown non-modal)."""
        from reader.gui.dialogs.importreport import ImportReportDialog

        dialog = ImportReportDialog(self._last_import_report, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def _on_import_failed(self, message: str) -> None:
        self._import_job = None
        self.import_progress.end()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Import failed: %1").replace("%1", message), 15000
        )
        self._update_count()
        self.search_now(keep_story=True)
        self.import_done.emit(message)
        self._next_import()

    def _next_import(self) -> None:
        if self._import_queue:
            self.import_paths(self._import_queue.pop(0))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        items = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if items:
            event.acceptProposedAction()
            self.import_paths(items)
