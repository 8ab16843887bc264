"""A Whoosh codec whose posting blocks are flat arrays, readable in bulk with numpy.

Whoosh's W3 codec pickles each block of postings as a tuple of delta-coded ids,
weights and one bytes object per posting value, then zlib-compresses the lot:
reading the documents of a term that occurs in most stories (any common
character) unpickles and decompresses every position of every posting, which
was most of the time of a one-character search on a big library.

:class:`RawCodec` is the W3 codec with another block layout and another term
table (:mod:`.termtable`) and stored fields (:mod:`.stored`); the other columns are W3's::

    int32 (big-endian, Whoosh's write_int) block length, negative for the last block
    "<IIfBBIB"  count, last id, max weight, min/max length bytes, size of the values part, layout
    ids             uint32[count] document numbers (little-endian), or (layout & _IDS_U16)
                    uint32 first id + uint16[count] offsets from it, or (layout & _IDS_U8)
                    uint32 first id + uint8[count] gaps from the id before (the first 0)
    weights         float32[count], or (layout & _WEIGHTS_F16) float16[count]: exact for term
                    frequencies times the field boosts, half the bytes, or (layout & _COUNTED)
                    uint8[count]: each posting's count of positions, which is its weight
    values part     zlib(level 1) of uint32[count + 1] offsets + the concatenated values, or
                    (layout & _GAPS) of the positions (CompactPositions) as each posting's
                    count (not under _COUNTED: the weights are the counts) and the gaps
                    between its positions, uint16s where all fit (_NARROW), a byte plane at
                    a time (_PLANES: every low byte, then every high one; a tenth smaller)

Short posting lists (most bigrams: under 8 documents) sit inline in the term
table; W3 pickles them (about 100 bytes a term, a third of a 100k index), here
they are flat too (:func:`inline_payload`: ids, weights, value lengths, values; uint16 ids
and half-float weights where they fit, no weights where they are the counts of positions).
Whoosh's matchers still work through :class:`RawLeafMatcher` and
:class:`RawTermInfo` (generic queries, merging); :func:`posting_arrays` and
:func:`posting_positions` read a term's postings straight into numpy arrays for
:mod:`reader.index.evaluate`. :func:`inline_terminfo` is the one encoder of an
inline term-table entry (:class:`RawTermInfo` and :mod:`.writer`'s bulk writer
both use it). Every segment of an index of format 4 or later is written with
this codec (:func:`codec`); a segment in another layout is refused
(:class:`~reader.index.storage.errors.StorageError`), never read another way.
"""

from __future__ import annotations

import functools
import struct
import sys
import zlib
from array import array
from pickle import dumps, loads
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.filedb import structfile
from whoosh.matching import ListMatcher
from whoosh.reading import EmptyReader, TermNotFound
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length, length_to_byte

from reader.index.storage.errors import StorageError
from reader.index.storage.stored import StoredPerDocReader, StoredPerDocWriter
from reader.index.storage.termtable import TermTable, TermTableWriter

_BLOCK = struct.Struct("<IIfBBIB")
#: Layout bits of a block (see the module docstring).
_IDS_U16 = 1
_WEIGHTS_F16 = 2
_GAPS = 4
_NARROW = 8
_COUNTED = 16
_IDS_U8 = 32
_PLANES = 64
_U16 = np.dtype("<u2")
_F16 = np.dtype("<f2")
_COUNTS = np.dtype("u1")
#: W3TermInfo's fixed part: inlined flag, weight, doc frequency, min/max length bytes,
#: max weight, min/max id (0xFFFFFFFF for none).
_TERMINFO = struct.Struct("!BfIBBfII")
_LEN = struct.Struct("!i")
#: The compact inline entry's fixed part: flag (W3's flags byte is 0 or 1), count, min/max length bytes.
_COMPACT = struct.Struct("<BBBB")
_COMPACT_FLAG = 3
#: The entry of a term in one document, at fewer than 256 positions all under 65,536, its weight
#: their count, the document's number under 65,536 (most of a term table: rare bigrams): the flag,
#: the field-length byte, uint16 docnum, uint8 count, uint16 positions (5 bytes before the
#: positions, where the compact form takes 8).
_SINGLE_FLAG = 4
_SINGLE = struct.Struct("<BBHB")
_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
_U32 = np.dtype("<u4")
_F32 = np.dtype("<f4")
_FIRST_ID = struct.Struct("<I")
_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


def _pack_values(values: list[bytes]) -> bytes:
    if not values:
        return b""
    offsets = np.zeros(len(values) + 1, dtype=_U32)
    np.cumsum([len(v) for v in values], out=offsets[1:])
    return zlib.compress(offsets.tobytes() + b"".join(values), 1)


