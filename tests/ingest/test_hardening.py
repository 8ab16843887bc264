"""Rules for pages nobody has seen yet: labels, credits, captions, promos, group names, headers.

Each case is a small page in a layout many sites share, written for this test.
"""

from __future__ import annotations

import pytest

from reader.ingest.bylines import parse_dateline
from reader.ingest.credits import parse_credit
from reader.ingest.dates import is_date_line, parse_date
from reader.ingest.textpage import parse_text

BODY = [
    "西湖景区即日起试行游船预约服务，游客可提前一天通过小程序预约，节假日也不例外。",
    "管委会有关负责人介绍，预约制有助于错峰游览，减少码头排队时间，提升游客体验。",
]


def _page(*head: str, body: list[str] = BODY, tail: tuple[str, ...] = ()) -> str:
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n" + "\n".join(tail) + "\n"


@pytest.mark.parametrize(
    "label", ["地方新聞", "区域快讯", "国内新闻", "财经 > 产经", "新闻频道 > 国内新闻", "财经频道"]
)
def test_channel_label_above_the_headline_is_not_the_title(label):
    [story] = parse_text(_page(label, "西湖景区试行预约游船", "2024-05-06 10:00　来源：中国新闻网"))
    assert story.title == "西湖景区试行预约游船"
    assert story.source == "中国新闻网"
    assert story.paragraphs == BODY
    assert label not in story.headings


def test_a_label_shaped_headline_over_its_date_line_stays_the_title():
    [story] = parse_text(_page("国际联播快讯", "2024-05-06", body=["【俄乌交换被扣押人员】" + BODY[0]]))
    assert story.title == "国际联播快讯"


@pytest.mark.parametrize(
    ("credit", "authors", "source"),
    [
        ("石佳/中国青年报", ["石佳"], "中国青年报"),
        ("来源：中国青年报 作者：石佳", ["石佳"], "中国青年报"),
        ("文/张三", ["张三"], ""),
        ("文｜财新 张宇 王敏", ["张宇", "王敏"], "财新"),
        ("本文来源：新京报", [], "新京报"),
    ],
)
def test_author_and_source_credits_are_metadata(credit, authors, source):
    [story] = parse_text(_page("西湖景区试行预约游船", credit, "2024-05-06"))
    assert story.title == "西湖景区试行预约游船"
    assert story.authors == authors
    assert story.source == source
    assert story.headings == [] and story.subtitle == ""
    assert story.paragraphs == BODY


@pytest.mark.parametrize("line", ["（原标题：西湖游船今起可预约）", "原标题：西湖游船今起可预约"])
def test_original_title_note_is_not_text(line):
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=[*BODY, line]))
    assert story.paragraphs == BODY


def test_captions_are_paragraphs_and_photo_credits_go():
    body = [BODY[0], "游客在码头排队登船", "新华社记者 李华 摄", BODY[1], "图为游船停靠在断桥附近"]
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06　来源：新华网", body=body))
    assert story.paragraphs == [BODY[0], "游客在码头排队登船", BODY[1], "图为游船停靠在断桥附近"]
    assert story.headings == []
    assert story.authors == []


@pytest.mark.parametrize(
    "line", ["图片均来自网络", "本文配图来源于网络", "（圖片取自臉書）", "图片由受访者提供"]
)
def test_where_the_pictures_came_from_is_not_text_or_a_subhead(line):
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=[BODY[0], line, BODY[1]]))
    assert story.paragraphs == BODY[:2] and story.headings == []


def test_a_sentence_about_pictures_stays():
    body = [BODY[0], "图片来自网络的说法并不准确，记者核实后发现，照片摄于去年。", BODY[1]]
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=body))
    assert story.paragraphs == body


def test_a_photographer_closing_the_last_paragraph_is_no_author():
    last = "游客在码头排队登船。（新华社记者 李华 摄）"
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=[*BODY, last]))
    assert story.paragraphs == [*BODY, last]
    assert story.authors == []


@pytest.mark.parametrize(
    "promo",
    [
        "更多精彩内容请进入社会频道【详细】",
        "扫码关注我们，获取更多资讯",
        "本文为城市生活观察原创，转载请注明出处。",
        "本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场。",
        "海量资讯、精准解读，尽在新浪财经APP",
        "京ICP备12345678号-1",
    ],
)
def test_trailing_promos_and_notices_are_not_text(promo):
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", tail=(promo,)))
    assert story.paragraphs == BODY
    assert story.headings == []


