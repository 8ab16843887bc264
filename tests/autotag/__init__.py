"""Tests for reader.autotag."""
