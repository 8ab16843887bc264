"""Run slow work (search, import, export) off the GUI thread and post results back.

A :class:`Job` wraps a function ``fn(job)``; the function may call
``job.progress(done, total, text)`` and poll ``job.cancelled()``. Its return
value arrives in the ``finished`` signal, an exception in ``failed``. Signals
are delivered to slots on the GUI thread (queued connections), so widgets only
touch results there. :class:`Runner` uses a QThreadPool; tests swap in
:class:`SyncRunner`, which runs each job at once on the calling thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Signals of one job (a QRunnable is no QObject)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    done = Signal()  # after finished or failed, always


class Job(QRunnable):
    """One piece of work: ``fn(job)`` runs on a pool thread."""

    def __init__(self, fn: Callable[[Job], Any], name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "job")
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: str = ""

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.signals.progress.emit(int(done), int(total), str(text))

    def run(self) -> None:  # noqa: D401 - Qt API
        try:
            self.result = self.fn(self)
        except Exception as exc:  # reported to the GUI, never lost
            log.debug("job %s failed:\n%s", self.name, traceback.format_exc())
            self.error = str(exc) or type(exc).__name__
            self.signals.failed.emit(self.error)
        else:
            self.signals.finished.emit(self.result)
        self.signals.done.emit()


def guarded(owner: QObject, fn: Callable) -> Callable:
    """``fn``, but a no-op once ``owner`` (the widget or model it updates) is destroyed.

    Job results arrive as queued events and may come after their window closed;
    a lambda slot would then touch deleted C++ objects.
    """

    def call(*args):
        if shiboken6.isValid(owner):
            return fn(*args)
        return None

    return call


class Runner(QObject):
    """Starts jobs on a thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._alive: set[Job] = set()

    def start(self, job: Job) -> Job:
        self._alive.add(job)
        job.signals.done.connect(lambda j=job: self._alive.discard(j))
        self.pool.start(job)
        return job

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for job in list(self._alive):
            job.cancel()


class SyncRunner(Runner):
    """Runs each job immediately on the calling thread (tests, benchmarks)."""

    def start(self, job: Job) -> Job:
        job.run()
        return job

    def wait(self, msecs: int = -1) -> bool:
        return True
