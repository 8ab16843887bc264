"""The import lock: one writing process per library, released by the OS if that process dies."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class LibraryBusy(RuntimeError):
    """Another reader process is importing into the same library."""


class ImportLock:
    """An exclusive, non-blocking OS file lock on ``folder/import.lock``."""

    def __init__(self, folder: Path, home: Path):
        self.path = Path(folder) / "import.lock"
        self.home = home
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise LibraryBusy(f"library busy: another reader process is importing into {self.home}") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> ImportLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
