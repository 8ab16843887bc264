"""ArchiveIndex: the library's Whoosh index — import (incremental, crash safe, locked) and lookup.

Consistency: each imported file has a manifest document (``kind=file``: size,
mtime, SHA-1, its story ids) written in the same Whoosh commit as its stories,
so after a crash (even ``kill -9`` mid-import) the index opens at the last
commit and the manifest says exactly which files that commit holds; the next
import redoes the rest. Imports commit every few hundred files. A second
writer is refused by an OS file lock (released automatically when a process
dies) with :class:`LibraryBusy`.

Format changes: ``reader-index.json`` in the index folder records the
:data:`~reader.index.schema.SCHEMA_VERSION` the index was written with. An
index of an older version is reset when opened (its import roots are kept)
and the next :meth:`ArchiveIndex.update` re-imports those roots; until then
:attr:`ArchiveIndex.notices` and every search's notes say so.
"""

from __future__ import annotations

import json
import mmap
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import query as wq

from reader import paths
from reader.atomicfile import write_atomic
from reader.index import documents, search, storage
from reader.index.filejob import Tagger
from reader.index.importer import Importer, ImportLimits, ImportReport
from reader.index.locking import ImportLock, LibraryBusy
from reader.index.manifest import file_key
from reader.index.matches import MatchList, date_keys_of
from reader.index.reprints import ReprintStore
from reader.index.results import Results, SearchRequest
from reader.index.schema import SCHEMA_VERSION, make_schema
from reader.index.scoring import WEIGHTING
from reader.index.segcache import SegmentCache
from reader.story import Story

try:
    import resource
except ImportError:  # Windows: no page-fault count, and no madvise to release pages with either
    resource = None  # type: ignore[assignment]

ProgressFn = Callable[[int, int, str], None]
VERSION_FILE = "reader-index.json"


class IndexUnavailable(RuntimeError):
    """The index cannot be opened or written (damaged files, permissions, a Whoosh it cannot use, ...)."""


