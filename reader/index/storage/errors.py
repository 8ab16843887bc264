"""The errors storage raises: Whoosh's code or an index's files are not what storage was written for."""

from __future__ import annotations


class StorageError(RuntimeError):
    """An index cannot be read or written the way storage reads and writes it."""


class WhooshVersionMismatch(StorageError):
    """The installed Whoosh is not the exact release storage's use of its internals was written for."""


class ContractBroken(StorageError):
    """A private Whoosh attribute storage relies on is missing or has changed (see ``contract``)."""


class WriterLocked(StorageError):
    """Another writer holds the Whoosh index's write lock."""
