"""Parallel import: worker processes each write a whole Whoosh segment; the importer commits them.

Whoosh's writing is pure Python and costs far more than parsing, so the
importer splits changed files into batches and lets each worker read, parse,
analyse, tag and write one batch into a new segment (with the batch's manifest
rows in the same segment). The importer only deletes the old versions and
commits the new segments into the table of contents, one atomic step, between
waves of workers (so no commit can clean away a segment being written).
A small merge policy keeps the number of segments down without re-merging
large ones on every small import.
"""

from __future__ import annotations

import math
import os

from whoosh import index as windex
from whoosh.reading import SegmentReader

from reader.index import documents
from reader.index.schema import codec

#: Batches are cut at about this many bytes of input files.
BATCH_BYTES = 6 * 2**20
#: Segments under this many documents (those of small, incremental imports) are merged together
#: once there are more than SMALL_LIMIT of them. Segments built by workers are bigger and are left
#: alone: merging is single-threaded Python and would undo the parallel build.
SMALL_DOCS = 1000
SMALL_LIMIT = 8
#: A writer holding this many postings (about 120 MB) hands its documents over as a finished,
#: uncommitted segment and a new one goes on: one huge file or story never holds them all in memory.
#: About 1,000 news stories: such segments are not "small" (SMALL_DOCS), so never merged again.
SPILL_POSTINGS = 1_200_000


class Spill:
    """Where story documents go so that no writer holds more than :data:`SPILL_POSTINGS` postings.

    ``target(main)`` is ``main`` while it has room, else a side writer on the same index;
    a full side writer is finalized into :attr:`done` (a segment written but not yet in the
    table of contents) and a new one takes over. The importer commits ``finish()``'s segments
    with the main writer, in one step with the files' manifest rows, so a crash still leaves
    the index at its last commit.
    """

    def __init__(self, ix) -> None:
        self.ix = ix
        self.writer = None
        self.done: list = []

    def target(self, main):
        if self.writer is None:
            if getattr(main, "posting_count", 0) < SPILL_POSTINGS:
                return main
            self.writer = self._new()
        elif self.writer.posting_count >= SPILL_POSTINGS:
            self.done.append(self.writer._finalize_segment())
            self.writer = self._new()
        return self.writer

    def _new(self):
        from reader.index.writer import FastWriter

        return FastWriter(self.ix, _lk=False, codec=codec())

    def finish(self) -> list:
        """The segments written so far (the current side writer's included); the spill starts empty."""
        if self.writer is not None:
            if self.writer._added:
                self.done.append(self.writer._finalize_segment())
            else:
                self.writer._close_segment()
        done, self.writer, self.done = self.done, None, []
        return done

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer._close_segment()
        self.writer, self.done = None, []


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


def build_segment(index_dir: str, batch: list[tuple[str, str]], tagger) -> tuple[list, list[dict]]:
    """Write one batch into new segments (in a worker); returns (segments, per-file summaries).

    Usually one segment; more when the batch holds more postings than a writer keeps (:class:`Spill`).
    """
    from reader.index.archive import _work, tag_result
    from reader.index.writer import FastWriter

    ix = windex.open_dir(index_dir)
    writer = FastWriter(ix, _lk=False, codec=codec())
    spill = Spill(ix)
    summaries = []
    for path, known in batch:
        result = _work(path, known)
        tag_errors = tag_result(result, tagger)
        summary = {k: result.get(k) for k in ("path", "same", "size", "mtime", "sha1", "problems", "error")}
        summary["ids"] = []
        summary["tag_errors"] = tag_errors
        summary["written"] = False
        if not result.get("error") and not result["same"] and (result["stories"] or not result["problems"]):
            for story, analysed in result["stories"]:
                doc = documents.story_document(story, analysed)
                doc["path"] = documents.path_term(path)
                spill.target(writer).add_document(**doc)
                summary["ids"].append(story.id)
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
    if not writer._added:
        writer._close_segment()
        return done, summaries
    return [writer._finalize_segment(), *done], summaries


def merge_small(writer, segments):
    """Merge policy: when there are many small segments, merge just those."""
    small = [s for s in segments if s.doc_count_all() < SMALL_DOCS]
    if len(small) <= SMALL_LIMIT:
        return list(segments)
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def commit_with(writer, new_segments: list) -> None:
    """Commit ``writer`` (its deletions and documents) plus segments built by workers, atomically."""
    final = writer._merge_segments(merge_small, False, True)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    final.extend(new_segments)
    writer._commit_toc(final)
    writer._finish()
