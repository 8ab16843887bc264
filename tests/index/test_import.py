"""Importing: incremental add/change/remove, rebuild, failures, kill -9 mid-import, the busy lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.index import LibraryBusy, SearchRequest, open_index
from reader.index.locking import ImportLock
from tests.helpers.records import RECORDS, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def ids(library, query=""):
    return set(library.ids_for(SearchRequest(query=query)))


def make_archive(folder: Path, records=RECORDS) -> Path:
    for record in records:
        write_jsonl(folder / f"{record['id']}.jsonl", [record])
    return folder


def test_incremental_add_change_remove(tmp_path):
    archive = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    first = library.update([archive])
    assert (first.added, first.updated, first.removed, first.unchanged) == (len(RECORDS), 0, 0, 0)
    assert library.count() == len(RECORDS)

    again = library.update([archive])
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, len(RECORDS))
    assert again.stories == 0

    # change one, remove one, add one; touch another without changing it
    changed = dict(RECORDS[0], title="赣南脐橙上市", content="全新的内容：赣南脐橙大量上市。")
    write_jsonl(archive / "a1.jsonl", [changed])
    (archive / "a3.jsonl").unlink()
    write_jsonl(archive / "new.jsonl", [dict(RECORDS[4], id="n1", title="新的一篇", content="脐橙丰收")])
    touched = archive / "a5.jsonl"
    os.utime(touched, (time.time() + 5, time.time() + 5))

    report = library.update([])  # no paths: the roots imported before
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, len(RECORDS) - 2)
    assert library.count() == len(RECORDS)
    assert len(ids(library, "脐橙")) == 2
    assert len(ids(library, "上饶")) == 2  # a2 (traditional) and a7
    assert ids(library, "马家柚") == set()  # a1's old text is gone
    assert ids(library, "院子") == set()  # a3 removed
    assert library.roots() == [str(archive.resolve())]

    quiet = library.update([])
    assert (quiet.added, quiet.updated, quiet.removed) == (0, 0, 0)
    library.close()


def test_rebuild_starts_again(tmp_path):
    archive = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    library.update([archive])
    before = ids(library)
    report = library.update([], rebuild=True)
    assert report.added == len(RECORDS) and report.unchanged == 0
    assert ids(library) == before
    assert library.roots() == [str(archive.resolve())]


def test_failures_are_reported_and_the_rest_imported(tmp_path):
    archive = make_archive(tmp_path / "archive", RECORDS[:3])
    (archive / "empty.txt").write_bytes(b"")
    (archive / "broken.jsonl").write_text(
        '{"title": "好", "content": "正文正文正文"}\n{not json\n', encoding="utf-8"
    )
    library = open_index(tmp_path / "home")
    report = library.update([archive, tmp_path / "missing-folder"])
    failed = {Path(p.file).name: p.reason for p in report.failed}
    assert "empty.txt" in failed and "missing-folder" in failed
    assert any("broken.jsonl" in name or "broken.jsonl" in reason for name, reason in failed.items())
    assert library.count() >= 3


def test_progress_and_cancel(tmp_path):
    archive = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    seen = []
    report = library.update(
        [archive], progress=lambda d, t, f: seen.append((d, t)), cancelled=lambda: len(seen) >= 3
    )
    assert report.cancelled and seen[-1][0] == 3 and seen[-1][1] == len(RECORDS)
    assert library.count() == 3  # what was done is committed
    rest = library.update([archive])
    assert rest.added == len(RECORDS) - 3 and library.count() == len(RECORDS)


def test_set_tags_rewrites_one_story(tmp_path):
    archive = make_archive(tmp_path / "archive", RECORDS[:2])
    library = open_index(tmp_path / "home")
    library.update([archive])
    story_id = sorted(ids(library, "马家柚"))[0]
    library.set_tags(story_id, ["user:重要", "place:上饶"])
    assert library.get(story_id).tags == ["user:重要", "place:上饶"]
    assert ids(library, "马家柚") == {story_id}
    results = library.search(SearchRequest(filters={"tag": ["user:重要"]}))
    assert [h.id for h in results.hits] == [story_id]
    assert library.count() == 2


def test_second_writer_is_refused(tmp_path):
    archive = make_archive(tmp_path / "archive", RECORDS[:2])
    home = tmp_path / "home"
    library = open_index(home)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from reader.index.locking import ImportLock
            lock = ImportLock(Path({str(library.dir)!r}), Path({str(home)!r}))
            lock.acquire()
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LibraryBusy, match="library busy: another reader process is importing into"):
            library.update([archive])
        assert library.count() == 0
        cli = subprocess.run(
            [sys.executable, "-m", "reader", "--home", str(home), "index", str(archive)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 3 and "library busy" in cli.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # the OS released the dead holder's lock
    assert library.update([archive]).added == 2
    with ImportLock(library.dir, home):
        pass


KILL_SCRIPT = """
import sys
from pathlib import Path
from reader.index import open_index


