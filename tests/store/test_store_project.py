"""Opening projects, storing documents, replacing changed files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from explorer.errors import ProjectOpenError, SchemaError
from explorer.store import Project
from explorer.store.schema import MIGRATIONS


def test_new_project_records_migrations_and_uses_wal(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        conn = project.reader()
        names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]
        assert names == sorted(n for n, _ in MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Project.open(path) as again:  # reopening applies nothing twice
        assert again.stats().entities == 0


def test_refuses_missing_project_without_create(tmp_path):
    with pytest.raises(ProjectOpenError):
        Project.open(tmp_path / "absent.db", create=False)


def test_refuses_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello, I am text" * 10)
    with pytest.raises(ProjectOpenError):
        Project.open(bogus)


def test_refuses_a_damaged_database(tmp_path):
    path = tmp_path / "p.db"
    Project.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectOpenError):
        Project.open(path)


def test_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "p.db"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _migrations VALUES ('999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaError):
        Project.open(path)


def test_store_then_unchanged_then_replaced(project, build):
    doc, arts, analyses = build.company_page()
    assert project.document_status(doc.path, doc.content_hash) == "new"
    first = project.store_document(doc, arts, analyses)
    assert (first.status, first.articles, first.mentions, first.relations, first.entities_new) == ("added", 1, 3, 2, 3)
    assert project.document_status(doc.path, doc.content_hash) == "unchanged"
    assert project.store_document(doc, arts, analyses).status == "unchanged"
    assert project.document_status(doc.path, "other") == "changed"

    t = "聊城市东昌府区的另一家企业光岳集团获得表彰。"
    new_doc = build.doc(version="v2")
    result = project.store_document(
        new_doc, [build.article(t)], [build.analysis([build.mention(t, "光岳集团", "ORG")])]
    )
    assert result.status == "replaced"
    stats = project.stats()
    assert (stats.documents, stats.articles, stats.mentions, stats.relations) == (1, 1, 1, 0)
    assert stats.entities == 1  # the old page's entities are gone with it
    assert [h.name for h in project.search("罗克佳华")] == []


def test_a_failed_store_changes_nothing(project, build):
    doc, arts, analyses = build.company_page()
    with pytest.raises(ValueError):
        project.store_document(doc, arts, [])
    bad = build.analysis([build.mention(arts[0].text, "郑家镇", "PLACE")], [None])
    with pytest.raises(AttributeError):
        project.store_document(doc, arts, [bad])
    assert project.stats().documents == 0
    assert project.stats().entities == 0


def test_readers_are_not_blocked_by_a_long_write(project, build):
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    results = []
    with project.write() as conn:
        conn.execute("UPDATE entities SET mentions = mentions + 100")
        thread = threading.Thread(target=lambda: results.append(project.stats().entities))
        thread.start()
        thread.join(5)
    assert results == [3]


def test_an_older_project_gets_the_missing_migrations(tmp_path):
    path = tmp_path / "old.db"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX relations_out_facts")
    conn.execute("DROP INDEX relations_in_facts")
    conn.execute("DELETE FROM _migrations WHERE name = '006_covering_pair_indexes'")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        conn = project.reader()
        assert conn.execute("SELECT count(*) FROM _migrations WHERE name = '006_covering_pair_indexes'").fetchone()[0] == 1
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"relations_out_facts", "relations_in_facts"} <= indexes
        assert not {"relations_out", "relations_in"} & indexes  # replaced by the covering ones


def test_the_benchmark_generator_writes_a_searchable_project(tmp_path):
    from benchmarks.gen_project import generate
    from explorer.services import query

    path = tmp_path / "gen.db"
    generate(path, n_entities=300, n_relations=900, log=lambda _m: None)
    with Project.open(path, create=False) as project:
        stats = project.stats()
        assert (stats.entities, stats.relations) == (300, 900)
        name = project.reader().execute("SELECT name FROM entities WHERE type = 'ORG' LIMIT 1").fetchone()[0]
        assert query.search(project, name)[0].name == name
        assert query.search(project, name[1:3])
        hit = query.search(project, name)[0]
        assert query.neighbourhood(project, hit.id, hops=2).number_of_nodes() >= 1
