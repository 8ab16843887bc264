"""All the user's data as one versioned JSON file: export, and import by merging.

The file (``"format": "reader-userdata"``, ``"version": 2``) lists snapshots,
bookmarks, notes, collections, user tags, hidden tags, renames, history and
removals (what the user took away, and when: ``reader.userdata.removals``), each
keyed by story id. Version 1 files (no removals) still import. Import merges into
what is there and is idempotent:

* removals first: a local bookmark, collection, collection item, user or hidden tag
  older than a removal of it in the file is deleted (a collection with all its
  items; items older than the removal go even if the collection was made again
  since); the newer of the file's and the local removal time is kept;
* bookmarks, collection items, user and hidden tags: union (the earlier time kept),
  except that a record older than the local removal of the same thing is not
  added (what was removed stays removed; re-added after the removal, it comes
  back); a collection item also counts as removed with its collection;
* notes and renames: the newer by timestamp wins (an empty newer note clears);
* history: the later read time and the larger read count;
* snapshots: the more recently seen.

The ``removals`` count of an import is how many local records the file's removals
deleted. A file that is not ours, is from a newer reader, or has a malformed record
is refused as a whole with a message naming the file and the record: nothing changes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.atomicfile import write_atomic
from reader.safefiles import NotRegularFile, read_regular, shown
from reader.userdata.db import Database, normalise_time, now
from reader.userdata.errors import TransferError
from reader.userdata.removals import (
    BOOKMARK,
    COLLECTION,
    COLLECTION_ITEM,
    HIDDEN_TAG,
    KINDS,
    SEP,
    TAG_TABLES,
    USER_TAG,
    note_removal,
    pair,
    removal_time,
)
from reader.userdata.tagchoices import parse_tag, user_tag

FORMAT = "reader-userdata"
VERSION = 2
#: A user-data file larger than this is refused before it is read.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Story ids, tags and names longer than this are not ours.
MAX_KEY_CHARS = 1000
#: The largest read count a history record may carry.
MAX_TIMES = 10**9
SECTIONS = (
    "snapshots",
    "bookmarks",
    "notes",
    "collections",
    "user_tags",
    "hidden_tags",
    "renames",
    "history",
    "removals",
)


def _dump(db: Database) -> dict[str, Any]:
    q = db.query
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exported": now()}
    data["snapshots"] = [
        dict(zip(("id", "title", "date", "source", "file", "seen"), row, strict=True))
        for row in q("SELECT story_id, title, date, source, file, seen FROM snapshots ORDER BY story_id")
    ]
    data["bookmarks"] = [
        {"id": r[0], "created": r[1]} for r in q("SELECT story_id, created FROM bookmarks ORDER BY story_id")
    ]
    data["notes"] = [
        {"id": r[0], "text": r[1], "updated": r[2]}
        for r in q("SELECT story_id, text, updated FROM notes ORDER BY story_id")
    ]
    collections = []
    for cid, name, created in q("SELECT id, name, created FROM collections ORDER BY name"):
        items = q(
            "SELECT story_id, added FROM collection_items WHERE collection_id=? ORDER BY added, rowid", (cid,)
        )
        collections.append(
            {"name": name, "created": created, "items": [{"id": i, "added": a} for i, a in items]}
        )
    data["collections"] = collections
    for table in ("user_tags", "hidden_tags"):
        data[table] = [
            {"id": r[0], "tag": r[1], "added": r[2]}
            for r in q(f"SELECT story_id, tag, added FROM {table} ORDER BY story_id, tag")
        ]
    data["renames"] = [
        {"old": r[0], "new": r[1], "updated": r[2]}
        for r in q("SELECT old, new, updated FROM tag_renames ORDER BY old")
    ]
    data["history"] = [
        {"id": r[0], "last_read": r[1], "times": r[2]}
        for r in q("SELECT story_id, last_read, times FROM history ORDER BY story_id")
    ]
    data["removals"] = [
        {"kind": r[0], "key": r[1], "removed": r[2]}
        for r in q("SELECT kind, key, removed FROM removals ORDER BY kind, key")
    ]
    return data


def export_json(db: Database, path: Path | str) -> dict[str, int]:
    """Write everything to ``path`` atomically (never a half-written file); counts per section."""
    path = Path(path)
    data = _dump(db)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text + "\n")
    return {name: len(data[name]) for name in SECTIONS}


_INVALID_TEXT = re.compile("[\x00\ud800-\udfff]")
#: Story ids are hash digests or record ids: never path separators, ".." or control characters.
_NOT_ID = re.compile(r"[/\\\x00-\x1f\x7f]|^\.\.?$|\.\.[/\\]")


class _Reader:
    """Validates the records of one file, naming the file and record on the first error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, what: str) -> TransferError:
        return TransferError(f"{shown(self.path)}: {where}: {what[:300]}; nothing was imported")

    def records(self, data: dict, section: str) -> list[dict]:
        items = data.get(section, [])
        if not isinstance(items, list):
            raise self.fail(section, "should be a list")
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail(f"{section}[{n}]", "should be an object")
        return items

    def text(self, item: dict, key: str, where: str, *, required: bool = True) -> str:
        value = item.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(where, f"{key!r} should be {'non-empty ' if required else ''}text, not {value!r}")
        if _INVALID_TEXT.search(value):
            raise self.fail(where, f"{key!r} holds characters that are not text (NUL or a lone surrogate)")
        if key in ("id", "name", "tag", "old", "new", "key") and len(value) > MAX_KEY_CHARS:
            raise self.fail(where, f"{key!r} is too long ({len(value):,} characters)")
        if key == "id" and _NOT_ID.search(value):
            raise self.fail(
                where, f"'id' should be a story id, not {value!r} (no path or control characters)"
            )
        return value.strip() if key in ("id", "name", "tag", "old", "new") else value

    def time(self, item: dict, key: str, where: str) -> str:
        value = item.get(key)
        try:
            if not isinstance(value, str) or len(value) > 64:
                raise ValueError(value)
            return normalise_time(value)
        except (TypeError, ValueError, OverflowError):
            raise self.fail(where, f"{key!r} should be an ISO date-time, not {item.get(key)!r}") from None

    def tag(self, item: dict, key: str, where: str, *, user: bool = False) -> str:
        try:
            raw = self.text(item, key, where)
            return user_tag(raw) if user else parse_tag(raw)
        except ValueError as exc:
            raise self.fail(where, str(exc)) from None

    def removal(self, item: dict, where: str) -> tuple[str, str]:
        """The ``(kind, key)`` of a removal record, its key parts cleaned like the records' own."""
        kind = item.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            raise self.fail(where, f"'kind' should be one of {', '.join(KINDS)}, not {kind!r}")
        key = self.text(item, "key", where)
        if kind in (BOOKMARK, COLLECTION):
            return kind, key.strip()
        # A collection name may hold anything; story ids and tags never hold SEP.
        first, sep, second = key.rpartition(SEP) if kind == COLLECTION_ITEM else key.partition(SEP)
        what = "collection name" if kind == COLLECTION_ITEM else "story id"
        other = "story id" if kind == COLLECTION_ITEM else "tag"
        if not sep or not first.strip() or not second.strip():
            raise self.fail(where, f"'key' should be {what} + U+001F + {other}, not {key!r}")
        if kind == COLLECTION_ITEM:
            return kind, pair(first.strip(), second.strip())
        try:
            tag = user_tag(second) if kind == USER_TAG else parse_tag(second)
        except ValueError as exc:
            raise self.fail(where, str(exc)) from None
        return kind, pair(first.strip(), tag)


