"""The import progress shown in the status bar: file being read, a bar, Cancel.

Non-modal, so the window stays usable while the library grows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reader.gui.plaintext import file_tooltip, plain_label
from reader.safefiles import shown


class ImportProgress(QWidget):
    """Shows ``progress(done, total, file)``; emits ``cancel_requested``."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = plain_label(QLabel(self))
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importBar")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("importCancel")
        self.cancel.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def begin(self, what: str) -> None:
        self.label.setText(self.tr("Importing %1…").replace("%1", what))
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        self.show()

    def progress(self, done: int, total: int, current: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done}/{total}")
        if current:
            self.label.setText(self.tr("Importing %1…").replace("%1", shown(Path(current).name)))
            self.label.setToolTip(file_tooltip(current))

    def _on_cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def end(self) -> None:
        self.hide()
