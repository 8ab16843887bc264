"""The selected stories as references: GB/T 7714 text, RIS, BibTeX or CSV.

Every format carries title, authors, source, date, column and the file the story
came from (and its URL when known). Text is converted to the chosen script first.
RIS uses type NEWS (rispy's tags); BibTeX uses ``@article`` with
``journal = source`` (``@misc`` when the source is unknown), with LaTeX specials
escaped and keys made unique (``cai2024chao``, ``cai2024chao-b`` ...).

Safe for the programs that open them: no value breaks out of its field or record (line
breaks become spaces, so a title or file name cannot forge an RIS tag or record), and a
CSV cell that starts like a formula (``=`` ``+`` ``-`` ``@``, full-width too) is written
with a leading apostrophe so that spreadsheets show it as text.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reader.atomicfile import write_output
from reader.export import ExportError, sheets
from reader.export.gbt7714 import print_page, reference
from reader.export.scripts import citable_story
from reader.safefiles import OutputExists, shown
from reader.story import Story

#: Formats this module writes (their suffixes and labels: ``reader.export.formats``).
CITATION_FORMATS = ("gbt7714", "ris", "bibtex", "csv")

CSV_FIELDS = ("id", "title", "subtitle", "authors", "source", "date", "column", "url", "file", "reference")


def export_citations(
    stories: list[Story], out: Path, fmt: str, script: str = "zh-hans", *, replace: bool = True
) -> Path:
    """Write ``stories`` to ``out`` in ``fmt`` (one of :data:`CITATION_FORMATS`); returns ``out``.

    An existing file or link at ``out`` is replaced only with ``replace`` (``reader export``
    passes ``--force``); a FIFO or device there never is (:class:`ExportError`).
    """
    if fmt not in CITATION_FORMATS:
        raise ExportError(f"unknown citation format {fmt!r}; use one of {', '.join(CITATION_FORMATS)}")
    if not stories:
        raise ExportError("nothing to export: no stories selected")
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: folder does not exist")
    converted = [citable_story(s, script) for s in stories]  # names as printed
    text = {"gbt7714": gbt7714_text, "ris": ris_text, "bibtex": bibtex_text, "csv": csv_text}[fmt](converted)
    data = text.encode("utf-8-sig" if fmt == "csv" else "utf-8", "replace")  # a lone surrogate: ?
    try:
        write_output(out, data, replace=replace)
    except OutputExists as exc:
        raise ExportError(str(exc)) from None
    return out


def gbt7714_text(stories: list[Story]) -> str:
    """A numbered reference list: ``[1] 蔡文逸. 朝着春天出发[N]. 刘长胜问答网, 2024-05-24.``"""
    return "".join(f"[{n}] {_one_line(reference(s))}\n" for n, s in enumerate(stories, start=1))


def _one_line(text: str) -> str:
    """``text`` on one line: every line break (\\n, \\r, U+2028, U+0085 ...) and run of spaces one space.

    A value with a line break could otherwise start a forged RIS tag or record of its own.
    """
    return " ".join(str(text).split())


def _file_value(file: str) -> str:
    """A story's file name as one line of readable text (odd bytes and newlines escaped)."""
    return _one_line(shown(file))


def ris_text(stories: list[Story]) -> str:
    """RIS records of type NEWS."""
    lines: list[str] = []
    for s in stories:
        lines.append("TY  - NEWS")
        lines.append(f"TI  - {_one_line(s.title)}")
        if s.subtitle:
            lines.append(f"T2  - {_one_line(s.subtitle)}")
        lines.extend(f"AU  - {_one_line(a)}" for a in s.authors if a.strip())
        if s.source:
            lines.append(f"JO  - {_one_line(s.source)}")
        if s.date:
            lines.append(f"PY  - {s.date[:4]}")
            lines.append(f"DA  - {s.date.replace('-', '/')}")
        if print_page(s):
            lines.append(f"SP  - {print_page(s)}")
        if s.column:
            lines.append(f"SE  - {_one_line(s.column)}")
        if s.place:
            lines.append(f"CY  - {_one_line(s.place)}")
        if s.url:
            lines.append(f"UR  - {_one_line(s.url)}")
        lines.append(f"N1  - file: {_file_value(s.file)}")
        lines.append(f"ID  - {_one_line(s.id)}")
        lines.append("LA  - zh")
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def bib_escape(text: str) -> str:
    """``text`` safe inside a braced BibTeX value (LaTeX specials escaped, one line)."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in _one_line(text))


def _key_part(text: str) -> str:
    """ASCII letters for a key: pinyin-free, so CJK falls back to the story id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def _keys(stories: list[Story]) -> list[str]:
    seen: dict[str, int] = {}
    keys = []
    for s in stories:
        author = _key_part(s.authors[0]) if s.authors else ""
        year = s.date[:4] if s.date[:4].isdigit() else "nd"
        base = f"{author or 'story'}{year}-{re.sub(r'[^A-Za-z0-9]', '', s.id)[:8] or 'x'}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        keys.append(base if count == 0 else f"{base}-{count + 1}")
    return keys


def bibtex_text(stories: list[Story]) -> str:
    """BibTeX entries: ``@article`` (journal = source) or ``@misc`` without a source."""
    entries = []
    for s, key in zip(stories, _keys(stories), strict=True):
        kind = "article" if s.source else "misc"
        fields = [("title", s.title)]
        if s.subtitle:
            fields.append(("subtitle", s.subtitle))
        if s.authors:
            fields.append(("author", " and ".join(a.strip() for a in s.authors if a.strip())))
        if s.source:
            fields.append(("journal", s.source))
        if s.date:
            fields.append(("date", s.date))
            fields.append(("year", s.date[:4]))
            if len(s.date) >= 7 and s.date[5:7].isdigit():
                fields.append(("month", str(int(s.date[5:7]))))
        if print_page(s):
            fields.append(("pages", print_page(s)))
        if s.column:
            fields.append(("note", s.column))
        if s.url:
            fields.append(("url", s.url.strip()))
        fields.append(("file", _file_value(s.file)))
        fields.append(("language", "chinese"))
        body = ",\n".join(f"  {name} = {{{bib_escape(value)}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def csv_text(stories: list[Story]) -> str:
    """One row per story (UTF-8 with BOM so spreadsheet programs read the Chinese right)."""
    rows = (
        [
            s.id,
            s.title,
            s.subtitle,
            "; ".join(s.authors),
            s.source,
            s.date,
            s.column,
            s.url,
            shown(s.file),
            reference(s),
        ]
        for s in stories
    )
    return sheets.csv_text(CSV_FIELDS, rows)
