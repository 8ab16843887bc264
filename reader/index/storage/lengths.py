"""Field lengths of a whole segment as one array, read from W3's length column.

Whoosh's scorers ask ``doc_field_length`` once per document; evaluation needs
the lengths of every matching document at once, so the segment's length column
(one byte per document, Whoosh's ``length_to_byte`` code) is read in one piece
and decoded with a table. A segment without that column, or with it in another
layout, is refused with a :class:`~reader.index.storage.errors.StorageError`:
scores computed from made-up lengths would be silently wrong.
"""

from __future__ import annotations

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from reader.index.storage.errors import StorageError

#: Length code -> length. Code 0 (an empty field) is 1: Whoosh's scorers ask
#: ``doc_field_length(docnum, field, 1)``, and 2.7.4 returns that default for it.
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_BYTE_LENGTHS[0] = 1.0


def field_lengths(reader, fieldname: str, size: int) -> np.ndarray:
    """Lengths (float64) of ``fieldname`` by docnum in one segment reader, as Whoosh's scorers see them.

    Called for fields that have postings in the segment, so the column exists; when it does
    not (or is not W3's one-byte column), this raises instead of guessing.
    """
    segment = reader.segment()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # (contract)
    if column is None:
        raise StorageError(
            f"segment {segment.segment_id()} has no length column for field {fieldname!r} "
            f"(asked for the lengths of a field it holds no postings of?)"
        )
    if column._fixedlen != 1:  # (contract: W3's CompactIntColumn reader)
        raise StorageError(
            f"segment {segment.segment_id()}: the length column of {fieldname!r} is not one byte a document"
        )
    count = min(column._count, size)
    codes = np.zeros(size, dtype=np.uint8)
    codes[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), dtype=np.uint8)
    return _BYTE_LENGTHS[codes]
