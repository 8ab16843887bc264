"""Recognising site chrome and boilerplate lines in plain-text news pages.

Each function looks at one stripped line and answers a yes/no question:
is it a disclaimer or copyright line to drop, a marker that the story is
over (``相关阅读``, ``責任編輯``, ``Copyright`` …), a column label (``评论``),
a photo credit, or a navigation-like scrap. Rules are by form and by the
vocabulary Chinese news sites share, not fitted to one site.
"""

from __future__ import annotations

import re

#: Labels of a newspaper column that stand alone above a story's title.
COLUMN_LABELS = {
    "评论",
    "評論",
    "社论",
    "社論",
    "短评",
    "短評",
    "时评",
    "時評",
    "快评",
    "快評",
    "述评",
    "述評",
    "言论",
    "言論",
    "本报评论员",
    "本報評論員",
    "评论员文章",
    "編者按",
    "观察",
    "觀察",
    "专栏",
    "專欄",
    "论坛",
    "論壇",
    "随笔",
    "隨筆",
    "人物",
    "特写",
    "特寫",
    "通讯",
    "通訊",
    "综述",
    "綜述",
    "快讯",
    "快訊",
    "访谈",
    "訪談",
    "调查",
    "調查",
    "观点",
    "觀點",
    "读者来信",
    "讀者來信",
    "图片新闻",
    "圖片新聞",
    "要闻",
    "要聞",
    "视点",
    "視點",
    "社评",
    "社評",
    "时论",
    "時論",
}

# Lines that are never story text (checked against the start of the line).
_DROP_PREFIX = re.compile(
    r"^(?:[\[【]\s{0,2}(?:摘要|提要|导读|導讀)\s{0,2}[:：】\]]|"  # a summary box printed before the story
    r"发布于|發佈於|發布於|声明[:：]|聲明[:：]|免责声明|免責聲明|版权声明|版權聲明|用户反馈|用戶反饋|"
    r"copyright|©|\(c\)\s{0,2}[\da-z]|版权所有|版權所有|转载请注明|轉載請註明|未经授权|未經授權|本文系|本網站|本网站|"
    r"原标题[:：]|原標題[:：]|[（(]原标题|[（(]原標題|[（(]原题为|[（(]原題為|分享到|分享至|点击进入|點擊進入|"
    r"点击查看|點擊查看|点击阅读|點擊閱讀|扫描二维码|掃描二維碼|扫码|掃碼|用微信扫|关注我们|關注我們|"
    r"返回|【打印|【关闭|打印本页|关闭窗口|字号[:：]?|字級|字体[:：]|字體[:：]|阅读\s?\d|閱讀\s?\d|"
    r"更多精彩|更多猛料|欢迎扫描|歡迎掃描|请加入成为|請加入成為|月费订户|月費訂戶|订阅|訂閱|"
    r"本文来源[:：]|本文來源[:：]|网友评论仅供|網友評論僅供|往下滑看|繼續閱讀|继续阅读|"
    r"上一篇|下一篇|上一則|下一則|點擊閱讀下一則|loading|特别声明|特別聲明|举报$|舉報$|"
    r"点击上方|點擊上方|点击下方|點擊下方|喜欢此内容|喜歡此內容|写下你的留言|寫下你的留言|精选留言|精選留言|"
    r"媒体联系|媒體聯繫|媒体联络|媒體聯絡|新闻联系人|新聞聯絡人|打开.{0,12}(?:APP|app|客户端)[^。，]{0,10}$|"
    r"本文(?:为|為|系).{0,30}(?:原创|原創)|\d{1,2}:\d{2}\s{0,2}/\s{0,2}\d{1,2}:\d{2}|"
    r"(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关链接|相關連結)\s{0,2}[:：]|"
    r"[【\[](?:相关报道|相關報道|相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|"
    r"相关文章|相關文章)[】\]])",
    re.IGNORECASE,
)
_DROP_WHOLE = re.compile(
    r"^(?:[-=_*~·•.。—–|｜/\\#＃>›»<«\s]{1,80}|[【\[]\d{1,3}[】\]](?:[【\[]\d{1,3}[】\]])*|"
    r"(?:上一页|下一页|首页|尾页|\d{1,3}|\s)+|合作|用户反馈\s*合作|用戶反饋\s*合作|全文完|\(完\)|（完）|"
    r"[-—－=\s]{0,4}END[-—－=\s]{0,4}|分享|分享到|字号|字號|打印|收藏|举报|舉報|纠错|糾錯|大\s?中\s?小|[+＋]?\s?(?:关注|關注|已关注|已關注)|预览时标签不可点|預覽時標籤不可點|阅读原文|閱讀原文|"
    r"(?:[【\[](?:纠错|糾錯|打印|关闭|關閉|收藏|分享|评论|評論)[】\]]\s{0,2})+|"
    r"(?:转发|轉發|评论|評論|赞|讚|点赞|點讚|在看|阅读|閱讀|收藏|分享|留言|推荐|推薦|喜欢|喜歡)"
    r"\s{0,2}[（(]?\s{0,2}[\d.,]{1,9}\s{0,2}[万萬千kKwW]?\+?\s{0,2}[)）]?)$"
)