def _apply_removal(conn, kind: str, key: str, removed: str) -> int:
    """Delete the local record ``kind``/``key`` if older than ``removed``; how many records went."""
    if kind == BOOKMARK:
        return conn.execute("DELETE FROM bookmarks WHERE story_id=? AND created < ?", (key, removed)).rowcount
    if kind == COLLECTION:
        row = conn.execute("SELECT id, created FROM collections WHERE name=?", (key,)).fetchone()
        if row is None:
            return 0
        if row[1] >= removed:  # made again since: only the items from before the removal go
            return conn.execute(
                "DELETE FROM collection_items WHERE collection_id=? AND added < ?", (row[0], removed)
            ).rowcount
        items = conn.execute("DELETE FROM collection_items WHERE collection_id=?", (row[0],)).rowcount
        conn.execute("DELETE FROM collections WHERE id=?", (row[0],))
        return 1 + items
    if kind == COLLECTION_ITEM:
        name, _, story_id = key.rpartition(SEP)
        return conn.execute(
            "DELETE FROM collection_items WHERE story_id=? AND added < ? "
            "AND collection_id = (SELECT id FROM collections WHERE name=?)",
            (story_id, removed, name),
        ).rowcount
    story_id, _, tag = key.partition(SEP)
    gone = conn.execute(
        f"DELETE FROM {TAG_TABLES[kind]} WHERE story_id=? AND tag=? AND added < ?", (story_id, tag, removed)
    ).rowcount
    if gone:
        conn.execute("INSERT OR IGNORE INTO pending_refresh (kind, key) VALUES ('story', ?)", (story_id,))
    return gone


