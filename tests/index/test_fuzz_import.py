"""A small seeded slice of ``bench/fuzz_import.py`` (the full run: 131 good and 2,050 malformed files)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bench(name: str):
    """``bench/NAME.py`` loaded as a module (bench/ is scripts, not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, symlinks and byte file names are POSIX")
def test_seeded_slice_of_the_import_fuzzer():
    f = _bench("fuzz_import").run(seed=11, good=12, bad=70, big=False, timeout=300)
    assert f["hangs"] == 0 and not f["crashed"], f.get("stderr")
    assert f["junk_stories"] == 0, f["junk_imported"]
    assert f["unnamed_bad"] == []
    assert f["missing_good"] == [] and f["good_stories"] >= 12
    assert f["named"] >= f["bad_files"] - 1  # every bad file named (root can read the unreadable one)
