"""Per-segment arrays are saved beside their segment, re-used, rebuilt when damaged, removed with it."""

from __future__ import annotations

import zipfile

from reader.index import SearchRequest, open_index
from reader.index.segdata import date_key
from tests.helpers.records import RECORDS, simple_tagger, write_jsonl


def _sidecars(library):
    return sorted(p.name for p in library.dir.iterdir() if p.name.endswith(".facets.npz"))


def _segments(library):
    return sorted(p.name.split(".")[0] for p in library.dir.iterdir() if p.name.endswith(".seg"))


def test_sidecars_follow_segments(tmp_path):
    archive = tmp_path / "archive"
    write_jsonl(archive / "a.jsonl", RECORDS[:3])
    library = open_index(tmp_path / "home")
    library.update([archive], tagger=simple_tagger)
    # written by the import itself, one per segment, deflated
    assert [name.split(".")[0] for name in _sidecars(library)] == _segments(library)
    for name in _sidecars(library):
        with zipfile.ZipFile(library.dir / name) as saved:
            assert {m.compress_type for m in saved.infolist()} == {zipfile.ZIP_DEFLATED}
    expected = library.search(SearchRequest(query="上饶"))
    library.close()

    # a damaged file is rebuilt and gives the same answers
    sidecar = library.dir / _sidecars(library)[0]
    sidecar.write_bytes(b"not an npz file")
    again = open_index(tmp_path / "home")
    results = again.search(SearchRequest(query="上饶"))
    assert results.total == expected.total and results.facets == expected.facets
    assert sidecar.stat().st_size > 100

    # when imports replace or merge segments, Whoosh removes their files, ours included
    for i, record in enumerate(RECORDS[3:]):
        write_jsonl(archive / f"more{i}.jsonl", [record])
    again.update([archive], tagger=simple_tagger)
    (archive / "a.jsonl").unlink()
    again.update([archive], tagger=simple_tagger)
    assert [name.split(".")[0] for name in _sidecars(again)] == _segments(again)
    assert again.search(SearchRequest(query="")).total == len(RECORDS) - 3
    again.close()


def test_date_key_orders_partial_dates():
    assert date_key("2024-05-24") == 20240524
    assert date_key("2024-05") == 20240500 < date_key("2024-05-01")
    assert date_key("2024") == 20240000
    assert date_key("") == 0 and date_key("n.d.") == 0


def test_entries_of_few_or_many_documents_are_the_same_entries():
    import numpy as np

    from reader.index.segdata import SegmentData

    rng = np.random.default_rng(1)
    size = 1000
    entry_doc = np.repeat(np.arange(size), rng.integers(0, 5, size)).astype(np.int32)
    entry_key = rng.integers(0, 50, len(entry_doc)).astype(np.int32)
    data = SegmentData(
        size, np.ones(size, bool), np.array([""] * size), np.zeros(size, np.int64), entry_doc, entry_key
    )
    for share in (0.0, 0.001, 0.01, 0.05, 0.5, 1.0):  # the sparse path below 1/16, the dense one above
        mask = rng.random(size) < share
        expected = np.sort(entry_key[mask[entry_doc]])
        assert np.array_equal(np.sort(data.entries_of(mask)), expected), share


def test_saved_strings_come_back_exactly_and_take_their_utf8_bytes_not_fixed_width():
    from reader.index.segdata import _pack_strings, _unpack_strings

    strings = ["tag\x1f上饶", "", "author\x1f蔡文逸", "lone \udc80 surrogate", "2024-05", "x" * 40]
    arrays = _pack_strings("keys", strings)
    assert _unpack_strings(arrays, "keys") == strings
    assert arrays["keys"].nbytes == len("".join(strings).encode("utf-8", "surrogatepass"))
    assert _unpack_strings(_pack_strings("keys", []), "keys") == []
