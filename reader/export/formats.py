"""The export formats, defined once: name, file suffix, label and writer of each.

``reader export`` (``--format`` and the ``--out`` suffix) and the export dialog (its
format list, the suffix it gives the file) both read :data:`FORMATS`. Every writer
takes the same :class:`ExportOptions`; the citation formats ignore what only a PDF
prints (title, query, filters, progress).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.export.citations import export_citations
from reader.story import Story


@dataclass(frozen=True)
class ExportOptions:
    """How to write one export (see :func:`reader.export.pdf.export_pdf` for the PDF-only ones)."""

    script: str = "zh-hans"
    title: str = ""
    query: str = ""
    collection: str = ""
    selection: str = ""
    filters: str = ""
    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    replace: bool = True


Writer = Callable[[list[Story], Path, ExportOptions], Path]


@dataclass(frozen=True)
class ExportFormat:
    """One format: ``name`` as ``--format`` takes it, the ``suffix`` its files get, an English
    ``label`` for menus (the GUI translates it), the ``writer``, and other suffixes read as it."""

    name: str
    suffix: str
    label: str
    writer: Writer
    also: tuple[str, ...] = ()

    def write(self, stories: list[Story], out: Path, options: ExportOptions | None = None) -> Path:
        """Write ``stories`` to ``out``; returns ``out`` (raises ``ExportError`` when it cannot)."""
        return self.writer(stories, Path(out), options or ExportOptions())


def _write_pdf(stories: list[Story], out: Path, options: ExportOptions) -> Path:
    # Imported when a PDF is written: it loads Qt, which `reader export --format ris` never needs.
    from reader.export.pdf import export_pdf

    return export_pdf(
        stories,
        out,
        script=options.script,
        title=options.title,
        query=options.query,
        collection=options.collection,
        selection=options.selection,
        filters=options.filters,
        progress=options.progress,
        cancelled=options.cancelled,
        replace=options.replace,
    )


def _citations(fmt: str) -> Writer:
    def write(stories: list[Story], out: Path, options: ExportOptions) -> Path:
        return export_citations(stories, out, fmt, script=options.script, replace=options.replace)

    return write


#: Every format, in the order menus list them.
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("pdf", ".pdf", "PDF", _write_pdf),
    ExportFormat("gbt7714", ".txt", "GB/T 7714 references", _citations("gbt7714")),
    ExportFormat("ris", ".ris", "RIS", _citations("ris")),
    ExportFormat("bibtex", ".bib", "BibTeX", _citations("bibtex"), also=(".bibtex",)),
    ExportFormat("csv", ".csv", "CSV", _citations("csv")),
)

#: Formats by name.
BY_NAME = {f.name: f for f in FORMATS}


def format_for_path(out: Path | str) -> ExportFormat | None:
    """The format a file name's suffix asks for (``.bib`` -> BibTeX), None when it asks for none."""
    suffix = Path(out).suffix.lower()
    for fmt in FORMATS:
        if suffix == fmt.suffix or suffix in fmt.also:
            return fmt
    return None
