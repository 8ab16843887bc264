"""The results list: a QListView with a delegate painting title, meta, snippet, star.

Rows have one fixed height (uniform sizes keep 100,000 rows smooth). The
snippet's ``<b>…</b>`` hit marks are painted with a small cached QTextDocument.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.gui.models.results import BookmarkRole, IdRole, LoadedRole, MetaRole, SnippetRole

PAD = 8


class ResultDelegate(QStyledItemDelegate):
    """Paints one hit in three lines; the snippet may wrap to two."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self.mark_color = "#c62828"

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.08 if base.pointSizeF() > 0 else 11)
        small = QFont(base)
        if base.pointSizeF() > 0:
            small.setPointSizeF(base.pointSizeF() * 0.88)
        return title, small, base

    @staticmethod
    def star_rect(item: QRect, title_font: QFont) -> QRect:
        """Where the bookmark star of an item is drawn (and clicked)."""
        tm = QFontMetrics(title_font)
        width = tm.horizontalAdvance("★") + 6
        return QRect(item.right() - PAD - width, item.top() + PAD, width, tm.height())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, small, base = self._fonts(option)
        h = QFontMetrics(title).height() + QFontMetrics(small).height() + 2 * QFontMetrics(base).lineSpacing()
        return QSize(200, h + 2 * PAD + 6)

    def _snippet_doc(self, html: str, width: int, font: QFont, color: QColor) -> QTextDocument:
        key = (html, width, font.toString(), color.name(), self.mark_color)
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet(f"body {{ color: {color.name()}; }} b {{ color: {self.mark_color}; }}")
            doc.setHtml(f"<body>{html}</body>")
            doc.setTextWidth(width)
            self._docs[key] = doc
            if len(self._docs) > 400:
                self._docs.popitem(last=False)
        else:
            self._docs.move_to_end(key)
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The row: title (and star), then for a loaded hit the meta line and the snippet."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlpha(150)
        title_font, small_font, base_font = self._fonts(opt)
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.save()
        painter.setClipRect(opt.rect)
        loaded = index.data(LoadedRole)
        self._paint_title(
            painter, rect, title_font, text_color, index.data(Qt.ItemDataRole.DisplayRole) or ""
        )
        if loaded:
            marked = bool(index.data(BookmarkRole))
            hover = bool(opt.state & QStyle.StateFlag.State_MouseOver)
            if marked or hover or selected:  # a hollow star to click appears under the mouse
                painter.setPen(QColor("#e0a800") if marked else muted)
                painter.drawText(
                    self.star_rect(opt.rect, title_font),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    "★" if marked else "☆",
                )
            y = rect.top() + QFontMetrics(title_font).height() + 2
            y = self._paint_meta(painter, rect, y, small_font, muted, index.data(MetaRole) or "")
            snippet = index.data(SnippetRole) or ""
            if snippet:
                self._paint_snippet(painter, rect, y, base_font, text_color, snippet)
        painter.restore()

    @staticmethod
    def _paint_title(painter: QPainter, rect: QRect, font: QFont, color: QColor, title: str) -> None:
        """The title on the first line, elided, leaving room for the star."""
        tm = QFontMetrics(font)
        star_w = tm.horizontalAdvance("★") + 6
        painter.setFont(font)
        painter.setPen(color)
        title_rect = QRect(rect.left(), rect.top(), rect.width() - star_w, tm.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tm.elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )

    @staticmethod
    def _paint_meta(painter: QPainter, rect: QRect, y: int, font: QFont, color: QColor, meta: str) -> int:
        """The date · source line at ``y``, elided; returns where the snippet starts."""
        sm = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(
            QRect(rect.left(), y, rect.width(), sm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            sm.elidedText(meta, Qt.TextElideMode.ElideRight, rect.width()),
        )
        return y + sm.height() + 4

    def _paint_snippet(
        self, painter: QPainter, rect: QRect, y: int, font: QFont, color: QColor, snippet: str
    ) -> None:
        """The snippet (rich text, hits marked) from ``y`` down to the row's bottom."""
        doc = self._snippet_doc(snippet, rect.width(), font, color)
        painter.translate(rect.left(), y)
        clip = QRectF(0, 0, rect.width(), rect.bottom() - y + 1)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        painter.setClipRect(clip)
        doc.documentLayout().draw(painter, ctx)


class ResultsView(QListView):
    """The list; emits ``story_selected`` when the current row changes to a loaded hit."""

    story_selected = Signal(str)
    open_requested = Signal(str)
    star_clicked = Signal(str, bool)  # id, bookmarked now

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = ResultDelegate(self)
        self.setItemDelegate(self.delegate)
        self.activated.connect(self._on_activated)
        self._pending_current = -1
        #: Shown in the empty list: what to try when a search found nothing ("" otherwise).
        self.empty_text = ""

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.empty_text and (self.model() is None or self.model().rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(16, 24, -16, -16)
            flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(rect, int(flags), self.empty_text)
            painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.data(LoadedRole) and event.button() == Qt.MouseButton.LeftButton:
            opt = QStyleOptionViewItem()
            self.initViewItemOption(opt)
            title_font, _small, _base = self.delegate._fonts(opt)
            star = self.delegate.star_rect(self.visualRect(index), title_font).adjusted(-4, -4, 4, 4)
            if star.contains(event.position().toPoint()):
                self.star_clicked.emit(index.data(IdRole), not index.data(BookmarkRole))
                event.accept()
                return
        super().mousePressEvent(event)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self._on_current)
        model.dataChanged.connect(self._on_data_changed)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        story_id = current.data(IdRole)
        if story_id:
            self._pending_current = -1
            self.story_selected.emit(story_id)
        else:
            self._pending_current = current.row()  # page still loading

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles=()) -> None:
        row = self._pending_current
        if row >= 0 and top.row() <= row <= bottom.row():
            story_id = self.model().index(row, 0).data(IdRole)
            if story_id:
                self._pending_current = -1
                self.story_selected.emit(story_id)

    def _on_activated(self, index: QModelIndex) -> None:
        story_id = index.data(IdRole)
        if story_id:
            self.open_requested.emit(story_id)

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        ids = [self.model().index(r, 0).data(IdRole) for r in rows]
        return [i for i in ids if i]
