"""The Whoosh schema of a library index and the two field types it needs.

Documents are of three kinds (field ``kind``): ``story`` (one per story),
``file`` (the manifest row of one imported file: size, mtime, hash, story ids,
committed in the same transaction as the file's stories) and ``meta`` (the
import roots). Text fields hold pre-folded unigram/bigram/word postings (see
:mod:`reader.text.tokenise`); facet values are also kept in one column so that
counting them over matched documents needs no stored-field reads.
"""

from __future__ import annotations

from whoosh import fields, formats
from whoosh.analysis import RegexTokenizer
from whoosh.codec import whoosh3
from whoosh.columns import VarBytesColumn

from reader.text.fold import fold
from reader.text.tokenise import postings

#: Relative weight of a hit in each text field (BM25F).
TITLE_BOOST = 3.0
META_BOOST = 1.5

#: Text fields searched by an unfielded query, and the query-language field names.
DEFAULT_FIELDS = ("title", "body")
QUERY_FIELDS = {
    "title": ("title",),
    "author": ("author_t",),
    "source": ("source_t",),
    "column": ("column_t",),
    "text": ("body",),
    "body": ("body",),
}


# Whoosh 2.7.4 writes short posting lists inline with a misspelt method name;
# the reading side (``W3TermInfo.set_inlined``/``inlined_postings``) is complete.
if not hasattr(whoosh3.W3TermInfo, "set_inline"):
    whoosh3.W3TermInfo.set_inline = whoosh3.W3TermInfo.set_inlined


def codec() -> whoosh3.W3Codec:
    """The codec writers use: rare terms (most bigrams) inline in the term table, light compression."""
    return whoosh3.W3Codec(blocklimit=128, compression=1, inlinelimit=8)


class Postings(list):
    """Pre-analysed ``(term bytes, freq, weight, encoded positions)`` items for one field."""


class NgramText(fields.FieldType):
    """Folded CJK unigrams + bigrams and words, with positions (phrase queries)."""

    indexed = True
    scorable = True
    stored = False
    unique = False

    def __init__(self, field_boost: float = 1.0):
        self.format = formats.Positions(field_boost=field_boost)
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


def encode_postings(fmt: formats.Positions, folded: str) -> Postings:
    """The posting items of folded text for a Positions format."""
    encode = fmt.encode
    boost = fmt.field_boost
    return Postings(
        (term.encode("utf-8"), len(poses), len(poses) * boost, encode(poses))
        for term, poses in postings(folded).items()
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
