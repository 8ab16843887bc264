"""A faster Whoosh segment writer for pre-analysed n-gram postings.

Whoosh's ``SegmentWriter`` pushes every posting through a generic external-sort
pool (size accounting, pickled spill files) and looks up each posting's field
length from the column files again when writing. With unigram + bigram terms a
story has ~1,000 postings, so those per-posting costs dominate an import. This
writer keeps postings in per-term lists (already in document order) and
remembers field lengths, then hands the codec the same sorted stream. At flush
time each term's whole posting list is written at once (inline in the term
table when short, else in blocks), instead of one Python call per posting. The
segments are Whoosh segments in :class:`reader.index.storage.codec.RawCodec`'s
layout (W3 with flat blocks and flat inline postings); Whoosh opens them through
it. Inline term-table entries come from the codec's one encoder
(:func:`~reader.index.storage.codec.inline_terminfo`).
"""

from __future__ import annotations

import heapq
import itertools
import struct
from array import array
from operator import itemgetter

from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from reader.index.storage.codec import inline_terminfo, term_postings
from reader.index.storage.errors import StorageError

_FIRST = itemgetter(0)
#: merged term streams: by key, then merged segments (in their order) before the pool
_KEY_ORDER = itemgetter(0, 1, 2)


class TermPool:
    """Postings grouped by (field, term bytes); the pool interface SegmentWriter uses.

    A bucket is a flat list ``[docnum, weight, value, docnum, weight, value, ...]``
    (no tuple per posting: a third less memory), normally in docnum order since
    documents are added in order; ``ordered`` turns False if one ever is not.
    """

    def __init__(self):
        self.buckets: dict[tuple[str, bytes], list] = {}
        self.fieldnames: set[str] = set()
        self.count = 0
        self.runs: list = []
        self.ordered = True

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        if not isinstance(vbytes, bytes):  # merged postings of value-less formats come back as ""/None
            vbytes = vbytes.encode("utf-8") if vbytes else b""
        key = (fieldname, tbytes)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = []
            self.fieldnames.add(fieldname)
        elif bucket[-3] > docnum:
            self.ordered = False
        bucket += (docnum, weight, vbytes)
        self.count += 1

    def triples(self, key) -> list[tuple[int, float, bytes]]:
        """The postings of one term as (docnum, weight, value), in docnum order."""
        flat = self.buckets[key]
        out = list(zip(flat[0::3], flat[1::3], flat[2::3], strict=False))
        if not self.ordered:
            out.sort(key=_FIRST)
        return out

    def iter_postings(self):
        for key in sorted(self.buckets):
            fieldname, tbytes = key
            for docnum, weight, vbytes in self.triples(key):
                yield fieldname, tbytes, docnum, weight, vbytes

    def cleanup(self) -> None:
        self.buckets = {}


_USHORT = struct.Struct("!H")


def _field_lengths(known: dict[int, int], pdr, fieldname: str, scorable: bool, doccount: int):
    """A list docnum -> field length: remembered at add time, else (merged documents) read from disk."""
    if not scorable:
        return None
    lengths = [0] * doccount
    for docnum, length in known.items():
        lengths[docnum] = length
    if pdr is not None and len(known) < doccount:
        for docnum in range(doccount):
            if docnum not in known:
                lengths[docnum] = pdr.doc_field_length(docnum, fieldname, 0)
    return lengths


def _pool_terms(pool: TermPool):
    """``((fieldname, term bytes), docnums, weights, values)`` of the pool's terms, in key order."""
    buckets = pool.buckets
    for key in sorted(buckets):
        if pool.ordered:
            flat = buckets[key]
            yield key, flat[0::3], flat[1::3], flat[2::3]
        else:
            triples = pool.triples(key)
            yield key, [t[0] for t in triples], [t[1] for t in triples], [t[2] for t in triples]


def _merged_terms(reader, base: int, docmap: dict[int, int] | None):
    """The terms of a merged segment, in key order, with docnums as they are in the new segment
    (``base`` on, or through ``docmap`` when the segment has deletions: deleted postings dropped)."""
    last = None
    for key, info in reader._terms.items():
        if last is not None and key <= last:
            raise StorageError(f"segment {reader.segment().segment_id()}: terms out of order at {key!r}")
        last = key
        yield key, (reader, info, base, docmap)


def _postings_of(source, key: tuple[str, bytes]) -> tuple[list, list, list]:
    reader, info, base, docmap = source
    if info.is_inlined():  # most terms: a few postings in the term table
        ids, weights, values = info.inlined_postings()
    else:
        ids, weights, values = term_postings(reader, key[0], key[1], info)
    if docmap is None:
        return [i + base for i in ids], weights, values
    keep = [k for k, i in enumerate(ids) if i in docmap]
    return (
        [docmap[ids[k]] for k in keep],
        [weights[k] for k in keep],
        [values[k] for k in keep] if values else [],
    )


def _all_terms(pool: TermPool, merged: list):
    """Every term of the new segment, in key order: the pool's postings and those of the segments
    merged into it (:meth:`FastWriter.add_reader`), one term's lists at a time, never all at once."""
    streams = [
        ((key, 0, i, src) for key, src in _merged_terms(reader, base, docmap))
        for i, (reader, base, docmap) in enumerate(merged)
    ]
    streams.append(((key, 1, 0, (ids, weights, values)) for key, ids, weights, values in _pool_terms(pool)))
    for key, group in itertools.groupby(heapq.merge(*streams, key=_KEY_ORDER), key=_FIRST):
        parts = []
        for _key, from_pool, _i, src in group:
            part = src if from_pool else _postings_of(src, key)
            if part[0]:
                parts.append(part)
        if not parts:
            continue
        if len(parts) == 1:
            yield key, *parts[0]
            continue
        parts.sort(key=lambda part: part[0][0])  # each part is ascending; sources hold docnum ranges
        ids = [i for part in parts for i in part[0]]
        weights = [w for part in parts for w in part[1]]
        values = [v for part in parts for v in part[2]]
        if any(a[0][-1] > b[0][0] for a, b in itertools.pairwise(parts)):  # ranges interleave
            order = sorted(range(len(ids)), key=ids.__getitem__)
            ids = [ids[k] for k in order]
            weights = [weights[k] for k in order]
            values = [values[k] for k in order] if values else []
        yield key, ids, weights, values


