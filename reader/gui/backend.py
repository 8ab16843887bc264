"""What the window works on: the library's index and the user's data, plus the GUI's search.

The search here is ``ArchiveIndex.search``; when the user restricts results to
bookmarks or collections (user data, not index fields) the allowed story ids go
into the request and the index restricts to them.
"""

from __future__ import annotations

import dataclasses

from reader.index.results import Results, SearchRequest


def search(index, request: SearchRequest, allowed: set[str] | None = None) -> Results:
    """``index.search(request)``, restricted to the story ids in ``allowed`` when given.

    The index evaluates the restriction itself (``SearchRequest.ids``), so facets,
    paging and ranking work as for any search. With no query and no dates every
    allowed story should match: those that do not are gone from the library, and a
    note says how many.
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
