"""The results list as a Qt model that loads pages of hits on demand.

The row count is the query's total at once, so the scroll bar is right from
the start; rows whose page is not loaded yet show a placeholder and ask for
their page (one request per page, off the GUI thread through the runner). A
new query bumps the generation, so pages that arrive late for an old query
are dropped.

Why a proxy: a list view lays out every row, asking the model for each one's
index, and each ``rowCount`` written in Python costs a few microseconds — half
a second at 100,000 rows. Here the rows belong to an empty C++
QStandardItemModel and only ``data`` is Python, so a new query with 100,000
hits is shown in a few tens of milliseconds. (Use ``index(row, 0)``.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItemModel

from reader.gui.i18n import forms_text
from reader.gui.plaintext import tooltip
from reader.gui.workers import Job, Runner, guarded
from reader.index.results import Hit, Results, SearchRequest
from reader.text.convert import written_script
from reader.text.convertcache import shown

HitRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
BookmarkRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4
MetaRole = Qt.ItemDataRole.UserRole + 5
LoadedRole = Qt.ItemDataRole.UserRole + 6

PAGE_SIZE = 50


class ResultsModel(QIdentityProxyModel):
    """Hits of the current query, page by page."""

    page_failed = Signal(str)
    page_loaded = Signal(int)

    def __init__(self, search: Callable[[SearchRequest], Results], runner: Runner, parent=None) -> None:
        super().__init__(parent)
        self._rows = QStandardItemModel(self)  # holds only the row count
        self._rows.setColumnCount(1)
        self.setSourceModel(self._rows)
        self._search = search
        self._runner = runner
        self._request = SearchRequest()
        self._pages: dict[int, list[Hit]] = {}
        self._pending: set[int] = set()
        self._total = 0
        self._generation = 0
        self._script = "zh-hans"
        self._bookmarks: set[str] = set()
        #: (story id, field, script) -> converted text, for the current query only (snippets differ per query)
        self._converted: dict[tuple[str, str, str], str] = {}
        self.page_size = PAGE_SIZE

    # -- state ----------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def request(self) -> SearchRequest:
        return self._request

    def _set_rows(self, total: int) -> None:
        self.beginResetModel()
        self._rows.blockSignals(True)  # one model reset instead of row signals
        self._rows.setRowCount(0)
        self._rows.setRowCount(total)
        self._rows.blockSignals(False)
        self._total = total
        self.endResetModel()

    def reset_results(self, request: SearchRequest, first: Results) -> None:
        """Show a new query's first page (already searched by the caller)."""
        self._generation += 1
        self._request = dataclasses.replace(request, page=1)
        self.page_size = request.page_size
        self._pages = {1: list(first.hits)}
        self._pending = set()
        self._converted.clear()  # snippets (and their conversions) belong to the query
        self._set_rows(first.total)

    def clear(self) -> None:
        self._generation += 1
        self._pages, self._pending = {}, set()
        self._converted.clear()
        self._set_rows(0)

    def flags(self, index):  # noqa: D401 - Qt API
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def set_script(self, script: str) -> None:
        if script != self._script:
            self._script = script
            self._changed_all()

    def set_bookmarks(self, ids: set[str]) -> None:
        self._bookmarks = set(ids)
        self._changed_all()

    def _changed_all(self) -> None:
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, 0))

    def hit(self, row: int) -> Hit | None:
        """The hit at ``row`` if its page is loaded (else asks for the page)."""
        if not 0 <= row < self._total:
            return None
        page, offset = divmod(row, self.page_size)
        hits = self._pages.get(page + 1)
        if hits is None:
            self._fetch(page + 1)
            hits = self._pages.get(page + 1)  # a synchronous runner has it already
            if hits is None:
                return None
        return hits[offset] if offset < len(hits) else None

    def row_of(self, story_id: str) -> int:
        for page, hits in self._pages.items():
            for i, hit in enumerate(hits):
                if hit.id == story_id:
                    return (page - 1) * self.page_size + i
        return -1

    # -- paging ---------------------------------------------------------
    def _fetch(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        self._pending.add(page)
        generation = self._generation
        request = dataclasses.replace(self._request, page=page, facets=False)
        job = Job(lambda _job: self._search(request), name=f"page {page}")
        job.signals.finished.connect(
            guarded(self, lambda res, g=generation, p=page: self._on_page(g, p, res))
        )
        job.signals.failed.connect(
            guarded(self, lambda msg, g=generation, p=page: self._on_page_failed(g, p, msg))
        )
        self._runner.start(job)

    def _on_page(self, generation: int, page: int, results: Results) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = list(results.hits)
        first = (page - 1) * self.page_size
        last = min(self._total, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0))
        self.page_loaded.emit(page)

    def _on_page_failed(self, generation: int, page: int, message: str) -> None:
        if generation == self._generation:
            self._pending.discard(page)
            self.page_failed.emit(message)

    # -- Qt model API ---------------------------------------------------
    def _conv(self, hit: Hit, field: str, text: str) -> str:
        """``text`` of ``hit`` in the reader's script; as written when the hit is already in it."""
        if not text or self._script == "zh-hans" and text.isascii():
            return text
        key = (hit.id, field, self._script)
        value = self._converted.get(key)
        if value is None:
            if len(self._converted) > 20000:
                self._converted.clear()
            written = self._converted.get((hit.id, "", ""))
            if written is None:  # the hit's script, from its title and snippet
                written = self._converted[(hit.id, "", "")] = written_script(hit.title + hit.snippet)
            value = self._converted[key] = shown(text, self._script, written)
        return value

    def _reprints(self, hit: Hit) -> str:
        """``3 转载：新华社、某报`` — the group's size and its sources (the original's first)."""
        label = QCoreApplication.translate("ResultsModel", "%1 reprints").replace("%1", str(hit.group_size))
        sources = [self._conv(hit, "source:" + s, s) for s in hit.group_sources[:4]]
        if len(hit.group_sources) > 4:
            sources.append("…")
        return label + ("：" + "、".join(sources) if sources else "")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hit(index.row())
        if role == LoadedRole:
            return hit is not None
        if hit is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._conv(hit, "title", hit.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._conv(hit, "title", hit.title))
        if role == SnippetRole:
            return self._conv(hit, "snippet", hit.snippet)
        if role == MetaRole:
            parts = [hit.date, self._conv(hit, "source", hit.source)]
            if hit.column:
                parts.append(self._conv(hit, "column", hit.column))
            if hit.group_size > 1:
                parts.append(self._reprints(hit))
            if hit.forms:  # printed as in the archive, whatever the reading script
                parts.append(forms_text(hit.forms, hit.matched_by == "pinyin"))
            return " · ".join(p for p in parts if p)
        if role == IdRole:
            return hit.id
        if role == HitRole:
            return hit
        if role == BookmarkRole:
            return hit.id in self._bookmarks
        return None
