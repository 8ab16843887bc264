"""The Whoosh schema of a library index and the two field types it needs.

Documents are of three kinds (field ``kind``): ``story`` (one per story),
``file`` (the manifest row of one imported file: size, mtime, hash, story ids,
committed in the same transaction as the file's stories) and ``meta`` (the
import roots). Text fields hold pre-folded unigram/bigram/word postings (see
:mod:`reader.text.tokenise`); facet values are also kept in one column so that
counting them over matched documents needs no stored-field reads.
"""

from __future__ import annotations

import functools
import sys
from array import array

from whoosh import fields, formats
from whoosh.analysis import RegexTokenizer
from whoosh.columns import VarBytesColumn

from reader.text.fold import fold
from reader.text.tokenise import postings

#: Version of the on-disk layout (fields, formats). An index written with another
#: version is reset and re-imported from its roots (see ``archive.ArchiveIndex``).
#: 1: pickled position deltas; 2: :class:`CompactPositions`; 3: flat posting blocks (:mod:`.storage.codec`);
#: 4: flat inline postings in the term table; 5: ``body`` holds everything printed with the story
#: (source, column, byline, authors, subheads, paragraphs) and letter/digit words are also
#: indexed as their pieces (``15gw`` -> ``15`` ``gw``); 6: folding joins variant characters
#: (:mod:`reader.text.variants`) and a ``pinyin`` field holds the romanised names; 7: compact inline
#: term-table entries (4 bytes of fixed part, not 26; positions under 65,536 as uint16s); 8: ``body``
#: also holds the print edition and the editor credited (``《人民日报》（…02版）``, ``责任编辑：…``);
#: 9: the term table is :mod:`.storage.termtable`'s (11 bytes a term, not Whoosh's 36; 10 since 12,
#: 7 since 14);
#: 10: narrow blocks and inline postings (uint16 ids, half-float weights, position gaps); 11: the
#: term table samples every 16th key for ordered seeks, not every 64th, and says so in its footer;
#: 12: postings whose weights are their counts of positions store no weights (inline) or the counts
#: as the weights (blocks), and a story's stored JSON is a str compressed once (by Whoosh), not
#: UTF-8 bytes compressed twice, and each document's stored fields are deflated with a dictionary of
#: their segment's (:mod:`.storage.stored`); block ids as byte gaps where they fit; a term in one
#: document has a 5-byte entry; position gaps deflated a byte plane at a time; 13: ``body`` also
#: holds the lines printed with a story that are not its text (``Story.asides``: closing credits,
#: picture credits, a date line), which stories parsed before lack: they are parsed again; 14: the
#: term table keeps a key's stem (field number) once for each run of keys, and its entries'
#: positions in 3 bytes where the table is under 16 MB (RTT3: 3 bytes a term less).
SCHEMA_VERSION = 14

#: Relative weight of a hit in each text field (BM25F).
TITLE_BOOST = 3.0
META_BOOST = 1.5

#: Text fields searched by an unfielded query (``body`` includes byline, authors, source and
#: column: see ``documents.printed_body``), and the query-language field names.
DEFAULT_FIELDS = ("title", "body")
QUERY_FIELDS = {
    "title": ("title",),
    "author": ("author_t",),
    "source": ("source_t",),
    "column": ("column_t",),
    "text": ("body",),
    "body": ("body",),
}


class Postings(list):
    """Pre-analysed ``(term bytes, freq, weight, encoded positions)`` items for one field."""


_SWAP = sys.byteorder != "little"


