"""Tables as CSV that spreadsheet programs open safely: UTF-8 with BOM, CRLF rows, no formulas.

The BOM makes Excel read the Chinese right; a cell starting like a formula (``=`` ``+`` ``-``
``@``, a tab or carriage return, and their full-width forms) gets a leading apostrophe, so it
shows as text instead of running. Citations (:mod:`reader.export.citations`), concordance
lines and timelines all go through here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

#: Characters that make a spreadsheet read a cell as a formula (and their full-width forms).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def cell(value: object) -> str:
    """``value`` safe as a spreadsheet cell: one starting like a formula gets a leading apostrophe."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The table as CSV text (every cell through :func:`cell`); encode with :func:`csv_bytes`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """:func:`csv_text` as UTF-8 with a BOM (a lone surrogate becomes ``?``)."""
    return csv_text(header, rows).encode("utf-8-sig", "replace")