# Lines after which a whole-page rendering has no more story text.
_END_MARKER = re.compile(
    r"^[【\[〖]?\s{0,2}(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|相关报道|相關報導|相关推荐|相關推薦|"
    r"延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|熱門推薦|为您推荐|為您推薦|猜你喜欢|猜你喜歡|热门文章|熱門文章|"
    r"最新文章|热点新闻|熱點新聞|精彩推荐|精彩推薦|大家都爱看|大家都在看|今日推荐|今日推薦|即時熱門|看更多|更多新闻|更多新聞|"
    r"责任编辑|責任編輯|责编|責編|返回搜狐|返回首页|返回網易|返回网易|网友评论|網友評論|我要评论|我要評論|发表评论|發表評論|"
    r"热门评论|熱門評論|最新评论|最新評論|评论（|評論（|评论\(|留言与评论|留言與評論|留言规则|留言規則|发表意见|發表意見|"
    r"版权声明|版權聲明|免责声明|免責聲明|copyright|©|版权所有|版權所有|关键词|關鍵詞|关键字|關鍵字|"
    r"标签[:：]|標籤[:：]|本文来源|本文來源|我要反馈|點擊排行|点击排行|跟贴排行|阅读排行|閱讀排行|上一篇|下一篇|"
    r"加载更多|加載更多|相关专题|相關專題|图集推荐|圖集推薦|反侵权公告|反侵權公告|侵权举报|侵權舉報|作者简介|作者簡介|"
    r"往期回顾|往期回顧|你可能还想看|你可能還想看|你可能也喜欢|你可能也喜歡|可能感兴趣|可能感興趣)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^[（(【\[]?\s{0,2}(?:图片来源|圖片來源|图片由|圖片由|图源|圖源|图片|圖片|图|圖|摄影|攝影|照片|資料照|资料图|資料圖|"
    r"视频来源|視頻來源|影片來源|來源)\s{0,2}[:：／/]\s{0,2}[^，。！？]{0,30}[）)】\]]?$"
)
# 图片均来自网络 / 本文配图来源于网络 / 圖片取自 Facebook: where the pictures came from
_PICTURES_FROM = re.compile(
    r"^[（(【\[]?\s{0,2}(?:本文|文中|文内|文內)?(?:图片|圖片|配图|配圖|插图|插圖|图|圖)\s{0,2}(?:均|皆|都|全部)?"
    r"\s{0,2}(?:来自|來自|来源于|來源於|源自|取自|选自|選自|转自|轉自|由)\s{0,2}[^，。！？]{1,24}[）)】\]]?$"
)
_PUNCT = re.compile(r"[，。！？；：、,.!?;:“”「」『』]")