class CompactPositions(formats.Positions):
    """Positions as little-endian uint32s (one C call to encode/decode, no pickling).

    The posting value is just the positions, so the frequency is its length / 4.
    """

    #: Tells storage's writer the values are flat uint32 positions (short ones may be kept as uint16s).
    flat_uint32_positions = not _SWAP

    def encode(self, poslist) -> bytes:
        values = array("I", poslist)
        if _SWAP:  # pragma: no cover - big-endian hosts
            values.byteswap()
        return values.tobytes()

    def decode_positions(self, valuestring) -> list[int]:
        values = array("I")
        values.frombytes(valuestring)
        if _SWAP:  # pragma: no cover
            values.byteswap()
        return values.tolist()

    def decode_frequency(self, valuestring) -> int:
        return len(valuestring) // 4

    def decode_weight(self, valuestring) -> float:
        return (len(valuestring) // 4) * self.field_boost

    def combine(self, vs) -> bytes:
        merged: set[int] = set()
        for v in vs:
            merged.update(self.decode_positions(v))
        return self.encode(sorted(merged))


class NgramText(fields.FieldType):
    """Folded CJK unigrams + bigrams and words, with positions (phrase queries)."""

    indexed = True
    scorable = True
    stored = False
    unique = False

    def __init__(self, field_boost: float = 1.0):
        self.format = CompactPositions(field_boost=field_boost)
        self.analyzer = RegexTokenizer()  # only for Whoosh internals; indexing bypasses it
        self.column_type = None
        self.vector = None
        self.multitoken_query = "phrase"

    def index(self, value, **kwargs):
        if isinstance(value, Postings):
            return iter(value)
        return iter(encode_postings(self.format, fold(value)))


class ExactList(fields.FieldType):
    """A list of exact strings (tags, authors), one term each; no positions."""

    indexed = True
    scorable = False
    stored = False
    unique = False

    def __init__(self):
        self.format = formats.Existence()
        self.analyzer = RegexTokenizer()
        self.column_type = None
        self.vector = None

    def index(self, value, **kwargs):
        values = [value] if isinstance(value, str) else list(value)
        return ((v.encode("utf-8"), 1, 1.0, b"") for v in sorted(set(values)) if v)


@functools.lru_cache(maxsize=16)
def _weights(boost: float) -> tuple[float, ...]:
    return tuple(freq * boost for freq in range(256))


def encode_postings(fmt: formats.Positions, folded: str) -> Postings:
    """The posting items of folded text for a Positions format."""
    return encode_positions(fmt, postings(folded))


def encode_positions(fmt: formats.Positions, positions: dict[str, list[int]]) -> Postings:
    """The posting items of ``term -> ascending positions`` for a Positions format."""
    encode = fmt.encode
    boost = fmt.field_boost
    if isinstance(fmt, CompactPositions) and not _SWAP:
        weights = _weights(boost)  # shared float objects: less memory per posting
        return Postings(
            (
                term.encode("utf-8"),
                len(poses),
                weights[len(poses)] if len(poses) < 256 else len(poses) * boost,
                array("I", poses).tobytes(),
            )
            for term, poses in positions.items()
        )
    return Postings(
        (term.encode("utf-8"), len(poses), len(poses) * boost, encode(poses))
        for term, poses in positions.items()
    )


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        kind=fields.ID(stored=True),
        path=fields.ID(stored=True),
        title=NgramText(field_boost=TITLE_BOOST),
        body=NgramText(),
        author_t=NgramText(field_boost=META_BOOST),
        source_t=NgramText(field_boost=META_BOOST),
        column_t=NgramText(field_boost=META_BOOST),
        pinyin=NgramText(),  # syllables of title and subtitle (reader.index.romanised)
        pinyin_names=NgramText(field_boost=META_BOOST),  # syllables of authors and name tags
        pinyin_initials=ExactList(),  # initials of names of 2-6 characters
        tag=ExactList(),  # exact "kind:name" strings (filters)
        tagq=ExactList(),  # folded full tags and folded labels (query language tag:)
        source=fields.ID(),
        author=ExactList(),
        column=fields.ID(),
        year=fields.ID(),
        month=fields.ID(),
        date=fields.ID(sortable=True),
        facets=fields.COLUMN(VarBytesColumn()),
        data=fields.STORED(),
    )
