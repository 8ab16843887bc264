"""Tests for reader.tags."""