def _pack_gaps(values: list[bytes], weights: np.ndarray) -> tuple[int, bytes, bytes | None] | None:
    """CompactPositions values as counts and position gaps (``(layout bits, part, counts)``), or
    None when they are not ascending uint32 positions. When every weight is its posting's count
    (under 256), the counts are the block's weights part (``counts``: uint8s, :data:`_COUNTED`)
    and the values part holds only the gaps; else ``counts`` is None."""
    lengths = np.frombuffer(array("q", map(len, values)), dtype=np.int64)
    if (lengths & 3).any():
        return None
    counts = lengths >> 2
    positions = np.frombuffer(b"".join(values), dtype=_U32).astype(np.int64)
    gaps = positions.copy()
    gaps[1:] -= positions[:-1]
    starts = np.cumsum(counts)
    starts -= counts
    starts = starts[counts > 0]
    gaps[starts] = positions[starts]  # each posting's first position is its own
    if len(gaps) and gaps.min() < 0:
        return None
    narrow = not len(gaps) or (gaps.max() < 0x10000 and counts.max() < 0x10000)
    kind = _U16 if narrow else _U32
    layout = _GAPS | _PLANES | (_NARROW if narrow else 0)
    if counts.max() < 256 and np.array_equal(counts, weights):
        part = zlib.compress(_planes(gaps.astype(kind)), 1)
        return layout | _COUNTED, part, counts.astype(np.uint8).tobytes()
    part = zlib.compress(_planes(np.concatenate((counts, gaps)).astype(kind)), 1)
    return layout, part, None


def _planes(values: np.ndarray) -> bytes:
    """``values``' bytes a plane at a time: every first byte, then every second...: the high bytes
    of small numbers are mostly zeros, which deflate packs far better apart than interleaved."""
    return values.view(np.uint8).reshape(-1, values.itemsize).T.tobytes()


def _from_planes(raw: bytes, kind: np.dtype) -> np.ndarray:
    planes = np.frombuffer(raw, dtype=np.uint8).reshape(kind.itemsize, -1)
    return np.ascontiguousarray(planes.T).view(kind).ravel()


def _pack_block_values(
    values: list[bytes], positions: bool, weights: np.ndarray
) -> tuple[int, bytes, bytes | None]:
    """A block's values part, its layout bits and the counts that stand for its weights, if any
    (``positions``: the values are CompactPositions; see :func:`_pack_gaps`)."""
    if not values:
        return 0, b"", None
    if positions and _LITTLE:
        packed = _pack_gaps(values, weights)
        if packed is not None:
            return packed
    return 0, _pack_values(values), None


def _block_positions(part, count: int, layout: int, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each posting's number of positions and all their positions (uint32s, posting after posting)
    from a values part written with :data:`_GAPS` (``weights``: the block's, which are the counts
    under :data:`_COUNTED`)."""
    raw = zlib.decompress(part)
    kind = _U16 if layout & _NARROW else _U32
    numbers = _from_planes(raw, kind) if layout & _PLANES else np.frombuffer(raw, dtype=kind)
    if layout & _COUNTED:
        counts = weights.astype(np.int64)
        gaps = numbers.astype(np.int64)
    else:
        counts = numbers[:count].astype(np.int64)
        gaps = numbers[count:].astype(np.int64)
    running = np.cumsum(gaps)
    before = np.concatenate(([0], running))[np.cumsum(counts) - counts]  # the sum before each posting
    return counts, (running - np.repeat(before, counts)).astype(_U32)


def _unpack_values(part, count: int, layout: int, weights: np.ndarray) -> list[bytes]:
    """A block's values (``weights``: the block's, see :func:`_block_positions`)."""
    if not part:
        return [b""] * count
    if layout & _GAPS:
        counts, positions = _block_positions(part, count, layout, weights)
        raw = positions.tobytes()
        ends = (np.cumsum(counts) * 4).tolist()
        return [raw[a:b] for a, b in zip([0, *ends], ends, strict=False)]
    raw = zlib.decompress(part)
    head = (count + 1) * 4
    offsets = np.frombuffer(raw, dtype=_U32, count=count + 1).tolist()
    return [raw[head + a : head + b] for a, b in zip(offsets, offsets[1:], strict=False)]


def _pack_ids(ids: np.ndarray) -> tuple[int, bytes]:
    gaps = np.diff(ids, prepend=ids[0])
    if gaps.max() < 0x100:  # the postings of a common term: a byte each, not two
        return _IDS_U8, _FIRST_ID.pack(int(ids[0])) + gaps.astype(np.uint8).tobytes()
    if int(ids[-1]) - int(ids[0]) < 0x10000:
        return _IDS_U16, _FIRST_ID.pack(int(ids[0])) + (ids - ids[0]).astype(_U16).tobytes()
    return 0, ids.astype(_U32).tobytes()


def _pack_weights(weights: np.ndarray) -> tuple[int, bytes]:
    half = weights.astype(_F16)
    if np.array_equal(half.astype(_F32), weights):
        return _WEIGHTS_F16, half.tobytes()
    return 0, weights.tobytes()


def _weight_kind(layout: int) -> np.dtype:
    return _COUNTS if layout & _COUNTED else _F16 if layout & _WEIGHTS_F16 else _F32


def _parts_size(count: int, layout: int) -> int:
    """Bytes of a block's ids and weights."""
    if layout & _IDS_U8:
        ids = _FIRST_ID.size + count
    else:
        ids = _FIRST_ID.size + 2 * count if layout & _IDS_U16 else 4 * count
    return ids + _weight_kind(layout).itemsize * count


