"""How an imported file is known in the index's manifest: its key (absolute path) and content hash.

Each imported file has a manifest document (``kind=file``, see
:func:`reader.index.documents.file_document`) holding its size, mtime, SHA-1 and
story ids, keyed by :func:`file_key`; an import compares size and mtime, then
:func:`sha1`, to decide whether the file changed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from reader.safefiles import open_regular


def file_key(path: Path | str) -> str:
    """The manifest key of a file: its absolute path (not resolved: a link is its own entry)."""
    return os.path.abspath(os.fspath(path))


def sha1(path: str) -> str:
    """The file's SHA-1; only a regular file is opened (a FIFO or /dev/zero would never end)."""
    digest = hashlib.sha1()
    with open_regular(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
