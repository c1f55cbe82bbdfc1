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
