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


TEASERS = [
    "更多新闻",
    "某某财经·8 小时前",
    "港股半日升两百点 科技股领涨",
    "港股今早高开，恒生指数半日升两百点，科技股领涨，成交额较昨日同期增加，市场人士认为资金回流明显，后市仍看政策。",
    "某某财经·3 小时前",
    "银行找换店日圆兑换价比较",
    "近日日圆低位徘徊，吸引不少市民兑换日圆储备旅费，各大银行及找换店的兑换价差距不小，市民兑换前宜先比较清楚。",
    "某某地产·4 小时前",
    "名人趁市旺连环出售豪宅",
    "继上月以七千多万元出售豪宅后，再有名人趁楼市畅旺出售名下物业，业界估计今年豪宅成交将继续上升，买家多为内地客。",
]


def test_a_short_story_under_its_dated_headline_beats_a_denser_teaser_list():
    page = "\n\n".join(
        [
            *MENU,
            "某某电台-财经",
            "日本企业五月信心保持稳定",
            "某某电台-财经",
            "2024年5月22日週三 上午8:21",
            "路透月度调查显示，日本企业信心五月保持稳定，但制造业及服务业反映，日圆疲弱带来的通胀压力正损害利润。",
            "服务条款",
            "你可能还想看",
            *TEASERS,
            "关于我们 | 联系我们 | 网站地图",
        ]
    )
    (story,) = parse_text(page)
    assert story.title == "日本企业五月信心保持稳定"
    assert story.date == "2024-05-22"
    assert story.source == "某某电台-财经"  # the outlet label printed beside the headline
    assert story.paragraphs[0].startswith("路透月度调查显示")
    assert not any("港股" in p or "找换店" in p for p in story.paragraphs)


def test_a_story_goes_on_after_a_short_related_links_box():
    page = _page(
        "小镇脐橙丰收 冷链直通全国",
        "2025-01-08 09:57",
        tail=(
            "延伸阅读",
            "山区果园迎来采摘季",
            "冷链物流助农增收",
            "合作社负责人表示，明年还将扩建冷库，并与电商平台合作开设直播间，让更多山区脐橙走出大山。",
        ),
    )
    (story,) = parse_text(page)
    assert story.paragraphs[-1].startswith("合作社负责人表示")
    assert not any("山区果园迎来采摘季" in p for p in story.paragraphs)


def test_the_author_alone_under_the_headline_and_a_deck():
    page = _page("小镇脐橙丰收 冷链直通全国", "郑智浩", "2025年11月22日 13:00")
    (story,) = parse_text(page)
    assert story.authors == ["郑智浩"]
    page = _page(
        "小镇脐橙丰收 冷链直通全国",
        "种了二十多年果树的老果农，今年的收入比去年多了三成",
        "2025-01-08",
        "来源：某某日报",
    )
    (story,) = parse_text(page)
    assert story.subtitle == "种了二十多年果树的老果农，今年的收入比去年多了三成"


def test_a_labelled_source_in_the_document_table_above_the_title():
    page = _page(
        "发文机关：",
        "某某省人民政府",
        "标 题：",
        "某某省人民政府关于做好冬季农业生产工作的通知",
        "发布日期：",
        "2022年01月28日",
    )
    (story,) = parse_text(page)
    assert story.title == "某某省人民政府关于做好冬季农业生产工作的通知"
    assert (story.source, story.date) == ("某某省人民政府", "2022-01-28")


def test_a_day_beats_a_month_and_a_passing_date_under_the_headline():
    page = _page("小镇脐橙丰收 冷链直通全国", "2022年02月12日", "查看旧版(2007年11月18号以前)")
    (story,) = parse_text(page)
    assert story.date == "2022-02-12"


def test_byline_names_stop_at_the_next_field():
    from reader.ingest.bylines import parse_byline

    line = parse_byline("作者：曹磊 来源:东方网 选稿：曾炟")
    assert line is not None and (line.authors, line.source) == (["曹磊"], "东方网")
    line = parse_byline("顶端新闻·河南商报记者马俊峰/文受访者供图")
    assert line is not None and (line.authors, line.source) == (["马俊峰"], "河南商报")


