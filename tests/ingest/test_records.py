"""JSON lines, JSON and CSV/TSV exports: one story per record, common field names, stable ids."""

from __future__ import annotations

import json

import pytest

from reader.ingest import read_file
from reader.ingest.records import (
    iso_date,
    parse_csv,
    parse_json,
    parse_jsonl,
    split_authors,
    split_paragraphs,
)


def _write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_bundled_jsonl_sample(archive_dir):
    result = read_file(archive_dir / "formats" / "export_sample.jsonl")
    assert result.problems == []
    assert [s.title for s in result.stories] == [
        "皖南山区启用无人机巡护森林防火",
        "沿江城市试点夜间公交 方便晚归市民",
        "社区图书角办起“以书换书”",
    ]
    first, second, third = result.stories
    assert first.date == "2025-03-02"
    assert first.source == "皖南新闻网"
    assert first.authors == ["吴志远", "钱佳"]
    assert first.column == "本地"
    assert first.url == "https://news.example.com/wn/2025/0302/101.html"
    assert first.paragraphs[0] == "进入春季森林防火期，皖南多个县区启用无人机开展日常巡护。"
    assert len(first.paragraphs) == 3
    assert len(second.paragraphs) == 3  # the blank line between paragraphs is not a paragraph
    assert third.date == "2025-03-09"  # 2025年3月9日
    assert third.authors == [] and third.url == ""
    assert [s.position for s in result.stories] == [0, 1, 2]
    assert len({s.id for s in result.stories}) == 3


def test_bundled_csv_sample_with_chinese_headers(archive_dir):
    result = read_file(archive_dir / "formats" / "export_sample.csv")
    assert result.problems == []
    assert len(result.stories) == 2
    first, second = result.stories
    assert first.title == "高校食堂推出“半份菜” 减少浪费受学生欢迎"
    assert first.date == "2024-12-16"
    assert first.source == "南方校园报"
    assert first.authors == ["林晓"]
    assert first.column == "校园"
    assert len(first.paragraphs) == 3
    assert first.paragraphs[-1] == "食堂负责人说，推出半份菜后，每天的剩菜量减少了近两成。"
    assert second.authors == ["王海鹏", "赵敏"]


def test_keys_match_case_insensitively_and_by_common_names():
    line = json.dumps(
        {
            "Title": "标题甲",
            "BODY": "第一段。\n第二段。",
            "Published_At": "2024-7-1 08:00",
            "Publisher": "某报",
            "Authors": ["张三", "李四"],
            "Link": "https://e.example/1",
            "Category": "财经",
        },
        ensure_ascii=False,
    )
    stories, problems = parse_jsonl(line, "x.jsonl")
    assert problems == []
    (story,) = stories
    assert (story.title, story.date, story.source, story.url, story.column) == (
        "标题甲",
        "2024-07-01",
        "某报",
        "https://e.example/1",
        "财经",
    )
    assert story.paragraphs == ["第一段。", "第二段。"]
    assert story.authors == ["张三", "李四"]


def test_chinese_keys():
    line = json.dumps(
        {
            "标题": "乙",
            "正文": "　　内容一。\n　　内容二。",
            "发布时间": "2023年12月5日",
            "来源": "某台",
            "作者": "王五",
        },
        ensure_ascii=False,
    )
    (story,), _ = parse_jsonl(line, "y.jsonl")
    assert (story.title, story.date, story.source, story.authors) == ("乙", "2023-12-05", "某台", ["王五"])
    assert story.paragraphs == ["内容一。", "内容二。"]


def test_bad_jsonl_lines_are_reported_by_number_and_the_rest_imports(tmp_path):
    lines = [
        json.dumps({"title": "一", "content": "甲。"}, ensure_ascii=False),
        '{"title": "broken", "content": ',
        "",
        "[1, 2]",
        json.dumps({"url": "https://only.example/url"}),
        json.dumps({"title": "二", "content": "乙。"}, ensure_ascii=False),
    ]
    path = _write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    result = read_file(path)
    assert [s.title for s in result.stories] == ["一", "二"]
    reasons = [p.reason for p in result.problems]
    assert reasons[0].startswith("line 2: invalid JSON")
    assert reasons[1] == "line 4: not a record (a JSON list)"
    assert reasons[2] == "line 5: no title or text"
    assert all(p.file == str(path) for p in result.problems)


def test_many_bad_lines_are_summarised():
    text = "\n".join(["{bad"] * 50 + [json.dumps({"title": "ok", "content": "fine."})])
    stories, problems = parse_jsonl(text, "many.jsonl")
    assert len(stories) == 1
    assert len(problems) == 21
    assert str(problems[-1]) == "and 30 more bad records"


def test_unicode_line_separators_inside_strings_do_not_split_records():
    text = json.dumps({"title": "甲\u2028乙", "content": "段落\u2029之后\x85还有"}, ensure_ascii=False)
    stories, problems = parse_jsonl(text + "\n", "z.jsonl")
    assert problems == [] and len(stories) == 1


