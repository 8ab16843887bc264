"""Reprint groups of one library: which stories are printings of the same text, kept up to date at import.

Every story in the index has a row here (``reprints.sqlite3`` in the index folder):
its MinHash sketch (:mod:`reader.text.sketch`), the LSH band keys of that sketch,
and the date, source and title a group listing shows. Two stories whose estimated
similarity (Jaccard over character shingles of the folded text) is at least
:data:`JOIN` (or one of which is mostly inside the other, :data:`CONTAINED`: an abridged
copy), printed within :data:`MAX_DAYS` of each other, are linked; a **reprint
group** is a connected set of linked stories, named by its smallest story id. Adding
a story looks up only the stories sharing a band with it (an index lookup per band,
never a scan of the library) and merges the groups it links to; removing one
re-splits only its own group.

The store is derived data: the index is the truth. :meth:`ReprintStore.reconcile`
compares the ids here with the ids the index's manifest lists and sketches what is
missing (an import killed between its index commit and this store's, a library
imported before this store existed) and drops what is gone. A store written in
another :data:`FORMAT` is emptied and refilled the same way.

Which copy is the original: the earliest date (a copy with no date comes last), then
a copy that credits its own source at the head of its text (an agency's dateline,
``新华社北京6月9日电``, printed by the agency or a paper that names itself), then the
smallest id.
"""

from __future__ import annotations

import datetime
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.story import Story
from reader.text import sketch

#: Bump when what a row holds changes meaning (the store is then emptied and refilled); 4: band
#: keys of 32 bits, not 63.
FORMAT = 4
FILE_NAME = "reprints.sqlite3"
#: Estimated similarity at or above which two stories are printings of one text. Two
#: stories that each share 80% of their text score about 0.67 (less the shingles an edit
#: breaks); a cut ending of a fifth 0.8; a short story that shares one paragraph of three
#: with another about 0.3. Templated reports (a ceremony for another guest, the same notice
#: with other names) score 0.45-0.7: the threshold sits above most of them.
JOIN = 0.7
#: ... or when the shorter text is at least this much inside the longer (an abridged copy: the
#: broadcast's cut of a wire story, a paper's shortened reprint) ...
CONTAINED = 0.9
#: ... and holds at least this share of the longer one's shingles: one paragraph of a long story
#: printed alone, or a short story that shares one paragraph with another, is not a reprint.
CONTAINED_SHARE = 0.4
#: Two dated stories further apart than this are not linked, however alike: news is
#: reprinted within days or weeks, while the same text a season or a year later is a
#: recurring notice (an annual ceremony, a holiday announcement). Undated stories link freely.
MAX_DAYS = 31
#: Fewer shingles than this (a text of about a dozen characters) never joins a group:
#: too little text to say two stories are one.
MIN_SHINGLES = 10


@dataclass
class Sketch:
    """What the store keeps of one story."""

    id: str
    sig: bytes
    size: int
    date: str = ""
    source: str = ""
    title: str = ""
    credits_self: bool = False


@dataclass
class Copy:
    """One member of a reprint group, as a listing shows it."""

    id: str
    date: str
    source: str
    title: str
    credits_self: bool = False

    def order_key(self) -> tuple[str, int, str]:
        """Sort key: earliest date first (none last), a copy crediting itself first, then id."""
        return (self.date or "\uffff", 0 if self.credits_self else 1, self.id)


@dataclass
class GroupMap:
    """A snapshot of every group of two or more stories (what search needs per request)."""

    generation: int
    of: dict[str, str] = field(default_factory=dict)  # story id -> group id
    members: dict[str, list[Copy]] = field(default_factory=dict)  # group id -> copies, original first


def reprinted(sim: float, size_a: int, size_b: int) -> bool:
    """Two texts of these shingle counts and estimated similarity are printings of one text."""
    if sim >= JOIN:
        return True
    share = min(size_a, size_b) / max(size_a, size_b, 1)
    return share >= CONTAINED_SHARE and sketch.containment(sim, size_a, size_b) >= CONTAINED


