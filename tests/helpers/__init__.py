"""Helpers shared by the test modules (records, CLI runner, export and GUI helpers, fakes)."""
