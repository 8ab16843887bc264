"""The side panel: bookmarks and collections, facet filters with counts, one-click clear."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.models.facets import FacetModel, GroupRole


class FilterPanel(QWidget):
    """Emits ``changed`` whenever any filter (facet, bookmarked, collection) changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FacetModel(self)
        self.model.filters_changed.connect(self._on_facets_changed)
        self.proxy = QSortFilterProxyModel(self)  # sorting/filtering live in the model
        self.proxy.setSourceModel(self.model)

        self.bookmarked = QCheckBox(self.tr("Bookmarked only"), self)
        self.bookmarked.setObjectName("bookmarkedCheck")
        self.bookmarked.toggled.connect(lambda _on: self._changed())
        self.all_copies = QCheckBox(self.tr("Show every copy of reprints"), self)
        self.all_copies.setObjectName("allCopiesCheck")
        self.all_copies.setToolTip(
            self.tr("Off: a story printed by several sources is one row, with its copies in the reading pane")
        )
        self.all_copies.toggled.connect(lambda _on: self._changed())
        self.counts_label = QLabel(self.tr("Counts below are stories, every copy counted"), self)
        self.counts_label.setObjectName("facetCountsLabel")
        self.counts_label.setWordWrap(True)
        self.collections_label = QLabel(self.tr("Collections"), self)
        self.collections = QListWidget(self)
        self.collections.setObjectName("collectionsList")
        self.collections.setMaximumHeight(110)
        self.collections.itemChanged.connect(lambda _item: self._changed())

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("facetFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter tags, sources, authors…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_all)

        self.tree = QTreeView(self)
        self.tree.setObjectName("facetTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._on_click)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 2, 6)
        layout.setSpacing(4)
        layout.addWidget(self.bookmarked)
        layout.addWidget(self.all_copies)
        layout.addWidget(self.collections_label)
        layout.addWidget(self.collections)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.tree, 1)
        self._expanded: set[str] = {"place", "topic", "source", "year"}
        self.tree.expanded.connect(lambda i: self._remember(i, True))
        self.tree.collapsed.connect(lambda i: self._remember(i, False))
        self._update_clear()

    # -- state ----------------------------------------------------------
    def filters(self) -> dict[str, list[str]]:
        return self.model.filters()

    def bookmarked_only(self) -> bool:
        return self.bookmarked.isChecked()

    def all_copies_shown(self) -> bool:
        """Every copy of a reprint group its own row (else one row per group)."""
        return self.all_copies.isChecked()

    def selected_collections(self) -> list[str]:
        out = []
        for i in range(self.collections.count()):
            item = self.collections.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def has_filters(self) -> bool:
        return self.model.has_filters() or self.bookmarked_only() or bool(self.selected_collections())

    def set_collections(self, items: list[tuple[str, int]]) -> None:
        """``[(name, size)]``; keeps ticks of collections that still exist."""
        ticked = set(self.selected_collections())
        self.collections.blockSignals(True)
        self.collections.clear()
        for name, size in items:
            item = QListWidgetItem(f"{name} ({size})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.collections.addItem(item)
        self.collections.blockSignals(False)
        self.collections.setVisible(bool(items))
        self.collections_label.setVisible(bool(items))
        if ticked - {n for n, _ in items}:
            self._changed()

    def set_bookmark_count(self, count: int) -> None:
        self.bookmarked.setText(self.tr("Bookmarked only (%1)").replace("%1", str(count)))

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.model.set_facets(facets)
        self._restore_expansion()

    def set_script(self, script: str) -> None:
        self.model.set_script(script)
        self._restore_expansion()

    def clear_all(self) -> None:
        """One click: untick every facet, bookmark and collection filter."""
        changed = self.has_filters()
        self.bookmarked.blockSignals(True)
        self.bookmarked.setChecked(False)
        self.bookmarked.blockSignals(False)
        self.collections.blockSignals(True)
        for i in range(self.collections.count()):
            self.collections.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.collections.blockSignals(False)
        self.model.blockSignals(True)
        self.model.clear_filters()
        self.model.blockSignals(False)
        self._restore_expansion()
        if changed:
            self._changed()

    # -- internals ------------------------------------------------------
    def _changed(self) -> None:
        self._update_clear()
        self.changed.emit()

    def _on_facets_changed(self) -> None:
        self._changed()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.has_filters())

    def _on_filter_text(self, text: str) -> None:
        self.model.set_text_filter(text)
        if text.strip():
            self.tree.expandAll()
        else:
            self._restore_expansion()

    def _on_click(self, index) -> None:
        src = self.proxy.mapToSource(index)
        if not src.parent().isValid():
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
        elif src.column() == 1:  # a click on the count ticks the value too
            item = self.model.itemFromIndex(src.siblingAtColumn(0))
            item.setCheckState(
                Qt.CheckState.Unchecked
                if item.checkState() == Qt.CheckState.Checked
                else Qt.CheckState.Checked
            )

    def _remember(self, index, expanded: bool) -> None:
        key = self.proxy.mapToSource(index).data(GroupRole)
        if key:
            (self._expanded.add if expanded else self._expanded.discard)(key)

    def _restore_expansion(self) -> None:
        if self.filter_edit.text().strip():
            self.tree.expandAll()
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            key = index.data(GroupRole)
            self.tree.blockSignals(True)
            self.tree.setExpanded(index, key in self._expanded)
            self.tree.blockSignals(False)
