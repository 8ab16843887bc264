"""One import run: scan the roots, decide per file (new / changed / unchanged / gone), write in batches.

Changed files are detected by size and mtime, then confirmed by content hash
(a touched but identical file only refreshes its manifest row). Small imports
run in this process; large ones let worker processes build whole segments
(see :mod:`reader.index.workers`, both cores). Commits happen every
``commit_files`` files / ``commit_seconds`` / ``commit_postings``.

The importer sees the index only through :class:`ImportTarget`: what it may
read (roots, manifest) and do (write, empty for a rebuild, mark a rebuild done).
"""

from __future__ import annotations

import collections
import itertools
import json
import multiprocessing
import os
import pickle
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reader.index import documents, reprints, storage, workers
from reader.index.filejob import Tagger, read_for_import, tag_result
from reader.index.manifest import file_key
from reader.ingest import Problem, iter_files
from reader.story import Story

#: Stories per reprint-store transaction (the store catching up with the index, an import's additions).
RECONCILE_BATCH = 2000


@dataclass
class ImportReport:
    """What one ``update`` did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[Problem] = field(default_factory=list)
    #: Files in the imported folders left out because of their type (images, PDFs, ...).
    skipped: list[str] = field(default_factory=list)
    stories: int = 0
    seconds: float = 0.0
    cancelled: bool = False


@dataclass(frozen=True)
class ImportLimits:
    """When an import commits, and from how many changed files it uses worker processes."""

    commit_files: int
    commit_seconds: float
    commit_postings: int
    pool_threshold: int


class ImportTarget(Protocol):
    """What an :class:`Importer` may see and do of the index it imports into."""

    @property
    def folder(self) -> str:
        """The index folder (workers open it themselves)."""
        ...

    @property
    def limits(self) -> ImportLimits: ...

    def roots(self) -> list[str]:
        """The roots imported before (those a pending rebuild owes included)."""
        ...

    def pending_roots(self) -> list[str]:
        """Roots of an index reset by a format change or an interrupted rebuild, still to import."""
        ...

    def manifest(self) -> dict[str, dict]:
        """File key -> manifest row (size, mtime, sha1, ids) of every imported file."""
        ...

    def writer(self) -> storage.FastWriter:
        """A writer of the index, holding its write lock."""
        ...

    def spill(self) -> storage.Spill:
        """Somewhere for a full writer's documents to go (on the index as it is now)."""
        ...

    def recreate(self, roots: list[str]) -> None:
        """Empty the index for a rebuild of ``roots`` (recorded first)."""
        ...

    def rebuilt(self) -> None:
        """The import finished: a pending rebuild is done."""
        ...

    @property
    def reprints(self) -> reprints.ReprintStore:
        """The library's reprint groups (brought up to date after the index commits)."""
        ...

    def stories(self, ids: list[str]) -> list[Story]:
        """The stories with these ids, as the index holds them."""
        ...


