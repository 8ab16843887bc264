"""Named collections of stories: a story may sit in several, a collection may be empty.

Taking a story out, deleting a collection or renaming it away from a name records the
removal (``reader.userdata.removals``); adding again clears that record.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from reader.userdata.bookmarks import check_id
from reader.userdata.db import Database, now
from reader.userdata.records import Collection
from reader.userdata.removals import COLLECTION, COLLECTION_ITEM, clear_removal, note_removal, pair


def one_line_name(name: str, what: str) -> str:
    """A name the user gives ``what`` (a collection, a saved search), NFC-normalised and stripped;
    ValueError when empty or multi-line."""
    clean = unicodedata.normalize("NFC", str(name or "")).strip()
    if not clean:
        raise ValueError(f"a {what} needs a name")
    if "\n" in clean or "\r" in clean:
        raise ValueError(f"a {what} name must be one line: {clean!r}")
    return clean


def check_name(name: str) -> str:
    """A collection name, NFC-normalised and stripped; ValueError when empty or multi-line."""
    return one_line_name(name, "collection")


class CollectionsMixin:
    """Collection methods of :class:`reader.userdata.UserData`."""

    _db: Database

    def _collection_id(self, conn, name: str, create: bool) -> int | None:
        row = conn.execute("SELECT id FROM collections WHERE name=?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        cid = conn.execute("INSERT INTO collections (name, created) VALUES (?, ?)", (name, now())).lastrowid
        clear_removal(conn, COLLECTION, name)
        return int(cid)

    @staticmethod
    def _note_collection_gone(conn, cid: int, name: str) -> None:
        """Record that collection ``name`` and each of its items went away now.

        The per-item records keep those stories out even after a collection of the
        same name is made again (which clears the collection's own record).
        """
        stamp = now()
        note_removal(conn, COLLECTION, name, stamp)
        for (story_id,) in conn.execute(
            "SELECT story_id FROM collection_items WHERE collection_id=?", (cid,)
        ).fetchall():
            note_removal(conn, COLLECTION_ITEM, pair(name, story_id), stamp)

    def create_collection(self, name: str) -> bool:
        """Make an empty collection; True if it did not exist."""
        name = check_name(name)
        with self._db.write() as conn:
            existed = self._collection_id(conn, name, create=False) is not None
            self._collection_id(conn, name, create=True)
            return not existed

    def add_to_collection(self, name: str, ids: Iterable[str]) -> int:
        """Put stories into a collection (made if missing); how many were new to it."""
        name = check_name(name)
        clean = list(dict.fromkeys(check_id(i) for i in ids))
        with self._db.write() as conn:
            cid = self._collection_id(conn, name, create=True)
            stamp = now()
            added = 0
            for story_id in clean:
                if conn.execute(
                    "INSERT OR IGNORE INTO collection_items (collection_id, story_id, added) VALUES (?,?,?)",
                    (cid, story_id, stamp),
                ).rowcount:
                    clear_removal(conn, COLLECTION_ITEM, pair(name, story_id))
                    added += 1
            return added

    def remove_from_collection(self, name: str, ids: Iterable[str]) -> int:
        """Take stories out of a collection (which stays, even empty); how many were in it."""
        name = check_name(name)
        with self._db.write() as conn:
            cid = self._collection_id(conn, name, create=False)
            if cid is None:
                return 0
            stamp = now()
            removed = 0
            for story_id in ids:
                if conn.execute(
                    "DELETE FROM collection_items WHERE collection_id=? AND story_id=?", (cid, story_id)
                ).rowcount:
                    note_removal(conn, COLLECTION_ITEM, pair(name, story_id), stamp)
                    removed += 1
            return removed

    def delete_collection(self, name: str) -> bool:
        """Delete a collection (not its stories); True if it existed."""
        name = check_name(name)
        with self._db.write() as conn:
            cid = self._collection_id(conn, name, create=False)
            if cid is None:
                return False
            self._note_collection_gone(conn, cid, name)
            conn.execute("DELETE FROM collections WHERE id=?", (cid,))
            return True

    def rename_collection(self, old: str, new: str) -> None:
        """Rename a collection; ValueError if ``old`` is missing or ``new`` is taken."""
        old, new = check_name(old), check_name(new)
        with self._db.write() as conn:
            cid = self._collection_id(conn, old, create=False)
            if cid is None:
                raise ValueError(f"no collection named {old!r}")
            if old == new:
                return
            if self._collection_id(conn, new, create=False) is not None:
                raise ValueError(f"a collection named {new!r} already exists")
            # The old name counts as removed; under the new name it (and its items) are added.
            self._note_collection_gone(conn, cid, old)
            clear_removal(conn, COLLECTION, new)
            for (story_id,) in conn.execute(
                "SELECT story_id FROM collection_items WHERE collection_id=?", (cid,)
            ).fetchall():
                clear_removal(conn, COLLECTION_ITEM, pair(new, story_id))
            conn.execute("UPDATE collections SET name=? WHERE id=?", (new, cid))

    def collections(self) -> list[Collection]:
        """All collections by name, with their sizes."""
        rows = self._db.query(
            """SELECT c.name, c.created, COUNT(i.story_id) FROM collections c
               LEFT JOIN collection_items i ON i.collection_id = c.id
               GROUP BY c.id ORDER BY c.name"""
        )
        return [Collection(*row) for row in rows]

    def collection_ids(self, name: str) -> list[str]:
        """The story ids in a collection, in the order they were added ([] if no such collection)."""
        rows = self._db.query(
            """SELECT i.story_id FROM collection_items i JOIN collections c ON c.id = i.collection_id
               WHERE c.name=? ORDER BY i.added, i.rowid""",
            (check_name(name),),
        )
        return [row[0] for row in rows]

    def collections_of(self, story_id: str) -> list[str]:
        """Names of the collections a story is in."""
        rows = self._db.query(
            """SELECT c.name FROM collections c JOIN collection_items i ON i.collection_id = c.id
               WHERE i.story_id=? ORDER BY c.name""",
            (story_id,),
        )
        return [row[0] for row in rows]
