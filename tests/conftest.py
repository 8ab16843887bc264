"""Fixtures shared by the whole suite: a temporary library home and the team's real material.

The suite never touches the user's own folders: before any test runs, every place
reader (or Qt, fontconfig, platformdirs on Linux) would write to is pointed into one
temporary folder for the session (``READER_HOME``, ``READER_CACHE``,
``READER_SETTINGS``, the ``XDG_*`` folders), removed at the end. Prepared fonts are
therefore built once per session there. Tests that need their own folders still set
these variables themselves.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader import paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Environment variable -> folder (or file) inside the session's temporary folder.
SESSION_LOCATIONS = {
    "READER_HOME": "home",
    "READER_CACHE": "cache",
    "READER_SETTINGS": "settings/reader.ini",
    "XDG_DATA_HOME": "xdg/data",
    "XDG_CACHE_HOME": "xdg/cache",
    "XDG_CONFIG_HOME": "xdg/config",
    "XDG_STATE_HOME": "xdg/state",
}
_saved_environment: dict[str, str | None] = {}
_session_folder: list[Path] = []


def pytest_configure(config) -> None:
    """Point every user folder at a temporary one before collection (Qt reads them at start)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-tests-"))
    _session_folder.append(folder)
    for name, relative in SESSION_LOCATIONS.items():
        _saved_environment[name] = os.environ.get(name)
        os.environ[name] = str(folder / relative)


def pytest_unconfigure(config) -> None:
    for name, value in _saved_environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    for folder in _session_folder:
        shutil.rmtree(folder, ignore_errors=True)


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
