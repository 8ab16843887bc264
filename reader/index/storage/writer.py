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


#: A pooled posting: document number, weight, length of the value (which follows the record).
_RECORD = struct.Struct("<IdI")


class TermPool:
    """Postings grouped by field and term bytes; the pool interface SegmentWriter uses.

    A term's postings are one ``bytearray`` of records, each a :data:`_RECORD` (docnum,
    weight, value length) followed by the value: 16 bytes and the value a posting, and no
    tuple key a term (1,000 news stories: 44 MB, where flat lists of Python objects took 92).
    A worker's batch can then be about three times the stories in the same memory: fewer,
    bigger segments, so less term table repeated in each and fewer lookups per query.
    Postings normally come in docnum order since documents are added in order; ``ordered``
    turns False if one ever does not.
    """

    def __init__(self):
        self.fields: dict[str, dict[bytes, bytearray]] = {}
        self.count = 0
        self.ordered = True
        #: the highest docnum added so far (adding a lower one clears ``ordered``)
        self.last = -1

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        if not isinstance(vbytes, bytes):  # merged postings of value-less formats come back as ""/None
            vbytes = vbytes.encode("utf-8") if vbytes else b""
        if docnum < self.last:
            self.ordered = False
        else:
            self.last = docnum
        terms = self.fields.setdefault(fieldname, {})
        bucket = terms.get(tbytes)
        if bucket is None:
            bucket = terms[tbytes] = bytearray()
        bucket += _RECORD.pack(docnum, weight, len(vbytes))
        bucket += vbytes
        self.count += 1

    def postings(self, fieldname: str, tbytes: bytes) -> tuple[list[int], list[float], list[bytes]]:
        """One term's postings as (docnums, weights, values), in docnum order."""
        ids, weights, values = _records(self.fields[fieldname][tbytes])
        if not self.ordered and any(a > b for a, b in itertools.pairwise(ids)):
            order = sorted(range(len(ids)), key=ids.__getitem__)
            return [ids[k] for k in order], [weights[k] for k in order], [values[k] for k in order]
        return ids, weights, values

    def terms(self):
        """``((fieldname, term bytes), docnums, weights, values)`` of every term, in key order."""
        for fieldname in sorted(self.fields):
            for tbytes in sorted(self.fields[fieldname]):
                yield (fieldname, tbytes), *self.postings(fieldname, tbytes)

    def iter_postings(self):
        for (fieldname, tbytes), ids, weights, values in self.terms():
            for docnum, weight, vbytes in zip(ids, weights, values, strict=True):
                yield fieldname, tbytes, docnum, weight, vbytes

    def cleanup(self) -> None:
        self.fields = {}


def _records(bucket: bytearray) -> tuple[list[int], list[float], list[bytes]]:
    """The (docnums, weights, values) of a term's records."""
    docnum, weight, size = _RECORD.unpack_from(bucket)
    head = _RECORD.size
    if head + size == len(bucket):  # most terms: one posting
        return [docnum], [weight], [bytes(bucket[head:])]
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    view = memoryview(bucket)
    unpack = _RECORD.unpack_from
    pos, end = 0, len(bucket)
    while pos < end:
        docnum, weight, size = unpack(view, pos)
        pos += head
        ids.append(docnum)
        weights.append(weight)
        values.append(view[pos : pos + size].tobytes())
        pos += size
    return ids, weights, values


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
    streams.append(((key, 1, 0, (ids, weights, values)) for key, ids, weights, values in pool.terms()))
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
    terms = _all_terms(pool, merged) if merged else pool.terms()
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
        self._searcher = None  # over the committed segments, for deletions (close_searcher)

    @property
    def posting_count(self) -> int:
        return self.pool.count

    def add_document(self, **fields):
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        pool = self.pool
        pooled = pool.fields
        pack = _RECORD.pack
        self._check_fields(schema, [n for n in fields if not n.startswith("_")])
        perdocwriter.start_doc(docnum)
        if docnum < pool.last:
            pool.ordered = False
        else:
            pool.last = docnum
        for fieldname in sorted(n for n in fields if not n.startswith("_")):
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                scorable = field.scorable
                added = 0
                terms = pooled.get(fieldname)
                if terms is None:
                    terms = pooled[fieldname] = {}
                for tbytes, freq, weight, vbytes in field.index(value):
                    bucket = terms.get(tbytes)
                    if bucket is None:
                        bucket = terms[tbytes] = bytearray()
                    if vbytes:
                        bucket += pack(docnum, weight, len(vbytes))
                        bucket += vbytes
                    else:  # value-less formats give "" (Whoosh's) or b""
                        bucket += pack(docnum, weight, 0)
                    added += 1
                    if scorable:
                        length += freq
                pool.count += added
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

    def update_document(self, **fields):
        """Whoosh's, finding the documents to replace with one searcher over the committed
        segments for the writer's life, not one opened each call: re-importing 10,000 touched but
        unchanged files opened every segment's reader 10,000 times (4 of 6.3 s)."""
        unique = self._unique_fields(fields)
        if unique:
            for docnum in self._deletion_searcher()._find_unique([(name, fields[name]) for name in unique]):
                self.delete_document(docnum)
        self.add_document(**fields)

    def delete_by_query(self, q, searcher=None):
        return super().delete_by_query(q, searcher=searcher or self._deletion_searcher())

    def _deletion_searcher(self):
        """The committed segments do not change while a writer lives (it marks deletions in them)."""
        if self._searcher is None:
            self._searcher = self.searcher()
        return self._searcher

    def close_searcher(self) -> None:
        """Close the deletions' searcher (before a commit merges or lists segments)."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def _finish(self):
        self.close_searcher()
        super()._finish()

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
