"""``reader index``: JSON summary, incremental re-runs, failures, re-scan of known roots."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import reader
from tests.helpers.records import RECORDS, write_jsonl


def test_index_json_and_rerun(tmp_path):
    archive = tmp_path / "archive"
    for record in RECORDS[:4]:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    (archive / "empty.txt").write_bytes(b"")
    home = tmp_path / "home"
    first = reader("index", str(archive), "--json", home=home)
    assert first.returncode == 1, first.stderr  # one file failed, the rest imported
    data = json.loads(first.stdout)
    assert data["added"] == 4 and data["total"] == 4
    assert [Path(f["file"]).name for f in data["failed"]] == ["empty.txt"]
    assert data["failed"][0]["reason"]
    (archive / "empty.txt").unlink()
    again = reader("index", "--json", home=home)  # no PATH: the roots imported before
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert (data["added"], data["updated"], data["unchanged"]) == (0, 0, 4)
    human = reader("index", home=home)
    assert human.returncode == 0 and "added 0" in human.stdout and "unchanged 4" in human.stdout
    assert human.stderr == ""  # no progress bar when stderr is not a terminal


def test_index_without_paths_or_roots_says_so(tmp_path):
    result = reader("index", home=tmp_path / "home")
    assert result.returncode == 2 and "nothing to index" in result.stderr


def test_the_bundled_archive_imports(tmp_path, archive_dir):
    result = reader("index", str(archive_dir), "--json", home=tmp_path / "home")
    data = json.loads(result.stdout)
    assert data["added"] >= 1 and data["total"] >= 1


def test_index_sample_imports_the_shipped_archive(tmp_path):
    home = tmp_path / "home"
    result = reader("index", "--sample", "--json", home=home)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] > 0
    found = reader("search", "上饶", "--json", home=home)
    assert found.returncode == 0 and json.loads(found.stdout)["total"] > 0
