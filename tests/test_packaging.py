"""The build configuration ships every package and every runtime file (icons, styles, catalogs, archive)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from reader import paths

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _source_folder(package: str) -> Path:
    mapped = CONFIG.get("package-dir", {})
    if package in mapped:
        return ROOT / mapped[package]
    return ROOT.joinpath(*package.split("."))


def _shipped(package: str, relative: str) -> bool:
    globs = CONFIG["package-data"].get(package, [])
    return any(fnmatch(relative, g) or (g == "**/*") for g in globs)


def _data_files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_every_package_under_reader_is_listed():
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "reader").rglob("__init__.py")}
    assert found - set(CONFIG["packages"]) == set()


def test_resources_and_archive_are_mapped_into_the_package():
    assert _source_folder("reader.resources") == ROOT / "resources"
    assert _source_folder("reader.archive") == ROOT / "archive"
    for folder, source in (
        (paths.resources_dir(), ROOT / "resources"),
        (paths.bundled_archive(), ROOT / "archive"),
    ):
        # the source folder itself (editable install) or an installed copy of every file in it
        assert _data_files(folder) == _data_files(source), folder


def test_every_runtime_file_is_package_data():
    missing = []
    for package in ("reader.resources", "reader.archive", "reader.autotag"):
        folder = _source_folder(package)
        for path in folder.rglob("*"):
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(folder).as_posix()
            if not _shipped(package, relative):
                missing.append(f"{package}: {relative}")
    assert missing == []
    for name in ("icons/reader.svg", "styles/light.qss", "translations/reader_zh_CN.qm"):
        assert (paths.resources_dir() / name).is_file(), name