def test_record_ids_give_stable_story_ids(tmp_path):
    def story_ids(title_b: str) -> list[str]:
        records = [
            {"id": "a-1", "title": "甲", "text": "一。"},
            {"id": "b-2", "title": title_b, "text": "二。"},
        ]
        path = _write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records))
        return [s.id for s in read_file(path).stories]

    before = story_ids("乙")
    after = story_ids("乙（更新）")  # the record's title was edited; its id stays
    assert before == after
    assert len(set(before)) == 2


def test_duplicate_record_ids_still_give_distinct_story_ids():
    text = "\n".join(json.dumps({"id": "same", "title": t, "text": "x"}) for t in ("a", "b"))
    stories, _ = parse_jsonl(text, "dup.jsonl")
    assert stories[0].id != stories[1].id


def test_json_documents_of_several_shapes(tmp_path):
    listing = [{"title": "一", "content": "甲。"}, {"title": "二", "content": "乙。"}]
    assert [s.title for s in parse_json(json.dumps(listing), "a.json")[0]] == ["一", "二"]
    wrapped = {"meta": {"count": 2}, "data": listing}
    assert [s.title for s in parse_json(json.dumps(wrapped), "b.json")[0]] == ["一", "二"]
    single = {"title": "三", "content": "丙。"}
    assert [s.title for s in parse_json(json.dumps(single), "c.json")[0]] == ["三"]
    # a .json file that is really JSON lines
    lines = "\n".join(json.dumps(r) for r in listing)
    assert len(read_file(_write(tmp_path / "lines.json", lines)).stories) == 2
    stories, problems = parse_json('{"title": "unterminated', "d.json")
    assert stories == [] and "invalid JSON" in str(problems[0])


def test_nested_record_lists_and_html_content():
    doc = {
        "code": 0,
        "data": {
            "total": 1,
            "list": [
                {
                    "title": "夜市重开",
                    "content": "<p>　　老街夜市今晚重新开张。</p><p>摊主&amp;居民都很期待<br/>第二行</p>"
                    "<script>track()</script>",
                }
            ],
        },
    }
    (story,), problems = parse_json(json.dumps(doc, ensure_ascii=False), "api.json")
    assert problems == []
    assert story.title == "夜市重开"
    assert story.paragraphs == ["老街夜市今晚重新开张。", "摊主&居民都很期待", "第二行"]


def test_tsv_and_semicolon_csv():
    tsv = "title\tcontent\tdate\n标题一\t正文一。\t2024-01-02\n标题二\t正文二。\t2024-01-03\n"
    stories, problems = parse_csv(tsv, "a.tsv", "\t")
    assert problems == [] and [s.date for s in stories] == ["2024-01-02", "2024-01-03"]
    semi = "Title;Text\n甲;一。\n"
    stories, _ = parse_csv(semi, "b.csv")
    assert stories[0].title == "甲" and stories[0].paragraphs == ["一。"]


def test_csv_without_known_columns_is_a_problem(tmp_path):
    result = read_file(_write(tmp_path / "numbers.csv", "a,b,c\n1,2,3\n"))
    assert result.stories == []
    assert result.problems[0].reason.startswith("line 1: no known column")


def test_csv_in_gb18030_and_with_bom(tmp_path):
    text = "标题,正文,日期\n春耕,农民忙着播种。,2025-03-01\n"
    assert read_file(_write(tmp_path / "gb.csv", text, "gb18030")).stories[0].title == "春耕"
    assert read_file(_write(tmp_path / "bom.csv", text, "utf-8-sig")).stories[0].title == "春耕"


def test_helpers():
    assert split_paragraphs("　　一。\r\n\r\n  二。 \n\u3000") == ["一。", "二。"]
    assert split_authors("飄楊 & 小鳥") == ["飄楊", "小鳥"]
    assert split_authors("记者 张三、通讯员 李四") == ["张三", "李四"]
    assert split_authors("文天祥") == ["文天祥"]
    assert iso_date("2025-6-9 22:51:00") == "2025-06-09"
    assert iso_date("2019年06月15日08:18") == "2019-06-15"
    assert iso_date("2024/05") == "2024-05"
    assert iso_date("1717200000") == "2024-06-01"
    assert iso_date(None) == ""


CORPUS = {
    "chinanews_2025.jsonl": 4585,
    "sohu_news_2016.jsonl": 1143,
    "xwlb_cctv_2022-2026.jsonl": 19539,
    "hkcnews_zh-Hant.jsonl": 5000,
}


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "count"), CORPUS.items())
def test_corpus_files_load_completely(shared, name, count):
    path = shared / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} is not present")
    result = read_file(path)
    assert result.problems == []
    assert len(result.stories) == count
    assert len({s.id for s in result.stories}) == count
    with path.open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    story = result.stories[0]
    assert story.title == first["title"]
    assert story.date == first["date_iso"]
    assert story.source == first["source"]
    assert story.url == (first["url"] or "")
    assert "".join(story.paragraphs) == "".join(
        line.strip().strip("\u3000") for line in first["content"].split("\n")
    )
    assert all(s.date for s in result.stories)
    assert not any(p.startswith("\u3000") for s in result.stories[:200] for p in s.paragraphs)
