"""User corrections: each undoable, each surviving a re-ingest of its articles."""

from __future__ import annotations

import pytest

from explorer.errors import NotFoundError
from explorer.services import corrections, query


def _two_people(project, build, version="v1"):
    t1, t2 = "张伟在光岳集团任董事长。", "张伟获得劳动模范称号。"
    m, f = build.mention, build.fact
    project.store_document(
        build.doc("/people.txt", version),
        [build.article(t1, 0), build.article(t2, 1)],
        [
            build.analysis([m(t1, "张伟", "PERSON"), m(t1, "光岳集团", "ORG")],
             [f("张伟", "PERSON", "role_at", "光岳集团", "ORG", t1, role="董事长")]),
            build.analysis([m(t2, "张伟", "PERSON"), m(t2, "劳动模范", "HONOR")],
             [f("张伟", "PERSON", "awarded", "劳动模范", "HONOR", t2)]),
        ],
    )


def _id(project, name, type_=None):
    return query.find_entity(project, name, type_).id


def _reingest_company(project, build, version="v2"):
    doc, arts, analyses = build.company_page(version=version)
    assert project.store_document(doc, arts, analyses).status == "replaced"


def test_rename_keeps_old_name_as_alias_and_survives_reingest(project, build):
    project.store_document(*build.company_page())
    entity = _id(project, "山东罗克佳华科技有限公司")
    corrections.rename(project, entity, "罗克佳华公司")
    _reingest_company(project, build)
    detail = query.entity(project, entity)
    assert detail.name == "罗克佳华公司"
    assert "山东罗克佳华科技有限公司" in detail.aliases
    assert len(detail.mentions) == 1
    assert query.search(project, "罗克佳华公司")[0].id == entity
    corrections.undo(project)
    assert query.entity(project, entity).name == "山东罗克佳华科技有限公司"
    assert query.search(project, "罗克佳华公司") == []
    corrections.redo(project)
    assert query.entity(project, entity).name == "罗克佳华公司"


def test_merge_moves_mentions_and_facts_and_survives_reingest(project, build):
    project.store_document(*build.company_page())
    t = "佳华科技在郑家镇建厂。"
    project.store_document(build.doc("/b.txt"), [build.article(t)], [build.analysis(
        [build.mention(t, "佳华科技", "ORG"), build.mention(t, "郑家镇", "PLACE")],
        [build.fact("佳华科技", "ORG", "located_in", "郑家镇", "PLACE", t)],
    )])
    keep, other = _id(project, "罗克佳华"), _id(project, "佳华科技")
    corrections.merge(project, keep, other)
    project.store_document(build.doc("/b.txt", "v2"), [build.article(t + "。")], [build.analysis(
        [build.mention(t, "佳华科技", "ORG")], [build.fact("佳华科技", "ORG", "located_in", "郑家镇", "PLACE", t)],
    )])
    detail = query.entity(project, other)  # the merged id reads as the survivor
    assert detail.id == keep and "佳华科技" in detail.aliases
    assert len(detail.mentions) == 2
    located = [f for f in detail.facts if f.relation == "located_in"]
    assert len(located) == 1 and len(located[0].evidence) == 2  # the same fact, two sources
    assert [h.id for h in query.search(project, "佳华科技")] == [keep]
    corrections.undo(project)
    assert query.entity(project, other).id == other
    assert len(query.entity(project, keep).mentions) == 1


def test_split_two_namesakes_and_survive_reingest(project, build):
    _two_people(project, build)
    person = _id(project, "张伟")
    honour_article = [m.article_id for m in query.entity(project, person).mentions][1]
    edit = corrections.split(project, person, [honour_article], new_name="张伟（劳模）")
    other = corrections.split_entity_id(project, edit)
    _two_people(project, build, version="v2")
    first, second = query.entity(project, person), query.entity(project, other)
    assert [f.relation for f in first.facts] == ["role_at"]
    assert [f.relation for f in second.facts] == ["awarded"]
    assert second.name == "张伟（劳模）"
    assert query.find_entity(project, "张伟（劳模）").id == other
    corrections.undo(project)
    assert sorted(f.relation for f in query.entity(project, person).facts) == ["awarded", "role_at"]


def test_set_type_and_delete_fact_survive_reingest(project, build):
    project.store_document(*build.company_page())
    honour = _id(project, "省级专精特新企业")
    corrections.set_type(project, honour, "PROGRAM")
    company = query.find_entity(project, "罗克佳华")
    awarded = next(f for f in company.facts if f.relation == "awarded")
    corrections.delete_fact(project, awarded.relation_id)
    _reingest_company(project, build)
    assert query.entity(project, honour).type == "PROGRAM"
    assert [f.relation for f in query.entity(project, company.id).facts] == ["located_in"]
    assert project.stats().relations == 1
    corrections.undo(project)  # the deleted fact comes back
    assert len(query.entity(project, company.id).facts) == 2
    corrections.undo(project)
    assert query.entity(project, honour).type == "HONOR"
    assert corrections.undo(project) is None
    assert corrections.redo(project)["op"] == "set_type"
    assert [e["active"] for e in corrections.history(project)] == [True, False]


def test_a_new_correction_clears_redo(project, build):
    project.store_document(*build.company_page())
    place = _id(project, "郑家镇")
    corrections.rename(project, place, "郑家")
    corrections.undo(project)
    corrections.rename(project, place, "郑家镇镇")
    assert corrections.redo(project) is None
    assert [e["params"]["name"] for e in corrections.history(project)] == ["郑家镇镇"]


def test_bad_corrections_are_refused(project, build):
    project.store_document(*build.company_page())
    place = _id(project, "郑家镇")
    with pytest.raises(ValueError):
        corrections.set_type(project, place, "ANIMAL")
    with pytest.raises(ValueError):
        corrections.merge(project, place, place)
    with pytest.raises(NotFoundError):
        corrections.rename(project, 99999, "x")


def test_names_of_a_merged_entity_rank_by_the_survivors_mentions(project, build):
    project.store_document(*build.company_page())
    t = "佳华科技在郑家镇建厂。"
    project.store_document(build.doc("/b.txt"), [build.article(t)], [build.analysis(
        [build.mention(t, "佳华科技", "ORG"), build.mention(t, "郑家镇", "PLACE")])])
    keep, other = _id(project, "罗克佳华"), _id(project, "佳华科技")
    corrections.merge(project, keep, other)
    conn = project.reader()
    survivor = conn.execute("SELECT mentions FROM entities WHERE id = ?", (keep,)).fetchone()[0]
    counts = conn.execute(
        "SELECT DISTINCT n.mentions FROM names n WHERE n.entity_id IN (?, ?) UNION "
        "SELECT DISTINCT g.mentions FROM name_grams g JOIN names n ON n.id = g.name_id WHERE n.entity_id IN (?, ?)",
        (keep, other, keep, other),
    ).fetchall()
    assert survivor == 2 and counts == [(survivor,)]
    corrections.undo(project)
    mine = conn.execute("SELECT mentions FROM entities WHERE id = ?", (other,)).fetchone()[0]
    assert mine == 1 and conn.execute(
        "SELECT DISTINCT mentions FROM names WHERE entity_id = ?", (other,)).fetchall() == [(mine,)]
