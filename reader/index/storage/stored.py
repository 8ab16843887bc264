"""A segment's stored fields, each document's deflated with a dictionary taken from the segment's first.

Whoosh's W3 codec pickles each document's stored fields (protocol 2) and deflates the pickle
on its own. A story is a few kilobytes of JSON: too little for deflate to find much to repeat
within it, while every story of a segment repeats the same keys, path prefix, sources and the
commonest words. :class:`StoredColumn` deflates each document with a preset dictionary
(zlib's ``zdict``): the last :data:`DICTIONARY_BYTES` of the segment's first documents'
pickles, held back until :data:`SAMPLE_BYTES` have come (or the segment ends). On 2,500 news
stories that is a fifth less than deflating each alone. Pickles are protocol 5 (bytes kept as
bytes, not spelt in two bytes each as protocol 2 does over 0x7F). Every document is still read
alone, in place in the mapped segment::

    b"SDZ1" uint32 dictionary length, the dictionary
    then Whoosh's VarBytesColumn of the deflated pickles (values, lengths, offsets)
"""

from __future__ import annotations

import pickle
import struct
import zlib

from whoosh import columns
from whoosh.codec import whoosh3

_MAGIC = b"SDZ1"
_HEADER = struct.Struct("<4sI")
#: The dictionary is the last DICTIONARY_BYTES of the first SAMPLE_BYTES of the documents' pickles.
#: Setting a dictionary costs in proportion to its size, each time a document is deflated or
#: inflated: 8 kB (measured on 2,500 stories: 3.60 MB, 37 us to deflate a document and 11.6 to
#: inflate it) keeps nearly all of 32 kB's gain (3.50 MB, 66 and 17.2 us; none: 4.66 MB, 31 and 9.8).
DICTIONARY_BYTES = 8 * 1024
SAMPLE_BYTES = 48 * 1024
_LEVEL = 3


def _deflate(value: bytes, zdict: bytes) -> bytes:
    packer = zlib.compressobj(_LEVEL, zdict=zdict) if zdict else zlib.compressobj(_LEVEL)
    return packer.compress(value) + packer.flush()


def _inflate(value: bytes, zdict: bytes) -> bytes:
    unpacker = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
    return unpacker.decompress(value) + unpacker.flush()


class StoredColumn(columns.Column):
    """Stored-field dicts, pickled and deflated with the column's own dictionary (see the module)."""

    def writer(self, dbfile):
        return self.Writer(dbfile)

    def reader(self, dbfile, basepos, length, doccount):
        return self.Reader(dbfile, basepos, length, doccount)

    class Writer(columns.VarBytesColumn.Writer):
        def __init__(self, dbfile) -> None:
            super().__init__(dbfile)
            self._zdict: bytes | None = None
            self._waiting: list[tuple[int, bytes]] = []  # (docnum, pickle) until the dictionary is chosen
            self._held = 0

        def add(self, docnum, v) -> None:
            raw = pickle.dumps(v, 5) if v is not None else b""
            if self._zdict is None:
                self._waiting.append((docnum, raw))
                self._held += len(raw)
                if self._held >= SAMPLE_BYTES:
                    self._choose()
                return
            super().add(docnum, _deflate(raw, self._zdict) if raw else b"")

        def _choose(self) -> None:
            self._zdict = zdict = b"".join(raw for _docnum, raw in self._waiting)[-DICTIONARY_BYTES:]
            self._dbfile.write(_HEADER.pack(_MAGIC, len(zdict)) + zdict)
            waiting, self._waiting = self._waiting, []
            for docnum, raw in waiting:
                super().add(docnum, _deflate(raw, zdict) if raw else b"")

        def finish(self, doccount) -> None:
            if self._zdict is None:
                self._choose()
            super().finish(doccount)

    class Reader(columns.VarBytesColumn.Reader):
        def __init__(self, dbfile, basepos, length, doccount) -> None:
            magic, size = _HEADER.unpack(bytes(dbfile.get(basepos, _HEADER.size)))
            if magic != _MAGIC:
                raise ValueError("stored fields are not in the dictionary layout")
            self._zdict = bytes(dbfile.get(basepos + _HEADER.size, size))
            skip = _HEADER.size + size
            super().__init__(dbfile, basepos + skip, length - skip, doccount)

        def __getitem__(self, docnum):
            value = super().__getitem__(docnum)
            return pickle.loads(_inflate(value, self._zdict)) if value else None

        def __iter__(self):
            for value in super().__iter__():
                yield pickle.loads(_inflate(value, self._zdict)) if value else None


STORED = StoredColumn()


class StoredPerDocWriter(whoosh3.W3PerDocWriter):
    """W3's per-document writer with stored fields in :class:`StoredColumn`."""

    def _create_column(self, fieldname, column):
        super()._create_column(fieldname, STORED if fieldname == "_stored" else column)


class StoredPerDocReader(whoosh3.W3PerDocReader):
    """W3's per-document reader with stored fields in :class:`StoredColumn`."""

    def stored_fields(self, docnum):
        reader = self._cached_reader("_stored", STORED)
        value = reader[docnum] if reader is not None else None
        return {} if value is None else value
