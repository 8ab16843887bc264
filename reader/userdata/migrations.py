"""The user-data schema, as the ordered list of migrations that builds it.

Never edit a released step: add a new one at the end (``Migration(2, ...)``).
Everything is keyed by the stable story id (``Story.id``), never by index
positions or file paths, so it outlives re-imports, edits and index rebuilds.
"""

from __future__ import annotations

from reader.userdata.db import Migration

V1 = Migration(
    1,
    "initial schema: snapshots, bookmarks, notes, collections, tags, history",
    (
        # What we last knew about a story, so a bookmark whose file is gone still shows something.
        """CREATE TABLE snapshots (
            story_id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            file TEXT NOT NULL DEFAULT '',
            seen TEXT NOT NULL
        )""",
        """CREATE TABLE bookmarks (
            story_id TEXT PRIMARY KEY,
            created TEXT NOT NULL
        )""",
        # An empty text with a newer time is a deletion that still wins a merge.
        """CREATE TABLE notes (
            story_id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        """CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE collection_items (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            added TEXT NOT NULL,
            PRIMARY KEY (collection_id, story_id)
        )""",
        "CREATE INDEX collection_items_story ON collection_items(story_id)",
        """CREATE TABLE user_tags (
            story_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            added TEXT NOT NULL,
            PRIMARY KEY (story_id, tag)
        )""",
        "CREATE INDEX user_tags_tag ON user_tags(tag)",
        """CREATE TABLE hidden_tags (
            story_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            added TEXT NOT NULL,
            PRIMARY KEY (story_id, tag)
        )""",
        """CREATE TABLE tag_renames (
            old TEXT PRIMARY KEY,
            new TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        """CREATE TABLE history (
            story_id TEXT PRIMARY KEY,
            last_read TEXT NOT NULL,
            times INTEGER NOT NULL DEFAULT 1
        )""",
        "CREATE INDEX history_last_read ON history(last_read)",
        # Index tags not yet brought up to date: ('story', id) or ('tag', old name of a rename).
        """CREATE TABLE pending_refresh (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        )""",
    ),
)

V2 = Migration(
    2,
    "removal records, so an import does not bring back what the user removed",
    (
        # See reader.userdata.removals for the kinds and keys.
        """CREATE TABLE removals (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            removed TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        )""",
    ),
)

V3 = Migration(
    3,
    "saved searches, and the stories seen for each (what is new since the user last looked)",
    (
        # filters: JSON object, facet name -> list of values (reader.userdata.savedsearches).
        """CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL DEFAULT '',
            filters TEXT NOT NULL DEFAULT '{}',
            date_from TEXT NOT NULL DEFAULT '',
            date_to TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            looked TEXT NOT NULL
        )""",
        """CREATE TABLE saved_search_seen (
            search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            PRIMARY KEY (search_id, story_id)
        )""",
    ),
)

#: Every schema step since the first release, in order.
MIGRATIONS: tuple[Migration, ...] = (V1, V2, V3)
