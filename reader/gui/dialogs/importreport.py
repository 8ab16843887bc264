"""What the last import could not take: files that failed (with why) and files skipped for their type.

Opened from the status bar's button after an import that had any; the list is
plain text the user can select and copy.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ImportReportDialog(QDialog):
    """The failed and skipped files of one ``ImportReport``."""

    def __init__(self, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import problems"))
        failed = list(getattr(report, "failed", []))
        skipped = list(getattr(report, "skipped", []))
        not_imported = (
            self.tr("1 file could not be imported.")
            if len(failed) == 1
            else self.tr("%1 files could not be imported.").replace("%1", str(len(failed)))
        )
        left_out = (
            self.tr("1 file was skipped because of its type.")
            if len(skipped) == 1
            else self.tr("%1 files were skipped because of their type.").replace("%1", str(len(skipped)))
        )
        summary = f"{not_imported} {left_out}"
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        lines: list[str] = []
        if failed:
            lines.append(self.tr("Not imported:"))
            lines.extend(f"  {p.file}: {p.reason}" for p in failed)
        if skipped:
            if lines:
                lines.append("")
            lines.append(self.tr("Skipped (not a news file type):"))
            lines.extend(f"  {path}" for path in skipped)
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("importProblems")
        self.list.setReadOnly(True)
        self.list.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def text(self) -> str:
        return self.summary.text() + "\n" + self.list.toPlainText()
