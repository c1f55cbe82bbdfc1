"""From a text page to a search hit through the real CLI (issue 2's thin slice)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main

PAGE = """本报讯（记者 林晓东）记者近日从市工信
局了解到，山东澜岳智能装备有限公司成
功入选2023年度山东省瞪羚企业名单。

澜岳智能位于茌平区信发街道，主要从事
智能装备研发制造。

澜岳智能入选省瞪羚企业
"""


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_ingest_then_search_prints_the_entity(page, tmp_path, capsys):
    project = tmp_path / "p.db"
    assert main(["--project", str(project), "ingest", str(page)]) == 0
    out = capsys.readouterr().out
    assert "added" in out and "1 articles" in out

    assert main(["--project", str(project), "search", "澜岳"]) == 0
    out = capsys.readouterr().out
    assert "山东澜岳智能装备有限公司" in out and "ORG" in out


def test_search_without_match_exits_1(page, tmp_path, capsys):
    project = tmp_path / "p.db"
    main(["--project", str(project), "ingest", str(page)])
    capsys.readouterr()
    assert main(["--project", str(project), "search", "不存在的名字"]) == 1


def test_reingest_is_unchanged_and_json_summary(page, tmp_path, capsys):
    project = tmp_path / "p.db"
    main(["--project", str(project), "ingest", str(page)])
    capsys.readouterr()
    assert main(["--project", str(project), "ingest", "--json", str(page)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["total"]["unchanged"] == 1
    assert summary["total"]["articles"] == 0


def test_failed_file_is_reported_and_others_still_ingest(page, tmp_path, capsys):
    project = tmp_path / "p.db"
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02\xff" * 200)
    code = main(["--project", str(project), "ingest", str(broken), str(page)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED" in out and "broken.txt" in out
    assert main(["--project", str(project), "search", "澜岳"]) == 0


def test_environment_variable_chooses_the_project(page, tmp_path, monkeypatch, capsys):
    project = tmp_path / "from-env.db"
    monkeypatch.setenv("EXPLORER_PROJECT", str(project))
    assert main(["ingest", str(page)]) == 0
    assert project.exists()


def test_python_dash_m_runs_the_cli(page, tmp_path):
    env = dict(os.environ, EXPLORER_PROJECT=str(tmp_path / "m.db"))
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "search", "澜岳"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    # no project there yet: a reading command says so cleanly and creates nothing (issue 13, D15)
    assert result.returncode == 2 and "no such project" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "m.db").exists()
