"""The one change storage makes to Whoosh's own code: compound sub-files read without a copy.

Every sub-file of a compound (single-file) segment is opened by
``whoosh.filedb.compound.CompoundStorage.open_file`` as a ``BufferFile`` over the
memory-mapped segment, and Whoosh 2.7.4's ``BufferFile.__init__`` wraps it in
``BytesIO(buf)``, which copies the whole sub-file into memory: opening a
searcher read the entire index into RAM (about the index size, GBs for a big
library). :func:`apply` makes ``compound`` open them as :class:`MappedBufferFile`,
which reads straight from the mapping, copying only the bytes asked for.

It is applied explicitly, by :mod:`reader.index.storage.opening` whenever an
index is opened or created (and so in every import worker), is idempotent, and
touches only the name ``BufferFile`` in ``whoosh.filedb.compound``: Whoosh's
``BufferFile`` class itself (used by ``RamStorage``) is left as it is.
(Whoosh's misspelt ``set_inline`` is handled on storage's own term-info class,
:class:`reader.index.storage.codec.RawTermInfo`, not here.)

:func:`release_mapped_pages` gives the pages such reads touched back to the OS.
"""

from __future__ import annotations

import io
import mmap

from whoosh.filedb import compound, structfile
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import OverlayStorage
from whoosh.reading import SegmentReader


class RawView(io.RawIOBase):
    """A read-only raw stream over a buffer (memoryview) that does not copy it."""

    def __init__(self, buf):
        super().__init__()
        self._buf = memoryview(buf)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = max(0, min(len(b), len(self._buf) - self._pos))
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n

    def seek(self, pos: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            pos += self._pos
        elif whence == io.SEEK_END:
            pos += len(self._buf)
        self._pos = max(0, pos)
        return self._pos

    def tell(self) -> int:
        return self._pos


def view_file(buf) -> io.BufferedReader:
    """A seekable binary file reading ``buf`` in small buffered pieces (C-level reads and pickles)."""
    return io.BufferedReader(RawView(buf), buffer_size=512)


class MappedBufferFile(structfile.BufferFile):
    """Whoosh's ``BufferFile`` whose file object reads the buffer in place (no ``BytesIO`` copy).

    Sets exactly the attributes Whoosh 2.7.4's ``BufferFile.__init__`` sets (see the contract).
    """

    def __init__(self, buf, name=None, onclose=None):
        self._buf = buf
        self._name = name
        self.file = view_file(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def apply() -> None:
    """Make compound segments open their sub-files as :class:`MappedBufferFile` (idempotent)."""
    if compound.BufferFile is not MappedBufferFile:
        compound.BufferFile = MappedBufferFile


def applied() -> bool:
    return compound.BufferFile is MappedBufferFile


def _mapped_sources(searcher) -> list[mmap.mmap]:
    """The open memory maps of ``searcher``'s segments (compound segments; others have none)."""
    out = []
    for sub, _offset in searcher.leaf_searchers():
        reader = sub.reader()
        if not isinstance(reader, SegmentReader):  # an index without segments: an EmptyReader
            continue
        storage = reader._storage  # SegmentReader._storage (contract)
        parts = (storage.a, storage.b) if isinstance(storage, OverlayStorage) else (storage,)
        for part in parts:
            if isinstance(part, CompoundStorage):
                source = part._source  # CompoundStorage._source: the mmap, or None (contract)
                if isinstance(source, mmap.mmap) and not source.closed:
                    out.append(source)
    return out


def release_mapped_pages(searcher) -> int:
    """Unmap the resident pages of the searcher's memory-mapped segment files; returns how many maps.

    Reading a big index through mmap leaves every page it touched counted in the
    process's resident memory (RSS) until the kernel needs it back: after a few
    hundred searches of a 100k library that was over 1 GB, all of it a copy-free
    view of the page cache. ``MADV_DONTNEED`` on a shared read-only file mapping
    drops the pages from this process only; the data stays in the page cache, so
    the next search that needs a page maps it again without disk I/O (a minor
    fault). Platforms without ``madvise`` keep the pages mapped.
    """
    advice = getattr(mmap, "MADV_DONTNEED", None)  # the platform's, not Whoosh's: absent on Windows
    if advice is None:
        return 0
    count = 0
    for source in _mapped_sources(searcher):
        try:
            source.madvise(advice)
            count += 1
        except (OSError, ValueError):
            pass
    return count
