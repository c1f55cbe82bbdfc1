"""The file's bytes are dropped once it is analysed (issue 13, memory): the
writer's transaction is the peak of a huge ingest, and 50 MB of bytes held
through it count in that peak."""

from __future__ import annotations

from explorer.core import TaskState
from explorer.services import ingest
from explorer.services import project as project_service
from explorer.settings import IngestOptions

PAGE = "本报讯（记者 张三）日前，市里召开会议，部署今年的重点工作。\n\n市里召开重点工作会议\n"


def test_a_files_bytes_are_dropped_before_it_is_stored(tmp_path, monkeypatch):
    """The writer's transaction is the peak of a huge ingest: the file's bytes
    (50 MB at the limit) are analysed by then and must not be held."""
    from explorer.services import parallel

    long_page = tmp_path / "page.txt"
    long_page.write_text(PAGE, encoding="utf-8")

    jobs = []
    real_results = parallel.InProcess.results

    def spying(self, source, *args, **kwargs):
        def recorded():
            for job in source:
                jobs.append(job)
                yield job
        return real_results(self, recorded(), *args, **kwargs)

    monkeypatch.setattr(parallel.InProcess, "results", spying)
    held_while_storing = []
    real_store = project_service.Project.store_document_batches

    def storing(self, document, batches):
        held_while_storing.extend(job.path for job in jobs if job.data is not None)
        return real_store(self, document, batches)

    monkeypatch.setattr(project_service.Project, "store_document_batches", storing)
    with project_service.open_project(tmp_path / "p.explorer.db") as project:
        report = ingest.run(project, [long_page], IngestOptions(), TaskState())
    assert report.files[0].status == "added" and jobs
    assert held_while_storing == []
