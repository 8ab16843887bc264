"""Hostile queries: lone surrogates, a leading ``-`` on the command line, the whole library as one page.

Also a small seeded slice of ``bench/fuzz_queries.py`` (the full run is 10,000 queries).
"""

from __future__ import annotations

import json

import pytest

from reader.index import SearchRequest, open_index
from reader.index.results import MAX_PAGE_SIZE
from tests.cli.test_index import reader
from tests.helpers.records import RECORDS, write_jsonl
from tests.index.test_fuzz_import import _bench


@pytest.fixture
def library_home(tmp_path):
    archive = tmp_path / "archive"
    for record in RECORDS:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    home = tmp_path / "home"
    library = open_index(home)
    library.update([archive])
    library.close()
    return home


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(query="上饶\ud800"),
        SearchRequest(query="上饶", date_from="\udfff"),
        SearchRequest(query="", filters={"tag": ["place:\ud800"]}),
        SearchRequest(query="马家柚", ids=["\udc80", "x\x00"]),
    ],
)
def test_lone_surrogates_and_nuls_are_noted_not_raised(library_home, request_):
    library = open_index(library_home)
    results = library.search(request_)
    assert any("not valid text" in note for note in results.notes)
    library.ids_for(request_)
    library.close()


def test_whole_library_as_one_page_is_capped_with_a_note(library_home):
    library = open_index(library_home)
    results = library.search(SearchRequest(query="", page_size=10**9))
    assert results.page_size == MAX_PAGE_SIZE
    assert len(results.hits) == results.total == library.count()
    assert any(f"at most {MAX_PAGE_SIZE}" in note for note in results.notes)
    library.close()


def test_cli_search_takes_a_leading_minus_term_as_a_query(library_home):
    everything = json.loads(reader("search", "--json", home=library_home).stdout)["total"]
    result = reader("search", "-上饶", "--json", home=library_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 0 < data["total"] < everything  # NOT 上饶
    both = reader("search", "马家柚", "-上饶", home=library_home)
    assert both.returncode == 0, both.stderr
    bad = reader("search", "--nosuchoption", home=library_home)
    assert bad.returncode == 2  # real unknown options still refused


def test_seeded_slice_of_the_query_fuzzer():
    figures = _bench("fuzz_queries").run(n=300, cli=40, seed=7, stories=80)
    assert figures["exceptions"] == 0, figures["first_errors"]
    assert figures["cli_failures"] == 0, figures["first_cli_failures"]
    assert figures["queries"] == 300 and figures["library_size"] > 80
