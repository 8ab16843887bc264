"""Removal records ("tombstones"): what the user took away and when, so an import does not bring it back.

One row per ``(kind, key)`` in the ``removals`` table (migration 2), written in the
same transaction as the removal and cleared by a later (re)add of the same thing:

* ``bookmark``: story id;
* ``collection``: collection name (deleted or renamed away; covers its items);
* ``collection_item``: collection name + ``SEP`` + story id;
* ``user_tag`` and ``hidden_tag``: story id + ``SEP`` + tag.

A record whose time is older than the removal of the same kind and key counts as
removed; see ``reader.userdata.transfer`` for how imports use them.
"""

from __future__ import annotations

import sqlite3

BOOKMARK = "bookmark"
COLLECTION = "collection"
COLLECTION_ITEM = "collection_item"
USER_TAG = "user_tag"
HIDDEN_TAG = "hidden_tag"
KINDS = (BOOKMARK, COLLECTION, COLLECTION_ITEM, USER_TAG, HIDDEN_TAG)
#: Joins the two parts of a compound key (ASCII unit separator).
SEP = "\x1f"

#: The tag table of each tag kind.
TAG_TABLES = {USER_TAG: "user_tags", HIDDEN_TAG: "hidden_tags"}


def pair(first: str, second: str) -> str:
    """A compound key: ``name, story id`` for collection items, ``story id, tag`` for tags."""
    return f"{first}{SEP}{second}"


def note_removal(conn: sqlite3.Connection, kind: str, key: str, when: str) -> None:
    """Record that ``kind``/``key`` was removed at ``when`` (a stored time only ever moves forward)."""
    conn.execute(
        """INSERT INTO removals (kind, key, removed) VALUES (?, ?, ?)
           ON CONFLICT(kind, key) DO UPDATE SET removed=excluded.removed
           WHERE excluded.removed > removals.removed""",
        (kind, key, when),
    )


def clear_removal(conn: sqlite3.Connection, kind: str, key: str) -> None:
    """Forget the removal of ``kind``/``key``: it was added again."""
    conn.execute("DELETE FROM removals WHERE kind=? AND key=?", (kind, key))


def removal_time(conn: sqlite3.Connection, kind: str, key: str) -> str | None:
    """When ``kind``/``key`` was last removed, or None."""
    row = conn.execute("SELECT removed FROM removals WHERE kind=? AND key=?", (kind, key)).fetchone()
    return row[0] if row else None
