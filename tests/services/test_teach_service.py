"""Corrections that teach (issue 16), end to end on a project of several pages.

tests/data/teach/ holds invented pages where 星澜智造 (a brand name with no
type word) is missed by the grammar. Teaching it in one article must find
it in the others, with facts; deleting a wrong fact must keep it deleted
after every page is ingested again; undoing the teach must restore the
project exactly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import teach_dump

from explorer.core import TaskState
from explorer.errors import QueryError
from explorer.services import corrections, ingest, query, teach
from explorer.services import project as project_service
from explorer.settings import IngestOptions
from explorer.store import lexicon as store_lexicon

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "data" / "teach"
FIRM = "星澜智造"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(project file, pages folder): the pages ingested once for the module."""
    root = tmp_path_factory.mktemp("teach")
    pages = root / "pages"
    shutil.copytree(PAGES, pages, ignore=shutil.ignore_patterns("*.md"))
    project = project_service.open_project(root / "teach.explorer.db", create=True)
    try:
        report = ingest.run(project, [pages], IngestOptions(), TaskState())
        assert report.articles == 6 and not report.failed
    finally:
        project.close()
    return root / "teach.explorer.db", pages


@pytest.fixture
def project(built, tmp_path):
    """A private copy of the built project (its pages are shared: do not change them)."""
    shutil.copy2(built[0], tmp_path / "p.explorer.db")
    opened = project_service.open_project(tmp_path / "p.explorer.db")
    opened.test_pages = tmp_path / "new-pages"
    opened.test_pages.mkdir()
    yield opened
    opened.close()


@pytest.fixture
def own_pages_project(tmp_path):
    """A project built from a private copy of the pages, which the test may change."""
    pages = tmp_path / "pages"
    shutil.copytree(PAGES, pages, ignore=shutil.ignore_patterns("*.md"))
    opened = project_service.open_project(tmp_path / "own.explorer.db", create=True)
    ingest.run(opened, [pages], IngestOptions(), TaskState())
    opened.test_pages = pages
    yield opened
    opened.close()


def _articles_naming(project, name: str, type_: str) -> set[int]:
    return {r[0] for r in project.reader().execute(
        "SELECT DISTINCT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.surface = ? AND e.type = ?", (name, type_),
    )}


def _facts_of(project, name: str) -> set[tuple[str, str, str]]:
    return {tuple(r) for r in project.reader().execute(
        "SELECT s.name, r.relation, o.name FROM relations r JOIN entities s ON s.id = r.subject_id "
        "JOIN entities o ON o.id = r.object_id WHERE r.hidden = 0 AND (s.name = ? OR o.name = ?)", (name, name),
    )}


def _first_article_with(project, text: str) -> int:
    return project.reader().execute("SELECT min(id) FROM articles WHERE instr(text, ?) > 0", (text,)).fetchone()[0]


def test_teaching_a_missed_company_in_one_article_finds_it_in_the_others_with_facts(project):
    articles_with_text = {r[0] for r in project.reader().execute(
        "SELECT id FROM articles WHERE instr(text, ?) > 0", (FIRM,))}
    assert len(articles_with_text) == 4
    missed = articles_with_text - _articles_naming(project, FIRM, "ORG")
    assert len(missed) >= 2, "the fixture's company must be missed by the grammar"
    assert _facts_of(project, FIRM) == set()

    origin = _first_article_with(project, "新厂房投产仪式")
    report = teach.teach(project, FIRM, "ORG", from_article=origin)

    assert _articles_naming(project, FIRM, "ORG") == articles_with_text
    facts = _facts_of(project, FIRM)
    assert (FIRM, "awarded", "国家级专精特新“小巨人”企业") in facts
    assert report.found_in == len(missed - {origin})
    assert report.new_facts == len(facts) >= 3
    assert report.summary() == f"{FIRM} taught as 机构: found in {report.found_in} more articles, {report.new_facts} new facts"
    assert report.documents == 4  # the page without the name was not re-analysed


def test_a_taught_canonical_name_names_the_entity_and_later_imports_use_it(project):
    teach.teach(project, FIRM, "ORG", "聊城星澜智能制造有限公司")
    hit = query.find_entity(project, "聊城星澜智能制造有限公司", "ORG")
    assert FIRM in query.entity(project, hit.id).aliases
    new_page = project.test_pages / "liaocheng-daily_2024-06-01_p01.txt"
    new_page.write_text("星澜智造获评绿色工厂\n\n本报讯 6月1日，星澜智造入选国家级绿色工厂名单。\n", encoding="utf-8")
    ingest.run(project, [new_page], IngestOptions(), TaskState())
    article = _first_article_with(project, "国家级绿色工厂名单")
    assert article in _articles_naming(project, FIRM, "ORG")
    assert ("聊城星澜智能制造有限公司", "awarded", "国家级绿色工厂") in _facts_of(project, "聊城星澜智能制造有限公司")


