"""The concordance window: every occurrence of the query in context, sortable, to copy or save.

A thin view of :class:`reader.index.concordance.Concordance`: the lines are read on a
worker, the first :data:`FIRST_PAGE` at once (shown while the rest is read), then the rest.
Activating a line (double-click, Enter) asks the main window to open the story at that
hit (``line_activated``). Copy puts the lines on the clipboard as tab-separated text (a
spreadsheet pastes it as a table); Save writes the Excel-safe CSV of ``reader kwic --csv``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.atomicfile import write_atomic
from reader.export.sheets import csv_bytes
from reader.gui.workers import Job, Runner, guarded
from reader.index.concordance import DEFAULT_WIDTH, SORTS, TABLE_HEADER, Concordance, KwicLine, sorted_lines

#: Lines read before the window first shows any.
FIRST_PAGE = 200

_Index = QModelIndex | QPersistentModelIndex


class KwicModel(QAbstractTableModel):
    """Concordance lines as a table: left context (right-aligned), hit, right context, date, source, title."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[KwicLine] = []
        self.bold = QFont()
        self.bold.setBold(True)

    def set_lines(self, lines: list[KwicLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("Left context"),
            self.tr("Hit"),
            self.tr("Right context"),
            self.tr("Date"),
            self.tr("Source"),
            self.tr("Title"),
        )
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.left, line.hit, line.right, line.date, line.source, line.title)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == 1:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col == 1:
            return self.bold
        return None


class ConcordanceDialog(QDialog):
    """The concordance of the current search; ``line_activated(KwicLine)`` opens the story there."""

    line_activated = Signal(object)

    def __init__(
        self,
        make: Callable[[int], Concordance],
        runner: Runner,
        query: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("concordanceDialog")
        self.setWindowTitle(self.tr("Concordance: %1").replace("%1", query))
        self.resize(900, 560)
        self.make, self.runner = make, runner
        self.all_lines: list[KwicLine] = []
        self.concordance: Concordance | None = None
        self.complete = False
        self._seq = 0

        labels = self._build_controls()
        self._build_table()
        close = self._build_buttons()
        self._lay_out(*labels, close)

        self.width_box.editingFinished.connect(self.reload)
        self.sort_box.currentIndexChanged.connect(lambda _i: self._show())
        self.reload()

    # -- building -------------------------------------------------------------------------------------
    def _build_controls(self) -> tuple[QLabel, QLabel]:
        """Context width, sort order and the counts line; the two labels for the layout."""
        self.width_box = QSpinBox(self)
        self.width_box.setRange(1, 200)
        self.width_box.setValue(DEFAULT_WIDTH)
        self.width_box.setObjectName("kwicWidth")
        width_label = QLabel(self.tr("&Context (characters):"), self)
        width_label.setBuddy(self.width_box)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("kwicSort")
        sort_names = {
            "order": self.tr("As the results"),
            "left": self.tr("Left context"),
            "right": self.tr("Right context"),
            "date": self.tr("Date"),
            "source": self.tr("Source"),
        }
        for key in SORTS:
            self.sort_box.addItem(sort_names[key], key)
        sort_label = QLabel(self.tr("&Sort by:"), self)
        sort_label.setBuddy(self.sort_box)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("kwicCount")
        return width_label, sort_label

    def _build_table(self) -> None:
        """The lines' table: contexts stretch around the hit, activation opens the story."""
        self.model = KwicModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("kwicTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(col, mode)
        self.table.activated.connect(self._activate)
        self.table.doubleClicked.connect(self._activate)

    def _build_buttons(self) -> QPushButton:
        """Copy, save as CSV and close (Ctrl+C copies too); the close button for the layout."""
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as CSV…"), self)
        self.save_button.clicked.connect(self.save_csv)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy)
        return close

    def _lay_out(self, width_label: QLabel, sort_label: QLabel, close: QPushButton) -> None:
        """Controls above the table, buttons below it."""
        top = QHBoxLayout()
        top.addWidget(width_label)
        top.addWidget(self.width_box)
        top.addSpacing(12)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box)
        top.addStretch(1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # -- loading --------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the lines again (the width changed): the first page, then the rest."""
        self._seq += 1
        seq = self._seq
        self.complete = False
        width = self.width_box.value()

        def first(_job: Job) -> tuple[Concordance, Iterator[KwicLine], list[KwicLine]]:
            concordance = self.make(width)
            lines = concordance.lines()
            return concordance, lines, list(itertools.islice(lines, FIRST_PAGE))

        job = Job(first, name="concordance")
        job.signals.finished.connect(guarded(self, lambda res, s=seq: self._first(s, *res)))
        job.signals.failed.connect(guarded(self, self._failed))
        self.runner.start(job)

    def _first(
        self, seq: int, concordance: Concordance, rest: Iterator[KwicLine], lines: list[KwicLine]
    ) -> None:
        if seq != self._seq:
            return
        self.concordance, self.all_lines = concordance, lines
        self._show()
        job = Job(lambda _job: list(rest), name="concordance rest")
        job.signals.finished.connect(guarded(self, lambda more, s=seq: self._rest(s, more)))
        job.signals.failed.connect(guarded(self, self._failed))
        self.runner.start(job)

    def _rest(self, seq: int, more: list[KwicLine]) -> None:
        if seq != self._seq:
            return
        self.all_lines = self.all_lines + more
        self.complete = True
        self._show()

    def _failed(self, message: str) -> None:
        self.count_label.setText(self.tr("Failed: %1").replace("%1", message))

    def _show(self) -> None:
        sort = str(self.sort_box.currentData() or "order")
        self.model.set_lines(sorted_lines(self.all_lines, sort))
        c = self.concordance
        if c is None:
            return
        text = (
            self.tr("%1 occurrences in %2 stories")
            .replace("%1", str(c.occurrences))
            .replace("%2", str(c.stories))
        )
        if not self.complete:
            text += " " + self.tr("(reading…)")
        if c.notes:
            text += "  " + "; ".join(c.notes)
        self.count_label.setText(text)

    # -- actions --------------------------------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.line_activated.emit(self.model.lines[index.row()])

    def shown_lines(self) -> list[KwicLine]:
        """The selected lines, or every line when none is selected (in the order shown)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.lines[r] for r in rows] if rows else list(self.model.lines)

    def clipboard_text(self) -> str:
        rows = [TABLE_HEADER, *(line.row() for line in self.shown_lines())]
        return "\n".join("\t".join(str(v).replace("\t", " ") for v in row) for row in rows) + "\n"

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.clipboard_text())

    def save_csv(self, path: str = "") -> bool:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save concordance"), "concordance.csv", self.tr("CSV (*.csv)")
            )
        if not path:
            return False
        try:
            write_atomic(path, csv_bytes(TABLE_HEADER, (line.row() for line in self.shown_lines())))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save concordance"), f"{path}: {exc}")
            return False
        return True
