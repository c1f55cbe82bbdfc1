from explorer.core.gazetteer import load_gazetteer


def test_full_and_short_names_find_the_same_division():
    gazetteer = load_gazetteer()
    full = gazetteer.lookup("东昌府区")
    assert full and full[0].level == "district"
    assert gazetteer.lookup("东昌府")[0].code == full[0].code
    assert gazetteer.lookup("聊城")[0].name == "聊城市"


def test_path_walks_up_to_the_province():
    gazetteer = load_gazetteer()
    village = next(d for d in gazetteer.lookup("丁马村") if d.level == "village")
    assert [d.name for d in gazetteer.path(village.code)][1:] == ["魏湾镇", "临清市", "聊城市", "山东省"]
    assert gazetteer.parent(village.code).name == "魏湾镇"


def test_changes_after_the_source_data_are_applied():
    gazetteer = load_gazetteer()
    assert [d.name for d in gazetteer.lookup("茌平")] == ["茌平区"]
    assert not gazetteer.lookup("茌平县")
    assert not [d for d in gazetteer.lookup("莱芜市") if d.level == "city"]
    assert gazetteer.lookup("聊城经济技术开发区")[0].level == "zone"


def test_streets_drop_the_office_suffix_and_nationwide_towns_exist():
    gazetteer = load_gazetteer()
    assert any(d.level == "street" for d in gazetteer.lookup("大辛庄街道"))
    assert gazetteer.lookup("海淀区")
    assert "中关村街道" in gazetteer.names()
