"""The typed settings wrapper: defaults, validation, persistence, history."""

import pytest

from reader.gui.settings import HISTORY_SIZE, Settings


def test_defaults(settings):
    assert settings.script == "zh-hans"
    assert settings.theme == "light"
    assert settings.language == "auto"
    assert settings.last_query == ""
    assert settings.history == []
    assert settings.splitter == []


def test_values_survive_a_new_instance(tmp_path):
    first = Settings(tmp_path / "s.ini")
    first.script = "zh-tw"
    first.theme = "dark"
    first.last_query = "马家柚"
    first.splitter = [200, 400, 600]
    first.zoom = 3
    first.sync()
    again = Settings(tmp_path / "s.ini")
    assert (again.script, again.theme, again.last_query, again.splitter, again.zoom) == (
        "zh-tw",
        "dark",
        "马家柚",
        [200, 400, 600],
        3,
    )


def test_bad_values_are_refused_and_bad_stored_values_fall_back(tmp_path):
    s = Settings(tmp_path / "s.ini")
    with pytest.raises(ValueError):
        s.script = "klingon"
    s._qs.setValue("reading/script", "klingon")
    s._qs.setValue("reading/zoom", "many")
    assert s.script == "zh-hans"
    assert s.zoom == 0


def test_history_is_most_recent_first_deduplicated_and_bounded(settings):
    for i in range(HISTORY_SIZE + 5):
        settings.remember_query(f"q{i}")
    settings.remember_query("q10")
    items = settings.history
    assert items[0] == "q10"
    assert len(items) == HISTORY_SIZE
    assert items.count("q10") == 1


def test_the_script_labels_lupdate_sees_are_the_ones_the_menu_builds():
    from reader.gui.dialogs.preferences import SCRIPT_LABELS
    from reader.text import scripts

    assert SCRIPT_LABELS == tuple(s.label for s in scripts.ALL)
