"""The hit timeline above the results: bars of matching stories per period, drawn with QPainter.

Why not a charting library: QtCharts comes only with PySide6-Addons, a second wheel that
must match the installed PySide6-Essentials exactly (6.11.3 here: 175 MB for Linux x86-64,
more than Essentials itself) for one bar chart; pyqtgraph would be a new dependency drawing
through its own scene graph. A bar chart with tooltips, clicks and keys is a few dozen lines
of painting. The widget draws what :class:`reader.index.timeline.Timeline`
holds: one bar group per period, one bar per query (the first query is the search box's,
then those compared), as counts or as shares of all stories archived in that period. Hovering
shows the figures; a click (or Enter on the bar chosen with the arrow keys) asks to filter to
that period (``period_chosen``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.index.timeline import Timeline

#: Bar colours of the first, second, ... query.
COLOURS = ("#1e88e5", "#e53935", "#43a047", "#fb8c00", "#8e24aa")


class TimelineChart(QWidget):
    """Bars per period; ``period_chosen(label)`` on a click or Enter."""

    period_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(90)
        self.timeline: Timeline | None = None
        self.shares = False
        self.current = -1  # the period chosen with the keyboard
        self.chosen = ""  # the period the results are filtered to (marked)
        self.dark = False

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.current = -1
        self.update()

    def set_shares(self, on: bool) -> None:
        self.shares = on
        self.update()

    # -- geometry -----------------------------------------------------------------------------------
    def _plot(self) -> QRect:
        return self.rect().adjusted(34, 6, -6, -18)

    def _values(self) -> list[list[float]]:
        t = self.timeline
        if t is None:
            return []
        if self.shares:
            return [t.shares(s) for s in t.series]
        return [[float(c) for c in s.counts] for s in t.series]

    def period_at(self, x: int) -> int:
        """The period under ``x`` (widget coordinates), or -1."""
        t = self.timeline
        plot = self._plot()
        if t is None or not t.periods or not plot.left() <= x <= plot.right():
            return -1
        return min(len(t.periods) - 1, (x - plot.left()) * len(t.periods) // max(1, plot.width()))

    def describe(self, i: int) -> str:
        """What hovering over period ``i`` shows: its label, then per query count and share."""
        t = self.timeline
        if t is None or not 0 <= i < len(t.periods):
            return ""
        lines = [t.periods[i] + "  " + self.tr("%1 stories archived").replace("%1", str(t.baseline[i]))]
        for s in t.series:
            share = t.shares(s)[i]
            lines.append(
                self.tr("%1: %2 stories (%3)")
                .replace("%1", s.query or self.tr("all"))
                .replace("%2", str(s.counts[i]))
                .replace("%3", f"{share:.1%}")
            )
        return "\n".join(lines)

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        text = QColor("#dddddd" if self.dark else "#444444")
        grid = QColor("#555555" if self.dark else "#cccccc")
        t = self.timeline
        plot = self._plot()
        if t is None or not t.periods:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated stories to chart."))
            return
        values = self._values()
        top = max((v for row in values for v in row), default=0.0) or 1.0
        painter.setPen(QPen(grid))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(text)
        label = f"{top:.0%}" if self.shares else str(int(top))
        painter.drawText(QRect(0, plot.top() - 2, 32, 14), Qt.AlignmentFlag.AlignRight, label)
        n = len(t.periods)
        slot = plot.width() / n
        group = max(1.0, slot * 0.8)
        bar = group / max(1, len(values))
        for i in range(n):
            x0 = plot.left() + i * slot + (slot - group) / 2
            column = QRect(int(plot.left() + i * slot), plot.top(), max(1, int(slot)), plot.height())
            if t.periods[i] == self.chosen:
                painter.fillRect(column, QColor("#5d4037" if self.dark else "#ffe0b2"))
            if i == self.current and self.hasFocus():
                painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
                painter.drawRect(column.adjusted(0, 0, -1, -1))
            for k, row in enumerate(values):
                h = int(plot.height() * row[i] / top)
                if h:
                    painter.fillRect(
                        QRect(int(x0 + k * bar), plot.bottom() - h, max(1, int(bar)), h),
                        QColor(COLOURS[k % len(COLOURS)]),
                    )
        painter.setPen(text)
        step = max(1, n // max(1, plot.width() // 70))  # a label every ~70 px
        for i in range(0, n, step):
            x = int(plot.left() + i * slot)
            painter.drawText(QRect(x, plot.bottom() + 2, 80, 14), Qt.AlignmentFlag.AlignLeft, t.periods[i])

    # -- interaction ---------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        i = self.period_at(int(event.position().x()))
        text = self.describe(i)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        i = self.period_at(int(event.position().x()))
        if i >= 0 and self.timeline is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = i
            self.period_chosen.emit(self.timeline.periods[i])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        t = self.timeline
        key = event.key()
        if t is None or not t.periods:
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            last = len(t.periods) - 1
            if key == Qt.Key.Key_Home:
                self.current = 0
            elif key == Qt.Key.Key_End:
                self.current = last
            else:
                step = -1 if key == Qt.Key.Key_Left else 1
                self.current = max(0, min(last, (self.current if self.current >= 0 else last) + step))
            self.update()
            rect = self._plot()
            x = int(rect.left() + (self.current + 0.5) * rect.width() / len(t.periods))
            QToolTip.showText(self.mapToGlobal(QPoint(x, rect.top())), self.describe(self.current), self)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.period_chosen.emit(t.periods[self.current])
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.update()


class TimelinePanel(QWidget):
    """The chart with its controls: shares or counts, queries to compare, the period filtered to.

    ``compare_changed(text)`` when the compare box is submitted (queries separated by ``;``),
    ``period_chosen(label)`` from the chart, ``period_cleared()`` from the period's clear button.
    """

    compare_changed = Signal(str)
    period_chosen = Signal(str)
    period_cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.chart = TimelineChart(self)
        self.chart.period_chosen.connect(self.period_chosen)
        self.title = QLabel(self.tr("Stories per period"), self)
        self.shares_box = QCheckBox(self.tr("&Share of all stories"), self)
        self.shares_box.setObjectName("timelineShares")
        self.shares_box.toggled.connect(self.chart.set_shares)
        self.compare = QLineEdit(self)
        self.compare.setObjectName("timelineCompare")
        self.compare.setPlaceholderText(self.tr("Compare with… (queries separated by ;)"))
        self.compare.setClearButtonEnabled(True)
        self.compare.returnPressed.connect(lambda: self.compare_changed.emit(self.compare.text()))
        self.period_label = QLabel(self)
        self.period_label.setObjectName("timelinePeriod")
        self.clear_period = QToolButton(self)
        self.clear_period.setText("✕")
        self.clear_period.setToolTip(self.tr("Show every period again"))
        self.clear_period.clicked.connect(self.period_cleared)
        self.legend = QLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addWidget(self.legend, 1)
        row.addWidget(self.period_label)
        row.addWidget(self.clear_period)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.compare, 1)
        controls.addWidget(self.shares_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addLayout(controls)
        layout.addWidget(self.chart)
        self.set_period("")

    def compared(self) -> list[str]:
        """The queries typed into the compare box."""
        return [q.strip() for q in self.compare.text().replace("；", ";").split(";") if q.strip()]

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.chart.set_timeline(timeline)
        if timeline is None:
            self.legend.setText("")
            return
        parts = [
            f'<span style="color:{COLOURS[i % len(COLOURS)]}">■</span> {_escape(s.query or self.tr("all"))}'
            for i, s in enumerate(timeline.series)
        ]
        self.legend.setText("&nbsp;&nbsp;".join(parts))

    def set_period(self, label: str) -> None:
        self.chart.chosen = label
        self.chart.update()
        self.period_label.setText(self.tr("Period: %1").replace("%1", label) if label else "")
        self.period_label.setVisible(bool(label))
        self.clear_period.setVisible(bool(label))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
