"""Parallel import: worker processes each write whole Whoosh segments; the importer commits them.

Whoosh's writing is pure Python and costs far more than parsing, so the
importer splits changed files into batches (:func:`batches`) and lets each
worker read, parse, analyse, tag and write one batch into new segments, with the
batch's manifest rows in the same segments (:func:`build_segment`). The importer
only deletes the old versions and commits the new segments into the table of
contents, one atomic step (:func:`reader.index.storage.commit_with`), while the
other workers go on (such a commit leaves unlisted segment files alone: they may be
segments being written).
"""

from __future__ import annotations

import math
import os
import threading
import time
from typing import Any

from reader.index import documents, reprints, storage
from reader.index.filejob import Tagger, read_for_import, tag_result

#: Batches are cut at about this many bytes of input files (about 3,000 one-story news pages).
BATCH_BYTES = 16 * 2**20
#: What a worker reports of each file (with its story ids, tagging errors and whether it was written).
_SUMMARY_KEYS = ("path", "same", "size", "mtime", "sha1", "problems", "error")


def batches(
    todo: list[tuple[str, str]], workers: int, target: int = BATCH_BYTES, max_files: int = 10**9
) -> list[list[tuple[str, str]]]:
    """Consecutive runs of files of even size: a multiple of ``workers`` runs of at most ~``target`` bytes."""
    sizes = []
    for path, _known in todo:
        try:
            sizes.append(max(1, os.path.getsize(path)))
        except OSError:
            sizes.append(1)
    total = sum(sizes)
    waves = max(1, math.ceil(total / (target * workers)), math.ceil(len(todo) / (max_files * workers)))
    share = total / (waves * workers)
    out: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for item, item_size in zip(todo, sizes, strict=True):
        current.append(item)
        size += item_size
        if size >= share or len(current) >= max_files:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


def build_segment(
    index_dir: str, batch: list[tuple[str, str]], tagger: Tagger | None
) -> tuple[list, list[dict]]:
    """Write one batch into new segments (in a worker); returns (segments, per-file summaries).

    Usually one segment; more when the batch holds more postings than a writer keeps
    (:class:`reader.index.storage.Spill`).
    """
    ix = storage.open_dir(index_dir)
    writer = storage.side_writer(ix)
    spill = storage.Spill(ix, limit=storage.WORKER_SPILL_POSTINGS)
    summaries = []
    for path, known in batch:
        result = read_for_import(path, known)
        tag_errors = tag_result(result, tagger)
        summary: dict[str, Any] = {k: result.get(k) for k in _SUMMARY_KEYS}
        summary["ids"] = []
        summary["tag_errors"] = tag_errors
        summary["written"] = False
        summary["sketches"] = []
        if not result.get("error") and not result["same"] and (result["stories"] or not result["problems"]):
            for story, analysed in result["stories"]:
                doc = documents.story_document(story, analysed)
                doc["path"] = documents.path_term(path)
                spill.target(writer).add_document(**doc)
                summary["ids"].append(story.id)
                summary["sketches"].append(reprints.sketch_story(story))
            row = {
                "size": result["size"],
                "mtime": result["mtime"],
                "sha1": result["sha1"],
                "ids": summary["ids"],
            }
            writer.add_document(**documents.file_document(path, row))
            summary["written"] = True
        summaries.append(summary)
    # (the shared temp folder is left alone: other workers use it; the importer's commit removes it)
    done = spill.finish()
    return [*storage.finish_writer(writer), *done], summaries


def watch_parent(ppid: int) -> None:  # pragma: no cover - runs in workers
    """Worker initializer: exit when the importing process dies (e.g. kill -9)."""

    def watch():
        while True:
            try:
                os.kill(ppid, 0)  # the importer (not our direct parent under forkserver) is alive?
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()
