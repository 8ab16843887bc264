"""``reader export`` end to end on a library holding the bundled archive."""

from __future__ import annotations

import bibtexparser
import pytest
import rispy
from pypdf import PdfReader

from reader import paths
from reader.cli import main


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """A library home with the bundled archive imported; the seed stories' ids."""
    index_mod = pytest.importorskip("reader.index", reason="reader.index (H3) is not there yet")
    if not hasattr(index_mod, "open_index"):
        pytest.skip("reader.index does not export open_index yet (H3)")
    home = tmp_path_factory.mktemp("home")
    index = index_mod.open_index(home)
    try:
        index.update([paths.bundled_archive()])
        from reader.index.results import SearchRequest

        ids = index.ids_for(SearchRequest(query=""))
    finally:
        index.close()
    assert ids
    return home, ids


@pytest.fixture(autouse=True)
def _qt_app(qapp):
    """pytest-qt's QApplication, so the export never makes a bare QGuiApplication other tests trip on."""
    return qapp


def run(home, *args) -> int:
    return main(["--home", str(home), "export", *args])


def test_ids_to_pdf_with_unknown_id_warned(library, tmp_path, capsys):
    home, ids = library
    out = tmp_path / "two.pdf"
    assert run(home, ids[0], "nosuchid0000000", ids[1], "--out", str(out), "--title", "测试") == 0
    err = capsys.readouterr().err
    assert "nosuchid0000000" in err and "skipped" in err
    reader = PdfReader(str(out))
    assert len(reader.outline) == 3  # contents + two stories


def test_query_to_ris_and_bibtex_by_suffix(library, tmp_path):
    home, _ids = library
    ris = tmp_path / "q.ris"
    assert run(home, "--query", "马家柚", "--out", str(ris), "--script", "zh-hant") == 0
    with open(ris, encoding="utf-8") as fh:
        entries = rispy.load(fh)
    assert entries and all(e["type_of_reference"] == "NEWS" for e in entries)
    assert any("郵" in e["title"] for e in entries)
    bib = tmp_path / "q.bib"
    assert run(home, "--query", "马家柚", "--out", str(bib)) == 0
    assert bibtexparser.parse_string(bib.read_text(encoding="utf-8")).entries


def test_bookmarks_and_collection(library, tmp_path):
    pytest.importorskip("reader.userdata", reason="reader.userdata (H4) is not there yet")
    from reader.userdata import UserData

    home, ids = library
    data = UserData.open(home)
    data.add_bookmark(ids[2])
    data.add_to_collection("上饶", [ids[0], ids[3]])
    getattr(data, "close", lambda: None)()
    out = tmp_path / "b.txt"
    assert run(home, "--bookmarks", "--out", str(out)) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    out = tmp_path / "c.csv"
    assert run(home, "--collection", "上饶", "--out", str(out), "--format", "csv") == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 3


def test_nothing_to_export_is_exit_1(library, tmp_path, capsys):
    home, _ids = library
    out = tmp_path / "none.pdf"
    assert run(home, "--query", "完全不可能出现的词语组合xyz", "--out", str(out)) == 1
    assert "nothing to export" in capsys.readouterr().err
    assert run(home, "nosuchid0000000", "--out", str(out)) == 1
    assert not out.exists()
    assert run(home, "--collection", "没有这个", "--out", str(out)) == 1


def test_unknown_suffix_needs_format(library, tmp_path, capsys):
    home, ids = library
    assert run(home, ids[0], "--out", str(tmp_path / "x.doc")) == 1
    assert "--format" in capsys.readouterr().err


def test_headless_without_qt_platform_or_display(library, tmp_path):
    """A plain shell with no QT_QPA_PLATFORM and no DISPLAY: export still works (offscreen)."""
    import os
    import subprocess
    import sys

    home, ids = library
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(paths.bundled_archive().parent)
    out = tmp_path / "headless.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--home", str(home), "export", ids[0], "--out", str(out), "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(str(out)).pages) >= 3


def test_progress_goes_to_a_terminal_only_and_counts_read_right(library, tmp_path, capsys):
    home, ids = library
    out = tmp_path / "one.pdf"
    assert run(home, ids[0], "--out", str(out)) == 0  # stderr is captured: not a terminal
    err = capsys.readouterr().err
    assert "\r" not in err and "1/1" not in err
    assert "1 story (pdf)" in err