_DROP_ANYWHERE = re.compile(
    r"版权所有|版權所有|all rights reserved|copyright\s*©|ICP[备證证]|公网安备|公網安備|"
    r"(?:本文|本网|本網|本站|本平台|文章)(?:仅|僅)代表|不代表本(?:网|網|站|平台|报|報|刊)|"
    r"不代表.{1,16}(?:观点或立场|觀點或立場|之立场|之立場)|转载请(?:注明|联系|註明)|轉載請(?:註明|聯繫|注明)|"
    r"(?:【详细】|【詳細】|【更多】|点击查看|點擊查看|阅读全文|閱讀全文|查看原文)\s{0,2}(?:>>|》)?$|"
    r"尽在.{1,12}(?:APP|app|客户端)|^(?:点我|點我|点此|點此|立即)?(?:下载|下載).{0,12}(?:APP|app|客户端|客戶端)|"
    r"^.{0,8}(?:现在位置|当前位置|您的位置|你的位置|目前位置|現在位置|"
    r"當前位置|您的位置)|首页\s*(?:>|＞|»|›|→)|首頁\s*(?:>|＞|»|›|→)|(?:>|＞|»|›|→)\s*正文$|"
    # promotions: subscribe / follow / vote calls, paywall and ad-feedback notices
    r"(?:^|[！!。，,\s])(?:订阅|訂閱|关注|關注|追蹤|追踪|加入).{0,12}(?:日报|日報|电子报|電子報|newsletter|社群|"
    r"粉丝团|粉絲團|公众号|公眾號|LINE|Facebook|Instagram|YouTube)|"
    r"(?:^|[！!。，,\s])(?:点击|點擊|立即|马上|馬上|快来|快來)(?:订阅|訂閱|投票|参与|參與|报名|報名|关注|關注)|"
    r"(?:加入|成為|成为|升級|升级|開通|开通).{0,8}付[费費](?:会员|會員)|查[询詢]时效|查詢時效|(?:移除|隐藏|隱藏)(?:这个|這個|此)?(?:广告|廣告)|"
    r"^(?:查看原文|阅读原文|閱讀原文|原文链接|原文連結)\s{0,2}[:：]?\s{0,2}(?:https?://|$)|"
    # complaint and infringement notices of the site
    r"(?:违法|違法|不良|有害)(?:和不良)?(?:信息|資訊|内容|內容)(?:举报|舉報)|(?:举报|舉報)(?:邮箱|郵箱|信箱)\s{0,2}[:：]?\s{0,2}\S{1,30}@|"
    r"(?:非法|涉嫌)(?:侵权|侵權)(?:行为|行為)|侵权(?:线索|公告)|侵權(?:線索|公告)",
    re.IGNORECASE,
)


# 人民网 >> 经济·科技 / 新闻频道 > 国内新闻 / 财经 > 产经: a breadcrumb trail
_BREADCRUMB = re.compile(
    r"^[^>＞»›→。，！？]{1,16}(?:\s{0,2}(?:>>?|＞|»|›|→)\s{0,2}[^>＞»›→。，！？]{1,16}){1,5}$"
)
# 首页 | 时政 | 国际 | 文化: a menu bar copied as one line
_MENU = re.compile(
    r"^[^|｜/／。，！？]{1,8}(?:\s{0,3}[|｜/／]\s{0,3}[^|｜/／。，！？]{1,8}){3,}$"
    r"|^[^|｜/／。，！？\s]{1,8}(?:\s{1,3}[/／|｜]\s{1,3}[^|｜/／。，！？\s]{1,8}){2,}$"  # 首頁 / 生活 / 交通
)


_FOOTER = re.compile(
    r"版权所有|版權所有|rights reserved|copyright|ICP|公网安备|公網安備|许可证|許可證|"
    r"(?:举报|舉報)(?:电话|電話|邮箱|郵箱)|"
    r"联系我们|聯絡我們|关于我们|關於我們|网站地图|網站地圖",
    re.IGNORECASE,
)


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb trail or a menu bar (short items between ``>`` or ``|`` marks)."""
    return len(line) <= 80 and bool(_BREADCRUMB.match(line) or _MENU.match(line))


# words of a button or a notice that also open sentences of stories (返回舱与推进舱分离，…。)
_SENTENCE_OPENER = re.compile(r"^(?:返回|订阅|訂閱|扫码|掃碼|用户反馈|用戶反饋)")


def _story_sentence(line: str) -> bool:
    """A line opening with such a word that is a sentence of some length, not a button's label."""
    return len(line) > 30 and "。" in line and bool(_SENTENCE_OPENER.match(line))


def is_drop_line(line: str) -> bool:
    """True for disclaimer, copyright, share and pager lines that never hold story text."""
    if not line:
        return True
    if (
        _DROP_PREFIX.match(line)
        and not _story_sentence(line)
        or _DROP_WHOLE.match(line)
        or is_credit_line(line)
    ):
        return True
    if is_breadcrumb(line):
        return True
    if len(line) <= 80:
        return bool(_DROP_ANYWHERE.search(line))
    # a site footer run together: copyright, licence numbers, ICP and police records in one line
    return len(line) <= 400 and len(set(_FOOTER.findall(line))) >= 2


