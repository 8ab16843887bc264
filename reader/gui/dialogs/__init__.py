"""Dialogs and small editors: import progress, preferences, export, note editor."""
