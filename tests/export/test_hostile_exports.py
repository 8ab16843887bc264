"""Exports that a spreadsheet or reference manager opens without a formula run or a forged record,
and ``--out`` that never silently replaces what is there.

Before: CSV cells starting with = + - @ were written as they were; a URL or file name with a
newline forged RIS records (28 stories gave 30); ``--out`` replaced files, symlinks, FIFOs and
devices without asking, with mode 0600.
"""

from __future__ import annotations

import csv
import os
import stat
import threading

import bibtexparser
import pytest
import rispy

from reader.cli import main
from reader.export import ExportError
from reader.export.citations import export_citations
from tests.helpers.export import made_story

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠x", "\t=1"]


def hostile_stories():
    out = []
    for i, bad in enumerate(FORMULAS):
        out.append(
            made_story(
                bad,
                [f"正文{i}"],
                authors=[bad],
                source=bad,
                url=f"http://example.org/{i}\nTY  - NEWS\nTI  - forged\nER  - ",
                file=f"evil{i}\nER  - \n\nTY  - JOUR\nTI  - forged.txt",
                column="评论\r\nER  - ",
            )
        )
    return out


def test_csv_cells_that_start_like_formulas_are_text(tmp_path):
    out = export_citations(hostile_stories(), tmp_path / "refs.csv", "csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + len(FORMULAS)
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")), row
    assert rows[1][1] == "'" + FORMULAS[0]  # kept, only made inert


def test_ris_fields_cannot_forge_records(tmp_path):
    stories = hostile_stories()
    out = export_citations(stories, tmp_path / "refs.ris", "ris")
    with open(out, encoding="utf-8") as fh:
        entries = rispy.load(fh)
    assert len(entries) == len(stories)
    assert all(e["type_of_reference"] == "NEWS" for e in entries)
    assert not any(e.get("title") == "forged" for e in entries)


def test_bibtex_fields_cannot_break_out(tmp_path):
    stories = hostile_stories()
    stories[0].title = "a}, title = {forged} , x = {"
    out = export_citations(stories, tmp_path / "refs.bib", "bibtex")
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert len(library.entries) == len(stories) and not library.failed_blocks
    assert all("\n" not in field.value for e in library.entries for field in e.fields)
    assert "forged" in library.entries[0]["title"] and "x" not in library.entries[0].fields_dict


@pytest.fixture
def home_with_story(tmp_path, archive_dir):
    from reader.index import SearchRequest, open_index

    home = tmp_path / "home"
    index = open_index(home)
    index.update([archive_dir])
    story_id = index.ids_for(SearchRequest(query=""))[0]
    index.close()
    return home, story_id


def _export(home, story_id, out, *extra) -> int:
    return main(["--home", str(home), "export", story_id, "--out", str(out), *extra])


def test_out_refuses_to_replace_without_force(home_with_story, tmp_path, capsys):
    home, story_id = home_with_story
    out = tmp_path / "refs.ris"
    out.write_text("keep me", encoding="utf-8")
    assert _export(home, story_id, out) == 1
    assert "already exists" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "keep me"
    assert _export(home, story_id, out, "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("TY  - NEWS")


@pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs, umask are POSIX")
def test_out_symlink_fifo_device_and_mode(home_with_story, tmp_path, capsys):
    home, story_id = home_with_story
    target = tmp_path / "elsewhere.txt"
    target.write_text("precious", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert _export(home, story_id, link) == 1 and "symbolic link" in capsys.readouterr().err
    assert _export(home, story_id, link, "--force") == 0
    assert (
        target.read_text(encoding="utf-8") == "precious" and not link.is_symlink()
    )  # link replaced, not followed
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    codes: list[int] = []
    worker = threading.Thread(
        target=lambda: codes.append(_export(home, story_id, fifo, "--force")), daemon=True
    )
    worker.start()
    worker.join(30)
    assert codes == [1] and "FIFO" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _export(home, story_id, "/dev/null", "--force", "--format", "csv") == 1
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.bib"
        assert _export(home, story_id, fresh) == 0
        assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o644
        pdf = tmp_path / "fresh.pdf"
        assert _export(home, story_id, pdf, "--quiet") == 0
        assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o644
    finally:
        os.umask(old)


def test_library_call_refuses_a_fifo_even_when_replacing(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "p.ris"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="FIFO"):
        export_citations(hostile_stories(), fifo, "ris", replace=True)
