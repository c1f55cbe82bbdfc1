"""A fork server that runs ingests the crash test can SIGKILL.

Importing explorer and loading the NLP pipeline take seconds; killing a
fresh `python -c` each time would allow only two or three kills in the time
budget. This process pays that once, then forks one child per ingest: each
child is a real separate process that opens the project itself, so killing
it is exactly a crash of an ingesting process.

Protocol (one line each way, stdout flushed):
    -> "ingest <project> <corpus>"   <- "pid <n>" then, when it ends, "exit <status>"
    -> "quit"
The server says "ready" once the pipeline is loaded.
"""

from __future__ import annotations

import os
import sys


def _child(project_path: str, corpus: str) -> None:
    from explorer.core import TaskState
    from explorer.services import ingest
    from explorer.services.project import open_project
    from explorer.settings import IngestOptions

    project = open_project(project_path)
    report = ingest.run(project, [corpus], IngestOptions(), TaskState())
    project.close()
    os._exit(0 if not report.failed else 3)


def main() -> None:
    from explorer.nlp import load_pipeline
    from explorer.services import ingest  # noqa: F401  (import everything once)

    load_pipeline()
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        _, project_path, corpus = words
        pid = os.fork()
        if pid == 0:
            try:
                _child(project_path, corpus)
            except BaseException as exc:  # noqa: BLE001 - report, never return into the loop
                print(f"child error {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                os._exit(4)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)


if __name__ == "__main__":
    main()
