"""Real published articles (eval/real/, issue 12) scored the way the outside
evaluation scores explorer: `explorer extract FILE --format json` (the same
service code, in process) against gold written by ANNOTATION.md, with
explorer/nlp/scoring.py.

Each split is run twice: with the manifest's home city given (`--home-city`)
and with none (explorer reads it from the source). The dev split prints one
line per article; the blind split (only with `--blind`, for the coordinator)
prints totals only. Texts are git-ignored: `python tools/real_eval.py rebuild`
restores them; without texts this prints nothing.
Run: .venv/bin/python -m benchmarks.bench_nlp --real-only [--blind]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TYPES = ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR", "ALL", "RELATIONS")
RELATIONS = ("located_in", "awarded", "role_at", "issued_by", "participates_in", "part_of")


def _real_eval_tool():
    """tools/real_eval.py (stdlib only): the manifest reader and text check."""
    if "real_eval" in sys.modules:
        return sys.modules["real_eval"]
    spec = importlib.util.spec_from_file_location("real_eval", REPO / "tools" / "real_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_eval"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def articles_of(split: str) -> list[tuple[dict, Path, dict]]:
    """(manifest entry, text path, gold) of every present, unchanged text of a split with gold."""
    tool = _real_eval_tool()
    layout = tool.Layout(REPO, tool.BACKUP)
    found = []
    for entry in tool.read_manifests(layout):
        gold_path = layout.gold / f"{entry.id}.gold.json"
        if entry.data["split"] != split or not gold_path.is_file() or tool.text_status(layout, entry) != "ok":
            continue
        found.append((entry.data, layout.text(entry.id), json.loads(gold_path.read_text(encoding="utf-8"))))
    return found


def extract_document(path: Path, home_city: str | None, nlp) -> dict:
    """What `explorer extract PATH [--home-city CITY] --format json` prints for one file."""
    from explorer.services import extract
    from explorer.settings import IngestOptions

    return extract.run([str(path)], IngestOptions(home_city=home_city), nlp=nlp)["documents"][0]


def _add(totals: dict, scores: dict) -> None:
    from explorer.nlp.scoring import Score

    for name, score in scores.items():
        totals.setdefault(name, Score()).add(score)


def _print_totals(label: str, totals: dict, macro: tuple[list[float], list[float]], n: int) -> None:
    print(f"{label}: {n} articles, micro P / R / F1 (macro F1 for ALL and RELATIONS)")
    for name in TYPES:
        score = totals.get(name)
        if score is None:
            continue
        extra = ""
        if name == "ALL":
            extra = f"   macro {sum(macro[0]) / max(len(macro[0]), 1):.3f}"
        elif name == "RELATIONS":
            extra = f"   macro {sum(macro[1]) / max(len(macro[1]), 1):.3f}"
        print(f"  {name:16s} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
              f"   ({score.tp_pred}/{score.n_pred} predicted right, {score.tp_gold}/{score.n_gold} gold found){extra}")
    for relation in RELATIONS:
        score = totals.get(f"REL:{relation}")
        if score is not None:
            print(f"  {relation:16s} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
                  f"   ({score.tp_pred}/{score.n_pred}, {score.tp_gold}/{score.n_gold})")


def score_split(split: str, nlp, *, per_article: bool) -> None:
    from explorer.ingest.home_city import infer_home_city
    from explorer.nlp.scoring import score_contract

    items = articles_of(split)
    if not items:
        print(f"real articles, {split} split: no texts with gold (python tools/real_eval.py rebuild)")
        return
    for label, with_name in (("text and file name", True), ("text alone (ids name the city)", False)):
        signals: Counter[str] = Counter()
        for entry, path, _ in items:
            found = infer_home_city(path.read_text(encoding="utf-8"), path.name if with_name else "")
            verdict = "none" if found is None else ("right" if found.name == entry.get("city") else "WRONG")
            signals[f"{verdict} ({found.signal})" if found else verdict] += 1
        print(f"real articles, {split} split: home city read from the {label}: "
              + ", ".join(f"{k} {v}" for k, v in sorted(signals.items())))
    for mode in ("given", "inferred"):
        totals: dict = {}
        macro: tuple[list[float], list[float]] = ([], [])
        for entry, path, gold in items:
            document = extract_document(path, entry.get("city") if mode == "given" else None, nlp)
            scores = score_contract(document, gold)
            _add(totals, scores)
            macro[0].append(scores["ALL"].f1)
            macro[1].append(scores["RELATIONS"].f1)
            if per_article:
                print(f"  {mode:8s} {entry['id']:20s} home {document.get('home_city') or '-':8s} "
                      f"entity F1 {scores['ALL'].f1:.3f}  relation F1 {scores['RELATIONS'].f1:.3f}")
        _print_totals(f"real {split}, home city {mode}", totals, macro, len(items))


def main(nlp, *, blind: bool = False) -> None:
    score_split("dev", nlp, per_article=True)
    if blind:  # the coordinator's once-per-round figure: totals only, nobody studies these
        score_split("blind", nlp, per_article=False)