def _block_arrays(buf, data: int, count: int, layout: int) -> tuple[np.ndarray, np.ndarray, int]:
    """A block's ids (uint32 or int64), weights (float32, float16 or uint8 counts) and where its
    values part starts."""
    if layout & _IDS_U8:
        (first,) = _FIRST_ID.unpack_from(buf, data)
        gaps = np.frombuffer(buf, dtype=np.uint8, count=count, offset=data + _FIRST_ID.size)
        ids = np.cumsum(gaps, dtype=np.int64)
        ids += first
        at = data + _FIRST_ID.size + count
    elif layout & _IDS_U16:
        (first,) = _FIRST_ID.unpack_from(buf, data)
        ids = np.frombuffer(buf, dtype=_U16, count=count, offset=data + _FIRST_ID.size) + np.int64(first)
        at = data + _FIRST_ID.size + 2 * count
    else:
        ids = np.frombuffer(buf, dtype=_U32, count=count, offset=data)
        at = data + 4 * count
    kind = _weight_kind(layout)
    weights = np.frombuffer(buf, dtype=kind, count=count, offset=at)
    return ids, weights, at + kind.itemsize * count


class RawPostingsWriter(whoosh3.W3PostingsWriter):
    """Writes blocks in the flat layout above (the rest is W3's: inlining, term info)."""

    def _write_block(self, last: bool = False) -> None:
        postfile = self._postfile
        if not self._blockcount:
            postfile.write(_MAGIC)
        self._terminfo.add_block(self)
        ids = np.asarray(self._ids, dtype=np.int64)
        if self._values and len(self._values) != len(ids):
            raise ValueError("a block's postings must all have a value or none")
        idlayout, idpart = _pack_ids(ids)
        weights = np.asarray(self._weights, dtype=_F32)
        positions = getattr(self._format, "flat_uint32_positions", False)
        valuelayout, values, counts = _pack_block_values(self._values, positions, weights)
        weightlayout, weightpart = (0, counts) if counts is not None else _pack_weights(weights)
        minlength = length_to_byte(self._minlength) if self._minlength is not None else 0
        header = _BLOCK.pack(
            len(ids),
            int(ids[-1]),
            float(self._maxweight),
            minlength,
            length_to_byte(self._maxlength),
            len(values),
            idlayout | weightlayout | valuelayout,
        )
        length = len(header) + len(idpart) + len(weightpart) + len(values)
        postfile.write_int(-length if last else length)
        postfile.write(header)
        postfile.write(idpart)
        postfile.write(weightpart)
        postfile.write(values)
        self._blockcount += 1
        self._new_block()


class RawLeafMatcher(whoosh3.W3LeafMatcher):
    """Whoosh's block matcher over the flat layout."""

    def _goto(self, position):
        postfile = self._postfile
        self._data = None
        self._ids = None
        self._weights = None
        self._values = None
        self._i = 0
        postfile.seek(position)
        length = postfile.read_int()
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + _INT_SIZE + length
        count, maxid, maxweight, mnlen, mxlen, vlen, layout = _BLOCK.unpack(postfile.read(_BLOCK.size))
        self._dataoffset = postfile.tell()
        self._layout = layout
        self._blocklength = count
        self._maxid = maxid
        self._maxweight = maxweight
        self._compression = 0
        self._vlen = vlen
        self._minlength = byte_to_length(mnlen)
        self._maxlength = byte_to_length(mxlen)

    def _block_data(self) -> bytes:
        """The current block's ids, weights and values part (read once per block)."""
        data = self._data
        if data is None:
            size = _parts_size(self._blocklength, self._layout) + self._vlen
            data = self._data = self._postfile.get(self._dataoffset, size)
        return data

    def _read_ids(self):
        self._ids = _block_arrays(self._block_data(), 0, self._blocklength, self._layout)[0].tolist()

    def _read_weights(self):
        self._weights = _block_arrays(self._block_data(), 0, self._blocklength, self._layout)[1].tolist()

    def _read_values(self):
        data = self._block_data()
        _ids, weights, at = _block_arrays(data, 0, self._blocklength, self._layout)
        self._values = _unpack_values(data[at:], self._blocklength, self._layout, weights)


