"""The user's say over tags: own ``user:`` tags, hidden automatic tags, global renames.

Automatic tags come from ``reader.autotag`` at import time and live in the index; the
user's choices live here, keyed by story id and tag text, and are applied on top by
:meth:`TagRules.apply` (``effective_tags``). So they survive re-importing and
rebuilding: the import's tagger applies them again. Changes that the index has not
seen yet are queued in ``pending_refresh`` in the same transaction as the change
(see ``reader.service.tagsync.refresh_index_tags``). Removing a user tag or un-hiding
a tag records the removal (``reader.userdata.removals``); adding it again clears that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.autotag import TAG_KINDS
from reader.userdata.bookmarks import check_id
from reader.userdata.db import Database, now
from reader.userdata.removals import HIDDEN_TAG, USER_TAG, clear_removal, note_removal, pair

USER = "user:"


def parse_tag(tag: str, default_kind: str | None = None) -> str:
    """A tag as ``kind:name`` (NFC, trimmed).

    Text without a known kind gets ``default_kind`` (``"上饶"`` -> ``"user:上饶"``);
    ValueError when there is none, or the name is empty or spans lines.
    """
    text = unicodedata.normalize("NFC", str(tag or "")).strip()
    kind, sep, name = text.partition(":")
    if not sep or kind.strip() not in TAG_KINDS:
        if default_kind is None:
            raise ValueError(f"tag {text!r} needs a kind: one of {', '.join(k + ':' for k in TAG_KINDS)}")
        kind, name = default_kind, text
    kind, name = kind.strip(), name.strip()
    if not name:
        raise ValueError(f"tag {text!r} has no name")
    if "\n" in name or "\r" in name:
        raise ValueError(f"a tag must be one line: {text!r}")
    return f"{kind}:{name}"


def user_tag(tag: str) -> str:
    """A user's own tag: ``"马家柚"`` and ``"user:马家柚"`` both give ``"user:马家柚"``.

    Tags of the automatic kinds (``place:…``) are refused: hide or rename those.
    """
    clean = parse_tag(tag, default_kind="user")
    if not clean.startswith(USER):
        raise ValueError(
            f"{clean!r} is an automatic tag kind; your own tags are user: tags "
            "(hide or rename automatic tags instead)"
        )
    return clean


@dataclass
class TagRules:
    """A snapshot of the user's tag choices, cheap to apply to many stories (e.g. at import)."""

    renames: dict[str, str] = field(default_factory=dict)
    hidden: dict[str, set[str]] = field(default_factory=dict)
    user: dict[str, list[str]] = field(default_factory=dict)

    def apply(self, story_id: str, auto: Iterable[str]) -> list[str]:
        """Automatic tags renamed, minus hidden ones, then the user's tags; no duplicates.

        ``user:`` tags in ``auto`` are dropped (the stored ones are the truth), so
        applying to already-effective tags gives the same list again.
        """
        hidden = self.hidden.get(story_id, set())
        out: dict[str, None] = {}
        for tag in auto:
            if tag.startswith(USER):
                continue
            shown = self.renames.get(tag, tag)
            if tag in hidden or shown in hidden:
                continue
            out[shown] = None
        for tag in self.user.get(story_id, ()):
            out[self.renames.get(tag, tag)] = None
        return list(out)


