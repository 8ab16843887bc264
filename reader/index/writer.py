"""A faster Whoosh segment writer for pre-analysed n-gram postings.

Whoosh's ``SegmentWriter`` pushes every posting through a generic external-sort
pool (size accounting, pickled spill files) and looks up each posting's field
length from the column files again when writing. With unigram + bigram terms a
story has ~1,000 postings, so those per-posting costs dominate an import. This
writer keeps postings in per-term lists (already in document order) and
remembers field lengths, then hands Whoosh's own codec the same sorted stream.
The on-disk format is unchanged: any Whoosh reader opens the result.
"""

from __future__ import annotations

from operator import itemgetter

from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

_FIRST = itemgetter(0)


class TermPool:
    """Postings grouped by (field, term bytes); the pool interface SegmentWriter uses."""

    def __init__(self):
        self.buckets: dict[tuple[str, bytes], list] = {}
        self.fieldnames: set[str] = set()
        self.count = 0
        self.runs: list = []

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        if not isinstance(vbytes, bytes):  # merged postings of value-less formats come back as ""/None
            vbytes = vbytes.encode("utf-8") if vbytes else b""
        key = (fieldname, tbytes)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = []
            self.fieldnames.add(fieldname)
        bucket.append((docnum, weight, vbytes))
        self.count += 1

    def iter_postings(self):
        buckets = self.buckets
        for key in sorted(buckets):
            fieldname, tbytes = key
            bucket = buckets[key]
            if len(bucket) > 1:
                bucket.sort(key=_FIRST)
            for docnum, weight, vbytes in bucket:
                yield fieldname, tbytes, docnum, weight, vbytes

    def cleanup(self) -> None:
        self.buckets = {}


class _Lengths:
    """Field lengths remembered at add time (quantised as Whoosh stores them), else from disk."""

    def __init__(self, known: dict, pdr):
        self.known = known
        self.pdr = pdr

    def doc_field_length(self, docnum, fieldname, default=0):
        length = self.known.get((docnum, fieldname))
        if length is None:
            return self.pdr.doc_field_length(docnum, fieldname, default) if self.pdr else default
        return length


class FastWriter(SegmentWriter):
    """SegmentWriter with a :class:`TermPool` and a fast ``add_document`` for plain keyword fields."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool()
        self._lengths: dict[tuple[int, str], int] = {}

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
                    bucket.append((docnum, weight, vbytes))
                    added += 1
                    if scorable:
                        length += freq
                pool.count += added
                if added:
                    pool.fieldnames.add(fieldname)
                if scorable and length:
                    self._lengths[(docnum, fieldname)] = byte_to_length(length_to_byte(length))
            stored = value if field.stored else None
            perdocwriter.add_field(fieldname, field, stored, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, _Lengths(self._lengths, pdr), self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr:
            pdr.close()