def progress(done, total, current):
    print(done, flush=True)


if __name__ == "__main__":
    lib = open_index(Path(sys.argv[1]))
    lib.commit_files = 16
    lib.update([Path(sys.argv[2])], progress=progress)
    print("finished", flush=True)
"""


def test_kill_9_mid_import_leaves_a_usable_index(tmp_path):
    archive = tmp_path / "archive"
    n = 240
    for i in range(n):
        write_jsonl(
            archive / f"{i:04d}.jsonl",
            [{"id": f"k{i}", "title": f"第{i}号新闻 上饶", "content": f"上饶马家柚 编号{i} 今日上市。"}],
        )
    script = tmp_path / "importer.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    home = tmp_path / "home"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for kill_after in (40, 130):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(home), str(archive)], stdout=subprocess.PIPE, text=True, env=env
        )
        done = 0
        for line in proc.stdout:
            if line.strip().isdigit():
                done = int(line)
            if done >= kill_after or line.startswith("finished"):
                break
        proc.kill()  # SIGKILL
        proc.wait()
        library = open_index(home)  # opens cleanly at the last commit
        stored = library.ids_for(SearchRequest())
        assert len(stored) == library.count() <= n
        assert set(library.ids_for(SearchRequest(query="马家柚"))) == set(stored)
        manifest = library._manifest()
        assert {i for row in manifest.values() for i in row["ids"]} == set(
            stored
        )  # manifest == committed stories
        library.close()
    library = open_index(home)
    report = library.update([archive])  # the next import completes
    assert report.failed == []
    assert library.count() == n
    assert report.added + report.unchanged == n
    assert len(library.ids_for(SearchRequest(query="上饶"))) == n
    assert len(library.ids_for(SearchRequest(query='"编号17 今日"'))) == 1


def test_searching_while_importing_in_another_thread(tmp_path):
    import threading

    archive = tmp_path / "archive"
    for i in range(60):
        write_jsonl(
            archive / f"{i:03d}.jsonl", [{"id": f"t{i}", "title": f"线程{i}", "content": f"上饶新闻 第{i}篇"}]
        )
    library = open_index(tmp_path / "home")
    library.commit_files = 10
    counts, errors = [], []
    done = threading.Event()

    def importer():
        try:
            library.update([archive])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=importer)
    thread.start()
    while not done.is_set():
        try:
            counts.append(library.search(SearchRequest(query="上饶")).total)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
            break
    thread.join()
    assert not errors
    assert counts == sorted(counts)  # results only grow as commits land
    assert library.search(SearchRequest(query="上饶")).total == 60


def _index_files(library) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in library.dir.iterdir() if p.suffix in (".seg", ".toc")}


def test_a_rerun_on_an_unchanged_folder_writes_nothing(tmp_path):
    """No new segment, no new table of contents: repeated re-runs used to leave a one-document
    segment each (the import roots written again) and merge them every ninth run."""
    archive = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    library.update([archive])
    before = _index_files(library)
    for _ in range(3):
        report = library.update([archive])
        assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, len(RECORDS))
    assert library.update([]).unchanged == len(RECORDS)
    assert _index_files(library) == before
    assert library.roots() == [str(archive.resolve())] and library.count() == len(RECORDS)
    # a new root is written (and kept) as before
    other = make_archive(tmp_path / "other", [dict(RECORDS[0], id="o1", title="另一个文件夹")])
    library.update([other])
    assert library.roots() == [str(archive.resolve()), str(other.resolve())]
    assert library.update([]).unchanged == len(RECORDS) + 1
    library.close()


def test_a_segment_whose_stories_are_all_removed_is_dropped(tmp_path):
    archive = make_archive(tmp_path / "archive", RECORDS[:3])
    library = open_index(tmp_path / "home")
    library.update([archive])
    extra = make_archive(tmp_path / "archive" / "extra", RECORDS[3:6])
    library.update([archive])
    segments = {p.name for p in library.dir.glob("*.seg")}
    assert len(segments) >= 2  # the second import's files are a segment of their own
    for path in extra.iterdir():
        path.unlink()
    report = library.update([archive])
    assert report.removed == 3
    left = {p.name for p in library.dir.glob("*.seg")}
    assert len(left) < len(segments)  # the emptied segment's files are gone, not kept with all deleted
    assert library.count() == 3
    library.close()


def test_a_commit_of_another_library_object_is_seen_by_the_next_search(tmp_path):
    archive = tmp_path / "archive"
    write_jsonl(archive / "a.jsonl", RECORDS[:3])
    reading = open_index(tmp_path / "home")
    writing = open_index(tmp_path / "home")
    writing.update([archive])
    assert reading.search(SearchRequest(query="")).total == 3
    write_jsonl(archive / "b.jsonl", RECORDS[3:5])
    writing.update([archive])
    assert reading.search(SearchRequest(query="")).total == 5
    writing.close()
    reading.close()


def test_an_unchanged_settled_folder_is_not_listed_for_newer_commits_at_each_search(tmp_path, monkeypatch):
    """Whoosh's check lists the folder: a tenth of a two-word search."""
    from reader.index import archive as archive_module

    folder = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    library.update([folder])
    library.search(SearchRequest(query=""))
    searcher = library._get_searcher()
    checks = []
    real = searcher.up_to_date
    monkeypatch.setattr(searcher, "up_to_date", lambda: checks.append(1) or real())
    mtime = os.stat(library.dir).st_mtime_ns
    # seen just now: not yet trusted (a change within the same timestamp tick would not show)
    library._folder_seen = (mtime, mtime + archive_module._SETTLED_NS // 2)
    library.search(SearchRequest(query="上饶"))
    assert checks == [1]
    # seen long after it was last changed: trusted while it stays the same
    library._folder_seen = (mtime, mtime + 2 * archive_module._SETTLED_NS)
    library.search(SearchRequest(query="上饶"))
    library.search(SearchRequest(query="马家柚"))
    assert checks == [1]
    # a commit adds a table of contents: the folder's mtime moves, the check is made
    os.utime(library.dir, ns=(mtime + 10**9, mtime + 10**9))
    library.search(SearchRequest(query="上饶"))
    assert checks == [1, 1]
    library.close()


def test_touched_unchanged_files_open_one_searcher_a_writer_and_replace_their_rows(tmp_path, monkeypatch):
    """Each ``update_document`` opened a reader over every segment: 10,000 touched files, 4 s."""
    from reader.index.storage.writer import FastWriter

    archive = make_archive(tmp_path / "archive")
    library = open_index(tmp_path / "home")
    library.update([archive])
    before = {q: ids(library, q) for q in ("", "上饶", "马家柚")}
    later = time.time() + 5
    for path in archive.iterdir():
        os.utime(path, (later, later))
    opened = []
    searcher = FastWriter.searcher

    def counted(self, **kwargs):
        opened.append(self)
        return searcher(self, **kwargs)

    monkeypatch.setattr(FastWriter, "searcher", counted)
    report = library.update([])
    assert report.unchanged == len(RECORDS) and report.stories == 0
    assert 1 <= len(opened) == len(set(map(id, opened)))  # one searcher per writer, not one per file
    monkeypatch.undo()
    # each file's row was replaced, not doubled: the next run sees every file unchanged and quick
    again = library.update([])
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, len(RECORDS))
    assert library.count() == len(RECORDS) and {q: ids(library, q) for q in before} == before
    library.close()
