"""The named failures of the user-data store, each with a message a person can act on."""

from __future__ import annotations


class UserDataError(Exception):
    """The user-data database cannot be used (unreadable file, bad input, ...)."""


class UserDataBusy(UserDataError):
    """Another process held the database longer than the busy timeout; nothing was changed."""


class SchemaTooNew(UserDataError):
    """The database was written by a newer reader whose schema this one does not know."""


class TransferError(UserDataError):
    """A user-data JSON file cannot be imported (not ours, newer format, broken)."""
