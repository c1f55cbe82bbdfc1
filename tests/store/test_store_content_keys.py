"""Issue 13 D3 and D7: corrections keyed by article content, and documents
recognised by content when their folder moved."""

from __future__ import annotations

from explorer.services import corrections, query
from explorer.store import Project

T_CHAIR = "张伟在光岳集团任董事长。"
T_MODEL = "张伟获得劳动模范称号。"
T_NEW = "张伟出席了全市科技大会。"


def _page(build, texts, version, path="/people.txt"):
    m = build.mention
    analyses = []
    for t in texts:
        found = [m(t, "张伟", "PERSON")]
        if "光岳集团" in t:
            found.append(m(t, "光岳集团", "ORG"))
        analyses.append(build.analysis(found))
    return build.doc(path, version), [build.article(t, i) for i, t in enumerate(texts)], analyses


def _person_of_article(project, text: str) -> int:
    conn = project.reader()
    return conn.execute(
        "SELECT m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.text = ? AND m.surface = '张伟'", (text,),
    ).fetchone()[0]


def _article_id(project, text: str) -> int:
    return project.reader().execute("SELECT id FROM articles WHERE text = ?", (text,)).fetchone()[0]


def test_d3_a_split_follows_its_article_when_articles_are_inserted_above(project, build):
    project.store_document(*_page(build, [T_CHAIR, T_MODEL], "v1"))
    person = _person_of_article(project, T_CHAIR)
    edit = corrections.split(project, person, [_article_id(project, T_MODEL)], "张伟（劳模）")
    other = corrections.split_entity_id(project, edit)
    assert _person_of_article(project, T_MODEL) == other

    result = project.store_document(*_page(build, [T_NEW, T_CHAIR, T_MODEL], "v2"))  # one article inserted above
    assert result.status == "replaced" and result.stale_corrections == ()
    assert _person_of_article(project, T_MODEL) == other  # still the split-off person...
    assert _person_of_article(project, T_CHAIR) == person  # ...and the article now at its old index is not
    assert _person_of_article(project, T_NEW) == person
    assert corrections.not_applying(project) == []


def test_d3_a_split_whose_article_is_gone_is_reported(project, build):
    project.store_document(*_page(build, [T_CHAIR, T_MODEL], "v1"))
    person = _person_of_article(project, T_CHAIR)
    edit = corrections.split(project, person, [_article_id(project, T_MODEL)], "张伟（劳模）")

    result = project.store_document(*_page(build, [T_CHAIR, "张伟获得先进个人称号。"], "v2"))
    assert [s.edit_id for s in result.stale_corrections] == [edit]
    stale = result.stale_corrections[0]
    assert stale.op == "split" and stale.entity_id == person
    assert "no longer applies" in stale.description and any("张伟获得劳动模范" in m for m in stale.missing)
    assert [s.edit_id for s in corrections.not_applying(project)] == [edit]
    # the next ingest of another page does not report it again
    again = project.store_document(*_page(build, [T_NEW], "v1", path="/other.txt"))
    assert again.stale_corrections == ()
    # the article coming back makes the correction apply again
    project.store_document(*_page(build, [T_CHAIR, T_MODEL], "v3"))
    assert corrections.not_applying(project) == []
    assert _person_of_article(project, T_MODEL) == corrections.split_entity_id(project, edit)


def test_d7_a_moved_file_updates_the_stored_path(tmp_path, build):
    old, new = tmp_path / "2023" / "p1.txt", tmp_path / "archive" / "2023" / "p1.txt"
    with Project.open(tmp_path / "p.db") as project:
        doc, arts, analyses = _page(build, [T_CHAIR, T_MODEL], "v1", path=str(old))
        old.parent.mkdir()
        old.write_text("x")
        project.store_document(doc, arts, analyses)
        mentions = project.stats().mentions
        old.unlink()  # the folder was moved away
        moved = doc.__class__(**{**doc.__dict__, "path": str(new)})
        assert project.document_status(str(new), doc.content_hash) == "moved"
        result = project.store_document(moved, arts, analyses)
        assert (result.status, result.previous_path) == ("moved", str(old))
        stats = project.stats()
        assert (stats.documents, stats.mentions) == (1, mentions)
        assert project.reader().execute("SELECT path FROM documents").fetchall() == [(str(new),)]
        assert query.search(project, "张伟")[0].mentions == 2  # not doubled


def test_d7_a_copy_under_another_path_is_not_stored_twice(tmp_path, build):
    first, copy = tmp_path / "a" / "p1.txt", tmp_path / "b" / "p1.txt"
    for path in (first, copy):
        path.parent.mkdir()
        path.write_text("x")
    with Project.open(tmp_path / "p.db") as project:
        doc, arts, analyses = _page(build, [T_CHAIR], "v1", path=str(first))
        project.store_document(doc, arts, analyses)
        twin = doc.__class__(**{**doc.__dict__, "path": str(copy)})
        assert project.document_status(str(copy), doc.content_hash) == "duplicate"
        result = project.store_document(twin, arts, analyses)
        assert (result.status, result.previous_path) == ("duplicate", str(first))
        assert project.stats().documents == 1
        assert query.search(project, "张伟")[0].mentions == 1