def test_closing_done_marker_goes_and_the_sentence_stays():
    body = [BODY[0], BODY[1] + "(完)"]
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=body))
    assert story.paragraphs == BODY
    body = [BODY[0], BODY[1] + "（完）【编辑:刘欣】"]
    [story] = parse_text(_page("西湖景区试行预约游船", "2024-05-06", body=body))
    assert story.paragraphs == BODY
    assert story.editor == "刘欣"


@pytest.mark.parametrize(
    ("credit", "authors", "column"),
    [
        ("讀者來論", [], "讀者來論"),
        ("眾新聞中國組", [], "眾新聞中國組"),
        ("中產平民", ["中產平民"], ""),
        ("楊健興", ["楊健興"], ""),
    ],
)
def test_only_a_person_is_an_author(credit, authors, column):
    [story] = parse_text(_page("屋邨小店的黃昏", f"2024-05-06　{credit}"))
    assert story.authors == authors
    assert story.column == column


@pytest.mark.parametrize("welcome", ["登录", "欢迎访问杭州网 | 设为首页"])
def test_site_header_with_todays_date_does_not_make_a_saved_page_look_clean(welcome):
    nav = [
        "2024年5月6日 星期一",
        welcome,
        "注册",
        "首页",
        "新闻",
        "财经",
        "体育",
        "娱乐",
        "科技",
        "汽车",
        "房产",
    ]
    comments = [
        "这条新闻很有用，希望以后能推广到更多景区。",
        "支持预约制度，排队太辛苦了，每次都要等一个多小时。",
    ]
    related = ["相关新闻", "杭州地铁新线开通", "西湖龙井开采", "钱塘江观潮节", "更多", "关于我们", "联系我们"]
    tail = ("网友评论", *comments, *related)
    text = _page(*nav, "西湖景区试行预约游船", "2024-05-06 10:00　来源：杭州日报", tail=tail)
    [story] = parse_text(text)
    assert story.title == "西湖景区试行预约游船"
    assert story.source == "杭州日报"
    assert story.paragraphs == BODY
    assert story.headings == []


def test_related_links_after_an_end_marker_are_not_text_but_the_next_story_is_found():
    second = ["钱塘江观潮节下月开幕，主办方将首次开放夜间观潮区，并实行分时段预约入场。"]
    text = _page("西湖景区试行预约游船", "2024-05-06", tail=("相关阅读", "杭州地铁新线开通", "西湖龙井开采"))
    text += _page("钱塘江观潮节下月开幕", "2024-05-07 来源：钱江晚报", body=second)
    first, nxt = parse_text(text)
    assert first.paragraphs == BODY and first.headings == []
    assert nxt.title == "钱塘江观潮节下月开幕"
    assert nxt.paragraphs == second


def test_digest_page_of_two_reposted_stories():
    text = (
        "今日要闻汇总\n\n国务院常务会议部署推进城市更新\n来源：新华社　2024-05-06\n"
        "国务院常务会议部署推进城市更新工作，强调要稳步推进城镇老旧小区改造。\n\n"
        "会议指出，要统筹好城市更新与基础设施建设，加强历史文化保护。\n\n"
        "一季度全国规模以上工业增加值同比增长6.1%\n来源：国家统计局　2024-05-07\n"
        "国家统计局发布数据，一季度全国规模以上工业增加值同比增长6.1%。\n"
    )
    first, second = parse_text(text)
    assert (first.title, first.source, first.date) == (
        "国务院常务会议部署推进城市更新",
        "新华社",
        "2024-05-06",
    )
    assert len(first.paragraphs) == 2
    assert (second.title, second.source, second.date) == (
        "一季度全国规模以上工业增加值同比增长6.1%",
        "国家统计局",
        "2024-05-07",
    )
    assert second.paragraphs == ["国家统计局发布数据，一季度全国规模以上工业增加值同比增长6.1%。"]


def test_keyword_tags_above_the_closing_link_list_are_not_subheads():
    tail = ("火警", "元朗", "消防處", "相關文章", "屯門工廈火警 一人送院")
    [story] = parse_text(_page("元朗大廈火警", "2024-05-06", tail=tail))
    assert story.headings == []
    assert story.paragraphs == BODY


def test_a_closing_list_of_names_without_a_link_list_stays():
    [story] = parse_text(_page("議員名單公布", "2024-05-06", tail=("黃國健", "馬逢國", "何君堯")))
    assert story.headings == ["黃國健/馬逢國", "何君堯"]


