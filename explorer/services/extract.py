"""Extract entities and relations from files without touching a project.

`run` reads each file with the ingest layer, splits it into articles and
runs the NLP pipeline, returning the JSON contract of `explorer extract`
(issue 4). Tools outside the project read that JSON: keep its keys stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from explorer.core import TaskState
from explorer.errors import InputFileError
from explorer.ingest import iter_input_files, read_document, split_articles
from explorer.nlp import analyse_articles, load_pipeline
from explorer.settings import IngestOptions


def _files(paths: Iterable[str]) -> list[tuple[str, Path]]:
    """(path as the user gave it, file) pairs; folders expand to their files."""
    found: list[tuple[str, Path]] = []
    for raw in paths:
        if Path(raw).is_dir():
            found.extend((str(p), p) for p in iter_input_files([raw]))
        else:
            found.append((raw, Path(raw)))
    return found


def article_json(article, analysis) -> dict:
    return {
        "headline": article.headline,
        "bylines": list(article.bylines),
        # "field": the part the offsets index: "body" (the article text), "headline",
        # or "byline" (a credit printed apart from the text: offsets into the name)
        "entities": [
            {"name": m.surface, "type": m.type, "canonical": m.canonical, "start": m.start, "end": m.end,
             "field": m.part}
            for m in analysis.mentions
        ],
        "relations": [
            {
                "subject": r.subject,
                "relation": r.relation,
                "object": r.object,
                "role": r.role,
                "evidence": r.evidence,
                "confidence": round(float(r.confidence), 3),
            }
            for r in analysis.relations
        ],
        # the people credited with the article (记者, 通讯员, 摄影): credits, not relations
        "credits": [{"person": c.person, "role": c.role, "relation": c.relation} for c in analysis.credits],
    }


def run(paths: Iterable[str], options: IngestOptions, state: TaskState | None = None, *, nlp=None, n_process: int = 1) -> dict:
    """{"documents": [{"path", "articles": [...]}], "failed": [{"path", "error",
    "error_type"}]} for the given files. A file that cannot be read is listed
    in "failed" and the others are still extracted, as ingest does."""
    state = state or TaskState()
    files = _files(list(paths))
    nlp = nlp or load_pipeline()
    documents, failed = [], []
    for number, (given, path) in enumerate(files):
        state.check()
        state.progress(number / max(len(files), 1), f"extracting {given}")
        try:
            document = read_document(path, options)
        except InputFileError as error:
            failed.append({"path": given, "error": error.reason, "error_type": type(error).__name__})
            continue
        articles = split_articles(document, options)
        # the user's city, else the one the source names, else none (我市 stays unresolved)
        analyses = analyse_articles(articles, document.home_city, nlp=nlp, n_process=n_process)
        documents.append({
            "path": given, "home_city": document.home_city,
            "articles": [article_json(a, x) for a, x in zip(articles, analyses)],
        })
    state.progress(1.0, "")
    return {"documents": documents, "failed": failed}
