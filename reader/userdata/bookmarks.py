"""Bookmarks (starred stories), notes on stories, and the snapshots that keep them readable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.userdata.db import Database, now
from reader.userdata.records import Bookmark, Snapshot
from reader.userdata.removals import BOOKMARK, clear_removal, note_removal

if TYPE_CHECKING:
    from reader.story import Story


def check_id(story_id: str) -> str:
    """A story id stripped of spaces; ValueError when empty or not text."""
    if not isinstance(story_id, str) or not story_id.strip():
        raise ValueError(f"not a story id: {story_id!r}")
    return story_id.strip()


def remember(db: Database, stories: Iterable[Story]) -> None:
    """Record (or refresh) the snapshot (title, date, source, file) of ``stories`` in ``db``."""
    rows = [(s.id, s.title or "", s.date or "", s.source or "", s.file or "", now()) for s in stories if s.id]
    if not rows:
        return
    with db.write() as conn:
        conn.executemany(
            """INSERT INTO snapshots (story_id, title, date, source, file, seen) VALUES (?,?,?,?,?,?)
               ON CONFLICT(story_id) DO UPDATE SET title=excluded.title, date=excluded.date,
               source=excluded.source, file=excluded.file, seen=excluded.seen""",
            rows,
        )


class BookmarksMixin:
    """Bookmark, note and snapshot methods of :class:`reader.userdata.UserData`."""

    _db: Database

    # -- snapshots ---------------------------------------------------------

    def remember(self, stories: Iterable[Story]) -> None:
        """Record (or refresh) the title, date, source and file of stories we have seen."""
        remember(self._db, stories)

    def snapshot(self, story_id: str) -> Snapshot | None:
        """The last known title/date/source/file of a story, or None."""
        rows = self._db.query(
            "SELECT story_id, title, date, source, file, seen FROM snapshots WHERE story_id=?", (story_id,)
        )
        return Snapshot(*rows[0]) if rows else None

    # -- bookmarks ---------------------------------------------------------

    def add_bookmark(self, story_id: str, note: str = "", snapshot: Story | None = None) -> bool:
        """Star a story; True if it was not starred before.

        A non-empty ``note`` replaces the story's note; ``snapshot`` (the Story)
        is remembered so the bookmark still shows its title if the story goes.
        """
        story_id = check_id(story_id)
        with self._db.write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO bookmarks (story_id, created) VALUES (?, ?)", (story_id, now())
            )
            if cur.rowcount:
                clear_removal(conn, BOOKMARK, story_id)
            if snapshot is not None:
                if snapshot.id and snapshot.id != story_id:
                    raise ValueError(f"snapshot is of story {snapshot.id}, not {story_id}")
                self.remember([snapshot if snapshot.id else replace(snapshot, id=story_id)])
            if note:
                self.set_note(story_id, note)
            return cur.rowcount > 0

    def remove_bookmark(self, story_id: str) -> bool:
        """Unstar a story (its note, tags and collections stay); True if it was starred.

        The removal is recorded, so importing an older export does not star it again.
        """
        with self._db.write() as conn:
            gone = conn.execute("DELETE FROM bookmarks WHERE story_id=?", (story_id,)).rowcount > 0
            if gone:
                note_removal(conn, BOOKMARK, story_id, now())
            return gone

    def is_bookmarked(self, story_id: str) -> bool:
        return self._db.scalar("SELECT 1 FROM bookmarks WHERE story_id=?", (story_id,)) is not None

    def bookmarks(self) -> list[Bookmark]:
        """All bookmarks, newest first, with notes and snapshots."""
        rows = self._db.query(
            """SELECT b.story_id, b.created, COALESCE(n.text, ''), COALESCE(s.title, ''),
                      COALESCE(s.date, ''), COALESCE(s.source, ''), COALESCE(s.file, '')
               FROM bookmarks b
               LEFT JOIN notes n ON n.story_id = b.story_id
               LEFT JOIN snapshots s ON s.story_id = b.story_id
               ORDER BY b.created DESC, b.rowid DESC"""
        )
        return [Bookmark(*row) for row in rows]

    # -- notes -------------------------------------------------------------

    def set_note(self, story_id: str, text: str) -> None:
        """Set a story's note; an empty text clears it."""
        story_id = check_id(story_id)
        with self._db.write() as conn:
            conn.execute(
                """INSERT INTO notes (story_id, text, updated) VALUES (?, ?, ?)
                   ON CONFLICT(story_id) DO UPDATE SET text=excluded.text, updated=excluded.updated""",
                (story_id, text or "", now()),
            )

    def note(self, story_id: str) -> str:
        """A story's note ("" when none)."""
        return self._db.scalar("SELECT text FROM notes WHERE story_id=?", (story_id,)) or ""

    def notes(self) -> dict[str, str]:
        """Every non-empty note by story id."""
        return {row[0]: row[1] for row in self._db.query("SELECT story_id, text FROM notes WHERE text != ''")}
