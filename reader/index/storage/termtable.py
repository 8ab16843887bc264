"""A segment's term table: its keys in ascending order, found through a sorted array of key hashes.

Whoosh's ``OrderedHashWriter`` keeps, for every term, two 12-byte hash slots, 8 bytes of
key and value lengths and a 4-byte entry in its ordered index: 36 bytes a term before the
key and the term's entry. Most of a library's terms are rare bigrams whose entry (inline
postings) is a dozen bytes, so that table was about half of every segment's term file and a
quarter of the index. This table keeps 9 bytes a term (7 where its file is under 16 MB)
beside the key's own bytes::

    b"RTT3"
    entries, in ascending key order, back to back:
        uint8 stored length, uint8 value length          (under 254 and 256: nearly every term)
        0xFE, uint8 stored length, uint16 value length   (a longer value)
        0xFF, uint32 stored length, uint32 value length  (either longer still)
        the key without its stem (its first 2 bytes: Whoosh's field number), value
    uint32[count]        CRC-32 of each whole key, ascending
    uint24|32|64[count]  where each of those keys' entries starts (same order)
    uint32|64[...]       where every SPARSE-th entry in key order starts (ordered seeks)
    pickle               extras (Whoosh's field map) and the stems: (first entry's position, stem)
                         of each run of keys with the same stem, in order
    footer               count, the three arrays' positions, the extras' position, offset width,
                         SPARSE, b"RTT3"

A lookup is one binary search over the hashes and a key comparison where the entry lies,
read in place in the mapped segment, the stem found by position among the runs (a segment
has a run a field: a few dozen); ordered reading (cursors, ranges, merging) walks the entries
from a position found by binary search over the sparse array. RTT2 (formats 9-13) kept every
key whole and 4-byte positions: 3 bytes a term more, 4 MB of a 10,000-file library. The reader offers what
Whoosh's ``W3TermsReader`` and ``W3FieldCursor`` use of an ``OrderedHashReader``.
"""

from __future__ import annotations

import pickle
import struct
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Literal

import numpy as np

MAGIC = b"RTT3"
#: Bytes at the start of a key kept once for each run of keys that share them.
STEM = 2
#: Every SPARSE-th entry's position is kept for ordered seeks (at most SPARSE - 1 entries walked);
#: the footer records the step the table was written with.
SPARSE = 16
_MEDIUM = struct.Struct("<BH")
_WIDE = struct.Struct("<II")
#: First bytes of an entry's header that are not a key length: a medium or a wide header follows.
_MEDIUM_MARK = 0xFE
_WIDE_MARK = 0xFF
_FOOTER = struct.Struct("<QQQQQBH4s")
_U32 = np.dtype("<u4")
_STEMS = "reader.stems"  # the extras' key of the stems (taken out when read)


def _header(keylen: int, valuelen: int) -> bytes:
    if keylen < _MEDIUM_MARK:
        if valuelen < 0x100:
            return bytes((keylen, valuelen))
        if valuelen < 0x10000:
            return bytes((_MEDIUM_MARK,)) + _MEDIUM.pack(keylen, valuelen)
    return bytes((_WIDE_MARK,)) + _WIDE.pack(keylen, valuelen)


class TermTableWriter:
    """Writes a term table; keys must be added in ascending order (as Whoosh's field writer does)."""

    def __init__(self, dbfile) -> None:
        self.dbfile = dbfile
        self.extras: dict = {}
        if dbfile.tell():
            raise ValueError("a term table starts its file (positions are the file's)")
        dbfile.write(MAGIC)
        self._pos = len(MAGIC)
        self._offsets = array("Q")
        self._hashes = array("I")
        self._last = b""
        self._stems: list[tuple[int, bytes]] = []

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self._last and self._offsets:
            raise ValueError(f"term table keys must increase: {self._last!r}..{key!r}")
        self._last = key
        stem = key[:STEM]
        if not self._stems or self._stems[-1][1] != stem:
            self._stems.append((self._pos, stem))
        self._offsets.append(self._pos)
        self._hashes.append(zlib.crc32(key))
        data = _header(len(key) - len(stem), len(value)) + key[len(stem) :] + value
        self.dbfile.write(data)
        self._pos += len(data)

    def close(self) -> int:
        dbfile = self.dbfile
        offsets = np.frombuffer(self._offsets, dtype=np.uint64) if self._offsets else np.zeros(0, np.uint64)
        hashes = np.frombuffer(self._hashes, dtype=np.uint32) if self._hashes else np.zeros(0, np.uint32)
        last = int(offsets[-1]) if len(offsets) else 0
        width = 3 if last < 1 << 24 else 4 if last < 1 << 32 else 8
        kind = np.dtype("<u8") if width == 8 else np.dtype("<u4")
        order = np.argsort(hashes, kind="stable")
        where = offsets[order].astype(kind)
        if width == 3:  # the low three bytes of each little-endian uint32
            where_bytes = where.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
        else:
            where_bytes = where.tobytes()
        parts = [hashes[order].astype(_U32).tobytes(), where_bytes, offsets[::SPARSE].astype(kind).tobytes()]
        positions = []
        for part in parts:
            positions.append(self._pos)
            dbfile.write(part)
            self._pos += len(part)
        extras_at = self._pos
        extras = pickle.dumps({**self.extras, _STEMS: self._stems}, 2)
        dbfile.write(extras)
        dbfile.write(_FOOTER.pack(len(offsets), *positions, extras_at, width, SPARSE, MAGIC))
        self._pos += len(extras) + _FOOTER.size
        dbfile.close()
        return self._pos


