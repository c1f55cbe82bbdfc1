"""NLP pipeline: quality on the shared page and public NER sets, speed.

Prints per-type precision/recall/F1 on the shared Liaocheng page and on the
four fictional sample pages of resources/sample and the eight blind evaluation
pages of tests/data/eval_gold and tests/data/eval_gold2 (scored as ANNOTATION.md says), PERSON/ORG/PLACE mention F1 on a subset of MSRA test and
CLUENER dev (exact span and type), and throughput in characters per second
against a spacy.blank("zh") + jieba baseline measured in the same run.
First the real published articles of eval/real (benchmarks/bench_real.py: dev
split per article, the blind split only with --blind), scored as `explorer
extract` output. Run: .venv/bin/python -m benchmarks.bench_nlp [--real-only]
[--blind]  (the pages need ../shared beside the repo)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
PAGE = SHARED / "corpus" / "000_6772ab316b97875f.txt"
MSRA_SENTENCES = 1000
CLUENER_SENTENCES = 500
CLUENER_TYPES = {"name": "PERSON", "company": "ORG", "government": "ORG", "organization": "ORG",
                 "address": "PLACE", "scene": "PLACE"}
MSRA_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}


def _page_articles():
    from explorer.ingest import read_document, split_articles
    from explorer.settings import IngestOptions

    options = IngestOptions()
    return split_articles(read_document(PAGE, options), options)


def page_quality(nlp) -> None:
    from explorer.nlp import analyse_articles, scoring

    gold = json.loads(PAGE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    articles = _page_articles()
    analyses = analyse_articles(articles, gold["publication"]["home_city"], nlp=nlp)
    scores = scoring.score_document(analyses, gold, [b for a in articles for b in a.bylines])
    print(f"shared page {PAGE.name}")
    _print_scores(scores)


SAMPLES = REPO / "resources" / "sample"
SAMPLE_GOLD = REPO / "tests" / "data" / "sample_gold"


def _print_scores(scores) -> None:
    print(f"  {'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for name, score in scores.items():
        print(f"  {name:10s} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}")


def sample_quality(nlp) -> None:
    """The four fictional pages of resources/sample against gold written independently of the rules."""
    from explorer.ingest import read_document, split_articles
    from explorer.nlp import analyse_articles, scoring
    from explorer.settings import IngestOptions

    entity_f1, relation_f1 = [], []
    for page in sorted(SAMPLES.glob("liaocheng-daily_*")):
        gold_path = SAMPLE_GOLD / f"{page.stem}.gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        options = IngestOptions(home_city=gold["publication"]["home_city"])
        articles = split_articles(read_document(page, options), options)
        analyses = analyse_articles(articles, options.home_city, nlp=nlp)
        scores = scoring.score_document(analyses, gold, [b for a in articles for b in a.bylines])
        print(f"sample page {page.name}")
        _print_scores(scores)
        entity_f1.append(scores["ALL"].f1)
        relation_f1.append(scores["RELATIONS"].f1)
    if entity_f1:
        print(f"sample pages macro average: entity F1 {sum(entity_f1) / len(entity_f1):.3f}, "
              f"relation F1 {sum(relation_f1) / len(relation_f1):.3f}")


def _msra(limit: int):
    sentences, chars, tags = [], [], []
    for line in (SHARED / "ner" / "msra_test.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            chars.append(parts[0])
            tags.append(parts[1])
            continue
        if chars:
            sentences.append(("".join(chars), _bmes_spans(tags)))
            chars, tags = [], []
            if len(sentences) >= limit:
                break
    return sentences


def _bmes_spans(tags):
    spans, start = set(), None
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "S":
            spans.add((i, i + 1, MSRA_TYPES[kind]))
        elif prefix == "B":
            start = i
        elif prefix == "E" and start is not None:
            spans.add((start, i + 1, MSRA_TYPES[kind]))
            start = None
    return spans


def _cluener(limit: int):
    decoder, text, pos, out = json.JSONDecoder(), (SHARED / "ner" / "cluener_dev.json").read_text(encoding="utf-8"), 0, []
    while len(out) < limit:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        record, pos = decoder.raw_decode(text, pos)
        gold = set()
        for kind, names in record["label"].items():
            if kind in CLUENER_TYPES:
                for offsets in names.values():
                    gold.update((s, e + 1, CLUENER_TYPES[kind]) for s, e in offsets)
        out.append((record["text"], gold))
    return out


def ner_f1(nlp, name: str, sentences) -> None:
    from explorer.core.models import Article
    from explorer.nlp import analyse_articles

    analyses = analyse_articles([Article(text=t) for t, _ in sentences], None, nlp=nlp)
    print(f"{name} ({len(sentences)} sentences): mention F1, exact span and type")
    for kind in ("PERSON", "ORG", "PLACE", "ALL"):
        tp = n_pred = n_gold = 0
        for (_, gold), analysis in zip(sentences, analyses):
            pred = {(m.start, m.end, m.type) for m in analysis.mentions if m.type in ("PERSON", "ORG", "PLACE")}
            if kind != "ALL":
                gold = {g for g in gold if g[2] == kind}
                pred = {p for p in pred if p[2] == kind}
            tp += len(gold & pred)
            n_pred += len(pred)
            n_gold += len(gold)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {kind:8s} P={p:.3f} R={r:.3f} F1={f:.3f}")


def _distinct_articles():
    """The shared page and the sample pages: distinct texts, so that neither
    the LAC piece cache nor batching of repeated sentences flatters the figure."""
    from explorer.ingest import read_document, split_articles
    from explorer.settings import IngestOptions

    options = IngestOptions(home_city="聊城市")
    articles = list(_page_articles())
    for page in sorted(SAMPLES.glob("liaocheng-daily_*")):
        articles += split_articles(read_document(page, options), options)
    return articles


def _best_rate(run, chars: int, repeats: int = 3) -> float:
    from explorer.nlp import segment

    best = 0.0
    for _ in range(repeats):
        segment.clear_cache()
        started = time.perf_counter()
        run()
        best = max(best, chars / (time.perf_counter() - started))
    return best


def throughput(nlp) -> None:
    import os

    import spacy

    from explorer.nlp import analyse_articles
    from explorer.nlp.segment import lac_words, simplified_view

    articles = _distinct_articles()
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    analyse_articles(articles[:2], "聊城市", nlp=nlp)  # warm caches (gazetteer index, word lists)
    ours = _best_rate(lambda: analyse_articles(articles, "聊城市", nlp=nlp), chars)
    one_by_one = _best_rate(lambda: [lac_words(simplified_view(t)) for t in texts], chars)
    baseline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    list(baseline.pipe(texts[:2]))
    base = _best_rate(lambda: list(baseline.pipe(texts)), chars)
    print(f"throughput on {chars} characters ({len(texts)} distinct articles), one process, best of 3, piece cache cleared")
    print(f"  explorer pipeline        {ours:10.0f} chars/s")
    print(f"  LAC alone, one article at a time {one_by_one:10.0f} chars/s")
    print(f"  blank zh + jieba         {base:10.0f} chars/s   (ratio {ours / base:.2f})")
    print(f"  load average now: {open('/proc/loadavg').read().split()[0]} on {os.cpu_count()} cores")


def load_time() -> None:
    code = ("import time; t = time.perf_counter(); from explorer.nlp import load_pipeline; "
            "load_pipeline(); print(time.perf_counter() - t)")
    seconds = float(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout)
    print(f"pipeline import + load in a fresh process: {seconds:.2f} s")


EVAL_GOLD = REPO / "tests" / "data" / "eval_gold"
EVAL_GOLD2 = REPO / "tests" / "data" / "eval_gold2"
EVAL_GOLD3 = REPO / "tests" / "data" / "eval_gold3"


def eval_quality(nlp, folder: Path = EVAL_GOLD, label: str = "eval set") -> None:
    """A blind evaluation set (tests/data/eval_gold, written before round 3 read the rules;
    tests/data/eval_gold2, before round 4): one-article pages whose gold follows ANNOTATION.md."""
    from explorer.ingest import read_document, split_articles
    from explorer.nlp import analyse_articles, scoring
    from explorer.settings import IngestOptions

    total_entities, total_relations = scoring.Score(), scoring.Score()
    entity_f1, relation_f1 = [], []
    for page in sorted(folder.glob("*.txt")):
        gold = json.loads(page.with_name(f"{page.stem}.gold.json").read_text(encoding="utf-8"))
        options = IngestOptions(home_city=gold["publication"]["home_city"])
        articles = split_articles(read_document(page, options), options)
        analyses = analyse_articles(articles, options.home_city, nlp=nlp)
        scores = scoring.score_document(analyses, gold, [b for a in articles for b in a.bylines])
        print(f"  eval page {page.stem:28s} entity F1 {scores['ALL'].f1:.3f}  relation F1 {scores['RELATIONS'].f1:.3f}")
        total_entities.add(scores["ALL"])
        total_relations.add(scores["RELATIONS"])
        entity_f1.append(scores["ALL"].f1)
        relation_f1.append(scores["RELATIONS"].f1)
    if entity_f1:
        print(f"{label}: entity F1 micro {total_entities.f1:.3f} macro {sum(entity_f1) / len(entity_f1):.3f}; "
              f"relation F1 micro {total_relations.f1:.3f} macro {sum(relation_f1) / len(relation_f1):.3f}")


def _arguments(argv):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_nlp", description=__doc__.split("\n")[0])
    parser.add_argument("--real-only", action="store_true",
                        help="score only the real articles of eval/real (dev split), skip the pages, MSRA, CLUENER and speed")
    parser.add_argument("--blind", action="store_true",
                        help="also score the blind split (the coordinator's once-per-round figure; totals only)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    from benchmarks import bench_real
    from explorer.nlp import load_pipeline

    args = _arguments(argv)
    nlp = load_pipeline()
    bench_real.main(nlp, blind=args.blind)
    if args.real_only:
        return 0
    if not PAGE.exists():
        print(f"skipped: {PAGE} not found")
        return 0
    load_time()
    page_quality(nlp)
    sample_quality(nlp)
    eval_quality(nlp)
    eval_quality(nlp, EVAL_GOLD2, "eval set 2")
    eval_quality(nlp, EVAL_GOLD3, "eval set 3")
    ner_f1(nlp, "MSRA test", _msra(MSRA_SENTENCES))
    ner_f1(nlp, "CLUENER dev", _cluener(CLUENER_SENTENCES))
    throughput(nlp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
