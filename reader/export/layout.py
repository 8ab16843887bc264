"""Qt drawing for the PDF export: story, contents and cover documents, and page painting.

Documents are laid out against the PDF writer (``setPaintDevice``) in device
units at :data:`reader.export.pdf.DPI`, paged to the body area, so a page of a
document is exactly a page of the PDF. Every font comes from
:func:`reader.fonts.qt_font` (glyph-substituting features off).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from reader import fonts
from reader.export.gbt7714 import reference
from reader.story import Story

DPI = 300
BODY_PT = 11.0
SMALL_PT = 8.5
GREY = QColor(90, 90, 90)
ACCENT = QColor(25, 55, 105)  # titles and subheads: the font has no bold face, and Qt's
# synthetic bold draws each glyph twice, which doubles the text in the PDF's text layer
LINE_HEIGHT = 160  # percent, for body paragraphs


def _px(points: float) -> float:
    return points * DPI / 72.0


@dataclass
class Link:
    """A contents line on 0-based contents page ``page``: body rectangle and target PDF page (0-based)."""

    page: int
    rect: tuple[float, float, float, float]
    target: int


class _Builder:
    """Appends styled blocks to a document."""

    def __init__(self, device, width: float, height: float, script: str) -> None:
        self.script = script
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(fonts.qt_font(script, BODY_PT))
        self.doc.setPageSize(QSizeF(width, height))
        self.doc.setUndoRedoEnabled(False)
        self.cursor = QTextCursor(self.doc)
        self.first = True
        self.width = width

    def block(
        self,
        text: str,
        size: float = BODY_PT,
        *,
        accent: bool = False,
        grey: bool = False,
        align=Qt.AlignmentFlag.AlignLeft,
        before: float = 0.0,
        after: float = 0.0,
        indent: float = 0.0,
        line_height: int = 135,
        tabs: list[QTextOption.Tab] | None = None,
        page_break: bool = False,
    ):
        bf = QTextBlockFormat()
        bf.setAlignment(align)
        bf.setTopMargin(_px(before))
        bf.setBottomMargin(_px(after))
        bf.setTextIndent(_px(indent))
        bf.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if tabs:
            bf.setTabPositions(tabs)
        if page_break:
            bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cf = QTextCharFormat()
        font = fonts.qt_font(self.script, size)
        cf.setFont(font)
        if grey:
            cf.setForeground(GREY)
        elif accent:
            cf.setForeground(ACCENT)
        if self.first:
            self.cursor.setBlockFormat(bf)
            self.cursor.setBlockCharFormat(cf)
            self.first = False
        else:
            self.cursor.insertBlock(bf, cf)
        block = self.cursor.block()
        self.cursor.insertText(text, cf)
        return block


def _screen_dpi() -> float:
    """Qt scales tab positions by device DPI / screen DPI; we give them in device units."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def _lines(text: str) -> str:
    """A heading's lines (joined by ``/`` in the story record) as lines of one block."""
    return "\u2028".join(part.strip() for part in text.split("/"))


def meta_lines(story: Story, lab: dict) -> list[str]:
    """The small lines under the title: byline, then date, source and column."""
    lines = []
    byline = story.byline_line("　")
    if byline:
        lines.append(byline)
    facts = [story.date, story.source]
    if story.column:
        facts.append(f"{lab['column']}：{story.column}")
    facts = [f for f in facts if f]
    if facts:
        lines.append("　".join(facts))
    return lines


def story_document(
    story: Story, device, width: float, height: float, script: str, lab: dict, cited: Story | None = None
) -> QTextDocument:
    """One story, laid out and paged to the body area; the citation is of ``cited`` (names as printed)."""
    b = _Builder(device, width, height, script)
    b.block(story.title or lab["untitled"], 18, accent=True, after=6, line_height=120)
    if story.subtitle:
        b.block(story.subtitle, 13, after=4, line_height=120)
    for line in meta_lines(story, lab):
        b.block(line, SMALL_PT + 1, grey=True, after=2)
    first = True
    for kind, text in story.blocks():
        if kind == "heading":
            b.block(_lines(text), BODY_PT + 1.5, accent=True, before=10, after=4, line_height=130)
        else:
            indent = 0.0 if text[:1].isspace() else 2 * BODY_PT
            b.block(text, BODY_PT, before=10 if first else 0, after=3, indent=indent, line_height=LINE_HEIGHT)
        first = False
    if story.edition:
        b.block(story.edition, SMALL_PT + 1, grey=True, before=6)
    if story.editor:
        b.block(f"{lab['editor']}：{story.editor}", SMALL_PT + 1, grey=True, before=0 if story.edition else 6)
    for k, line in enumerate(story.asides_to_print()):
        b.block(line, SMALL_PT + 1, grey=True, before=0 if k or story.edition or story.editor else 6)
    b.block(f"{lab['cite']}：{reference(cited or story)}", SMALL_PT, grey=True, before=14)
    return b.doc


