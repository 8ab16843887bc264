"""Fixtures shared by the whole suite: a temporary library home and the team's real material."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader import paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty library home, also set as READER_HOME for code that looks it up."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("READER_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def archive_dir() -> Path:
    """The bundled sample archive."""
    return paths.bundled_archive()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The team's real material (../shared); skips the test where it is absent."""
    folder = paths.shared_dir()
    if folder is None:
        pytest.skip("../shared (real pages and corpus) is not present on this machine")
    return folder
