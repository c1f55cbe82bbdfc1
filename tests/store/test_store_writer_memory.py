"""The writer's memory stays bounded on a huge document (issue 13): its
memos are emptied after each batch, and name counts are refreshed a chunk at
a time, while what it stores is what it stored before."""

from __future__ import annotations

from explorer.services import corrections
from explorer.store import writer


def _company_batch(build, batch: int, size: int):
    """`size` articles, each naming a company of its own with a short form."""
    articles, analyses = [], []
    for i in range(size):
        short = f"示例{batch}x{i}"
        full = f"山东{short}科技有限公司"
        text = f"{full}（{short}）召开大会，{short}获评企业称号。"
        articles.append(build.article(text, batch * size + i))
        analyses.append(build.analysis([build.mention(text, full, "ORG", aliases=(short,))]))
    return articles, analyses


def test_the_resolver_forgets_its_memos_after_each_batch(project, build, monkeypatch):
    sizes: list[tuple[int, int]] = []  # (batch, memo entries) at each resolution

    class Watched(writer.Resolver):
        batch = 0

        def resolve(self, name, type_, article_key, attrs=None):
            sizes.append((self.batch, len(self._cache) + len(self._survivors) + len(self._indexed)
                          + len(self._nothing_to_fold)))
            return super().resolve(name, type_, article_key, attrs)

    def batches():
        for b in range(8):
            Watched.batch = b
            yield _company_batch(build, b, 20)

    monkeypatch.setattr(writer, "Resolver", Watched)
    result = project.store_document_batches(build.doc("/year.txt"), batches())
    assert result.articles == 160 and result.entities_new == 160
    first_of_batch = {b: n for b, n in reversed(sizes)}
    assert all(n == 0 for n in first_of_batch.values())  # nothing carried over from the batch before
    assert max(n for _, n in sizes) < 5 * 20  # one batch's names, not the document's (8 x 20 x 4 before)
    assert project.reader().execute("SELECT count(*) FROM names WHERE is_alias = 1").fetchone()[0] == 160


def test_a_name_found_through_an_alias_keeps_its_first_answer_in_later_batches(project, build):
    """光岳集团 is the known alias of one company when the document first names
    it; a later batch gives the alias to another company too. The document's
    later 光岳集团 still resolve to the first answer, as when one batch held them."""
    t0 = "光岳集团股份有限公司（光岳集团）召开大会。"
    project.store_document(build.doc("/old.txt"), [build.article(t0)], [build.analysis(
        [build.mention(t0, "光岳集团股份有限公司", "ORG", aliases=("光岳集团",))])])
    t1, t2 = "光岳集团新建生产线。", "光岳集团有限公司（光岳集团）开业。"

    def batches():
        yield [build.article(t1, 0)], [build.analysis([build.mention(t1, "光岳集团", "ORG")])]
        yield [build.article(t2, 1)], [build.analysis(
            [build.mention(t2, "光岳集团有限公司", "ORG", aliases=("光岳集团",))])]
        yield [build.article(t1, 2)], [build.analysis([build.mention(t1, "光岳集团", "ORG")])]

    project.store_document_batches(build.doc("/year.txt"), batches())
    conn = project.reader()
    first = conn.execute("SELECT id FROM entities WHERE key_name = '光岳集团股份有限公司'").fetchone()[0]
    rows = conn.execute(
        "SELECT a.idx, m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "JOIN documents d ON d.id = a.document_id WHERE d.path = '/year.txt' AND m.surface = '光岳集团' ORDER BY a.idx"
    ).fetchall()
    assert rows == [(0, first), (2, first)]
    assert conn.execute("SELECT count(*) FROM entities WHERE key_name = '光岳集团'").fetchone()[0] == 0


def _names_and_counts(project):
    conn = project.reader()
    names = conn.execute("SELECT entity_id, name, mentions FROM names ORDER BY entity_id, name").fetchall()
    grams = conn.execute("SELECT name_id, gram, is_prefix, mentions FROM name_grams ORDER BY 1, 2, 3").fetchall()
    return names, grams


def _store_with_a_merge(project, build):
    project.store_document(*build.company_page())
    t = "佳华科技在郑家镇建厂。"
    project.store_document(build.doc("/b.txt"), [build.article(t)], [build.analysis(
        [build.mention(t, "佳华科技", "ORG"), build.mention(t, "郑家镇", "PLACE")])])
    conn = project.reader()
    keep = conn.execute("SELECT id FROM entities WHERE key_name = '山东罗克佳华科技有限公司'").fetchone()[0]
    other = conn.execute("SELECT id FROM entities WHERE key_name = '佳华科技'").fetchone()[0]
    corrections.merge(project, keep, other)
    project.store_document(*_company_doc(build, "/c.txt"))
    project.store_document(*build.company_page(version="v2"))  # replaced: its entities are recounted
    return keep, other


def _company_doc(build, path):
    articles, analyses = _company_batch(build, 9, 12)
    t = "佳华科技和郑家镇的企业座谈。"
    articles.append(build.article(t, len(articles)))
    analyses.append(build.analysis([build.mention(t, "佳华科技", "ORG"), build.mention(t, "郑家镇", "PLACE")]))
    return build.doc(path), articles, analyses


def test_name_counts_are_refreshed_a_chunk_at_a_time_with_the_same_result(tmp_path, build, monkeypatch):
    from explorer.store import Project, search

    with Project.open(tmp_path / "whole.explorer.db") as whole:
        _store_with_a_merge(whole, build)
        expected = _names_and_counts(whole)
    calls: list[int] = []
    real = search.refresh_mentions

    def counting(conn, entity_ids):
        ids = list(entity_ids)
        calls.append(len(ids))
        real(conn, ids)

    monkeypatch.setattr(writer, "REFRESH_CHUNK", 3, raising=False)
    monkeypatch.setattr(search, "refresh_mentions", counting)
    with Project.open(tmp_path / "chunked.explorer.db") as chunked:
        keep, other = _store_with_a_merge(chunked, build)
        assert _names_and_counts(chunked) == expected
        conn = chunked.reader()
        survivor = conn.execute("SELECT mentions FROM entities WHERE id = ?", (keep,)).fetchone()[0]
        merged_names = conn.execute("SELECT DISTINCT mentions FROM names WHERE entity_id = ?", (other,)).fetchall()
    assert survivor >= 3 and merged_names == [(survivor,)]  # a merged entity's names rank by its survivor
    assert max(calls) <= 3 and len(calls) > 5


def test_the_end_of_a_huge_document_makes_no_copy_of_its_touched_ids(project, build):
    """A 50 MB file touches some 250,000 entities: recounting them and looking
    for orphans sorts them once, instead of copying the set (8 MB of table each time)."""
    import tracemalloc

    project.store_document(*build.company_page())
    touched = set(range(1, 60_001))
    with project.write() as conn:
        tracemalloc.start()
        try:
            writer.recount(conn, touched)
            writer.collect_orphans(conn, touched, set())
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    table = 16 * 2**17  # the set's own hash table: 2 MB
    assert peak < table  # one sorted list of the ids (0.5 MB) and a chunk's queries; 5.3 MB with two set copies
    assert project.reader().execute("SELECT mentions FROM entities WHERE key_name = '郑家镇'").fetchone() == (1,)
