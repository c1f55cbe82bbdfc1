"""What `explorer ingest` prints: one line per file, the total, and what was
already stored when the run was stopped (Ctrl-C, a full disk).

File names are quoted the way git quotes them (`core.paths.display_path`):
a name with a newline, an escape sequence or bytes that are not UTF-8 can
neither garble the terminal nor abort the summary.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import asdict, is_dataclass

from explorer.core.paths import display_path, storable_path

STORED = ("added", "replaced")


@contextlib.contextmanager
def interrupts(state) -> Iterator[None]:
    """The first Ctrl-C asks the ingest to stop after the file in hand (the
    summary then lists what was stored); a second one stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum, frame):
        if state.cancelled:
            raise KeyboardInterrupt
        state.cancel()
        print("stopping after the current file (Ctrl-C again to stop now)", file=sys.stderr, flush=True)

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def file_line(f) -> str:
    path = display_path(f.path)
    if f.status == "failed":
        return f"FAILED     {path}: {f.error}"
    if f.status == "unchanged":
        return f"unchanged  {path}"
    previous = display_path(getattr(f, "previous_path", None) or "?")
    if f.status == "moved":
        return f"moved      {path}: already stored as {previous}; its path is updated"
    if f.status == "duplicate":
        return f"duplicate  {path}: same content as {previous}, not stored twice"
    return (
        f"{f.status:<10} {path}: {f.articles} articles, {f.mentions} mentions, "
        f"{f.entities} new entities, {f.relations} relations"
    )


def notes(f) -> list[str]:
    """Warnings (an unsure encoding guess) and corrections this file made stale."""
    lines = [f"           note: {w}" for w in getattr(f, "warnings", None) or ()]
    for stale in getattr(f, "stale_corrections", None) or ():
        lines.append(f"           correction {stale.edit_id} no longer applies: {stale.description}")
        lines.extend(f"             {where}" for where in stale.missing)
    return lines


def print_stored_so_far(outcomes, stream=None) -> None:
    """After an interruption: the files that were stored before it."""
    stream = stream or sys.stderr
    stored = [f for f in outcomes if f.status in STORED or f.status == "moved"]
    print(f"stopped; {len(stored)} file(s) were stored before that and are kept:", file=stream)
    for f in stored:
        print("  " + file_line(f), file=stream)


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    raise TypeError(type(value).__name__)


def print_report(report, as_json: bool, project_path) -> None:
    totals = report.totals()
    if as_json:
        files = [{**vars(f), "path": storable_path(f.path)} for f in report.files]
        print(json.dumps({"files": files, "total": totals}, ensure_ascii=False, indent=2, default=_plain))
        return
    for f in report.files:
        print(file_line(f))
        for line in notes(f):
            print(line)
    moved = sum(f.status == "moved" for f in report.files)
    duplicate = sum(f.status == "duplicate" for f in report.files)
    extra = (f", {moved} moved" if moved else "") + (f", {duplicate} duplicate" if duplicate else "")
    print(
        f"total: {totals['stored']} stored, {totals['unchanged']} unchanged{extra}, "
        f"{totals['failed']} failed; {totals['articles']} articles, "
        f"{totals['entities_new']} new entities, {totals['relations']} relations"
        + (" (cancelled: the files listed were stored, the rest were not)" if report.cancelled else "")
    )
    print(f"project: {display_path(str(project_path))}")
