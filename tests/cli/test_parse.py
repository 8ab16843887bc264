"""``reader parse``: human and JSON output, problems on stderr, exit codes."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.story import JSON_FIELDS

SEED = "000_d96a957ce2900ba2.txt"
SEED_TITLES = ["朝着春天出发", "凝聚开新局的力量", "扎根基层乐奉献", "邮情柚意 “丰”景这边独好"]


def test_json_lines_for_the_seed(archive_dir, capsys):
    code = main(["parse", str(archive_dir / SEED), "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    records = [json.loads(line) for line in lines]
    assert [r["title"] for r in records] == SEED_TITLES
    assert list(records[0])[: len(JSON_FIELDS)] == list(JSON_FIELDS)
    assert records[0]["subtitle"] == "上饶经开区新的一年这样拼"
    assert records[0]["authors"] == ["蔡文逸"]
    assert all(r["date"] == "2024-05-24" and r["source"] == "刘长胜问答网" for r in records)
    assert [r["position"] for r in records] == [0, 1, 2, 3]
    assert "上饶" in lines[0]  # ensure_ascii=False: the Chinese is written as is
    assert err.strip().splitlines()[-1] == "parsed 1 file, 4 stories, 0 problems"


def test_human_output_marks_headers_and_subheads(archive_dir, capsys):
    assert main(["parse", str(archive_dir / SEED)]) == 0
    out = capsys.readouterr().out
    assert "# 朝着春天出发" in out
    assert "  subtitle: 上饶经开区新的一年这样拼" in out
    assert "  date: 2024-05-24" in out
    assert "  source: 刘长胜问答网" in out
    assert "  authors: 龚俊慧、徐骞" in out
    assert "  column: 评论" in out
    assert "## 拼的方向/蓝图已绘就" in out
    assert "  id: " in out


def test_folders_are_recursed(archive_dir, capsys):
    assert main(["parse", "--json", str(archive_dir / "formats")]) == 0
    out, err = capsys.readouterr()
    titles = [json.loads(line)["title"] for line in out.splitlines()]
    assert "赣东北春茶开采 茶农错峰采摘保品质" in titles
    assert "新北老街推動騎樓整平 長者出門更安心" in titles
    assert len(titles) == 9
    assert err.strip().endswith("parsed 6 files, 9 stories, 0 problems")


def test_problems_go_to_stderr_and_exit_1(tmp_path, archive_dir, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    code = main(["parse", "--json", str(empty), str(archive_dir / SEED), str(missing)])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 4  # the good file is still printed
    lines = err.strip().splitlines()
    assert f"reader: {empty}: empty file" in lines
    assert f"reader: {missing}: no such file" in lines
    assert lines[-1] == "parsed 3 files, 4 stories, 2 problems"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["parse", "--no-such-option", "x.txt"])
    assert info.value.code == 2


def test_sample_prints_the_bundled_archive(capsys):
    assert main(["parse", "--sample"]) == 0
    out, err = capsys.readouterr()
    for title in SEED_TITLES:
        assert f"# {title}" in out
    assert "0 problems" in err


def test_sample_reads_the_archive_shipped_in_the_package(capsys):
    assert main(["parse", "--sample", "--json"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert any("上饶" in story["title"] + "".join(story["paragraphs"]) for story in stories)


def test_parse_without_a_file_or_sample_says_what_it_needs(capsys):
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
    assert "--sample" in capsys.readouterr().err
