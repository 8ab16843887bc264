"""Interface language: pick zh_CN or English, build the .qm catalogs, install translators.

Catalog sources are ``resources/translations/reader_<lang>.ts`` (Qt Linguist
XML, edited by hand or refreshed with ``pyside6-lupdate``). The compiled
``reader_<lang>.qm`` sits beside each ``.ts``, committed and shipped in the
package, so the app never needs a compiler or a writable folder at start. After
editing a ``.ts`` run ``python -m reader.gui.i18n``: it compiles the catalogs with
the ``lrelease`` that ships in the PySide6 wheel (``PySide6/lrelease``);
``tests/gui/test_i18n.py`` fails while a shipped ``.qm`` differs from its ``.ts``.
Qt's own catalog (``qtbase_zh_CN.qm`` from ``QLibraryInfo.path(TranslationsPath)``,
shipped in the PySide6-Essentials wheel) translates Qt's dialogs; the few words it
lacks are in our catalog (:data:`QT_MISSING`). Interface text is Chinese unless the
system (or the user's choice) is English. :func:`translate_note` gives the search notes
in the interface language, :func:`forms_text` says where a hit is printed in other
characters than typed (results list and reading pane alike).
OpenCC never touches these strings.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader import paths
from reader.atomicfile import replacing

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def choose_language(setting: str = "auto", locale: QLocale | None = None) -> str:
    """``zh_CN`` or ``en``: the setting if explicit, else English only for English systems."""
    if setting in LANGUAGES:
        return setting
    env = os.environ.get("READER_LANG", "")
    if env in LANGUAGES:
        return env
    locale = locale or QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "zh_CN"


def ts_file(lang: str) -> Path:
    return paths.resources_dir() / "translations" / f"reader_{lang}.ts"


def qm_file(lang: str) -> Path:
    """The compiled catalog shipped with reader for ``lang``."""
    return paths.resources_dir() / "translations" / f"reader_{lang}.qm"


def lrelease() -> str | None:
    """The lrelease tool from the PySide6 wheel (or on PATH)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (base / name).is_file():
            return str(base / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build_qm(lang: str, out_dir: Path | None = None) -> Path | None:
    """The catalog for ``lang`` compiled into ``out_dir`` (default: beside the ``.ts``, the
    shipped one), built if missing or stale; None if it cannot be."""
    source = ts_file(lang)
    if not source.is_file():
        return None
    out_dir = out_dir or source.parent
    out = out_dir / f"reader_{lang}.qm"
    if out.is_file() and out.stat().st_mtime >= source.stat().st_mtime:
        return out
    tool = lrelease()
    if tool is None:
        log.warning("no lrelease found: interface shown untranslated")
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        with replacing(out, durable=False) as tmp:
            subprocess.run(
                [tool, "-silent", str(source), "-qm", str(tmp)], check=True, capture_output=True, timeout=60
            )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not build %s: %s", out, exc)
        return None
    return out


#: The translators :func:`install` put into the (one) application.
_installed: list[QTranslator] = []


def install(app: QCoreApplication, setting: str = "auto") -> str:
    """Load the interface catalog (and Qt's own) into ``app``; returns the language used."""
    lang = choose_language(setting)
    for previous in _installed:  # switching languages while running
        app.removeTranslator(previous)
    translators: list[QTranslator] = []
    qm = qm_file(lang)
    tr = QTranslator(app)
    if tr.load(str(qm)):
        translators.append(tr)
    else:
        log.warning("cannot load %s: interface shown untranslated", qm)
    if lang == "zh_CN":
        qt_tr = QTranslator(app)
        if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_tr)
    for tr in translators:
        app.installTranslator(tr)
    _installed[:] = translators  # kept alive, and removed on the next switch
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if lang == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    return lang


#: Qt's own words that Qt's shipped qtbase_zh_CN.qm lacks (Qt 6.11's file dialog says "&Look in:"
#: and "Files of &type:", the catalog only has "Look in:" and "Files of type:"): our catalog
#: carries them in Qt's contexts, so Qt's dialogs speak Chinese too.
QT_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