def test_microblog_post():
    text = (
        "人民日报\n24-5-6 09:30 来自 微博 weibo.com\n【#多地发布高温预警#】"
        + BODY[0]
        + "\n转发 12\n评论 3\n赞 45\n"
    )
    [story] = parse_text(text)
    assert (story.title, story.source, story.date) == ("多地发布高温预警", "人民日报", "2024-05-06")
    assert story.paragraphs == [BODY[0]]


def test_chinese_numeral_dates():
    assert parse_date("二〇二四年五月六日 星期一") == "2024-05-06"
    assert parse_date("二〇二三年十二月三十一日") == "2023-12-31"
    assert parse_date("二〇二三年十月二十日") == "2023-10-20"
    assert is_date_line("二〇二四年五月六日 星期一")
    assert not is_date_line("二〇二四年五月六日，市政府宣布")


@pytest.mark.parametrize(
    ("para", "authors", "place", "source"),
    [
        ("（中央社記者林家豪台北6日電）經濟部今天公布", ["林家豪"], "台北", "中央社"),
        ("（中央社記者王揚宇、林家豪華盛頓5日專電）美國", ["王揚宇", "林家豪"], "華盛頓", "中央社"),
        ("〔記者張文華／台中報導〕台中捷運藍線", ["張文華"], "台中", ""),
        ("【明報專訊】多個大型屋苑", [], "", "明報"),
    ],
)
def test_more_datelines(para, authors, place, source):
    dl = parse_dateline(para)
    assert dl is not None
    assert (dl.authors, dl.place, dl.source) == (authors, place, source)


def test_credit_lines():
    wechat = parse_credit("原创 李晓晴 城市生活观察 2024-05-06 08:00 发表于北京")
    assert wechat is not None
    assert (wechat.authors, wechat.source, wechat.date) == (["李晓晴"], "城市生活观察", "2024-05-06")
    assert parse_credit("这是一个完整的句子，不是署名。") is None
    assert parse_credit("石佳/中国青年报").authors == ["石佳"]


def test_a_headline_ending_in_baodao_is_not_a_byline():
    from reader.ingest.textpage import parse_text

    for headline in ("新增报道", "连续报道", "相关报道"):
        [story] = parse_text(f"{headline}\n\n2025-01-02\n\n这是一篇新增的报道正文，用来测试导入。\n")
        assert (story.title, story.authors, story.byline) == (headline, [], ""), headline
    [story] = parse_text("田野调查\n\n李强 报道\n\n这是正文的第一段，讲述了调查的经过。\n")
    assert story.authors == ["李强"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("（作者：方敏北京大学经济学院教授）", ["方敏"]),
        ("作者：王小明中国社科院研究员", ["王小明"]),
        ("（作者：歐陽修香港大學教授）", ["歐陽修"]),
        ("作者：张三", ["张三"]),
    ],
)
def test_an_author_run_into_their_post(line, authors):
    from reader.ingest.bylines import parse_byline

    assert parse_byline(line).authors == authors


def test_a_desk_is_nobodys_name():
    from reader.ingest.records import split_authors

    assert split_authors("眾新聞記者") == [] and split_authors("本报评论员") == []
    assert split_authors("記者陳駿豪") == ["陳駿豪"] and split_authors("张三、李四") == ["张三", "李四"]


def test_a_traditional_name_credit_alone_is_a_name():
    from reader.ingest.bylines import parse_byline

    assert parse_byline("孫嘉君報導").authors == ["孫嘉君"]  # as 张三报道 always was
    assert parse_byline("連續報導") is None


def test_a_lone_name_needs_to_look_like_one():
    from reader.ingest.names import lone_name

    assert lone_name("孫嘉君") and lone_name("陳怡如")
    assert not any(lone_name(w) for w in ("高雄市", "半導體", "新聞網", "李強", "國際新聞", "分享"))


def test_a_related_news_list_inside_a_story_is_not_its_subheads():
    body = [
        "林鄭月娥今日宣布參選行政長官，她表示經過深思熟慮，認為自己有能力亦有責任承擔這份工作。",
        "相關新聞",
        "林鄭稱改善管治 班子注入新血",
        "特寫：林鄭欠激情 陳智思搶白",
        "記者其後追問她的政綱何時公布，她表示會在提名期內公布完整政綱，並歡迎市民提出意見。",
    ]
    [story] = parse_text(_page("林鄭月娥宣布參選特首", "2017-01-16　記者陳駿豪", body=body))
    assert story.headings == []
    assert story.paragraphs == [body[0], body[4]]
