"""`make bench`: run every benchmark module (bench_*.py) in turn.

Each module prints its own table of figures and ratios against a baseline
measured in the same run. Pass module names to run a subset:
`python -m benchmarks nlp store`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = {f"bench_{a.removeprefix('bench_')}" for a in argv}
    failures = 0
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            entry = getattr(module, "main")
            entry([]) if entry.__code__.co_argcount else entry()
        except Exception as exc:  # report and go on: one broken bench must not hide the others
            failures += 1
            print(f"{name} failed: {type(exc).__name__}: {exc}")
        print(f"({name}: {time.perf_counter() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
