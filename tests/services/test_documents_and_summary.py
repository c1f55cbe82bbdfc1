"""The project overview (`services.summary`) and the documents service:
remove a document, counts drop; ingest it again, they come back corrected."""

from __future__ import annotations

import json
import os
import time

import pytest

from explorer.core import TaskState
from explorer.errors import NotFoundError, UnreadableFileError
from explorer.services import corrections, documents, ingest, query, summary
from explorer.services import project as project_service
from explorer.settings import IngestOptions

OPTIONS = IngestOptions(source="聊城日报", home_city="聊城市")


@pytest.fixture
def project(sample_project_copy):
    opened = project_service.open_project(sample_project_copy, create=False)
    yield opened
    opened.close()


def _counts(project) -> tuple:
    s = summary.summary(project)
    return s.documents, s.articles, sum(s.entities.values()), s.relations


def test_summary_of_the_sample_holds_what_the_pages_say(project, ingested_sample):
    s = summary.summary(project)
    assert (s.documents, s.sources) == (4, ("聊城日报",))
    assert s.articles == sum(d.articles for d in documents.list_documents(project)) > 10
    assert (s.first_date, s.last_date) == ("2023-03-14", "2023-11-02")
    assert set(s.entities) == {"PERSON", "ORG", "PLACE", "PROGRAM", "HONOR"}
    # honour board: organisations ranked by their honours, each named with them
    top = s.honoured_organisations
    assert top and [o.count for o in top] == sorted((o.count for o in top), reverse=True)
    for organisation in top:
        assert organisation.type == "ORG" and len(organisation.details) == organisation.count
        facts = query.entity(project, organisation.id).facts
        assert {f.object for f in facts if f.relation == "awarded"} >= set(organisation.details)
    # company → county → honour: areas are counties/districts holding honoured organisations
    areas = {a.name: a for a in s.honoured_areas}
    assert "高唐县" in areas and "高唐县禾丰农机专业合作社" in {o.name for o in areas["高唐县"].top}
    assert all(a.organisations >= len(a.top) and a.honours >= a.organisations for a in s.honoured_areas)
    assert [a.organisations for a in s.honoured_areas] == sorted((a.organisations for a in s.honoured_areas), reverse=True)
    # most connected per type, timeline with the months in between, recent imports
    assert set(s.most_connected) == {"PERSON", "ORG", "PROGRAM"} and all(s.most_connected.values())
    months = [m.month for m in s.months]
    assert months[0] == "2023-03" and months[-1] == "2023-11" and len(months) == 9
    assert sum(m.articles for m in s.months) == s.articles
    assert len(s.recent) == 4 and all(d.status == "ok" for d in s.recent)
    assert not s.is_sample  # copies of the pages, not the bundled ones
    assert json.loads(json.dumps(s.to_json(), ensure_ascii=False))["is_empty"] is False


def test_an_empty_project_says_so(tmp_path):
    project = project_service.open_project(tmp_path / "empty.explorer.db", create=True)
    try:
        s = summary.summary(project)
        assert s.is_empty and s.documents == 0 and s.honoured_organisations == () and s.months == ()
    finally:
        project.close()


def test_remove_drops_the_counts_and_reingest_restores_them_with_corrections(project, ingested_sample):
    corpus = ingested_sample[1]
    before = _counts(project)
    hit = query.find_entity(project, "山东泓岳精工科技有限公司")
    corrections.rename(project, hit.id, "泓岳精工集团")
    page = next(d for d in documents.list_documents(project) if d.name.endswith("2023-03-14_p02.txt"))

    report = documents.remove(project, f"#{page.id}")
    assert report.articles == page.articles and report.mentions > 0 and report.relations > 0
    assert report.corrections_kept == 1
    after = _counts(project)
    assert after[0] == before[0] - 1 and after[1] == before[1] - page.articles
    assert after[2] < before[2] and after[3] < before[3]
    assert page.path not in {d.path for d in documents.list_documents(project)}
    with pytest.raises(NotFoundError):
        documents.find(project, f"#{page.id}")

    again = ingest.run(project, [corpus / page.name], OPTIONS, TaskState())
    assert [f.status for f in again.files] == ["added"]
    assert _counts(project) == before
    assert query.entity(project, hit.id).name == "泓岳精工集团"  # the correction came back with the page


