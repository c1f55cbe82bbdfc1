"""Builds the sample pages and their gold files from the paragraphs in page*.py.

The pages were composed as paragraphs and laid out with the corpus generator's
layout code; run `python tests/data/sample_gold/source/pageN.py` from the
repository root after editing a page. Each run re-checks that every entity
form and evidence string occurs in the page.
"""
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(REPO))
from benchmarks.corpus_gen import Item, render_item  # noqa: E402,F401

SAMPLE = REPO / "resources" / "sample"
GOLD = REPO / "tests" / "data" / "sample_gold"


def E(name, type_, canonical=None, aliases=()):
    return {"name": name, "type": type_, "canonical": canonical or name, "aliases": list(aliases)}


def R(s, rel, o, ev, role=None, year=None):
    d = {"subject": s, "relation": rel, "object": o, "evidence": ev}
    if role:
        d["role"] = role
    if year:
        d["year"] = year
    return d


def headline_text(item):
    if not item.headline:
        return None
    return "".join(item.headline)


def build_txt(stem, encoding, date, seed, articles, entities, relations, notes=()):
    rng = random.Random(seed)
    lines = [""]
    meta = []
    for item, bylines, *rest in articles:
        rendered = render_item(item, rng)
        body_first = next(l for l in rendered if l and not l.startswith("■"))
        begins = body_first[:16]
        m = {"headline": headline_text(item), "begins": begins, "bylines": bylines}
        if rest:
            m["note"] = rest[0]
        meta.append(m)
        lines += rendered
    while lines[-1] == "":
        lines.pop()
    text = "\n".join(lines) + "\n"
    SAMPLE.mkdir(parents=True, exist_ok=True)
    (SAMPLE / f"{stem}.txt").write_bytes(text.encode(encoding))
    write_gold(stem + ".txt", encoding, date, meta, entities, relations, notes)
    check(stem + ".txt", text.replace("\n", ""), entities, relations)
    return text


def write_gold(document, encoding, date, meta, entities, relations, notes):
    GOLD.mkdir(parents=True, exist_ok=True)
    gold = {
        "document": document,
        "encoding": encoding,
        "publication": {"home_city": "聊城市", "province": "山东省", "date": date,
                        "newspaper": "聊城日报 (fictional page written for explorer)"},
        "notes": [
            "Fictional page composed for explorer in the style of a PDF-extracted page of the "
            "Liaocheng daily; annotated with the conventions of ANNOTATION.md.",
            "located_in from a county or district to 聊城市 is annotated only where the text "
            "ties them together; role_at only where the organisation is named (role in `role`).",
            *notes,
        ],
        "articles": meta,
        "entities": entities,
        "relations": relations,
    }
    stem = document.rsplit(".", 1)[0]
    (GOLD / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")


def check(doc, flat, entities, relations, alt=None):
    bad = []
    forms = {}
    for e in entities:
        for f in [e["name"], *e["aliases"]]:
            if f not in flat and (alt is None or f not in alt):
                bad.append(("entity", f))
        forms[e["canonical"]] = e["type"]
    seen = set()
    for e in entities:
        key = (e["canonical"], e["type"])
        if key in seen:
            bad.append(("dup", key))
        seen.add(key)
    for r in relations:
        if r["evidence"] not in flat and (alt is None or r["evidence"] not in alt):
            bad.append(("evidence", r["evidence"]))
        for k in ("subject", "object"):
            if r[k] not in forms:
                bad.append(("unknown " + k, r[k]))
    if bad:
        for b in bad:
            print(doc, *b)
        raise SystemExit(1)
    print(doc, "ok", len(entities), "entities", len(relations), "relations")
