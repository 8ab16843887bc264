"""The main window: search bar, filter panel, results list and reading pane, wired to the core.

The window owns searching, reading, the view (script, theme, text size), the
menus and its saved state; bookmarks, notes, collections and tags go through
``controllers.userdata_actions``, importing through ``controllers.imports``.
Searches, page loads, imports and exports run through a :class:`Runner`;
each search carries a sequence number and results of an older search are
dropped. The window never touches Whoosh or SQLite from another thread: the
index is thread-safe for search, user data stays on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
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
from reader.gui.controllers.imports import ImportController, dropped_paths
from reader.gui.controllers.research import ResearchActions
from reader.gui.controllers.userdata_actions import UserDataActions
from reader.gui.dialogs.export import ExportDialog
from reader.gui.dialogs.importprogress import ImportProgress
from reader.gui.dialogs.preferences import PreferencesDialog, script_names
from reader.gui.diffhtml import differences_html
from reader.gui.i18n import translate_note
from reader.gui.models.results import PAGE_SIZE, ResultsModel
from reader.gui.settings import SCRIPTS, Settings
from reader.gui.views.filterpanel import FilterPanel
from reader.gui.views.reading import ReadingPane
from reader.gui.views.results import ResultsView
from reader.gui.views.searchbar import SearchBar
from reader.gui.workers import Job, Runner, guarded
from reader.index.results import Results, SearchRequest
from reader.index.snippets import hit_forms
from reader.service.reprints import grouped_request, reprint_group
from reader.service.search import allowed_ids, restricted_search
from reader.story import Story
from reader.userdata import UserData

if TYPE_CHECKING:  # the index is handed in; importing it here would only serve the types
    from reader.index.archive import ArchiveIndex


class MainWindow(QMainWindow):
    """One library: its index (``ArchiveIndex``) and user data (``UserData``).

    The window builds the panes and the status bar, wires them together and
    keeps search, reading, view settings and its own state; the user-data
    actions (:attr:`userdata_actions`) and importing (:attr:`imports`) are
    controllers it hands the parts they work on.
    """

    results_shown = Signal(int)  # total, after a search's results are shown
    import_done = Signal(object)  # ImportReport or an error message
    story_shown = Signal(str)

    def __init__(
        self,
        home: Path,
        index: ArchiveIndex,
        userdata: UserData | None,
        settings: Settings,
        runner: Runner | None = None,
    ) -> None:
        super().__init__()
        self.home, self.index, self.userdata, self.settings = Path(home), index, userdata, settings
        # Long work (import, export, tags) and searches get their own pools, so a
        # long import never keeps a search waiting.
        self._runner_arg = runner  # handed on to a window rebuilt in another language
        self.runner = runner or Runner(self)
        self.search_runner = runner or Runner(self)
        self._init_state()
        self._init_window()
        self._build_panes()
        self._build_status_bar()
        self._build_controllers()
        self._make_actions()
        self._connect_panes()
        self._restore_state()

    # -- building -------------------------------------------------------
    def _init_state(self) -> None:
        """The search sequence, the results shown, the story being read, script and theme."""
        self._seq = 0
        self._shown_seq = 0
        self._results = Results(hits=[], total=0)
        self._results_query = ""  # the query the shown results answer
        self._current_id = ""
        self._allowed: set[str] | None = None
        self._pending_sizes: list[int] = []
        self._keep_story = False
        self.script = self.settings.script
        self.theme = self.settings.theme

    def _init_window(self) -> None:
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("reader — Chinese news archive"))
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "reader.svg")))
        self.setAcceptDrops(True)

    def _build_panes(self) -> None:
        """Filter panel | search bar over the results | reading pane, in a splitter."""
        self.search_bar = SearchBar(self)
        self.filter_panel = FilterPanel(self)
        self.model = ResultsModel(self._search, self.search_runner, self)
        self.model.set_script(self.script)
        self.results_view = ResultsView(self)
        self.results_view.setModel(self.model)
        self.reading = ReadingPane(self)
        self.reading.script = self.script
        self.reading.zoom = self.settings.zoom

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(0)
        lv.addWidget(self.search_bar)
        self._results_column = lv  # the research controller puts the timeline above the results
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

    def _build_status_bar(self) -> None:
        """Import progress, the import-problems button and the library count."""
        self.import_progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.import_problems_button = QPushButton(self.tr("Import problems…"), self)
        self.import_problems_button.setObjectName("importProblemsButton")
        self.import_problems_button.setFlat(True)
        self.import_problems_button.hide()
        self.statusBar().addPermanentWidget(self.import_problems_button)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_controllers(self) -> None:
        self.userdata_actions = UserDataActions(
            self,
            home=self.home,
            index=self.index,
            userdata=self.userdata,
            runner=self.runner,
            model=self.model,
            results_view=self.results_view,
            filter_panel=self.filter_panel,
            reading=self.reading,
            status=self.statusBar(),
            current_id=lambda: self._current_id,
            search_again=self.search_now,
            open_export=self.open_export,
        )
        self.imports = ImportController(
            self,
            index=self.index,
            userdata=self.userdata,
            settings=self.settings,
            runner=self.runner,
            progress=self.import_progress,
            problems_button=self.import_problems_button,
            status=self.statusBar(),
            show_arrivals=self._show_arrivals,
            on_done=self.import_done.emit,
        )
        self.research = ResearchActions(
            self,
            index=self.index,
            userdata=self.userdata,
            runner=self.search_runner,
            filter_panel=self.filter_panel,
            reading=self.reading,
            status=self.statusBar(),
            request=self.current_request,
            allowed=lambda: self._allowed,
            set_query=lambda q: self.search_bar.set_text(q, search=False),
            search_again=self.search_now,
            open_story=self.open_story,
            refresh_user_data=self.userdata_actions.refresh_user_data,
            script=lambda: self.script,
            history=self.search_bar.history,
        )
        self._results_column.insertWidget(1, self.research.timeline_panel)

    def _connect_panes(self) -> None:
        """What the search bar, filter panel, results and reading pane ask for."""
        actions = self.userdata_actions
        self.search_bar.search_requested.connect(lambda _q: self.search_now())
        self.search_bar.submitted.connect(self._remember_query)
        self.search_bar.sort_changed.connect(self._on_sort)
        self.filter_panel.changed.connect(self.search_now)
        self.results_view.story_selected.connect(self.open_story)
        self.results_view.star_clicked.connect(actions.set_bookmark)
        self.results_view.setMouseTracking(True)
        self.results_view.open_requested.connect(lambda _id: self.reading.browser.setFocus())
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.customContextMenuRequested.connect(actions.results_menu)
        self.model.page_failed.connect(
            lambda msg: self.statusBar().showMessage(self.tr("Search failed: %1").replace("%1", msg), 8000)
        )
        self.reading.bookmark_toggled.connect(actions.set_bookmark)
        self.reading.copy_chosen.connect(self.open_story)
        self.reading.differences_toggled.connect(self._show_differences)
        self.reading.note_changed.connect(actions.save_note)
        self.reading.add_tag_requested.connect(lambda _id: actions.add_user_tag())
        self.reading.tag_clicked.connect(actions.tag_menu)

    def _restore_state(self) -> None:
        """History, sort, last query, geometry, theme, user data and the library count."""
        self.search_bar.set_history(self.settings.history)
        self.search_bar.set_sort(self.settings.sort)
        self.search_bar.set_text(self.settings.last_query, search=False)
        self._restore_geometry()
        self.apply_theme(self.theme)
        self.userdata_actions.refresh_user_data()
        self.research.refresh_saved()
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
        """The menus, their shortcuts and the toolbar."""
        bar = self.menuBar()
        import_folder, export = self._file_menu(bar.addMenu(self.tr("&File")))
        self._search_menu(bar.addMenu(self.tr("&Search")))
        self._view_menu(bar.addMenu(self.tr("&View")))
        self._bookmarks_menu(bar.addMenu(self.tr("&Bookmarks")))
        self.research.build_menu(bar.addMenu("Research"))  # the controller names it in its own words
        self._toolbar([(import_folder, "import.svg"), (export, "export.svg")])

    def _file_menu(self, menu: QMenu) -> tuple[QAction, QAction]:
        """Import, export, preferences, quit; returns the import-folder and export actions."""
        imports = self.imports
        self._action(
            self.tr("Import files…"),
            imports.import_files_dialog,
            QKeySequence.StandardKey.Open,
            menu,
            "importFiles",
        )
        import_folder = self._action(
            self.tr("Import folder…"), imports.import_folder_dialog, "Ctrl+Shift+O", menu, "importFolder"
        )
        export = self._action(self.tr("Export…"), self.open_export, "Ctrl+E", menu, "export")
        menu.addSeparator()
        self._action(self.tr("Preferences…"), self.open_preferences, "Ctrl+,", menu, "preferences")
        menu.addSeparator()
        self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, menu)
        return import_folder, export

    def _search_menu(self, menu: QMenu) -> None:
        self._action(self.tr("Go to search box"), self.search_bar.focus, "Ctrl+L", menu, "focusSearch")
        self._action(
            self.tr("Find in story"), self.reading.open_find, QKeySequence.StandardKey.Find, menu, "find"
        )
        self._action(self.tr("Next hit"), self.reading.next_hit, "F3", menu, "nextHit")
        self._action(self.tr("Previous hit"), self.reading.previous_hit, "Shift+F3", menu, "previousHit")
        self._action(
            self.tr("Show every copy of reprints"),
            self.filter_panel.all_copies.toggle,
            "Ctrl+Shift+R",
            menu,
            "allCopies",
        )
        self._action(
            self.tr("Clear filters"),
            self.filter_panel.clear_all,
            "Ctrl+Shift+Backspace",
            menu,
            "clearFilters",
        )

    def _view_menu(self, menu: QMenu) -> None:
        """One checkable action per script (Ctrl+1…), the dark theme, text size."""
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
            menu.addAction(act)
        menu.addSeparator()
        self.dark_action = QAction(self.tr("Dark theme"), self, checkable=True)
        self.dark_action.setChecked(self.theme == "dark")
        self.dark_action.triggered.connect(lambda on: self.apply_theme("dark" if on else "light"))
        menu.addAction(self.dark_action)
        self._action(self.tr("Larger text"), self._zoom_in, ["Ctrl+=", "Ctrl++"], menu, "zoomIn")
        self._action(self.tr("Smaller text"), self._zoom_out, "Ctrl+-", menu, "zoomOut")
        menu.addSeparator()
        self._action(
            self.tr("Differences from the original"),
            self.reading.toggle_differences,
            "Ctrl+Shift+D",
            menu,
            "differences",
        )

    def _bookmarks_menu(self, menu: QMenu) -> None:
        self._action(self.tr("Bookmark this story"), self.reading.toggle_bookmark, "Ctrl+D", menu, "bookmark")
        self._action(
            self.tr("Edit note"), lambda: self.reading.note_btn.setChecked(True), "Ctrl+Shift+N", menu
        )
        self._action(
            self.tr("Add selected to collection…"),
            self.userdata_actions.add_selection_to_collection,
            None,
            menu,
        )
        self._action(self.tr("Show bookmarks only"), self.filter_panel.bookmarked.toggle, "Ctrl+B", menu)

    def _toolbar(self, with_icons: list[tuple[QAction, str]]) -> None:
        """``with_icons`` (action, icon file), then the scripts, then the dark theme."""
        tools = self.addToolBar(self.tr("Tools"))
        tools.setObjectName("toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action, icon in with_icons:
            action.setIcon(QIcon(str(paths.resources_dir() / "icons" / icon)))
            tools.addAction(action)
        tools.addSeparator()
        for act in self.script_actions.values():
            tools.addAction(act)
        tools.addSeparator()
        tools.addAction(self.dark_action)

    # -- start and import ----------------------------------------------
    def start(self, keep_story: bool = False) -> None:
        """After the window shows: rebuild or first-run import, then the first search.

        An index reset by a new index format is rebuilt from every folder imported
        before (the user's own, not only the bundled archive); an empty library gets
        the bundled archive.
        """
        if self.index.rebuild_pending:
            self.imports.import_paths([])  # no paths: the roots imported before
        elif self.index.count() == 0 and paths.bundled_archive().is_dir():
            self.imports.import_paths([paths.bundled_archive()])
        self.search_now(keep_story=keep_story)

    def importing(self) -> bool:
        """Whether an import runs now (the empty-library text and the start-up smoke test ask)."""
        return self.imports.importing()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        items = dropped_paths(event.mimeData())
        if items:
            event.acceptProposedAction()
            self.imports.import_paths(items)

    # -- search ---------------------------------------------------------
    def current_request(self, page_size: int = PAGE_SIZE) -> SearchRequest:
        date_from, date_to = self.research.date_range()  # a period chosen on the timeline
        request = SearchRequest(
            query=self.search_bar.text().strip(),
            filters=self.filter_panel.filters(),
            date_from=date_from,
            date_to=date_to,
            sort=self.search_bar.sort_key(),
            page=1,
            page_size=page_size,
        )
        bookmarked = {b.id for b in self.userdata.bookmarks()} if self.userdata is not None else set()
        return grouped_request(request, bookmarked, self.filter_panel.all_copies_shown())

    def _allowed_ids(self) -> set[str] | None:
        if self.userdata is None:
            return None
        return allowed_ids(
            self.userdata,
            bookmarked=self.filter_panel.bookmarked_only(),
            collections=self.filter_panel.selected_collections(),
        )

    def _search(self, request: SearchRequest) -> Results:
        """Runs on a worker thread: another page of the search shown (restricted as it was)."""
        return self._search_library(request, self._allowed)

    def _search_library(self, request: SearchRequest, allowed: set[str] | None) -> Results:
        """The window's one search (worker thread): the index, restricted to ``allowed`` ids when given."""
        return restricted_search(self.index, request, allowed)

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
        job = Job(lambda _job: self._search_library(request, allowed), name=f"search {seq}")
        job.signals.finished.connect(guarded(self, lambda res, s=seq, r=request: self._on_results(s, r, res)))
        job.signals.failed.connect(guarded(self, lambda msg, s=seq: self._on_search_failed(s, msg)))
        self.search_runner.start(job)

    def _on_results(self, seq: int, request: SearchRequest, results: Results) -> None:
        if seq != self._seq:
            return  # a newer search is under way: drop stale results
        self._shown_seq = seq
        self._results = results
        self._results_query = request.query
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
        self.research.update_timeline()
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
        story = self.reading.story
        if story is not None and story.id == self._current_id:  # what this query matched in it
            self.reading.set_forms(*self._forms_of(story))

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

    def _show_arrivals(self) -> None:
        """While and after importing: the new library count, the results with what arrived, and
        the saved searches' new-story badges."""
        self._update_count()
        self.research.refresh_saved()
        self.search_now(keep_story=True)

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
        forms, by_pinyin = self._forms_of(story)
        self.reading.show_story(
            story,
            self._results.terms,
            bookmarked=bookmarked,
            note=note,
            tags=tags,
            forms=forms,
            by_pinyin=by_pinyin,
        )
        group = reprint_group(self.index, story_id, diffs=False)
        self.reading.show_reprints(group.copies if group is not None else [])
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

    def _show_differences(self, on: bool) -> None:
        """The reading pane's Differences: the copy against its original (the original: every copy)."""
        story = self.reading.story
        if not on or story is None:
            return
        group = reprint_group(self.index, story.id)
        if group is None or len(group.copies) < 2:
            return
        diffs = [d for d in group.diffs if d.copy.id == story.id] or group.diffs
        labels = {
            "title": self.tr("What the copies changed"),
            "against": self.tr("《%1》 against the original 《%2》"),
            "copy": self.tr("copy"),
            "original": self.tr("original"),
            "similarity": self.tr("%1 of the text alike"),
            "same": self.tr("The same paragraphs as the original."),
        }
        self.reading.show_differences(
            differences_html(group.original, diffs, self.reading.script, self.reading.theme, labels)
        )

    def _forms_of(self, story: Story) -> tuple[list[tuple[str, str]], bool]:
        """Where ``story`` prints the shown query's hits in other characters, and whether by pinyin."""
        results, query = self._results, self._results_query
        forms = hit_forms(story, query, results.terms, results.pinyin) if query else []
        return forms, bool(results.pinyin)

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
        self.research.timeline_panel.chart.dark = name == "dark"

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
        if self.imports.importing():
            QMessageBox.information(
                self,
                self.tr("Language"),
                self.tr("The new language applies when reader is next started."),
            )
            return None
        app = QApplication.instance()
        assert app is not None  # a window lives inside a running application
        self.save_state()
        i18n.install(app, setting)
        successor = MainWindow(self.home, self.index, self.userdata, self.settings, runner=self._runner_arg)
        # The application keeps its newest window alive (nothing else holds a rebuilt one);
        # an attribute of our own on the Qt object, which its stubs cannot know.
        app._reader_window = successor  # type: ignore[attr-defined]
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
        self.imports.cancel()
        for runner in {self.runner, self.search_runner}:
            runner.cancel_all()
            runner.wait(10000)
        super().closeEvent(event)
