"""The reading pane: one story typeset for reading, hits marked, find, zoom, star, tags, note.

Hits are marked with extra selections computed on the document's own plain
text: terms are folded, the displayed (possibly converted) text is folded, and
since folding keeps length the positions found are document positions.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.autotag import label_in_script, tag_kind
from reader.gui.dialogs.note import NoteEditor
from reader.gui.fontpick import with_cjk
from reader.gui.highlight import to_utf16
from reader.gui.i18n import forms_text
from reader.gui.plaintext import plain_label
from reader.gui.storyhtml import PALETTES, story_html, stylesheet
from reader.index.reprints import Copy
from reader.index.snippets import find_spans
from reader.story import Story
from reader.text.convert import written_script
from reader.text.convertcache import convert_cached as convert
from reader.text.convertcache import shown
from reader.text.fold import fold

#: Line and paragraph breaks read as spaces when a concordance line is looked for in the story.
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " "})

BASE_PX = 18
#: Zoom steps of the reading pane (Ctrl+= / Ctrl+-, Preferences); each step is 2 px.
ZOOM_MIN, ZOOM_MAX = -4, 10


def text_px(zoom: int) -> int:
    """The reading pane's text size in pixels at ``zoom`` steps."""
    return max(10, BASE_PX + 2 * zoom)


def zoom_for(px: int) -> int:
    """The zoom step that gives (about) ``px`` pixels."""
    return max(ZOOM_MIN, min(ZOOM_MAX, round((px - BASE_PX) / 2)))


MEASURE_EM = 38


