"""Text that comes from a story or a file, shown in Qt as plain text and nothing else.

Qt treats a tooltip (and an AutoText label) as rich text when it looks like HTML, so a
story titled ``<img src="/local/path">`` would make the app load local files on hover,
and a FIFO path there freezes the window. :func:`tooltip` gives the rich-text form that
shows its text literally; :func:`plain_label` makes a label plain text for good.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reader.safefiles import shown


def tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt shows literally (escaped, line breaks kept); '' stays ''."""
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"


def file_tooltip(path: str) -> str:
    """A file name or path as a literal tooltip, odd bytes and newlines escaped (see ``shown``)."""
    return tooltip(shown(path))


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as plain text, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