def _day(date: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(date[:10]) if len(date) >= 10 else None
    except ValueError:
        return None


def close_in_time(a: str, b: str) -> bool:
    """Two stories' dates are within :data:`MAX_DAYS` (or one is not a full date: no evidence apart)."""
    da, db = _day(a), _day(b)
    return da is None or db is None or abs((da - db).days) <= MAX_DAYS


def credits_self(story: Story) -> bool:
    """The story's text names its own source at its head (a dateline such as ``新华社北京…电``)."""
    source = sketch.compact(story.source)
    if not source:
        return False
    head = next((p for p in story.paragraphs if p.strip()), "")
    return source in sketch.compact(head[:80])


def sketch_story(story: Story) -> Sketch:
    """The store's row for ``story``: the sketch of its body (title and byline left out)."""
    sig, size = sketch.signature(story.text)
    return Sketch(
        id=story.id,
        sig=sig,
        size=size,
        date=story.date,
        source=story.source,
        title=story.title,
        credits_self=credits_self(story),
    )


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS story (sid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sig BLOB NOT NULL,"
    " size INTEGER NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL,"
    " credits INTEGER NOT NULL, grp TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS story_grp ON story (grp)",
    "CREATE TABLE IF NOT EXISTS band (key INTEGER NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY (key, sid))"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS edge (a INTEGER NOT NULL, b INTEGER NOT NULL, sim REAL NOT NULL,"
    " PRIMARY KEY (a, b)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS edge_b ON edge (b)",
)


class ReprintStore:
    """The reprint groups of one index folder. Thread safe; writes are one SQLite transaction each."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.execute("PRAGMA journal_size_limit=1048576")  # the log shrinks back after a big import
        self._snapshot: GroupMap | None = None
        with self._lock:
            self._prepare()

    def _prepare(self) -> None:
        db = self._db
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if row is None or row[0] != FORMAT:
                db.execute("BEGIN IMMEDIATE")
                for name in ("meta", "story", "band", "edge"):
                    db.execute(f"DROP TABLE IF EXISTS {name}")
                db.execute("COMMIT")
                db.execute("VACUUM")  # give the old rows' pages back
        db.execute("BEGIN IMMEDIATE")
        for statement in _SCHEMA:
            db.execute(statement)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', 0)")
        db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- reading ---------------------------------------------------------------------------------

    def generation(self) -> int:
        """A number that changes with every write (searches key their caches on it)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
            return int(row[0]) if row else 0

    def ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT id FROM story")}

    def group_of(self, story_id: str) -> str:
        """The group id of ``story_id`` (its own id when it has no copies; "" when unknown)."""
        with self._lock:
            row = self._db.execute("SELECT grp FROM story WHERE id=?", (story_id,)).fetchone()
            return str(row[0]) if row else ""

    def copies(self, group: str) -> list[Copy]:
        """The stories of ``group``, original first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, date, source, title, credits FROM story WHERE grp=?", (group,)
            ).fetchall()
        return sorted((Copy(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows), key=Copy.order_key)

    def similarity(self, a: str, b: str) -> float:
        """Estimated similarity of two stories' texts (0.0 if either is unknown)."""
        with self._lock:
            rows = dict(self._db.execute("SELECT id, sig FROM story WHERE id IN (?, ?)", (a, b)).fetchall())
        if a not in rows or b not in rows:
            return 0.0
        return sketch.similarity(rows[a], rows[b])

    def groups(self) -> GroupMap:
        """Every group of two or more stories (a snapshot, re-read only after a write)."""
        with self._lock:
            generation = self.generation()
            if self._snapshot is not None and self._snapshot.generation == generation:
                return self._snapshot
            rows = self._db.execute(
                "SELECT id, date, source, title, credits, grp FROM story WHERE grp IN"
                " (SELECT grp FROM story GROUP BY grp HAVING COUNT(*) > 1)"
            ).fetchall()
            snap = GroupMap(generation)
            for sid, date, source, title, credits, grp in rows:
                snap.of[sid] = grp
                snap.members.setdefault(grp, []).append(Copy(sid, date, source, title, bool(credits)))
            for members in snap.members.values():
                members.sort(key=Copy.order_key)
            self._snapshot = snap
            return snap

    # -- writing ---------------------------------------------------------------------------------

    def apply(self, added: Iterable[Sketch], removed: Iterable[str]) -> None:
        """Remove the stories ``removed``, then add (or replace) ``added``: one transaction."""
        added = list(added)
        gone = set(removed) | {s.id for s in added}
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                for story_id in sorted(gone):
                    self._remove(story_id)
                for item in added:
                    self._add(item)
                db.execute("UPDATE meta SET value = value + 1 WHERE key='generation'")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def checkpoint(self) -> None:
        """Write the log into the database and shrink it (after an import: the library's size)."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def out_of_step(self, expected: set[str]) -> tuple[set[str], set[str]]:
        """(ids in ``expected`` the store lacks, ids the store holds that ``expected`` does not)."""
        held = self.ids()
        return expected - held, held - expected

    def _add(self, item: Sketch) -> None:
        db = self._db
        cur = db.execute(
            "INSERT INTO story (id, sig, size, date, source, title, credits, grp) VALUES (?,?,?,?,?,?,?,?)",
            (
                item.id,
                item.sig,
                item.size,
                item.date,
                item.source,
                item.title,
                int(item.credits_self),
                item.id,
            ),
        )
        sid = cur.lastrowid
        assert sid is not None
        if item.size < MIN_SHINGLES:
            return
        keys = sketch.band_keys(item.sig)
        marks = ",".join("?" * len(keys))
        candidates = [r[0] for r in db.execute(f"SELECT DISTINCT sid FROM band WHERE key IN ({marks})", keys)]
        db.executemany("INSERT OR IGNORE INTO band VALUES (?, ?)", [(k, sid) for k in keys])
        linked: list[tuple[int, str]] = []
        for other in candidates:
            row = db.execute("SELECT sig, grp, date, size FROM story WHERE sid=?", (other,)).fetchone()
            if row is None:  # a band row left by a story removed before _remove dropped its bands by key
                db.execute("DELETE FROM band WHERE sid=?", (other,))
                continue
            sim = sketch.similarity(item.sig, row[0])
            if reprinted(sim, item.size, row[3]) and close_in_time(item.date, row[2]):
                db.execute(
                    "INSERT OR REPLACE INTO edge VALUES (?, ?, ?)", (min(sid, other), max(sid, other), sim)
                )
                linked.append((other, row[1]))
        if not linked:
            return
        # a group is named by its smallest id: the merged group by the smallest of those names
        groups = sorted({grp for _other, grp in linked} | {item.id})
        marks = ",".join("?" * len(groups))
        new = groups[0]
        db.execute(f"UPDATE story SET grp=? WHERE grp IN ({marks})", [new, *groups])

    def _remove(self, story_id: str) -> None:
        db = self._db
        row = db.execute("SELECT sid, grp, sig, size FROM story WHERE id=?", (story_id,)).fetchone()
        if row is None:
            return
        sid, grp, sig, size = row
        db.execute("DELETE FROM story WHERE sid=?", (sid,))
        if size >= MIN_SHINGLES:
            # by key and sid, the table's primary key: "WHERE sid=?" alone read the whole table, 7 ms
            # a removed story at 10,000 stories (0.05 ms this way), and it grows with the library
            keys = sketch.band_keys(sig)
            db.executemany("DELETE FROM band WHERE key=? AND sid=?", [(k, sid) for k in keys])
        db.execute("DELETE FROM edge WHERE a=? OR b=?", (sid, sid))
        rest = db.execute("SELECT sid, id FROM story WHERE grp=?", (grp,)).fetchall()
        if not rest:
            return
        # the group may fall apart: its connected parts over the remaining links
        name = {s: i for s, i in rest}
        marks = ",".join("?" * len(name))
        links: dict[int, list[int]] = {s: [] for s in name}
        members = list(name)
        for a, b in db.execute(
            f"SELECT a, b FROM edge WHERE a IN ({marks}) OR b IN ({marks})", [*members, *members]
        ):
            if a in links and b in links:
                links[a].append(b)
                links[b].append(a)
        seen: set[int] = set()
        for start in members:
            if start in seen:
                continue
            part = [start]
            seen.add(start)
            for node in part:
                for nxt in links[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        part.append(nxt)
            label = min(name[s] for s in part)
            db.executemany("UPDATE story SET grp=? WHERE sid=?", [(label, s) for s in part])
