"""GUI test fixtures: offscreen Qt, temporary settings, a synchronous runner, a real library.

``library`` is a library home holding the real index built once per session
from the bundled archive/ (copied per test so tests can change it).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reader import paths  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    from reader.gui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def sync_runner():
    from reader.gui.workers import SyncRunner

    return SyncRunner()


@pytest.fixture(scope="session")
def built_library(tmp_path_factory) -> Path:
    from reader.index import open_index

    archive = paths.bundled_archive()
    if not any(archive.glob("*")):
        pytest.skip("the bundled archive/ is empty")
    from reader.service.tagsync import make_tagger

    home = tmp_path_factory.mktemp("library") / "home"
    home.mkdir()
    index = open_index(home)
    try:
        report = index.update([archive], tagger=make_tagger(None))
    finally:
        index.close()
    assert report.stories > 0, report
    return home


@pytest.fixture
def library(built_library, tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    shutil.copytree(built_library, home)
    monkeypatch.setenv("READER_HOME", str(home))
    return home


@pytest.fixture
def make_window(qtbot, settings, sync_runner):
    """Build main windows on a library home (real index + user data), closed at the end."""
    from reader.app import open_library
    from reader.gui.mainwindow import MainWindow

    opened = []

    def make(home: Path, *, runner=None, window_settings=None):
        index, userdata = open_library(home)
        window = MainWindow(home, index, userdata, window_settings or settings, runner=runner or sync_runner)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, index))
        return window

    yield make
    for window, index in opened:
        if window.isVisible():
            window.close()
        index.close()
