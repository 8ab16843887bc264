"""Selected stories as one PDF: cover, table of contents, one story per new page.

The layout is two passes. First every story becomes its own ``QTextDocument``
(paged to the body area, laid out against the ``QPdfWriter``) so we know how
many pages each takes; then the table of contents is laid out with the real
page numbers (repeated until its own length settles), and everything is painted
page by page with a running header (export title / story title) and the page
number. The font is the prepared CJK face of :mod:`reader.fonts` with
glyph-substituting features off, so the text layer gives back each character.
:mod:`reader.export.outline` then adds the bookmarks and TOC links with pypdf.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader import fonts
from reader.atomicfile import replacing
from reader.export import ExportCancelled, ExportError, layout
from reader.export.gbt7714 import reference
from reader.export.labels import labels
from reader.export.layout import DPI
from reader.export.outline import OutlineEntry, TocLink, finish_pdf
from reader.export.qtapp import ensure_gui_app
from reader.export.scripts import citable_story, convert, convert_story
from reader.safefiles import OutputExists, check_output
from reader.story import Story
from reader.text.scripts import BY_CODE

#: Page margins in millimetres: top, right, bottom, left.
MARGINS_MM = (22.0, 20.0, 22.0, 22.0)


@dataclass
class _Laid:
    """One story laid out: its converted record, its document and first page number (1-based)."""

    story: Story
    doc: object  # QTextDocument
    pages: int
    start: int = 0


@dataclass
class _Geometry:
    width: float  # body width in device units
    height: float  # body height
    left: float
    top: float
    page_height: float
    header_y: float
    footer_y: float
    toc_links: list[TocLink] = field(default_factory=list)


def _mm(value: float) -> float:
    return value / 25.4 * DPI


def export_pdf(
    stories: list[Story],
    out: Path,
    *,
    script: str = "zh-hans",
    title: str = "",
    query: str = "",
    collection: str = "",
    selection: str = "",
    filters: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    replace: bool = True,
) -> Path:
    """Write ``stories`` to the PDF ``out`` in ``script``; returns ``out``.

    An existing file or link at ``out`` is replaced only with ``replace``; a FIFO or a
    device there never is (:class:`ExportError`).

    ``query``, ``collection`` or free text ``selection`` (e.g. "书签") names the
    selection on the cover, ``filters`` the filters it was narrowed by, already in
    ``script`` (see ``labels.filters_text``). ``progress(done,
    total)`` is called after each story; ``cancelled()`` is checked between stories
    and raises :class:`ExportCancelled` (no file is left behind).
    """
    out = Path(out)
    if not stories:
        raise ExportError("nothing to export: no stories selected")
    if script not in fonts.FACES:
        raise ExportError(f"unknown script {script!r}; use one of {', '.join(fonts.FACES)}")
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: folder does not exist")
    ensure_gui_app()
    lab = labels(script)
    title = convert(title, script) if title else lab["default_title"]
    try:
        check_output(out, replace=replace)
    except OutputExists as exc:
        raise ExportError(str(exc)) from None
    try:
        with replacing(out, check=lambda: check_output(out, replace=replace)) as tmp:
            _write_pdf(
                tmp,
                stories,
                script,
                lab,
                title=title,
                cover=_Cover(query, collection, selection, filters),
                name=out,
                progress=progress,
                cancelled=cancelled,
            )
    except OutputExists as exc:
        raise ExportError(str(exc)) from None
    return out


@dataclass
class _Cover:
    """What the cover says about the selection (each already a string in any script)."""

    query: str
    collection: str
    selection: str
    filters: str


def _write_pdf(
    tmp: Path, stories, script: str, lab: dict, *, title: str, cover: _Cover, name: Path, progress, cancelled
) -> None:
    """The whole PDF into ``tmp``: lay the stories out, paint cover, contents and pages, finish."""
    from PySide6.QtGui import QPainter  # Qt loads only when a PDF is made

    writer, geo = _pdf_writer(tmp, title)
    laid = _lay_out(stories, writer, geo, script, lab, cancelled)
    toc_doc, toc_pages = _toc(laid, writer, geo, script, lab)
    drawn: list[str] = []  # what is painted, in order (see outline._map_astral)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"{name}: cannot write the PDF")
    try:
        outline = _paint(
            painter,
            writer,
            geo,
            laid,
            (toc_doc, toc_pages),
            script,
            lab,
            title,
            cover,
            drawn,
            progress,
            cancelled,
        )
    finally:
        painter.end()
    del writer
    finish_pdf(
        tmp,
        outline,
        geo.toc_links,
        title=title,
        toc_page=1,
        contents_title=lab["contents"],
        astral=_astral_in_order(drawn, script),
        lang=BY_CODE[script].language,
    )


def _pdf_writer(tmp: Path, title: str):
    """An A4 ``QPdfWriter`` on ``tmp`` and the page geometry inside the margins."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("reader")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    rect = writer.pageLayout().fullRectPixels(DPI)
    top, right, bottom, left = (_mm(m) for m in MARGINS_MM)
    geo = _Geometry(
        width=rect.width() - left - right,
        height=rect.height() - top - bottom,
        left=left,
        top=top,
        page_height=rect.height(),
        header_y=top - _mm(9),
        footer_y=rect.height() - bottom + _mm(6),
    )
    return writer, geo


