"""Export test fixtures: pytest-qt's QApplication and the archive's stories (helpers in tests/helpers)."""

from __future__ import annotations

import pytest

from reader.story import Story
from tests.helpers.export import archive_stories


@pytest.fixture(autouse=True)
def _qt_app(qapp):
    """Use pytest-qt's QApplication, so export never creates a bare QGuiApplication that GUI tests trip on."""
    return qapp


@pytest.fixture(scope="session")
def stories() -> list[Story]:
    return archive_stories()
