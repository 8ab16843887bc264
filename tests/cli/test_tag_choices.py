"""A librarian's choices about automatic tags survive ``reader index --rebuild``."""

from __future__ import annotations

import json
import shutil

from reader import paths
from tests.helpers.cli import reader

SEED = "000_d96a957ce2900ba2.txt"


def _facet(home, name: str) -> dict[str, int]:
    run = reader("search", "", "--json", home=home)
    assert run.returncode == 0, run.stderr
    return dict(map(tuple, json.loads(run.stdout)["facets"][name]))


def test_renamed_and_hidden_automatic_tags_survive_a_rebuild(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(paths.bundled_archive() / SEED, archive / SEED)
    home = tmp_path / "home"
    assert reader("index", str(archive), home=home).returncode == 0
    tags = _facet(home, "tag")
    assert "topic:马家柚" in tags and "place:广丰区" in tags

    story = json.loads(reader("search", "马家柚", "--json", home=home).stdout)["hits"][0]["id"]
    assert reader("tag", "rename", "topic:马家柚", "topic:广丰马家柚", home=home).returncode == 0
    assert reader("tag", "hide", story, "place:广丰区", home=home).returncode == 0

    for args in (("index",), ("index", "--rebuild")):
        assert reader(*args, home=home).returncode == 0
        tags = _facet(home, "tag")
        assert "topic:马家柚" not in tags, args
        assert tags.get("topic:广丰马家柚", 0) >= 1, args
        shown = json.loads(reader("show", story, "--json", home=home).stdout)["tags"]
        assert "place:广丰区" not in shown and "topic:广丰马家柚" in shown, args
