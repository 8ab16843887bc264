"""Stored fields deflated with a dictionary taken from their segment's first documents."""

from __future__ import annotations

import pickle
import zlib
from io import BytesIO

import pytest
from whoosh.filedb.structfile import StructFile

from reader.index.storage import stored


def _write_and_read(docs: dict[int, dict | None], doccount: int):
    written: list[bytes] = []
    dbfile = StructFile(BytesIO(), onclose=lambda f: written.append(f.file.getvalue()))
    writer = stored.STORED.writer(dbfile)
    for docnum in sorted(docs):
        writer.add(docnum, docs[docnum])
    writer.finish(doccount)
    dbfile.close()
    data = written[0]
    reader = stored.STORED.reader(StructFile(BytesIO(data)), 0, len(data), doccount)
    return data, reader


@pytest.mark.parametrize("count", [0, 1, 3, 400])  # fewer documents than the sample, and many more
def test_every_document_comes_back_as_it_was_stored(count):
    docs: dict[int, dict | None] = {
        n * 2: {
            "id": f"story{n}",
            "data": f'{{"title": "上饶马家柚丰收", "file": "bad\udcff.txt", "n": {n}}}',
            "raw": bytes([n % 256]) * 3,
        }
        for n in range(count)
    }
    if count:
        docs[1] = None  # a document without stored fields
    doccount = 2 * count + 1
    _data, reader = _write_and_read(docs, doccount)
    for docnum in range(doccount):
        assert reader[docnum] == docs.get(docnum)
    assert list(reader) == [docs.get(n) for n in range(doccount)]


def test_documents_that_repeat_each_other_take_less_than_deflated_alone():
    docs = {
        n: {"id": f"{n:016x}", "data": f"新华社北京电 记者 张三 第{n}条 " + "上饶市广丰区马家柚" * 5}
        for n in range(300)
    }
    data, _reader = _write_and_read(docs, len(docs))
    alone = sum(len(zlib.compress(pickle.dumps(d, 5), 3)) for d in docs.values())
    assert len(data) < 0.6 * alone


def test_a_column_not_in_the_dictionary_layout_is_refused():
    with pytest.raises(ValueError, match="dictionary layout"):
        stored.STORED.reader(StructFile(BytesIO(b"\x00" * 64)), 0, 64, 1)
