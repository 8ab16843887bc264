"""``reader userdata import`` of hostile files: a clear message, exit 1, and nothing changed.

Before, deep nesting, oversized integers and out-of-range dates ended in a traceback, a FIFO
hung the import and /dev/zero was read until memory ran out.
"""

from __future__ import annotations

import json
import os
import threading

import pytest

from reader.userdata import UserData
from tests.cli.test_index import reader

GOOD_TIME = "2024-05-01T00:00:00+00:00"


def _file(**sections) -> str:
    return json.dumps({"format": "reader-userdata", "version": 2, **sections})


HOSTILE = {
    "deep-nesting": '{"format": "reader-userdata", "version": 2, "bookmarks": '
    + "[" * 100_000
    + "]" * 100_000
    + "}",
    "huge-int-version": '{"format": "reader-userdata", "version": ' + "9" * 5000 + "}",
    "huge-times": _file(history=[{"id": "abc", "last_read": GOOD_TIME, "times": 10**30}]),
    "date-out-of-range": _file(bookmarks=[{"id": "abc", "created": "99999-01-01T00:00:00"}]),
    "date-wrong-type": _file(bookmarks=[{"id": "abc", "created": [1, 2]}]),
    "id-wrong-type": _file(bookmarks=[{"id": {"x": 1}, "created": GOOD_TIME}]),
    "id-path": _file(bookmarks=[{"id": "../../etc/passwd", "created": GOOD_TIME}]),
    "id-backslash": _file(notes=[{"id": "..\\..\\x", "text": "n", "updated": GOOD_TIME}]),
    "id-nul": _file(bookmarks=[{"id": "ab\u0000c", "created": GOOD_TIME}]),
    "id-surrogate": _file(bookmarks=[{"id": "ab\ud800", "created": GOOD_TIME}]),
    "note-surrogate": _file(notes=[{"id": "abc", "text": "x\udfff", "updated": GOOD_TIME}]),
    "section-wrong-type": _file(collections={"name": "x"}),
    "items-wrong-type": _file(collections=[{"name": "c", "created": GOOD_TIME, "items": "abc"}]),
    "top-level-list": "[1, 2, 3]",
    "not-json": "\x00\x01garbage",
    "huge-id": _file(bookmarks=[{"id": "a" * 100_000, "created": GOOD_TIME}]),
}


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    with UserData.open(home) as ud:
        ud.add_bookmark("0123456789abcdef", note="keep me")
    return home


def _state(home) -> str:
    with UserData.open(home) as ud:
        out = home.parent / "state.json"
        ud.export_json(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("exported")
    return json.dumps(data, sort_keys=True)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_and_changes_nothing(home, tmp_path, name):
    before = _state(home)
    path = tmp_path / f"{name}.json"
    path.write_bytes(HOSTILE[name].encode("utf-8", "surrogatepass"))
    result = reader("userdata", "import", str(path), home=home)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("reader: ") and "Traceback" not in result.stderr
    assert (
        "nothing was imported" in result.stderr or "not a" in result.stderr or "bad format" in result.stderr
    )
    assert _state(home) == before


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_fifo_and_device_are_refused_without_reading(home, tmp_path, kind):
    before = _state(home)
    if kind == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
    else:
        path = tmp_path / "zero.json"
        path.symlink_to("/dev/zero")
    results: list = []
    worker = threading.Thread(
        target=lambda: results.append(reader("userdata", "import", str(path), home=home)), daemon=True
    )
    worker.start()
    worker.join(30)
    assert results, "userdata import hung"
    assert results[0].returncode == 1 and "not a regular file" in results[0].stderr
    assert _state(home) == before


def test_oversized_file_is_refused_before_reading(home, tmp_path, monkeypatch):
    from reader.userdata import transfer

    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(
        _file(bookmarks=[{"id": f"{i:016x}", "created": GOOD_TIME} for i in range(100)]), encoding="utf-8"
    )
    before = _state(home)
    result = reader("userdata", "import", str(path), home=home)
    assert result.returncode == 1 and "too large" in result.stderr
    assert _state(home) == before
