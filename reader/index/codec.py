"""A Whoosh codec whose posting blocks are flat arrays, readable in bulk with numpy.

Whoosh's W3 codec pickles each block of postings as a tuple of delta-coded ids,
weights and one bytes object per posting value, then zlib-compresses the lot:
reading the documents of a term that occurs in most stories (any common
character) unpickles and decompresses every position of every posting, which
was most of the time of a one-character search on a big library.

:class:`RawCodec` is the W3 codec with another block layout (the term table,
columns, stored fields and inline postings are W3's)::

    int32 (big-endian, Whoosh's write_int) block length, negative for the last block
    "<IIfBBI"  count, last id, max weight, min/max length bytes, size of the values part
    uint32[count]   document numbers (little-endian)
    float32[count]  weights
    values part     zlib(level 1) of uint32[count + 1] offsets + the concatenated values

Whoosh's matchers still work through :class:`RawLeafMatcher` (generic queries,
merging); :func:`posting_arrays` and :func:`posting_values` read a term's
postings straight into numpy arrays for :mod:`reader.index.evaluate`.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from whoosh.codec import whoosh3
from whoosh.matching import ListMatcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length, length_to_byte

_BLOCK = struct.Struct("<IIfBBI")
_LEN = struct.Struct("!i")
_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
_U32 = np.dtype("<u4")
_F32 = np.dtype("<f4")
_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


def _pack_values(values: list[bytes]) -> bytes:
    if not values:
        return b""
    offsets = np.zeros(len(values) + 1, dtype=_U32)
    np.cumsum([len(v) for v in values], out=offsets[1:])
    return zlib.compress(offsets.tobytes() + b"".join(values), 1)


def _unpack_values(part: bytes, count: int) -> list[bytes]:
    if not part:
        return [b""] * count
    raw = zlib.decompress(part)
    head = (count + 1) * 4
    offsets = np.frombuffer(raw, dtype=_U32, count=count + 1).tolist()
    return [raw[head + a : head + b] for a, b in zip(offsets, offsets[1:], strict=False)]


class RawPostingsWriter(whoosh3.W3PostingsWriter):
    """Writes blocks in the flat layout above (the rest is W3's: inlining, term info)."""

    def _write_block(self, last: bool = False) -> None:
        postfile = self._postfile
        if not self._blockcount:
            postfile.write(_MAGIC)
        self._terminfo.add_block(self)
        ids = np.asarray(self._ids, dtype=_U32)
        weights = np.asarray(self._weights, dtype=_F32)
        if self._values and len(self._values) != len(ids):
            raise ValueError("a block's postings must all have a value or none")
        values = _pack_values(self._values)
        minlength = length_to_byte(self._minlength) if self._minlength is not None else 0
        header = _BLOCK.pack(
            len(ids),
            int(ids[-1]),
            float(self._maxweight),
            minlength,
            length_to_byte(self._maxlength),
            len(values),
        )
        length = len(header) + ids.nbytes + weights.nbytes + len(values)
        postfile.write_int(-length if last else length)
        postfile.write(header)
        postfile.write(ids.tobytes())
        postfile.write(weights.tobytes())
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
        count, maxid, maxweight, mnlen, mxlen, vlen = _BLOCK.unpack(postfile.read(_BLOCK.size))
        self._dataoffset = postfile.tell()
        self._blocklength = count
        self._maxid = maxid
        self._maxweight = maxweight
        self._compression = 0
        self._vlen = vlen
        self._minlength = byte_to_length(mnlen)
        self._maxlength = byte_to_length(mxlen)

    def _read_data(self):
        count = self._blocklength
        self._data = self._postfile.get(self._dataoffset, count * 8 + self._vlen)

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = np.frombuffer(self._data, dtype=_U32, count=self._blocklength).tolist()

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        count = self._blocklength
        self._weights = np.frombuffer(self._data, dtype=_F32, count=count, offset=count * 4).tolist()

    def _read_values(self):
        if self._data is None:
            self._read_data()
        count = self._blocklength
        self._values = _unpack_values(self._data[count * 8 :], count)


class RawCodec(whoosh3.W3Codec):
    """W3 with :class:`RawPostingsWriter` blocks."""

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


# -- bulk reading ---------------------------------------------------------------------------------


def _blocks(reader, fieldname: str, tbytes: bytes):
    """``(ids, weights, raw block data, count)`` per block of a term, or one inline pseudo-block."""
    terms = reader._terms
    info = terms.term_info(fieldname, tbytes)
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        yield np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), list(values), None
        return
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh's W3TermInfo.from_bytes leaves the length in a 1-tuple
        length = length[0]
    postfile = terms._postfile
    mapped = getattr(postfile, "_buf", None)
    if isinstance(mapped, memoryview):
        # a view of the memory-mapped segment: only the pages actually read are touched
        # (ids and weights; a block's positions only when a phrase needs them)
        buf = mapped[offset : offset + length]
    else:
        buf = postfile.get(offset, length)
    if bytes(buf[:4]) != _MAGIC:
        raise ValueError(f"posting list of {fieldname}:{tbytes!r} is not in the flat block layout")
    pos = 4
    end = len(buf)
    while pos < end:
        (blen,) = _LEN.unpack_from(buf, pos)
        blen = abs(blen)
        pos += 4
        count, _maxid, _mw, _mn, _mx, vlen = _BLOCK.unpack_from(buf, pos)
        data = pos + _BLOCK.size
        ids = np.frombuffer(buf, dtype=_U32, count=count, offset=data)
        weights = np.frombuffer(buf, dtype=_F32, count=count, offset=data + count * 4)
        yield ids, weights, (buf, data + count * 8, vlen), count
        pos += blen