class TagsMixin:
    """Tag methods of :class:`reader.userdata.UserData`."""

    _db: Database

    # -- user tags ---------------------------------------------------------

    def add_user_tag(self, story_id: str, tag: str) -> str:
        """Give a story one of the user's own tags; the stored ``user:…`` form."""
        story_id, tag = check_id(story_id), user_tag(tag)
        with self._db.write() as conn:
            if conn.execute(
                "INSERT OR IGNORE INTO user_tags (story_id, tag, added) VALUES (?, ?, ?)",
                (story_id, tag, now()),
            ).rowcount:
                clear_removal(conn, USER_TAG, pair(story_id, tag))
            self._mark_pending(conn, "story", story_id)
        return tag

    def remove_user_tag(self, story_id: str, tag: str) -> bool:
        """Take a user tag off a story (by its stored or its renamed name); True if it had it."""
        tag = parse_tag(tag, default_kind="user")
        renames = self.renames()
        with self._db.write() as conn:
            rows = conn.execute("SELECT tag FROM user_tags WHERE story_id=?", (story_id,)).fetchall()
            gone = [row[0] for row in rows if row[0] == tag or renames.get(row[0]) == tag]
            stamp = now()
            for name in gone:
                conn.execute("DELETE FROM user_tags WHERE story_id=? AND tag=?", (story_id, name))
                note_removal(conn, USER_TAG, pair(story_id, name), stamp)
            if gone:
                self._mark_pending(conn, "story", story_id)
            return bool(gone)

    def user_tags(self, story_id: str) -> list[str]:
        """A story's own user tags, in the order added."""
        rows = self._db.query("SELECT tag FROM user_tags WHERE story_id=? ORDER BY added, rowid", (story_id,))
        return [row[0] for row in rows]

    def user_tag_counts(self) -> list[tuple[str, int]]:
        """Every user tag with the number of stories carrying it, most used first."""
        rows = self._db.query("SELECT tag, COUNT(*) n FROM user_tags GROUP BY tag ORDER BY n DESC, tag")
        return [(row[0], int(row[1])) for row in rows]

    def stories_with_user_tag(self, tag: str) -> list[str]:
        rows = self._db.query(
            "SELECT story_id FROM user_tags WHERE tag=? ORDER BY added, rowid", (user_tag(tag),)
        )
        return [row[0] for row in rows]

    # -- hiding automatic tags ---------------------------------------------

    def hide_auto_tag(self, story_id: str, tag: str) -> bool:
        """Hide an automatic tag on one story (a ``user:`` tag is removed instead); True if new."""
        story_id, tag = check_id(story_id), parse_tag(tag)
        if tag.startswith(USER):
            return self.remove_user_tag(story_id, tag)
        with self._db.write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO hidden_tags (story_id, tag, added) VALUES (?, ?, ?)",
                (story_id, tag, now()),
            )
            if cur.rowcount:
                clear_removal(conn, HIDDEN_TAG, pair(story_id, tag))
            self._mark_pending(conn, "story", story_id)
            return cur.rowcount > 0

    def unhide_auto_tag(self, story_id: str, tag: str) -> bool:
        """Show a hidden automatic tag again; True if it was hidden."""
        tag = parse_tag(tag)
        with self._db.write() as conn:
            gone = conn.execute(
                "DELETE FROM hidden_tags WHERE story_id=? AND tag=?", (story_id, tag)
            ).rowcount
            if gone:
                note_removal(conn, HIDDEN_TAG, pair(story_id, tag), now())
                self._mark_pending(conn, "story", story_id)
            return gone > 0

    def hidden_tags(self, story_id: str) -> list[str]:
        rows = self._db.query(
            "SELECT tag FROM hidden_tags WHERE story_id=? ORDER BY added, rowid", (story_id,)
        )
        return [row[0] for row in rows]

    # -- renames -----------------------------------------------------------

    def rename_tag(self, old: str, new: str) -> str:
        """Show tag ``old`` as ``new`` everywhere, now and after any re-import; the new name.

        ``old`` needs its kind (``place:上饶``); ``new`` without one keeps it
        (``上饶市`` -> ``place:上饶市``). Renaming onto an existing tag merges them.
        Earlier renames onto ``old`` follow it to ``new``.
        """
        old = parse_tag(old)
        new = parse_tag(new, default_kind=old.partition(":")[0])
        if old == new:
            return new
        with self._db.write() as conn:
            stamp = now()
            conn.execute("UPDATE tag_renames SET new=?, updated=? WHERE new=?", (new, stamp, old))
            conn.execute(
                """INSERT INTO tag_renames (old, new, updated) VALUES (?, ?, ?)
                   ON CONFLICT(old) DO UPDATE SET new=excluded.new, updated=excluded.updated""",
                (old, new, stamp),
            )
            conn.execute("DELETE FROM tag_renames WHERE old = new")
            tables = ["hidden_tags"] + (["user_tags"] if new.startswith(USER) else [])
            for table in tables:
                conn.execute(
                    f"INSERT OR IGNORE INTO {table} (story_id, tag, added) "
                    f"SELECT story_id, ?, added FROM {table} WHERE tag=?",
                    (new, old),
                )
                conn.execute(f"DELETE FROM {table} WHERE tag=?", (old,))
            self._mark_pending(conn, "tag", old)
        return new

    def remove_rename(self, old: str) -> bool:
        """Undo a rename: ``old`` shows under its own name again; True if it was renamed."""
        old = parse_tag(old)
        with self._db.write() as conn:
            row = conn.execute("SELECT new FROM tag_renames WHERE old=?", (old,)).fetchone()
            if row is None:
                return False
            conn.execute("DELETE FROM tag_renames WHERE old=?", (old,))
            self._mark_pending(conn, "tag", row[0])
            return True

    def renames(self) -> dict[str, str]:
        """Every rename in force, ``{old: new}``."""
        return {row[0]: row[1] for row in self._db.query("SELECT old, new FROM tag_renames ORDER BY old")}

    # -- applying ----------------------------------------------------------

    def effective_tags(self, story_id: str, auto: list[str]) -> list[str]:
        """The tags to show and index for one story, given its automatic tags."""
        hidden = {
            row[0] for row in self._db.query("SELECT tag FROM hidden_tags WHERE story_id=?", (story_id,))
        }
        rules = TagRules(self.renames(), {story_id: hidden}, {story_id: self.user_tags(story_id)})
        return rules.apply(story_id, auto)

    def tag_rules(self) -> TagRules:
        """All the user's tag choices at once, for tagging many stories (an import)."""
        rules = TagRules(self.renames())
        for story_id, tag in self._db.query("SELECT story_id, tag FROM hidden_tags"):
            rules.hidden.setdefault(story_id, set()).add(tag)
        for story_id, tag in self._db.query("SELECT story_id, tag FROM user_tags ORDER BY added, rowid"):
            rules.user.setdefault(story_id, []).append(tag)
        return rules

    # -- index refresh queue -----------------------------------------------

    @staticmethod
    def _mark_pending(conn, kind: str, key: str) -> None:
        conn.execute("INSERT OR IGNORE INTO pending_refresh (kind, key) VALUES (?, ?)", (kind, key))

    def pending_refresh(self) -> tuple[list[str], list[str]]:
        """(story ids, tag names) whose tags the index has not been told about yet."""
        rows = self._db.query("SELECT kind, key FROM pending_refresh ORDER BY rowid")
        return [k for kind, k in rows if kind == "story"], [k for kind, k in rows if kind == "tag"]

    def clear_pending(self, story_ids: Iterable[str] = (), tags: Iterable[str] = ()) -> None:
        with self._db.write() as conn:
            conn.executemany(
                "DELETE FROM pending_refresh WHERE kind='story' AND key=?", [(i,) for i in story_ids]
            )
            conn.executemany("DELETE FROM pending_refresh WHERE kind='tag' AND key=?", [(t,) for t in tags])
