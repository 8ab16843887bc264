"""Searches restricted by the user's own data: bookmarked stories, collections.

Bookmarks and collections live in the user data, not in the index; the allowed
story ids go into the request (``SearchRequest.ids``) and the index restricts to
them, so facets, paging and ranking work as for any search. The GUI's "bookmarked
only" and collection filters and ``reader search --bookmarked/--collection`` both
come here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Protocol

from reader.index.results import Results, SearchRequest
from reader.userdata.store import UserData


class Searchable(Protocol):
    """What a restricted search needs of an index (``ArchiveIndex`` has it)."""

    def search(self, request: SearchRequest) -> Results: ...


def allowed_ids(
    ud: UserData, *, bookmarked: bool = False, collections: Iterable[str] = ()
) -> set[str] | None:
    """The story ids a search may show: bookmarked ones, and/or those in any of ``collections``.

    Both given: stories that are bookmarked *and* in one of the collections. Neither:
    None (no restriction). An unknown collection name holds no stories.
    """
    allowed: set[str] | None = None
    if bookmarked:
        allowed = {b.id for b in ud.bookmarks()}
    names = list(collections)
    if names:
        ids = set().union(*(ud.collection_ids(n) for n in names))
        allowed = ids if allowed is None else allowed & ids
    return allowed


def restricted_search(index: Searchable, request: SearchRequest, allowed: set[str] | None = None) -> Results:
    """``index.search(request)``, restricted to the story ids in ``allowed`` when given.

    With no query and no dates every allowed story should match: those that do not
    are gone from the library, and a note says how many.
    """
    if allowed is None:
        return index.search(request)
    results = index.search(dataclasses.replace(request, ids=sorted(allowed)))
    if not request.query and not request.date_from and not request.date_to:
        present = results.total
        if request.filters:
            present = index.search(
                SearchRequest(ids=sorted(allowed), page_size=1, facets=False, snippets=False)
            ).total
        missing = len(allowed) - present
        if missing > 0:
            results.notes = [*results.notes, f"{missing} chosen stories are no longer in the library"]
    return results
