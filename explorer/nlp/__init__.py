"""The NLP layer: a spaCy pipeline of registered components, built from
explorer/nlp/pipeline.cfg, that turns articles into resolved mentions and
relations with evidence (see docs/nlp.md for the choices and scores).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from explorer.core.lexicon import ProjectLexicon
from explorer.core.models import Article, ArticleAnalysis, Mention
from explorer.errors import PipelineError

# Importing the modules registers their factories with spaCy.
from explorer.nlp import (  # noqa: F401
    enumerations,
    orgs,
    parts,
    places,
    programs,
    relations,
    repeated,
    resolve,
    roles,
    segment,
    spans,
    taught,
)

CONFIG_PATH = Path(__file__).resolve().parent / "pipeline.cfg"

__all__ = ["CONFIG_PATH", "analyse_articles", "load_pipeline", "to_analysis"]


@functools.lru_cache(maxsize=4)
def _load(config_path: Path) -> Language:
    try:
        config = spacy.util.load_config(config_path)
        return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    except (OSError, ValueError) as exc:
        raise PipelineError(f"cannot build the NLP pipeline from {config_path}: {exc}") from exc


def load_pipeline(config_path: Path | None = None) -> Language:
    """The pipeline from the packaged config (cached per path)."""
    return _load(Path(config_path or CONFIG_PATH).resolve())


def _mention_attrs(record: spans.Mention) -> dict:
    attrs = dict(record.attrs)
    if record.refers:
        attrs["refers"] = record.source  # the store keeps the mention but not the alias
    return attrs


def to_analysis(doc) -> ArticleAnalysis:
    """Turn a processed Doc into the records other layers use."""
    records = spans.mentions(doc)
    original = spans.original_of(doc)  # mentions were found on a simplified view of the same length
    surface_of = {id(m): original[m.start : m.end] for m in records}
    surfaces: dict[tuple[str, str], list[str]] = {}
    for m in records:
        forms = surfaces.setdefault((m.label, m.canonical), [])
        # 我市, 该区, 公司 point at a name; they are not other names of it, so
        # they must not become aliases that search or resolution would use.
        if not m.refers and surface_of[id(m)] not in forms:
            forms.append(surface_of[id(m)])
    mentions = tuple(
        Mention(
            start=m.start, end=m.end, surface=surface_of[id(m)], type=m.label, canonical=m.canonical,
            aliases=tuple(f for f in surfaces[(m.label, m.canonical)] if f != surface_of[id(m)]),
            attrs=tuple(sorted((k, str(v)) for k, v in _mention_attrs(m).items())),
        )
        for m in records
    )
    facts = tuple(doc._.relations or ())  # RelationFact records (relations.py)
    return ArticleAnalysis(mentions=mentions, relations=facts)


def _share_company_names(docs) -> None:
    """A short company name in one article resolves to a full name in another of the same source."""
    known: dict[str, str] = {}
    for doc in docs:
        for m in spans.mentions(doc):
            if m.label == "ORG":
                for core in resolve.company_cores(m.text):
                    known.setdefault(core, m.canonical)
    if not known:
        return
    for doc in docs:
        renamed = {}
        for m in spans.mentions(doc):
            if m.label == "ORG" and m.canonical == m.text and m.text in known:
                renamed[m.canonical] = m.canonical = known[m.text]
        if renamed:
            doc._.relations = [
                dataclasses.replace(r, subject=renamed.get(r.subject, r.subject), object=renamed.get(r.object, r.object))
                for r in doc._.relations or ()
            ]


def analyse_articles(
    articles: Sequence[Article],
    home_city: str | None,
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    lexicon: ProjectLexicon | None = None,
) -> list[ArticleAnalysis]:
    """Mentions and relations of each article, in order. The articles come
    from one document or source, so short names may resolve across them.
    `lexicon`: what the user taught the project (nlp/taught.py)."""
    nlp = nlp or load_pipeline()
    plain = lexicon.to_plain() if lexicon else None
    blanks = []
    for article in articles:
        doc = nlp.make_doc(parts.compose(article))  # the headline is read with the body
        doc._.home_city = home_city
        taught.attach(doc, plain)
        blanks.append(doc)
    docs = list(nlp.pipe(blanks, n_process=n_process, batch_size=batch_size))
    _share_company_names(docs)
    taught.finish_docs(docs, lexicon)
    # mentions go back to their part (headline or body offsets); bylines become persons and credits
    return [parts.finish(taught.finish(to_analysis(doc), lexicon), article) for doc, article in zip(docs, articles)]