# -- term table: short posting lists inline, without pickling ------------------------------------

_INLINE_VALUES = b"\x01"  # ids, weights, uint16 value lengths, values
_INLINE_BARE = b"\x02"  # ids, weights (formats without values)
#: ids, weights, uint16 counts, uint16 positions: values of CompactPositions (little-endian uint32
#: positions) whose positions all fit in 16 bits, read back as uint32s (half the bytes a position)
_INLINE_SHORT = b"\x03"
#: ids, uint8 counts, uint16 positions: as _INLINE_SHORT where every weight is its posting's count
#: (field boost 1, counts under 256): the weights are not stored (3 bytes less a posting)
_INLINE_COUNTED = b"\x04"
_SHORT_LIMIT = 0x10000
#: Bits over the marker: the ids are uint16s (every id under 65,536), the weights half floats
#: (exact for them all): 4 bytes less a posting, and most of a term table is one-posting terms.
_INLINE_IDS_U16 = 0x10
_INLINE_WEIGHTS_F16 = 0x20
_INLINE_KINDS = frozenset((_INLINE_VALUES[0], _INLINE_BARE[0], _INLINE_SHORT[0], _INLINE_COUNTED[0]))
_LITTLE = sys.byteorder == "little"


@functools.lru_cache(maxsize=256)
def _structs(n: int, marker: int = 0) -> tuple[struct.Struct, struct.Struct, struct.Struct]:
    """Structs of ``n`` ids, weights and uint16s, in the widths ``marker``'s bits say."""
    ids = "H" if marker & _INLINE_IDS_U16 else "I"
    weights = "e" if marker & _INLINE_WEIGHTS_F16 else "f"
    return struct.Struct(f"<{n}{ids}"), struct.Struct(f"<{n}{weights}"), struct.Struct(f"<{n}H")


def _inline_widths(ids, weights) -> int:
    """The narrow-width bits that fit ``ids`` (ascending) and ``weights`` exactly."""
    bits = _INLINE_IDS_U16 if ids[-1] < 0x10000 else 0
    return bits | _INLINE_WEIGHTS_F16 if _half_exact(tuple(weights)) else bits


@functools.lru_cache(maxsize=4096)
def _half_exact(weights: tuple) -> bool:
    """Whether half floats hold every weight exactly (weights repeat: term frequencies times boosts)."""
    shape = f"<{len(weights)}e"
    try:
        return struct.unpack(shape, struct.pack(shape, *weights)) == weights
    except (OverflowError, struct.error):
        return False


def inline_payload(ids, weights, values, positions: bool = False) -> bytes:
    """A short posting list for the term table: flat arrays (W3 pickles it, ~4x the size).

    ``positions``: the values are CompactPositions (uint32 positions); when every position
    is under 65,536 they are kept as uint16s, and the weights are left out when each is its
    posting's count of positions. Falls back to W3's pickle when values are not one per
    posting or one is over 64 kB.
    """
    n = len(ids)
    widths = _inline_widths(ids, weights) if n else 0
    id_s, weight_s, len_s = _structs(n, widths)
    if not values:
        return bytes((_INLINE_BARE[0] | widths,)) + id_s.pack(*ids) + weight_s.pack(*weights)
    lengths = [len(v) for v in values]
    if len(values) != n or max(lengths) > 0xFFFF:
        return dumps((tuple(ids), tuple(weights), tuple(values)), 2)
    narrow = _narrow_positions(values) if positions else None
    if narrow is not None:
        counts, short = narrow
        if _counted(weights, counts):
            marker = _INLINE_COUNTED[0] | (widths & _INLINE_IDS_U16)
            return bytes((marker,)) + id_s.pack(*ids) + bytes(counts) + short
        postings = id_s.pack(*ids) + weight_s.pack(*weights)
        return bytes((_INLINE_SHORT[0] | widths,)) + postings + len_s.pack(*counts) + short
    postings = id_s.pack(*ids) + weight_s.pack(*weights)
    return bytes((_INLINE_VALUES[0] | widths,)) + postings + len_s.pack(*lengths) + b"".join(values)