#: Notes reader.index gives about a query, listed so lupdate puts them in the catalogs.
SEARCH_NOTES = (
    QT_TRANSLATE_NOOP("SearchNotes", "unbalanced quote ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "unbalanced bracket ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "lone operator OR ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "lone operator AND ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "lone operator NOT ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "control characters ignored"),
    QT_TRANSLATE_NOOP("SearchNotes", "query too deeply nested: ignored"),
)
#: Notes with a variable part: (pattern, catalog text with %1).
SEARCH_NOTE_PATTERNS = (
    (re.compile(r"invalid date (.+) ignored"), QT_TRANSLATE_NOOP("SearchNotes", "invalid date %1 ignored")),
    (
        re.compile(r"query too long: only the first (\d+) characters used"),
        QT_TRANSLATE_NOOP("SearchNotes", "query too long: only the first %1 characters used"),
    ),
    (
        re.compile(r"unknown filter (.+) ignored"),
        QT_TRANSLATE_NOOP("SearchNotes", "unknown filter %1 ignored"),
    ),
    (
        re.compile(r"(\d+) chosen stories are no longer in the library"),
        QT_TRANSLATE_NOOP("SearchNotes", "%1 chosen stories are no longer in the library"),
    ),
    (
        re.compile(r"unknown field (.+): searched as text"),
        QT_TRANSLATE_NOOP("SearchNotes", "unknown field %1: searched as text"),
    ),
    (
        re.compile(r"reversed date range (.+) read as (.+)"),
        QT_TRANSLATE_NOOP("SearchNotes", "reversed date range %1 read as %2"),
    ),
    (
        re.compile(r"invalid from date (.+) ignored"),
        QT_TRANSLATE_NOOP("SearchNotes", "invalid from date %1 ignored"),
    ),
    (
        re.compile(r"invalid to date (.+) ignored"),
        QT_TRANSLATE_NOOP("SearchNotes", "invalid to date %1 ignored"),
    ),
    (
        re.compile(r"tag (.+) has no kind: matched (.+)"),
        QT_TRANSLATE_NOOP("SearchNotes", "tag %1 has no kind: matched %2"),
    ),
    (re.compile(r"no tag (.+) in the library"), QT_TRANSLATE_NOOP("SearchNotes", "no tag %1 in the library")),
    (
        re.compile(r"(.+) holds no letters, digits or characters to search: ignored"),
        QT_TRANSLATE_NOOP("SearchNotes", "%1 holds no letters, digits or characters to search: ignored"),
    ),
    (
        re.compile(r"matched by pinyin (.+?): (.+)"),
        QT_TRANSLATE_NOOP("SearchNotes", "matched by pinyin %1: %2"),
    ),
    (re.compile(r"matched by pinyin (.+)"), QT_TRANSLATE_NOOP("SearchNotes", "matched by pinyin %1")),
    (
        re.compile(r"(.+) does not read as pinyin"),
        QT_TRANSLATE_NOOP("SearchNotes", "%1 does not read as pinyin"),
    ),
)


def translate_note(note: str) -> str:
    """A search note (English, from reader.index) in the interface language; unknown ones as they are."""
    for pattern, text in SEARCH_NOTE_PATTERNS:
        match = pattern.fullmatch(note)
        if match:
            out = QCoreApplication.translate("SearchNotes", str(text))
            for n, part in enumerate(match.groups(), 1):
                out = out.replace(f"%{n}", part)
            return out
    return QCoreApplication.translate("SearchNotes", note)


def forms_text(forms: list[tuple[str, str]], by_pinyin: bool = False) -> str:
    """``matched 綫 for 线`` (or ``matched 上饶 by pinyin shangrao``) in the interface language."""
    if by_pinyin:
        text = QCoreApplication.translate("MatchedForms", "matched %1 by pinyin %2")
    else:
        text = QCoreApplication.translate("MatchedForms", "matched %1 for %2")
    sep = QCoreApplication.translate("MatchedForms", ", ")
    return sep.join(text.replace("%1", printed).replace("%2", typed) for printed, typed in forms)


if __name__ == "__main__":  # python -m reader.gui.i18n: compile the shipped catalogs after editing a .ts
    for code in LANGUAGES:
        print(code, build_qm(code) or "not built", file=sys.stderr)