def test_teaching_twice_changes_nothing(project):
    teach.teach(project, FIRM, "ORG")
    before = teach_dump.content(project.path)
    again = teach.teach(project, FIRM, "ORG")
    assert again.documents == 0 and again.new_facts == 0
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []


def test_undoing_the_teach_restores_the_previous_state_exactly(project):
    before = teach_dump.content(project.path)
    teach.teach(project, FIRM, "ORG", "聊城星澜智能制造有限公司")
    assert teach_dump.differences(before, teach_dump.content(project.path)) != []
    undone = teach.undo(project)
    assert undone.removed_facts >= 3
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []
    assert not store_lexicon.load(project.reader()).active().entries


def test_removing_an_entry_restores_what_the_grammar_found(project):
    before = teach_dump.content(project.path)
    teach.teach(project, FIRM, "ORG")
    teach.remove(project, FIRM)
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []
    with pytest.raises(QueryError):
        teach.remove(project, FIRM)


def test_deleting_a_wrong_fact_keeps_it_deleted_after_reingesting_every_page(own_pages_project):
    project = own_pages_project
    teach.teach(project, FIRM, "ORG")
    wrong = next(f for f in query.entity(project, query.find_entity(project, FIRM, "ORG").id).facts
                 if f.relation == "awarded" and f.object.startswith("山东省"))
    corrections.delete_fact(project, wrong.relation_id)
    negatives = store_lexicon.load(project.reader()).negatives
    assert [(n.subject, n.relation, n.object, n.origin) for n in negatives] == [
        (FIRM, "awarded", wrong.object, "delete-fact")]
    for page in project.test_pages.glob("*.txt"):  # every page changes: every page is analysed again
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = ingest.run(project, [project.test_pages], IngestOptions(), TaskState())
    assert {f.status for f in report.files} == {"replaced"}
    facts = _facts_of(project, FIRM)
    assert (FIRM, "awarded", wrong.object) not in facts
    assert (FIRM, "awarded", "国家级专精特新“小巨人”企业") in facts  # the taught name still applies
    corrections.undo(project)  # the correction, not the knowledge, decides: undo brings it back
    assert (FIRM, "awarded", wrong.object) in _facts_of(project, FIRM)


def test_the_users_other_corrections_survive_reanalysis(project):
    person = query.find_entity(project, "王晓梅", "PERSON")
    corrections.rename(project, person.id, "王晓梅（记者）")
    split_from = query.find_entity(project, "东昌府区", "PLACE")
    article = _first_article_with(project, "新厂房投产仪式")
    corrections.split(project, split_from.id, [article], "东昌府区（新厂区）")
    teach.teach(project, FIRM, "ORG")
    assert query.entity(project, person.id).name == "王晓梅（记者）"
    moved = project.reader().execute(
        "SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND m.surface = ?",
        (article, "东昌府区")).fetchall()
    assert moved == [("东昌府区（新厂区）",)]
    assert corrections.not_applying(project) == []


def test_not_a_name_removes_the_mentions_and_undo_brings_them_back(project):
    before = teach_dump.content(project.path)
    assert _articles_naming(project, "凤祥股份", "ORG")
    report = teach.not_a_name(project, "凤祥股份")
    assert not _articles_naming(project, "凤祥股份", "ORG")
    assert report.summary().startswith("凤祥股份 marked as not a name: gone from 1 articles")
    teach.undo(project)
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []


def test_cancelling_before_the_swap_leaves_everything_as_it_was(project):
    before = teach_dump.content(project.path)
    state = TaskState()
    state.cancel()
    report = teach.teach(project, FIRM, "ORG", state=state)
    assert report.cancelled and report.documents == 0
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []
    assert not store_lexicon.load(project.reader()).entries
    assert store_lexicon.pending_documents(project.reader()) == []


def test_bad_entries_are_refused_with_a_clear_error(project):
    with pytest.raises(QueryError, match="unknown type"):
        teach.teach(project, FIRM, "COMPANY")
    with pytest.raises(QueryError, match="empty"):
        teach.teach(project, "  ", "ORG")
    assert not store_lexicon.load(project.reader()).entries


