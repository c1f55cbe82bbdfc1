"""What teaching buys and what it costs (issue 16).

1. **Gain on real articles** (eval/real, dev split only: blind texts and gold
   are never opened). Articles are grouped by province (each group is one
   or two city papers), sorted by id, and split in halves. The names the
   system misses or gets wrong in the first half (from its gold) are the
   candidates a user would teach: a missed gold entity becomes a typed entry
   (with its canonical name), a predicted name that matches no gold entity a
   not-a-name entry; they are ranked by how often the surface is written in
   the first half. The top k are taught and entity / relation F1 is measured
   on the second half (explorer/nlp/scoring.py, as bench_real scores the
   `explorer extract` JSON), against k = 0 in the same run.
2. **Re-analysis cost** on a generated corpus (benchmarks/corpus_gen.py):
   teach a name written in many articles and time the re-analysis, per
   1,000 articles re-analysed, against the cost of ingesting the same
   corpus in the same run; and the cost of the article text index (the
   triggers of migration 009) on ingest, against an ingest without it.

Run: nice .venv/bin/python -m benchmarks.bench_teach [--pages 200] [--k 5 10 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _document_json(path: Path, home_city: str | None, nlp, lexicon) -> dict:
    """What `explorer extract` prints for one file, analysed with `lexicon`."""
    from explorer.ingest import read_document, split_articles
    from explorer.nlp import analyse_articles
    from explorer.services.extract import article_json
    from explorer.settings import IngestOptions

    options = IngestOptions(home_city=home_city)
    document = read_document(path, options)
    articles = split_articles(document, options)
    analyses = analyse_articles(articles, document.home_city, nlp=nlp, lexicon=lexicon)
    return {"articles": [article_json(a, x) for a, x in zip(articles, analyses)]}


def _candidates(items, nlp) -> list[tuple[int, object]]:
    """(times written in the first half, entry) for every missed or wrong name."""
    from explorer.core.lexicon import LexiconEntry
    from explorer.nlp.scoring import contract_entities, gold_forms

    found: dict[tuple, object] = {}
    text = "".join(path.read_text(encoding="utf-8") for _, path, _ in items)
    for entry, path, gold in items:
        predicted = contract_entities(_document_json(path, entry.get("city"), nlp, None))
        for g in gold["entities"]:
            if not any(forms & gold_forms(g) for kind, forms in predicted if kind == g["type"]):
                canonical = g["canonical"] if g["canonical"] != g["name"] else None
                found.setdefault((g["name"], g["type"]), LexiconEntry(g["name"], g["type"], canonical, "taught"))
        for _kind, forms in predicted:
            if not any(forms & gold_forms(g) for g in gold["entities"]):
                for form in forms:  # a name no annotator wrote: a user marks it as not a name
                    if len(form) >= 2 and form in path.read_text(encoding="utf-8"):
                        found.setdefault((form, None), LexiconEntry(form, None, None, "taught"))
    ranked = [(text.count(e.surface), e) for e in found.values() if text.count(e.surface)]
    ranked.sort(key=lambda pair: (-pair[0], -len(pair[1].surface), pair[1].surface))
    return ranked


def _score(items, nlp, lexicon) -> tuple[float, float]:
    from explorer.nlp.scoring import Score, score_contract

    entities, relations = Score(), Score()
    for entry, path, gold in items:
        scores = score_contract(_document_json(path, entry.get("city"), nlp, lexicon), gold)
        entities.add(scores["ALL"])
        relations.add(scores["RELATIONS"])
    return entities.f1, relations.f1


def real_gain(nlp, ks: list[int]) -> None:
    from benchmarks.bench_real import articles_of
    from explorer.core.lexicon import ProjectLexicon

    items = articles_of("dev")  # dev only: blind texts are never read
    if not items:
        print("real articles: no dev texts (python tools/real_eval.py rebuild)")
        return
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[item[0].get("province") or item[0]["id"].split("-")[0]].append(item)
    print(f"real dev articles: {len(items)} in {len(groups)} province groups (one or two city papers each); "
          "names taught from the first half's errors; F1 on the taught half (what the user corrected) and on "
          "the held-out second half (what teaching carries over)")
    print(f"  {'group':6s} {'n':>3s} {'k':>4s} {'taught':>6s}   taught half: entity / relation F1   "
          f"held-out half: entity / relation F1   held-out gain per 10 entries")
    gains: dict[int, list[tuple[float, float, float, float]]] = defaultdict(list)
    for name, group in sorted(groups.items()):
        group.sort(key=lambda item: item[0]["id"])
        if len(group) < 4:
            continue
        half = len(group) // 2
        first, second = group[:half], group[half:]
        ranked = _candidates(first, nlp)
        base_in, base = _score(first, nlp, None), _score(second, nlp, None)
        print(f"  {name:6s} {len(group):3d} {0:4d} {0:6d}   {base_in[0]:13.3f} / {base_in[1]:.3f}   "
              f"{base[0]:22.3f} / {base[1]:.3f}")
        for k in ks:
            taught = ProjectLexicon(tuple(e for _, e in ranked[:k]))
            if not taught.entries:
                continue
            inside, score = _score(first, nlp, taught), _score(second, nlp, taught)
            n = len(taught.entries)
            gain = ((score[0] - base[0]) / n * 10, (score[1] - base[1]) / n * 10,
                    (inside[0] - base_in[0]) / n * 10, (inside[1] - base_in[1]) / n * 10)
            gains[k].append(gain)
            print(f"  {name:6s} {len(group):3d} {k:4d} {n:6d}   {inside[0]:13.3f} / {inside[1]:.3f}   "
                  f"{score[0]:22.3f} / {score[1]:.3f}   {gain[0]:+.3f} / {gain[1]:+.3f}")
    for k, values in sorted(gains.items()):
        mean = [sum(v[i] for v in values) / len(values) for i in range(4)]
        print(f"  k={k}: gain per 10 taught entries, taught half entity {mean[2]:+.4f} relation {mean[3]:+.4f}; "
              f"held-out half entity {mean[0]:+.4f} relation {mean[1]:+.4f} ({len(values)} groups)")


def _ingest(project_path: Path, pages: Path, without_text_index: bool = False) -> tuple[float, int]:
    from explorer.core import TaskState
    from explorer.services import ingest
    from explorer.services import project as project_service
    from explorer.settings import IngestOptions

    project = project_service.open_project(project_path, create=True)
    try:
        if without_text_index:
            with project.write() as conn:
                for trigger in ("articles_text_ai", "articles_text_ad", "articles_text_au"):
                    conn.execute(f"DROP TRIGGER {trigger}")
        started = time.perf_counter()
        report = ingest.run(project, [pages], IngestOptions(), TaskState())
        return time.perf_counter() - started, report.articles
    finally:
        project.close()


def reanalysis_cost(pages_n: int) -> None:
    from benchmarks.corpus_gen import generate
    from explorer.services import project as project_service
    from explorer.services import teach

    root = Path(tempfile.mkdtemp(prefix="bench-teach-"))
    generate(root / "pages", pages_n, seed=7)
    timings: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(2):  # alternate, take the best of two: the machine's load varies
        for without in (True, False):
            name = f"{'plain' if without else 'p'}{round_}.explorer.db"
            seconds, articles = _ingest(root / name, root / "pages", without_text_index=without)
            timings[without].append(seconds)
    plain_s, ingest_s = min(timings[True]), min(timings[False])
    size = os.path.getsize(root / "p1.explorer.db") / 1e6
    plain_size = os.path.getsize(root / "plain1.explorer.db") / 1e6
    print(f"generated corpus: {pages_n} pages, {articles} articles (ingest best of 2, alternating)")
    print(f"  ingest with the article text index {ingest_s:6.1f} s ({ingest_s / articles * 1000:6.1f} s per 1,000 articles), "
          f"{size:.1f} MB; without it {plain_s:6.1f} s, {plain_size:.1f} MB: ratio {ingest_s / plain_s:.2f}x time, "
          f"{size / plain_size:.2f}x size")
    project = project_service.open_project(root / "p1.explorer.db")
    try:
        texts = [r[0] for r in project.reader().execute("SELECT text FROM articles")]
        counts = Counter()
        for (surface,) in project.reader().execute(
            "SELECT m.surface FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE e.type = 'ORG' AND length(m.surface) >= 4"
        ):
            counts[surface] += 1
        surface = counts.most_common(1)[0][0]  # the firm or body written most often
        written_in = sum(surface in t for t in texts)
        for label, run in (("teach", lambda: teach.teach(project, surface, "ORG", surface + "（教过）")),
                           ("teach again, same entry (no-op)", lambda: teach.teach(project, surface, "ORG", surface + "（教过）")),
                           ("remove", lambda: teach.remove(project, surface))):
            started = time.perf_counter()
            report = run()
            seconds = time.perf_counter() - started
            re_articles = report.articles
            if not re_articles:
                print(f"  {label:32s} {surface}: nothing to re-analyse ({seconds * 1000:.0f} ms)")
                continue
            per_k = seconds / re_articles * 1000
            print(f"  {label:32s} {surface}: {report.documents} documents, {re_articles} articles re-analysed in "
                  f"{seconds:5.1f} s = {per_k:5.1f} s per 1,000 articles ({per_k / (ingest_s / articles * 1000):.2f}x ingest), "
                  f"written in {written_in} articles; facts +{report.new_facts} -{report.removed_facts}")
    finally:
        project.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="generated pages for the cost measure")
    parser.add_argument("--k", type=int, nargs="+", default=[5, 10, 20], help="entries taught per group")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-cost", action="store_true")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f}")
    from explorer.nlp import load_pipeline

    nlp = load_pipeline()
    if not args.skip_real:
        real_gain(nlp, args.k)
    if not args.skip_cost:
        reanalysis_cost(args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
