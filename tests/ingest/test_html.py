"""HTML and Markdown pages: article text and metadata without site chrome."""

from __future__ import annotations

import pytest

from reader.ingest import read_file
from reader.ingest.html import parse_html, strip_site_suffix

CHROME = (
    "首页",
    "登录",
    "广告",
    "限时特惠",
    "相关阅读",
    "热门排行",
    "Copyright",
    "版权所有",
    "_hmt",
    "console.log",
    "分享到",
    "关于我们",
    "景德镇陶瓷文化旅游季启幕",
    "ICP",
)


def test_bundled_html_page(archive_dir):
    result = read_file(archive_dir / "formats" / "html_page_sample.html")
    assert result.problems == []
    assert result.encoding == "utf-8"  # the page declares gb2312, its bytes are UTF-8
    (story,) = result.stories
    assert story.title == "赣东北春茶开采 茶农错峰采摘保品质"
    assert story.date == "2025-04-03"
    assert story.authors == ["陈雨桐"]
    assert story.source == "江南晨报"
    assert story.paragraphs[0].startswith("清明前后，赣东北多个产茶乡镇进入春茶采摘旺季。")
    assert story.paragraphs[-1].startswith("业内人士提醒，春茶品质与天气关系密切")
    assert story.headings == ["错峰采摘 让鲜叶“等得起”", "线上订单 带火“头采茶”"]
    assert story.heading_at == [2, 4]
    assert len(story.paragraphs) == 6
    body = story.text
    for scrap in CHROME:
        assert scrap not in body, scrap


