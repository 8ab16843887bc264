"""The search box: search as you type (debounced), history, sort, query notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.gui.plaintext import plain_label

DEBOUNCE_MS = 200

#: Ctrl+key shortcuts of the window that a line edit would otherwise take for
#: itself on Unix (Ctrl+E end of line, Ctrl+D delete, Ctrl+F forward, Ctrl+K delete to the end, ...).
WINDOW_SHORTCUT_KEYS = frozenset(
    {Qt.Key.Key_D, Qt.Key.Key_E, Qt.Key.Key_F, Qt.Key.Key_K, Qt.Key.Key_L, Qt.Key.Key_O}
)


class SearchBar(QWidget):
    """Emits ``search_requested`` ~200 ms after typing stops, or at once on Enter."""

    search_requested = Signal(str)
    submitted = Signal(str)
    sort_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr('Search stories — words, "phrases", OR, -not, tag:, date:2024'))
        self.history_model = QStringListModel(self)
        completer = QCompleter(self.history_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.edit.setCompleter(completer)

        self.sort = QComboBox(self)
        self.sort.setObjectName("sortCombo")
        self.sort.addItem(self.tr("Relevance"), "relevance")
        self.sort.addItem(self.tr("Newest first"), "date")
        self.sort.currentIndexChanged.connect(lambda _i: self.sort_changed.emit(self.sort_key()))

        self.total = QLabel(self)
        self.total.setObjectName("totalLabel")
        self.notes = plain_label(QLabel(self))  # notes quote the query: never rich text
        self.notes.setObjectName("notesLabel")
        self.notes.setWordWrap(True)
        self.notes.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.sort)
        row2 = QHBoxLayout()
        row2.setContentsMargins(2, 0, 2, 0)
        row2.addWidget(self.total)
        row2.addWidget(self.notes, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(3)
        layout.addLayout(row)
        layout.addLayout(row2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.search_requested.emit(self.text()))
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._on_return)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Down in the box shows the whole search history; window shortcuts pass through the box."""
        if (
            obj is self.edit
            and event.type() == QEvent.Type.ShortcutOverride
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in WINDOW_SHORTCUT_KEYS
        ):
            event.ignore()  # not the line edit's: let the window's shortcut fire
            return True
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            completer = self.edit.completer()
            if self.history() and not (completer.popup() and completer.popup().isVisible()):
                completer.setCompletionPrefix("" if not self.text() else self.text())
                completer.complete()
                return True
        return super().eventFilter(obj, event)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str, search: bool = True) -> None:
        self.edit.blockSignals(not search)
        self.edit.setText(text)
        self.edit.blockSignals(False)

    def sort_key(self) -> str:
        return self.sort.currentData() or "relevance"

    def set_sort(self, key: str) -> None:
        i = self.sort.findData(key)
        if i >= 0:
            self.sort.setCurrentIndex(i)

    def set_history(self, items: list[str]) -> None:
        self.history_model.setStringList(items)

    def history(self) -> list[str]:
        return self.history_model.stringList()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Run a pending debounced search now."""
        if self._timer.isActive():
            self._timer.stop()
            self.search_requested.emit(self.text())

    def _on_return(self) -> None:
        self._timer.stop()
        self.search_requested.emit(self.text())
        self.submitted.emit(self.text())

    def set_total(self, total: int) -> None:
        self.total.setText(self.tr("%n stories", "", total))

    def set_notes(self, notes: list[str]) -> None:
        self.notes.setText("\n".join(notes))  # one note a line
        self.notes.setVisible(bool(notes))

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
