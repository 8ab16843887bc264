"""Plain records that search hands to the CLI and the GUI: requests, hits, facets.

They hold no Whoosh objects, so callers never need to know the index exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Facet names, in the order the filter panel shows them.
FACETS = ("tag", "source", "author", "year", "month")
#: The most hits one page holds (asking for the whole library as one page is capped, with a note).
MAX_PAGE_SIZE = 1000


@dataclass
class SearchRequest:
    """What to look for.

    ``query`` is the user's text in the query language (may be empty: then every
    story matches). ``filters`` maps a facet name to the values ticked in it:
    AND across facets, OR within one. ``date_from``/``date_to`` are ISO prefixes
    (``2024``, ``2024-05``, ``2024-05-24``), inclusive. ``ids``, when given,
    restricts the search to those stories (facets then count within them).
    """

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"  # or "date" (newest first)
    page: int = 1
    page_size: int = 20
    facets: bool = True
    snippets: bool = True
    ids: list[str] | None = None  # only these stories (a bookmark list, a collection); None: all
    #: One row per reprint group (its best-ranked matching copy); False: every copy its own row.
    group_copies: bool = False
    #: Stories never folded into their group's row (bookmarked ones: a group never hides them).
    keep_ids: list[str] | None = None


@dataclass
class Hit:
    """One matching story, as a results list shows it."""

    id: str
    title: str
    date: str
    source: str
    score: float
    snippet: str = ""  # about 80 characters around the best hit; hits wrapped in <b>…</b>, rest HTML-escaped
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    column: str = ""
    tags: list[str] = field(default_factory=list)
    group: str = ""  # the story's reprint group id ("" when no other story prints the same text)
    group_size: int = 1  # stories in the library in that group, this one included
    group_sources: list[str] = field(default_factory=list)  # the group's sources, original's first
    #: Other copies of the group that match the request, folded into this row (0 with every copy shown).
    folded: int = 0
    matched_by: str = ""  # "pinyin" when the query was read as pinyin (reader.index.romanised)
    #: (as printed, as typed) where a hit's text differs from the query's characters (綫 for 线)
    forms: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Results:
    """One page of hits, the total, facet counts and notes about the query."""

    hits: list[Hit]
    total: int
    page: int = 1
    page_size: int = 20
    facets: dict[str, list[tuple[str, int]]] = field(
        default_factory=dict
    )  # name -> [(value, count)] by count desc
    notes: list[str] = field(default_factory=list)  # e.g. "ignored an unbalanced quote"
    terms: list[str] = field(default_factory=list)  # the query's positive terms, folded, for highlighting
    #: Matching stories, every copy counted (``total`` counts rows: groups folded when asked).
    copies: int = 0
    pinyin: str = ""  # the query as read in pinyin when the hits matched that way ("" otherwise)