def _narrow_positions(values) -> tuple[list[int], bytes] | None:
    """(each value's count of positions, every position as a uint16) of CompactPositions values
    (little-endian uint32 positions) whose positions are all under 65,536; else None."""
    if not _LITTLE or any(len(v) & 3 for v in values):
        return None
    wide = array("I", b"".join(values))
    if wide and max(wide) >= _SHORT_LIMIT:
        return None
    return [len(v) >> 2 for v in values], array("H", wide).tobytes()


def _counted(weights, counts: list[int]) -> bool:
    """Whether each weight is its posting's count of positions, and every count fits a byte."""
    return max(counts, default=0) < 256 and all(w == c for w, c in zip(weights, counts, strict=True))


def _read_inline(payload: bytes, n: int) -> tuple[tuple, tuple, tuple]:
    widths = payload[0] & (_INLINE_IDS_U16 | _INLINE_WEIGHTS_F16)
    marker = bytes((payload[0] & ~widths,))
    if marker[0] not in _INLINE_KINDS:
        return loads(payload)  # W3's pickle (it starts with 0x80)
    id_s, weight_s, len_s = _structs(n, widths)
    ids = id_s.unpack_from(payload, 1)
    if marker == _INLINE_COUNTED:
        pos = 1 + id_s.size
        counts = payload[pos : pos + n]
        return ids, tuple(map(float, counts)), _short_positions(payload[pos + n :], counts)
    weights = weight_s.unpack_from(payload, 1 + id_s.size)
    if marker == _INLINE_BARE:
        return ids, weights, ()
    pos = 1 + id_s.size + weight_s.size
    lengths = len_s.unpack_from(payload, pos)
    pos += len_s.size
    if marker == _INLINE_SHORT:
        return ids, weights, _short_positions(payload[pos:], lengths)
    values = []
    for length in lengths:
        values.append(payload[pos : pos + length])
        pos += length
    return ids, weights, tuple(values)


def _short_positions(data: bytes, counts) -> tuple[bytes, ...]:
    """The CompactPositions values of uint16 positions ``data``: ``counts[i]`` for posting i."""
    short = array("H")
    short.frombytes(data[: 2 * sum(counts)])
    wide = array("I", short).tobytes()
    out, at = [], 0
    for count in counts:
        out.append(wide[at : at + 4 * count])
        at += 4 * count
    return tuple(out)


_NO_ID = 0xFFFFFFFF


def inline_terminfo(
    weight: float,
    minlength: int | None,
    maxlength: int,
    maxweight: float,
    ids,
    weights,
    values,
    positions: bool = False,
) -> bytes:
    """The term-table entry of a short posting list: W3's fixed part, then :func:`inline_payload`.

    ``minlength``/``maxlength`` are field lengths (``None``: not scorable, stored as 0).
    The one encoder of this entry: :meth:`RawTermInfo.to_bytes` (Whoosh's merging) and
    :func:`reader.index.storage.writer.write_terms` (bulk writing) both call it.

    Usually the compact form: a flag, the count and the two length bytes (4 bytes, not W3's
    26: the total and highest weight and the first and last id are the postings' own). Most
    of a library's terms are rare bigrams with one or two postings, so this is a fifth of the
    term table. ``positions``: see :func:`inline_payload`.
    """
    minbyte = 0 if minlength is None else length_to_byte(minlength)
    if len(ids) == 1 and positions:
        single = _single_entry(minbyte, length_to_byte(maxlength), ids[0], weights[0], values)
        if single is not None:
            return single
    if 0 < len(ids) < 256:
        return _COMPACT.pack(_COMPACT_FLAG, len(ids), minbyte, length_to_byte(maxlength)) + inline_payload(
            ids, weights, values, positions
        )
    head = _TERMINFO.pack(
        True,
        weight,
        len(ids),
        0 if minlength is None else length_to_byte(minlength),
        length_to_byte(maxlength),
        maxweight,
        ids[0] if len(ids) else _NO_ID,
        ids[-1] if len(ids) else _NO_ID,
    )
    return head + inline_payload(ids, weights, values)


def _single_entry(minbyte: int, maxbyte: int, docnum: int, weight: float, values) -> bytes | None:
    """The :data:`_SINGLE_FLAG` entry of one posting, or None when it does not fit that form."""
    if minbyte != maxbyte or docnum >= 0x10000 or len(values) != 1:
        return None
    narrow = _narrow_positions(values)
    if narrow is None or not _counted((weight,), narrow[0]):
        return None
    (count,), short = narrow
    return _SINGLE.pack(_SINGLE_FLAG, maxbyte, docnum, count) + short


