"""The page model on kinds of pages no site rule knows: headline evidence, labels, credits, dates.

Every page here was written for these tests (own words), in the shapes real sites print: a whole-page
rendering with menus above the story, an HTML page whose <title> glues site and channel names to the
headline, a sponsored story denser than the article, labels and values on separate lines.
"""

from __future__ import annotations

from reader.ingest import dates, headline
from reader.ingest.bylines import closing_credit, parse_dateline
from reader.ingest.html import parse_html
from reader.ingest.lines import join_labels
from reader.ingest.textpage import parse_text

MENU = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "教育", "旅游"]
BODY = [
    "连日来，山区小镇的果农们抓住晴好天气采摘脐橙，田间地头一派繁忙景象，运输车辆排起了长队。",
    "镇里的合作社今年新建了冷库和分拣线，果子从树上摘下到装箱发往各地，只需要不到一天的时间。",
    "“过去卖不上价，现在订单排到了下个月。”种了二十多年果树的老果农笑着说，今年的收入比去年多了三成。",
    "据当地农业部门介绍，全镇脐橙种植面积已超过两万亩，带动周边三千多户农民增收致富。",
]


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join(
        [*MENU, *head, *BODY, *tail, "关于我们 | 联系我们 | 网站地图", "Copyright © 2025 某某网 版权所有"]
    )


def test_a_breadcrumb_with_spaces_above_the_headline_is_not_the_headline():
    page = _page(
        "您所在的位置 首页 新闻频道 地方新闻 乡村振兴",
        "小镇脐橙丰收 冷链直通全国",
        "2025-01-08 09:57",
        "来源：某某日报",
    )
    (story,) = parse_text(page)
    assert story.title == "小镇脐橙丰收 冷链直通全国"
    assert story.date == "2025-01-08"
    assert story.source == "某某日报"


def test_an_epaper_page_label_is_not_the_headline():
    page = _page("第A04版：乡村振兴", "小镇脐橙丰收 冷链直通全国", "2025年01月08日")
    (story,) = parse_text(page)
    assert story.title == "小镇脐橙丰收 冷链直通全国"


def test_a_headline_naming_a_month_is_not_a_date_line():
    assert not headline.is_meta("2024年4月全国物价同比上涨0.3% 食品价格下降2.7%")
    assert headline.is_meta("2024-05-11 09:36:26 来源：国家统计局")


def test_an_account_name_between_headline_and_date_is_not_the_headline():
    page = "\n\n".join(["高校毕业生求职新风口：不卷算法卷应用", "CSDN", "2024年12月18日 18:08", *BODY])
    (story,) = parse_text(page)
    assert story.title == "高校毕业生求职新风口：不卷算法卷应用"


def test_a_label_alone_on_its_line_is_joined_with_its_value():
    assert join_labels(["稿件来源：", "某某日报", "正文"]) == ["稿件来源：某某日报", "正文"]
    page = _page("小镇脐橙丰收 冷链直通全国", "发布日期：", "2022年01月28日", "来源：", "某某日报")
    (story,) = parse_text(page)
    assert (story.date, story.source) == ("2022-01-28", "某某日报")


def test_a_closing_source_and_author_credit_leaves_the_body():
    text, source, authors = closing_credit(
        "中法经贸合作将不断迈上新台阶。"
        "（本文来源：某某日报 作者：某研究中心研究部部长、研究员徐占忱）返回某站，查看更多"
    )
    assert (text, source, authors) == ("中法经贸合作将不断迈上新台阶。", "某某日报", ["徐占忱"])
    page = _page("小镇脐橙丰收 冷链直通全国", "2025-01-08", tail=("（本文来源：某某日报 作者：王小明）",))
    (story,) = parse_text(page)
    assert story.source == "某某日报" and story.authors == ["王小明"]
    assert not any("本文来源" in p for p in story.paragraphs)


def test_an_agency_dateline_without_a_reporter_credits_the_agency():
    line = parse_dateline("（法新社羅馬19日電） 德國網球好手今天以直落二擊敗對手。")
    assert line is not None and line.source == "法新社" and line.place == "羅馬"


def test_promotion_paywall_and_complaint_lines_are_not_story_text():
    page = _page(
        "小镇脐橙丰收 冷链直通全国",
        "2025-01-08",
        tail=(
            "掌握最新農業趨勢！訂閱《某某時代》日報及社群活動訊息",
            "举报电话：12345678 举报邮箱：jubao@example.com",
        ),
    )
    (story,) = parse_text(page)
    assert not any("訂閱" in p or "举报" in p for p in story.paragraphs)
    assert story.paragraphs[-1] == BODY[-1]


def test_dates_in_roc_compact_and_labelled_forms():
    assert dates.parse_date("中央社記者桃園傳真 105年3月19日") == "2016-03-19"
    assert dates.parse_date("民國99年1月2日") == "2010-01-02"
    assert dates.parse_date("新闻联播(20240524)") == "2024-05-24"
    assert dates.parse_date("发表时间：2024/5/24") == "2024-05-24"
    assert dates.parse_date("電話 0912345678") == ""
    assert dates.parse_date("编号 20241350") == ""


HTML = """<!DOCTYPE html><html><head><title>小镇脐橙丰收 冷链直通全国_地方新闻_某某网</title>
<meta property="og:title" content="小镇脐橙丰收 冷链直通全国"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a> <a href="/c">财经</a></div>
<div>当前位置：首页 &gt; 地方新闻 &gt; 正文</div>
<h1>小镇脐橙丰收 冷链直通全国</h1><div class="info">2025-01-08 09:57 来源：某某日报</div>
<!-- 正文开始 -->
{body}
<div style="display:none">隐藏的统计代码文字不该出现在正文里，这是一段很长的隐藏文字。</div>
<h2>推广</h2><h1>赞助内容：智能冷库助力果农增收，一站式解决方案全新发布</h1><div>2024-09-30</div>
{ad}
<div>关于我们 | 联系我们 | 网站地图</div></body></html>"""


def test_html_headline_is_the_printed_one_and_the_article_beats_a_denser_sponsored_story():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    ad = "".join(f"<p>{p}这是赞助内容的补充说明，文字更多更长，占据了更多的版面。</p>" for p in BODY * 2)
    stories, problems = parse_html(HTML.format(body=body, ad=ad), "page.html")
    assert problems == []
    (story,) = stories
    assert story.title == "小镇脐橙丰收 冷链直通全国"
    assert (story.date, story.source) == ("2025-01-08", "某某日报")
    assert story.paragraphs == BODY
    assert "隐藏" not in story.text and "正文开始" not in story.text
