"""``UserData``: the one object the app and the CLI use to reach the user's own data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader import paths
from reader.userdata import transfer
from reader.userdata.bookmarks import BookmarksMixin
from reader.userdata.collections import CollectionsMixin
from reader.userdata.db import DEFAULT_TIMEOUT, Database, Migration, migrate
from reader.userdata.history import HistoryMixin
from reader.userdata.migrations import MIGRATIONS
from reader.userdata.savedsearches import SavedSearchesMixin
from reader.userdata.tagchoices import TagsMixin


class UserData(BookmarksMixin, CollectionsMixin, TagsMixin, HistoryMixin, SavedSearchesMixin):
    """Bookmarks, notes, collections, tag choices, history and saved searches of one library home.

    Safe to share between threads; several instances or processes may use the
    same file at once (a writer waits up to ``timeout`` seconds for another).
    Every change is committed before the method returns.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    @classmethod
    def open(
        cls,
        home: Path | str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> UserData:
        """Open (creating or upgrading as needed) the user data of library ``home``."""
        home = Path(home)
        home.mkdir(parents=True, exist_ok=True)
        return cls.open_file(paths.userdata_db(home), timeout=timeout, migrations=migrations)

    @classmethod
    def open_file(
        cls,
        path: Path | str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> UserData:
        """Open a user-data database at an explicit path (``":memory:"`` for a throwaway one)."""
        db = Database(path, timeout=timeout)
        try:
            migrate(db, migrations)
        except BaseException:
            db.close()
            raise
        return cls(db)

    @property
    def path(self) -> Path | str:
        return self._db.path

    @property
    def schema_version(self) -> int:
        return self._db.version

    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file sound, else its report."""
        return self._db.integrity()

    def backup(self, target: Path | str) -> Path:
        """A consistent copy of the database file at ``target``."""
        return self._db.backup_to(Path(target))

    def export_json(self, path: Path | str) -> dict[str, int]:
        """Write all user data to one JSON file; records per section."""
        return transfer.export_json(self._db, path)

    def import_json(self, path: Path | str) -> dict[str, int]:
        """Merge a user-data JSON file in; records added or changed per section."""
        return transfer.import_json(self._db, path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> UserData:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
