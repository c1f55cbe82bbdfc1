"""Task functions for the cluster tests; Dask workers import this module by name."""

from __future__ import annotations

from pathlib import Path

from explorer.services.analysis import analyse_bytes


def fails_first_time(path: str, data: bytes, options):
    """analyse_bytes, except that the first attempt at each file raises (a
    flaky worker): the retry must give the same result."""
    marker = Path(path).with_name(Path(path).name + ".attempted")
    if not marker.exists():
        marker.write_text("1")
        raise RuntimeError("a transient failure")
    return analyse_bytes(path, data, options)


def always_fails(path: str, data: bytes, options):
    raise RuntimeError("this task never succeeds")
