"""The suite works in a temporary folder of its own: nothing it does lands in the user's folders."""

from __future__ import annotations

from pathlib import Path

from reader import paths


def _outside_home(path: Path) -> bool:
    home = Path.home().resolve()
    return home not in path.resolve().parents and path.resolve() != home


def test_library_home_and_cache_are_temporary():
    assert _outside_home(paths.home())
    assert _outside_home(paths.cache_dir())


def test_default_settings_file_is_temporary(qapp):
    from reader.gui.settings import Settings

    assert _outside_home(Path(Settings()._qs.fileName()))
