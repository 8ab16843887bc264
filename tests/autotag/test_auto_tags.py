"""auto_tags on the seed page and on stories written for these tests."""

from __future__ import annotations

import pytest

from reader.autotag import LIMITS, TAG_KINDS, auto_tags, make_tag, tag_kind, tag_label
from reader.autotag.segment import to_simplified
from reader.story import Story

SEED = "000_d96a957ce2900ba2.txt"
SEED_TITLES = ("朝着春天出发", "凝聚开新局的力量", "扎根基层乐奉献", "邮情柚意")


@pytest.fixture(scope="module")
def seed_stories(archive_dir):
    path = archive_dir / SEED
    if not path.exists():
        pytest.skip(f"seed page {path} is not in the bundled archive")
    from reader.ingest.textpage import parse_text

    stories = parse_text(path.read_text(encoding="utf-8"), str(path))
    titles = [s.title for s in stories]
    for expected in SEED_TITLES:
        assert any(t.startswith(expected) for t in titles), f"seed page split lost {expected}: {titles}"
    return stories


@pytest.fixture(scope="module")
def seed_tags(seed_stories) -> set[str]:
    union: set[str] = set()
    for story in seed_stories:
        union.update(auto_tags(story))
    return union


@pytest.mark.parametrize("place", ["江西", "上饶", "信州区", "广丰区"])
def test_seed_places(seed_tags, place):
    assert f"place:{place}" in seed_tags


@pytest.mark.parametrize("person", ["徐浠乐", "夏列丰"])
def test_seed_people(seed_tags, person):
    assert f"person:{person}" in seed_tags


def test_seed_orgs(seed_tags):
    assert "org:上饶邮政" in seed_tags or "org:中国邮政" in seed_tags
    assert "org:邮储银行" in seed_tags  # written 上饶邮银, 邮储银行, 邮政银行 in the text
    assert not {"org:邮政银行", "org:上饶邮银"} & seed_tags


@pytest.mark.parametrize("topic", ["马家柚", "光伏", "乡村振兴"])
def test_seed_topics(seed_tags, topic):
    assert f"topic:{topic}" in seed_tags


def test_seed_no_unnormalised_places(seed_tags):
    assert not {"place:上饶市", "place:江西省", "place:信州"} & seed_tags


def test_seed_journalists_are_not_person_tags(seed_tags):
    # 蔡文逸, 龚俊慧 and 徐骞 are the reporters in the bylines, 黄騑鸿 signs the last story
    assert not {"person:蔡文逸", "person:龚俊慧", "person:徐骞", "person:黄騑鸿"} & seed_tags


def test_seed_column(seed_stories):
    comment = next(s for s in seed_stories if s.title.startswith("凝聚开新局的力量"))
    if comment.column:
        assert f"column:{comment.column}" in auto_tags(comment)


def test_every_seed_tag_occurs_in_its_story(seed_stories):
    for story in seed_stories:
        text = story.title + story.subtitle + story.text
        for tag in auto_tags(story):
            if tag_kind(tag) in ("place", "person", "topic"):
                assert tag_label(tag) in text, f"{tag} not in {story.title}"


def test_limits_per_kind(seed_stories):
    for story in seed_stories:
        tags = auto_tags(story)
        for kind, limit in LIMITS.items():
            assert len([t for t in tags if tag_kind(t) == kind]) <= limit


def test_place_limit_on_a_list_of_provinces():
    provinces = (
        "北京、天津、河北、山西、内蒙古、辽宁、吉林、黑龙江、上海、江苏、浙江、安徽、福建、江西、山东、河南"
    )
    story = Story(title="多地发布高温预警", paragraphs=[f"{provinces}等地今天出现高温天气。"])
    places = [t for t in auto_tags(story) if tag_kind(t) == "place"]
    assert len(places) == LIMITS["place"]
    assert places[0] == "place:北京"


def test_traditional_story_gets_simplified_tags():
    story = Story(
        title="九龍城區議會討論舊區重建",
        paragraphs=[
            "香港九龍城區議會今日開會，討論舊區重建計劃。區議員陳志明表示，重建應照顧街坊。",
            "陳志明說，九龍城的居民希望政府盡快公佈重建時間表。香港特區政府回應指會研究。",
        ],
    )
    tags = auto_tags(story)
    assert "place:香港" in tags
    assert "place:九龙城区" in tags
    assert "person:陈志明" in tags
    assert "org:香港特区政府" in tags
    assert all(to_simplified(t) == t for t in tags)


def test_country_names_are_places():
    story = Story(title="中美经贸磋商", paragraphs=["美国和日本代表在新加坡会面，乌克兰问题也在议程上。"])
    tags = auto_tags(story)
    for country in ("美国", "日本", "新加坡", "乌克兰"):
        assert f"place:{country}" in tags
    assert "person:乌克兰" not in tags


def test_zones_named_after_their_place_are_places():
    paras = [
        "上饶经开区又一次站在了新的起点上，长春新区和上海自贸试验区也在名单上。",
        "雄安新区高新技术产业开发区挂牌；城市新区建设提速。",
    ]
    tags = auto_tags(Story(title="开发区的一年", paragraphs=paras))
    for zone in ("上饶经开区", "长春新区", "上海自贸试验区"):
        assert f"place:{zone}" in tags
    assert "place:上饶" in tags  # the host place keeps its own tag
    # no zone inside a zone, no zone after a word that is not a place
    assert not [t for t in tags if "新区高新" in t or t == "place:城市新区"]


def test_new_fruit_name_is_a_topic_not_a_person():
    paras = ["今年马家柚大丰收，果农忙着采摘马家柚。", "马家柚远销各地，马家柚产业带动了增收。"]
    tags = auto_tags(Story(title="柚乡丰收", paragraphs=paras))
    assert "topic:马家柚" in tags
    assert "person:马家柚" not in tags


def test_column_tag():
    story = Story(title="一篇评论", paragraphs=["文字。"], column="評論")
    assert auto_tags(story)[-1] == "column:评论"


def test_empty_story():
    assert auto_tags(Story(title="")) == []


def test_tag_helpers():
    assert tag_kind("place:上饶") == "place"
    assert tag_label("place:上饶") == "上饶"
    assert tag_label("topic:a:b") == "a:b"
    assert tag_kind("随便") == "user" and tag_label("随便") == "随便"
    assert make_tag("person", " 徐浠乐 ") == "person:徐浠乐"
    with pytest.raises(ValueError):
        make_tag("colour", "红")
    assert TAG_KINDS == ("place", "person", "org", "topic", "column", "user")