# 新华社记者 李华 摄 / (图/新华社) / 摄影：张三 — a photo credit standing alone
_PHOTO_CREDIT = re.compile(
    r"^[（(【\[]?\s{0,2}(?:(?:[\u3400-\u9fff]{1,6}(?:社|台|报|報|网|網|站)\s{0,2})?"
    r"(?:特约|特約|首席|见习|見習)?(?:记者|記者|通讯员|通訊員|摄影记者|攝影記者|发|發))?\s{0,2}"
    r"[\u3400-\u9fff·]{2,5}(?:\s{1,2}[\u3400-\u9fff·]{2,5}){0,2}\s{0,2}(?:摄|攝|摄影|攝影|供图|供圖)"
    r"\s{0,2}[）)】\]]?$|^(?:摄影|攝影|图片|圖片)\s{0,2}[:：]\s{0,2}[\u3400-\u9fff·、\s]{2,20}$"
)
# 图为…。 / 上图：… / …。（新华社记者 李华 摄）— a caption, with or without its credit
_CAPTION = re.compile(
    r"^(?:图为|圖為|(?:上图|上圖|下图|下圖|左图|左圖|右图|右圖|图[一二三四1-9]|圖[一二三四1-9])[：:\s，]|"
    r".{2,60}[（(][^（()）]{0,24}(?:摄|攝|供图|供圖|提供|图源|圖源|资料图|資料圖)[)）]$)"
)


def is_photo_credit(line: str) -> bool:
    """A lone photo credit (``新华社记者 李华 摄``): not a byline, and no one's authorship of the story."""
    return len(line) <= 36 and bool(_PHOTO_CREDIT.match(line))


def is_caption(line: str) -> bool:
    """A picture caption (``图为…``, or a line closing with its photographer's credit).

    Captions are kept as paragraphs (they say what the page showed), never as subheads.
    """
    return len(line) <= 90 and bool(_CAPTION.match(line))


_END_WHOLE = re.compile(
    r"^(?:评论|評論|留言|跟帖|跟贴|網友回應|网友回应)\s{0,2}(?:[（(]?\s{0,2}\d{0,7}\s{0,2}[)）]?)$"
)


def is_end_marker(line: str) -> bool:
    """True for a line after which a saved page holds no more of the story."""
    return bool(_END_MARKER.match(line[:40]) or (len(line) <= 16 and _END_WHOLE.match(line)))


_RELATED = re.compile(
    r"^[【\[〖]?\s{0,2}(?:延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞)"
)


def is_related_marker(line: str) -> bool:
    """A related-links box label (``延伸阅读``): a story may go on after the box."""
    return len(line) <= 12 and bool(_RELATED.match(line))


def is_credit_line(line: str) -> bool:
    """A lone photo credit such as ``图片来源：视觉中国``, ``(图/新华社)`` or ``图片均来自网络``."""
    return len(line) <= 40 and bool(_CREDIT.match(line) or _PICTURES_FROM.match(line))


# 地方新聞 / 区域快讯 / 国内新闻 / 财经频道: a site's channel or section label
_CHANNEL = re.compile(
    r"^[\u3400-\u9fff]{1,6}(?:新闻|新聞|快讯|快訊|资讯|資訊|频道|頻道|要闻|要聞|动态|動態|速递|速遞|聚焦|播报|播報|"
    r"新闻网|新聞網)$"
)


def column_label(line: str) -> str:
    """The column name when the line is only a column label (``评论``, ``【社论】``)."""
    inner = line.strip().strip("【】[]〖〗「」").strip()
    return inner if inner in COLUMN_LABELS else ""


def is_channel_label(line: str) -> bool:
    """A site's channel or section label (``地方新聞``, ``区域快讯``) standing above a headline."""
    return len(line) <= 8 and bool(_CHANNEL.match(line.strip()))


def has_sentence_punct(line: str) -> bool:
    return bool(_PUNCT.search(line[:400]))


def is_navigation(line: str) -> bool:
    """Short scraps typical of menus, buttons and counters (no sentence punctuation)."""
    if len(line) > 24:
        return False
    if has_sentence_punct(line):
        return False
    return True
