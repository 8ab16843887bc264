"""Fixes to Whoosh 2.7.4 that the library relies on, applied once on import.

* Short posting lists are written inline with a misspelt method name
  (``set_inline``); the reading side is complete.
* Every sub-file of a compound (single-file) segment is opened as a
  ``BufferFile`` over the memory-mapped segment, whose ``BytesIO(buf)``
  copies the whole sub-file into memory: opening a searcher read the entire
  index into RAM (about the index size, GBs for a big library). Here the file
  object reads straight from the mapping, copying only the bytes asked for.
"""

from __future__ import annotations

import io
import mmap

from whoosh.codec import whoosh3
from whoosh.filedb import structfile

if not hasattr(whoosh3.W3TermInfo, "set_inline"):
    whoosh3.W3TermInfo.set_inline = whoosh3.W3TermInfo.set_inlined


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


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = view_file(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


structfile.BufferFile.__init__ = _buffer_file_init


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
    advice = getattr(mmap, "MADV_DONTNEED", None)
    if advice is None:
        return 0
    count = 0
    for sub, _offset in searcher.leaf_searchers():
        storage = getattr(sub.reader(), "_storage", None)
        for part in (getattr(storage, "a", None), getattr(storage, "b", None), storage):
            source = getattr(part, "_source", None)
            if isinstance(source, mmap.mmap) and not source.closed:
                try:
                    source.madvise(advice)
                    count += 1
                except (OSError, ValueError):
                    pass
    return count
