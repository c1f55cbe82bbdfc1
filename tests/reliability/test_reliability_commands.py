"""Commands (issue 13): arguments checked when parsed (D12, D23, D24), exports
that never overwrite a database (D4), write valid XML (D9), create no folders
(D21) and take `#id` (Also), corrections that refuse control characters (D9)
and say when a merge was already done (D22), full-width queries (Also),
extract carrying on past a bad file (Also)."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import round2_helpers as h

from explorer.cli import main
from explorer.errors import QueryError
from explorer.export import export_graph
from explorer.services import corrections, query
from explorer.store import Project


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse refuses a value this way
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project_path(tmp_path) -> Path:
    path = tmp_path / "p.db"
    h.filled_project(path)
    return path


# --- D12, D23, D24: arguments are checked when they are parsed ----------------------

BAD_ARGUMENTS = [
    (["path", "张伟", "李娜", "-k", "-1"], "-k"),
    (["path", "张伟", "李娜", "-k", "0"], "-k"),
    (["ingest", "--max-mb", "nan", "x.txt"], "--max-mb"),
    (["ingest", "--max-mb", "-5", "x.txt"], "--max-mb"),
    (["ingest", "--max-mb", "inf", "x.txt"], "--max-mb"),
    (["ingest", "--date", "2023-13-45", "x.txt"], "--date"),
    (["ingest", "--date", "2023-02-30", "x.txt"], "--date"),
    (["search", "张伟", "--limit", "-3"], "--limit"),
    (["neighbours", "张伟", "--hops", "-1"], "--hops"),
    (["neighbours", "张伟", "--limit", "0"], "--limit"),
    (["export", "-f", "json", "-o", "x.json", "--center", "张伟", "--hops", "-2"], "--hops"),
    (["rank", "--limit", "-1"], "--limit"),
]


@pytest.mark.parametrize("argv,option", BAD_ARGUMENTS, ids=lambda a: " ".join(a) if isinstance(a, list) else a)
def test_d12_bad_arguments_are_one_line_and_exit_2(project_path, argv, option):
    code, out, err = _cli(["--project", str(project_path), *argv])
    assert code == 2
    assert option in err and "Traceback" not in err
    assert not out


def test_d23_a_real_date_is_accepted(project_path, tmp_path):
    from explorer.cli.args import iso_date

    assert iso_date("2024-02-29") == "2024-02-29"


# --- D4, D21: where an export may write -------------------------------------------


def test_d4_export_never_overwrites_the_project_or_any_database(project_path, tmp_path):
    before = project_path.read_bytes()
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    other_bytes = other.read_bytes()
    for target in (project_path, other, Path(f"{project_path}-wal")):
        for fmt in ("json", "graphml", "html"):
            code, out, err = _cli(["--project", str(project_path), "export", "-f", fmt, "-o", str(target)])
            assert code == 2 and "database" in err, (target, fmt, err)
    code, _, err = _cli(["--project", str(project_path), "export", "-f", "csv", "-o", str(tmp_path)])
    assert code == 0  # a folder is fine
    assert project_path.read_bytes() == before and other.read_bytes() == other_bytes
    with Project.open(project_path, create=False) as project:
        assert project.stats().documents == 2


def test_d21_export_creates_no_missing_folders(project_path, tmp_path):
    code, _, err = _cli(["--project", str(project_path), "export", "-f", "json", "-o", str(tmp_path / "typo" / "x" / "g.json")])
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "typo").exists()
    # the CSV folder itself is made, inside an existing folder only
    assert _cli(["--project", str(project_path), "export", "-f", "csv", "-o", str(tmp_path / "csv")])[0] == 0
    assert (tmp_path / "csv" / "nodes.csv").is_file()
    assert _cli(["--project", str(project_path), "export", "-f", "csv", "-o", str(tmp_path / "a" / "b")])[0] == 2
    assert not (tmp_path / "a").exists()


def test_also_export_center_takes_an_id(project_path, tmp_path):
    with Project.open(project_path, create=False) as project:
        person = query.find_entity(project, "张伟").id
    out = tmp_path / "g.json"
    code, _, err = _cli(["--project", str(project_path), "export", "-f", "json", "-o", str(out), "--center", f"#{person}"])
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["graph"]["center"] == person
    assert {n["name"] for n in data["nodes"]} >= {"张伟", "光岳集团"}


# --- D9: characters XML cannot hold -----------------------------------------------

BAD_NAMES = ["张\x0b伟", "光岳\ufffe集团", "李\uffff娜", "A\x00B", "东方\x1b[31m红"]


def _graph_with_bad_names() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i, name in enumerate(BAD_NAMES):
        graph.add_node(i, name=name, type="ORG", aliases=[name + "\x07"], mentions=1)
    graph.add_edge(0, 1, key=7, relation="role_at", role="董\x0c事长", evidence=[{"sentence": "句\x01子"}])
    return graph


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_d9_xml_exports_are_well_formed_whatever_the_names(tmp_path, fmt):
    [path] = export_graph(_graph_with_bad_names(), fmt, tmp_path / f"g.{fmt}")
    ET.parse(path)  # well-formed
    if fmt == "graphml":
        back = nx.read_graphml(path)
        assert back.number_of_nodes() == len(BAD_NAMES) and back.number_of_edges() == 1
    names = [e.get("label") for e in ET.parse(path).iter() if e.get("label")]
    text = path.read_text(encoding="utf-8")
    assert "\x0b" not in text and "\ufffe" not in text and "\x1b" not in text
    assert fmt != "gexf" or any("张" in n for n in names)


def test_d9_rename_refuses_control_characters(project_path):
    with Project.open(project_path, create=False) as project:
        person = query.find_entity(project, "张伟").id
        for bad in ("张\n伟", "张\x00伟", "张\u202e伟", "张\ufffe伟", "张\U0001fffe伟"):
            with pytest.raises(QueryError, match="control characters"):
                corrections.rename(project, person, bad)
        corrections.rename(project, person, "张伟（董事长）")  # ordinary names still work


def test_d9_normalisation_removes_non_characters():
    from explorer.ingest import normalise_text

    assert normalise_text("光岳\ufffe集团\uffff与\ufdd0李娜\U0010ffff") == "光岳集团与李娜"


# --- D22: merging twice -----------------------------------------------------------


def test_d22_merging_twice_says_it_was_done(project_path):
    code, _, err = _cli(["--project", str(project_path), "correct", "merge", "张伟", "李娜"])
    assert code == 0, err
    code, _, err = _cli(["--project", str(project_path), "correct", "merge", "张伟", "李娜"])
    assert code == 2 and "already merged" in err and "itself" not in err


# --- Also: full-width queries -----------------------------------------------------


def test_also_full_width_query_finds_latin_names(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.store_document(*h.page("/news/lcs.txt", "v1", ["LCS公司在光岳集团旁。"], [("LCS公司", "ORG")]))
    for typed in ("ＬＣＳ公司", "ｌｃｓ公司", "LCS公司"):
        code, out, err = _cli(["--project", str(path), "search", typed])
        assert code == 0 and "LCS公司" in out, (typed, out, err)