def _lay_out(stories, writer, geo: _Geometry, script: str, lab: dict, cancelled) -> list[_Laid]:
    """Each story converted to the script and laid out as its own document."""
    laid: list[_Laid] = []
    for story in stories:
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled")
        converted = convert_story(story, script)
        cited = citable_story(story, script)
        doc = layout.story_document(converted, writer, geo.width, geo.height, script, lab, cited)
        laid.append(_Laid(converted, doc, max(1, doc.pageCount())))
    return laid


def _paint(painter, writer, geo, laid, toc, script, lab, title, cover: _Cover, drawn, progress, cancelled):
    """Cover, contents and every story's pages; the outline entries, one per story."""
    toc_doc, toc_pages = toc
    dates = sorted(item.story.date for item in laid if item.story.date)
    layout.paint_cover(
        painter,
        geo,
        script,
        lab,
        title=title,
        query=convert(cover.query, script),
        collection=convert(cover.collection, script),
        count=len(laid),
        export_date=export_date(),
        dates=(dates[0], dates[-1]) if dates else ("", ""),
        selection=convert(cover.selection, script),
        filters=cover.filters,  # already in the script (filters_text)
        record=drawn,
    )
    for page in range(toc_pages):
        writer.newPage()
        layout.paint_page(
            painter,
            toc_doc,
            page,
            geo,
            script,
            header=(title, lab["contents"]),
            number=2 + page,
            record=drawn,
        )
    outline: list[OutlineEntry] = []
    for done, item in enumerate(laid, start=1):
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled")
        outline.append(OutlineEntry(item.story.title or lab["untitled"], item.start - 1))
        for page in range(item.pages):
            writer.newPage()
            layout.paint_page(
                painter,
                item.doc,
                page,
                geo,
                script,
                header=(title, item.story.title),
                number=item.start + page,
                record=drawn,
            )
        if progress is not None:
            progress(done, len(laid))
    return outline


def _toc(laid: list[_Laid], writer, geo: _Geometry, script: str, lab: dict) -> tuple[object, int]:
    """The table of contents with real page numbers; sets each story's ``start``."""
    toc_pages = 1
    while True:  # the numbers depend on the contents' own length: grow it until it fits
        page = 2 + toc_pages  # cover, then the contents
        for item in laid:
            item.start = page
            page += item.pages
        doc, links = layout.toc_document(laid, writer, geo.width, geo.height, script, lab)
        needed = max(1, doc.pageCount())
        if needed <= toc_pages:  # a page to spare stays blank, the numbers stay right
            break
        toc_pages = needed
    geo.toc_links = [
        TocLink(page=1 + link.page, rect=_to_points(link.rect, geo, link.page), target=link.target)
        for link in links
    ]
    return doc, toc_pages


def _to_points(
    rect: tuple[float, float, float, float], geo: _Geometry, page: int
) -> tuple[float, float, float, float]:
    """A body rectangle (x, y, w, h in device units, y within its page) as PDF points from bottom-left."""
    x, y, w, h = rect
    scale = 72.0 / DPI
    x0 = (geo.left + x) * scale
    x1 = (geo.left + x + w) * scale
    top = (geo.top + y) * scale
    bottom = (geo.top + y + h) * scale
    height = geo.page_height * scale
    return (x0, height - bottom, x1, height - top)


def _astral_in_order(drawn: list[str], script: str) -> list[str]:
    """Distinct characters beyond U+FFFF that the font has, in the order first painted."""
    seen: dict[str, None] = {}
    for text in drawn:
        for ch in text:
            if ord(ch) > 0xFFFF and ch not in seen:
                seen[ch] = None
    covered = fonts.covered(script, [ord(ch) for ch in seen]) if seen else set()
    return [ch for ch in seen if ord(ch) in covered]


def export_date() -> str:
    return dt.date.today().isoformat()


__all__ = ["ExportCancelled", "ExportError", "export_pdf", "reference"]
