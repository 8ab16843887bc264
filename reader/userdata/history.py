"""Reading history: which stories were opened, and when last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.userdata.bookmarks import check_id, remember
from reader.userdata.db import Database, now

if TYPE_CHECKING:
    from reader.story import Story


class HistoryMixin:
    """History methods of :class:`reader.userdata.UserData`."""

    _db: Database

    def record_read(self, story_id: str, snapshot: Story | None = None) -> None:
        """Note that a story was just opened (``snapshot``: the Story, remembered too)."""
        story_id = check_id(story_id)
        with self._db.write() as conn:
            if snapshot is not None and snapshot.id == story_id:
                remember(self._db, [snapshot])
            conn.execute(
                """INSERT INTO history (story_id, last_read, times) VALUES (?, ?, 1)
                   ON CONFLICT(story_id) DO UPDATE SET last_read=excluded.last_read, times=times+1""",
                (story_id, now()),
            )

    def history(self, limit: int = 50) -> list[tuple[str, str]]:
        """``(story id, ISO UTC time last read)``, most recent first, each story once."""
        rows = self._db.query(
            "SELECT story_id, last_read FROM history ORDER BY last_read DESC, rowid DESC LIMIT ?",
            (max(0, int(limit)),),
        )
        return [(row[0], row[1]) for row in rows]

    def times_read(self, story_id: str) -> int:
        return int(self._db.scalar("SELECT times FROM history WHERE story_id=?", (story_id,)) or 0)

    def clear_history(self) -> int:
        """Forget the reading history; how many stories it held."""
        with self._db.write() as conn:
            return conn.execute("DELETE FROM history").rowcount
