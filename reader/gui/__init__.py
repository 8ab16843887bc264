"""The desktop app's widgets, a thin layer over the core packages.

``mainwindow`` wires the ``views`` (search bar, filter panel, results list,
reading pane) and ``models`` to the library's index and user data, and hands
the user-data actions and importing to the ``controllers``; slow work goes
through ``workers``; ``settings`` wraps QSettings; ``i18n`` loads the
interface catalogs; ``dialogs`` holds import progress, preferences, export and
the note editor.
"""
