"""services.ingest.run: one transaction per file, failures isolated, cancel honoured."""

from __future__ import annotations

from pathlib import Path

from explorer.core import TaskState
from explorer.services import ingest, project as project_service
from explorer.settings import IngestOptions

PAGE = """本报讯（记者 {reporter}）{company}近日
被认定为省级技术创新示范企业，该企业
位于冠县烟庄街道。

{short}获评省级技术创新示范企业
"""


def _write_pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    names = ["山东瑞川新材料有限公司", "山东晟华重工有限公司", "聊城远拓电子科技有限公司"]
    paths = []
    for i in range(count):
        company = names[i % len(names)]
        text = PAGE.format(reporter=["张明", "李华", "王强"][i % 3], company=company, short=company[2:4])
        path = folder / f"page{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_run_stores_every_file_once(tmp_path):
    pages = _write_pages(tmp_path / "in", 3)
    project = project_service.open_project(tmp_path / "p.db")
    try:
        report = ingest.run(project, [tmp_path / "in"], IngestOptions(), TaskState())
        assert [f.status for f in report.files] == ["added"] * 3
        assert project_service.stats(project).documents == 3
        again = ingest.run(project, pages, IngestOptions(), TaskState())
        assert [f.status for f in again.files] == ["unchanged"] * 3
        assert project_service.stats(project).articles == report.articles
    finally:
        project.close()


def test_changed_file_replaces_its_articles(tmp_path):
    [page] = _write_pages(tmp_path / "in", 1)
    project = project_service.open_project(tmp_path / "p.db")
    try:
        ingest.run(project, [page], IngestOptions(), TaskState())
        before = project_service.stats(project)
        page.write_text(page.read_text(encoding="utf-8") + "\n本报讯 补充一段。\n", encoding="utf-8")
        report = ingest.run(project, [page], IngestOptions(), TaskState())
        assert report.files[0].status == "replaced"
        assert project_service.stats(project).documents == before.documents
    finally:
        project.close()


def test_missing_and_bad_files_fail_alone(tmp_path):
    [good] = _write_pages(tmp_path / "in", 1)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    project = project_service.open_project(tmp_path / "p.db")
    try:
        report = ingest.run(
            project, [tmp_path / "missing.txt", empty, good], IngestOptions(), TaskState()
        )
        statuses = {Path(f.path).name: f.status for f in report.files}
        assert statuses == {"missing.txt": "failed", "empty.txt": "failed", "page0.txt": "added"}
        assert all(f.error for f in report.failed)
        assert project_service.stats(project).documents == 1
    finally:
        project.close()


def test_cancel_keeps_whole_files_only(tmp_path):
    _write_pages(tmp_path / "in", 4)
    project = project_service.open_project(tmp_path / "p.db")
    seen = []

    def on_progress(fraction, message):
        seen.append(message)
        if len(seen) == 2:  # the user presses cancel while the second file is read
            state.cancel()

    state = TaskState(on_progress)
    try:
        report = ingest.run(project, [tmp_path / "in"], IngestOptions(), state)
        assert report.cancelled
        stored = project_service.stats(project).documents
        assert 1 <= stored < 4
        assert stored == sum(f.status == "added" for f in report.files)
    finally:
        project.close()


def test_progress_reaches_the_end(tmp_path):
    _write_pages(tmp_path / "in", 2)
    fractions = []
    project = project_service.open_project(tmp_path / "p.db")
    try:
        ingest.run(project, [tmp_path / "in"], IngestOptions(), TaskState(lambda f, m: fractions.append(f)))
    finally:
        project.close()
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)


def test_ensure_sample_fills_an_empty_project_once(tmp_path):
    project = project_service.open_project(tmp_path / "p.db")
    try:
        assert project_service.ensure_sample(project) is True
        assert project_service.stats(project).articles > 5
        assert project_service.ensure_sample(project) is False
    finally:
        project.close()


def test_each_file_outcome_is_handed_over_as_it_is_done(tmp_path):
    _write_pages(tmp_path / "in", 2)
    bad = tmp_path / "in" / "zz-empty.txt"
    bad.write_bytes(b"")
    outcomes = []
    project = project_service.open_project(tmp_path / "p.db")
    try:
        report = ingest.run(project, [tmp_path / "in"], IngestOptions(), TaskState(on_partial=outcomes.append))
    finally:
        project.close()
    assert outcomes == report.files
    assert [o.status for o in outcomes] == ["added", "added", "failed"]
