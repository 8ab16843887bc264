"""Replacing a file all at once: readers see the old file or the new one, never half of one.

:func:`write_output` is the variant for a file the user named (``--out``): checked with
:func:`reader.safefiles.check_output` before writing and again just before the rename.

Every file reader writes whole (the index's version file, segment caches, the user-data
export, fonts, translations, PDFs) goes through here: written under a temporary name
beside the target (:func:`temp_beside`: unique per process and attempt,
mode 0666 minus the umask) and renamed over it with :func:`os.replace`. A failure at any
point leaves the old file and no temporary one.

``durable=True`` (the default) also flushes the file and its folder to disk before and
after the rename, so a power cut cannot leave an empty file under the real name; caches
that are rebuilt when missing pass ``durable=False`` and skip the cost.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.safefiles import check_output, shown

#: What a temporary file's name ends with (``.{name}.{pid}.{attempt}.part``).
TEMP_SUFFIX = ".part"


@contextmanager
def replacing(
    path: str | os.PathLike, *, durable: bool = True, check: Callable[[], None] | None = None
) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; it replaces ``path`` when the block ends cleanly.

    For writers that take a file name (a font's ``save``, ``lrelease``, ``QPdfWriter``).
    ``check``, when given, runs just before the rename and may raise to keep the old file
    (an output the user named that appeared meanwhile). On any exception the temporary
    file is removed and the exception goes on.
    """
    target = Path(path)
    tmp = temp_beside(target)
    try:
        yield tmp
        if durable:
            _sync_file(tmp)
        if check is not None:
            check()
        os.replace(tmp, target)
        if durable:
            _sync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def temp_beside(path: str | os.PathLike) -> Path:
    """A new empty file beside ``path`` to write into, then :func:`os.replace` over it.

    Created with mode 0666 minus the umask (``tempfile.mkstemp`` gives 0600, which made
    exports unreadable for the user's other programs and people).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    for attempt in range(100):
        tmp = folder / f".{target.name}.{os.getpid()}.{attempt}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise OSError(f"cannot make a temporary file in {shown(folder)}")


def write_output(path: str | os.PathLike, data: bytes, *, replace: bool = False) -> None:
    """Write ``data`` to ``path``, a file the user named (see :func:`reader.safefiles.check_output`).

    Written beside the target and renamed over it, so a failure leaves the old one.
    """
    check_output(path, replace=replace)
    # check again just before the rename: nothing appeared there meanwhile
    with replacing(path, check=lambda: check_output(path, replace=replace)) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


def write_atomic(path: str | os.PathLike, data: bytes | str, *, durable: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through :func:`replacing`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path, durable=durable) as tmp, open(tmp, "wb") as handle:
        handle.write(raw)


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened for this on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