def test_documents_are_found_by_id_path_or_unique_name(project, ingested_sample):
    page = documents.list_documents(project)[0]
    assert documents.find(project, f"#{page.id}").id == page.id
    assert documents.find(project, page.id).id == page.id
    assert documents.find(project, page.path).id == page.id
    assert documents.find(project, page.name).id == page.id
    with pytest.raises(NotFoundError):
        documents.find(project, "no-such-page.txt")
    articles = documents.articles(project, page.id)
    assert len(articles) == page.articles and [a.index for a in articles] == sorted(a.index for a in articles)


def test_status_tells_a_changed_or_missing_file(tmp_path, sample_project_copy, ingested_sample):
    import shutil

    corpus = tmp_path / "pages"
    shutil.copytree(ingested_sample[1], corpus)
    project = project_service.open_project(tmp_path / "p.explorer.db", create=True)
    try:
        ingest.run(project, [corpus], OPTIONS, TaskState())
        pages = sorted(corpus.iterdir())
        later = time.time() + 120  # edited after it was ingested
        os.utime(pages[0], (later, later))
        pages[1].unlink()
        status = {d.name: d.status for d in documents.list_documents(project)}
        assert status[pages[0].name] == "changed" and status[pages[1].name] == "missing"
        assert {status[p.name] for p in pages[2:]} == {"ok"}
        with pytest.raises(UnreadableFileError):
            documents.reanalyse(project, pages[1].name)
        redo = documents.reanalyse(project, pages[2].name)
        assert [f.status for f in redo.files] == ["replaced"]  # analysed again although unchanged
    finally:
        project.close()


def test_queries_are_folded_like_names(project):
    simplified = query.search(project, "鑫润铝业")
    assert simplified
    assert query.search(project, "鑫潤鋁業")[0].id == simplified[0].id  # traditional
    initials = query.search(project, "hyjg")
    assert initials and query.search(project, "ｈｙｊｇ")[0].id == initials[0].id  # full-width
    assert query.search(project, "  ＨＹＪＧ ")[0].id == initials[0].id


def test_no_match_suggests_near_names(project):
    assert query.search(project, "泓月精工") == []
    near = query.suggest(project, "泓月精工")  # one character of the same sound
    assert near and "泓岳" in near[0].name
    assert "瑞驰" in query.suggest(project, "ruici")[0].name  # a letter short
    assert query.suggest(project, "完全无关的名字xyz") == []


def test_comentions_count_shared_articles(project):
    a = query.find_entity(project, "山东泓岳精工科技有限公司").id
    pairs = query.comentions(project, [hit.id for hit in query.search(project, "有限公司", limit=50)] + [a])
    assert pairs and all(x < y for x, y, _n in pairs)
    assert [n for _x, _y, n in pairs] == sorted((n for _x, _y, n in pairs), reverse=True)
    x, y, n = pairs[0]
    shared = {m.article_id for m in query.entity(project, x).mentions} & {m.article_id for m in query.entity(project, y).mentions}
    assert len(shared) == n


def test_a_split_correction_survives_remove_and_reingest(project, ingested_sample):
    corpus = ingested_sample[1]
    page = next(d for d in documents.list_documents(project) if d.name.endswith("2023-03-14_p02.txt"))
    hit = query.find_entity(project, "山东泓岳精工科技有限公司")
    article = query.entity(project, hit.id).mentions[0].article_id
    corrections.split(project, hit.id, [article], "另一家泓岳")
    report = documents.remove(project, page.id)
    assert report.corrections_kept >= 1
    ingest.run(project, [corpus / page.name], OPTIONS, TaskState())
    assert query.search(project, "另一家泓岳") and query.entity(project, query.search(project, "另一家泓岳")[0].id).mentions
