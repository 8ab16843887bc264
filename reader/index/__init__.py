"""The library's search index (Whoosh).

Design: text is folded (:mod:`reader.text.fold`) and cut into CJK unigrams and
bigrams with positions plus Latin/digit words (:mod:`reader.text.tokenise`), so
any run of characters is found exactly: one character is a unigram term, two
a bigram, more an exact phrase of overlapping bigrams; segmentation never
decides recall. ``schema`` defines the fields, ``documents`` maps a Story to
them, ``importer`` runs incremental, locked, crash-safe imports, ``query``
parses the query language, ``evaluate`` matches and scores a query in one
bulk pass per segment (``phrase``: exact n-gram phrases from whole posting
lists), ``search`` executes requests (ranking, paging, facets) and
``snippets`` makes highlighted excerpts from the original text; ``scoring``
holds the BM25F weighting and scores whole posting lists; ``segdata`` and
``segcache`` keep per-segment arrays. ``manifest`` (file keys and hashes),
``filejob`` (one file's read, parse and tag within its time budget) and
``workers`` (whole segments built in worker processes) serve the importer.
Every use of Whoosh's internals (the on-disk layout, the bulk writer, commits,
the pinned Whoosh version and the contract naming the private names relied on)
is in ``storage``; ``schema.SCHEMA_VERSION`` guards the on-disk layout (an
older index is reset and re-imported). ``archive.ArchiveIndex`` ties them
together; ``results`` holds the plain records callers see.
"""

from reader.index.archive import ArchiveIndex, IndexUnavailable, open_index
from reader.index.importer import ImportReport
from reader.index.locking import LibraryBusy
from reader.index.results import FACETS, Hit, Results, SearchRequest
from reader.ingest import Problem

__all__ = [
    "FACETS",
    "ArchiveIndex",
    "Hit",
    "ImportReport",
    "IndexUnavailable",
    "LibraryBusy",
    "Problem",
    "Results",
    "SearchRequest",
    "open_index",
]
