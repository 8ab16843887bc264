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


def test_index_exits_done_when_tag_changes_cannot_go_in_after_it(tmp_path, monkeypatch):
    """A tag change pushed by another process at the end of an import no longer makes it exit 3 "busy"."""
    from reader.cli import index as index_cli
    from reader.index.archive import ArchiveIndex
    from reader.index.locking import ImportLock
    from reader.userdata import UserData

    archive = tmp_path / "archive"
    for record in RECORDS[:3]:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    home = tmp_path / "home"
    assert reader("index", str(archive), home=home).returncode == 0
    from reader.index import SearchRequest, open_index

    library = open_index(home)
    story_id = library.ids_for(SearchRequest(query=""))[0]
    library.close()
    with UserData.open(home) as ud:
        ud.add_user_tag(story_id, "待核实")  # queued: pushed by the next import
    held: list[ImportLock] = []
    real_update = ArchiveIndex.update

    def update_then_someone_else_writes(self, *args, **kwargs):
        report = real_update(self, *args, **kwargs)
        lock = ImportLock(self.dir, self.home)  # another process pushing tags holds the index now
        lock.acquire()
        held.append(lock)
        return report

    monkeypatch.setattr(ArchiveIndex, "update", update_then_someone_else_writes)
    monkeypatch.setattr(index_cli, "QUEUE_RETRIES", 1)
    try:
        result = reader("index", "--json", home=home)
    finally:
        for lock in held:
            lock.release()
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["unchanged"] == 3 and data["total"] == 3
    assert "wait for the next change or import" in data["notes"][0]
    with UserData.open(home) as ud:
        assert ud.pending_refresh()[0]  # still queued, not lost
