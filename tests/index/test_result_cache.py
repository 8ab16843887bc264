"""The LRU cache of evaluated requests: paging re-uses it; any commit makes it stale."""

from __future__ import annotations

from reader.index import SearchRequest, open_index, search
from tests.helpers.records import RECORDS, write_jsonl


def counting(monkeypatch) -> list[int]:
    calls = [0]
    real = search._match

    def match(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(search, "_match", match)
    return calls


def test_paging_reuses_the_evaluation(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    write_jsonl(archive / "all.jsonl", RECORDS)
    library = open_index(tmp_path / "home")
    library.update([archive])
    calls = counting(monkeypatch)
    first = library.search(SearchRequest(query="上饶", page_size=1))
    assert calls[0] == 1 and first.total >= 2
    second = library.search(SearchRequest(query="上饶", page_size=1, page=2))
    assert calls[0] == 1  # same query, other page: no new evaluation
    assert second.total == first.total and second.hits[0].id != first.hits[0].id
    assert second.facets == first.facets
    second.facets["tag"].clear()  # callers may change what they get
    assert library.search(SearchRequest(query="上饶", page_size=1)).facets == first.facets
    library.search(SearchRequest(query="上饶", filters={"source": ["nobody"]}))
    assert calls[0] == 2  # other filters: evaluated
    library.close()


def test_a_commit_invalidates_cached_results(tmp_path):
    archive = tmp_path / "archive"
    write_jsonl(archive / "a.jsonl", RECORDS[:2])
    library = open_index(tmp_path / "home")
    library.update([archive])
    request = SearchRequest(query="南丰蜜桔")
    assert library.search(request).total == 0
    write_jsonl(archive / "b.jsonl", [{"id": "x1", "title": "南丰蜜桔丰收", "content": "抚州南丰蜜桔上市"}])
    library.update([archive])
    assert library.search(request).total == 1
    (archive / "b.jsonl").unlink()  # a deletion only (same segments, new generation)
    library.update([archive])
    assert library.search(request).total == 0
    library.set_tags(library.ids_for(SearchRequest())[0], ["user:看过"])
    assert library.search(SearchRequest(filters={"tag": ["user:看过"]})).total == 1
    library.close()
