"""The filter tree: facet values with counts for the current query, tickable.

Top-level rows are groups (tag kinds 地点/人物/机构/主题/栏目/我的标签, then
sources, authors, years, months); their children are values with counts.
Ticked values are kept across queries (shown with count 0 when the new query
has none, so they can still be unticked). ``filters()`` gives the
``SearchRequest.filters`` for what is ticked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.autotag import TAG_KINDS, label_in_script, tag_kind, tag_label
from reader.gui.plaintext import tooltip
from reader.text.convertcache import convert_cached as to_script
from reader.text.convertcache import shown
from reader.text.fold import fold

FacetRole = Qt.ItemDataRole.UserRole + 20  # (facet name, value) on value rows
GroupRole = Qt.ItemDataRole.UserRole + 21  # group key on group rows
CountRole = Qt.ItemDataRole.UserRole + 22

TAG_GROUPS = TAG_KINDS  # one group per tag kind, in display order
OTHER_GROUPS = ("source", "author", "year", "month")
MAX_VALUES = 40  # per group, by count; ticked values are always shown, the filter box finds the rest


def group_title(key: str) -> str:
    titles = {
        "place": QCoreApplication.translate("Facets", "Places"),
        "person": QCoreApplication.translate("Facets", "People"),
        "org": QCoreApplication.translate("Facets", "Organisations"),
        "topic": QCoreApplication.translate("Facets", "Topics"),
        "column": QCoreApplication.translate("Facets", "Columns"),
        "user": QCoreApplication.translate("Facets", "My tags"),
        "source": QCoreApplication.translate("Facets", "Sources"),
        "author": QCoreApplication.translate("Facets", "Authors"),
        "year": QCoreApplication.translate("Facets", "Years"),
        "month": QCoreApplication.translate("Facets", "Months"),
    }
    return titles.get(key, key)


def _group_of(facet: str, value: str) -> str:
    if facet == "tag":
        kind = tag_kind(value)
        return kind if kind in TAG_GROUPS else "topic"
    return facet


class FacetModel(QStandardItemModel):
    """Facet groups and values; emits ``filters_changed`` when a tick changes."""

    filters_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.selected: dict[str, set[str]] = {}
        self._script = "zh-hans"
        self._facets: dict[str, list[tuple[str, int]]] = {}
        self._updating = False
        self._text = ""  # the panel's filter box, folded
        self.setHorizontalHeaderLabels(["", ""])
        self.itemChanged.connect(self._on_item_changed)

    # -- API ------------------------------------------------------------
    def filters(self) -> dict[str, list[str]]:
        return {name: sorted(values) for name, values in self.selected.items() if values}

    def has_filters(self) -> bool:
        return any(self.selected.values())

    def clear_filters(self) -> None:
        if not self.has_filters():
            return
        self.selected = {}
        self.set_facets(self._facets)
        self.filters_changed.emit()

    def set_checked(self, facet: str, value: str, checked: bool) -> None:
        """Tick or untick one value (as a click would)."""
        values = self.selected.setdefault(facet, set())
        if checked == (value in values):
            return
        (values.add if checked else values.discard)(value)
        self.set_facets(self._facets)
        self.filters_changed.emit()

    def set_text_filter(self, text: str) -> None:
        """Show only values whose name contains ``text`` (any script, any width), from all values."""
        text = fold(text.strip())
        if text != self._text:
            self._text = text
            self.set_facets(self._facets)

    def set_script(self, script: str) -> None:
        if script != self._script:
            self._script = script
            self.set_facets(self._facets)

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        """Rebuild the tree from ``Results.facets`` keeping ticks."""
        self._facets = {k: list(v) for k, v in facets.items()}
        groups: dict[str, list[tuple[str, str, int]]] = {}
        for facet, values in self._facets.items():
            for value, count in values:
                groups.setdefault(_group_of(facet, value), []).append((facet, value, count))
        for facet, ticked in self.selected.items():
            present = {v for _f, v, _c in sum(groups.values(), []) if _f == facet}
            for value in ticked - present:
                groups.setdefault(_group_of(facet, value), []).append((facet, value, 0))
        self._updating = True
        try:
            self.removeRows(0, self.rowCount())
            for key in TAG_GROUPS + OTHER_GROUPS:
                rows = groups.get(key)
                if self._text and rows:
                    rows = [r for r in rows if self._matches(r[0], r[1])]
                if not rows:
                    continue
                if key in ("year", "month"):
                    rows.sort(key=lambda r: r[1], reverse=True)
                else:
                    rows.sort(key=lambda r: (-r[2], r[1]))
                self._add_group(key, rows)
        finally:
            self._updating = False

    # -- building -------------------------------------------------------
    def _matches(self, facet: str, value: str) -> bool:
        return self._text in fold(tag_label(value) if facet == "tag" else value)

    def _label(self, facet: str, value: str) -> str:
        if facet == "tag":
            return label_in_script(value, self._script, converter=to_script)
        if facet in ("year", "month"):
            return value
        return shown(value, self._script) if value else value

    def _add_group(self, key: str, rows: list[tuple[str, str, int]]) -> None:
        ticked = sum(1 for facet, value, _c in rows if value in self.selected.get(facet, ()))
        title = group_title(key) + (f" ({ticked})" if ticked else "")
        group = QStandardItem(title)
        group.setData(key, GroupRole)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        shown = 0
        for facet, value, count in rows:
            checked = value in self.selected.get(facet, ())
            if not checked and shown >= MAX_VALUES:
                continue
            shown += 1
            item = QStandardItem(self._label(facet, value))
            item.setData((facet, value), FacetRole)
            item.setData(count, CountRole)
            item.setToolTip(tooltip(value))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            count_item = QStandardItem(str(count))
            count_item.setData(count, CountRole)
            count_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            group.appendRow([item, count_item])
        spacer = QStandardItem("")
        spacer.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.appendRow([group, spacer])

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._updating:
            return
        key = item.data(FacetRole)
        if not key:
            return
        facet, value = key
        checked = item.checkState() == Qt.CheckState.Checked
        values = self.selected.setdefault(facet, set())
        if checked == (value in values):
            return
        (values.add if checked else values.discard)(value)
        # Later, not now: the new results rebuild the tree, and this item is still being set.
        QTimer.singleShot(0, self, self.filters_changed.emit)