def _is_raw(reader) -> bool:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment is not None and isinstance(segment.codec(), RawCodec)


def posting_arrays(reader, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers (int64, ascending) and weights (float64) of one term in one segment reader.

    Deleted documents are included: callers mask them with the segment's live-document mask.
    """
    if (fieldname, tbytes) not in reader:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    if not _is_raw(reader):
        m = reader.postings(fieldname, tbytes)
        m = getattr(m, "child", m)  # the deletion filter: deletions are masked by the caller
        ids, weights = [], []
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
        return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)
    parts = list(_blocks(reader, fieldname, tbytes))
    if len(parts) == 1:
        ids, weights = parts[0][0], parts[0][1]
    else:
        ids = np.concatenate([p[0] for p in parts])
        weights = np.concatenate([p[1] for p in parts])
    return ids.astype(np.int64, copy=False), weights.astype(np.float64, copy=False)


def posting_values(reader, fieldname: str, tbytes: bytes, wanted: np.ndarray) -> dict[int, bytes]:
    """docnum -> encoded value (positions) of one term, for the sorted docnums ``wanted`` only."""
    if (fieldname, tbytes) not in reader or not len(wanted):
        return {}
    if not _is_raw(reader):
        m = reader.postings(fieldname, tbytes)
        m = getattr(m, "child", m)
        out = {}
        for docnum in wanted.tolist():
            if not m.is_active():
                break
            m.skip_to(docnum)
            if m.is_active() and m.id() == docnum:
                out[docnum] = m.value()
        return out
    out: dict[int, bytes] = {}
    for ids, _weights, values, count in _blocks(reader, fieldname, tbytes):
        if count is None:  # inline
            keep = np.isin(ids, wanted)
            for i in np.flatnonzero(keep).tolist():
                out[int(ids[i])] = values[i] if i < len(values) else b""
            continue
        if ids[-1] < wanted[0] or ids[0] > wanted[-1]:
            continue
        hit = np.flatnonzero(np.isin(ids, wanted, assume_unique=True))
        if not len(hit):
            continue
        buf, start, vlen = values
        unpacked = _unpack_values(buf[start : start + vlen], count)
        for i in hit.tolist():
            out[int(ids[i])] = unpacked[i]
    return out


def posting_positions(
    reader, fieldname: str, tbytes: bytes, wanted: np.ndarray, decode
) -> tuple[np.ndarray, np.ndarray]:
    """Every position of one term in the sorted docnums ``wanted``: parallel (docnum, position) arrays.

    For fields whose values are little-endian uint32 positions (``CompactPositions``) the
    flat layout is read without a Python step per posting; ``decode`` (the format's
    ``decode_positions``) serves inline postings and other layouts.
    """
    docs_out: list[np.ndarray] = []
    pos_out: list[np.ndarray] = []
    if (fieldname, tbytes) not in reader or not len(wanted):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not _is_raw(reader):
        for docnum, value in posting_values(reader, fieldname, tbytes, wanted).items():
            positions = decode(value)
            docs_out.append(np.full(len(positions), docnum, dtype=np.int64))
            pos_out.append(np.asarray(positions, dtype=np.int64))
    else:
        for ids, _weights, values, count in _blocks(reader, fieldname, tbytes):
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
            buf, start, vlen = values
            if not vlen:
                continue
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
