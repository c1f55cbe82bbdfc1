"""The relations component: facts between resolved mentions, each with its evidence.

Most relations come from declarative patterns (`data/relations.tsv`, read by
relation_patterns.py): trigger words, the types of the arguments before and
after them, and how far each may be. A few shapes need code
(relation_rules.py): lists named in one sentence and filled in the next,
numbered notices, sentence openers, names nested in names. Title chains come
from the role_titles component (roles.py). Arguments are named exactly as
the resolved mentions are, so a relation always points at an entity of the
article. located_in is only what the text states: two places merely named in
one sentence are not related (ANNOTATION.md).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import relation_rules, spans, visits
from explorer.nlp.facts import Context, Facts, Role
from explorer.nlp.lexicon import configure, word_set
from explorer.nlp.relation_patterns import apply_patterns, load_patterns

HEAD_OF_GOVERNMENT = re.compile(r"(?:常务副|副|代)?[省市县区镇乡]长$")

# The code rules after the patterns, in order.
RULES = (
    relation_rules.listed_in_sentence,
    relation_rules.one_of,
    relation_rules.counted_honours,
    relation_rules.listed_later,
    relation_rules.named_lists,
    relation_rules.listed_items,
    relation_rules.scene_openers,
    relation_rules.seats,
    relation_rules.part_of_statements,
    relation_rules.government_seats,
    relation_rules.projects,
    relation_rules.sub_units,
    visits.visit_scenes,
)


def role_facts(ctx: Context, facts: Facts) -> None:
    """role_at from the title chains; a mayor or county head whose committee is
    named is also at the government when the article names it
    (临清市委副书记、市长X, with 临清市人民政府 in the article)."""
    by_span = {(m.start, m.end): m for m in ctx.mentions.all}
    for role in ctx.doc._.roles or ():
        person = by_span.get((role.person_start, role.person_end))
        org = by_span.get((role.org_start, role.org_end))
        if person is None or org is None or role.role in word_set("credit_titles"):
            continue  # 四川在线记者 王培哲: a credit, not a role at the outlet
        facts.add_in_sentence(person, "role_at", org, 0.9, role=role.role)
        head = HEAD_OF_GOVERNMENT.search(role.role)
        party = re.fullmatch(r"中共(.+?)(?:县|区)?委", org.canonical)
        if head is None or party is None:
            continue
        government = re.compile(re.escape(party.group(1)) + r"[县区]?人民政府")
        for m in ctx.mentions.all:
            if m.label == "ORG" and government.fullmatch(m.canonical):
                facts.add_in_sentence(person, "role_at", m, 0.7, role=head.group(), at=person.start)
                break


@Language.factory(
    "relations",
    assigns=["doc._.relations"],
    requires=["doc._.mentions", "doc._.roles"],
    default_config={"patterns": "relations.tsv", "lexicon": {}},
)
def make_relations(nlp: Language, name: str, patterns: str, lexicon: dict[str, str]):
    configure(lexicon)
    return RelationFinder(patterns)


class RelationFinder:
    """Applies the patterns named in the config, then the code rules."""

    def __init__(self, patterns: str = "relations.tsv"):
        self.patterns = load_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(doc)
        facts = Facts(ctx)
        role_facts(ctx, facts)
        apply_patterns(ctx, facts, self.patterns)
        for rule in RULES:
            rule(ctx, facts)
        doc._.relations = facts.records
        spans.forget_words(doc)
        return doc


def relations(doc: Doc) -> Doc:
    """The component with the packaged patterns (tests call it on hand-built Docs)."""
    return RelationFinder()(doc)


__all__ = ["RelationFinder", "Role", "make_relations", "relations", "role_facts"]
