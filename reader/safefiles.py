"""Touching the user's file system safely: regular files only, bounded reads, no silent overwrites.

* :func:`open_regular` / :func:`read_regular` open a file only when it is a regular
  file (a FIFO, a device such as ``/dev/zero``, a socket or a folder is refused with
  :class:`NotRegularFile` before any byte is read, so nothing hangs or fills memory),
  and a read stops at a size cap.
* :func:`check_output` checks a file the user asked for (``--out``) before it is written:
  nothing already there is replaced unless asked, a FIFO or a device never is
  (:func:`reader.atomicfile.write_output` writes it).
* :func:`shown` turns any name the OS gives (undecodable bytes held as surrogates,
  newlines, control characters) into one readable line for messages.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

#: O_NONBLOCK keeps open() of a FIFO that raced in after the check from waiting for a writer.
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


class NotRegularFile(OSError):
    """The path is a FIFO, device, socket or folder (or too large): not read."""


class OutputExists(OSError):
    """An output was asked to be written where something already is."""


def kind(mode: int) -> str:
    """What a non-regular file is, in a few words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """``path`` opened for reading in binary, only if it is a regular file (symlinks followed).

    Raises :class:`NotRegularFile` for anything else, ``OSError`` as ``open`` would.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"is {kind(info.st_mode)}, not a regular file; not read")
    handle = open(path, "rb", opener=lambda name, _flags: os.open(name, _OPEN_FLAGS))  # noqa: SIM115
    try:
        info = os.fstat(handle.fileno())  # the file opened may not be the one checked
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"is {kind(info.st_mode)}, not a regular file; not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle.fileno(), True)
        return handle
    except BaseException:
        handle.close()
        raise


def read_regular(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of a regular file; :class:`NotRegularFile` if it is not one or holds over ``max_bytes``."""
    with open_regular(path) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotRegularFile(f"too large (over {_size(max_bytes)}; the limit is {_size(max_bytes)})")
    return data


def _size(n: int) -> str:
    return (
        f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} bytes"
    )


def check_output(path: str | os.PathLike, *, replace: bool = False) -> None:
    """Raise :class:`OutputExists` unless a new file may be written at ``path``.

    Something already there (a file, a symbolic link, even a broken one) may be replaced
    only with ``replace``; a FIFO, device, socket or folder never is.
    """
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        what = "a symbolic link"
    elif stat.S_ISREG(info.st_mode):
        what = "a file"
    else:
        raise OutputExists(f"{shown(target)} is {kind(info.st_mode)}; not written (choose another name)")
    if not replace:
        raise OutputExists(
            f"{shown(target)} already exists ({what}); not replaced (use --force to replace it)"
        )


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(name: str | os.PathLike | bytes) -> str:
    """``name`` on one readable line: undecodable bytes as ``\\xNN``, newlines as ``\\n`` and so on."""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "surrogateescape")
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # a byte the OS name held that is not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or not ch.isprintable() and ch not in " \u3000":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
