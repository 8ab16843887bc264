"""Preferences: interface language, theme, reading script, reading size."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

from reader.gui.settings import Settings
from reader.gui.views.reading import ZOOM_MAX, ZOOM_MIN, text_px, zoom_for
from reader.text import scripts

#: The scripts' labels as pyside6-lupdate must see them (literal strings); the same as
#: ``reader.text.scripts`` builds (tests/gui/test_settings.py checks they agree).
SCRIPT_LABELS = (
    QT_TRANSLATE_NOOP("Scripts", "Simplified (简体)"),
    QT_TRANSLATE_NOOP("Scripts", "Traditional (繁體)"),
    QT_TRANSLATE_NOOP("Scripts", "Taiwan (臺灣正體)"),
    QT_TRANSLATE_NOOP("Scripts", "Hong Kong (香港繁體)"),
)


def script_names(_widget=None) -> dict[str, str]:
    """Menu names of the reading scripts, in the interface language (the catalogs translate each
    script's ``label``, ``Taiwan (臺灣正體)``, to its native name)."""
    return {s.code: QCoreApplication.translate("Scripts", s.label) for s in scripts.ALL}


class PreferencesDialog(QDialog):
    """Edits a :class:`Settings`; ``apply()`` writes the choices back."""

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Follow the system"), "auto")
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeCombo")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.script = QComboBox(self)
        self.script.setObjectName("scriptCombo")
        for key, name in script_names(self).items():
            self.script.addItem(name, key)
        self.script.setCurrentIndex(max(0, self.script.findData(settings.script)))
        self.zoom = QSpinBox(self)  # the reading text size in pixels (2 px a zoom step)
        self.zoom.setObjectName("textSize")
        self.zoom.setRange(text_px(ZOOM_MIN), text_px(ZOOM_MAX))
        self.zoom.setSingleStep(2)
        self.zoom.setSuffix(" px")
        self.zoom.setValue(text_px(settings.zoom))
        note = QLabel(
            self.tr(
                "The interface language changes when you press OK (during an import: at the next start)."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Read stories in"), self.script)
        form.addRow(self.tr("Text size"), self.zoom)
        form.addRow(buttons)

    def apply(self) -> dict[str, str | int]:
        """Store the choices; returns what changed (name -> new value)."""
        changed: dict[str, str | int] = {}
        for name, value in (
            ("language", self.language.currentData()),
            ("theme", self.theme.currentData()),
            ("script", self.script.currentData()),
            ("zoom", zoom_for(self.zoom.value())),
        ):
            if getattr(self.settings, name) != value:
                setattr(self.settings, name, value)
                changed[name] = value
        return changed
