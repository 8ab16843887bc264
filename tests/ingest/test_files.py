"""Finding files and reading each one without ever raising: samples, bad input, ids."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from reader.ingest import SUPPORTED_SUFFIXES, FileResult, Problem, iter_files, read_file
from reader.ingest import files as files_module

STORY = (
    "春耕时节农机忙\n2025-03-20 来源：田野日报\n\n本报记者 郑小川\n\n"
    "连日来，各地农民抓住晴好天气开展春耕生产，田间地头一派繁忙景象。\n\n"
    "农机合作社的拖拉机在田里来回作业，一天能翻耕土地两百多亩。\n"
)


def _reasons(result: FileResult) -> list[str]:
    return [p.reason for p in result.problems]


# --- the bundled samples, one per encoding ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "title", "date", "source", "authors", "first"),
    [
        (
            "gb18030_story.txt",
            "gb18030",
            "九江长江岸线新添一处生态湿地公园",
            "2025-03-18",
            "赣北日报",
            ["周明轩"],
            "近日，位于九江市柴桑区的江滩湿地公园完成改造并向市民开放。",
        ),
        (
            "big5_taiwan_story.txt",
            "big5hkscs",
            "新北老街推動騎樓整平 長者出門更安心",
            "2024-11-05",
            "北台灣日報",
            ["林家豪"],
            "新北市多條老街近年推動騎樓整平工程",
        ),
        (
            "utf16_story.txt",
            "utf-16-le",
            "南湖社区开办“银发课堂” 老人学用智能手机",
            "2025-01-12",
            "南湖社区报",
            ["何雅婷"],
            "“点这里就能挂号，再点这里就能看到检查结果。”",
        ),
    ],
)
def test_encoded_samples(archive_dir, name, encoding, title, date, source, authors, first):
    result = read_file(archive_dir / "formats" / name)
    assert result.problems == []
    assert result.encoding == encoding
    (story,) = result.stories
    assert (story.title, story.date, story.source, story.authors) == (title, date, source, authors)
    assert story.paragraphs[0].startswith(first)
    assert len(story.paragraphs) >= 3
    assert not any(p.startswith(("\u3000", " ")) for p in story.paragraphs)


def test_gb18030_sample_editor_is_not_text(archive_dir):
    story = read_file(archive_dir / "formats" / "gb18030_story.txt").stories[0]
    assert story.editor == "孙晓蕾"
    assert "责任编辑" not in story.text


def test_seed_page_gives_four_stories_with_ids(archive_dir):
    path = archive_dir / "000_d96a957ce2900ba2.txt"
    result = read_file(path)
    assert result.problems == [] and result.encoding == "utf-8"
    assert [s.title for s in result.stories] == [
        "朝着春天出发",
        "凝聚开新局的力量",
        "扎根基层乐奉献",
        "邮情柚意 “丰”景这边独好",
    ]
    assert [s.position for s in result.stories] == [0, 1, 2, 3]
    assert all(s.file == str(path) and len(s.id) == 16 for s in result.stories)
    assert [s.id for s in read_file(path).stories] == [s.id for s in result.stories]


def test_ids_survive_moving_the_archive(tmp_path, archive_dir):
    seed = archive_dir / "000_d96a957ce2900ba2.txt"
    moved = tmp_path / "elsewhere" / seed.name
    moved.parent.mkdir()
    moved.write_bytes(seed.read_bytes())
    assert [s.id for s in read_file(moved).stories] == [s.id for s in read_file(seed).stories]


def test_text_without_suffix_and_html_without_suffix(tmp_path):
    (tmp_path / "plain").write_text(STORY, encoding="utf-8")
    assert read_file(tmp_path / "plain").stories[0].title == "春耕时节农机忙"
    page = (
        "<!DOCTYPE html><html><head><title>春耕时节农机忙_田野网</title></head>"
        "<body><article><h1>春耕时节农机忙</h1>"
        "<p>连日来，各地农民抓住晴好天气开展春耕生产，田间地头一派繁忙景象。</p>"
        "<p>农机合作社的拖拉机在田里来回作业，一天能翻耕土地两百多亩。</p></article></body></html>"
    )
    (tmp_path / "saved_page").write_text(page, encoding="utf-8")
    story = read_file(tmp_path / "saved_page").stories[0]
    assert story.title == "春耕时节农机忙"
    assert "<p>" not in story.text


def test_windows_line_endings_and_misnamed_html(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    crlf = read_file(tmp_path / "crlf.txt").stories[0]
    (tmp_path / "lf.txt").write_text(STORY, encoding="utf-8")
    lf = read_file(tmp_path / "lf.txt").stories[0]
    assert (crlf.title, crlf.paragraphs) == (lf.title, lf.paragraphs)
    assert not any("\r" in p for p in crlf.paragraphs)
    (tmp_path / "plain.html").write_text(STORY, encoding="utf-8")
    assert read_file(tmp_path / "plain.html").stories[0].paragraphs == lf.paragraphs


# --- bad input ----------------------------------------------------------------------------------


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = read_file(path)
    assert result.stories == []
    assert result.problems == [Problem(str(path), "not text (binary data)")]


def test_empty_and_whitespace_only_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u3000\u3000\n\t\n\u00a0\n", encoding="utf-8")
    assert _reasons(read_file(tmp_path / "empty.txt")) == ["empty file"]
    assert _reasons(read_file(tmp_path / "blank.txt")) == ["no text (only whitespace)"]


def test_truncated_multibyte_text_still_imports(tmp_path):
    data = STORY.rstrip("\n").encode("utf-8")[:-2]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    result = read_file(path)
    assert _reasons(result) == [f"truncated UTF-8 at byte {len(data) - 1}; replaced"]
    assert result.stories and result.stories[0].title == "春耕时节农机忙"


def test_twenty_megabyte_single_line(tmp_path):
    line = "这是一个没有换行的超长段落，用来检查读入不会卡住。" * 300_000
    path = tmp_path / "huge.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    result = read_file(path)
    assert not any("could not parse" in r for r in _reasons(result))
    assert sum(len(p) for s in result.stories for p in s.paragraphs) > 0


def test_huge_html_page_is_reported_not_hung(tmp_path):
    path = tmp_path / "huge.html"
    path.write_text("<html><body><p>" + "很长的一段话，" * 3_000_000 + "</p></body></html>", encoding="utf-8")
    result = read_file(path)
    assert result.stories == []
    assert _reasons(result)[0].startswith("HTML too large")


def test_unreadable_file_via_permission_error(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if Path(str(file)) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    assert read_file(path).problems == [Problem(str(path), "permission denied")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_via_chmod(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        assert _reasons(read_file(path)) == ["permission denied"]
    finally:
        path.chmod(0o644)


def test_folder_missing_path_and_broken_symlink(tmp_path):
    folder = tmp_path / "a_folder.txt"
    folder.mkdir()
    assert _reasons(read_file(folder))[0].startswith("is a folder")
    assert _reasons(read_file(tmp_path / "nowhere.txt")) == ["no such file"]
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert _reasons(read_file(link))[0].startswith("broken symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_does_not_hang(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert _reasons(read_file(pipe)) == ["not a regular file (device, pipe or socket)"]


def test_unsupported_suffix_given_explicitly(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert _reasons(read_file(path))[0].startswith("unsupported file type (.pdf)")


def test_a_parser_crash_costs_one_file_only(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")

    def explode(text, file=""):
        raise RuntimeError("boom")

    monkeypatch.setattr(files_module, "parse_plain", explode)
    result = read_file(path)
    assert result.stories == []
    assert _reasons(result) == ["could not parse (RuntimeError: boom)"]


def test_bad_files_do_not_stop_the_good_ones(tmp_path, archive_dir):
    (tmp_path / "1_binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "2_empty.md").write_bytes(b"")
    (tmp_path / "3_good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "4_broken.jsonl").write_text(
        '{"title": "好", "content": "内容。"}\n{oops\n', encoding="utf-8"
    )
    (tmp_path / "5_dangling.txt").symlink_to(tmp_path / "missing")
    results = [read_file(p) for p in iter_files([tmp_path])]
    assert [Path(r.file).name for r in results] == [
        "1_binary.txt",
        "2_empty.md",
        "3_good.txt",
        "4_broken.jsonl",
        "5_dangling.txt",
    ]
    assert [len(r.stories) for r in results] == [0, 0, 1, 1, 0]
    assert [len(r.problems) for r in results] == [1, 1, 0, 1, 1]
    for result in results:
        for problem in result.problems:
            assert problem.file == result.file and problem.reason


# --- finding files ------------------------------------------------------------------------------


def test_iter_files_walks_sorted_and_skips_hidden_and_unsupported(tmp_path):
    for rel in (
        "b/2.txt",
        "b/1.html",
        "a.jsonl",
        "A2.csv",
        "c/deep/x.md",
        "notes",
        "story.2024",
        ".hidden.txt",
        ".git/config.txt",
        "b/.cache/y.txt",
        "img.png",
        "font.ttf",
        "doc.pdf",
        "arch.zip",
        "backup.txt~",
        "data.tsv",
        "page.shtml",
    ):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert found == [
        "a.jsonl",
        "A2.csv",
        "b/1.html",
        "b/2.txt",
        "c/deep/x.md",
        "data.tsv",
        "notes",
        "page.shtml",
        "story.2024",
    ]


def test_iter_files_keeps_explicit_paths_and_drops_duplicates(tmp_path):
    (tmp_path / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG")
    given = [tmp_path / "pic.png", tmp_path / "missing.txt", tmp_path, str(tmp_path / "one.txt")]
    found = list(iter_files(given))
    assert found == [tmp_path / "pic.png", tmp_path / "missing.txt", tmp_path / "one.txt"]


def test_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def guarded(path="."):
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    found = list(iter_files([tmp_path]))
    assert found == [tmp_path / "locked", tmp_path / "ok" / "a.txt"]
    assert _reasons(read_file(tmp_path / "locked")) == ["folder cannot be read (permission denied)"]


def test_supported_suffixes():
    assert {
        ".txt",
        ".md",
        ".text",
        ".html",
        ".htm",
        ".xhtml",
        ".shtml",
        ".jsonl",
        ".json",
        ".ndjson",
        ".csv",
        ".tsv",
        "",
    } <= SUPPORTED_SUFFIXES
    assert not {".png", ".pdf", ".zip", ".ttf", ".js"} & SUPPORTED_SUFFIXES


def test_whole_bundled_archive_reads_cleanly(archive_dir):
    results = [read_file(p) for p in iter_files([archive_dir])]
    assert len(results) >= 7
    assert [p for r in results for p in r.problems] == []
    ids = [s.id for r in results for s in r.stories]
    assert len(ids) == len(set(ids))


def test_a_file_that_fails_to_decode_is_not_imported_as_a_story_of_replacement_characters(tmp_path):
    from reader.ingest import read_file

    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xef\xbb\xbf" + b"\xff\xfe" * 3 + b"\n" + b"\xff" * 10)
    record = tmp_path / "junk.jsonl"
    record.write_bytes(b'{"title":"\xff\xff","content":"\xff\xfe\xfa"}\n')
    for path in (junk, record):
        result = read_file(path)
        assert not result.stories, [(s.title, s.paragraphs) for s in result.stories]
        assert result.problems and all(p.file == str(path) for p in result.problems)
        # refused when decoded (too many undecodable bytes), or its stories of U+FFFD dropped after
        assert any(
            "nothing readable" in p.reason or "could not be decoded" in p.reason for p in result.problems
        )
    damaged = tmp_path / "damaged.txt"  # a readable story with a damaged byte is still imported
    damaged.write_bytes(
        ("上饶经开区新的一年\n\n迎着新年曙光，上饶经开区又一次站在了新的起点上。" * 3).encode() + b"\xff"
    )
    result = read_file(damaged)
    assert result.stories and result.problems


def test_the_bundled_archive_reports_no_file_skipped_for_its_type():
    from reader import paths
    from reader.ingest import iter_files

    skipped: list = []
    found = list(iter_files([paths.bundled_archive()], skipped))
    assert found and skipped == []  # its package marker (__init__.py) is no news file to tell about
