"""The one table of export formats (``reader.export.formats``), as the CLI and the dialog read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import build_parser
from reader.export import ExportError
from reader.export.citations import CITATION_FORMATS
from reader.export.formats import BY_NAME, FORMATS, ExportOptions, format_for_path


def test_names_suffixes_and_labels():
    assert [(f.name, f.suffix, f.label) for f in FORMATS] == [
        ("pdf", ".pdf", "PDF"),
        ("gbt7714", ".txt", "GB/T 7714 references"),
        ("ris", ".ris", "RIS"),
        ("bibtex", ".bib", "BibTeX"),
        ("csv", ".csv", "CSV"),
    ]
    assert [f.name for f in FORMATS if f.name != "pdf"] == list(CITATION_FORMATS)


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_every_suffix_asks_for_its_format(fmt):
    assert format_for_path(Path("out") / f"x{fmt.suffix}") is fmt
    assert format_for_path(f"X{fmt.suffix.upper()}") is fmt
    for other in fmt.also:
        assert format_for_path(f"x{other}") is fmt


def test_a_suffix_no_format_has_asks_for_none():
    assert format_for_path("x.docx") is None
    assert format_for_path("noext") is None


def test_the_cli_offers_exactly_the_table():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices["export"]
    option = next(a for a in sub._actions if a.dest == "format")
    assert list(option.choices) == list(BY_NAME)


@pytest.mark.parametrize("name", ["gbt7714", "ris", "bibtex", "csv"])
def test_each_citation_writer_writes_its_format(tmp_path, stories, name):
    fmt = BY_NAME[name]
    out = fmt.write(stories[:2], tmp_path / f"refs{fmt.suffix}", ExportOptions(script="zh-hant"))
    text = out.read_text(encoding="utf-8-sig")
    first = {"gbt7714": "[1] ", "ris": "TY  - NEWS", "bibtex": "@", "csv": "id,title"}[name]
    assert text.startswith(first)


def test_the_writer_keeps_an_existing_file_unless_told_to_replace(tmp_path, stories):
    out = tmp_path / "refs.ris"
    out.write_text("kept", encoding="utf-8")
    with pytest.raises(ExportError):
        BY_NAME["ris"].write(stories[:1], out, ExportOptions(replace=False))
    assert out.read_text(encoding="utf-8") == "kept"
    BY_NAME["ris"].write(stories[:1], out)  # the default replaces, as the dialog asks first
    assert out.read_text(encoding="utf-8").startswith("TY  - NEWS")
