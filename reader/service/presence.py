"""Which saved story ids the index still holds, keeping the user data's snapshots of them current."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from reader.story import Story
from reader.userdata.store import UserData


class StoryLookup(Protocol):
    """What presence needs of an index (``ArchiveIndex`` has it)."""

    def get(self, story_id: str) -> Story | None: ...


def present_ids(index: StoryLookup, ids: Iterable[str], ud: UserData | None = None) -> set[str]:
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