def test_corrections_become_lexicon_knowledge_and_follow_undo(project):
    firm = query.find_entity(project, "凤祥股份", "ORG")
    corrections.rename(project, firm.id, "山东凤祥股份有限公司")
    place = query.find_entity(project, "冠县经济开发区", "PLACE")
    corrections.set_type(project, place.id, "ORG")
    learnt = {(e.surface, e.type, e.canonical, e.origin, e.active) for e in store_lexicon.load(project.reader()).entries}
    assert ("凤祥股份", "ORG", "山东凤祥股份有限公司", "rename", True) in learnt
    assert ("冠县经济开发区", "ORG", None, "set-type", True) in learnt
    corrections.undo(project)
    learnt = {(e.surface, e.origin, e.active) for e in store_lexicon.load(project.reader()).entries}
    assert ("冠县经济开发区", "set-type", False) in learnt and ("凤祥股份", "rename", True) in learnt


def test_undo_is_exact_when_a_taught_canonical_name_absorbed_an_existing_entity(project):
    """Teaching 凤祥股份 (already an entity) as short for a full name folds the
    old entity into the new one; undoing must bring the old one back, not
    follow the alias the teach indexed."""
    assert query.find_entity(project, "凤祥股份", "ORG") is not None
    before = teach_dump.content(project.path)
    teach.teach(project, "凤祥股份", "ORG", "山东凤祥股份有限公司")
    assert project.reader().execute("SELECT count(*) FROM entities WHERE key_name = '凤祥股份'").fetchone()[0] == 0
    teach.undo(project)
    assert teach_dump.differences(before, teach_dump.content(project.path)) == []


def test_a_shared_negative_fact_is_dropped_now_and_by_later_imports(project):
    teach.teach(project, FIRM, "ORG")
    assert (FIRM, "awarded", "山东省专精特新中小企业") in _facts_of(project, FIRM)
    report = teach.add_negative(project, FIRM, "awarded", "山东省专精特新中小企业")
    assert report.removed_facts == 1
    assert (FIRM, "awarded", "山东省专精特新中小企业") not in _facts_of(project, FIRM)
    page = project.test_pages / "liaocheng-daily_2024-07-01_p01.txt"
    page.write_text("星澜智造再获荣誉\n\n本报讯 7月1日，星澜智造被评为山东省专精特新中小企业。\n", encoding="utf-8")
    ingest.run(project, [page], IngestOptions(), TaskState())
    assert _first_article_with(project, "7月1日") in _articles_naming(project, FIRM, "ORG")
    assert (FIRM, "awarded", "山东省专精特新中小企业") not in _facts_of(project, FIRM)
    teach.undo(project)  # the negative fact goes: the fact comes back in every article
    assert (FIRM, "awarded", "山东省专精特新中小企业") in _facts_of(project, FIRM)


def test_knowledge_from_corrections_is_used_by_later_imports(project):
    firm = query.find_entity(project, "凤祥股份", "ORG")
    corrections.rename(project, firm.id, "山东凤祥股份有限公司")
    zone = query.find_entity(project, "冠县经济开发区", "PLACE")
    corrections.set_type(project, zone.id, "ORG")
    page = project.test_pages / "liaocheng-daily_2024-08-01_p01.txt"
    page.write_text("企业座谈会召开\n\n本报讯 8月1日，冠县经济开发区召开座谈会，凤祥股份、鲁西化工等企业参加。\n",
                    encoding="utf-8")
    lexicon = teach.project_lexicon(project)
    from explorer.core import Article
    from explorer.nlp import analyse_articles

    analysis = analyse_articles([Article(page.read_text(encoding="utf-8").split("\n\n", 1)[1])], "聊城市", lexicon=lexicon)[0]
    assert ("凤祥股份", "ORG", "山东凤祥股份有限公司") in {(m.surface, m.type, m.canonical) for m in analysis.mentions}
    assert ("冠县经济开发区", "ORG") in {(m.surface, m.type) for m in analysis.mentions}
    ingest.run(project, [page], IngestOptions(), TaskState())
    article = _first_article_with(project, "8月1日")
    rows = set(project.reader().execute(
        "SELECT m.surface, m.entity_id FROM mentions m WHERE m.article_id = ?", (article,)).fetchall())
    assert ("凤祥股份", firm.id) in rows and ("冠县经济开发区", zone.id) in rows  # the corrected entities, not new ones
