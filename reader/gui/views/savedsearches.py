"""Saved searches in the side panel: one row each, a badge with the number of new stories.

Activating a row (click, Enter) asks to run that search (``chosen(name)``); its context
menu (or Delete) asks to forget it (``remove_requested(name)``). The counts come from
:mod:`reader.service.saved` through the research controller.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

NewRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole


class BadgeDelegate(QStyledItemDelegate):
    """The row as usual, with a round badge of its new-story count at the right (none when 0)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        new = int(index.data(NewRole) or 0)
        if new <= 0:
            return
        text = str(new) if new < 1000 else "999+"
        rect = option.rect
        metrics = option.fontMetrics
        w = max(metrics.horizontalAdvance(text) + 10, metrics.height())
        badge = QRect(rect.right() - w - 4, rect.top() + 2, w, rect.height() - 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#d32f2f"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class SavedSearchList(QListWidget):
    """The saved searches with their badges."""

    chosen = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedSearches")
        self.setItemDelegate(BadgeDelegate(self))
        self.setMaximumHeight(120)
        self.itemActivated.connect(lambda item: self.chosen.emit(item.data(NameRole)))
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(NameRole)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_searches(self, rows: list[tuple[str, str, int, int]]) -> None:
        """``[(name, query, total, new)]``."""
        current = self.currentItem().data(NameRole) if self.currentItem() else None
        self.clear()
        for name, query, total, new in rows:
            item = QListWidgetItem(name)
            item.setData(NameRole, name)
            item.setData(NewRole, new)
            item.setToolTip(
                self.tr("%1 — %2 stories, %3 new since you last looked")
                .replace("%1", query or name)
                .replace("%2", str(total))
                .replace("%3", str(new))
            )
            self.addItem(item)
            if name == current:
                self.setCurrentItem(item)

    def new_count(self, name: str) -> int:
        for i in range(self.count()):
            if self.item(i).data(NameRole) == name:
                return int(self.item(i).data(NewRole) or 0)
        return 0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(item.data(NameRole))
            return
        super().keyPressEvent(event)
