"""The import contracts in pyproject.toml hold (napari style)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_contracts_cover_every_layer():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for layer in ("app", "cli", "gui", "services", "ingest", "nlp", "store", "export", "graph", "core"):
        assert f"explorer.{layer}" in text
