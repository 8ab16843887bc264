"""The one way reader replaces a file: whole or not at all, no temporary file left."""

import os

import pytest

from reader.atomicfile import TEMP_SUFFIX, replacing, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "meta.json"
    target.write_text("old")
    write_atomic(target, "新的内容")
    assert target.read_text(encoding="utf-8") == "新的内容"
    assert [p.name for p in tmp_path.iterdir()] == ["meta.json"]


def test_a_failing_writer_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_bytes(b"half")
        assert tmp.name.endswith(TEMP_SUFFIX) and tmp.parent == tmp_path
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_a_check_that_refuses_keeps_the_old_file(tmp_path):
    target = tmp_path / "export.ris"
    target.write_bytes(b"old")

    def refuse():
        raise FileExistsError("appeared meanwhile")

    with pytest.raises(FileExistsError), replacing(target, check=refuse) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert len(list(tmp_path.iterdir())) == 1


def test_temporary_files_get_normal_permissions(tmp_path):
    if os.name == "nt":
        pytest.skip("POSIX permission bits")
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", b"x", durable=False)
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
