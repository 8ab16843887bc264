"""The selected stories as references: GB/T 7714 text, RIS, BibTeX or CSV.

Every format carries title, authors, source, date, column and the file the story
came from (and its URL when known). Text is converted to the chosen script first.
RIS uses type NEWS (rispy's tags); BibTeX uses ``@article`` with
``journal = source`` (``@misc`` when the source is unknown), with LaTeX specials
escaped and keys made unique (``cai2024chao``, ``cai2024chao-b`` ...).
"""

from __future__ import annotations

import csv
import io
import os
import re
import secrets
import unicodedata
from pathlib import Path

from reader.export import ExportError
from reader.export.gbt7714 import reference
from reader.export.scripts import citable_story
from reader.story import Story

#: Formats, in the order menus list them.
CITATION_FORMATS = ("gbt7714", "ris", "bibtex", "csv")

#: File suffix per format.
SUFFIXES = {"gbt7714": ".txt", "ris": ".ris", "bibtex": ".bib", "csv": ".csv"}

CSV_FIELDS = ("id", "title", "subtitle", "authors", "source", "date", "column", "url", "file", "reference")


def export_citations(stories: list[Story], out: Path, fmt: str, script: str = "zh-hans") -> Path:
    """Write ``stories`` to ``out`` in ``fmt`` (one of :data:`CITATION_FORMATS`); returns ``out``."""
    if fmt not in CITATION_FORMATS:
        raise ExportError(f"unknown citation format {fmt!r}; use one of {', '.join(CITATION_FORMATS)}")
    if not stories:
        raise ExportError("nothing to export: no stories selected")
    out = Path(out)
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: folder does not exist")
    converted = [citable_story(s, script) for s in stories]  # names as printed
    text = {"gbt7714": gbt7714_text, "ris": ris_text, "bibtex": bibtex_text, "csv": csv_text}[fmt](converted)
    fd, tmp = _new_part_file(out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def _new_part_file(out: Path) -> tuple[int, str]:
    """A new hidden file beside ``out`` created as any new file is (mode 0666 less the umask, as the
    PDF gets), unlike ``mkstemp``'s 0600; replaced onto ``out`` when written."""
    for _ in range(100):
        tmp = str(out.parent / f".{out.stem}.{secrets.token_hex(4)}.part")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise ExportError(f"{out.parent}: cannot create a temporary file")


def gbt7714_text(stories: list[Story]) -> str:
    """A numbered reference list: ``[1] 蔡文逸. 朝着春天出发[N]. 刘长胜问答网, 2024-05-24.``"""
    return "".join(f"[{n}] {reference(s)}\n" for n, s in enumerate(stories, start=1))


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
        if s.column:
            lines.append(f"SE  - {_one_line(s.column)}")
        if s.place:
            lines.append(f"CY  - {_one_line(s.place)}")
        if s.url:
            lines.append(f"UR  - {s.url.strip()}")
        lines.append(f"N1  - file: {s.file}")
        lines.append(f"ID  - {s.id}")
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
        base = f"{author or 'story'}{year}-{s.id[:8] or 'x'}"
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
            if len(s.date) >= 7:
                fields.append(("month", str(int(s.date[5:7]))))
        if s.column:
            fields.append(("note", s.column))
        if s.url:
            fields.append(("url", s.url.strip()))
        fields.append(("file", s.file))
        fields.append(("language", "chinese"))
        body = ",\n".join(f"  {name} = {{{bib_escape(value)}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def csv_text(stories: list[Story]) -> str:
    """One row per story (UTF-8 with BOM so spreadsheet programs read the Chinese right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for s in stories:
        writer.writerow(
            [
                s.id,
                s.title,
                s.subtitle,
                "; ".join(s.authors),
                s.source,
                s.date,
                s.column,
                s.url,
                s.file,
                reference(s),
            ]
        )
    return buffer.getvalue()
