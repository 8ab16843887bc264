"""The main window: search bar, filter panel, results list and reading pane, wired to the core.

Searches, page loads, imports and exports run through a :class:`Runner`;
each search carries a sequence number and results of an older search are
dropped. The window never touches Whoosh or SQLite from another thread: the
index is thread-safe for search, user data stays on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.gui import i18n, theme
from reader.gui.dialogs.export import ExportDialog
from reader.gui.dialogs.importprogress import ImportProgress
from reader.gui.dialogs.preferences import PreferencesDialog, script_names
from reader.gui.i18n import translate_note
from reader.gui.importing import ImportMixin
from reader.gui.models.results import PAGE_SIZE, ResultsModel
from reader.gui.settings import SCRIPTS, Settings
from reader.gui.userops import UserDataMixin
from reader.gui.views.filterpanel import FilterPanel
from reader.gui.views.reading import ReadingPane
from reader.gui.views.results import ResultsView
from reader.gui.views.searchbar import SearchBar
from reader.gui.workers import Job, Runner, guarded
from reader.index.results import Results, SearchRequest
from reader.service.search import allowed_ids, restricted_search


class MainWindow(UserDataMixin, ImportMixin, QMainWindow):
    """One library: its index (``ArchiveIndex``) and user data (``UserData``)."""

    results_shown = Signal(int)  # total, after a search's results are shown
    import_done = Signal(object)  # ImportReport or an error message
    story_shown = Signal(str)

    def __init__(self, home: Path, index, userdata, settings: Settings, runner: Runner | None = None) -> None:
        super().__init__()
        self.home, self.index, self.userdata, self.settings = Path(home), index, userdata, settings
        # Long work (import, export, tags) and searches get their own pools, so a
        # long import never keeps a search waiting.
        self._runner_arg = runner  # handed on to a window rebuilt in another language
        self.runner = runner or Runner(self)
        self.search_runner = runner or Runner(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("reader — Chinese news archive"))
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "reader.svg")))
        self.setAcceptDrops(True)
        self._seq = 0
        self._shown_seq = 0
        self._results = Results(hits=[], total=0)
        self._import_job: Job | None = None
        self._import_queue: list[list[Path]] = []
        self._current_id = ""
        self._allowed: set[str] | None = None
        self._pending_sizes: list[int] = []
        self._keep_story = False
        self._last_live_refresh = 0.0
        self.script = settings.script
        self.theme = settings.theme

        self.search_bar = SearchBar(self)
        self.filter_panel = FilterPanel(self)
        self.model = ResultsModel(self._search, self.search_runner, self)
        self.model.set_script(self.script)
        self.results_view = ResultsView(self)
        self.results_view.setModel(self.model)
        self.reading = ReadingPane(self)
        self.reading.script = self.script
        self.reading.zoom = settings.zoom

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(0)
        lv.addWidget(self.search_bar)
        lv.addWidget(self.results_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([240, 420, 620])
        self.setCentralWidget(self.splitter)

        self.import_progress = ImportProgress(self)
        self.import_progress.cancel_requested.connect(self.cancel_import)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.import_problems_button = QPushButton(self.tr("Import problems…"), self)
        self.import_problems_button.setObjectName("importProblemsButton")
        self.import_problems_button.setFlat(True)
        self.import_problems_button.clicked.connect(self.show_import_problems)
        self.import_problems_button.hide()
        self.statusBar().addPermanentWidget(self.import_problems_button)
        self._last_import_report = None
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

        self._make_actions()
        self.search_bar.search_requested.connect(lambda _q: self.search_now())
        self.search_bar.submitted.connect(self._remember_query)
        self.search_bar.sort_changed.connect(self._on_sort)
        self.filter_panel.changed.connect(self.search_now)
        self.results_view.story_selected.connect(self.open_story)
        self.results_view.star_clicked.connect(self.set_bookmark)
        self.results_view.setMouseTracking(True)
        self.results_view.open_requested.connect(lambda _id: self.reading.browser.setFocus())
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.customContextMenuRequested.connect(self._results_menu)
        self.model.page_failed.connect(
            lambda msg: self.statusBar().showMessage(self.tr("Search failed: %1").replace("%1", msg), 8000)
        )
        self.reading.bookmark_toggled.connect(self.set_bookmark)
        self.reading.note_changed.connect(self._save_note)
        self.reading.add_tag_requested.connect(lambda _id: self.add_user_tag())
        self.reading.tag_clicked.connect(self._tag_menu)

        self.search_bar.set_history(settings.history)
        self.search_bar.set_sort(settings.sort)
        self.search_bar.set_text(settings.last_query, search=False)
        self._restore_geometry()
        self.apply_theme(self.theme)
        self.refresh_user_data()
        self._update_count()

    # -- actions --------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, menu: QMenu | None = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            self.tr("Import files…"),
            self.import_files_dialog,
            QKeySequence.StandardKey.Open,
            file_menu,
            "importFiles",
        )
        self._action(
            self.tr("Import folder…"), self.import_folder_dialog, "Ctrl+Shift+O", file_menu, "importFolder"
        )
        self._action(self.tr("Export…"), self.open_export, "Ctrl+E", file_menu, "export")
        file_menu.addSeparator()
        self._action(self.tr("Preferences…"), self.open_preferences, "Ctrl+,", file_menu, "preferences")
        file_menu.addSeparator()
        self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit = bar.addMenu(self.tr("&Search"))
        self._action(self.tr("Go to search box"), self.search_bar.focus, "Ctrl+L", edit, "focusSearch")
        self._action(
            self.tr("Find in story"), self.reading.open_find, QKeySequence.StandardKey.Find, edit, "find"
        )
        self._action(self.tr("Next hit"), self.reading.next_hit, "F3", edit, "nextHit")
        self._action(self.tr("Previous hit"), self.reading.previous_hit, "Shift+F3", edit, "previousHit")
        self._action(
            self.tr("Clear filters"),
            self.filter_panel.clear_all,
            "Ctrl+Shift+Backspace",
            edit,
            "clearFilters",
        )

        view = bar.addMenu(self.tr("&View"))
        self.script_group = QActionGroup(self)
        names = script_names(self)
        self.script_actions: dict[str, QAction] = {}
        for i, key in enumerate(SCRIPTS):
            act = QAction(names[key], self, checkable=True)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.setChecked(key == self.script)
            act.triggered.connect(lambda _c=False, k=key: self.set_script(k))
            self.script_group.addAction(act)
            self.script_actions[key] = act
            self.addAction(act)
            view.addAction(act)
        view.addSeparator()
        self.dark_action = QAction(self.tr("Dark theme"), self, checkable=True)
        self.dark_action.setChecked(self.theme == "dark")
        self.dark_action.triggered.connect(lambda on: self.apply_theme("dark" if on else "light"))
        view.addAction(self.dark_action)
        self._action(self.tr("Larger text"), self._zoom_in, ["Ctrl+=", "Ctrl++"], view, "zoomIn")
        self._action(self.tr("Smaller text"), self._zoom_out, "Ctrl+-", view, "zoomOut")

        marks = bar.addMenu(self.tr("&Bookmarks"))
        self._action(
            self.tr("Bookmark this story"), self.reading.toggle_bookmark, "Ctrl+D", marks, "bookmark"
        )
        self._action(
            self.tr("Edit note"), lambda: self.reading.note_btn.setChecked(True), "Ctrl+Shift+N", marks
        )
        self._action(self.tr("Add selected to collection…"), self.add_selection_to_collection, None, marks)
        self._action(self.tr("Show bookmarks only"), self.filter_panel.bookmarked.toggle, "Ctrl+B", marks)

        tools = self.addToolBar(self.tr("Tools"))
        tools.setObjectName("toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name, icon in (("importFolder", "import.svg"), ("export", "export.svg")):
            action = self.findChild(QAction, name)
            action.setIcon(QIcon(str(paths.resources_dir() / "icons" / icon)))
            tools.addAction(action)
        tools.addSeparator()
        for act in self.script_actions.values():
            tools.addAction(act)
        tools.addSeparator()
        tools.addAction(self.dark_action)

    # -- search ---------------------------------------------------------
    def current_request(self, page_size: int = PAGE_SIZE) -> SearchRequest:
        return SearchRequest(
            query=self.search_bar.text().strip(),
            filters=self.filter_panel.filters(),
            sort=self.search_bar.sort_key(),
            page=1,
            page_size=page_size,
        )

    def _allowed_ids(self) -> set[str] | None:
        if self.userdata is None:
            return None
        return allowed_ids(
            self.userdata,
            bookmarked=self.filter_panel.bookmarked_only(),
            collections=self.filter_panel.selected_collections(),
        )

    def _search(self, request: SearchRequest) -> Results:
        """Runs on a worker thread: the index search, or restricted to bookmarks/collections."""
        return restricted_search(self.index, request, self._allowed)

    def search_now(self, keep_story: bool = False) -> None:
        """Start a search for the current query and filters (results arrive in a slot).

        ``keep_story``: a refresh (e.g. while importing) that leaves the story being
        read open when it is still among the results.
        """
        self._seq += 1
        seq = self._seq
        self._keep_story = keep_story
        request = self.current_request()
        self._allowed = self._allowed_ids()
        allowed = self._allowed
        index = self.index
        job = Job(lambda _job: restricted_search(index, request, allowed), name=f"search {seq}")
        job.signals.finished.connect(guarded(self, lambda res, s=seq, r=request: self._on_results(s, r, res)))
        job.signals.failed.connect(guarded(self, lambda msg, s=seq: self._on_search_failed(s, msg)))
        self.search_runner.start(job)

    def _on_results(self, seq: int, request: SearchRequest, results: Results) -> None:
        if seq != self._seq:
            return  # a newer search is under way: drop stale results
        self._shown_seq = seq
        self._results = results
        self.model.reset_results(request, results)
        self.search_bar.set_total(results.total)
        self.search_bar.set_notes([translate_note(n) for n in results.notes])
        self.filter_panel.set_facets(results.facets)
        self.results_view.set_empty_text(
            self._nothing_found_text(request, results) if not results.total else ""
        )
        if not results.total and self.reading.story is not None:  # nothing found: nothing to read
            self._current_id = ""
            self.reading.show_story(None)
        self.results_shown.emit(results.total)
        # The list paints first; the first story opens right after (typing stays snappy).
        QTimer.singleShot(0, self, lambda s=seq: self._after_results(s))  # dropped if the window is gone

    def _nothing_found_text(self, request: SearchRequest, results: Results) -> str:
        """What to try when a search found nothing."""
        if self.index.count() == 0:
            if self.importing():
                return self.tr("Importing: stories appear here as they arrive.")
            return self.tr("The library is empty. Import news files or folders with File ▸ Import (Ctrl+O).")
        lines = []
        if request.query:
            lines.append(self.tr("No stories contain “%1”.").replace("%1", request.query))
            lines.append(
                self.tr(
                    "Try shorter or fewer words: any run of Chinese characters is found, in 简体 or 繁體."
                )
            )
        else:
            lines.append(self.tr("No stories match."))
        ticked = sum(len(v) for v in (request.filters or {}).values())
        if ticked or self.filter_panel.bookmarked_only() or self.filter_panel.selected_collections():
            lines.append(self.tr("Or clear the filters on the left (Clear filters)."))
        if results.notes:
            lines.append(self.tr("See the notes under the search box: part of the query was not used."))
        return "\n\n".join(lines)

    def _after_results(self, seq: int) -> None:
        if seq != self._seq:
            return
        terms = list(self._results.terms)
        row = self.model.row_of(self._current_id) if self._keep_story and self._current_id else -1
        if row >= 0:  # select it again without reopening it
            selection = self.results_view.selectionModel()
            selection.blockSignals(True)
            self.results_view.setCurrentIndex(self.model.index(row, 0))
            selection.blockSignals(False)
        elif self.model.rowCount() and not self.results_view.currentIndex().isValid():
            self.results_view.setCurrentIndex(self.model.index(0, 0))
        elif self._current_id and terms != self.reading.terms:
            self.reading.terms = terms
            self.reading._render(keep_scroll=True)

    def _on_search_failed(self, seq: int, message: str) -> None:
        if seq == self._seq:
            self.search_bar.set_notes([self.tr("Search failed: %1").replace("%1", message)])

    def _remember_query(self, query: str) -> None:
        self.search_bar.set_history(self.settings.remember_query(query))

    def _on_sort(self, key: str) -> None:
        self.settings.sort = key
        self.search_now()

    @property
    def results(self) -> Results:
        return self._results

    # -- reading --------------------------------------------------------
    def open_story(self, story_id: str, scroll_ratio: float | None = None) -> None:
        """Show the story in the reading pane (at the first hit, or ``scroll_ratio`` down it)."""
        story = self.index.get(story_id)
        if story is None:
            self.statusBar().showMessage(
                self.tr("Story %1 is no longer in the library.").replace("%1", story_id), 6000
            )
            return
        self._current_id = story_id
        ud = self.userdata
        bookmarked = ud.is_bookmarked(story_id) if ud else False
        note = ud.note(story_id) if ud else ""
        tags = list(story.tags)
        self.reading.show_story(story, self._results.terms, bookmarked=bookmarked, note=note, tags=tags)
        if ud is not None:
            try:
                ud.record_read(story_id)
            except Exception:  # history is a convenience; never block reading
                pass
        if scroll_ratio is not None:
            self.reading.set_scroll_ratio(scroll_ratio)
            QTimer.singleShot(
                0, self, lambda r=scroll_ratio: self.reading.set_scroll_ratio(r)
            )  # once laid out
        elif self._results.terms:
            self.reading.next_hit()
        self.story_shown.emit(story_id)

    def set_script(self, script: str) -> None:
        """Show results and the story in another script (remembered)."""
        if script not in SCRIPTS:
            return
        self.script = script
        self.settings.script = script
        self.script_actions[script].setChecked(True)
        self.model.set_script(script)
        self.filter_panel.set_script(script)
        self.reading.set_script(script)

    def apply_theme(self, name: str) -> None:
        self.theme = name
        self.settings.theme = name
        self.dark_action.setChecked(name == "dark")
        theme.apply(name)
        self.results_view.delegate.mark_color = "#ff8a65" if name == "dark" else "#c62828"
        self.results_view.viewport().update()
        self.reading.set_theme(name)

    def _zoom_in(self) -> None:
        self.reading.zoom_in()
        self.settings.zoom = self.reading.zoom

    def _zoom_out(self) -> None:
        self.reading.zoom_out()
        self.settings.zoom = self.reading.zoom

    def _update_count(self) -> None:
        try:
            self.count_label.setText(self.tr("%n stories in the library", "", self.index.count()))
        except Exception:  # index busy or closed: keep the last figure
            pass

    # -- dialogs --------------------------------------------------------
    def make_export_dialog(self) -> ExportDialog:
        return ExportDialog(
            self.index,
            self.userdata,
            self.runner,
            request=self.current_request(),
            total=self._results.total,
            selected_ids=self.results_view.selected_ids(),
            script=self.script,
            folder=self.settings.last_export_dir,
            settings=self.settings,
            parent=self,
        )

    def open_export(self) -> None:
        dialog = self.make_export_dialog()
        dialog.exported.connect(lambda p: setattr(self.settings, "last_export_dir", str(Path(p).parent)))
        dialog.exec()

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            changed = dialog.apply()
            if "theme" in changed:
                self.apply_theme(str(changed["theme"]))
            if "script" in changed:
                self.set_script(str(changed["script"]))
            if "zoom" in changed:
                self.reading.set_zoom(int(changed["zoom"]))
            if "language" in changed:
                self.switch_language(str(changed["language"]))

    def switch_language(self, setting: str) -> MainWindow | None:
        """Speak another interface language now: the window is rebuilt in it and replaces this one.

        The new window opens on the same library with the same geometry, query, script,
        theme and story (all kept in the settings). While an import runs the switch waits
        for the next start, so the import is never interrupted.
        """
        if self._import_job is not None:
            QMessageBox.information(
                self,
                self.tr("Language"),
                self.tr("The new language applies when reader is next started."),
            )
            return None
        app = QApplication.instance()
        self.save_state()
        i18n.install(app, setting)
        successor = MainWindow(self.home, self.index, self.userdata, self.settings, runner=self._runner_arg)
        app._reader_window = successor  # the application keeps its newest window alive
        successor.show()
        reading = self._current_id
        ratio = self.reading.scroll_ratio()
        successor._current_id = reading  # the first results keep it open, not the first hit
        successor.start(keep_story=bool(reading))
        if reading:
            successor.open_story(reading, scroll_ratio=ratio)
        self.close()
        return successor

    # -- state ----------------------------------------------------------
    def _restore_geometry(self) -> None:
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1280, 800)
        sizes = self.settings.splitter
        if len(sizes) == 3 and all(s >= 0 for s in sizes) and sum(sizes) > 0:
            self._pending_sizes = sizes  # applied once the window is laid out (showEvent)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending_sizes:
            self.splitter.setSizes(self._pending_sizes)
            self._pending_sizes = []

    def save_state(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.sizes()
        self.settings.last_query = self.search_bar.text()
        self.settings.script = self.script
        self.settings.theme = self.theme
        self.settings.zoom = self.reading.zoom
        self.reading.note.save()
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.save_state()
        self.cancel_import()
        for runner in {self.runner, self.search_runner}:
            runner.cancel_all()
            runner.wait(10000)
        super().closeEvent(event)