def toc_document(
    laid, device, width: float, height: float, script: str, lab: dict
) -> tuple[QTextDocument, list]:
    """The contents: one entry per story with its first page; also the entries' link rectangles."""
    b = _Builder(device, width, height, script)
    b.block(lab["contents"], 18, accent=True, after=12)
    tab = [QTextOption.Tab((width - _px(1)) * _screen_dpi() / DPI, QTextOption.TabType.RightTab)]
    entries = []
    for number, item in enumerate(laid, start=1):
        story = item.story
        first = b.block(
            f"{number}. {story.title or lab['untitled']}\t{item.start}", BODY_PT, before=5, tabs=tab
        )
        facts = "　".join(f for f in (story.date, story.source) if f)
        last = b.block(facts, SMALL_PT, grey=True, indent=0) if facts else first
        entries.append((first, last, item.start - 1))
    layout = b.doc.documentLayout()
    links = []
    for first, last, target in entries:
        top = layout.blockBoundingRect(first).top()
        bottom = layout.blockBoundingRect(last).bottom()
        page = int(top // height)
        y = top - page * height
        links.append(Link(page=page, rect=(0.0, y, width, min(bottom - top, height - y)), target=target))
    return b.doc, links


def paint_cover(
    painter,
    geo,
    script: str,
    lab: dict,
    *,
    title: str,
    query: str,
    collection: str,
    count: int,
    export_date: str,
    dates: tuple[str, str],
    selection: str = "",
    filters: str = "",
    record: list[str],
) -> None:
    """The first page: title, export date, number of stories, the selection and its filters."""
    b = _Builder(painter.device(), geo.width, geo.height, script)
    b.block(title, 26, accent=True, align=Qt.AlignmentFlag.AlignHCenter, after=28, line_height=120)
    rows = [(lab["exported"], export_date), (lab["stories"], lab["count"].format(n=count))]
    if dates[0]:
        rows.append((lab["dates"], dates[0] if dates[0] == dates[1] else f"{dates[0]} – {dates[1]}"))
    if query:
        rows.append((lab["query"], query))
    if collection:
        rows.append((lab["collection"], collection))
    if selection:
        rows.append((lab["selection"], selection))
    if filters:
        rows.append((lab["filters"], filters))
    for name, value in rows:
        b.block(f"{name}：{value}", BODY_PT + 1, align=Qt.AlignmentFlag.AlignHCenter, after=6)
    record.append(b.doc.toPlainText())
    painter.save()
    painter.translate(geo.left, geo.top + geo.height * 0.28)
    b.doc.drawContents(painter, QRectF(0, 0, geo.width, geo.height * 0.7))
    painter.restore()


def draw_page_lines(painter, doc: QTextDocument, page: int, height: float, record: list[str]) -> None:
    """Draw the lines of ``doc`` whose top lies on page ``page``, each exactly once.

    ``drawContents`` with a clip rectangle also draws (clipped, invisible) lines of
    a paragraph that crosses the page edge, which would repeat them in the text layer.
    The text of each line drawn is appended to ``record``.
    """
    top, bottom = page * height, (page + 1) * height
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.bottom() >= top and rect.top() < bottom:
            text_layout = block.layout()
            origin = text_layout.position()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                y = origin.y() + line.y()
                if top <= y < bottom:
                    record.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
                    line.draw(painter, origin)
        elif rect.top() >= bottom:
            break
        block = block.next()


def paint_page(
    painter,
    doc: QTextDocument,
    page: int,
    geo,
    script: str,
    *,
    header: tuple[str, str],
    number: int,
    record: list[str],
) -> None:
    """Page ``page`` (0-based) of ``doc`` in the body area, with running header and page number."""
    small = fonts.qt_font(script, SMALL_PT)
    metrics = QFontMetricsF(small, painter.device())
    line_h = metrics.height()
    half = geo.width * 0.47
    left, right = header
    left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, half)
    right = metrics.elidedText(right, Qt.TextElideMode.ElideRight, half)
    painter.save()
    painter.setFont(small)
    painter.setPen(GREY)
    y = geo.header_y - line_h
    record.extend((left, right))
    painter.drawText(QRectF(geo.left, y, half, line_h), int(Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(
        QRectF(geo.left + geo.width - half, y, half, line_h), int(Qt.AlignmentFlag.AlignRight), right
    )
    painter.setPen(QPen(GREY, _px(0.4)))
    painter.drawLine(
        int(geo.left), int(geo.header_y + _px(2)), int(geo.left + geo.width), int(geo.header_y + _px(2))
    )
    painter.restore()

    painter.save()
    painter.translate(geo.left, geo.top - page * geo.height)
    draw_page_lines(painter, doc, page, geo.height, record)
    painter.restore()

    record.append(str(number))
    painter.save()
    painter.setFont(small)
    painter.setPen(GREY)
    painter.drawText(
        QRectF(geo.left, geo.footer_y, geo.width, line_h), int(Qt.AlignmentFlag.AlignHCenter), str(number)
    )
    painter.restore()
