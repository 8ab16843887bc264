"""The SQLite connection under the user's data: pragmas, transactions, schema migrations.

One :class:`Database` wraps one ``sqlite3`` connection in autocommit mode. Writes go
through :meth:`Database.write`, a ``BEGIN IMMEDIATE`` transaction, so a second writer
(another thread, app instance or ``reader`` command) waits up to the busy timeout and
then gets :class:`UserDataBusy` instead of a half-applied change. The file is in WAL
mode with ``synchronous=FULL``: a committed change survives a killed process and a
power cut. The schema version is ``PRAGMA user_version``; :func:`migrate` applies the
pending steps of a migration list in order, each in its own transaction, after
backing up a database that already holds data.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.userdata.errors import SchemaTooNew, UserDataBusy, UserDataError

#: Seconds a writer waits for another one before giving up with UserDataBusy.
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` is the ``user_version`` it leaves behind.

    ``statements`` run in order; ``function`` (if any) runs after them with the
    connection, inside the same transaction.
    """

    version: int
    description: str
    statements: tuple[str, ...] = ()
    function: Callable[[sqlite3.Connection], None] | None = None


def now() -> str:
    """The current time as the ISO UTC string every table stores."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normalise_time(value: str) -> str:
    """An ISO timestamp from outside (e.g. an imported file) in our stored form.

    Raises ValueError when ``value`` is not an ISO date-time.
    """
    when = datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Database:
    """A thread-safe connection to one user-data file."""

    def __init__(self, path: Path | str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path) if str(path) != ":memory:" else path
        self.timeout = timeout
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self.conn = sqlite3.connect(
                str(path), timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise UserDataError(f"{path}: cannot open the user-data database ({exc})") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._set_wal(timeout)
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.OperationalError as exc:
            self.conn.close()
            if _is_busy(exc):
                raise UserDataBusy(
                    f"{path}: the user-data database stayed locked by another program for {timeout:g} s"
                ) from exc
            raise UserDataError(f"{path}: not a usable user-data database ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise UserDataError(f"{path}: not a user-data database or damaged ({exc})") from exc

    def _set_wal(self, timeout: float) -> None:
        """Switch to WAL. SQLite answers BUSY at once, without waiting, when another connection is
        switching a new file at the same moment: retry until ``timeout``, as the busy handler would."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    # -- transactions ------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise UserDataBusy(
                        f"{self.path}: another reader window or command kept the user data locked for "
                        f"more than {self.timeout:g} s; nothing was changed, try again"
                    ) from exc
                raise UserDataError(f"{self.path}: {exc}") from exc
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise UserDataError(f"{self.path}: could not save ({exc})") from exc

    def query(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        """Rows of one read-only statement."""
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise UserDataBusy(f"{self.path}: the user data stayed locked; try again") from exc
                raise

    def scalar(self, sql: str, params: Sequence | dict = ()):
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    @property
    def version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s verdict: ``"ok"`` when the file is sound."""
        return "\n".join(str(row[0]) for row in self.query("PRAGMA integrity_check"))

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the database at ``target`` (SQLite's online backup)."""
        with self._lock:
            dest = sqlite3.connect(str(target))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        return target

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def migrate(db: Database, migrations: Sequence[Migration]) -> list[int]:
    """Bring ``db`` to the last version of ``migrations``; the versions applied, in order.

    Migrations must be numbered 1, 2, 3, ... A database newer than the list raises
    SchemaTooNew (never touched). Before upgrading a database that already has a
    schema, a copy is kept beside it as ``<name>.v<old>.bak``. Each step runs in
    its own transaction together with its ``user_version`` bump, so a failure or
    crash leaves the database at the last complete version.
    """
    for number, step in enumerate(migrations, start=1):
        if step.version != number:
            raise ValueError(f"migration {step.description!r} has version {step.version}, expected {number}")
    latest = len(migrations)
    current = db.version
    if current > latest:
        raise SchemaTooNew(
            f"{db.path}: this user data was written by a newer reader (schema {current}; this reader "
            f"knows up to {latest}). Update reader, or use another library home with --home."
        )
    if current == latest:
        return []
    if current > 0 and isinstance(db.path, Path):
        backup = db.path.with_name(f"{db.path.name}.v{current}.bak")
        if not backup.exists():
            db.backup_to(backup)
    applied: list[int] = []
    for step in migrations[current:]:
        with db.write() as conn:
            # Another process may have migrated while we waited for the lock.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= step.version:
                continue
            for statement in step.statements:
                conn.execute(statement)
            if step.function is not None:
                step.function(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
        applied.append(step.version)
    return applied
