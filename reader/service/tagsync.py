"""The user's tag choices applied to the index: the import tagger, and pushing tag changes in.

``auto`` below is the function that gives a story's automatic tags, the same one
the import's tagger uses (default: :func:`reader.autotag.auto_tags`). Tests pass a
small stand-in; with ``auto`` given as None nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reader.autotag import auto_tags
from reader.index import open_index
from reader.index.results import SearchRequest
from reader.story import Story
from reader.userdata.store import UserData
from reader.userdata.tagchoices import TagRules

AutoTagger = Callable[[Story], list[str]]


class TaggedIndex(Protocol):
    """What pushing tags needs of an index (``ArchiveIndex`` has it)."""

    def get(self, story_id: str) -> Story | None: ...

    def set_tags(self, story_id: str, tags: list[str]) -> None: ...

    def ids_for(self, request: SearchRequest) -> list[str]: ...

    def close(self) -> None: ...


@dataclass
class RuleTagger:
    """Automatic tags with the user's choices applied; picklable, so import workers can run it."""

    rules: TagRules
    auto: AutoTagger

    def __call__(self, story: Story) -> list[str]:
        return self.rules.apply(story.id, self.auto(story))


def make_tagger(ud: UserData | None, auto: AutoTagger | None = None) -> AutoTagger:
    """A ``tagger`` for ``ArchiveIndex.update``: automatic tags with the user's choices applied.

    The user's choices are read once, when the tagger is made (one import), so the
    tagger is safe to run on an import thread or in worker processes. Without user
    data (it could not be opened): the automatic tags alone.
    """
    auto = auto or auto_tags
    if ud is None:
        return auto
    return RuleTagger(ud.tag_rules(), auto)


def refresh_index_tags(
    home: Path | str,
    ud: UserData,
    ids: Iterable[str] = (),
    *,
    index: TaggedIndex | None = None,
    auto: AutoTagger | None = None,
) -> int:
    """Push the effective tags of ``ids``, and of every queued change, into the index.

    Tag changes in ``UserData`` queue the stories (or, for a rename, the old tag
    name) they touch; this works through that queue as well as ``ids`` and clears
    what it did. Without ``index`` the library's index in ``home`` is opened (and
    closed) here. Raises the index's ``LibraryBusy`` when another process is writing
    it (the queue then waits for the next call). Returns how many stories' tags changed.
    """
    queued_ids, queued_tags = ud.pending_refresh()
    own = None
    if index is None:
        index = own = open_index(Path(home))
    try:
        changed = _retag(index, ud, _targets(index, [*ids, *queued_ids], queued_tags), auto or auto_tags)
        ud.clear_pending(queued_ids, queued_tags)
        return changed
    finally:
        if own is not None:
            own.close()


def _targets(index: TaggedIndex, ids: list[str], tags: list[str]) -> list[str]:
    """``ids`` and every story carrying one of ``tags`` (a renamed tag's old name), each once."""
    targets = dict.fromkeys(ids)
    for tag in tags:
        request = SearchRequest(filters={"tag": [tag]}, facets=False, snippets=False)
        targets.update(dict.fromkeys(index.ids_for(request)))
    return list(targets)


def _retag(index: TaggedIndex, ud: UserData, ids: list[str], auto: AutoTagger) -> int:
    """Give each of ``ids`` its automatic tags with the user's choices applied; how many changed."""
    rules = ud.tag_rules()
    changed = 0
    for story_id in ids:
        story = index.get(story_id)
        if story is None:  # gone; its tags apply again if it comes back through the tagger
            continue
        tags = rules.apply(story_id, auto(story))
        if tags != list(story.tags):
            index.set_tags(story_id, tags)
            changed += 1
    return changed