def test_a_dateline_under_a_picture_caption_names_the_reporter():
    page = _page(
        "平镇轮胎行恶火 疏散7人",
        "2016-03-19 10:48",
        tail=(),
    ).replace(
        BODY[0],
        "桃园市平镇区一家轮胎行清晨发生大火。（消防局提供）\n\n（中央社记者邱俊钦桃园19日电）" + BODY[0],
    )
    (story,) = parse_text(page)
    assert story.authors == ["邱俊钦"]
    assert story.paragraphs[0].startswith("（中央社记者邱俊钦桃园19日电）")


def test_an_hkscs_page_declaring_big5_and_a_gbk_page_declaring_nothing_decode_right(tmp_path):
    from reader.ingest import read_file

    para = "佢哋話呢啲嘢冇問題㗎，今日嘅天氣好好，市民都出嚟行街，商場人流比平日多咗好多，店主都話生意好咗。"
    head = '<html><head><meta charset="big5"><title>港聞</title></head>'
    page = f"{head}<body><h1>商場人流回升</h1><p>{para}</p></body></html>"
    (tmp_path / "hk.html").write_bytes(page.encode("big5hkscs"))
    (story,) = read_file(tmp_path / "hk.html").stories
    assert story.paragraphs == [para]
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = f"<html><head><title>小镇脐橙丰收</title></head><body><h1>小镇脐橙丰收</h1>{body}</body></html>"
    (tmp_path / "cn.html").write_bytes(page.encode("gbk"))
    (story,) = read_file(tmp_path / "cn.html").stories
    assert story.paragraphs == BODY


def test_gne_and_htmldate_vote_on_an_unnamed_headline_and_a_missing_date():
    from lxml import html as lxml_html

    from reader.ingest.html import _vote_title_and_date, page_meta
    from reader.story import Story

    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = (
        "<html><head><title>小镇脐橙丰收 冷链直通全国_某某网</title></head><body>"
        f"<h1>小镇脐橙丰收 冷链直通全国</h1><div>发布时间：2024-05-24 10:00</div>{body}</body></html>"
    )
    meta = page_meta(lxml_html.document_fromstring(page))
    story = Story(title="乡村振兴", date="2024-05", paragraphs=list(BODY))
    _vote_title_and_date(story, page, meta, "")
    assert (story.title, story.date) == ("小镇脐橙丰收 冷链直通全国", "2024-05-24")
    named = Story(title="小镇脐橙丰收 冷链直通全国", date="2024-05-20", paragraphs=list(BODY))
    _vote_title_and_date(named, page, meta, "2024-05-01")  # the two voters disagree: ours stands
    assert named.date == "2024-05-20"
    _vote_title_and_date(named, page, meta, "2024-05-24")  # both say the 24th (the page's 发布时间)
    assert named.date == "2024-05-24"


def test_sources_and_authors_are_cleaned_of_labels_regions_markup_and_organisations():
    from reader.ingest.credits import tidy
    from reader.story import Story

    cases = {
        "来源：央广网": "央广网",
        "政能亮 来自北京市": "政能亮",
        "来自内蒙古自治区": "",
        'size="20"': "",
        "(新闻)": "",
        "[ 人民网 ]": "人民网",
        "本报": "",  # "this paper": which one, the page says elsewhere
    }
    for given, want in cases.items():
        story = Story(title="t", source=given)
        tidy(story)
        assert story.source == want, given
    story = Story(title="t", authors=["中文学术期刊", "汉斯出版社", "Hans Publishers"], byline="x")
    tidy(story)
    assert (story.authors, story.byline) == ([], "")
    story = Story(title="t", authors=["王之言", "Joel Spolsky"])
    tidy(story)
    assert story.authors == ["王之言", "Joel Spolsky"]


def test_an_html_page_that_prints_no_headline_gets_its_title_without_the_site_name():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = f"<html><head><title>小镇脐橙丰收冷链直通全国-某某财经</title></head><body>{body}</body></html>"
    stories, _problems = parse_html(page, "page.html")
    assert stories[0].title == "小镇脐橙丰收冷链直通全国"


def test_a_line_of_dialogue_is_a_paragraph_not_a_subhead():
    page = _page(
        "小镇脐橙丰收 冷链直通全国",
        "2025-01-08 09:57",
        "来源：某某日报",
        tail=("“今年的果子能卖到哪里去？”", "“全国各地都有订单，最远卖到了新疆。”合作社负责人笑着说。"),
    )
    (story,) = parse_text(page)
    assert "“今年的果子能卖到哪里去？”" in story.paragraphs
    assert "“今年的果子能卖到哪里去？”" not in story.headings
