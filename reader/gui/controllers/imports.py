"""Importing into the library from the main window: dialogs, dropped paths, queue, progress, report.

:class:`ImportController` runs ``ArchiveIndex.update`` in a worker with the
window's progress bar; imports asked for while one runs are queued. It is handed
the index, the user data (for the import tagger), the settings (the folder last
imported from), the runner, the status-bar widgets it drives, and two callbacks:
``show_arrivals`` (refresh the count and the results while and after importing)
and ``on_done`` (the window's ``import_done`` signal). The window keeps the drag
and drop events and hands the dropped paths (:func:`dropped_paths`) here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QFileDialog, QPushButton, QStatusBar, QWidget

from reader.gui.dialogs.importprogress import ImportProgress
from reader.gui.dialogs.importreport import ImportReportDialog
from reader.gui.plaintext import tooltip
from reader.gui.settings import Settings
from reader.gui.workers import Job, Runner, guarded
from reader.ingest import SUPPORTED_SUFFIXES
from reader.service.tagsync import make_tagger
from reader.userdata import UserData

if TYPE_CHECKING:  # the index is handed in; importing it here would only serve the types
    from reader.index.archive import ArchiveIndex, ImportReport

#: While importing, refresh the results (and the library count) at most this often.
LIVE_REFRESH_SECONDS = 3.0


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag's data (none for web links or other data)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class ImportController:
    """Imports files and folders into the library in the background, one at a time."""

    def __init__(
        self,
        window: QWidget,
        *,
        index: ArchiveIndex,
        userdata: UserData | None,
        settings: Settings,
        runner: Runner,
        progress: ImportProgress,
        problems_button: QPushButton,
        status: QStatusBar,
        show_arrivals: Callable[[], None],
        on_done: Callable[[object], None],
    ) -> None:
        # ``window`` parents the dialogs; results of a worker are dropped once it is gone.
        self.window = window
        self.index, self.userdata, self.settings, self.runner = index, userdata, settings, runner
        self.progress, self.problems_button, self.status = progress, problems_button, status
        self.show_arrivals = show_arrivals
        self.on_done = on_done
        self._job: Job | None = None
        self._queue: list[list[Path]] = []
        self._last_live_refresh = 0.0
        self.last_report: ImportReport | None = None
        progress.cancel_requested.connect(self.cancel)
        problems_button.clicked.connect(self.show_problems)

    def importing(self) -> bool:
        return self._job is not None

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
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
            self.window,
            QCoreApplication.translate("MainWindow", "Import folder"),
            self.settings.last_import_dir,
        )
        if name:
            self.settings.last_import_dir = name
            self.import_paths([Path(name)])

    def import_paths(self, items: list[Path]) -> None:
        """Import files/folders in the background (queued if an import is running).

        No items: rebuild from the folders imported before.
        """
        items = [Path(p) for p in items]
        if self._job is not None:
            self._queue.append(items)
            return
        index = self.index
        tagger = make_tagger(self.userdata)
        job = Job(
            lambda j: index.update(items, progress=j.progress, cancelled=j.cancelled, tagger=tagger),
            name="import",
        )
        self._job = job
        if not items:
            label = QCoreApplication.translate("MainWindow", "Rebuilding the index")
        elif len(items) == 1:
            label = items[0].name
        else:
            label = QCoreApplication.translate("MainWindow", "%1 items").replace("%1", str(len(items)))
        self.progress.begin(label)
        job.signals.progress.connect(guarded(self.window, self._on_progress))
        job.signals.finished.connect(guarded(self.window, self._on_finished))
        job.signals.failed.connect(guarded(self.window, self._on_failed))
        self.runner.start(job)

    def cancel(self) -> None:
        """Stop the running import (what it committed stays) and drop the queued ones."""
        if self._job is not None:
            self._queue.clear()
            self._job.cancel()

    def show_problems(self) -> ImportReportDialog:
        """The failed and skipped files of the last import, in a dialog (returned, shown non-modal)."""
        dialog = ImportReportDialog(self.last_report, self.window)
        dialog.setModal(False)
        dialog.show()
        return dialog

    # -- worker results -------------------------------------------------
    def _on_progress(self, done: int, total: int, current: str) -> None:
        self.progress.progress(done, total, current)
        now = time.monotonic()
        if now - self._last_live_refresh >= LIVE_REFRESH_SECONDS:
            # The index commits as it goes: show what has arrived so far.
            self._last_live_refresh = now
            self.show_arrivals()

    def _on_finished(self, report: ImportReport) -> None:
        self._job = None
        self._last_live_refresh = 0.0
        self.progress.end()
        skipped = list(getattr(report, "skipped", []))
        self.status.showMessage(self._summary(report, len(skipped)), 15000)
        self.status.setToolTip(tooltip("\n".join(str(p) for p in report.failed[:50])))
        self.last_report = report
        self.problems_button.setVisible(bool(report.failed or skipped))
        self.show_arrivals()
        self.on_done(report)
        self._next()

    @staticmethod
    def _summary(report: ImportReport, skipped: int) -> str:
        """One status line: stories counted as stories, files as files."""
        files = QCoreApplication.translate(
            "MainWindow", "Files: %1 added, %2 updated, %3 removed, %4 unchanged, %5 failed, %6 skipped."
        )
        stories = (
            QCoreApplication.translate("MainWindow", "Imported 1 story.")
            if getattr(report, "stories", 0) == 1
            else QCoreApplication.translate("MainWindow", "Imported %7 stories.")
        )
        msg = f"{stories} {files}"
        for key, value in (
            ("%1", report.added),
            ("%2", report.updated),
            ("%3", report.removed),
            ("%4", report.unchanged),
            ("%5", len(report.failed)),
            ("%6", skipped),
            ("%7", getattr(report, "stories", 0)),
        ):
            msg = msg.replace(key, str(value))
        if getattr(report, "cancelled", False):
            msg = QCoreApplication.translate("MainWindow", "Import cancelled.") + " " + msg
        return msg

    def _on_failed(self, message: str) -> None:
        self._job = None
        self.progress.end()
        self.status.showMessage(
            QCoreApplication.translate("MainWindow", "Import failed: %1").replace("%1", message), 15000
        )
        self.show_arrivals()
        self.on_done(message)
        self._next()

    def _next(self) -> None:
        if self._queue:
            self.import_paths(self._queue.pop(0))
