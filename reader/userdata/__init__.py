"""The user's own data: bookmarks, notes, collections, tag choices, reading history.

It lives in one SQLite file per library home (``reader.paths.userdata_db``), apart
from the search index, and everything in it hangs on the stable story id
(``reader.story.story_id``). So it survives re-importing, editing a file, rebuilding
or deleting the index, and a crash; a bookmark whose story is gone keeps the
snapshot (title, date, source, file) taken when it was last seen.

Modules:

* ``db`` — the connection (WAL, foreign keys, busy timeout, ``BEGIN IMMEDIATE``
  writes) and the ``PRAGMA user_version`` migration runner; ``migrations`` — the schema.
* ``bookmarks``, ``collections``, ``tagchoices``, ``history``, ``savedsearches`` — one concern each, mixed
  into ``store.UserData``.
* ``transfer`` — everything as one JSON file; import merges, never duplicates.
* ``removals`` — what the user removed and when, so an import does not bring it back.

This package never imports Qt nor the index: what joins user data with the index
(presence checks, pushing changed tags, the import tagger, restricted searches) is
``reader.service``.
"""

from reader.userdata.errors import SchemaTooNew, TransferError, UserDataBusy, UserDataError
from reader.userdata.records import Bookmark, Collection, SavedSearch, Snapshot
from reader.userdata.store import UserData
from reader.userdata.tagchoices import TagRules, parse_tag, user_tag

__all__ = [
    "Bookmark",
    "Collection",
    "SavedSearch",
    "SchemaTooNew",
    "Snapshot",
    "TagRules",
    "TransferError",
    "UserData",
    "UserDataBusy",
    "UserDataError",
    "parse_tag",
    "user_tag",
]