def test_fragment_without_article_is_a_problem(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(
        '<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a> <a href="/s">体育</a></div>',
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.stories == []
    assert [p.reason for p in result.problems] == ["no story text found in HTML"]


def test_fragment_with_paragraphs_is_read_best_effort():
    html = (
        "<div><p>今年夏天，沿海多地遭遇强降雨，气象部门提前三天发布预警，沿线城市启动防汛应急响应。</p>"
        "<p>应急管理部门表示，各地已转移安置受威胁群众一万余人，目前没有人员伤亡报告。</p>"
        "<p>专家提醒，汛期还将持续一个月，低洼地区居民要注意收听天气预报。</p></div>"
    )
    stories, problems = parse_html(html, "fragment.html")
    assert problems == []
    assert len(stories) == 1
    text = stories[0].text
    assert "应急管理部门表示" in text and "专家提醒" in text


def test_garbage_html_does_not_raise():
    for junk in ("<<<>>>", "<html><body></body></html>", "<p>" * 5000, "\x00<html>"):
        stories, problems = parse_html(junk, "junk.html")
        assert stories == [] and problems


def test_strip_site_suffix():
    assert (
        strip_site_suffix("【中国稳健前行】坚定实施扩大内需战略 -中新网")
        == "【中国稳健前行】坚定实施扩大内需战略"
    )
    assert (
        strip_site_suffix("山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站")
        == "山西品牌丝路行（南美站）正式启动"
    )
    assert strip_site_suffix("深观察｜一座小城的夜经济") == "深观察｜一座小城的夜经济"
    assert strip_site_suffix("某地发布暴雨预警_新闻频道_新浪网") == "某地发布暴雨预警"


# title, first body sentence start, last body sentence start, chrome strings that must not appear
PAGES = {
    "gerapy_chinanews_1": (
        "【中国稳健前行】坚定实施扩大内需战略",
        "编者按：突如其来的新冠肺炎疫情",
        "中国正处于近代以来最好的发展时期",
        ("中新网", "关于我们", "版权所有"),
    ),
    "gne_163_8": (
        "国务院联防联控机制:湖北和武汉要严格管控防输出",
        "新华社北京2月29日电",
        "《通知》强调",
        ("网友评论仅供", "热点新闻", "孙杨", "跟贴"),
    ),
    "gne_cjddsb_1": (
        "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动",
        "为持续推动金融消费者教育",
        "本次活动主题是进一步贯彻落实",
        ("复制链接", "版权声明"),
    ),
    "gne_guancha_3": (
        "苹果回应“违反中国劳动法”：大多数指控错误",
        "据中新网9月9日报道",
        "记者通过电子邮件联系了富士康",
        ("小编最近文章", "评论", "责任编辑"),
    ),
    "gne_huanqiu_1": (
        "补壹刀：别笑！18人的“新八国联军”今天成立了",
        "西方世界的一些反华分子正试图串联起来",
        "刀哥想说，都9020年了",
        ("感谢您的反馈", "执笔/"),
    ),
    "gne_people_1": (
        "女儿出嫁，郑板桥画了几笔兰花当嫁妆",
        "父亲的教诲像一盏灯",
        None,
        ("分享到", "人民网>>", "登录"),
    ),
    "gne_shanxi_1": (
        "山西品牌丝路行（南美站）正式启动",
        None,
        "山西品牌丝路行主题为",
        ("山西省人民政府网站", "网站地图"),
    ),
    "gne_sina_5": (
        "陈同佳刑满出狱 向潘晓颖家人鞠躬致歉",
        "出狱了。据港媒刚刚消息",
        "说完这些话后，陈同佳上车离开了现场",
        ("举报", "更多猛料", "Copyright", "推荐新闻"),
    ),
    "gne_thepaper_1": (
        "共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性",
        None,
        "刘颖对共享充电宝行业的发展比较有信心",
        ("字号", "澎湃新闻报料", "关键词"),
    ),
    "gne_toutiao_3": (
        "海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果母亲不舍离去",
        "8岁儿子在四川海螺沟景区失联的第32天",
        "小温父母在等待",
        ("采写：",),
    ),
    "gne_zsnews_1": (
        "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
        "2019年2月27日下午",
        "下一步，我区将",
        ("现在位置", "打印本页", "关闭窗口"),
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_real_pages(shared, name):
    title, first, last, chrome = PAGES[name]
    result = read_file(shared / "pages" / f"{name}.html")
    assert result.problems == []
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.title == title
    assert story.date.startswith(("2019", "2020"))
    paragraphs = story.paragraphs
    assert len(paragraphs) >= 3
    if first:
        assert paragraphs[0].startswith(first), paragraphs[0][:40]
    if last:
        assert paragraphs[-1].startswith(last), paragraphs[-1][:40]
    text = story.text
    for scrap in chrome:
        assert scrap not in text, scrap


def test_real_page_metadata(shared):
    toutiao = read_file(shared / "pages" / "gne_toutiao_3.html").stories[0]
    assert toutiao.authors == ["林子沛"]
    assert toutiao.headings[:2] == ["河流、丛林、野兽与冰川", "安慰与质疑"]
    people = read_file(shared / "pages" / "gne_people_1.html").stories[0]
    assert people.date == "2019-06-15"
    assert people.source.startswith("人民网")
    assert people.authors == []  # the page's numeric author meta is not a person
    sina = read_file(shared / "pages" / "gne_sina_5.html").stories[0]
    assert sina.editor == "吴金明"


@pytest.mark.parametrize(
    ("codec", "charset", "title", "body"),
    [
        (
            "gbk",
            "gbk",
            "长江流域进入主汛期 多地加强堤防巡查",
            "水利部门表示，入汛以来长江中下游降雨偏多，各地已组织专人日夜巡堤。",
        ),
        (
            "big5",
            "big5",
            "北市公車新路線上路 通勤族轉乘更方便",
            "交通局表示，新路線串連三個捷運站，尖峰時段每十分鐘一班。",
        ),
    ],
)
def test_legacy_encoded_pages(tmp_path, codec, charset, title, body):
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{title}</title></head><body><div class='nav'><a href='/'>首頁</a></div>"
        f"<h1>{title}</h1><div class='content'><p>{body}</p><p>{body[::-1]}</p><p>{body}</p></div>"
        "</body></html>"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode(codec))
    result = read_file(path)
    assert result.problems == []
    assert result.encoding == {"gbk": "gb18030", "big5": "big5hkscs"}[codec]
    (story,) = result.stories
    assert story.title == title
    assert story.paragraphs[0] == body


def _template_html(path) -> str:
    """The HTML page held in a test-fixture JavaScript module (export const x = `<html>…`)."""
    source = path.read_text(encoding="utf-8")
    start, end = source.index("`") + 1, source.rindex("`")
    return source[start:end].replace("\\`", "`")


# Taiwan pages: title, date, body start, body end, chrome
TAIWAN = {
    "tw_bnext": (
        "AMD推AI PC新晶片！商用AI PC是什麼，和一般AI PC有何不同？",
        "2024-10-14",
        "IC設計大廠超微（AMD）",
        "在筆電廠方面，華碩則預估",
        ("登入", "訂閱", "延伸閱讀"),
    ),
    "tw_ctee_chinatimes": (
        "品牌邀晶片商 攻低價5G手機",
        "2024-08-20",
        "隨著全球5G網路普及",
        "為此，高通發表Snapdragon 4s Gen 2",
        ("工商時報", "熱門新聞", "訂閱"),
    ),
    "tw_nextapple": (
        "奧丁丁集團獲美國 Stellar 基金會策略性投資\u3000募資金額達8位數美元",
        "2024-08-12",
        None,
        "王俊凱表示：「展望未來",
        ("我要爆料", "贊助壹蘋", "分享"),
    ),
}


@pytest.mark.parametrize("name", sorted(TAIWAN))
def test_taiwan_pages(shared, name):
    title, date, first, last, chrome = TAIWAN[name]
    stories, problems = parse_html(_template_html(shared / "traditional" / f"{name}.js"), f"{name}.html")
    assert problems == []
    (story,) = stories
    assert (story.title, story.date) == (title, date)
    if first:
        assert story.paragraphs[0].startswith(first)
    assert story.paragraphs[-1].startswith(last)
    for scrap in chrome:
        assert scrap not in story.text, scrap


def test_taiwan_page_bylines_and_column(shared):
    (story,), _ = parse_html(_template_html(shared / "traditional" / "tw_ctee_chinatimes.js"), "ctee.html")
    assert story.authors == ["侯冠州", "張珈睿"]
    assert story.column == "產業．科技"


def test_an_author_that_the_page_calls_its_editor_is_the_editor():
    html = (
        "<html><head><title>坚定实施扩大内需战略</title><meta name='author' content='陈海峰'></head><body>"
        "<h1>坚定实施扩大内需战略</h1><div class='content'>"
        "<p>扩大内需是我国经济发展的基本立足点，也是当前稳增长的关键所在，需要持续用力、久久为功。</p>"
        "<p>扩大内需必须靠政策助力，要让市场在资源配置中起决定性作用，更好发挥政府作用，抓实抓细抓落地。</p>"
        "<p>（作者：方敏北京大学经济学院教授）</p><p>【编辑:陈海峰】</p></div></body></html>"
    )
    [story], problems = parse_html(html, "editor.html")
    assert problems == []
    assert story.authors == ["方敏"] and story.editor == "陈海峰"
