"""The real frozen build, when `make package` has made one (about a minute)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
FROZEN_APP = REPO / "dist" / "explorer"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow,
    pytest.mark.skipif(not (FROZEN_APP / "explorer").is_file() and not (FROZEN_APP / "explorer.exe").is_file(),
                       reason="no dist/explorer: run `make package`"),
]


def test_frozen_app_starts_ingests_the_sample_and_renders(smoke, tmp_path):
    report = smoke.run_smoke(FROZEN_APP, work=tmp_path)
    assert report["bundle_mb"] < 400
    assert report["bundle_unchanged"]
    assert report["missing_data_exit_code"] == 3
    assert report["screenshot_size"] == (1400, 900)