def _load(path: Path) -> dict:
    """The file's JSON object; read only if it is a regular file under :data:`MAX_IMPORT_BYTES`."""
    try:
        data = json.loads(read_regular(path, MAX_IMPORT_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise TransferError(f"{shown(path)}: no such file") from None
    except NotRegularFile as exc:
        raise TransferError(f"{shown(path)}: {exc}; nothing was imported") from None
    except RecursionError:
        raise TransferError(f"{shown(path)}: JSON nested too deeply; nothing was imported") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # ValueError: bad JSON, a 5,000-digit number
        raise TransferError(f"{shown(path)}: not a readable JSON file ({str(exc)[:200]})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(f'{path}: not a reader user-data export (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise TransferError(f"{path}: bad format version {version!r}")
    if version > VERSION:
        raise TransferError(
            f"{path}: written by a newer reader (format version {version}, this one reads up to {VERSION})"
        )
    return data


def import_json(db: Database, path: Path | str) -> dict[str, int]:
    """Merge a user-data file into ``db``; how many records each section added or changed.

    All or nothing: one transaction, and the first bad record (named by its place in the
    file) raises :class:`TransferError` with nothing changed.
    """
    path = Path(path)
    data = _load(path)
    with db.write() as conn:
        merge = _Merge(conn, _Reader(path), data)
        merge.removals()  # first: a record the file has from after its own removal then comes back
        merge.snapshots()
        merge.bookmarks()
        merge.notes()
        merge.collections()
        merge.tags("user_tags")
        merge.tags("hidden_tags")
        merge.renames()
        merge.history()
    return merge.counts


class _Merge:
    """One import's merge, section by section, inside the caller's transaction.

    Every step reads its section of ``data`` (checked by the ``_Reader``), keeps what is
    newer or new, and counts what it added or changed in ``counts``.
    """

    def __init__(self, conn: sqlite3.Connection, reader: _Reader, data: dict) -> None:
        self.conn, self.r, self.data = conn, reader, data
        self.counts = dict.fromkeys(SECTIONS, 0)
        self.counts["collection_items"] = 0

    def _one(self, sql: str, params: tuple) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def _items(self, section: str) -> Iterator[tuple[str, dict]]:
        """``(where, record)`` for each record of ``section`` (``where``: ``bookmarks[3]``)."""
        for n, item in enumerate(self.r.records(self.data, section)):
            yield f"{section}[{n}]", item

    def _removed_after(self, kind: str, key: str, when: str) -> bool:
        """Was ``kind``/``key`` removed here after ``when`` (so a record of ``when`` stays out)?"""
        gone = removal_time(self.conn, kind, key)
        return gone is not None and gone > when

    def _queue_refresh(self, kind: str, key: str) -> None:
        """The index has to see this story's (or this tag's) tags again."""
        self.conn.execute("INSERT OR IGNORE INTO pending_refresh (kind, key) VALUES (?, ?)", (kind, key))

    def removals(self) -> None:
        r = self.r
        for w, item in self._items("removals"):
            kind, key = r.removal(item, w)
            removed = r.time(item, "removed", w)
            self.counts["removals"] += _apply_removal(self.conn, kind, key, removed)
            note_removal(self.conn, kind, key, removed)

    def snapshots(self) -> None:
        r = self.r
        for w, item in self._items("snapshots"):
            sid, seen = r.text(item, "id", w), r.time(item, "seen", w)
            fields = [r.text(item, k, w, required=False) for k in ("title", "date", "source", "file")]
            row = self._one("SELECT seen FROM snapshots WHERE story_id=?", (sid,))
            if row is None or row[0] < seen:
                self.conn.execute(
                    "INSERT OR REPLACE INTO snapshots (story_id, title, date, source, file, seen) "
                    "VALUES (?,?,?,?,?,?)",
                    (sid, *fields, seen),
                )
                self.counts["snapshots"] += 1

    def bookmarks(self) -> None:
        r = self.r
        for w, item in self._items("bookmarks"):
            sid, created = r.text(item, "id", w), r.time(item, "created", w)
            if self._removed_after(BOOKMARK, sid, created):
                continue
            row = self._one("SELECT created FROM bookmarks WHERE story_id=?", (sid,))
            if row is None:
                self.conn.execute("INSERT INTO bookmarks (story_id, created) VALUES (?, ?)", (sid, created))
                self.counts["bookmarks"] += 1
            elif created < row[0]:
                self.conn.execute("UPDATE bookmarks SET created=? WHERE story_id=?", (created, sid))

    def notes(self) -> None:
        r = self.r
        for w, item in self._items("notes"):
            sid = r.text(item, "id", w)
            text = r.text(item, "text", w, required=False)
            updated = r.time(item, "updated", w)
            row = self._one("SELECT text, updated FROM notes WHERE story_id=?", (sid,))
            if row is None or (updated > row[1] and text != row[0]):
                self.conn.execute(
                    "INSERT OR REPLACE INTO notes (story_id, text, updated) VALUES (?,?,?)",
                    (sid, text, updated),
                )
                self.counts["notes"] += 1

    def collections(self) -> None:
        r = self.r
        for w, item in self._items("collections"):
            name, created = r.text(item, "name", w), r.time(item, "created", w)
            entries = [
                (r.text(entry, "id", f"{w}.items[{m}]"), r.time(entry, "added", f"{w}.items[{m}]"))
                for m, entry in enumerate(r.records(item, "items"))
            ]
            cid = self._collection(name, created)
            if cid is not None:
                self._collection_items(name, cid, entries)

    def _collection(self, name: str, created: str) -> int | None:
        """The collection's row id, made if new; None when it was deleted here since."""
        stale = self._removed_after(COLLECTION, name, created)
        row = self._one("SELECT id, created FROM collections WHERE name=?", (name,))
        if row is None:
            if stale:  # deleted here since: neither it nor its items come back
                return None
            self.counts["collections"] += 1
            return self.conn.execute(
                "INSERT INTO collections (name, created) VALUES (?, ?)", (name, created)
            ).lastrowid
        if created < row[1] and not stale:
            self.conn.execute("UPDATE collections SET created=? WHERE id=?", (created, row[0]))
        return row[0]

    def _collection_items(self, name: str, cid: int, entries: list[tuple[str, str]]) -> None:
        for sid, added in entries:
            if self._removed_after(COLLECTION, name, added) or self._removed_after(
                COLLECTION_ITEM, pair(name, sid), added
            ):
                continue
            self.counts["collection_items"] += self.conn.execute(
                "INSERT OR IGNORE INTO collection_items (collection_id, story_id, added) VALUES (?,?,?)",
                (cid, sid, added),
            ).rowcount

    def tags(self, table: str) -> None:
        """``user_tags`` or ``hidden_tags``: added unless removed here since; the index is told."""
        r = self.r
        user = table == "user_tags"
        kind = USER_TAG if user else HIDDEN_TAG
        for w, item in self._items(table):
            sid = r.text(item, "id", w)
            tag = r.tag(item, "tag", w, user=user)
            added = r.time(item, "added", w)
            if self._removed_after(kind, pair(sid, tag), added):
                continue
            done = self.conn.execute(
                f"INSERT OR IGNORE INTO {table} (story_id, tag, added) VALUES (?,?,?)", (sid, tag, added)
            ).rowcount
            if done:
                self.counts[table] += 1
                self._queue_refresh("story", sid)

    def renames(self) -> None:
        r = self.r
        for w, item in self._items("renames"):
            old, new, updated = r.tag(item, "old", w), r.tag(item, "new", w), r.time(item, "updated", w)
            if old == new:
                continue
            row = self._one("SELECT new, updated FROM tag_renames WHERE old=?", (old,))
            if row is None or (new != row[0] and updated > row[1]):
                self.conn.execute(
                    "INSERT OR REPLACE INTO tag_renames (old, new, updated) VALUES (?,?,?)",
                    (old, new, updated),
                )
                self._queue_refresh("tag", old)
                if row is not None:
                    self._queue_refresh("tag", row[0])
                self.counts["renames"] += 1

    def history(self) -> None:
        r = self.r
        for w, item in self._items("history"):
            sid, last = r.text(item, "id", w), r.time(item, "last_read", w)
            times = item.get("times", 1)
            if not isinstance(times, int) or isinstance(times, bool) or not 1 <= times <= MAX_TIMES:
                raise r.fail(w, f"'times' should be a positive whole number, not {times!r}")
            row = self._one("SELECT last_read, times FROM history WHERE story_id=?", (sid,))
            if row is None:
                self.conn.execute(
                    "INSERT INTO history (story_id, last_read, times) VALUES (?,?,?)", (sid, last, times)
                )
                self.counts["history"] += 1
            elif last > row[0] or times > row[1]:
                self.conn.execute(
                    "UPDATE history SET last_read=?, times=? WHERE story_id=?",
                    (max(last, row[0]), max(times, row[1]), sid),
                )
                self.counts["history"] += 1
