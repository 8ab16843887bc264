"""The rules under auto_tags: junk filter, place names, people and organisations."""

from __future__ import annotations

import pytest

from reader.autotag.junk import is_junk
from reader.autotag.orgs import find_orgs
from reader.autotag.people import find_people, looks_like_name
from reader.autotag.places import compounds_of, countries, divisions, find_places, short_name, surface_forms
from reader.autotag.segment import segment


def places_in(text: str) -> list[str]:
    seg = segment(text)
    return [label for label, _s, _e in find_places(seg.text, seg.starts, seg.ends, compounds_of(seg.tokens))]


@pytest.mark.parametrize(
    "word",
    [
        "发展",
        "工作",
        "一年",
        "记者",
        "本报",
        "同志",
        "问题",
        "马",
        "",
        "2023年",
        "十五届",
        "第八批",
        "3月",
        "一季度",
    ],
)
def test_junk(word):
    assert is_junk(word)


@pytest.mark.parametrize("word", ["马家柚", "光伏", "乡村振兴", "上饶", "徐浠乐", "邮储银行"])
def test_not_junk(word):
    assert not is_junk(word)


@pytest.mark.parametrize(
    ("name", "level", "short"),
    [
        ("江西省", "province", "江西"),
        ("广西壮族自治区", "province", "广西"),
        ("新疆维吾尔自治区", "province", "新疆"),
        ("内蒙古自治区", "province", "内蒙古"),
        ("香港特别行政区", "province", "香港"),
        ("北京市", "province", "北京"),
        ("上饶市", "prefecture", "上饶"),
        ("黔东南苗族侗族自治州", "prefecture", "黔东南"),
        ("锡林郭勒盟", "prefecture", "锡林郭勒"),
        ("阿里地区", "prefecture", "阿里"),
        ("信州区", "county", "信州区"),
        ("广丰区", "county", "广丰区"),
        ("阿鲁科尔沁旗", "county", "阿鲁科尔沁旗"),
        ("义乌市", "county", "义乌"),
    ],
)
def test_short_names(name, level, short):
    assert short_name(name, level) == short


def test_division_data_is_complete_enough():
    divs = divisions()
    assert len(divs) > 3000
    levels = {d.level for d in divs}
    assert levels == {"province", "prefecture", "county"}
    assert len([d for d in divs if d.level == "province"]) == 34


def test_full_and_short_forms_merge():
    assert places_in("江西省上饶市信州区") == ["江西", "上饶", "信州区"]
    assert places_in("江西上饶的广丰区") == ["江西", "上饶", "广丰区"]


def test_taiwan_and_hong_kong_places():
    forms = surface_forms()
    assert forms["台北市"] == forms["台北"] == "台北"
    assert forms["九龙"] == "九龙"
    assert "香港" in places_in("香港九龙的街头")
    assert "九龙" in places_in("香港九龙的街头")


def test_place_names_inside_other_words_are_not_places():
    assert "中山" not in places_in("他毕业于中山大学")
    assert "中山" not in places_in("纪念孙中山先生")
    assert places_in("中山市的工厂") == ["中山"]


def test_place_names_that_are_common_words_need_their_full_form():
    assert "大同" not in places_in("追求世界大同的理想")
    assert places_in("山西大同市的煤矿") == ["山西", "大同"]
    assert "白银" not in places_in("白银价格上涨")


def test_place_at_the_head_of_a_dictionary_org_name():
    assert places_in("香港立法会议员表示") == ["香港"]


def test_vague_district_names_are_not_places():
    assert places_in("东区和南区的居民，老城区的街道") == []


def test_countries():
    table = countries()
    assert table.get("美国") == "美国"
    assert table.get("俄罗斯") == "俄罗斯"
    assert "中国" not in table and "香港" not in table


@pytest.mark.parametrize("name", ["徐浠乐", "夏列丰", "欧阳修", "李强", "王小明"])
def test_looks_like_name(name):
    assert looks_like_name(name)


@pytest.mark.parametrize("word", ["黄澄澄", "徐师傅", "王总", "李某", "张", "发展规划", "幸福感"])
def test_does_not_look_like_name(word):
    assert not looks_like_name(word)


def test_people_need_evidence():
    seg = segment("荣获标兵称号。黄澄澄的柚子挂满枝头。社长夏列丰表示，夏列丰的合作社很忙。")
    assert set(find_people(seg)) == {"夏列丰"}


def test_byline_names_are_not_people():
    seg = segment("本报记者 龚俊慧\n通讯员徐骞报道。村民李建国说，今年收成好。")
    assert set(find_people(seg)) == {"李建国"}
    seg = segment("村民李建国说，今年收成好。")
    assert find_people(seg, authors=["李建国"]) == {}


def test_org_aliases_merge():
    seg = segment("中国邮政储蓄银行和邮储银行是一家，人们也叫它邮政银行。")
    assert find_orgs(seg, []) == {"邮储银行": 3}


def test_named_bodies_and_local_branches():
    text = "上饶市商务局联合上饶邮政举办活动，广丰区鸡公山种养专业合作社参加。"
    seg = segment(text)
    spans = find_places(seg.text, seg.starts, seg.ends)
    orgs = find_orgs(seg, spans)
    assert {"上饶市商务局", "上饶邮政", "广丰区鸡公山种养专业合作社"} <= set(orgs)


def test_generic_org_words_are_not_orgs():
    seg = segment("市委和政府高度重视，该公司表示将配合。华北中西部地区高温。")
    orgs = find_orgs(seg, [])
    assert not {"市委", "政府", "该公司", "华北中西部"} & set(orgs)
