"""A small seeded slice of ``bench/kill_import.py`` (the full run: 20 kills during imports of 1,000 files)."""

from __future__ import annotations

import os

import pytest

from tests.index.test_fuzz_import import _bench


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL of a process group is POSIX")
def test_seeded_slice_of_the_kill_trials():
    f = _bench("kill_import").run(trials=3, files=40, seed=4)  # one rebuild, one incremental, one fresh
    assert f["passed"] == f["trials"] == 3, f["failures"]
    assert f["by_kind"] == {"rebuild": (1, 1), "incremental": (1, 1), "fresh": (1, 1)}
