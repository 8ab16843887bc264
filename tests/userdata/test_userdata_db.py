"""The SQLite layer: pragmas, migrations in order and in transactions, refusing what we cannot read."""

from __future__ import annotations

import sqlite3

import pytest

from reader import paths
from reader.userdata import SchemaTooNew, UserData, UserDataError
from reader.userdata.db import Database, Migration, migrate
from reader.userdata.migrations import MIGRATIONS


def test_fresh_home_gets_current_schema_wal_and_foreign_keys(home):
    with UserData.open(home) as ud:
        assert ud.schema_version == len(MIGRATIONS) == 3
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


#: The version a fake next migration gets: one past the real schema.
NEXT = len(MIGRATIONS) + 1


def _next(calls: list[str]) -> Migration:
    def fill(conn: sqlite3.Connection) -> None:
        calls.append(f"v{NEXT}")
        conn.execute("UPDATE bookmarks SET created = created")  # runs with the new table present
        conn.execute("INSERT INTO reading_lists (name) VALUES ('默认')")

    return Migration(
        NEXT, "fake: reading lists", ("CREATE TABLE reading_lists (name TEXT PRIMARY KEY)",), fill
    )


def test_pending_migration_applies_once_keeps_data_and_backs_up(home):
    with UserData.open(home) as ud:
        ud.add_bookmark("s1", note="旧笔记")
    calls: list[str] = []
    migrations = (*MIGRATIONS, _next(calls))
    with UserData.open(home, migrations=migrations) as ud:
        assert ud.schema_version == NEXT
        assert ud._db.scalar("SELECT name FROM reading_lists") == "默认"
        assert ud.is_bookmarked("s1") and ud.note("s1") == "旧笔记"
    with UserData.open(home, migrations=migrations) as ud:  # nothing pending: not run again
        assert ud.schema_version == NEXT
    assert calls == [f"v{NEXT}"]
    backup = paths.userdata_db(home).with_name(f"userdata.sqlite3.v{NEXT - 1}.bak")
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == NEXT - 1
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

    bad = Migration(NEXT, "broken", ("CREATE TABLE half_done (x)",), broken)
    with pytest.raises(RuntimeError, match="disk says no"):
        UserData.open(home, migrations=(*MIGRATIONS, bad))
    with UserData.open(home) as ud:
        assert ud.schema_version == NEXT - 1
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


V1_TABLES = (
    "snapshots",
    "bookmarks",
    "notes",
    "collections",
    "collection_items",
    "user_tags",
    "hidden_tags",
    "tag_renames",
    "history",
    "pending_refresh",
)


def test_v1_database_with_data_migrates_to_v2_keeping_everything_and_a_backup(home):
    target = paths.userdata_db(home)
    db = Database(target)
    assert migrate(db, MIGRATIONS[:1]) == [1]
    t = "2024-05-24T01:02:03.000000+00:00"
    with db.write() as conn:
        conn.execute(
            "INSERT INTO snapshots VALUES ('s1', '马家柚', '2024-05-24', '上饶日报', '/a.txt', ?)", (t,)
        )
        conn.execute("INSERT INTO bookmarks VALUES ('s1', ?)", (t,))
        conn.execute("INSERT INTO notes VALUES ('s1', '旧笔记', ?)", (t,))
        conn.execute("INSERT INTO collections (id, name, created) VALUES (1, '土地确权', ?)", (t,))
        conn.executemany("INSERT INTO collection_items VALUES (1, ?, ?)", [("s1", t), ("s2", t)])
        conn.execute("INSERT INTO user_tags VALUES ('s1', 'user:待核实', ?)", (t,))
        conn.execute("INSERT INTO hidden_tags VALUES ('s2', 'person:某人', ?)", (t,))
        conn.execute("INSERT INTO tag_renames VALUES ('place:上饶', 'place:上饶市', ?)", (t,))
        conn.execute("INSERT INTO history VALUES ('s1', ?, 3)", (t,))
        conn.execute("INSERT INTO pending_refresh VALUES ('story', 's2')")

    def rows(database: Database) -> dict[str, list[tuple]]:
        return {
            name: [tuple(r) for r in database.query(f"SELECT * FROM {name} ORDER BY rowid")]
            for name in V1_TABLES
        }

    before = rows(db)
    assert all(before.values())
    db.close()
    with UserData.open(home) as ud:
        assert ud.schema_version == len(MIGRATIONS)  # v2, then every later step
        assert rows(ud._db) == before
        assert ud._db.query("SELECT * FROM removals") == []
        assert ud.integrity_check() == "ok"
        assert ud.remove_bookmark("s1")  # the new table is in use
        assert [tuple(r) for r in ud._db.query("SELECT kind, key FROM removals")] == [("bookmark", "s1")]
    backup = target.with_name("userdata.sqlite3.v1.bak")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT story_id, created FROM bookmarks").fetchall() == [("s1", t)]
    assert old.execute("SELECT name FROM sqlite_master WHERE name='removals'").fetchall() == []
    old.close()
