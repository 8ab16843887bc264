"""Widgets of the main window: search bar, filter panel, results list, reading pane."""
