"""Everything that comes from a story or a file is shown as plain text: tooltips and labels.

Before, tooltips of titles, facet values and failed file names were read as HTML (an
``<img src="/local/path">`` title made the app open local files on hover), and the
query-notes label was AutoText.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

from reader.gui.dialogs.importprogress import ImportProgress
from reader.gui.models.facets import FacetModel, FacetRole
from reader.gui.models.results import ResultsModel
from reader.gui.plaintext import file_tooltip, tooltip
from reader.gui.views.searchbar import SearchBar
from reader.index.results import SearchRequest
from reader.story import Story
from tests.helpers.fakes import FakeIndex

HOSTILE = '<img src="/tmp/secret.png"><b>粗体</b> &amp; <a href="x">链接</a>'


def _shown_as(tip: str) -> str:
    """What Qt displays for a tooltip string (Qt renders tooltips like this when they look rich)."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def _no_markup(tip: str) -> None:
    doc = QTextDocument()
    doc.setHtml(tip)
    assert "<img" not in doc.toHtml().split("<body", 1)[1].replace("&lt;img", "")


def test_tooltip_shows_text_literally():
    assert _shown_as(tooltip(HOSTILE)) == HOSTILE
    _no_markup(tooltip(HOSTILE))
    assert _shown_as(file_tooltip("/a/b\udcff\nc.txt")) == "/a/b\\xff\\nc.txt"
    assert tooltip("") == ""


def test_results_tooltip_of_a_hostile_title_is_plain(qtbot, sync_runner):
    index = FakeIndex([Story(title=HOSTILE, paragraphs=["正文"], id="s1", date="2024-01-01")])
    model = ResultsModel(index.search, sync_runner)
    request = SearchRequest()
    model.reset_results(request, index.search(request))
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert _shown_as(tip) == HOSTILE
    _no_markup(tip)


def test_facet_tooltips_are_plain(qtbot):
    model = FacetModel()
    model.set_facets({"source": [(HOSTILE, 3)], "tag": [(f"place:{HOSTILE}", 2)]})
    tips = []
    for row in range(model.rowCount()):
        group = model.item(row)
        for child in range(group.rowCount()):
            item = group.child(child)
            if item.data(FacetRole):
                tips.append((item.data(FacetRole)[1], item.toolTip()))
    assert tips and all(_shown_as(tip) == value for value, tip in tips)


def test_query_notes_and_import_labels_are_plain_text(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    assert bar.notes.textFormat() == Qt.TextFormat.PlainText
    bar.set_notes([f"ignored {HOSTILE}"])
    assert bar.notes.text() == f"ignored {HOSTILE}"
    progress = ImportProgress()
    qtbot.addWidget(progress)
    progress.progress(1, 2, f"/archive/{HOSTILE}.txt")
    assert progress.label.textFormat() == Qt.TextFormat.PlainText
    assert _shown_as(progress.label.toolTip()) == f"/archive/{HOSTILE}.txt"