def _read_meta(folder: Path) -> dict:
    """The version file's content ({} when missing or unreadable: an index from before versions)."""
    try:
        meta = json.loads((folder / VERSION_FILE).read_bytes().decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _write_meta(
    folder: Path, rebuild_roots: list[str], old: int | None = None, interrupted: bool = False
) -> None:
    """Record the format version and the roots a rebuild still owes (``interrupted``: a ``--rebuild``).

    Written (and flushed to disk) before the index is emptied, so a process killed at any
    moment of a rebuild leaves the list of folders to import for the next run.
    """
    meta: dict = {"schema": SCHEMA_VERSION, "rebuild_roots": rebuild_roots}
    if old is not None and rebuild_roots:
        meta["old"] = old
    if interrupted and rebuild_roots:
        meta["interrupted"] = True
    write_atomic(folder / VERSION_FILE, json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _meta_roots(meta: dict) -> list[str]:
    return [r for r in meta.get("rebuild_roots") or [] if isinstance(r, str)]


def _old_roots(folder: Path) -> list[str]:
    """The import roots stored in an index of any version ([] if it cannot be read)."""
    try:
        ix = storage.open_dir(str(folder))
        try:
            with ix.searcher() as searcher:
                fields = searcher.document(id="meta:roots")
        finally:
            ix.close()
        roots = json.loads(fields["data"]) if fields else []
        return [r for r in roots if isinstance(r, str)]
    except Exception:  # a damaged old index: nothing to carry over
        return []


def _rebuild_notice(old: int, roots: list[str], interrupted: bool = False) -> str:
    if interrupted:
        return (
            f"a rebuild of the search index was interrupted; the next import finishes it from "
            f"{len(roots)} previously imported folder(s)/file(s)"
        )
    return (
        f"the search index was written by an older version of reader (index format {old}, now "
        f"{SCHEMA_VERSION}) and has been reset; the next import rebuilds it from "
        f"{len(roots)} previously imported folder(s)/file(s)"
    )


#: What one page fault may bring in: a fault in a mapped file maps the pages around it too (Linux's
#: fault-around, 64 kB), so faults times this bounds the bytes mapped in (anonymous ones count too).
_FAULT_BYTES = max(mmap.PAGESIZE, 64 * 1024)


#: A folder mtime this much older than the moment it was seen is past any file system's timestamp
#: granularity (FAT's is 2 s).
_SETTLED_NS = 3 * 10**9


def _page_faults() -> int:
    """Minor page faults of this process so far (pages mapped in, a mapped file's among them); 0 on
    Windows, which has no such count (nor the madvise that :func:`storage.release_mapped_pages` uses)."""
    if resource is None:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


class ArchiveIndex:
    """One library's index. ``search``/``get`` are thread safe; ``update`` takes the import lock."""

    #: Commit after this many files or seconds (whichever first) during an import. A worker's batch
    #: is as many files (one segment each): fewer, bigger segments are fewer lookups per query and
    #: less term table repeated in each (10,000 files: 1,000-file batches 160 MB and query p50 1.5-5.5
    #: ms, 2,500-file batches 143 MB and 0.9-4.9 ms, same format). A worker then peaks at about 410 MB.
    commit_files = 3000
    commit_seconds = 60.0
    #: ... or when this many postings are held in memory (about 55 bytes each with their terms).
    commit_postings = 2_500_000
    #: Fewer changed files than this are parsed in-process (no worker start-up cost).
    pool_threshold = 24
    #: The pages of the mapped segment files that reads touched are given back to the system
    #: (:func:`storage.release_mapped_pages`) once reads have faulted in this many bytes of pages
    #: since the last release: resident memory grows by at most about that. Releasing after every
    #: read, and faulting the same pages in again, was a fifth of a search's time (p50 at 10,000
    #: files: phrase 2.65 -> 2.07 ms, AND 1.95 -> 1.48; peak RSS of 2,500 searches 88 -> 107 MB,
    #: 188 MB never releasing); searches of terms already read fault in little.
    release_after_bytes = 32 * 2**20

    def __init__(self, home: Path):
        self.home = Path(home)
        self.dir = paths.index_dir(self.home)
        self._lock = threading.RLock()
        self._searcher = None
        #: The index folder's mtime at the last check for a newer commit, and when that check was.
        self._folder_seen: tuple[int, int] = (-1, 0)
        #: Per-segment arrays (kept while their segment is in the index) ...
        self._segments = SegmentCache(self.dir)
        #: ... and the last few evaluated requests (stale after any commit).
        self._cache = search.ResultCache()
        #: Messages about the state of the index (e.g. reset after a format change).
        self.notices: list[str] = []
        #: Roots of an index reset by a format change, re-imported by the next update.
        self._pending_roots: list[str] = []
        #: Page faults of this process when the mapped pages were last released (release_after_bytes).
        self._faults_at_release = _page_faults()
        self._ix = self._open()
        #: The library's reprint groups (derived from the index; brought up to date by each import).
        self.reprints = ReprintStore(self.dir)

    # -- opening ---------------------------------------------------------

    def _open(self):
        self.dir.mkdir(parents=True, exist_ok=True)
        try:
            if storage.exists_in(str(self.dir)):
                meta = _read_meta(self.dir)
                version = meta.get("schema", 1)
                if version == SCHEMA_VERSION:
                    self._pending_roots = _meta_roots(meta)
                    if self._pending_roots:
                        self.notices.append(
                            _rebuild_notice(
                                meta.get("old", 1), self._pending_roots, bool(meta.get("interrupted"))
                            )
                        )
                    return storage.open_dir(str(self.dir))
                if not isinstance(version, int) or version > SCHEMA_VERSION:
                    raise IndexUnavailable(
                        f"the index in {self.dir} was written by a newer version of reader "
                        f"(index format {version}; this version reads {SCHEMA_VERSION})"
                    )
                return self._reset(version)
            # no index (new library, or one a killed rebuild left half made): roots a rebuild owes stay
            meta = _read_meta(self.dir)
            owed = _meta_roots(meta) if meta.get("schema") == SCHEMA_VERSION else []
            ix = storage.create_in(str(self.dir), make_schema())
            _write_meta(self.dir, owed, meta.get("old"), bool(meta.get("interrupted")))
            self._pending_roots = owed
            if owed:
                self.notices.append(_rebuild_notice(meta.get("old", 1), owed, bool(meta.get("interrupted"))))
            return ix
        except (IndexUnavailable, LibraryBusy):
            raise
        except storage.StorageError as exc:  # a Whoosh release storage cannot use: says which and why
            raise IndexUnavailable(f"cannot open the index in {self.dir}: {exc}") from exc
        except Exception as exc:  # whoosh raises many kinds
            raise IndexUnavailable(f"cannot open the index in {self.dir}: {exc}") from exc

    def _reset(self, old: int):
        """Replace an index of an older format by an empty one, keeping its roots for the next import."""
        with ImportLock(self.dir, self.home):
            roots = _old_roots(self.dir)
            ix = storage.create_in(str(self.dir), make_schema())
            _write_meta(self.dir, roots, old)
        self._pending_roots = roots
        self.notices.append(_rebuild_notice(old, roots))
        return ix

    def _get_searcher(self):
        with self._lock:
            if self._searcher is None:
                self._searcher = self._ix.searcher(weighting=WEIGHTING)
            elif self._folder_changed() and not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
            return self._searcher

    def _folder_changed(self) -> bool:
        """Whether the index folder may have changed since the last check, so that a newer commit
        (of another process) must be looked for: Whoosh's check lists the folder, a tenth of a
        two-word search. Every commit adds a table-of-contents file, which changes the folder's
        mtime. An unchanged mtime is trusted only if it was already older than :data:`_SETTLED_NS`
        when it was seen (as Git does with racily clean files): a change within a coarse
        timestamp's tick would not move it."""
        try:
            mtime = os.stat(self.dir).st_mtime_ns
        except OSError:
            return True
        seen, seen_at = self._folder_seen
        if mtime == seen and seen_at - seen > _SETTLED_NS:
            return False
        self._folder_seen = (mtime, time.time_ns())
        return True

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()
            self.reprints.close()

    # -- reading -----------------------------------------------------------

    def search(self, request: SearchRequest) -> Results:
        with self._lock:
            searcher = self._get_searcher()
            results = search.run(
                searcher, self._segments, self._cache, request, groups=self.reprints.groups()
            )
            self._release_pages(searcher)
        if self.notices:
            results.notes = [*self.notices, *results.notes]
        return results

    def _release_pages(self, searcher, *, now: bool = False) -> None:
        """After a read: the mapped pages go back once reads have faulted in ``release_after_bytes``
        (``now``: whatever was faulted in)."""
        faults = _page_faults()
        if now or (faults - self._faults_at_release) * _FAULT_BYTES >= self.release_after_bytes:
            storage.release_mapped_pages(searcher)
            self._faults_at_release = faults

    def ids_for(self, request: SearchRequest) -> list[str]:
        with self._lock:
            searcher = self._get_searcher()
            ids = search.run(searcher, self._segments, self._cache, request, ids_only=True)
            self._release_pages(searcher)
            return ids

    def matches(self, request: SearchRequest, *, ordered: bool = True) -> MatchList:
        """Every story matching ``request`` (query, filters, ids; not one page), in result order
        unless ``ordered`` is False (then in index order, which is cheaper: the timeline's case)."""
        with self._lock:
            searcher = self._get_searcher()
            matched, parsed, notes, order = search.evaluate_request(
                searcher, self._segments, self._cache, request, ranked=ordered
            )
            found = MatchList(
                self._lock, searcher, order, date_keys_of(matched), parsed, [*self.notices, *notes]
            )
            self._release_pages(searcher)
        return found

    def get(self, story_id: str) -> Story | None:
        with self._lock:
            searcher = self._get_searcher()
            for docnum in searcher.document_numbers(id=story_id):
                fields = searcher.stored_fields(docnum)
                if fields.get("kind") == "story":
                    return documents.decode_story(fields["data"])
        return None

    def get_many(self, ids: list[str]) -> list[Story]:
        out = []
        for story_id in ids:
            story = self.get(story_id)
            if story is not None:
                out.append(story)
        return out

    def count(self) -> int:
        with self._lock:
            return len(search.matched_docs(self._get_searcher(), self._segments, None))

    @property
    def rebuild_pending(self) -> bool:
        """The index was reset by a format change and waits to be rebuilt from its roots."""
        return bool(self._pending_roots)

    def roots(self) -> list[str]:
        with self._lock:
            fields = self._get_searcher().document(id="meta:roots")
        roots = json.loads(fields["data"]) if fields else []
        return list(dict.fromkeys([*roots, *self._pending_roots]))

    def _rebuilt(self) -> None:
        """An import finished: a pending rebuild after a format change is done."""
        if self._pending_roots:
            _write_meta(self.dir, [])
            self._pending_roots = []
            self.notices = []

    def _manifest(self) -> dict[str, dict]:
        with self._lock:
            searcher = self._get_searcher()
            return {
                documents.path_from_term(f["path"]): json.loads(f["data"])
                for f in (searcher.stored_fields(d) for d in searcher.document_numbers(kind="file"))
            }

    # -- writing -------------------------------------------------------------

    def _writer(self) -> storage.FastWriter:
        try:
            return storage.new_writer(self._ix, timeout=2.0)
        except storage.WriterLocked:
            raise LibraryBusy(f"library busy: another reader process is importing into {self.home}") from None

    def set_tags(self, story_id: str, tags: list[str]) -> None:
        with ImportLock(self.dir, self.home), self._lock:
            story = self.get(story_id)
            if story is None:
                raise KeyError(f"no story with id {story_id!r}")
            story.tags = list(dict.fromkeys(tags))
            writer = self._writer()
            try:
                doc = documents.story_document(story)
                doc["path"] = documents.path_term(file_key(Path(story.file))) if story.file else ""
                writer.delete_by_query(wq.And([wq.Term("id", story_id), wq.Term("kind", "story")]))
                writer.add_document(**doc)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def update(
        self,
        sources: list[Path] | None = None,
        *,
        rebuild: bool = False,
        progress: ProgressFn | None = None,
        cancelled: Callable[[], bool] | None = None,
        tagger: Tagger | None = None,
    ) -> ImportReport:
        """Import the files/folders ``sources`` (``None`` or empty: the roots imported before)."""
        with self._lock:
            if self._searcher is not None:  # an import's memory does not come on top of read pages
                self._release_pages(self._searcher, now=True)
        with ImportLock(self.dir, self.home):
            report = Importer(_ImportTarget(self), progress, cancelled, tagger).run(
                list(sources or []), rebuild
            )
        with self._lock:
            # read the new segments' facet and date arrays now (and save them beside the segments),
            # so the first search and the next start do not pay for it
            self._segments.leaves(self._get_searcher())
        return report

    def _recreate(self, roots: list[str]) -> None:
        """Empty the index for ``reader index --rebuild`` of ``roots``.

        ``roots`` are recorded first: a rebuild killed at any moment leaves them, and the next
        import (``reader index`` with no paths, or the app's) finishes the rebuild from them.
        """
        with self._lock:
            owed = list(dict.fromkeys([*self._pending_roots, *roots]))
            _write_meta(self.dir, owed, interrupted=True)
            self._pending_roots = owed
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()
            self._ix = storage.create_in(str(self.dir), make_schema())
            self._segments = SegmentCache(self.dir)
            self._cache = search.ResultCache()


class _ImportTarget:
    """What an import may see and do of one :class:`ArchiveIndex` (:class:`.importer.ImportTarget`)."""

    def __init__(self, index: ArchiveIndex) -> None:
        self._index = index
        self.folder = str(index.dir)
        self.limits = ImportLimits(
            commit_files=index.commit_files,
            commit_seconds=index.commit_seconds,
            commit_postings=index.commit_postings,
            pool_threshold=index.pool_threshold,
        )

    def roots(self) -> list[str]:
        return self._index.roots()

    def pending_roots(self) -> list[str]:
        return list(self._index._pending_roots)

    def manifest(self) -> dict[str, dict]:
        return self._index._manifest()

    def writer(self) -> storage.FastWriter:
        return self._index._writer()

    def spill(self) -> storage.Spill:
        return storage.Spill(self._index._ix)

    def recreate(self, roots: list[str]) -> None:
        self._index._recreate(roots)

    def rebuilt(self) -> None:
        self._index._rebuilt()

    @property
    def reprints(self) -> ReprintStore:
        return self._index.reprints

    def stories(self, ids: list[str]) -> list[Story]:
        return self._index.get_many(ids)


def open_index(home: Path) -> ArchiveIndex:
    """The library's index (created empty if missing)."""
    return ArchiveIndex(Path(home))
