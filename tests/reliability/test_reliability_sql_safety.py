"""Safety: names and queries full of SQL, LIKE and FTS5 syntax are plain text.

Every statement must be parameterised and every FTS5 query quoted: a name
or a query with quotes, brackets, %, _, backslashes or FTS5 operators must
neither crash nor change the results (a % must not match everything).
Exports must write only where the user chose, whatever the entity names.
"""

from __future__ import annotations

import shutil

import pytest

from explorer.core import Article, ArticleAnalysis, Document, Mention, RelationFact, TaskState
from explorer.errors import AmbiguousNameError, ExplorerError, NotFoundError, QueryError
from explorer.services import corrections, ingest, query
from explorer.services.project import open_project, stats
from explorer.settings import IngestOptions

NASTY_NAMES = [
    "O'Brien聊城科技有限公司",
    '"双引号"聊城有限公司',
    "[方括号]聊城集团",
    "百分之100%_聊城公司",
    "反斜杠\\聊城公司\\",
    "AND OR NOT聊城公司",
    "NEAR(聊城,2)公司",
    "星号*聊城^公司",
    "列名:name聊城公司",
    "Robert'); DROP TABLE entities;--聊城公司",
    "<script>alert('x')</script>聊城公司",
    "../../逃逸/聊城公司",
]
# store/search.py strips ' from a Latin query for pinyin; a query of only
# apostrophes leaves an empty key that matches every name's pinyin.
NASTY_QUERIES = [
    "'", '"', "''", '""', "[", "]", "%", "_", "%%", "%_%", "\\", "*", "^", "(", ")",
    "AND", "OR", "NOT", "NEAR(", "NEAR(a b)", '"聊城', "聊城*", "name:聊城", "聊城 AND 公司",
    "' OR '1'='1", "1; DROP TABLE names;--", "\\%", "{}", "-", "+", ":", "\x00", "　",
]
OTHER_NAMES = ["山东普通科技有限公司", "聊城市", "东昌府区", "张三"]


def _page(names: list[str]) -> tuple[Document, list[Article], list[ArticleAnalysis]]:
    """One hand-built article naming every entity, each located in 聊城市."""
    text = "，".join(names) + "。"
    mentions, facts, offset = [], [], 0
    for name in names:
        entity_type = "PLACE" if name in ("聊城市", "东昌府区") else "PERSON" if name == "张三" else "ORG"
        mentions.append(Mention(offset, offset + len(name), name, entity_type, name))
        if entity_type == "ORG":
            facts.append(RelationFact(name, "ORG", "located_in", "聊城市", "PLACE", text, 0, len(text)))
        offset += len(name) + 1
    document = Document(path="/nasty/page-'%_[1].txt", text=text, content_hash="nasty-v1",
                        source="聊城日报", home_city="聊城市", date="2024-01-02")
    article = Article(text=text, headline="标题'\"%_", index=0)
    return document, [article], [ArticleAnalysis(tuple(mentions), tuple(facts))]


@pytest.fixture
def project(tmp_path):
    p = open_project(tmp_path / "nasty.explorer.db")
    p.store_document(*_page(NASTY_NAMES + OTHER_NAMES))
    yield p
    p.close()


