"""Citations: GB/T 7714 lines for the seed stories; RIS, BibTeX and CSV parse back."""

from __future__ import annotations

import csv

import bibtexparser
import pytest
import rispy

from reader.export import ExportError
from reader.export.citations import CITATION_FORMATS, bibtex_text, export_citations, ris_text
from reader.export.gbt7714 import reference
from tests.helpers.export import made_story


def seed(stories):
    return [s for s in stories if "000_d96a957ce2900ba2" in s.file]


def test_gbt7714_lines_for_the_seed_stories(stories, tmp_path):
    out = export_citations(seed(stories), tmp_path / "refs.txt", "gbt7714")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[1] 蔡文逸. 朝着春天出发[N]. 刘长胜问答网, 2024-05-24."
    assert lines[1] == "[2] 凝聚开新局的力量[N]. 刘长胜问答网, 2024-05-24."  # no author: title first
    assert lines[2] == "[3] 龚俊慧, 徐骞. 扎根基层乐奉献[N]. 刘长胜问答网, 2024-05-24."


def test_gbt7714_traditional_and_rules_for_many_authors_and_online():
    story = made_story(
        "朝着春天出发",
        ["正文"],
        authors=["甲", "乙", "丙", "丁"],
        source="某报",
        date="2024-05-24",
        url="https://example.org/a",
    )
    import datetime as dt

    assert reference(story, cited=dt.date(2026, 1, 2)) == (
        "甲, 乙, 丙, 等. 朝着春天出发[N/OL]. 某报, 2024-05-24[2026-01-02]. https://example.org/a."
    )
    latin = made_story("Title", ["x"], authors=["Smith J", "Doe A", "Roe B", "Poe C"], source="Daily")
    assert reference(latin).startswith("Smith J, Doe A, Roe B, et al. Title[N]. Daily.")


def test_gbt7714_gives_the_page_of_a_print_edition():
    story = made_story(
        "中国对外开放不会放慢节奏",
        ["正文"],
        source="人民日报",
        date="2016-02-20",
        edition="《人民日报》（2016年02月20日02版）",
    )
    assert reference(story) == "中国对外开放不会放慢节奏[N]. 人民日报, 2016-02-20(02)."
    spaced_edition = "《 人民日报 》（ 2024年05月06日 第 04 版）"
    spaced = made_story("题", ["正文"], source="人民日报", date="2024-05-06", edition=spaced_edition)
    assert reference(spaced).endswith("人民日报, 2024-05-06(04).")
    ris = rispy.loads(ris_text([story]))[0]
    assert ris["start_page"] == "02"
    (entry,) = bibtexparser.parse_string(bibtex_text([story])).entries
    assert entry["pages"] == "02"


def test_ris_parses_with_rispy(stories, tmp_path):
    out = export_citations(stories, tmp_path / "refs.ris", "ris", script="zh-hant")
    with open(out, encoding="utf-8") as fh:
        entries = rispy.load(fh)
    assert len(entries) == len(stories)
    first = entries[0]
    assert first["type_of_reference"] == "NEWS"
    assert first["title"] == "朝着春天出發" or first["title"].startswith("朝著")
    assert first["authors"] == ["蔡文逸"]
    # issue 13: sources and authors are proper names, cited as printed in every script
    assert first["journal_name"] == "刘长胜问答网"
    assert first["year"] == "2024"
    assert any("000_d96a957ce2900ba2" in note for note in first["notes"])


def test_bibtex_parses_with_unique_keys_and_escapes(stories, tmp_path):
    tricky = made_story(
        "50% of {A} & B_c #1 ~ $x$ \\ end", ["x"], authors=["王五"], source="某报", date="2024-05-24"
    )
    twin = made_story(
        "50% of {A} & B_c #1 ~ $x$ \\ end", ["x"], authors=["王五"], date="2024-05-24", file="other.txt"
    )
    selection = stories + [tricky, tricky, twin]
    out = export_citations(selection, tmp_path / "refs.bib", "bibtex")
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    keys = [e.key for e in library.entries]
    assert len(keys) == len(selection) and len(set(keys)) == len(keys)
    first = library.entries[0]
    assert first.entry_type == "article"
    assert first["journal"] == "刘长胜问答网" and first["author"] == "蔡文逸" and first["year"] == "2024"
    assert library.entries[-1].entry_type == "misc"
    assert library.entries[-2]["title"] == r"50\% of \{A\} \& B\_c \#1 \~{} \$x\$ \textbackslash{} end"


def test_csv_reads_back(stories, tmp_path):
    out = export_citations(stories, tmp_path / "refs.csv", "csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(stories)
    assert rows[0]["title"] == stories[0].title
    assert rows[0]["authors"] == "; ".join(stories[0].authors)
    assert rows[0]["file"] == stories[0].file
    assert rows[0]["reference"] == reference(stories[0])


def test_bad_format_and_empty_selection(stories, tmp_path):
    assert CITATION_FORMATS == ("gbt7714", "ris", "bibtex", "csv")
    with pytest.raises(ExportError, match="unknown citation format"):
        export_citations(stories, tmp_path / "x", "endnote")
    with pytest.raises(ExportError, match="nothing to export"):
        export_citations([], tmp_path / "x.ris", "ris")


def test_citations_name_authors_and_sources_as_printed_in_every_script(stories, tmp_path):
    signed = next(s for s in seed(stories) if s.authors == ["黄騑鸿"])
    for script in ("zh-hans", "zh-hant", "zh-hk"):
        text = export_citations([signed], tmp_path / f"refs-{script}.txt", "gbt7714", script).read_text(
            encoding="utf-8"
        )
        assert text.startswith("[1] 黄騑鸿. "), text
        assert "刘长胜问答网" in text
        ris = export_citations([signed], tmp_path / f"refs-{script}.ris", "ris", script).read_text(
            encoding="utf-8"
        )
        assert "AU  - 黄騑鸿" in ris


def test_a_simplified_story_exported_as_simplified_is_not_rewritten(stories):
    from reader.export.scripts import convert_story

    signed = next(s for s in seed(stories) if s.authors == ["黄騑鸿"])
    same = convert_story(signed, "zh-hans")
    assert same.authors == ["黄騑鸿"]
    assert same.paragraphs == signed.paragraphs and same.title == signed.title
    assert "𬴂" not in "".join(same.paragraphs)
    assert convert_story(signed, "zh-hant").title != signed.title  # a change of script still converts


def test_citation_files_get_the_permissions_pdfs_get(stories, tmp_path):
    import os
    import stat

    from reader.export.pdf import export_pdf

    mask = os.umask(0o022)
    os.umask(mask)
    want = 0o666 & ~mask
    pdf = export_pdf(seed(stories)[:1], tmp_path / "one.pdf")
    modes = {"pdf": stat.S_IMODE(pdf.stat().st_mode)}
    for fmt, ext in (("gbt7714", ".txt"), ("ris", ".ris"), ("bibtex", ".bib"), ("csv", ".csv")):
        out = export_citations(seed(stories)[:1], tmp_path / f"one{ext}", fmt)
        modes[fmt] = stat.S_IMODE(out.stat().st_mode)
    assert set(modes.values()) == {want}, {k: oct(v) for k, v in modes.items()}