def _read_single(info: RawTermInfo, entry) -> RawTermInfo:
    _flag, lenbyte, docnum, count = _SINGLE.unpack_from(entry)
    short = array("H")
    short.frombytes(bytes(entry[_SINGLE.size : _SINGLE.size + 2 * count]))
    weight = float(count)
    info._inlined = ((docnum,), (weight,), (array("I", short).tobytes(),))
    info._df = 1
    info._weight = info._maxweight = weight
    info._minlength = info._maxlength = byte_to_length(lenbyte)
    info._minid = info._maxid = docnum
    return info


class RawTermInfo(whoosh3.W3TermInfo):
    """W3's term info with :func:`inline_terminfo` for inline postings (W3's pickles still read)."""

    #: W3PostingsWriter.finish_postings calls ``set_inline``; W3TermInfo spells it ``set_inlined``
    #: (Whoosh 2.7.4). Aliased here, on our own class only, instead of patching W3TermInfo.
    set_inline = whoosh3.W3TermInfo.set_inlined

    def to_bytes(self):
        if not self.is_inlined():
            return super().to_bytes()
        ids, weights, values = self._inlined  # one block: df and min/max id are the ids'
        return inline_terminfo(
            self._weight, self._minlength, self._maxlength, self._maxweight, ids, weights, values
        )

    @classmethod
    def from_bytes(cls, s):
        if s[0] == _SINGLE_FLAG:
            return _read_single(cls(), s)
        if s[0] == _COMPACT_FLAG:
            _flag, df, mnlen, mxlen = _COMPACT.unpack_from(s)
            info = cls()
            ids, weights, values = info._inlined = _read_inline(bytes(s[_COMPACT.size :]), df)
            info._df = df
            info._weight, info._maxweight = sum(weights), max(weights)
            info._minlength, info._maxlength = byte_to_length(mnlen), byte_to_length(mxlen)
            info._minid, info._maxid = ids[0], ids[-1]
            return info
        st = _TERMINFO  # W3TermInfo._struct (the contract checks they agree)
        flags, weight, df, mnlen, mxlen, maxweight, minid, maxid = st.unpack(s[: st.size])
        if not flags:
            info = whoosh3.W3TermInfo.from_bytes(s)
            info.__class__ = cls
            return info
        info = cls()
        info._weight, info._df = weight, df
        info._minlength, info._maxlength = byte_to_length(mnlen), byte_to_length(mxlen)
        info._maxweight = maxweight
        info._minid = None if minid == 0xFFFFFFFF else minid
        info._maxid = None if maxid == 0xFFFFFFFF else maxid
        info._inlined = _read_inline(bytes(s[st.size :]), df)
        return info


class _RawFieldCursor(whoosh3.W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return RawTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class RawTermsReader(whoosh3.W3TermsReader):
    """W3's term table reader over a :class:`~reader.index.storage.termtable.TermTable`,
    decoding :class:`RawTermInfo`."""

    def __init__(self, codec, dbfile, length, postfile):
        # W3TermsReader.__init__ with the compact table instead of Whoosh's OrderedHashReader
        self._codec = codec
        self._dbfile = dbfile
        try:
            self._tindex = TermTable(dbfile, length)
        except ValueError as e:
            raise StorageError(f"term table of a segment: {e}") from None
        self._fieldmap = self._tindex.extras["fieldmap"]
        self._postfile = postfile
        self._fieldunmap = [None] * len(self._fieldmap)
        for fieldname, num in self._fieldmap.items():
            self._fieldunmap[num] = fieldname

    def cursor(self, fieldname, fieldobj):
        return _RawFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder, fieldobj)

    def items(self):
        decode = self._keydecoder
        return ((decode(k), RawTermInfo.from_bytes(v)) for k, v in self._tindex.items())

    def items_from(self, fieldname, prefix):
        decode = self._keydecoder
        start = self._keycoder(fieldname, prefix)
        return ((decode(k), RawTermInfo.from_bytes(v)) for k, v in self._tindex.items_from(start))

    def term_info(self, fieldname, tbytes):
        try:
            return RawTermInfo.from_bytes(self._entry(fieldname, tbytes))
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    def frequency(self, fieldname, tbytes):
        """The term's total weight (W3 reads it at a fixed offset, which a compact entry lacks)."""
        return RawTermInfo.from_bytes(self._entry(fieldname, tbytes)).weight()

    def doc_frequency(self, fieldname, tbytes):
        """The term's document count (W3 reads it at a fixed offset, which a compact entry lacks)."""
        value = self._entry(fieldname, tbytes)
        if value[0] == _SINGLE_FLAG:
            return 1
        if value[0] == _COMPACT_FLAG:
            return value[1]
        return _TERMINFO.unpack_from(value)[2]

    def _entry(self, fieldname, tbytes) -> bytes:
        """The term's term-table entry; KeyError when the segment lacks it (as W3's lookups)."""
        value = self._lookup(self._keycoder(fieldname, tbytes))
        if value is None:
            raise KeyError((fieldname, tbytes))
        return value

    def _lookup(self, key: bytes) -> bytes | None:
        """The term table's value for ``key`` (:class:`~reader.index.storage.termtable.TermTable`)."""
        return self._tindex.lookup(key)


