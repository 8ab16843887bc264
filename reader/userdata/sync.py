"""Where the user's data meets the search index: presence, snapshots, tags.

The index (``reader.index``) is imported lazily, so the user data works before an
index exists or when that package is absent. Functions take an open ``index``
where the caller has one (the app); otherwise they open and close their own.

``auto`` below is the function that gives a story's automatic tags, the same one
the import's tagger uses (default: ``reader.autotag.auto_tags`` when importable). With
none, a story's stored index tags minus ``user:`` ones stand in for its automatic
tags; then un-hiding a tag or undoing a rename shows only after the next re-import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.userdata.tagchoices import USER, TagRules

if TYPE_CHECKING:
    from reader.story import Story
    from reader.userdata.store import UserData

AutoTagger = Callable[["Story"], list[str]]


def open_index(home: Path | str) -> Any | None:
    """The library's index (``reader.index.open_index``), or None while that package is absent."""
    try:
        from reader.index import open_index as _open
    except ImportError:
        return None
    return _open(Path(home))


def default_auto() -> AutoTagger | None:
    """``reader.autotag.auto_tags`` when that package is there, else None."""
    try:
        from reader.autotag import auto_tags
    except ImportError:
        return None
    return auto_tags


def present_ids(index: Any, ids: Iterable[str], ud: UserData | None = None) -> set[str]:
    """Those of ``ids`` the index still holds.

    With ``ud``, their snapshots are brought up to date (only where the title,
    date, source or file changed), so a story that later goes missing still shows
    what it last was.
    """
    present: set[str] = set()
    changed = []
    for story_id in dict.fromkeys(ids):
        story = index.get(story_id)
        if story is None:
            continue
        present.add(story_id)
        if ud is not None:
            snap = ud.snapshot(story_id)
            now = (story.title, story.date, story.source, story.file)
            if snap is None or (snap.title, snap.date, snap.source, snap.file) != now:
                changed.append(story)
    if ud is not None and changed:
        ud.remember(changed)
    return present


@dataclass
class RuleTagger:
    """Automatic tags with the user's choices applied; picklable, so import workers can run it."""

    rules: TagRules
    auto: AutoTagger | None = None

    def __call__(self, story: Story) -> list[str]:
        base = self.auto(story) if self.auto else [t for t in story.tags if not t.startswith(USER)]
        return self.rules.apply(story.id, base)


def make_tagger(ud: UserData | None, auto: AutoTagger | None = None) -> Callable[[Story], list[str]] | None:
    """A ``tagger`` for ``ArchiveIndex.update``: automatic tags with the user's choices applied.

    The user's choices are read once, when the tagger is made (one import), so the
    tagger is safe to run on an import thread or in worker processes. Without user
    data (it could not be opened): automatic tags only, or None without the tags package.
    """
    if ud is None:
        return auto or default_auto()
    return RuleTagger(ud.tag_rules(), auto or default_auto())


def refresh_index_tags(
    home: Path | str,
    ud: UserData,
    ids: Iterable[str] = (),
    *,
    index: Any | None = None,
    auto: AutoTagger | None = None,
) -> int:
    """Push the effective tags of ``ids``, and of every queued change, into the index.

    Tag changes in ``UserData`` queue the stories (or, for a rename, the old tag
    name) they touch; this works through that queue as well as ``ids`` and clears
    what it did. Without an index package it does nothing and the queue waits.
    Raises the index's ``LibraryBusy`` when another process is writing it (the
    queue then waits for the next call). Returns how many stories' tags changed.
    """
    queued_ids, queued_tags = ud.pending_refresh()
    own = None
    if index is None:
        index = own = open_index(home)
        if index is None:
            return 0
    try:
        targets = dict.fromkeys([*ids, *queued_ids])
        if queued_tags:
            from reader.index.results import SearchRequest

            for tag in queued_tags:
                request = SearchRequest(filters={"tag": [tag]}, facets=False, snippets=False)
                targets.update(dict.fromkeys(index.ids_for(request)))
        auto = auto or default_auto()
        rules = ud.tag_rules()
        changed = 0
        for story_id in targets:
            story = index.get(story_id)
            if story is None:  # gone; its tags apply again if it comes back through the tagger
                continue
            base = auto(story) if auto else [t for t in story.tags if not t.startswith(USER)]
            tags = rules.apply(story_id, base)
            if tags != list(story.tags):
                index.set_tags(story_id, tags)
                changed += 1
        ud.clear_pending(queued_ids, queued_tags)
        return changed
    finally:
        if own is not None:
            own.close()
