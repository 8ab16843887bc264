"""Whole results into a collection: every story a query and its filters match, and undoing that.

Not one page: the request is run for every match (``ArchiveIndex.matches``), restricted to
the allowed stories when the results are (bookmarked only, a collection), as the results
list is (``reader.service.search``). :func:`undo` takes out exactly the stories the step
added, and deletes the collection again if the step made it and nothing else went in since.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reader.index.results import SearchRequest
from reader.service.saved import Matching
from reader.userdata.collections import check_name
from reader.userdata.store import UserData


@dataclass
class CollectionAdd:
    """What one "add all results" did: the stories matched, those new to the collection."""

    name: str
    matched: int
    added: list[str]
    created: bool  # the collection did not exist before

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "matched": self.matched, "added": len(self.added), "created": self.created}


def add_results(
    index: Matching, ud: UserData, name: str, request: SearchRequest, allowed: set[str] | None = None
) -> CollectionAdd:
    """Put every story matching ``request`` (within ``allowed`` when given) into collection ``name``."""
    if allowed is not None:
        request = dataclasses.replace(request, ids=sorted(allowed))
    name = check_name(name)
    ids = index.matches(request, ordered=False).ids()
    existed = name in {c.name for c in ud.collections()}
    before = set(ud.collection_ids(name)) if existed else set()
    ud.add_to_collection(name, ids)  # made if missing, even when nothing matched
    added = [i for i in dict.fromkeys(ids) if i not in before]
    return CollectionAdd(name, len(ids), added, not existed)


def undo(ud: UserData, done: CollectionAdd) -> int:
    """Take back ``done``: the stories it added leave the collection (deleted if it made it and
    it is empty then).

    How many stories were taken out.
    """
    removed = ud.remove_from_collection(done.name, done.added)
    if done.created and not ud.collection_ids(done.name):
        ud.delete_collection(done.name)
    return removed
