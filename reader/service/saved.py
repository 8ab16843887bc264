"""Saved searches against the index: what each matches now, and how much of that is new.

A saved search (``reader.userdata.savedsearches``) holds a query and its filters; this
module runs it (every match, not a page) and compares the matches with the stories the user
has seen for it. Saving records the current matches as seen, so a new saved search starts at
zero new; :func:`look` marks the current matches seen (the user opened the results).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.index.matches import MatchList
from reader.index.results import SearchRequest
from reader.userdata.records import SavedSearch
from reader.userdata.store import UserData


class Matching(Protocol):
    """What saved searches need of an index (``ArchiveIndex`` has it)."""

    def matches(self, request: SearchRequest, *, ordered: bool = True) -> MatchList: ...


@dataclass
class SavedStatus:
    """A saved search, how many stories it matches now and which of them are new to the user."""

    search: SavedSearch
    total: int
    new_ids: list[str]

    @property
    def new(self) -> int:
        return len(self.new_ids)

    def to_json(self) -> dict[str, object]:
        s = self.search
        return {
            "name": s.name,
            "query": s.query,
            "filters": s.filters,
            "from": s.date_from,
            "to": s.date_to,
            "created": s.created,
            "looked": s.looked,
            "total": self.total,
            "new": self.new,
        }


def request_of(search: SavedSearch) -> SearchRequest:
    """The search request a saved search stands for (every match, newest first)."""
    return SearchRequest(
        query=search.query,
        filters={k: list(v) for k, v in search.filters.items()},
        date_from=search.date_from,
        date_to=search.date_to,
        sort="date",
        facets=False,
        snippets=False,
    )


def _matching_ids(index: Matching, request: SearchRequest) -> list[str]:
    return index.matches(request).ids()


def save(index: Matching, ud: UserData, name: str, request: SearchRequest) -> bool:
    """Save ``request``'s query and filters as ``name`` (replacing one of that name); its current
    matches count as seen. True if the name is new."""
    ids = _matching_ids(index, request)
    return ud.save_search(
        name, request.query, dict(request.filters or {}), request.date_from, request.date_to, ids
    )


def matching(index: Matching, searches: list[SavedSearch]) -> list[list[str]]:
    """The ids each of ``searches`` matches now (index only: the app runs this on a worker)."""
    return [_matching_ids(index, request_of(s)) for s in searches]


def compared(ud: UserData, search: SavedSearch, ids: list[str]) -> SavedStatus:
    """``search``'s status from the ids it matches now and the stories seen for it (user data only)."""
    seen = ud.seen_ids(search.name)
    return SavedStatus(search, len(ids), [i for i in ids if i not in seen])


def status(index: Matching, ud: UserData, search: SavedSearch) -> SavedStatus:
    """What ``search`` matches now and which of those stories the user has not seen for it."""
    return compared(ud, search, _matching_ids(index, request_of(search)))


def statuses(index: Matching, ud: UserData) -> list[SavedStatus]:
    """:func:`status` of every saved search, by name (the side panel's badges)."""
    return [status(index, ud, s) for s in ud.saved_searches()]


def look(index: Matching, ud: UserData, name: str) -> SavedStatus:
    """The user looks at saved search ``name``: its status before, after which nothing is new.

    KeyError when there is no such saved search.
    """
    search = ud.saved_search(name)
    if search is None:
        raise KeyError(f"no saved search {name!r}")
    before = status(index, ud, search)
    ud.mark_seen(search.name, before.new_ids)
    return before
