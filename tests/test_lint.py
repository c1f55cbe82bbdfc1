"""Code-shape rules of the developers' guide, checked in `make test`:
no function in explorer/ above cyclomatic complexity 20 (ruff C901), ruff
clean over nlp/ and services/, and mypy clean over nlp/ and services/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (it is in the 'test' extra)")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_no_function_above_complexity_20():
    result = _run(_tool("ruff"), "check", "--select", "C901", "--output-format", "concise", "explorer")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean_over_nlp_and_services():
    result = _run(_tool("ruff"), "check", "--output-format", "concise", "explorer/nlp", "explorer/services")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_over_nlp_and_services():
    result = _run(_tool("mypy"), "--no-error-summary", "explorer/nlp", "explorer/services")
    errors = [line for line in result.stdout.splitlines() if re.search(r": error:", line)]
    assert not errors, "\n".join(errors)


def test_no_one_city_or_province_is_written_into_the_code():
    """explorer serves any city's paper: regional knowledge comes from the
    gazetteer and data files, never from literals in Python."""
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "explorer").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "聊城" in line or "山东" in line
    ]
    assert not offenders, offenders