class StoryBrowser(QTextBrowser):
    """A QTextBrowser that opens no links and loads nothing remote."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("storyBrowser")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.font_px = BASE_PX

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt API
        url = QUrl(name)
        if url.scheme() != "qrc":
            return None  # never fetch remote or local files a story names
        return super().loadResource(kind, url)

    def apply_measure(self) -> None:
        """Centre a column of about 38 em, or use the full width when narrower."""
        width = self.viewport().width()
        measure = self.font_px * MEASURE_EM
        side = max(16, (width - measure) // 2)
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(24)
            fmt.setBottomMargin(48)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.apply_measure()


class ReadingPane(QWidget):
    """Shows one story; signals ask the window to bookmark or save a note."""

    bookmark_toggled = Signal(str, bool)
    note_changed = Signal(str, str)
    tag_clicked = Signal(str)
    add_tag_requested = Signal(str)  # story id
    copy_chosen = Signal(str)  # a story id in the reprints bar
    differences_toggled = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.story: Story | None = None
        self.terms: list[str] = []
        self.forms: list[tuple[str, str]] = []  # (as printed, as typed) for the hits shown
        self.by_pinyin = False
        self.script = "zh-hans"
        self.theme = "light"
        self.zoom = 0
        self.hits: list[tuple[int, int]] = []  # document (UTF-16) spans of search hits
        self.finds: list[tuple[int, int]] = []
        self.current = -1
        self.find_current = -1
        self._build()
        self.show_story(None)

    # -- layout ---------------------------------------------------------
    def _build(self) -> None:
        """The story bar (star, tags, hits, note) over the find bar, the story and the note."""
        top = self._build_story_bar()
        self._build_find_bar()
        self.browser = StoryBrowser(self)
        self.note = NoteEditor(self)
        self.note.saved.connect(self._note_saved)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self._build_reprints_bar())
        layout.addWidget(self.forms_label)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)

    def _build_story_bar(self) -> QHBoxLayout:
        """The bookmark star, the tag chips and ＋, hit count and arrows, the note button."""
        self.star = QToolButton(self)
        self.star.setObjectName("starButton")
        self.star.setCheckable(True)
        self.star.setText("☆")
        self.star.setToolTip(self.tr("Bookmark this story (Ctrl+D)"))
        self.star.toggled.connect(self._on_star)
        self.hit_label = QLabel(self)
        self.hit_label.setObjectName("hitLabel")
        # "matched 綫 for 线": where the story prints the hits in other characters than typed
        self.forms_label = plain_label(QLabel(self))  # quotes the query: never rich text
        self.forms_label.setObjectName("formsLabel")
        self.forms_label.setWordWrap(True)
        self.forms_label.setContentsMargins(6, 0, 6, 0)
        self.forms_label.hide()
        self.prev_hit_btn = QToolButton(self)
        self.prev_hit_btn.setText("▲")
        self.prev_hit_btn.setToolTip(self.tr("Previous hit (Shift+F3)"))
        self.prev_hit_btn.clicked.connect(self.previous_hit)
        self.next_hit_btn = QToolButton(self)
        self.next_hit_btn.setText("▼")
        self.next_hit_btn.setToolTip(self.tr("Next hit (F3)"))
        self.next_hit_btn.clicked.connect(self.next_hit)
        self.note_btn = QToolButton(self)
        self.note_btn.setObjectName("noteButton")
        self.note_btn.setCheckable(True)
        self.note_btn.setText(self.tr("Note"))
        self.note_btn.toggled.connect(self._on_note_toggle)
        self.tags_label = QLabel(self)
        self.tags_label.setObjectName("tagsLabel")
        self.tags_label.setWordWrap(True)
        self.tags_label.setTextFormat(Qt.TextFormat.RichText)
        self.tags_label.linkActivated.connect(self.tag_clicked)
        self._hovered_tag = ""  # the tag chip under the pointer, for a right-click
        self.tags_label.linkHovered.connect(lambda link: setattr(self, "_hovered_tag", link))
        self.tags_label.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tags_label.customContextMenuRequested.connect(self._on_tag_right_click)
        self.add_tag_btn = QToolButton(self)
        self.add_tag_btn.setObjectName("addTagButton")
        self.add_tag_btn.setText("＋")
        self.add_tag_btn.setToolTip(self.tr("Add one of your own tags to this story"))
        self.add_tag_btn.clicked.connect(self._ask_for_tag)

        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(self.star)
        top.addWidget(self.tags_label, 1)
        top.addWidget(self.add_tag_btn)
        top.addWidget(self.hit_label)
        top.addWidget(self.prev_hit_btn)
        top.addWidget(self.next_hit_btn)
        top.addWidget(self.note_btn)
        return top

    def _build_reprints_bar(self) -> QWidget:
        """The story's reprint group (copies as links, the original marked) and the Differences button."""
        self.reprints_bar = QWidget(self)
        self.reprints_bar.setObjectName("reprintsBar")
        self.reprints_label = QLabel(self.reprints_bar)
        self.reprints_label.setObjectName("reprintsLabel")
        self.reprints_label.setWordWrap(True)
        self.reprints_label.setTextFormat(Qt.TextFormat.RichText)
        self.reprints_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.reprints_label.linkActivated.connect(self.copy_chosen)
        self.diff_btn = QToolButton(self.reprints_bar)
        self.diff_btn.setObjectName("differencesButton")
        self.diff_btn.setCheckable(True)
        self.diff_btn.setText(self.tr("Differences"))
        self.diff_btn.setToolTip(self.tr("Show what the copies changed against the original (Ctrl+Shift+D)"))
        self.diff_btn.toggled.connect(self._on_differences)
        row = QHBoxLayout(self.reprints_bar)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(self.reprints_label, 1)
        row.addWidget(self.diff_btn)
        self.reprints_bar.hide()
        self._copies: list[Copy] = []
        self._differences_html = ""
        return self.reprints_bar

    def show_reprints(self, copies: list[Copy]) -> None:
        """The reprint group of the story shown (original first); fewer than two copies hide the bar."""
        self._copies = list(copies) if len(copies) > 1 else []
        self.diff_btn.blockSignals(True)
        self.diff_btn.setChecked(False)
        self.diff_btn.blockSignals(False)
        self._differences_html = ""
        self._show_reprints()

    def _show_reprints(self) -> None:
        if not self._copies or self.story is None:
            self.reprints_bar.hide()
            return
        pal = PALETTES.get(self.theme, PALETTES["light"])
        links = []
        for n, copy in enumerate(self._copies):
            name = " ".join(x for x in (copy.source or copy.title[:12], copy.date) if x)
            name = html.escape(shown(name, self.script, written_script(name)))
            name = f"{n + 1}. " + (self.tr("original") + " " + name if n == 0 else name)
            if copy.id == self.story.id:
                links.append(f"<b>{name}</b>")
            else:
                links.append(
                    f'<a href="{html.escape(copy.id)}" style="color:{pal.heading}; text-decoration:none">'
                    f"{name}</a>"
                )
        head = self.tr("%1 reprints").replace("%1", str(len(self._copies)))
        self.reprints_label.setText(f"{html.escape(head)}：" + "　".join(links))
        self.reprints_bar.show()

    def _on_differences(self, on: bool) -> None:
        self.differences_toggled.emit(on)
        if not on:
            self._differences_html = ""
            self._render(keep_scroll=False)

    def toggle_differences(self) -> None:
        if self.reprints_bar.isVisible():
            self.diff_btn.toggle()

    def show_differences(self, document: str) -> None:
        """Show ``document`` (the copies' differences) in place of the story until the button is let go."""
        self._differences_html = document
        self._render(keep_scroll=False)

    def _build_find_bar(self) -> None:
        """Find in story (hidden until Ctrl+F; Escape closes it)."""
        self.find_bar = QWidget(self)
        self.find_edit = QLineEdit(self.find_bar)
        self.find_edit.setObjectName("findEdit")
        self.find_edit.setPlaceholderText(self.tr("Find in story"))
        self.find_edit.textChanged.connect(self.find_text)
        self.find_edit.returnPressed.connect(self.next_find)
        self.find_count = QLabel(self.find_bar)
        close = QToolButton(self.find_bar)
        close.setText("✕")
        close.clicked.connect(self.close_find)
        fl = QHBoxLayout(self.find_bar)
        fl.setContentsMargins(6, 0, 6, 0)
        fl.addWidget(self.find_edit, 1)
        fl.addWidget(self.find_count)
        fl.addWidget(close)
        self.find_bar.hide()
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_find)

    def _ask_for_tag(self) -> None:
        if self.story:
            self.add_tag_requested.emit(self.story.id)

    def _note_saved(self, text: str) -> None:
        if self.story:
            self.note_changed.emit(self.story.id, text)

    # -- content --------------------------------------------------------
    def show_story(
        self,
        story: Story | None,
        terms: list[str] | None = None,
        *,
        bookmarked: bool = False,
        note: str = "",
        tags: list[str] | None = None,
        forms: list[tuple[str, str]] | None = None,
        by_pinyin: bool = False,
    ) -> None:
        self.story = story
        self.terms = list(terms or [])
        self.show_reprints([])  # the window names the new story's copies after this
        self.set_forms(forms or [], by_pinyin)
        self.star.blockSignals(True)
        self.star.setChecked(bookmarked)
        self.star.setText("★" if bookmarked else "☆")
        self.star.blockSignals(False)
        self.star.setEnabled(story is not None)
        self.note_btn.setEnabled(story is not None)
        self.add_tag_btn.setEnabled(story is not None)
        self.note.set_text(note)
        if note and story is not None:
            self.note_btn.setChecked(True)
        self._tags = list(tags if tags is not None else (story.tags if story else []))
        self._render(keep_scroll=False)

    def set_forms(self, forms: list[tuple[str, str]], by_pinyin: bool = False) -> None:
        """Say where the story prints the hits in other characters than the query typed."""
        self.forms = list(forms) if self.story is not None else []
        self.by_pinyin = by_pinyin
        self.forms_label.setText(forms_text(self.forms, by_pinyin))
        self.forms_label.setVisible(bool(self.forms))

    def scroll_ratio(self) -> float:
        """How far down the story the pane is scrolled (0 top, 1 bottom)."""
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_ratio(self, ratio: float) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, ratio)) * bar.maximum()))

    def _on_tag_right_click(self, _pos) -> None:
        """A right-click on a tag opens the same tag menu as a left click."""
        if self._hovered_tag:
            self.tag_clicked.emit(self._hovered_tag)

    def set_tags(self, tags: list[str]) -> None:
        self._tags = list(tags)
        self._show_tags()

    def _show_tags(self) -> None:
        if not self.story or not self._tags:
            self.tags_label.setText("")
            return
        pal = PALETTES.get(self.theme, PALETTES["light"])
        chips = []
        for tag in self._tags:
            label = label_in_script(tag, self.script, converter=convert)
            kind = tag_kind(tag)
            chips.append(
                f'<a href="{html.escape(tag)}" style="color:{pal.heading}; text-decoration:none" '
                f'title="{html.escape(kind)}">{html.escape(label)}</a>'
            )
        self.tags_label.setText("  ".join(chips))

    def _render(self, keep_scroll: bool = True) -> None:
        bar = self.browser.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() else 0.0
        font_px = text_px(self.zoom)
        self.browser.font_px = font_px
        doc = self.browser.document()
        font = with_cjk(QFont(self.browser.font()), self.script)  # regional glyph shapes
        font.setPixelSize(font_px)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(stylesheet(self.theme, font_px))
        pal = PALETTES.get(self.theme, PALETTES["light"])
        self.browser.setStyleSheet(
            f"QTextBrowser#storyBrowser {{ background: {pal.background}; border: none; }}"
        )
        if self.story is None:
            self.browser.setHtml(
                f'<p style="color:{pal.muted}">'
                + html.escape(self.tr("Choose a story in the list to read it."))
                + "</p>"
            )
        elif self._differences_html:
            self.browser.setHtml(self._differences_html)
        else:
            self.browser.setHtml(story_html(self.story, self.script, byline_label=self.tr("By")))
        self.browser.apply_measure()
        self._show_tags()
        plain = doc.toPlainText()
        spans = find_spans(plain, self.terms)
        previous = self.current if keep_scroll else -1
        self.hits = self._doc_spans(plain, spans)
        self.current = previous if 0 <= previous < len(self.hits) else -1
        self.find_text(self.find_edit.text() if self.find_bar.isVisible() else "")
        self._update_selections()
        if keep_scroll and bar.maximum():
            bar.setValue(round(ratio * bar.maximum()))
        else:
            bar.setValue(0)

    @staticmethod
    def _doc_spans(plain: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        flat = to_utf16(plain, [p for span in spans for p in span])
        return list(zip(flat[::2], flat[1::2], strict=True))

    def set_script(self, script: str) -> None:
        if script != self.script:
            self.script = script
            self._show_reprints()
            self._render()
            if self.diff_btn.isChecked():  # the differences again, in the new script
                self.differences_toggled.emit(True)

    def set_theme(self, theme: str) -> None:
        if theme != self.theme:
            self.theme = theme
            self._show_reprints()
            self._render()
            if self.diff_btn.isChecked():
                self.differences_toggled.emit(True)

    def set_zoom(self, zoom: int) -> None:
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self._render()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    def set_bookmarked(self, on: bool) -> None:
        self.star.blockSignals(True)
        self.star.setChecked(on)
        self.star.setText("★" if on else "☆")
        self.star.blockSignals(False)

    def toggle_bookmark(self) -> None:
        if self.story is not None:
            self.star.toggle()

    def _on_star(self, on: bool) -> None:
        self.star.setText("★" if on else "☆")
        if self.story is not None:
            self.bookmark_toggled.emit(self.story.id, on)

    def _on_note_toggle(self, on: bool) -> None:
        self.note.setVisible(on)
        if on:
            self.note.edit.setFocus()

    def plain_text(self) -> str:
        return self.browser.document().toPlainText()

    # -- hits and find --------------------------------------------------
    def _update_selections(self) -> None:
        pal = PALETTES.get(self.theme, PALETTES["light"])
        selections = []
        for spans, current, colour, current_colour in (
            (self.hits, self.current, pal.hit, pal.current_hit),
            (self.finds, self.find_current, pal.find, pal.current_find),
        ):
            for i, (start, end) in enumerate(spans):
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.browser.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(current_colour if i == current else colour))
                sel.cursor, sel.format = cursor, fmt
                selections.append(sel)
        self.browser.setExtraSelections(selections)
        if self.hits:
            shown = self.current + 1 if self.current >= 0 else 0
            self.hit_label.setText(
                self.tr("Hit %1/%2").replace("%1", str(shown)).replace("%2", str(len(self.hits)))
            )
        else:
            self.hit_label.setText("")
        for btn in (self.prev_hit_btn, self.next_hit_btn):
            btn.setEnabled(len(self.hits) > 0)
        if self.find_bar.isVisible() and self.find_edit.text():
            shown = self.find_current + 1 if self.find_current >= 0 else 0
            self.find_count.setText(f"{shown}/{len(self.finds)}")
        else:
            self.find_count.setText("")

    def _go(self, start: int) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        # Put the hit a third of the way down rather than on the bottom edge.
        top = self.browser.cursorRect(cursor).top()
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + top - self.browser.viewport().height() // 3)

    def go_to_occurrence(self, hit: str, left: str = "", right: str = "") -> bool:
        """Scroll to the occurrence of ``hit`` that stands between ``left`` and ``right`` (a concordance
        line's contexts; the longest context that is found wins) and make it the current hit."""
        plain = self.plain_text()
        flat = fold(plain).translate(_BREAKS)
        want = fold(hit).translate(_BREAKS)
        before, after = fold(left).translate(_BREAKS), fold(right).translate(_BREAKS)
        for n in (max(len(before), len(after)), 10, 4, 1, 0):
            tail = before[len(before) - n :] if n else ""
            at = flat.find(tail + want + after[:n])
            if at >= 0 and want:
                start, end = to_utf16(plain, [at + len(tail), at + len(tail) + len(want)])
                inside = [i for i, (s, e) in enumerate(self.hits) if s <= start < e]
                if inside:
                    self.current = inside[0]
                self._go(start)
                cursor = self.browser.textCursor()
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                self.browser.setTextCursor(cursor)
                self._update_selections()
                return True
        return False

    def next_hit(self) -> None:
        if self.find_bar.isVisible() and self.finds:
            return self.next_find()
        if self.hits:
            self.current = (self.current + 1) % len(self.hits)
            self._go(self.hits[self.current][0])
            self._update_selections()

    def previous_hit(self) -> None:
        if self.find_bar.isVisible() and self.finds:
            return self.previous_find()
        if self.hits:
            self.current = (self.current - 1) % len(self.hits)
            self._go(self.hits[self.current][0])
            self._update_selections()

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.find_text(self.find_edit.text())

    def close_find(self) -> None:
        self.find_bar.hide()
        self.finds, self.find_current = [], -1
        self._update_selections()
        self.browser.setFocus()

    def find_text(self, text: str) -> None:
        plain = self.plain_text()
        spans = find_spans(plain, [text], whole_words=False) if text and self.story is not None else []
        self.finds = self._doc_spans(plain, spans)
        self.find_current = 0 if self.finds else -1
        if self.finds:
            self._go(self.finds[0][0])
        self._update_selections()

    def next_find(self) -> None:
        if self.finds:
            self.find_current = (self.find_current + 1) % len(self.finds)
            self._go(self.finds[self.find_current][0])
            self._update_selections()

    def previous_find(self) -> None:
        if self.finds:
            self.find_current = (self.find_current - 1) % len(self.finds)
            self._go(self.finds[self.find_current][0])
            self._update_selections()

    def hit_texts(self) -> list[str]:
        """The displayed text of each marked hit (for tests and accessibility)."""
        plain = self.plain_text()
        starts = to_utf16(plain, list(range(len(plain) + 1)))
        back = {u: i for i, u in enumerate(starts)}
        return [plain[back[s] : back[e]] for s, e in self.hits]
