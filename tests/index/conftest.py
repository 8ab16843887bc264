"""Index test fixtures: a small library of the helper records, tagged by the simple tagger."""

from __future__ import annotations

import pytest

from reader.index import open_index
from tests.helpers.records import RECORDS, simple_tagger, write_jsonl


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    """A library of RECORDS, one file per record, tagged by simple_tagger."""
    root = tmp_path_factory.mktemp("small")
    archive = root / "archive"
    for record in RECORDS:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    library = open_index(root / "home")
    report = library.update([archive], tagger=simple_tagger)
    assert report.added == len(RECORDS), report
    yield library
    library.close()
