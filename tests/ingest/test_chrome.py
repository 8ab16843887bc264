"""Finding the story in whole saved pages: pages written here, in the shape real sites have."""

from __future__ import annotations

from reader.ingest.chrome import body_region, find_page
from reader.ingest.textpage import parse_text, split_lines

NAV = "\n\n".join(
    ["首页", "新闻", "国内", "国际", "财经", "体育", "娱乐", "科技", "汽车", "房产", "登录", "注册"]
)
BODY = [
    "本报讯 昨天上午，全市第一座以旧厂房改造的社区图书馆正式开放，首日迎来读者一千余人次。",
    "图书馆由一座建于上世纪六十年代的纺织厂车间改建而成，保留了原有的红砖外墙和钢结构屋顶。",
    "馆长介绍，馆内藏书约八万册，设有少儿阅览区、自习区和一个可容纳八十人的报告厅。",
    "不少附近居民带着孩子前来参观。“以前这里是我上班的地方，现在成了孩子读书的地方。”一位老人说。",
    "据了解，图书馆开放时间为每天九时至二十一时，周一闭馆。",
]
TAIL = "\n\n".join(
    [
        "责任编辑：周七",
        "分享到：",
        "微信",
        "微博",
        "相关阅读",
        "老厂房变身文创园 年轻人来打卡",
        "城市书房再添三处 阅读更方便",
        "网友评论",
        "写得真好，周末就带孩子去看看！",
        "2小时前",
        "回复",
        "Copyright © 2024 某某网 版权所有",
    ]
)
TITLE = "老纺织厂变身社区图书馆 首日迎客千余人次"


def page(*, title: str = TITLE, body: list[str] = BODY) -> str:
    return (
        f"{NAV}\n\n首页 > 本地 > 正文\n\n{title}\n\n2024-03-05 09:30　来源：某某日报\n\n"
        "分享到：\n\n字号：大 中 小\n\n" + "\n\n".join(body) + "\n\n" + TAIL
    )


def test_finds_title_meta_and_body():
    [story] = parse_text(page())
    assert story.title == TITLE
    assert story.date == "2024-03-05"
    assert story.source == "某某日报"
    assert story.editor == "周七"
    assert story.paragraphs == BODY


def test_no_chrome_in_paragraphs():
    [story] = parse_text(page())
    text = "\n".join(story.paragraphs)
    for junk in (
        "首页",
        "分享到",
        "相关阅读",
        "老厂房变身文创园",
        "网友评论",
        "写得真好",
        "Copyright",
        "版权所有",
        "字号",
    ):
        assert junk not in text, junk


def test_title_repeated_in_head_and_h1():
    text = f"{TITLE}_某某网\n\n" + page()
    [story] = parse_text(text)
    assert story.title == TITLE


def test_two_line_headline_keeps_main_title_and_subtitle():
    text = page(title="老纺织厂变身社区图书馆\n\n首日迎客千余人次 读者点赞")
    [story] = parse_text(text)
    assert story.title == "老纺织厂变身社区图书馆"
    assert story.subtitle == "首日迎客千余人次 读者点赞"


def test_paragraphs_broken_at_links_are_joined():
    body = list(BODY)
    body[1] = "图书馆由一座建于上世纪六十年代的纺织厂车间改建而成，保留了原有的\n\n红砖外墙\n\n和钢结构屋顶。"
    [story] = parse_text(page(body=body))
    assert story.paragraphs[1] == BODY[1]


def test_clean_page_is_not_treated_as_whole_page():
    text = TITLE + "\n\n" + "\n\n".join(BODY)
    assert find_page(split_lines(text)) is None
    [story] = parse_text(text)
    assert story.title == TITLE and story.paragraphs == BODY


def test_body_region_skips_link_lists_and_comments():
    lines = split_lines(page())
    start, end, score = body_region(lines)
    assert score > 0
    assert lines[start:end] == BODY


def test_second_article_on_an_endless_scroll_page():
    second_title = "城市书房再添三处 市民阅读更方便"
    second = [
        "记者从市文化局获悉，今年我市将新建三处城市书房，分别位于三个新建住宅区内。",
        "每处书房面积约两百平方米，配备图书一万册，实行二十四小时自助借还。",
        "文化局负责人表示，书房建成后，全市城市书房总数将达到二十处。",
        "城市书房将与市图书馆通借通还，市民持一张借书证就能在各处借还图书。",
        "据介绍，三处书房计划于年底前全部建成并向市民开放。",
    ]
    text = page() + "\n\n往下滑看下一篇文章\n\n" + page(title=second_title, body=second)
    stories = parse_text(text)
    assert [s.title for s in stories] == [TITLE, second_title]
    assert stories[1].paragraphs == second


def test_traditional_chinese_page():
    nav = "\n\n".join(["首頁", "即時", "政治", "財經", "國際", "生活", "娛樂", "體育", "登入", "訂閱"])
    body = [
        "【記者林小華／台中報導】台中市政府今天宣布，明年起將在各區增設二十處共享單車站，方便民眾通勤。",
        "交通局表示，新站點優先設在捷運站和公車轉運站附近，預計上半年完工。",
        "市府也將推出月票方案，讓通勤族可以用更便宜的價格搭乘公共運輸。",
        "交通局長強調，市府會持續蒐集市民意見，滾動調整站點位置。",
    ]
    text = (
        f"{nav}\n\n台中增設共享單車站 明年上路\n\n2024/09/02 14:20\n\n分享\n\n"
        + "\n\n".join(body)
        + "\n\n責任編輯：王大明\n\n延伸閱讀\n\n颱風假怎麼放？一次看懂\n\n© 2024 某某新聞網 版權所有"
    )
    [story] = parse_text(text)
    assert story.title == "台中增設共享單車站 明年上路"
    assert story.date == "2024-09-02"
    assert story.authors == ["林小華"] and story.place == "台中"
    assert story.editor == "王大明"
    assert story.paragraphs == body
