"""Saved searches: a query with its filters under a name, and the stories the user has seen for it.

"New since last looked" is counted against the stories recorded as seen (by stable story
id), not against import times: a rebuilt or re-imported index brings back the same ids, so
nothing shows as new that the user already saw, while a story imported later shows as new
however old its date. Looking (:meth:`SavedSearchesMixin.mark_seen`) adds the current matches
to the seen set; it never forgets one, so a story that leaves the results and comes back is
not new again. Which stories match is the service layer's business (``reader.service.saved``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from reader.userdata.bookmarks import check_id
from reader.userdata.collections import one_line_name
from reader.userdata.db import Database, now
from reader.userdata.records import SavedSearch


def check_search_name(name: str) -> str:
    """A saved search's name, NFC-normalised and stripped; ValueError when empty or multi-line."""
    return one_line_name(name, "saved search")


def _filters(raw: str) -> dict[str, list[str]]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in value.items() if isinstance(v, list)}


class SavedSearchesMixin:
    """Saved-search methods of :class:`reader.userdata.UserData`."""

    _db: Database

    def save_search(
        self,
        name: str,
        query: str,
        filters: dict[str, list[str]] | None = None,
        date_from: str = "",
        date_to: str = "",
        seen: Iterable[str] = (),
    ) -> bool:
        """Save (or replace) a search; ``seen``: the stories it matches now. True if it is new."""
        name = check_search_name(name)
        clean = {k: [v for v in vs if v] for k, vs in (filters or {}).items()}
        clean = {k: vs for k, vs in clean.items() if vs}
        stamp = now()
        with self._db.write() as conn:
            row = conn.execute("SELECT id FROM saved_searches WHERE name=?", (name,)).fetchone()
            values = (query or "", json.dumps(clean, ensure_ascii=False, sort_keys=True), date_from, date_to)
            if row is None:
                sid = conn.execute(
                    """INSERT INTO saved_searches (name, query, filters, date_from, date_to, created, looked)
                       VALUES (?,?,?,?,?,?,?)""",
                    (name, *values, stamp, stamp),
                ).lastrowid
            else:
                sid = int(row[0])
                conn.execute(
                    """UPDATE saved_searches SET query=?, filters=?, date_from=?, date_to=?, looked=?
                       WHERE id=?""",
                    (*values, stamp, sid),
                )
                conn.execute("DELETE FROM saved_search_seen WHERE search_id=?", (sid,))
            conn.executemany(
                "INSERT OR IGNORE INTO saved_search_seen (search_id, story_id) VALUES (?, ?)",
                ((sid, check_id(i)) for i in seen),
            )
            return row is None

    def saved_searches(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        rows = self._db.query(
            """SELECT name, query, filters, date_from, date_to, created, looked FROM saved_searches
               ORDER BY name"""
        )
        return [SavedSearch(r[0], r[1], _filters(r[2]), r[3], r[4], r[5], r[6]) for r in rows]

    def saved_search(self, name: str) -> SavedSearch | None:
        name = check_search_name(name)
        return next((s for s in self.saved_searches() if s.name == name), None)

    def remove_saved_search(self, name: str) -> bool:
        """Forget a saved search (and what was seen for it); True if it existed."""
        name = check_search_name(name)
        with self._db.write() as conn:
            return bool(conn.execute("DELETE FROM saved_searches WHERE name=?", (name,)).rowcount)

    def seen_ids(self, name: str) -> set[str]:
        """The stories recorded as seen for saved search ``name`` (empty if there is none)."""
        rows = self._db.query(
            """SELECT s.story_id FROM saved_search_seen s JOIN saved_searches q ON q.id = s.search_id
               WHERE q.name=?""",
            (check_search_name(name),),
        )
        return {r[0] for r in rows}

    def mark_seen(self, name: str, ids: Iterable[str]) -> int:
        """The user looked at saved search ``name``: ``ids`` are seen now; how many were not before.

        KeyError when there is no such saved search.
        """
        name = check_search_name(name)
        with self._db.write() as conn:
            row = conn.execute("SELECT id FROM saved_searches WHERE name=?", (name,)).fetchone()
            if row is None:
                raise KeyError(f"no saved search {name!r}")
            sid = int(row[0])
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO saved_search_seen (search_id, story_id) VALUES (?, ?)",
                ((sid, check_id(i)) for i in ids),
            )
            added = conn.total_changes - before
            conn.execute("UPDATE saved_searches SET looked=? WHERE id=?", (now(), sid))
            return added
