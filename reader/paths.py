"""Where reader keeps things: the library home, caches, the bundled archive and resources.

Everything that touches the disk asks this module. What ships with reader (the
sample archive, icons, styles, catalogs) is read from the installed package with
``importlib.resources`` (packages ``reader.archive`` and ``reader.resources``, mapped
from the top-level ``archive/`` and ``resources/`` folders by ``pyproject.toml``), so
it works the same from a wheel, an editable install or any working folder.

The library home is, in order: an explicit ``--home``, the ``READER_HOME``
environment variable, the platform's user data folder. The test suite points
``READER_HOME``, ``READER_CACHE`` and ``READER_SETTINGS`` at a temporary folder.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "reader"
APP_AUTHOR = "reader"


def home(override: str | os.PathLike | None = None) -> Path:
    """The library home folder (created if missing)."""
    if override:
        path = Path(override)
    elif os.environ.get("READER_HOME"):
        path = Path(os.environ["READER_HOME"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def index_dir(home_dir: Path) -> Path:
    """The Whoosh index inside a library home."""
    return home_dir / "index"


def userdata_db(home_dir: Path) -> Path:
    """The SQLite file of the user's own data (bookmarks, collections, tags)."""
    return home_dir / "userdata.sqlite3"


def cache_dir() -> Path:
    """Derived files that can be rebuilt at any time (prepared fonts, ...)."""
    override = os.environ.get("READER_CACHE")
    path = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _package_folder(package: str) -> Path:
    """The folder of an installed data package (a real folder: Qt and ingest need file paths)."""
    folder = resources.files(package)
    if not isinstance(folder, Path):  # e.g. imported from a zip file
        raise RuntimeError(f"{package} is not installed as a folder ({folder}): reinstall reader with pip")
    return folder


def bundled_archive() -> Path:
    """The sample archive shipped with reader (package ``reader.archive``)."""
    return _package_folder("reader.archive")


def resources_dir() -> Path:
    """Icons, styles and translations shipped with reader (package ``reader.resources``)."""
    return _package_folder("reader.resources")


def shared_dir() -> Path | None:
    """The team's shared material (``../shared`` beside the project), if present."""
    override = os.environ.get("READER_SHARED")
    path = Path(override) if override else Path(__file__).resolve().parent.parent.parent / "shared"
    return path if path.is_dir() else None