class _FileBytes:
    """An unmapped table's bytes, read from its file as they are asked for (slices and single bytes)."""

    def __init__(self, dbfile) -> None:
        self._dbfile = dbfile

    def __getitem__(self, at):
        if isinstance(at, slice):
            return self._dbfile.get(at.start, at.stop - at.start)
        return self._dbfile.get(at, 1)[0]


class TermTable:
    """Reads a :class:`TermTableWriter` table from a Whoosh structfile of ``length`` bytes."""

    def __init__(self, dbfile, length: int) -> None:
        self.dbfile = dbfile
        self.is_closed = False
        mapped = getattr(dbfile, "_buf", None)  # a mapped compound segment's BufferFile
        self._buf: memoryview | _FileBytes = mapped if isinstance(mapped, memoryview) else _FileBytes(dbfile)
        self._length = length
        if length < len(MAGIC) + _FOOTER.size or bytes(self._buf[0:4]) != MAGIC:
            raise ValueError("not a term table (RTT2)")
        count, hashes_at, where_at, sparse_at, extras_at, width, step, magic = _FOOTER.unpack(
            bytes(self._buf[length - _FOOTER.size : length])
        )
        if (
            magic != MAGIC
            or width not in (3, 4, 8)
            or not step
            or not (len(MAGIC) <= hashes_at <= where_at <= sparse_at <= extras_at <= length - _FOOTER.size)
        ):
            raise ValueError("term table footer is damaged")
        kind: Literal["I", "Q"] = "Q" if width == 8 else "I"
        self.count = count
        self.endofdata = hashes_at
        self._hashes = self._array(hashes_at, count, "I")
        self._where_at = where_at
        if where_at + count * width > sparse_at:
            raise ValueError("term table footer is damaged")
        self._where = self._array(where_at, count, kind) if width != 3 else None
        self._sparse = self._array(sparse_at, (count + step - 1) // step, kind)
        try:
            extras = pickle.loads(bytes(self._buf[extras_at : length - _FOOTER.size]))
            stems = extras.pop(_STEMS)
        except (
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            IndexError,
            KeyError,
            TypeError,
        ) as e:
            raise ValueError(f"term table extras are damaged ({e})") from None
        self.extras = extras
        self._stem_starts = [at for at, _stem in stems]
        self._stems = [stem for _at, stem in stems]
        self._run = (0, 0, b"")  # the run last asked about: (first position, past its last, stem)

    def _array(self, pos: int, count: int, typecode: Literal["I", "Q"]) -> Sequence[int]:
        """``count`` little-endian unsigned integers at ``pos``, read in place where mapped.

        A memoryview, not a numpy array: the arrays start wherever the entries end, and numpy
        copies an unaligned array on every ``searchsorted`` (20 µs for 200,000 terms, not 0.5).
        """
        size = struct.calcsize(typecode)
        if pos + count * size > self._length:
            raise ValueError("term table array runs past its end")
        data = self._buf[pos : pos + count * size]
        if sys.byteorder == "little":
            return memoryview(data).cast(typecode)
        swapped = array(typecode, bytes(data))  # pragma: no cover - big-endian machines
        swapped.byteswap()  # pragma: no cover
        return swapped  # pragma: no cover

    def _entry_at(self, i: int) -> int:
        """Where the entry of the ``i``-th key in hash order starts."""
        if self._where is not None:
            return self._where[i]
        at = self._where_at + 3 * i
        return int.from_bytes(self._buf[at : at + 3], "little")

    def _stem_at(self, pos: int) -> bytes:
        """The stem of the key whose entry starts at ``pos`` (the run asked about last, kept:
        cursors and seeks ask about neighbouring entries)."""
        lo, hi, stem = self._run
        if lo <= pos < hi:
            return stem
        i = bisect_right(self._stem_starts, pos) - 1
        starts = self._stem_starts
        self._run = (starts[i], starts[i + 1] if i + 1 < len(starts) else self.endofdata, self._stems[i])
        return self._stems[i]

    def _range_at(self, pos: int) -> tuple[int, int, int, int]:
        """``(key position, key length, value position, value length)`` of the entry at ``pos``."""
        buf = self._buf
        keylen = buf[pos]
        if keylen < _MEDIUM_MARK:
            return pos + 2, keylen, pos + 2 + keylen, buf[pos + 1]
        if keylen == _MEDIUM_MARK:
            keypos = pos + 1 + _MEDIUM.size
            keylen, valuelen = _MEDIUM.unpack(buf[pos + 1 : keypos])
        else:
            keypos = pos + 1 + _WIDE.size
            keylen, valuelen = _WIDE.unpack(buf[pos + 1 : keypos])
        return keypos, keylen, keypos + keylen, valuelen

    def key_at(self, pos: int) -> bytes:
        keypos, keylen, _datapos, _datalen = self._range_at(pos)
        return self._stem_at(pos) + bytes(self._buf[keypos : keypos + keylen])

    def _find(self, key: bytes) -> tuple[int, int] | None:
        """``(value position, value length)`` of ``key``, or None."""
        keyhash = zlib.crc32(key)
        hashes = self._hashes
        i = bisect_left(hashes, keyhash)
        stem, rest = key[:STEM], key[STEM:]
        size = len(rest)
        while i < self.count and hashes[i] == keyhash:
            pos = self._entry_at(i)
            keypos, keylen, datapos, datalen = self._range_at(pos)
            if keylen == size and self._buf[keypos:datapos] == rest and self._stem_at(pos) == stem:
                return datapos, datalen
            i += 1
        return None

    def lookup(self, key: bytes) -> bytes | None:
        """The value of ``key``, or None."""
        found = self._find(key)
        if found is None:
            return None
        datapos, datalen = found
        return bytes(self._buf[datapos : datapos + datalen])

    def __getitem__(self, key: bytes) -> bytes:
        value = self.lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: bytes) -> bool:
        return self._find(key) is not None

    def get(self, key: bytes, default=None):
        value = self.lookup(key)
        return default if value is None else value

    def range_for_key(self, key: bytes) -> tuple[int, int]:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def key_and_range_at(self, pos: int) -> tuple[bytes, int, int] | None:
        """``(key, value position, value length)`` of the entry at ``pos``; None past the last."""
        if pos >= self.endofdata:
            return None
        keypos, _keylen, datapos, datalen = self._range_at(pos)
        return self._stem_at(pos) + bytes(self._buf[keypos:datapos]), datapos, datalen

    def closest_key_pos(self, key: bytes) -> int | None:
        """Where the first entry whose key is ``key`` or after it starts; None if there is none."""
        sparse = self._sparse
        lo, hi = 0, len(sparse)
        while lo < hi:  # the last sampled entry whose key is below ``key``
            mid = (lo + hi) // 2
            if self.key_at(sparse[mid]) < key:
                lo = mid + 1
            else:
                hi = mid
        pos = sparse[lo - 1] if lo else len(MAGIC)
        buf = self._buf
        while pos < self.endofdata:
            keypos, _keylen, datapos, datalen = self._range_at(pos)
            if self._stem_at(pos) + bytes(buf[keypos:datapos]) >= key:
                return pos
            pos = datapos + datalen
        return None

    def _items(self, pos: int | None) -> Iterator[tuple[bytes, bytes]]:
        """``(key, value)`` of every entry from the one at ``pos`` (the first by default) on."""
        buf = self._buf
        pos = len(MAGIC) if pos is None else pos
        end = self.endofdata
        starts, stems = self._stem_starts, self._stems
        run = bisect_right(starts, pos) - 1
        following = starts[run + 1] if run + 1 < len(starts) else end
        while pos < end:
            while pos >= following:
                run += 1
                following = starts[run + 1] if run + 1 < len(starts) else end
            keypos, _keylen, datapos, datalen = self._range_at(pos)
            yield stems[run] + bytes(buf[keypos:datapos]), bytes(buf[datapos : datapos + datalen])
            pos = datapos + datalen

    def items(self) -> Iterator[tuple[bytes, bytes]]:
        return self._items(None)

    def keys(self) -> Iterator[bytes]:
        return (key for key, _value in self._items(None))

    def __iter__(self) -> Iterator[bytes]:
        return self.keys()

    def items_from(self, key: bytes) -> Iterator[tuple[bytes, bytes]]:
        pos = self.closest_key_pos(key)
        return iter(()) if pos is None else self._items(pos)

    def keys_from(self, key: bytes) -> Iterator[bytes]:
        return (k for k, _value in self.items_from(key))

    def close(self) -> None:
        if self.is_closed:
            raise ValueError(f"tried to close {self!r} twice")
        self._hashes = self._where = self._sparse = None  # type: ignore[assignment]
        self._buf = _FileBytes(None)
        self.dbfile.close()
        self.is_closed = True
