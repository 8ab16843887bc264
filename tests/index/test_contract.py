"""The seam to Whoosh: the contract of private names holds, and names what breaks; the pinned version."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import whoosh
from whoosh import fields
from whoosh import index as windex
from whoosh.codec import whoosh3
from whoosh.filedb import compound, structfile
from whoosh.writing import SegmentWriter

from reader.index import IndexUnavailable, open_index
from reader.index.storage import (
    StorageError,
    contract,
    field_lengths,
    opening,
    patches,
    posting_arrays,
)
from reader.index.storage.errors import ContractBroken, WhooshVersionMismatch
from tests.helpers.records import RECORDS, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def test_the_contract_holds_for_the_installed_whoosh():
    contract.check_version()
    contract.check()
    assert contract.broken_names() == []
    assert len(contract.NEEDS) > 50  # every private name storage uses, not a token few


def test_a_missing_attribute_is_named_with_the_whoosh_version(monkeypatch):
    monkeypatch.delattr(whoosh3.W3TermInfo, "set_inlined")
    with pytest.raises(ContractBroken) as caught:
        contract.check()
    message = str(caught.value)
    assert "whoosh.codec.whoosh3.W3TermInfo.set_inlined" in message
    assert "is missing" in message and f"Whoosh {whoosh.versionstring()}" in message
    assert contract.broken_names() == ["whoosh.codec.whoosh3.W3TermInfo.set_inlined"]


def test_a_changed_signature_is_named(monkeypatch):
    monkeypatch.setattr(SegmentWriter, "_commit_toc", lambda self, segs, extra=None: None)
    with pytest.raises(
        ContractBroken, match=r"whoosh\.writing\.SegmentWriter\._commit_toc .*takes \(self, segs"
    ):
        contract.check()


def test_a_constant_of_another_value_and_an_instance_attribute_no_longer_set_are_named(monkeypatch):
    monkeypatch.setattr(whoosh3, "WHOOSH3_HEADER_MAGIC", b"W4Bl")
    gone = contract.Need("whoosh.codec.whoosh3", "W3TermInfo._no_such_field", "instance", "a test")
    assert contract.problem(gone) == "is no longer set by Whoosh's code"
    with pytest.raises(ContractBroken, match=r"WHOOSH3_HEADER_MAGIC .*is b'W4Bl', not b'W3Bl'"):
        contract.check()


def test_whoosh_is_pinned_exactly_to_the_contract_version():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in meta["project"]["dependencies"] if d.lower().startswith("whoosh")]
    assert pins == [f"Whoosh=={contract.WHOOSH_VERSION}"]


def test_another_whoosh_version_is_an_index_error_naming_both(tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.7.5")
    monkeypatch.setattr(opening, "_ready", False)
    with pytest.raises(WhooshVersionMismatch, match="Whoosh 2.7.5 is installed.*Whoosh 2.7.4 exactly"):
        contract.check_version()
    with pytest.raises(IndexUnavailable, match="Whoosh 2.7.5 is installed.*Whoosh 2.7.4 exactly"):
        open_index(tmp_path / "home")


def test_the_patch_is_applied_when_an_index_opens_and_touches_only_compound_files(tmp_path, monkeypatch):
    monkeypatch.setattr(compound, "BufferFile", structfile.BufferFile)
    monkeypatch.setattr(opening, "_ready", False)
    assert not patches.applied()
    open_index(tmp_path / "home").close()
    assert patches.applied() and compound.BufferFile is patches.MappedBufferFile
    patches.apply()  # idempotent
    assert compound.BufferFile is patches.MappedBufferFile
    assert structfile.BufferFile is not patches.MappedBufferFile  # Whoosh's own class is left alone
    assert "BytesIO" in structfile.BufferFile.__init__.__code__.co_names


def test_a_segment_in_another_layout_is_refused_not_read_another_way(tmp_path):
    ix = windex.create_in(str(tmp_path), fields.Schema(body=fields.TEXT))
    with ix.writer() as writer:  # Whoosh's own codec (W3), not storage's
        writer.add_document(body="alpha beta")
    with ix.searcher() as searcher:
        reader = searcher.reader()
        with pytest.raises(StorageError, match="W3Codec's layout"):
            posting_arrays(reader, "body", b"alpha")
        with pytest.raises(StorageError, match="no length column for field 'missing'"):
            field_lengths(reader, "missing", reader.doc_count_all())
    ix.close()


def test_lengths_of_a_library_segment_are_whooshs(tmp_path):
    write_jsonl(tmp_path / "archive" / "a.jsonl", RECORDS)
    library = open_index(tmp_path / "home")
    library.update([tmp_path / "archive"])
    searcher = library._get_searcher()
    for sub, _offset in searcher.leaf_searchers():
        reader = sub.reader()
        lengths = field_lengths(reader, "body", reader.doc_count_all())
        for docnum in range(reader.doc_count_all()):
            expected = reader.doc_field_length(docnum, "body", 1)
            assert lengths[docnum] == (expected if expected else 1.0)
    library.close()
