"""Where things live and the defaults users can change.

Paths come from platformdirs so the app writes only to the user's data
directory; the frozen build and a source checkout find bundled resources
the same way (`resources_dir`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from explorer.core.lexicon import ProjectLexicon

APP_NAME = "explorer"
PROJECT_ENV = "EXPLORER_PROJECT"
DEFAULT_SOURCE = None
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


def data_dir() -> Path:
    """The per-user data directory (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_project_path() -> Path:
    return data_dir() / "default.explorer.db"


def project_path(explicit: str | os.PathLike | None = None) -> Path:
    """The project chosen by `--project`, else `$EXPLORER_PROJECT`, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(PROJECT_ENV)
    if env:
        return Path(env).expanduser()
    return default_project_path()


def resources_dir() -> Path:
    """Bundled read-only resources: inside a PyInstaller bundle or the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_corpus_dir() -> Path:
    return resources_dir() / "sample"


@dataclass(frozen=True)
class IngestOptions:
    """What the user said about the files being ingested."""

    source: str | None = DEFAULT_SOURCE
    home_city: str | None = None  # None: read from the source (explorer/ingest/home_city.py)
    date: str | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    to_simplified: bool = True
    # What the user taught the project (issue 16): ingest fills it in from the
    # project, so every map step (local, worker process, Dask) analyses with it.
    lexicon: ProjectLexicon | None = None
