"""Storage: every use of Whoosh's internals, behind one seam.

The rest of :mod:`reader.index` uses only Whoosh's public query and schema
classes and what this package exports. It owns:

* :mod:`.codec`: the on-disk layout (W3 with flat posting blocks and flat inline
  postings), its one term-info encoder, and bulk reading of postings as arrays;
* :mod:`.termtable`: a segment's term table (sorted keys found through sorted hashes);
* :mod:`.stored`: a segment's stored fields, deflated with a dictionary of the segment's;
* :mod:`.writer`: the bulk segment writer (whole posting lists at a time);
* :mod:`.segments`: segments written apart (spills, workers) committed together;
* :mod:`.lengths`: a segment's field lengths as one array;
* :mod:`.matchers`: Whoosh matchers over document lists computed in bulk;
* :mod:`.patches`: the one change to Whoosh's code (compound sub-files without a
  copy), applied explicitly when an index is opened; releasing mapped pages;
* :mod:`.opening`: opening, creating and writing an index, after the checks;
* :mod:`.contract`: the private Whoosh names relied on, checked against the
  installed Whoosh, which must be exactly :data:`.contract.WHOOSH_VERSION`;
* :mod:`.errors`: what storage raises.
"""

from reader.index.storage.codec import codec, posting_arrays, posting_positions, term_entry
from reader.index.storage.contract import WHOOSH_VERSION
from reader.index.storage.errors import ContractBroken, StorageError, WhooshVersionMismatch, WriterLocked
from reader.index.storage.lengths import field_lengths
from reader.index.storage.matchers import docs_matcher
from reader.index.storage.opening import create_in, ensure_ready, exists_in, new_writer, open_dir
from reader.index.storage.patches import release_mapped_pages
from reader.index.storage.segments import (
    WORKER_SPILL_POSTINGS,
    Spill,
    commit_with,
    finish_writer,
    side_writer,
)
from reader.index.storage.writer import FastWriter

__all__ = [
    "WHOOSH_VERSION",
    "WORKER_SPILL_POSTINGS",
    "ContractBroken",
    "FastWriter",
    "Spill",
    "StorageError",
    "WhooshVersionMismatch",
    "WriterLocked",
    "codec",
    "commit_with",
    "create_in",
    "docs_matcher",
    "ensure_ready",
    "exists_in",
    "field_lengths",
    "finish_writer",
    "new_writer",
    "open_dir",
    "posting_arrays",
    "posting_positions",
    "term_entry",
    "release_mapped_pages",
    "side_writer",
]
