"""PDF export: exact text layer in simplified and traditional, contents, outline, fonts, cancel."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from reader.export import ExportCancelled, ExportError
from reader.export.gbt7714 import reference
from reader.export.labels import labels
from reader.export.layout import meta_lines
from reader.export.pdf import export_pdf
from reader.export.scripts import citable_story, convert, convert_story
from tests.helpers.export import body_text, made_story, page_texts, squeeze

#: Code points that betray a wrong ToUnicode map: Kangxi radicals, radical supplement, ⸺.
WRONG = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\u2e3a\u2e3b]")


def expected_text(story, script: str, cited=None) -> str:
    """What the PDF must say for one story, whitespace aside (headings' ``/`` is a line break);
    the citation is of ``cited`` (authors and source as printed, issue 13)."""
    lab = labels(script)
    parts = [story.title, story.subtitle, *meta_lines(story, lab)]
    for kind, text in story.blocks():
        parts.append(text.replace("/", "") if kind == "heading" else text)
    if story.edition:
        parts.append(story.edition)
    if story.editor:
        parts.append(f"{lab['editor']}：{story.editor}")
    parts.extend(story.asides_to_print())
    parts.append(f"{lab['cite']}：{reference(cited or story)}")
    return squeeze("".join(parts))


def story_ranges(pdf) -> list[tuple[str, int, int]]:
    reader = PdfReader(str(pdf))
    starts = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    starts = starts[1:]  # the first bookmark is the contents
    ends = [page for _title, page in starts[1:]] + [len(reader.pages)]
    return [(title, start, end) for (title, start), end in zip(starts, ends, strict=True)]


def check_round_trip(stories, pdf, script: str, export_title: str = "") -> None:
    pages = page_texts(pdf)
    ranges = story_ranges(pdf)
    assert len(ranges) == len(stories)
    for story, (title, start, end) in zip(stories, ranges, strict=True):
        converted = convert_story(story, script)
        assert title == converted.title
        running = convert(export_title, script) if export_title else labels(script)["default_title"]
        got = body_text(pages, start, end, (running, converted.title))
        want = expected_text(converted, script, citable_story(story, script))
        assert got == want, f"{story.id} {story.title!r} ({script}): text layer differs"
    assert not WRONG.search("".join(pages)), "radical or joined-dash code points in the text layer"


@pytest.mark.parametrize("script", ["zh-hans", "zh-hant", "zh-hk"])
def test_every_archive_story_round_trips_exactly(stories, tmp_path, script):
    out = export_pdf(stories, tmp_path / f"archive-{script}.pdf", script=script, title="档案", query="上饶")
    check_round_trip(stories, out, script, "档案")
    assert PdfReader(str(out)).trailer["/Root"]["/Lang"].startswith("zh-Han")


def test_characters_that_fonts_confuse_round_trip(tmp_path):
    story = made_story(
        "一长人胶——测试",
        [
            "一二三，长江与人民；胶水、橡胶。",
            "破折号——两个，省略号……，书名〈论语〉，范围3～5，斜线a／b，间隔号·与半角-连字符。",
            "Latin office fi fl ffi 与 ﬁ 之外：financial officers 2024-05-24 12.5%",
            "說話樂團、裏面、着重，香港嘅報道喺度。",
        ],
        authors=["张三", "李四", "王五", "赵六"],
        source="测试报",
        date="2024-05-24",
        headings=["第一节/上下两行"],
        editor="编辑甲",
        heading_at=[1],
    )
    for script in ("zh-hans", "zh-hk"):
        out = export_pdf([story], tmp_path / f"tricky-{script}.pdf", script=script)
        check_round_trip([story], out, script)


def test_contents_page_numbers_are_where_stories_start(stories, tmp_path):
    out = export_pdf(stories, tmp_path / "toc.pdf")
    pages = page_texts(out)
    assert "导出日期" in pages[0] and f"{len(stories)}篇" in squeeze(pages[0])
    first_story = story_ranges(out)[0][1]
    toc = squeeze("".join(pages[1:first_story]))
    for number, (title, start, _end) in enumerate(story_ranges(out), start=1):
        assert f"{number}.{squeeze(title)}{start + 1}" in toc
        assert squeeze(title) in squeeze(pages[start])
        assert pages[start].rstrip().endswith(str(start + 1))  # printed page number = real page


def test_contents_lines_link_to_their_stories(stories, tmp_path):
    out = export_pdf(stories, tmp_path / "links.pdf")
    reader = PdfReader(str(out))
    targets = []
    for page in reader.pages[1 : story_ranges(out)[0][1]]:
        for annot in page.get("/Annots", []):
            dest = annot.get_object()["/Dest"]
            targets.append(reader.get_page_number(dest[0].get_object()))
    assert targets == [start for _t, start, _e in story_ranges(out)]


def test_fonts_are_embedded_subsets_and_file_is_small(stories, tmp_path):
    ten = (stories * 3)[:10]
    out = export_pdf(ten, tmp_path / "ten.pdf")
    assert out.stat().st_size < 1_500_000
    reader = PdfReader(str(out))
    seen = 0
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
                seen += 1
    assert seen


def test_progress_per_story_and_cancel_leaves_no_file(stories, tmp_path):
    calls = []
    export_pdf(stories, tmp_path / "p.pdf", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, len(stories)) for i in range(1, len(stories) + 1)]

    target = tmp_path / "cancelled" / "c.pdf"
    target.parent.mkdir()
    count = {"n": 0}

    def cancelled():
        count["n"] += 1
        return count["n"] > 2

    with pytest.raises(ExportCancelled):
        export_pdf(stories, target, cancelled=cancelled)
    assert list(target.parent.iterdir()) == []


def test_bad_requests_have_clear_errors(stories, tmp_path):
    with pytest.raises(ExportError, match="nothing to export"):
        export_pdf([], tmp_path / "x.pdf")
    with pytest.raises(ExportError, match="unknown script"):
        export_pdf(stories, tmp_path / "x.pdf", script="klingon")
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(stories, tmp_path / "missing" / "x.pdf")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("hkcnews_zh-Hant.jsonl", "zh-hk"),
        ("chinanews_2025.jsonl", "zh-hans"),
        ("sohu_news_2016.jsonl", "zh-hant"),
        ("xwlb_cctv_2022-2026.jsonl", "zh-tw"),
    ],
)
def test_real_corpus_stories_round_trip(shared, tmp_path, name, script):
    """Real text from four publishers: every character a bundled font has comes back exactly."""
    import json
    import random

    from reader import fonts

    path = shared / "corpus" / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    lines = path.read_text(encoding="utf-8").splitlines()
    picked = [json.loads(line) for line in random.Random(name).sample(lines, 10)]
    stories = []
    for record in picked:
        paragraphs = [p.strip() for p in record.get("content", "").split("\n") if p.strip()]
        if paragraphs:
            author = [record["author"]] if record.get("author") else []
            stories.append(
                made_story(
                    record["title"],
                    paragraphs,
                    source=record.get("source", ""),
                    date=record.get("date_iso", ""),
                    url=record.get("url", ""),
                    authors=author,
                )
            )
    # Characters no bundled font has (emoji) print as a box and cannot come back: leave them out.
    text = "".join(convert_story(s, script).text + s.title for s in stories)
    drawable = fonts.covered(script, [ord(ch) for ch in set(text)], layers=True)
    missing = {ch for ch in set(text) if ord(ch) not in drawable and not ch.isspace()}
    for story in stories:
        story.paragraphs = ["".join(ch for ch in p if ch not in missing) for p in story.paragraphs]
        story.title = "".join(ch for ch in story.title if ch not in missing)
    out = export_pdf(stories, tmp_path / f"{name}.pdf", script=script)
    check_round_trip(stories, out, script)


def test_a_signed_simplified_story_prints_its_author_as_written(stories, tmp_path):
    signed = [s for s in stories if s.authors == ["黄騑鸿"]]
    assert signed
    for script in ("zh-hans", "zh-hant"):
        out = export_pdf(signed, tmp_path / f"signed-{script}.pdf", script=script)
        text = squeeze("".join(page_texts(out)))
        assert "𬴂" not in text
        assert "引用：黄騑鸿." in text  # cited as printed in every script
    hans = squeeze("".join(page_texts(tmp_path / "signed-zh-hans.pdf")))
    assert "黄騑鸿" in hans.split("引用")[0]  # the byline too, not only the citation
