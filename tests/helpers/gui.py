"""GUI test helpers: typing as an input method does, and a runner that holds jobs."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reader.gui.workers import Job, Runner


def ime_type(widget, text: str) -> None:
    """Type Chinese as an input method does: one committed character at a time."""
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def type_query(qtbot, window, text: str) -> None:
    window.search_bar.edit.clear()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        if text:
            ime_type(window.search_bar.edit, text)  # debounced: one search after typing stops
        else:
            window.search_now()
    if window.model.total:  # the first story opens just after the list is painted
        qtbot.waitUntil(lambda: window.reading.story is not None, timeout=3000)


class ManualRunner(Runner):
    """Holds jobs until the test runs them, in any order."""

    def __init__(self):
        super().__init__()
        self.jobs: list[Job] = []

    def start(self, job):
        self.jobs.append(job)
        return job
