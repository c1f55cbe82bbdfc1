"""Shared fixtures. `../shared/` is read-only evaluation data beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = (REPO.parent / "shared").resolve()


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The evaluation data; tests that need it are skipped only where it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/ is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return REPO / "resources" / "sample"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user data directory or project from tests."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("EXPLORER_PROJECT", raising=False)


@pytest.fixture(scope="session")
def ingested_sample(tmp_path_factory) -> tuple[Path, Path]:
    """(project file, corpus folder): the sample pages copied to a folder of
    their own and ingested once per session (about 5 s). Tests copy the
    project file (`sample_project_copy`) rather than change this one."""
    import shutil

    from explorer.core import TaskState
    from explorer.services import ingest
    from explorer.services import project as project_service
    from explorer.settings import IngestOptions

    root = tmp_path_factory.mktemp("ingested-sample")
    corpus = root / "pages"
    shutil.copytree(REPO / "resources" / "sample", corpus, ignore=shutil.ignore_patterns("*.md"))
    project = project_service.open_project(root / "sample.explorer.db", create=True)
    try:
        report = ingest.run(project, [corpus], IngestOptions(source="聊城日报", home_city="聊城市"), TaskState())
        assert report.articles > 0 and not report.failed
    finally:
        project.close()
    return root / "sample.explorer.db", corpus


@pytest.fixture
def sample_project_copy(ingested_sample, tmp_path) -> Path:
    """A private copy of the ingested sample project (the pages stay where they are)."""
    import shutil

    target = tmp_path / "copy.explorer.db"
    shutil.copy2(ingested_sample[0], target)
    return target