class _Positioned:
    """A file written from start to end that keeps its own position: ``tell`` without a system call.

    Whoosh's term table asks its file for the position of every term it adds (twice), and a
    buffered file asks the operating system each time: a tenth of an import's time went there.
    """

    def __init__(self, file) -> None:
        self._file = file
        self._pos = file.tell()

    def write(self, data) -> int:
        written = self._file.write(data)
        self._pos += written
        return written

    def tell(self) -> int:
        return self._pos

    def seek(self, pos: int, whence: int = 0) -> int:
        self._pos = self._file.seek(pos, whence)
        return self._pos

    def __getattr__(self, name: str):
        return getattr(self._file, name)


class RawFieldWriter(whoosh3.W3FieldWriter):
    """W3's field writer collecting :class:`RawTermInfo` into a
    :class:`~reader.index.storage.termtable.TermTableWriter`; its term table and postings files
    keep their own positions (:class:`_Positioned`)."""

    def __init__(self, codec, storage, segment):
        # W3FieldWriter.__init__ with the compact table instead of Whoosh's OrderedHashWriter
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = None
        self._fieldid = None
        self._btext = None
        self._fieldobj: Any = None  # the field being written (start_field)
        self._format = None
        self._tindex = TermTableWriter(self._create_file(whoosh3.W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(whoosh3.W3Codec.POSTS_EXT)
        self._postwriter: Any = None
        self._infield = False
        self.is_closed = False

    def _create_file(self, ext):
        created = super()._create_file(ext)
        created.file = _Positioned(created.file)
        return created

    def start_term(self, btext):
        if self._postwriter is None:
            raise Exception("Called start_term before start_field")
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, RawTermInfo())


class RawCodec(whoosh3.W3Codec):
    """W3 with :class:`RawPostingsWriter` blocks, :class:`RawTermInfo` inline postings and stored
    fields deflated with a dictionary of their segment's (:mod:`.stored`)."""

    def per_document_writer(self, storage, segment):
        return StoredPerDocWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return StoredPerDocReader(storage, segment)

    def field_writer(self, storage, segment):
        return RawFieldWriter(self, storage, segment)

    def terms_reader(self, storage, segment):
        tiname = segment.make_filename(self.TERMS_EXT)
        tilen = storage.file_length(tiname)
        tifile = storage.open_file(tiname)
        postfile = segment.open_file(storage, self.POSTS_EXT)
        return RawTermsReader(self, tifile, tilen, postfile)

    def postings_writer(self, dbfile, byteids=False):
        return RawPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=0,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return ListMatcher(ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo)
        offset, length = terminfo.extent()
        return RawLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


def codec() -> RawCodec:
    """The codec writers use: rare terms (most bigrams) inline in the term table, flat blocks of 256."""
    return RawCodec(blocklimit=256, inlinelimit=8)


# -- bulk reading ---------------------------------------------------------------------------------


def term_entry(reader, fieldname: str, tbytes: bytes):
    """One term's entry in a segment's term table (its document frequency, where its postings
    are), or None when the segment lacks it: look a term up once, read it many ways."""
    if not _has_postings(reader):
        return None
    try:
        return reader._terms.term_info(fieldname, tbytes)
    except TermNotFound:
        return None


def _blocks(reader, fieldname: str, tbytes: bytes, info=None):
    """``(ids, weights, raw block data, count)`` per block of a term, or one inline pseudo-block."""
    terms = reader._terms
    if info is None:
        try:
            info = terms.term_info(fieldname, tbytes)
        except TermNotFound:
            return
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        yield np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), list(values), None
        return
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh's W3TermInfo.from_bytes leaves the length in a 1-tuple
        length = length[0]
    postfile = terms._postfile
    # a compound segment's sub-file over its mmap is a BufferFile (BufferFile._buf: contract);
    # an unmapped one (no mmap: out of address space) is a plain StructFile
    mapped = postfile._buf if isinstance(postfile, structfile.BufferFile) else None
    if isinstance(mapped, memoryview):
        # a view of the memory-mapped segment: only the pages actually read are touched
        # (ids and weights; a block's positions only when a phrase needs them)
        buf = mapped[offset : offset + length]
    else:
        buf = postfile.get(offset, length)
    yield from flat_blocks(buf, f"{fieldname}:{tbytes!r}")


