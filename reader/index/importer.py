"""One import run: scan the roots, decide per file (new / changed / unchanged / gone), write in batches.

Changed files are detected by size and mtime, then confirmed by content hash
(a touched but identical file only refreshes its manifest row). Small imports
run in this process; large ones let worker processes build whole segments
(see :mod:`reader.index.segments`, both cores). Commits happen every
``commit_files`` files / ``commit_seconds`` / ``commit_postings``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.index import documents, segments
from reader.index.archive import ArchiveIndex, ImportReport, _file_key, _watch_parent, _work, tag_result
from reader.ingest import Problem
from reader.story import Story


class Importer:
    def __init__(
        self,
        library: ArchiveIndex,
        progress: Callable[[int, int, str], None] | None,
        cancelled: Callable[[], bool] | None,
        tagger: Callable[[Story], list[str]] | None,
    ):
        self.lib = library
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.tagger = tagger
        self.report = ImportReport()
        self.writer = None
        self.batch_files = 0
        self.batch_started = time.monotonic()
        self._pending_segments: list = []
        self._spill = segments.Spill(library._ix)

    # -- scanning ------------------------------------------------------------

    def _scan(self, roots: list[str]) -> tuple[list[str], set[str], list[str]]:
        """(files found, roots actually scanned, missing roots)."""
        from reader.ingest import iter_files

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
                key = _file_key(path)
                if key not in seen:
                    seen.add(key)
                    files.append(key)
            self.report.skipped.extend(_file_key(p) for p in skipped)
        return files, scanned, missing

    # -- writing -------------------------------------------------------------

    def _w(self):
        if self.writer is None:
            self.writer = self.lib._writer()
            self.batch_files = 0
            self.batch_started = time.monotonic()
        return self.writer

    def _maybe_commit(self, force: bool = False) -> None:
        if self.writer is None:
            if not self._pending_segments:
                return
            self._w()
        elapsed = time.monotonic() - self.batch_started
        full = getattr(self.writer, "posting_count", 0) >= self.lib.commit_postings or self._spill.done
        if force or full or self.batch_files >= self.lib.commit_files or elapsed >= self.lib.commit_seconds:
            segments.commit_with(self.writer, [*self._pending_segments, *self._spill.finish()])
            self._pending_segments = []
            self.writer = None

    def _write_roots(self, roots: list[str]) -> None:
        self._w().update_document(id="meta:roots", kind="meta", data=json.dumps(roots, ensure_ascii=False))

    def _apply(self, result: dict, manifest: dict[str, dict]) -> None:
        path = result["path"]
        old = manifest.get(path)
        writer = self._w()
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
            return
        row = {"size": result["size"], "mtime": result["mtime"], "sha1": result["sha1"]}
        if result["same"]:
            row["ids"] = old.get("ids", []) if old else []
            self.report.unchanged += 1
        else:
            if old is not None:
                writer.delete_by_term("path", documents.path_term(path))
                self.report.updated += 1
            else:
                self.report.added += 1
            ids = []
            for story, analysed in result["stories"]:
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
        previous = self.lib.roots()
        roots = [_file_key(p) for p in given] if given else previous
        if given and self.lib._pending_roots:  # the index was reset by a format change: rebuild it all
            roots = list(dict.fromkeys([*self.lib._pending_roots, *roots]))
        all_roots = list(dict.fromkeys([*previous, *roots]))
        if rebuild:
            all_roots = roots if given else previous
            self.lib._recreate(all_roots)
        self._spill = segments.Spill(self.lib._ix)  # after a rebuild's _recreate: the new index
        manifest = {} if rebuild else self.lib._manifest()
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
        self._write_roots(all_roots)
        if self._parallel_ok(todo):
            self._run_parallel(todo, manifest)
        else:
            self._run_serial(todo, manifest, 0, total)
        if not self.report.cancelled:
            writer = self._w()
            for path in gone:
                writer.delete_by_term("path", documents.path_term(path))
                self.report.removed += 1
        self._maybe_commit(force=True)
        if not self.report.cancelled:
            self.lib._rebuilt()
        self.report.seconds = round(time.monotonic() - started, 3)
        return self.report

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
            yield _work(path, known)

    # -- parallel path -------------------------------------------------------

    def _parallel_ok(self, todo: list[tuple[str, str]]) -> bool:
        if len(todo) < self.lib.pool_threshold or (os.cpu_count() or 1) < 2:
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
        writer = self._w()
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
        if summary["written"]:
            if old is not None:
                self.report.updated += 1
            else:
                self.report.added += 1
            self.report.stories += len(summary["ids"])

    def _run_parallel(self, todo: list[tuple[str, str]], manifest: dict[str, dict]) -> None:
        workers = min(os.cpu_count() or 2, 4)
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        parts = segments.batches(todo, workers, max_files=max(1, self.lib.commit_files // workers))
        total = len(todo)
        done = 0
        pending: list = []
        pool = ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_watch_parent, initargs=(os.getpid(),)
        )
        left: list[tuple[str, str]] = []  # files to do in this process if the pool breaks
        with pool:
            for start in range(0, len(parts), workers):
                wave = parts[start : start + workers]
                try:
                    futures = [
                        pool.submit(segments.build_segment, str(self.lib.dir), b, self.tagger) for b in wave
                    ]
                    results = [fut.result() for fut in futures]
                except (BrokenProcessPool, OSError, EOFError):
                    # workers could not start (e.g. a script without a __main__ guard) or one died:
                    # do this wave and the rest here, through the main writer (the serial path). No
                    # second writer in this process: writers share the index's temp folder, and each
                    # commit removes it. Segments a worker of this wave finished are never committed.
                    left = [item for batch in parts[start:] for item in batch]
                    break
                for built, summaries in results:
                    pending.extend(built)
                    for summary in summaries:
                        self._apply_summary(summary, manifest)
                        done += 1
                        if self.progress is not None:
                            self.progress(done, total, summary["path"])
                # between waves no worker is writing: safe to commit
                elapsed = time.monotonic() - self.batch_started
                if pending and (
                    self.batch_files >= self.lib.commit_files or elapsed >= self.lib.commit_seconds
                ):
                    segments.commit_with(self._w(), pending)
                    self.writer, pending = None, []
                if self.cancelled():
                    self.report.cancelled = True
                    break
        self._pending_segments = pending
        if left and not self.report.cancelled:
            self._run_serial(left, manifest, done, total)
