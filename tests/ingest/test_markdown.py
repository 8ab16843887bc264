"""Markdown pages (clipper saves): syntax removed, front matter as metadata."""

from __future__ import annotations

from reader.ingest import read_file
from reader.ingest.markdown import front_matter, markdown_to_text

MARKDOWN = """---
title: "海港城市迎来首艘国际邮轮"
date: "2025-02-14"
author: "記者 李嘉欣"
category: "港聞"
tags:
  - "邮轮"
url: "https://news.example.com/md/1"
---

# 海港城市迎来首艘国际邮轮

![碼頭](https://img.example.com/a.jpg)

今天上午，一艘載有**兩千多名**旅客的國際郵輪停靠[啟德郵輪碼頭](https://example.com/kt)，是今年首艘訪港的國際郵輪。

<figure>
<img src="https://img.example.com/b.jpg" alt="">
<figcaption>旅客陸續下船。</figcaption>
</figure>

> 旅遊業界人士表示，郵輪旅客*消費力*較高，有助帶動零售及餐飲業。

- 郵輪明日傍晚啟航前往下一站。
"""


def test_markdown_page(tmp_path):
    path = tmp_path / "cruise.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = read_file(path)
    assert result.problems == []
    (story,) = result.stories
    assert story.title == "海港城市迎来首艘国际邮轮"
    assert (story.date, story.column, story.url) == ("2025-02-14", "港聞", "https://news.example.com/md/1")
    assert story.authors == ["李嘉欣"]
    text = story.text
    assert "一艘載有兩千多名旅客的國際郵輪停靠啟德郵輪碼頭，是今年首艘訪港的國際郵輪。" in text
    assert "旅遊業界人士表示，郵輪旅客消費力較高" in text
    assert "郵輪明日傍晚啟航前往下一站。" in text
    for syntax in ("**", "](", "![", "<fig", "<img", "# ", "> "):
        assert syntax not in text, syntax


def test_front_matter_and_markdown_helpers():
    meta, rest = front_matter(MARKDOWN)
    assert meta["title"] == "海港城市迎来首艘国际邮轮" and meta["tags"] == ["邮轮"]
    assert rest.lstrip().startswith("# 海港")
    assert front_matter("no front matter")[0] == {}
    assert markdown_to_text("## 小標題\n[連結](http://x) 與 __粗體__").splitlines() == [
        "小標題",
        "連結 與 粗體",
    ]


def test_real_markdown_originals(shared):
    pages = sorted((shared / "traditional").glob("*.md"))
    assert pages
    for page in pages:
        result = read_file(page)
        assert result.problems == [], page.name
        story = result.stories[0]
        meta, _ = front_matter(page.read_text(encoding="utf-8"))
        assert story.title == meta["title"]
        assert story.date == meta["date"]
        assert len(story.paragraphs) >= 3
        assert not any("<" in p or "](" in p for p in story.paragraphs), page.name
