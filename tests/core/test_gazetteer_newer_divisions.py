"""The packaged gazetteer knows county-level divisions formed or renamed after
its pre-2019 base data (merged by tools/build_gazetteer.py), under their
city, next to the old names that older papers use."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from explorer.core.gazetteer import DATA_FILE, load_gazetteer

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_gazetteer.py"


def _parent_name(name: str, level: str) -> str:
    gazetteer = load_gazetteer()
    found = [d for d in gazetteer.lookup(name) if d.name == name and d.level == level]
    assert len(found) == 1, (name, found)
    return gazetteer.parent(found[0].code).name


@pytest.mark.parametrize(
    ("name", "level", "parent"),
    [
        ("梁溪区", "district", "无锡市"),  # 2015
        ("海门区", "district", "南通市"),  # 2020
        ("渌口区", "district", "株洲市"),  # 2018
        ("孟津区", "district", "洛阳市"),  # 2021
        ("罗江区", "district", "德阳市"),  # 2017
        ("崇明区", "district", "上海市"),  # 2016, a municipality's district
        ("三沙市", "city", "海南省"),  # prefecture-level, 2012
        ("西沙区", "district", "三沙市"),  # 2020
    ],
)
def test_newer_divisions_sit_under_their_parent(name, level, parent):
    assert _parent_name(name, level) == parent


def test_old_names_stay_and_short_names_reach_both():
    gazetteer = load_gazetteer()
    assert _parent_name("海门市", "county_city") == "南通市"
    counties = ("district", "county", "county_city")
    assert {d.name for d in gazetteer.lookup("海门") if d.level in counties} == {"海门市", "海门区"}
    assert [d.name for d in gazetteer.lookup("梁溪") if d.level in counties] == ["梁溪区"]


def test_a_county_moved_to_another_city_is_not_listed_twice():
    assert [d.name for d in load_gazetteer().lookup("简阳市")] == ["简阳市"]


def test_new_codes_extend_their_parent_and_clash_with_none():
    lines = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8").splitlines()[1:]
    gazetteer = load_gazetteer()
    assert len(gazetteer) == len(lines)  # a clash would drop a row from the code index
    for name in ("梁溪区", "三沙市", "西沙区"):
        division = gazetteer.lookup(name)[0]
        assert division.code.startswith(division.parent) and len(division.code) == len(division.parent) + 2


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_merge_appends_new_names_and_keeps_every_old_position(tool, tmp_path):
    table = tmp_path / "pca.csv"
    table.write_text(
        "country,sheng,shi,qu\n"
        "中国,甲省,乙市,\n中国,甲省,乙市,老区\n中国,甲省,乙市,新城区\n"
        "中国,甲省,丙市,搬来县\n中国,甲省,丙市,丙一镇\n"  # a county moved from 乙市; a town
        "中国,甲省,丁市,丁东区\n"  # a city the tree lacks
        "中国,甲省,戊市,\n"  # a county-level city under the province itself
        "中国,乙国,己市,己区\n",  # a province the tree lacks
        encoding="utf-8",
    )
    tree = {"甲省": {"乙市": {"老区": {"一街道": []}, "搬来县": {}}, "丙市": {"丙区": {}}, "省直辖县级行政区划": {}}}
    added, moved = tool.merge_newer(tree, tool.read_newer(table))
    assert added == [("甲省", "乙市", "新城区"), ("甲省", "丁市"), ("甲省", "丁市", "丁东区"),
                     ("甲省", "省直辖县级行政区划", "戊市")]
    assert moved == [("甲省", "丙市", "搬来县")]
    assert list(tree["甲省"]) == ["乙市", "丙市", "省直辖县级行政区划", "丁市"]
    assert list(tree["甲省"]["乙市"]) == ["老区", "搬来县", "新城区"]
    assert tree["甲省"]["乙市"]["老区"] == {"一街道": []}
    codes = {name: code for code, name, _level, _parent in tool.rows(tree)}
    assert codes["老区"] == "010101" and codes["搬来县"] == "010102" and codes["新城区"] == "010103"
    assert codes["丁市"] == "0104" and codes["戊市"] == "010301"
