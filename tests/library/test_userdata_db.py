"""The SQLite layer: pragmas, migrations in order and in transactions, refusing what we cannot read."""

from __future__ import annotations

import sqlite3

import pytest

from reader import paths
from reader.library import SchemaTooNew, UserData, UserDataError
from reader.library.db import Database, Migration, migrate
from reader.library.migrations import MIGRATIONS


def test_fresh_home_gets_current_schema_wal_and_foreign_keys(home):
    with UserData.open(home) as ud:
        assert ud.schema_version == len(MIGRATIONS) == 1
        conn = ud._db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert ud.integrity_check() == "ok"
    assert paths.userdata_db(home).is_file()


def test_foreign_keys_cascade_collection_items(home):
    with UserData.open(home) as ud:
        ud.add_to_collection("c", ["a", "b"])
        assert ud.delete_collection("c")
        assert ud._db.scalar("SELECT COUNT(*) FROM collection_items") == 0


def _v2(calls: list[str]) -> Migration:
    def fill(conn: sqlite3.Connection) -> None:
        calls.append("v2")
        conn.execute("UPDATE bookmarks SET created = created")  # runs with the v2 table present
        conn.execute("INSERT INTO reading_lists (name) VALUES ('默认')")

    return Migration(2, "fake: reading lists", ("CREATE TABLE reading_lists (name TEXT PRIMARY KEY)",), fill)


def test_pending_migration_applies_once_keeps_data_and_backs_up(home):
    with UserData.open(home) as ud:
        ud.add_bookmark("s1", note="旧笔记")
    calls: list[str] = []
    migrations = (*MIGRATIONS, _v2(calls))
    with UserData.open(home, migrations=migrations) as ud:
        assert ud.schema_version == 2
        assert ud._db.scalar("SELECT name FROM reading_lists") == "默认"
        assert ud.is_bookmarked("s1") and ud.note("s1") == "旧笔记"
    with UserData.open(home, migrations=migrations) as ud:  # nothing pending: not run again
        assert ud.schema_version == 2
    assert calls == ["v2"]
    backup = paths.userdata_db(home).with_name("userdata.sqlite3.v1.bak")
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT story_id FROM bookmarks").fetchall() == [("s1",)]
    old.close()


def test_migrations_run_in_order_from_empty():
    order: list[int] = []
    steps = tuple(
        Migration(n, f"step {n}", (f"CREATE TABLE t{n} (x)",), lambda conn, n=n: order.append(n))
        for n in (1, 2, 3)
    )
    db = Database(":memory:")
    assert migrate(db, steps) == [1, 2, 3]
    assert order == [1, 2, 3] and db.version == 3
    assert migrate(db, steps) == []


def test_failing_migration_rolls_back_to_last_good_version(home):
    with UserData.open(home) as ud:
        ud.add_bookmark("s1")

    def broken(conn):
        raise RuntimeError("disk says no")

    bad = Migration(2, "broken", ("CREATE TABLE half_done (x)",), broken)
    with pytest.raises(RuntimeError, match="disk says no"):
        UserData.open(home, migrations=(*MIGRATIONS, bad))
    with UserData.open(home) as ud:
        assert ud.schema_version == 1
        assert ud._db.scalar("SELECT name FROM sqlite_master WHERE name='half_done'") is None
        assert ud.is_bookmarked("s1") and ud.integrity_check() == "ok"


def test_misnumbered_migrations_are_a_programming_error():
    with pytest.raises(ValueError, match="expected 2"):
        migrate(Database(":memory:"), (MIGRATIONS[0], Migration(3, "skips 2")))


def test_database_from_newer_reader_is_refused_untouched(home):
    with UserData.open(home) as ud:
        ud.add_bookmark("s1")
        ud._db.conn.execute("PRAGMA user_version = 7")
    with pytest.raises(SchemaTooNew, match=r"newer reader \(schema 7"):
        UserData.open(home)
    conn = sqlite3.connect(paths.userdata_db(home))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    conn.close()


def test_file_that_is_not_a_database_gives_clear_error(home):
    target = paths.userdata_db(home)
    target.write_bytes(b"this is a text file, not sqlite\n" * 100)
    with pytest.raises(UserDataError, match="userdata.sqlite3"):
        UserData.open(home)
    assert target.read_bytes().startswith(b"this is a text file")  # never overwritten
