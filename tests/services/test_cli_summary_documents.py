"""`explorer summary`, `explorer documents` and `explorer remove` in-process."""

from __future__ import annotations

import json

from explorer.cli import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_text_and_json(capsys, sample_project_copy):
    code, out, _ = _run(capsys, "--project", str(sample_project_copy), "summary")
    assert code == 0
    assert "honour board" in out and "高唐县" in out and "articles per month" in out and "2023-03" in out
    code, out, _ = _run(capsys, "--project", str(sample_project_copy), "summary", "--json")
    data = json.loads(out)
    assert code == 0 and data["documents"] == 4 and data["is_empty"] is False
    assert {"honoured_organisations", "honoured_areas", "most_connected", "months", "recent", "entities"} <= set(data)


def test_empty_project_summary_is_a_call_to_action(capsys, tmp_path):
    from explorer.services import project as project_service

    project_service.open_project(tmp_path / "e.explorer.db", create=True).close()
    code, out, _ = _run(capsys, "--project", str(tmp_path / "e.explorer.db"), "summary")
    assert code == 0 and "explorer ingest" in out and "--sample" in out


def test_documents_and_remove(capsys, sample_project_copy, monkeypatch):
    project = ["--project", str(sample_project_copy)]
    code, out, _ = _run(capsys, *project, "documents", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 4 and {d["status"] for d in listed} == {"ok"}
    victim = listed[0]
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = _run(capsys, *project, "remove", f"#{victim['id']}")
    assert code != 0 and "--yes" in err  # never removed without a confirmation
    code, out, _ = _run(capsys, *project, "remove", victim["path"], "--yes", "--json")
    report = json.loads(out)
    assert code == 0 and report["articles"] == victim["articles"] and report["document"]["id"] == victim["id"]
    code, out, _ = _run(capsys, *project, "documents", "--json")
    assert [d["id"] for d in json.loads(out)] == [d["id"] for d in listed[1:]]
    code, _, err = _run(capsys, *project, "remove", f"#{victim['id']}", "--yes")
    assert code != 0 and f"#{victim['id']}" in err  # gone: a clear error, nothing else changes
