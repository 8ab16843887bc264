"""Opening, creating and writing a Whoosh index folder, after checking the Whoosh storage was written for.

Every way into an index goes through here, so before the first one in a
process :func:`ensure_ready` checks that the installed Whoosh is exactly
:data:`~reader.index.storage.contract.WHOOSH_VERSION` (the release whose
internals the contract, :mod:`reader.index.storage.contract`, was verified
against: its test runs the full check) and applies storage's one patch
(:func:`reader.index.storage.patches.apply`). Another release raises a
:class:`~reader.index.storage.errors.WhooshVersionMismatch` naming what was
found and what was expected; the index layer shows it as an index error.

Whoosh pickles Python objects into an index's table of contents (each segment's
codec, the schema's field types), so an index names reader's classes by module
path. :data:`PICKLED_MODULES` are the paths a new index names (a test checks, so a
move is noticed); :data:`MOVED_MODULES` maps paths that indexes of earlier releases
name to where those classes live now, so such an index opens as it is instead of
failing with "No module named ..." (and losing its import roots).
"""

from __future__ import annotations

import importlib
import sys
import threading

from whoosh import index as windex
from whoosh.writing import LockError

from reader.index.storage import contract, patches
from reader.index.storage.codec import codec
from reader.index.storage.errors import WriterLocked
from reader.index.storage.writer import FastWriter

_ready = False
_ready_lock = threading.Lock()

#: Modules whose classes a new index's pickled table of contents names.
PICKLED_MODULES = ("reader.index.schema", "reader.index.storage.codec")
#: Old module path -> where its pickled classes are now. ``reader.index.codec``: the codec of
#: index formats 3-5 before storage was one package (the same class, the same layout).
MOVED_MODULES = {"reader.index.codec": "reader.index.storage.codec"}


def ensure_ready() -> None:
    """Check the Whoosh version, apply the patch and make moved modules' old paths resolve.

    Once per process (cheap after the first). The old paths are registered in
    ``sys.modules`` as the modules they moved to: unpickling is the only thing that asks
    for them.
    """
    global _ready
    with _ready_lock:
        if _ready:
            return
        contract.check_version()
        patches.apply()
        for old, new in MOVED_MODULES.items():
            sys.modules.setdefault(old, importlib.import_module(new))
        _ready = True


def exists_in(folder: str) -> bool:
    """Whether ``folder`` holds a Whoosh index."""
    ensure_ready()  # reading the table of contents unpickles reader's classes
    return windex.exists_in(folder)


def open_dir(folder: str):
    """The Whoosh index in ``folder``."""
    ensure_ready()
    return windex.open_dir(folder)


def create_in(folder: str, schema):
    """A new, empty Whoosh index in ``folder`` (replacing what was there)."""
    ensure_ready()
    return windex.create_in(folder, schema)


def new_writer(ix, timeout: float) -> FastWriter:
    """The writer of ``ix`` (taking its write lock, waiting up to ``timeout`` s)."""
    ensure_ready()
    try:
        return FastWriter(ix, timeout=timeout, codec=codec())
    except LockError:
        raise WriterLocked(f"the index in {ix.storage.folder} is locked by another writer") from None