def write_terms(
    fieldwriter,
    schema,
    pool: TermPool,
    lengths: dict[str, dict[int, int]],
    pdr,
    doccount: int,
    merged: list | None = None,
) -> None:
    """Write every term's posting list through a W3 field writer, one term at a time.

    Produces exactly what Whoosh's per-posting ``add_postings`` would: short lists
    (under the codec's inline limit) go into the term table, longer ones into
    blocks of ``blocklimit`` postings. ``merged``: ``(segment reader, first docnum, docmap)``
    of segments whose documents were copied in (:meth:`FastWriter.add_reader`).
    """
    lastfn = None
    getlen = None
    fieldobj = None
    tindex = fieldwriter._tindex
    terms = _all_terms(pool, merged) if merged else _pool_terms(pool)
    for key, all_ids, all_weights, all_values in terms:
        fieldname, tbytes = key
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            getlen = _field_lengths(lengths.get(fieldname, {}), pdr, fieldname, fieldobj.scorable, doccount)
            prefix = _USHORT.pack(fieldwriter._fieldid)
            pw = fieldwriter._postwriter
            # values that are flat little-endian uint32 positions (reader.index.schema.CompactPositions
            # says so) may be kept as uint16s in the term table
            positions = getattr(fieldobj.format, "flat_uint32_positions", False)
            inlinelimit = pw._inlinelimit
            blocklimit = pw._blocklimit
            lastfn = fieldname
        n = len(all_ids)
        if n < inlinelimit:
            ids = tuple(all_ids)
            weights = tuple(all_weights)
            values = tuple(v for v in all_values if v)
            if getlen is not None:
                lens = [x for x in map(getlen.__getitem__, ids) if x] or [0]
                minlen, maxlen = min(lens), max(lens)
            else:
                minlen = maxlen = 0
            entry = inline_terminfo(
                sum(weights), minlen, maxlen, max(weights), ids, weights, values, positions=positions
            )
            tindex.add(prefix + tbytes, entry)
            continue
        fieldwriter.start_term(tbytes)
        for start in range(0, n, blocklimit):
            if start:
                pw._write_block()
            end = start + blocklimit
            pw._ids = array("I", all_ids[start:end])
            block_weights = array("f", all_weights[start:end])
            pw._weights = block_weights
            pw._values = [v for v in all_values[start:end] if v]
            pw._maxweight = max(block_weights)
            if getlen is not None:
                lens = [x for x in map(getlen.__getitem__, pw._ids) if x]
                if lens:
                    pw._minlength, pw._maxlength = min(lens), max(lens)
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


class FastWriter(SegmentWriter):
    """SegmentWriter with a :class:`TermPool` and a fast ``add_document`` for plain keyword fields."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool()
        self._lengths: dict[str, dict[int, int]] = {}
        #: (segment, its first docnum here, docnum map or None) of each segment merged in
        self._merged: list[tuple] = []

    @property
    def posting_count(self) -> int:
        return self.pool.count

    def add_document(self, **fields):
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        buckets = self.pool.buckets
        pool = self.pool
        self._check_fields(schema, [n for n in fields if not n.startswith("_")])
        perdocwriter.start_doc(docnum)
        for fieldname in sorted(n for n in fields if not n.startswith("_")):
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                scorable = field.scorable
                added = 0
                for tbytes, freq, weight, vbytes in field.index(value):
                    key = (fieldname, tbytes)
                    bucket = buckets.get(key)
                    if bucket is None:
                        bucket = buckets[key] = []
                    bucket += (docnum, weight, vbytes)
                    added += 1
                    if scorable:
                        length += freq
                pool.count += added
                if added:
                    pool.fieldnames.add(fieldname)
                if scorable and length:
                    flen = self._lengths.get(fieldname)
                    if flen is None:
                        flen = self._lengths[fieldname] = {}
                    flen[docnum] = byte_to_length(length_to_byte(length))
            stored = value if field.stored else None
            perdocwriter.add_field(fieldname, field, stored, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader):
        """Merge a segment in: its documents' stored fields, lengths and columns are copied now
        (Whoosh's ``write_per_doc``), its postings term by term when this segment is written.

        Whoosh's own merge pushes every posting through the pool, one Python call each, and
        holds them all: merging the small segments of a 10,000-file import took 25 s and 600 MB
        in the importing process. Here a term's lists are read and written whole, and only one
        term's are held at a time.
        """
        self._check_state()
        base = self.docnum
        names = {name for name in reader.indexed_field_names() if name in self.schema}
        docmap = self.write_per_doc(set(self.schema.names()) | names, reader)
        self._merged.append((reader.segment(), base, docmap))
        self._added = True

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        merged = [
            (SegmentReader(self.storage, self.schema, seg), base, docmap)
            for seg, base, docmap in self._merged
        ]
        try:
            write_terms(self.fieldwriter, self.schema, self.pool, self._lengths, pdr, self.docnum, merged)
        finally:
            for reader, _base, _docmap in merged:
                reader.close()
        self.fieldwriter.close()
        if pdr:
            pdr.close()
