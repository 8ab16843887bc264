"""Plain records the user-data store hands out: bookmarks, collections, snapshots."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Snapshot:
    """What we last knew about a story, kept so a missing story still shows its title."""

    id: str
    title: str = ""
    date: str = ""
    source: str = ""
    file: str = ""
    seen: str = ""


@dataclass
class Bookmark:
    """A starred story, with its note and the snapshot taken when we last saw it.

    ``created`` is the ISO UTC time it was starred. Whether the story is still in
    the index is not stored: ask the index (``reader.service.presence.present_ids``).
    """

    id: str
    created: str
    note: str = ""
    title: str = ""
    date: str = ""
    source: str = ""
    file: str = ""


@dataclass
class Collection:
    """A named group of stories (a story may be in several)."""

    name: str
    created: str
    count: int = 0


@dataclass
class SavedSearch:
    """A query with its filters (facet name -> values, dates) saved under a name.

    ``looked`` is the ISO UTC time the user last looked at its results (saved or marked seen).
    """

    name: str
    query: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    created: str = ""
    looked: str = ""