def flat_blocks(buf, what: str):
    """``(ids, weights, (buf, values start, values size, layout), count)`` of each block of one
    posting list ``buf`` (its bytes or a view of them; ``what``: the term, for the message)."""
    if bytes(buf[:4]) != _MAGIC:
        raise ValueError(f"posting list of {what} is not in the flat block layout")
    pos = 4
    end = len(buf)
    while pos < end:
        (blen,) = _LEN.unpack_from(buf, pos)
        blen = abs(blen)
        pos += 4
        count, _maxid, _mw, _mn, _mx, vlen, layout = _BLOCK.unpack_from(buf, pos)
        ids, weights, at = _block_arrays(buf, pos + _BLOCK.size, count, layout)
        yield ids, weights, (buf, at, vlen, layout), count
        pos += blen


def _has_postings(reader) -> bool:
    """False for the empty reader of an index without segments; raises for a segment not written by
    :class:`RawCodec` (every segment of index format 4 and later is); True for the others."""
    if isinstance(reader, EmptyReader):
        return False
    codec_ = reader.segment().codec()
    if not isinstance(codec_, RawCodec):
        raise StorageError(
            f"segment {reader.segment().segment_id()} is in {type(codec_).__name__}'s layout, not the "
            f"flat one this index format requires"
        )
    return True


def posting_arrays(reader, fieldname: str, tbytes: bytes, entry=None) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers (int64, ascending) and weights (float64) of one term in one segment reader.

    Deleted documents are included: callers mask them with the segment's live-document mask.
    ``entry`` is the term's :func:`term_entry`, when the caller has looked it up already.
    """
    if entry is None and not _has_postings(reader):
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    parts = list(_blocks(reader, fieldname, tbytes, entry))  # no blocks: the term is not in this segment
    if not parts:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    if len(parts) == 1:
        ids, weights = parts[0][0], parts[0][1]
    else:
        ids = np.concatenate([p[0] for p in parts])
        weights = np.concatenate([p[1] for p in parts])
    return ids.astype(np.int64, copy=False), weights.astype(np.float64, copy=False)


def posting_positions(
    reader, fieldname: str, tbytes: bytes, wanted: np.ndarray, decode, entry=None
) -> tuple[np.ndarray, np.ndarray]:
    """Every position of one term in the sorted docnums ``wanted``: parallel (docnum, position) arrays.

    For fields whose values are little-endian uint32 positions (``CompactPositions``) the
    flat layout is read without a Python step per posting; ``decode`` (the format's
    ``decode_positions``) serves inline postings; ``entry`` is the term's :func:`term_entry`.
    """
    docs_out: list[np.ndarray] = []
    pos_out: list[np.ndarray] = []
    if entry is None:
        entry = term_entry(reader, fieldname, tbytes)
    if entry is None or not len(wanted):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    for ids, weights, values, count in _blocks(reader, fieldname, tbytes, entry):
        if count is not None and (ids[-1] < wanted[0] or ids[0] > wanted[-1]):
            continue
        keep = np.isin(ids, wanted, assume_unique=True)
        if not keep.any():
            continue
        if count is None:  # inline
            for i in np.flatnonzero(keep).tolist():
                positions = decode(values[i])
                docs_out.append(np.full(len(positions), int(ids[i]), dtype=np.int64))
                pos_out.append(np.asarray(positions, dtype=np.int64))
            continue
        buf, start, vlen, layout = values
        if not vlen:
            continue
        if layout & _GAPS:
            per_posting, positions = _block_positions(buf[start : start + vlen], count, layout, weights)
        else:
            raw = zlib.decompress(buf[start : start + vlen])
            head = (count + 1) * 4
            offsets = np.frombuffer(raw, dtype=_U32, count=count + 1)
            positions = np.frombuffer(raw, dtype=_U32, offset=head)
            per_posting = np.diff(offsets) // 4
        doc_of = np.repeat(ids, per_posting)
        chosen = np.repeat(keep, per_posting)
        docs_out.append(doc_of[chosen].astype(np.int64))
        pos_out.append(positions[chosen].astype(np.int64))
    if not docs_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(docs_out), np.concatenate(pos_out)


def term_postings(reader, fieldname: str, tbytes: bytes, info) -> tuple[list, list, list]:
    """One term's whole posting list in a segment: (docnums, weights, values) as lists, for merging."""
    ids: list = []
    weights: list = []
    values: list = []
    for block_ids, block_weights, block_values, count in _blocks(reader, fieldname, tbytes, info):
        ids += block_ids.tolist()
        weights += block_weights.tolist()
        if count is None:  # inline
            values += block_values
            continue
        buf, start, vlen, layout = block_values
        if vlen:
            values += _unpack_values(bytes(buf[start : start + vlen]), count, layout, block_weights)
    return ids, weights, values