def _visible_text(hit) -> str:
    return hit.name + " " + hit.matched


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_nasty_names_are_found_exactly(project, name):
    hits = query.search(project, name)
    assert hits and hits[0].name == name and hits[0].score >= 3.0
    detail = query.find_entity(project, name)
    assert detail.name == name and detail.type == "ORG"
    assert any(f.object == "聊城市" for f in detail.facts)


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_nasty_substrings_are_plain_text(project, name):
    """A substring with the special character finds its entity by FTS or grams."""
    for size in (1, 2, 3, 5):
        for start in range(0, len(name) - size + 1, max(1, len(name) // 3)):
            piece = name[start : start + size]
            if not piece.strip():
                continue
            hits = query.search(project, piece, limit=200)
            assert name in [h.name for h in hits], f"{piece!r} does not find {name!r}"


@pytest.mark.parametrize("text", NASTY_QUERIES)
def test_nasty_queries_match_literally(project, text):
    try:
        hits = query.search(project, text, limit=100)
    except QueryError:
        return  # refusing a query in words is fine; a sqlite3 error is not
    needle = text.strip().lower()
    for hit in hits:
        # only literal matches: no wildcard, operator or injection widened the search
        assert needle in _visible_text(hit).lower(), f"{text!r} matched {hit.name!r}"
    for lookup in (lambda: query.find_entity(project, text), lambda: query.find_entity(project, text, "ORG")):
        try:
            lookup()
        except (NotFoundError, AmbiguousNameError, QueryError):
            pass
    assert stats(project).entities == len(NASTY_NAMES) + len(OTHER_NAMES)


@pytest.mark.parametrize("new_name", NASTY_NAMES[:6] + ["%", "_", "'", '"', "NEAR(x", "a\\b"])
def test_rename_to_a_nasty_name_round_trips(project, new_name):
    entity_id = query.find_entity(project, "山东普通科技有限公司").id
    corrections.rename(project, entity_id, new_name)
    renamed = query.entity(project, entity_id)
    assert renamed.name == new_name
    if new_name in NASTY_NAMES:  # two entities now share the name: the caller must choose
        with pytest.raises(AmbiguousNameError):
            query.find_entity(project, new_name)
    else:
        assert query.find_entity(project, new_name).id == entity_id
        assert query.search(project, new_name)[0].id == entity_id
    assert query.find_entity(project, "山东普通科技有限公司").id == entity_id  # old name is an alias
    corrections.undo(project)
    assert query.entity(project, entity_id).name == "山东普通科技有限公司"


def test_typed_query_with_nasty_place_is_a_typed_error_or_an_answer(project):
    for place in ["'", "聊城市' OR 1=1 --", "%", "NEAR("]:
        try:
            query.typed_query(project, "ORG-located_in->PLACE", place=place)
        except ExplorerError:
            pass
    answers = query.typed_query(project, "ORG-located_in->PLACE", place="聊城市")
    found = {m.entities[v][1] for m in answers for v in m.entities}
    assert set(NASTY_NAMES) <= found


def test_ingest_of_files_with_nasty_names_and_text(tmp_path):
    folder = tmp_path / "in put's [dir] 100%"
    folder.mkdir()
    text = "本报讯 O'Brien聊城科技有限公司位于东昌府区。\n\n“[方括号]聊城集团”荣获100%_满意奖。\\ AND NEAR( * \"\n"
    for name in ["it's.txt", 'quote".txt', "[bracket].txt", "100%_x.txt", "back\\slash.txt"]:
        (folder / name).write_text(text.replace("满意", name[:3]), encoding="utf-8")
    with open_project(tmp_path / "p'; DROP TABLE x;--.explorer.db") as project:
        report = ingest.run(project, [folder], IngestOptions(), TaskState())
        assert not report.failed and len(report.files) == 5
        again = ingest.run(project, [folder], IngestOptions(), TaskState())
        assert {f.status for f in again.files} == {"unchanged"}
        assert stats(project).documents == 5


def test_exports_never_write_outside_the_chosen_path(project, tmp_path):
    from explorer.services import export

    sandbox = tmp_path / "sandbox"
    for fmt in export.FORMATS:
        if sandbox.exists():
            shutil.rmtree(sandbox)
        (sandbox / "chosen").mkdir(parents=True)  # an export creates no missing folders (issue 13, D21)
        chosen = sandbox / "chosen" / f"out.{'csv' if fmt == 'csv' else fmt}"
        before = set(tmp_path.rglob("*"))
        written = export.export(project, fmt, chosen)
        written += export.export(project, fmt, chosen, center=NASTY_NAMES[-1], hops=1)
        created = set(tmp_path.rglob("*")) - before
        assert written and created
        for path in created:
            assert path == chosen.parent or chosen.parent in path.parents, f"{fmt} wrote {path}"
        for path in written:
            assert path.resolve().parent == chosen.parent.resolve()
        leftovers = [p.name for p in chosen.parent.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []


def test_html_export_escapes_names(project, tmp_path):
    from explorer.services import export

    (page,) = [p for p in export.export(project, "html", tmp_path / "graph.html") if p.suffix == ".html"]
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(" not in html
    assert "</script>聊城" not in html
