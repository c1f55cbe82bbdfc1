"""`explorer lexicon …` (issue 16): exact spellings, what add/remove print, TSV round trip."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from explorer.cli import main

PAGES = Path(__file__).resolve().parents[2] / "tests" / "data" / "teach"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli-lexicon")
    shutil.copytree(PAGES, root / "pages", ignore=shutil.ignore_patterns("*.md"))
    assert main(["--project", str(root / "p.explorer.db"), "ingest", str(root / "pages")]) == 0
    return root / "p.explorer.db"


@pytest.fixture
def project(built, tmp_path) -> str:
    shutil.copy2(built, tmp_path / "p.explorer.db")
    return str(tmp_path / "p.explorer.db")


def test_add_reanalyses_and_prints_what_changed_then_list_shows_it(project, capsys):
    capsys.readouterr()
    assert main(["--project", project, "lexicon", "add", "星澜智造", "--type", "ORG", "--canonical", "聊城星澜智能制造有限公司"]) == 0
    out = capsys.readouterr().out
    # 4 pages name it; the list page (星澜智造、山东…有限公司等8家企业) already does untaught
    assert out.startswith("星澜智造 taught as ORG: found in 3 more articles, 6 new facts")
    assert main(["--project", project, "lexicon", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["entries"] == [{
        "surface": "星澜智造", "type": "ORG", "canonical": "聊城星澜智能制造有限公司", "origin": "taught",
        # 9 mentions: the headline 星澜智造新厂房投产 is read too (issue 12)
        "created": listed["entries"][0]["created"], "active": True, "edit": None, "mentions": 9, "articles": 4,
    }]
    assert main(["--project", project, "show", "聊城星澜智能制造有限公司"]) == 0
    assert "国家级专精特新“小巨人”企业" in capsys.readouterr().out


def test_remove_and_not_a_name(project, capsys):
    main(["--project", project, "lexicon", "add", "星澜智造", "--type", "ORG"])
    capsys.readouterr()
    assert main(["--project", project, "lexicon", "remove", "星澜智造"]) == 0
    assert re.search(r"facts \+0 -[1-9]", capsys.readouterr().out)
    assert main(["--project", project, "lexicon", "add", "凤祥股份", "--not-a-name"]) == 0
    assert capsys.readouterr().out.startswith("凤祥股份 marked as not a name: gone from 1 articles")
    assert main(["--project", project, "lexicon", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["凤祥股份\tNOT_A_NAME\ttaught\t0 mentions, 1 articles"]


def test_bad_arguments_are_refused(project, capsys):
    with pytest.raises(SystemExit):
        main(["--project", project, "lexicon", "add", "星澜智造", "--type", "COMPANY"])
    with pytest.raises(SystemExit):
        main(["--project", project, "lexicon", "add", "星澜智造"])  # --type or --not-a-name is required
    assert main(["--project", project, "lexicon", "add", "X公司", "--not-a-name", "--canonical", "Y"]) == 2
    assert main(["--project", project, "lexicon", "remove", "没教过"]) == 2
    assert "not in the project lexicon" in capsys.readouterr().err


def test_export_then_import_into_another_project(project, built, tmp_path, capsys):
    main(["--project", project, "lexicon", "add", "星澜智造", "--type", "ORG"])
    main(["--project", project, "lexicon", "add", "凤祥股份", "--not-a-name"])
    tsv = tmp_path / "shared.tsv"
    assert main(["--project", project, "lexicon", "export", str(tsv)]) == 0
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert lines[1:] == ["name\t星澜智造\tORG\t\ttaught", "name\t凤祥股份\tNOT_A_NAME\t\ttaught"]
    other = str(tmp_path / "other.explorer.db")
    shutil.copy2(built, other)
    capsys.readouterr()
    assert main(["--project", other, "lexicon", "import", str(tsv)]) == 0
    assert capsys.readouterr().out.startswith("imported 2 entries and 0 negative facts")
    main(["--project", other, "lexicon", "list", "--json"])
    assert {(e["surface"], e["origin"]) for e in json.loads(capsys.readouterr().out)["entries"]} == {
        ("星澜智造", "imported"), ("凤祥股份", "imported")}


def test_a_bad_tsv_imports_nothing_and_names_the_line(project, tmp_path, capsys):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("name\t星澜智造\tORG\t\ttaught\nname\t某某\tCOMPANY\t\ttaught\n", encoding="utf-8")
    assert main(["--project", project, "lexicon", "import", str(tsv)]) == 2
    assert "line 2: unknown type 'COMPANY'" in capsys.readouterr().err
    main(["--project", project, "lexicon", "list", "--json"])
    assert json.loads(capsys.readouterr().out)["entries"] == []
