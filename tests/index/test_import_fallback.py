"""The importer's fallback when its worker processes are unavailable: everything still gets imported."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
import whoosh.index

from reader.atomicfile import TEMP_SUFFIX
from reader.index import SearchRequest, importer, open_index
from tests.helpers.records import write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def make_many(folder: Path, n: int) -> Path:
    for i in range(n):
        write_jsonl(
            folder / f"{i:04d}.jsonl",
            [{"id": f"f{i}", "title": f"第{i}号新闻 上饶", "content": f"上饶马家柚 编号{i} 今日上市。"}],
        )
    return folder


class BrokenPool:
    """A ProcessPoolExecutor that breaks: the first ``works`` submissions run (here), the rest fail."""

    works = 0

    def __init__(self, *args, **kwargs):
        self.submitted = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def submit(self, fn, *args):
        self.submitted += 1
        fut: Future = Future()
        if self.submitted <= self.works:
            fut.set_result(fn(*args))
        else:
            fut.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        return fut


class BreaksLater(BrokenPool):
    works = 3  # the first wave (two workers) and half of the second one succeed


class Dies:
    """A picklable tagger that kills the worker process tagging story number ``number``."""

    def __init__(self, number: int):
        self.parent = os.getpid()
        self.number = number

    def __call__(self, story) -> list[str]:
        if os.getpid() != self.parent and f"第{self.number}号" in story.title:
            os._exit(1)
        return ["topic:马家柚"]


def check_complete(library, n: int) -> None:
    assert library.count() == n
    stored = set(library.ids_for(SearchRequest()))
    assert len(stored) == n
    assert set(library.ids_for(SearchRequest(query="马家柚"))) == stored
    assert len(library.ids_for(SearchRequest(query='"编号17 今日"'))) == 1
    assert len(library.ids_for(SearchRequest(query='"第119号新闻"'))) == 1
    manifest = library._manifest()
    assert {i for row in manifest.values() for i in row["ids"]} == stored


@pytest.mark.parametrize("pool", [BrokenPool, BreaksLater])
@pytest.mark.parametrize("commit_files", [16, 1000])
def test_broken_pool_falls_back_in_process(tmp_path, monkeypatch, commit_files, pool):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the process pool is only used with two or more cores")
    monkeypatch.setattr(importer, "ProcessPoolExecutor", pool)
    n = 120
    archive = make_many(tmp_path / "archive", n)
    library = open_index(tmp_path / "home")
    library.commit_files = commit_files
    seen = []
    report = library.update([archive], progress=lambda done, total, path: seen.append((done, total)))
    assert report.failed == []
    assert (report.added, report.updated, report.unchanged) == (n, 0, 0)
    assert report.stories == n
    assert seen[-1] == (n, n)
    check_complete(library, n)
    library.close()
    # the index reopens cleanly and a second run changes nothing
    library = open_index(tmp_path / "home")
    again = library.update([archive])
    assert (again.added, again.updated, again.unchanged) == (0, 0, n)
    check_complete(library, n)
    assert not any(p.name.endswith((".tmp", TEMP_SUFFIX)) for p in library.dir.iterdir())
    library.close()


NO_GUARD_SCRIPT = """
import sys
from pathlib import Path
from reader.index import open_index

lib = open_index(Path(sys.argv[1]))
lib.commit_files = 40
report = lib.update([Path(sys.argv[2])])
print("failed", len(report.failed), "added", report.added, "stories", report.stories, flush=True)
"""


def test_script_without_main_guard_imports_everything(tmp_path):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the process pool is only used with two or more cores")
    n = 300
    archive = make_many(tmp_path / "archive", n)
    script = tmp_path / "noguard.py"
    script.write_text(NO_GUARD_SCRIPT, encoding="utf-8")
    home = tmp_path / "home"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, str(script), str(home), str(archive)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"failed 0 added {n} stories {n}" in proc.stdout.splitlines()[-1]
    library = open_index(home)
    check_complete(library, n)
    library.close()


def test_a_worker_dying_mid_import_loses_nothing(tmp_path):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the process pool is only used with two or more cores")
    n = 200
    archive = make_many(tmp_path / "archive", n)
    library = open_index(tmp_path / "home")
    library.commit_files = 40  # several waves and commits; the death is in a later wave
    report = library.update([archive], tagger=Dies(130))
    assert report.failed == []
    assert (report.added, report.stories) == (n, n)
    check_complete(library, n)
    assert len(library.ids_for(SearchRequest(filters={"tag": ["topic:马家柚"]}))) == n
    library.close()
    library = open_index(tmp_path / "home")
    assert library.update([archive]).unchanged == n
    library.close()


def test_broken_pool_with_many_small_segments_to_merge(tmp_path, monkeypatch):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the process pool is only used with two or more cores")
    library = open_index(tmp_path / "home")
    for k in range(10):  # ten small in-process imports: ten small segments, merged at a commit
        folder = tmp_path / f"small{k}"
        write_jsonl(
            folder / "s.jsonl", [{"id": f"s{k}", "title": f"小新闻{k}", "content": f"抚州南丰蜜桔 第{k}篇"}]
        )
        library.update([folder])
    monkeypatch.setattr(importer, "ProcessPoolExecutor", BreaksLater)
    library.commit_files = 16
    n = 120
    archive = make_many(tmp_path / "archive", n)
    report = library.update([archive])
    assert report.failed == [] and report.added == n
    assert library.count() == n + 10
    assert len(library.ids_for(SearchRequest(query="南丰蜜桔"))) == 10
    assert len(library.ids_for(SearchRequest(query="马家柚"))) == n
    assert library.update([]).unchanged == n + 10
    library.close()


def test_commits_while_workers_write_lose_no_segment_and_leave_no_file_behind(tmp_path, monkeypatch):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the process pool is only used with two or more cores")

    def no_fallback(*args):
        raise AssertionError("the workers failed and the import fell back to this process")

    monkeypatch.setattr(importer.Importer, "_run_serial", no_fallback)
    n = 300
    archive = make_many(tmp_path / "archive", n)
    library = open_index(tmp_path / "home")
    library.commit_files = 8  # batches of up to 8 files: dozens of commits, each while others are written
    report = library.update([archive])
    assert report.failed == [] and (report.added, report.stories) == (n, n)
    check_complete(library, n)
    folder = Path(library.dir)
    listed = {s.segment_id() for s in whoosh.index.open_dir(str(folder), indexname="MAIN")._segments()}
    on_disk = {p.name.split(".")[0] for p in folder.glob("MAIN_*.*")}  # segment files, not the lock
    assert on_disk == listed  # the last commit, after the workers, removed every unlisted segment
    library.close()
