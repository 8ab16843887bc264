"""SIGKILL ``reader index`` at random moments (``--rebuild`` too): the index opens, nothing is lost.

    python bench/kill_import.py [--trials 20] [--files 1000] [--seed 1] [--keep DIR]

Writes a seeded archive of ``--files`` small files, imports it once (timing it), puts
bookmarks and notes on some stories, then runs ``--trials`` trials, cycling through: a
``reader index --rebuild``, an incremental import after editing, adding and deleting some
files, and a first import into a deleted index. Each is killed with SIGKILL at a random
moment within the time a full import takes, while another thread writes bookmarks. After
each kill: the index opens and answers a search, ``PRAGMA integrity_check`` of the user data
is ok, every bookmark and note is there; then a completed ``reader index`` (with no folder
for rebuild and incremental trials: the list of imported folders must have survived) gives
exactly the stories that reading every file directly (brute force) gives, and the manifest
lists exactly the stored stories. Prints trials passed N/N (and per kind), what failed, time.
The test suite runs a small seeded slice (tests/index/test_kill_import.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = "上饶马家柚香港新闻中国经济人民政府长胜邮储银行报道记者评论台湾发展会议市场企业"
KINDS = ("rebuild", "incremental", "fresh")


def _story(rng: random.Random, n: int) -> dict:
    body = "".join(rng.choice(WORDS) for _ in range(rng.randint(80, 600)))
    return {
        "id": f"k{n}",
        "title": f"第{n}号" + "".join(rng.choice(WORDS) for _ in range(5)),
        "content": body + "。",
    }


def write_file(folder: Path, rng: random.Random, n: int) -> None:
    if n % 3 == 0:
        record = _story(rng, n)
        (folder / f"f{n:05d}.txt").write_text(f"{record['title']}\n\n{record['content']}\n", encoding="utf-8")
    else:
        rows = [_story(rng, n * 10 + k) for k in range(1 + n % 3)]
        (folder / f"f{n:05d}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )


def brute_force(folder: Path) -> set[str]:
    """The ids of every story read straight from the files (no index)."""
    from reader.ingest import iter_files, read_file

    return {s.id for path in iter_files([folder]) for s in read_file(path).stories}


def reader_cmd(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--home", str(home), *args]


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def complete(home: Path, *args: str) -> tuple[int, str]:
    done = subprocess.run(
        reader_cmd(home, "index", "--json", *args), capture_output=True, text=True, env=_env()
    )
    return done.returncode, done.stdout + done.stderr


def check_after_kill(home: Path, marks: dict[str, str]) -> list[str]:
    """What is wrong right after a kill (empty: nothing)."""
    from reader.index import SearchRequest, open_index
    from reader.userdata import UserData

    problems = []
    try:
        lib = open_index(home)
        lib.search(SearchRequest(query="新闻"))
        lib.close()
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        problems.append(f"index does not open: {exc}")
    db = home / "userdata.sqlite3"
    with sqlite3.connect(db) as conn:
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if status != "ok":
        problems.append(f"user data integrity_check: {status}")
    with UserData.open(home) as ud:
        have = {b.id: b.note for b in ud.bookmarks()}
    lost = [i for i in marks if i not in have or have[i] != marks[i]]
    if lost:
        problems.append(f"{len(lost)} bookmarks or notes lost")
    return problems


def check_complete(home: Path, expected: set[str]) -> list[str]:
    from reader.index import SearchRequest, open_index

    lib = open_index(home)
    try:
        stored = lib.ids_for(SearchRequest())
        manifest = {i for row in lib._manifest().values() for i in row["ids"]}
        problems = []
        if len(stored) != len(set(stored)):
            problems.append(f"{len(stored) - len(set(stored))} duplicate stories")
        if set(stored) != expected:
            problems.append(
                f"stories differ from brute force: {len(expected - set(stored))} missing, "
                f"{len(set(stored) - expected)} extra"
            )
        if manifest != set(stored):
            problems.append("manifest does not list exactly the stored stories")
        if lib.notices:
            problems.append(f"notices left after a complete import: {lib.notices}")
        return problems
    finally:
        lib.close()


def run(trials: int = 20, files: int = 1000, seed: int = 1, keep: Path | None = None) -> dict:
    from reader.index import SearchRequest, open_index
    from reader.userdata import UserData

    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="killi-")) if keep is None else keep
    archive, home = tmp / "archive", tmp / "home"
    for folder in (archive, home):
        if folder.exists():
            shutil.rmtree(folder)
    archive.mkdir(parents=True)
    started = time.monotonic()
    try:
        for n in range(files):
            write_file(archive, rng, n)
        t0 = time.monotonic()
        code, out = complete(home, str(archive))
        full_seconds = time.monotonic() - t0
        if code not in (0, 1):
            raise RuntimeError(f"first import failed: {out}")
        lib = open_index(home)
        ids = lib.ids_for(SearchRequest())
        lib.close()
        marks: dict[str, str] = {}
        with UserData.open(home) as ud:
            for story_id in rng.sample(ids, min(40, len(ids))):
                note = f"笔记 {story_id}" if rng.random() < 0.5 else ""
                ud.add_bookmark(story_id, note=note)
                marks[story_id] = note
        next_file = files
        results: list[dict] = []
        for trial in range(trials):
            kind = KINDS[trial % len(KINDS)]
            changed = 0
            if kind == "incremental":
                for _ in range(max(1, files // 20)):
                    n = rng.randrange(next_file)
                    path = next(iter(archive.glob(f"f{n:05d}.*")), None)
                    if path is not None and rng.random() < 0.3:
                        path.unlink()
                    else:
                        if path is not None:
                            path.unlink()
                        write_file(archive, rng, n)
                for _ in range(max(1, files // 50)):
                    write_file(archive, rng, next_file)
                    next_file += 1
                changed = max(1, files // 20) + max(1, files // 50)
                args = ["index"]
            elif kind == "rebuild":
                args = ["index", "--rebuild"]
            else:
                shutil.rmtree(home / "index", ignore_errors=True)
                for extra in home.iterdir():
                    if extra.is_dir() and extra.name.startswith("index"):
                        shutil.rmtree(extra, ignore_errors=True)
                args = ["index", str(archive)]
            expected = brute_force(archive)
            # a moment within what this kind of run takes: a rebuild or first import about a full import,
            # an incremental one start-up plus its share of the files
            estimate = full_seconds if kind != "incremental" else 1.5 + full_seconds * changed / max(1, files)
            delay = rng.uniform(0.05, max(0.3, 0.9 * estimate))
            proc = subprocess.Popen(
                reader_cmd(home, *args),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=_env(),
                start_new_session=True,
            )
            writer_stop = threading.Event()

            def write_marks(stop=writer_stop, trial=trial):
                k = 0
                while not stop.is_set():
                    story_id = f"concurrent{trial:02d}{k:04d}"
                    try:
                        with UserData.open(home) as ud:
                            ud.add_bookmark(story_id, note=f"并发 {k}")
                        marks[story_id] = f"并发 {k}"
                    except Exception:  # noqa: BLE001 - busy: tried again
                        pass
                    k += 1
                    stop.wait(0.1)

            writer = threading.Thread(target=write_marks, daemon=True)
            writer.start()
            time.sleep(delay)
            finished_first = proc.poll() is not None
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the importer and its workers, as a crash would
            except ProcessLookupError:
                pass
            proc.wait()
            writer_stop.set()
            writer.join()
            problems = check_after_kill(home, marks)
            # complete it: with no folder where the folder list must have survived
            code, out = complete(home) if kind != "fresh" else complete(home, str(archive))
            if code not in (0, 1):
                problems.append(f"completing import failed ({code}): {out[-300:]}")
            else:
                problems += check_complete(home, expected)
            problems += [p for p in check_after_kill(home, marks) if p not in problems]
            results.append(
                {
                    "trial": trial + 1,
                    "kind": kind,
                    "killed_at_s": round(delay, 2),
                    "finished_before_kill": finished_first,
                    "problems": problems,
                }
            )
        passed = sum(1 for r in results if not r["problems"])
        by_kind = {
            k: (
                sum(1 for r in results if r["kind"] == k and not r["problems"]),
                sum(1 for r in results if r["kind"] == k),
            )
            for k in KINDS
        }
        return {
            "trials": trials,
            "passed": passed,
            "by_kind": by_kind,
            "files": files,
            "stories": len(brute_force(archive)),
            "bookmarks": len(marks),
            "full_import_s": round(full_seconds, 1),
            "killed_before_finish": sum(1 for r in results if not r["finished_before_kill"]),
            "failures": [r for r in results if r["problems"]],
            "seconds": round(time.monotonic() - started, 1),
        }
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    f = run(args.trials, args.files, args.seed, args.keep)
    kinds = ", ".join(f"{k} {p}/{n}" for k, (p, n) in f["by_kind"].items())
    print(
        f"kill trials {f['passed']}/{f['trials']} with nothing lost ({kinds}); "
        f"{f['killed_before_finish']} killed "
        f"mid-import\n{f['files']} files, {f['stories']} stories, {f['bookmarks']} bookmarks/notes kept; "
        f"full import {f['full_import_s']} s; total time {f['seconds']} s"
    )
    for failure in f["failures"]:
        print(
            f"  trial {failure['trial']} ({failure['kind']}, killed at {failure['killed_at_s']} s): "
            f"{failure['problems']}"
        )
    return 0 if f["passed"] == f["trials"] else 1


if __name__ == "__main__":
    sys.exit(main())
