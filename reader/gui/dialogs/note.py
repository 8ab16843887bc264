"""The note editor shown under a story: saves a moment after typing stops and on leaving."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

SAVE_DELAY_MS = 600


class NoteEditor(QWidget):
    """A plain text note; emits ``saved(text)`` when it should be stored."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Note (saved automatically)"), self)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("noteEdit")
        self.edit.setPlaceholderText(self.tr("Your note on this story…"))
        self.edit.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._saved_text = ""
        self.edit.textChanged.connect(self._timer.start)

    def set_text(self, text: str) -> None:
        self._timer.stop()
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._saved_text = text

    def text(self) -> str:
        return self.edit.toPlainText()

    def save(self) -> None:
        self._timer.stop()
        text = self.text()
        if text != self._saved_text:
            self._saved_text = text
            self.saved.emit(text)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.save()
        super().focusOutEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.save()
        super().hideEvent(event)
