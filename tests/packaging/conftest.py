"""Fixtures for the packaging tests: the files under packaging/ loaded as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
FROZEN_APP = REPO / "dist" / "explorer"


def pytest_configure(config):
    config.addinivalue_line("markers", "frozen: runs the PyInstaller build in dist/explorer (skipped without one)")


def _load(name: str):
    """packaging/ is not a package: load its scripts by path."""
    module_name = f"explorer_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def packaging_dir() -> Path:
    return PACKAGING


@pytest.fixture(scope="session")
def launcher():
    return _load("launcher")


@pytest.fixture(scope="session")
def smoke():
    return _load("smoke")
