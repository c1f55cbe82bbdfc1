"""The query and correction commands, end to end through explorer.cli.main."""

from __future__ import annotations

import json

import pytest

from explorer.cli import main
from explorer.store import Project


@pytest.fixture
def project_path(tmp_path, build):
    path = tmp_path / "cli.db"
    with Project.open(path) as project:
        project.store_document(*build.company_page())
        t = "王芳任山东罗克佳华科技有限公司总经理。"
        project.store_document(build.doc("/b.txt"), [build.article(t, headline="访谈")], [build.analysis(
            [build.mention(t, "王芳", "PERSON"), build.mention(t, "山东罗克佳华科技有限公司", "ORG")],
            [build.fact("王芳", "PERSON", "role_at", "山东罗克佳华科技有限公司", "ORG", t, role="总经理")],
        )])
    return str(path)


def run(capsys, project_path, *argv):
    code = main(["--project", project_path, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_search_and_show(capsys, project_path):
    code, out, _ = run(capsys, project_path, "search", "lkjh")
    assert code == 0 and "山东罗克佳华科技有限公司" in out
    code, out, _ = run(capsys, project_path, "show", "罗克佳华")
    assert code == 0 and "-awarded-> 省级专精特新企业" in out and "聊城日报" in out
    code, out, _ = run(capsys, project_path, "show", "罗克佳华", "--json")
    detail = json.loads(out)
    assert detail["name"] == "山东罗克佳华科技有限公司" and len(detail["facts"]) == 3


def test_neighbours_path_query_rank(capsys, project_path):
    code, out, _ = run(capsys, project_path, "neighbours", "王芳", "--hops", "2", "--json")
    names = {n["name"] for n in json.loads(out)["nodes"]}
    assert names == {"王芳", "山东罗克佳华科技有限公司", "郑家镇", "省级专精特新企业"}
    code, out, _ = run(capsys, project_path, "path", "王芳", "郑家镇")
    assert code == 0 and "role_at" in out and "located_in" in out
    code, out, _ = run(capsys, project_path, "query", "ORG-located_in->PLACE, ORG-awarded->HONOR", "--place", "聊城市")
    assert code == 0 and "1 match" in out
    code, out, _ = run(capsys, project_path, "rank", "--by", "degree", "--json")
    assert json.loads(out)[0]["entity"]["name"] == "山东罗克佳华科技有限公司"


def test_corrections_and_errors(capsys, project_path):
    code, out, _ = run(capsys, project_path, "correct", "rename", "郑家镇", "郑家")
    assert code == 0
    code, out, _ = run(capsys, project_path, "show", "郑家")
    assert "#" in out and "郑家镇" in out  # old name listed as alias
    code, out, _ = run(capsys, project_path, "correct", "undo")
    assert "undo: rename" in out
    code, _, err = run(capsys, project_path, "show", "没有这个")
    assert code == 1 and "not found" in err
    code, _, err = run(capsys, project_path, "query", "ORG located PLACE")
    assert code == 2 and "pattern" in err
