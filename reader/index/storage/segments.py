"""Segments written apart and committed together: the spill of a full writer, the merge policy, the commit.

An import writes stories through :class:`~reader.index.storage.writer.FastWriter`
writers; one that holds :data:`SPILL_POSTINGS` hands its documents over as a
finished, uncommitted segment (:class:`Spill`), worker processes write whole
segments of their own (:func:`finish_writer`), and :func:`commit_with` puts them
all into the table of contents in one atomic step with the main writer's
deletions and documents. A small merge policy keeps the number of segments down
without re-merging large ones on every small import. Everything here drives
Whoosh's ``SegmentWriter`` through its private steps (named in the contract).
"""

from __future__ import annotations

from whoosh.index import TOC
from whoosh.reading import SegmentReader

from reader.index.storage.codec import codec
from reader.index.storage.writer import FastWriter

#: Segments under this many documents (those of small, incremental imports) are merged together
#: once there are more than SMALL_LIMIT of them. Segments built by workers (a batch of up to an
#: import's ``commit_files`` files: a story and a manifest row each, so ~6,000 documents, fewer for a
#: batch's last files) and by a commit of the serial path are left alone: merging is single-threaded
#: Python and would undo the parallel build (at 10,000 files, under the old 1,000-document threshold,
#: Whoosh's merge took 7,830 documents, 25 s and 600 MB in the importing process at the end).
SMALL_DOCS = 256
SMALL_LIMIT = 8
#: A writer holding this many postings (about 65 MB with their terms) hands its documents over as a finished,
#: uncommitted segment and a new one goes on: one huge file or story never holds them all in memory.
#: About 1,500 news stories: such segments are not "small" (SMALL_DOCS), so never merged again.
SPILL_POSTINGS = 1_200_000
#: The same for a worker process (about 220 MB, ~5,000 stories; a batch of ``commit_files`` one-story
#: files holds about 2.4M): bigger segments are fewer lookups per query, and a worker's memory goes
#: back to the system when it exits. The importing process keeps the smaller limit: the GUI imports
#: in its own process, which would keep that memory.
WORKER_SPILL_POSTINGS = 4_000_000


def side_writer(ix) -> FastWriter:
    """A writer for segments committed by another writer (no lock of its own: the main one holds it)."""
    return FastWriter(ix, _lk=False, codec=codec())


def finish_writer(writer: FastWriter) -> list:
    """The segment ``writer`` wrote (uncommitted), or none if it added nothing (then it is closed)."""
    if writer._added:
        return [writer._finalize_segment()]
    writer._close_segment()
    return []


class Spill:
    """Where story documents go so that no writer holds more than ``limit`` postings
    (:data:`SPILL_POSTINGS`, or :data:`WORKER_SPILL_POSTINGS` in a worker).

    ``target(main)`` is ``main`` while it has room, else a side writer on the same index;
    a full side writer is finalized into :attr:`done` (a segment written but not yet in the
    table of contents) and a new one takes over. The importer commits ``finish()``'s segments
    with the main writer, in one step with the files' manifest rows, so a crash still leaves
    the index at its last commit.
    """

    def __init__(self, ix, limit: int | None = None) -> None:
        self.ix = ix
        self.limit = SPILL_POSTINGS if limit is None else limit
        self.writer: FastWriter | None = None
        self.done: list = []

    def target(self, main: FastWriter) -> FastWriter:
        if self.writer is None:
            if main.posting_count < self.limit:
                return main
            self.writer = side_writer(self.ix)
        elif self.writer.posting_count >= self.limit:
            self.done.append(self.writer._finalize_segment())
            self.writer = side_writer(self.ix)
        return self.writer

    def finish(self) -> list:
        """The segments written so far (the current side writer's included); the spill starts empty."""
        if self.writer is not None:
            self.done.extend(finish_writer(self.writer))
        done, self.writer, self.done = self.done, None, []
        return done

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer._close_segment()
        self.writer, self.done = None, []


def merge_small(writer, segments):
    """Merge policy: segments whose documents are all deleted are dropped (nothing to copy: their
    files go at the commit); when there are many small segments, just those are merged."""
    segments = [s for s in segments if s.deleted_count() < s.doc_count_all()]
    small = [s for s in segments if s.doc_count_all() < SMALL_DOCS]
    if len(small) <= SMALL_LIMIT:
        return list(segments)
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def commit_with(writer: FastWriter, new_segments: list, *, others_writing: bool = False) -> None:
    """Commit ``writer`` (its deletions and documents) plus segments built apart, atomically.

    A commit removes the files of segments its table of contents does not list (merged away,
    or left by an import that died), and the index's temp folder. With ``others_writing``
    (worker processes are writing segments of their own into the folder) both are left for a
    later commit: the segments being written are not listed yet, and their writers keep their
    column files in that temp folder.
    """
    writer.close_searcher()
    final = writer._merge_segments(merge_small, False, True)
    final.extend(finish_writer(writer))
    final.extend(new_segments)
    if others_writing:
        TOC(writer.schema, final, writer.generation).write(writer.storage, writer.indexname)
        # what _finish does, but the index's temp folder stays: every writer of the index keeps its
        # column files there (named after the index, not the writer), and the others are writing
        if writer.writelock:
            writer.writelock.release()
        writer.is_closed = True
    else:
        writer._commit_toc(final)
        writer._finish()
