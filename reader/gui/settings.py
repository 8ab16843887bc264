"""Typed access to the app's QSettings: window state, script, theme, language, history.

Every remembered value goes through :class:`Settings`, so keys and types live in
one place. Tests pass a temporary INI file path (or set ``READER_SETTINGS``)
instead of the user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.text.scripts import SCRIPTS

THEMES = ("light", "dark")
LANGUAGES = ("auto", "zh_CN", "en")
HISTORY_SIZE = 30


class Settings:
    """A thin typed wrapper over QSettings (INI format)."""

    def __init__(self, path: str | Path | None = None) -> None:
        path = path or os.environ.get("READER_SETTINGS") or None
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "reader", "reader")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    # -- plumbing -------------------------------------------------------
    def _str(self, key: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
        value = self._qs.value(key, default)
        value = str(value) if value is not None else default
        if allowed is not None and value not in allowed:
            return default
        return value

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        if not isinstance(value, (int, float, str)):
            return default
        try:
            return int(value)
        except ValueError:
            return default

    def _list(self, key: str) -> list[object]:
        """A list value: QSettings gives a one-item list back as a plain string."""
        raw = self._qs.value(key, [])
        if isinstance(raw, str):
            return [raw]
        return list(raw) if isinstance(raw, (list, tuple)) else []

    def _bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def sync(self) -> None:
        self._qs.sync()

    # -- window ---------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def splitter(self) -> list[int]:
        try:
            return [int(str(x)) for x in self._list("window/splitter")]
        except ValueError:
            return []

    @splitter.setter
    def splitter(self, sizes: list[int]) -> None:
        self._qs.setValue("window/splitter", [int(x) for x in sizes])

    # -- reading --------------------------------------------------------
    @property
    def script(self) -> str:
        return self._str("reading/script", "zh-hans", SCRIPTS)

    @script.setter
    def script(self, value: str) -> None:
        if value not in SCRIPTS:
            raise ValueError(f"unknown script {value!r}")
        self._qs.setValue("reading/script", value)

    @property
    def theme(self) -> str:
        return self._str("reading/theme", "light", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._qs.setValue("reading/theme", value)

    @property
    def zoom(self) -> int:
        """Reading pane zoom in steps (0 = default size)."""
        return max(-5, min(10, self._int("reading/zoom", 0)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._qs.setValue("reading/zoom", int(value))

    # -- interface ------------------------------------------------------
    @property
    def language(self) -> str:
        return self._str("ui/language", "auto", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._qs.setValue("ui/language", value)

    @property
    def sort(self) -> str:
        return self._str("search/sort", "relevance", ("relevance", "date"))

    @sort.setter
    def sort(self, value: str) -> None:
        self._qs.setValue("search/sort", value)

    @property
    def last_query(self) -> str:
        return self._str("search/last_query", "")

    @last_query.setter
    def last_query(self, value: str) -> None:
        self._qs.setValue("search/last_query", value)

    @property
    def history(self) -> list[str]:
        return [str(x) for x in self._list("search/history") if str(x).strip()]

    def remember_query(self, query: str) -> list[str]:
        """Put ``query`` first in the search history (deduplicated, bounded)."""
        query = query.strip()
        items = self.history
        if query:
            items = [query] + [q for q in items if q != query]
        items = items[:HISTORY_SIZE]
        self._qs.setValue("search/history", items)
        return items

    @property
    def last_export_dir(self) -> str:
        return self._str("export/dir", "")

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self._qs.setValue("export/dir", value)

    @property
    def export_choices(self) -> dict[str, str]:
        """The export dialog's last format, script, title and selection (empty strings when none)."""
        return {key: self._str(f"export/{key}", "") for key in ("format", "script", "title", "which")}

    @export_choices.setter
    def export_choices(self, value: dict[str, str]) -> None:
        for key in ("format", "script", "title", "which"):
            if key in value:
                self._qs.setValue(f"export/{key}", str(value[key]))

    @property
    def last_import_dir(self) -> str:
        return self._str("import/dir", "")

    @last_import_dir.setter
    def last_import_dir(self, value: str) -> None:
        self._qs.setValue("import/dir", value)