class Importer:
    def __init__(
        self,
        target: ImportTarget,
        progress: Callable[[int, int, str], None] | None,
        cancelled: Callable[[], bool] | None,
        tagger: Tagger | None,
    ):
        self.target = target
        self.limits = target.limits
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.tagger = tagger
        self.report = ImportReport()
        self.writer: storage.FastWriter | None = None
        self.batch_files = 0
        self.batch_started = time.monotonic()
        self._pending_segments: list = []
        self._spill = target.spill()
        #: Reprint sketches of the stories written, and ids whose stories were replaced or removed
        #: (applied to the reprint store once the index has committed them).
        self._sketches: dict[str, reprints.Sketch] = {}
        self._unsketched: set[str] = set()

    # -- scanning ------------------------------------------------------------

    def _scan(self, roots: list[str]) -> tuple[list[str], set[str], list[str]]:
        """(files found, roots actually scanned, missing roots)."""
        files: list[str] = []
        seen: set[str] = set()
        scanned: set[str] = set()
        missing: list[str] = []
        for root in roots:
            if not os.path.exists(root):
                missing.append(root)
                continue
            scanned.add(root)
            skipped: list[Path] = []
            for path in iter_files([root], skipped):
                key = file_key(path)
                if key not in seen:
                    seen.add(key)
                    files.append(key)
            self.report.skipped.extend(file_key(p) for p in skipped)
        return files, scanned, missing

    # -- writing -------------------------------------------------------------

    def _batch_writer(self) -> storage.FastWriter:
        """The writer of the current batch (a new one, and a new batch, after each commit)."""
        if self.writer is None:
            self.writer = self.target.writer()
            self.batch_files = 0
            self.batch_started = time.monotonic()
        return self.writer

    def _maybe_commit(self, force: bool = False) -> None:
        if self.writer is None:
            if not self._pending_segments:
                return
        writer = self._batch_writer()
        limits = self.limits
        elapsed = time.monotonic() - self.batch_started
        full = writer.posting_count >= limits.commit_postings or self._spill.done
        if force or full or self.batch_files >= limits.commit_files or elapsed >= limits.commit_seconds:
            storage.commit_with(writer, [*self._pending_segments, *self._spill.finish()])
            self._pending_segments = []
            self.writer = None

    def _write_roots(self, roots: list[str]) -> None:
        self._batch_writer().update_document(
            id="meta:roots", kind="meta", data=json.dumps(roots, ensure_ascii=False)
        )

    def _apply(self, result: dict, manifest: dict[str, dict]) -> None:
        path = result["path"]
        old = manifest.get(path)
        writer = self._batch_writer()
        self.batch_files += 1
        tag_errors = tag_result(result, self.tagger)
        for file, reason in result.get("problems", []):
            self.report.failed.append(Problem(file, reason))
        self.report.failed += [Problem(path, reason) for reason in tag_errors]
        if result.get("error"):
            return
        if not result["same"] and not result["stories"] and result.get("problems"):
            # nothing readable: no manifest row, so the file is tried (and reported) again next time
            if old is not None:
                writer.delete_by_term("path", documents.path_term(path))
                self._unsketched.update(old.get("ids", []))
            return
        row = {"size": result["size"], "mtime": result["mtime"], "sha1": result["sha1"]}
        if result["same"]:
            row["ids"] = old.get("ids", []) if old else []
            self.report.unchanged += 1
        else:
            if old is not None:
                writer.delete_by_term("path", documents.path_term(path))
                self._unsketched.update(old.get("ids", []))
                self.report.updated += 1
            else:
                self.report.added += 1
            ids = []
            for story, analysed in result["stories"]:
                self._sketches[story.id] = reprints.sketch_story(story)
                doc = documents.story_document(story, analysed)
                doc["path"] = documents.path_term(path)
                self._spill.target(writer).add_document(**doc)
                ids.append(story.id)
            row["ids"] = ids
            self.report.stories += len(ids)
        writer.update_document(**documents.file_document(path, row))

    # -- the run -------------------------------------------------------------

    def run(self, given: list[Path], rebuild: bool) -> ImportReport:
        started = time.monotonic()
        previous = self.target.roots()
        roots = [file_key(p) for p in given] if given else previous
        pending = self.target.pending_roots()
        if given and pending:  # the index was reset by a format change: rebuild it all
            roots = list(dict.fromkeys([*pending, *roots]))
        all_roots = list(dict.fromkeys([*previous, *roots]))
        if rebuild:
            all_roots = roots if given else previous
            self.target.recreate(all_roots)
        self._spill = self.target.spill()  # after a rebuild's recreate: the new index
        manifest = {} if rebuild else self.target.manifest()
        self._reconcile_reprints(manifest)
        files, scanned, missing = self._scan(roots)
        for root in missing:
            self.report.failed.append(Problem(root, "not found (its stories are kept)"))

        todo: list[tuple[str, str]] = []
        for path in files:
            old = manifest.get(path)
            try:
                st = os.stat(path)
            except OSError as exc:
                self.report.failed.append(Problem(path, f"cannot read: {exc.strerror or exc}"))
                continue
            if old and old.get("size") == st.st_size and old.get("mtime") == st.st_mtime_ns:
                self.report.unchanged += 1
                continue
            todo.append((path, old.get("sha1", "") if old else ""))

        found = set(files)
        gone = [
            p
            for p in manifest
            if p not in found and any(p == r or p.startswith(r.rstrip(os.sep) + os.sep) for r in scanned)
        ]
        total = len(todo)
        if rebuild or pending or all_roots != previous:
            # only when they change: a re-run on an unchanged folder writes nothing (each such
            # run used to commit a one-document segment, and every ninth merged the small ones)
            self._write_roots(all_roots)
        if self._parallel_ok(todo):
            self._run_parallel(todo, manifest)
        else:
            self._run_serial(todo, manifest, 0, total)
        if gone and not self.report.cancelled:
            writer = self._batch_writer()
            for path in gone:
                writer.delete_by_term("path", documents.path_term(path))
                self._unsketched.update(manifest[path].get("ids", []))
                self.report.removed += 1
        self._maybe_commit(force=True)
        # after the index's commit: a process killed before this line leaves the store behind the
        # index, and the next import's _reconcile_reprints catches up
        self._apply_reprints(list(self._sketches.values()), self._unsketched - set(self._sketches))
        self.target.reprints.checkpoint()
        if not self.report.cancelled:
            self.target.rebuilt()
        self.report.seconds = round(time.monotonic() - started, 3)
        return self.report

    def _apply_reprints(self, added: list[reprints.Sketch], removed: set[str]) -> None:
        """Removals, then additions in batches: searches (which read the groups) wait one batch at most."""
        store = self.target.reprints
        if removed:
            store.apply([], removed)
        for start in range(0, len(added), RECONCILE_BATCH):
            store.apply(added[start : start + RECONCILE_BATCH], [])

    def _reconcile_reprints(self, manifest: dict[str, dict]) -> None:
        """Bring the reprint store to the stories the index holds (ids only; texts of missing ones)."""
        expected = {i for row in manifest.values() for i in row.get("ids", [])}
        missing, extra = self.target.reprints.out_of_step(expected)
        self._apply_reprints([], extra)
        todo = sorted(missing)
        for start in range(0, len(todo), RECONCILE_BATCH):  # memory stays bounded on a whole library
            found = self.target.stories(todo[start : start + RECONCILE_BATCH])
            self._apply_reprints([reprints.sketch_story(s) for s in found], set())

    def _run_serial(
        self, todo: list[tuple[str, str]], manifest: dict[str, dict], done: int, total: int
    ) -> None:
        """Parse and write ``todo`` in this process, through the one main writer."""
        for result in self._results(todo):
            self._apply(result, manifest)
            done += 1
            if self.progress is not None:
                self.progress(done, total, result["path"])
            self._maybe_commit()
            if self.cancelled():
                self.report.cancelled = True
                break

    def _results(self, todo: list[tuple[str, str]]):
        for path, known in todo:
            yield read_for_import(path, known)

    # -- parallel path -------------------------------------------------------

    def _parallel_ok(self, todo: list[tuple[str, str]]) -> bool:
        if len(todo) < self.limits.pool_threshold or (os.cpu_count() or 1) < 2:
            return False
        try:
            pickle.dumps(self.tagger)
        except Exception:  # a closure or bound method of a GUI object: tag in this process
            return False
        return True

    def _apply_summary(self, summary: dict, manifest: dict[str, dict]) -> None:
        path = summary["path"]
        old = manifest.get(path)
        self.batch_files += 1
        for file, reason in summary.get("problems") or []:
            self.report.failed.append(Problem(file, reason))
        for reason in summary.get("tag_errors") or []:
            self.report.failed.append(Problem(path, reason))
        if summary.get("error"):
            return
        writer = self._batch_writer()
        if summary["same"]:
            row = {
                "size": summary["size"],
                "mtime": summary["mtime"],
                "sha1": summary["sha1"],
                "ids": old.get("ids", []) if old else [],
            }
            writer.update_document(**documents.file_document(path, row))
            self.report.unchanged += 1
            return
        if old is not None:
            writer.delete_by_term(
                "path", documents.path_term(path)
            )  # only touches committed segments, not the new ones
            self._unsketched.update(old.get("ids", []))
        if summary["written"]:
            self._sketches.update((s.id, s) for s in summary.get("sketches") or [])
            if old is not None:
                self.report.updated += 1
            else:
                self.report.added += 1
            self.report.stories += len(summary["ids"])

    def _run_parallel(self, todo: list[tuple[str, str]], manifest: dict[str, dict]) -> None:
        """Workers write batches into segments of their own; this process takes each finished
        batch (its deletions, manifest rows, progress) and commits, while the others go on.

        ``count`` batches are always in hand, so no worker waits for the slowest of a wave or for
        a commit. A commit then leaves unlisted segment files alone (those being written); the
        import's last commit, after every worker has finished, removes what is left over.
        """
        count = min(os.cpu_count() or 2, 4)
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        # a batch of up to commit_files files: one commit each, and segments that are not "small"
        # (storage.SMALL_DOCS), which the main process would merge again, single-threaded
        parts = workers.batches(todo, count, max_files=max(1, self.limits.commit_files))
        total = len(todo)
        done = 0
        pending: list = []
        pool = ProcessPoolExecutor(
            count, mp_context=ctx, initializer=workers.watch_parent, initargs=(os.getpid(),)
        )
        left: list[tuple[str, str]] = []  # files to do in this process if the pool breaks
        queued: collections.deque = collections.deque()  # (future, batch), oldest first
        upcoming = iter(parts)

        def submit(batch: list[tuple[str, str]]) -> None:
            queued.append((pool.submit(workers.build_segment, self.target.folder, batch, self.tagger), batch))

        with pool:
            try:
                for batch in itertools.islice(upcoming, count):
                    submit(batch)
                while queued:
                    future, _batch = queued[0]
                    built, summaries = future.result()
                    queued.popleft()
                    batch = next(upcoming, [])  # batches are never empty
                    if batch:
                        submit(batch)
                    pending.extend(built)
                    for summary in summaries:
                        self._apply_summary(summary, manifest)
                        done += 1
                        if self.progress is not None:
                            self.progress(done, total, summary["path"])
                    elapsed = time.monotonic() - self.batch_started
                    if pending and (
                        self.batch_files >= self.limits.commit_files or elapsed >= self.limits.commit_seconds
                    ):
                        storage.commit_with(self._batch_writer(), pending, others_writing=bool(queued))
                        self.writer, pending = None, []
                    if self.cancelled():
                        self.report.cancelled = True
                        break
            except (BrokenProcessPool, OSError, EOFError):
                # workers could not start (e.g. a script without a __main__ guard) or one died:
                # do the batches not yet taken here, through the main writer (the serial path). No
                # second writer in this process: writers share the index's temp folder, and each
                # commit removes it. Segments a worker finished but this process did not take are
                # never committed (the last commit removes their files).
                left = [item for _future, batch in queued for item in batch]
                left += [item for batch in upcoming for item in batch]
                queued.clear()
            for future, _batch in queued:  # cancelled: what has not started does not start
                future.cancel()
        self._pending_segments = pending
        if left and not self.report.cancelled:
            self._run_serial(left, manifest, done, total)
