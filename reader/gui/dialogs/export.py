"""The export dialog (Ctrl+E): what to export, format, script, file; runs in a worker.

Selections: the selected results, all results of the current query, the
bookmarks, or one collection. Formats: those of ``reader.export.formats`` (PDF and
the citation formats), the same table ``reader export`` reads. The title field
defaults to the CLI's default title (``labels(script)["default_title"]``); the PDF
cover names the query and the active filters. Before an existing file is
replaced the user is asked (``confirm_overwrite``); when the file is written the
dialog says where and offers to open it or its folder (``open_when_done`` opens
it at once). The last format, script, title, selection and folder are
remembered in the settings.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.export.formats import BY_NAME, FORMATS, ExportOptions
from reader.export.labels import filters_text, labels
from reader.gui.dialogs.preferences import script_names
from reader.gui.workers import Job, Runner
from reader.index.results import SearchRequest

#: The labels of ``reader.export.formats`` that are words, listed so lupdate keeps them in the catalogs.
FORMAT_LABELS = (QT_TRANSLATE_NOOP("ExportDialog", "GB/T 7714 references"),)


def run_export(index, ids: list[str], fmt: str, out: Path, options: ExportOptions, job: Job) -> Path:
    """Fetch the stories and write them in the format named ``fmt`` (runs on a worker thread)."""
    stories = index.get_many(ids)
    if not stories:
        raise ValueError("nothing to export: none of the chosen stories is in the library")
    if job.cancelled():
        raise RuntimeError("cancelled")
    options = dataclasses.replace(
        options, progress=lambda d, t: job.progress(d, t, ""), cancelled=job.cancelled
    )
    return BY_NAME[fmt].write(stories, out, options)


class ExportDialog(QDialog):
    """Choose and run one export; emits ``exported(path)`` when the file is written."""

    exported = Signal(str)

    def __init__(
        self,
        index,
        userdata,
        runner: Runner,
        *,
        request: SearchRequest,
        total: int,
        selected_ids: list[str],
        script: str,
        folder: str = "",
        settings=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setObjectName("exportDialog")
        self.index, self.userdata, self.runner = index, userdata, runner
        self.request = request
        self.selected_ids = list(selected_ids)
        self.open_when_done = False
        self.settings = settings
        remembered = settings.export_choices if settings is not None else {}
        #: Asked before an existing file is replaced; True to go on (tests replace it).
        self.confirm_overwrite = self._ask_overwrite
        self.job: Job | None = None
        self.result_path: Path | None = None
        self._build_selection(total, remembered)
        self._build_format_and_file(script, folder, remembered)
        self._build_progress_and_buttons()
        self._lay_out()

    def _build_selection(self, total: int, remembered: dict) -> None:
        """The four choices of stories, the last one used checked when it applies."""
        userdata = self.userdata
        bookmarks = [b.id for b in userdata.bookmarks()] if userdata is not None else []
        self._bookmarks = bookmarks
        collections = userdata.collections() if userdata is not None else []
        self.which = QButtonGroup(self)
        self.r_selected = QRadioButton(
            self.tr("Selected results (%1)").replace("%1", str(len(self.selected_ids)))
        )
        self.r_query = QRadioButton(self.tr("All results of the query (%1)").replace("%1", str(total)))
        self.r_bookmarks = QRadioButton(self.tr("Bookmarks (%1)").replace("%1", str(len(bookmarks))))
        self.r_collection = QRadioButton(self.tr("Collection"))
        self.collection = QComboBox(self)
        for c in collections:
            self.collection.addItem(f"{c.name} ({c.count})", c.name)
        for i, button in enumerate((self.r_selected, self.r_query, self.r_bookmarks, self.r_collection)):
            self.which.addButton(button, i)
        self.r_selected.setEnabled(bool(self.selected_ids))
        self.r_bookmarks.setEnabled(bool(bookmarks))
        self.r_collection.setEnabled(bool(collections))
        self.collection.setEnabled(bool(collections))
        (self.r_selected if self.selected_ids else self.r_query).setChecked(True)
        last = {"query": self.r_query, "bookmarks": self.r_bookmarks, "collection": self.r_collection}.get(
            remembered.get("which", "")
        )
        if last is not None and last.isEnabled() and not self.selected_ids:
            last.setChecked(True)

    def _build_format_and_file(self, script: str, folder: str, remembered: dict) -> None:
        """Format (from ``reader.export.formats``), script, title and file, as last chosen."""
        self.format = QComboBox(self)
        self.format.setObjectName("formatCombo")
        for fmt in FORMATS:
            self.format.addItem(self.tr(fmt.label), fmt.name)
        self.script = QComboBox(self)
        for key, name in script_names(self).items():
            self.script.addItem(name, key)
        self.script.setCurrentIndex(max(0, self.script.findData(remembered.get("script") or script)))
        self.script.currentIndexChanged.connect(self._title_placeholder)
        self.title = QLineEdit(self)
        self.title.setObjectName("exportTitle")
        self.title.setText(remembered.get("title", ""))
        self._title_placeholder()
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.setText(str(Path(folder or Path.home()) / f"reader-export{FORMATS[0].suffix}"))
        if remembered.get("format") in BY_NAME:
            self.format.setCurrentIndex(self.format.findData(remembered["format"]))
            self._fix_extension()
        self.format.currentIndexChanged.connect(self._fix_extension)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self._browse)

    def _build_progress_and_buttons(self) -> None:
        """Progress bar, status line, Export/Cancel, and Open file/folder for when it is written."""
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.open_file_button = QPushButton(self.tr("Open file"), self)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_file_button.clicked.connect(lambda: self._open(self.result_path))
        self.open_folder_button.clicked.connect(
            lambda: self._open(self.result_path.parent if self.result_path else None)
        )
        self.open_file_button.hide()
        self.open_folder_button.hide()

    def _lay_out(self) -> None:
        choose = QVBoxLayout()
        for w in (self.r_selected, self.r_query, self.r_bookmarks):
            choose.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.r_collection)
        row.addWidget(self.collection, 1)
        choose.addLayout(row)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Stories"), choose)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Script"), self.script)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("File"), path_row)
        done_row = QHBoxLayout()
        done_row.addWidget(self.open_file_button)
        done_row.addWidget(self.open_folder_button)
        done_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(done_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    # -- choices --------------------------------------------------------
    def choose(self, which: str, collection: str = "") -> None:
        """Pick the selection: ``selected``, ``query``, ``bookmarks`` or ``collection``."""
        buttons = {
            "selected": self.r_selected,
            "query": self.r_query,
            "bookmarks": self.r_bookmarks,
            "collection": self.r_collection,
        }
        buttons[which].setChecked(True)
        if collection:
            self.collection.setCurrentIndex(max(0, self.collection.findData(collection)))

    def _title_placeholder(self) -> None:
        """The title used when the field is left empty: the same default as ``reader export``."""
        self.title.setPlaceholderText(labels(self.script.currentData() or "zh-hans")["default_title"])

    def _ask_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def which_key(self) -> str:
        return ("selected", "query", "bookmarks", "collection")[max(0, self.which.checkedId())]

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))

    def _fix_extension(self) -> None:
        ext = BY_NAME[self.format.currentData()].suffix
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(ext)))

    def _browse(self) -> None:
        ext = BY_NAME[self.format.currentData()].suffix
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), f"*{ext}")
        if name:
            self.path.setText(name)

    def ids(self) -> list[str]:
        which = self.which.checkedId()
        if which == 0:
            return list(self.selected_ids)
        if which == 1:
            req = dataclasses.replace(self.request, page=1, facets=False, snippets=False)
            return self.index.ids_for(req)
        if which == 2:
            return list(self._bookmarks)
        name = self.collection.currentData()
        return self.userdata.collection_ids(name) if name else []

    # -- running --------------------------------------------------------
    def start(self) -> None:
        out = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or not out.parent.is_dir():
            self.status.setText(self.tr("Choose a file in an existing folder: %1").replace("%1", str(out)))
            return
        ids = self.ids()
        if not ids:
            self.status.setText(self.tr("Nothing to export."))
            return
        if out.exists() and not self.confirm_overwrite(out):
            self.status.setText(self.tr("Not exported: %1 is kept as it was.").replace("%1", str(out)))
            return
        fmt, script = self.format.currentData(), self.script.currentData()
        title = self.title.text().strip()  # empty: the default title, as reader export uses
        which = self.which_key()
        query = self.request.query if which in ("query", "selected") else ""
        filters = (
            filters_text(self.request.filters, self.request.date_from, self.request.date_to, script)
            if which == "query"
            else ""
        )
        if self.settings is not None:
            self.settings.export_choices = {"format": fmt, "script": script, "title": title, "which": which}
        self.start_button.setEnabled(False)
        self.bar.show()
        self.bar.setRange(0, 0)
        self.status.setText(
            self.tr("Exporting 1 story…")
            if len(ids) == 1
            else self.tr("Exporting %1 stories…").replace("%1", str(len(ids)))
        )
        index = self.index
        options = ExportOptions(script=script, title=title, query=query, filters=filters)
        self.job = Job(lambda job: run_export(index, ids, fmt, out, options, job), name="export")
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self.runner.start(self.job)

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _on_finished(self, path) -> None:
        self.job = None
        self.result_path = Path(path)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(self.tr("Written: %1").replace("%1", str(path)))
        if self.settings is not None:
            self.settings.last_export_dir = str(Path(path).parent)
        self.start_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.open_file_button.show()
        self.open_folder_button.show()
        self.exported.emit(str(path))
        if self.open_when_done:
            self._open(self.result_path)

    def _on_failed(self, message: str) -> None:
        cancelled = self.job is not None and self.job.cancelled()
        self.job = None
        self.bar.hide()
        self.start_button.setEnabled(True)
        self.status.setText(
            self.tr("Export cancelled.") if cancelled else self.tr("Export failed: %1").replace("%1", message)
        )

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()
