"""What is never a tag: generic news words, time words, numbers, single characters.

``data/generic_words.txt`` adds nouns that are common in news of every source
and year (measured on the corpus), which topics must avoid as single words.

The stop list holds words that are frequent in news of every kind and so say
nothing about one story (发展, 工作, 记者, 本报, 同志, 问题 …). Rules catch the
rest: fewer than two characters, any digit, time and quantity words.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

#: Generic news words; a tag made of one of these says nothing about the story.
STOPWORDS = frozenset(
    """
    发展 工作 建设 一年 记者 本报 同志 问题 情况 方面 领域 部门 单位 工作人员
    负责人 相关 有关 进行 开展 推进 推动 实现 加强 提升 提高 坚持 落实 全面
    重要 重点 主要 关键 积极 不断 持续 进一步 新闻 消息 报道 采访 来源 原标题
    编辑 责任编辑 责编 通讯员 网友 视频 图片 截图 资料 照片 文章 内容 全文 标题
    作者 栏目 专栏 本文 以上 以下 今年 去年 明年 今天 昨天 明天 目前 近日 日前
    此前 近年来 近年 未来 期间 时间 时候 年度 年底 年初 上半年 下半年 全年 季度
    当天 当日 当晚 上午 下午 晚上 凌晨 中午 之后 之前 以来 如今 现在 当前 过去
    同时 此外 其中 部分 一些 许多 大家 我们 他们 人们 群众 人员 人士 人民 社会
    国家 地方 地区 城市 农村 全国 全省 全市 全区 全县 基层 一线 当地 本地 各地
    各级 领导 干部 党员 企业 公司 项目 产业 经济 市场 服务 管理 政策 措施 活动
    会议 工程 计划 目标 任务 方式 模式 水平 能力 质量 成果 成绩 效果 作用 意义
    影响 机制 体系 环境 条件 基础 规模 数量 总量 增长 需求 资源 平台 渠道 特色
    优势 生活 文化 精神 思想 理念 力量 形势 趋势 过程 阶段 机会 机遇 挑战 困难
    压力 风险 安全 事情 事件 东西 方向 道路 一切 所有 整个 左右 有限公司
    股份有限公司 集团公司 中心 委员会 代表 主任 书记 局长 市长 县长 主席 总理
    部长 先生 女士 朋友 家人 孩子 老人 学生 老师 居民 市民 村民 农民 群体 对象
    用户 客户 消费者 专家 学者 相关负责人 工作者 从业者 主体 行业 领导人 负责同志
    发言人 表示 指出 强调 认为 介绍 希望 要求 提出 参加 举行 举办 召开 出席
    组织 支持 合作 交流 创新 改革 数据 信息 系统 技术 设备 产品 价格 资金 投资
    新华社 新华网 中新网 中新社 人民网 央视网 央视 总台 本台 新闻联播 眾新聞
    众新闻 记者会 发布会 新闻发布会 声明 会见 会谈 外长 财长 双边 前任 人选 档次
    获得者 年率 单日 二度 地级 行内 互通 常任 硕士 日方 美方 中方 各方 双方
    对方 党组书记 厅长 候选人 组织部 代表团 委员长 常委会 草案 主任委员 开幕 闭幕
    致辞 讲话 会晤 通话 倡议 合作伙伴 国际形势 印发 总书记 一座座 全面实施 高品质
    大力宣传 在京举行 真情 隐患 守候 商定 会面 议题 学历 消息人士 个案 社交 被告
    控方 原告 教导 导师 制造商 礼节性 强国 快报 观察员 季末 有所下降 规律性
    摄氏度 奋斗者 法则 玩法 执行公务 纪律 政策措施 当局 官员 政府官员 当地时间
    外媒 媒体 报道称 助力 全党 用人 征程 痛点 快讯 联播 京报 中国式 高质量 首款
    人文 管用 助推 谋划 领会 能级 实际行动 幸福感 同事 岗位 示范区 评论员 座谈会
    新闻稿 直播 网站 微信 微博 公众号 客户端 热线 电话 邮箱 网址 链接 二维码
    点击 关注 订阅 转载 版权 免责
    """.split()
)

_NUMERALS = "0-9０-９〇零一二三四五六七八九十百千万亿两几半多"
#: 第八, 十五届, 一季度, 三月, 两会 … : a numeral and a counter or time word.
_NUMBER_WORD = re.compile(
    rf"^(第[{_NUMERALS}]|[{_NUMERALS}]+(年|月|日|号|时|点|分|秒|周|天|季度|季|世纪|年代|期|届|次|个|名|位|批|轮|项|家|所|座|条|件|份|元|岁|成|倍|层|人|种|类)?$)"
)


#: Stop words that still make good two-word terms (数字经济, 文化产业, 数据安全).
_TERM_PARTS = frozenset(
    """
    经济 市场 产业 文化 技术 数据 安全 服务 资金 投资 环境 产品 价格 信息 系统
    设备 企业 项目 社会 城市 农村 生活 精神 资源 创新 改革 管理 政策
    """.split()
)


def is_empty_part(word: str) -> bool:
    """True for a word too empty to be half of a two-word term (工作体系, 监督工作)."""
    return word not in _TERM_PARTS and is_junk(word)


@functools.cache
def generic_words() -> frozenset[str]:
    """Nouns common in news of every source (``data/generic_words.txt``, built by
    ``bench/build_generic_words.py`` from the corpus): too broad to be a topic alone."""
    text = resources.files("reader.autotag").joinpath("data", "generic_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_junk(word: str) -> bool:
    """True for words that must never become a tag."""
    if len(word) < 2 or word in STOPWORDS:
        return True
    if any(ch.isdigit() for ch in word):
        return True
    return bool(_NUMBER_WORD.match(word))
