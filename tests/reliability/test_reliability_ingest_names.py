"""Ingest through the CLI (issue 13): file names that are not UTF-8 (D8) or
hold control characters (D25), unreadable subfolders (D17), symbolic link
loops (D20), Ctrl-C (Also), an unsure encoding guess and stale corrections
in the summary (D6, D3), moved folders (D7), extract past a bad file (Also)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
from pathlib import Path

import pytest
import round2_helpers as h

from explorer.cli import main
from explorer.services import corrections, query
from explorer.store import Project

PAGES = [
    "本报讯 山东澜岳智能装备有限公司位于茌平区信发街道，主要从事智能装备研发制造。\n",
    "本报讯 光岳集团董事长张建国表示，公司今年将扩大生产。\n",
    "本报讯 东方红农机合作社获得省级示范社称号。\n",
]


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


def _write(folder: Path, name: str | bytes, text: str, encoding: str = "utf-8") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(raw, "wb") as fh:
        fh.write(text.encode(encoding))


def test_d8_a_name_that_is_not_utf8_is_escaped_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "zip"
    _write(corpus, b"\xd6\xd0\xce\xc4-01.txt", PAGES[0])  # 中文 in GBK: a Windows zip unpacked on Linux
    _write(corpus, "b-02.txt", PAGES[1])
    _write(corpus, b"\xb1\xa8-03.txt", PAGES[2])
    project = tmp_path / "p.db"
    code, out, err = _cli(["--project", str(project), "ingest", str(corpus)])
    assert code == 0, err
    assert "Traceback" not in err
    assert '\\326\\320\\316\\304-01.txt"' in out and '\\261\\250-03.txt"' in out  # quoted like git
    assert "total: 3 stored" in out
    code, out, _ = _cli(["--project", str(project), "ingest", "--json", str(corpus)])
    summary = json.loads(out)
    assert summary["total"]["unchanged"] == 3  # the quoted names are the stored names
    with Project.open(project, create=False) as opened:
        assert opened.stats().documents == 3


def test_d25_control_characters_in_names_do_not_reach_the_terminal(tmp_path):
    corpus = tmp_path / "in"
    _write(corpus, "a\nb.txt", PAGES[0])
    _write(corpus, "\x1b[31mred.txt", PAGES[1])
    code, out, err = _cli(["--project", str(tmp_path / "p.db"), "ingest", str(corpus)])
    assert code == 0, err
    assert "\x1b" not in out and '"' + str(corpus) + '/a\\nb.txt"' in out
    assert '\\033[31mred.txt"' in out
    assert all(line.startswith(("added", "total", "project")) for line in out.splitlines())


def test_d20_a_symbolic_link_loop_is_called_a_loop(tmp_path):
    corpus = tmp_path / "in"
    _write(corpus, "ok.txt", PAGES[0])
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "gone.txt").symlink_to(corpus / "missing.txt")
    (corpus / "back").symlink_to(corpus)  # a folder linking to its parent: read once, no endless walk
    top = tmp_path / "top.txt"
    top.symlink_to(top)
    code, out, err = _cli(["--project", str(tmp_path / "p.db"), "ingest", str(corpus), str(top)])
    assert code == 1, err
    lines = out.splitlines()
    assert any(line.startswith("FAILED") and "loop.txt" in line and "symbolic link loop" in line for line in lines)
    assert any(line.startswith("FAILED") and "top.txt" in line and "symbolic link loop" in line for line in lines)
    assert any(line.startswith("FAILED") and "gone.txt" in line and "broken symbolic link" in line for line in lines)
    assert "total: 1 stored" in out and "no such file" not in out


def test_d17_an_unreadable_subfolder_gets_a_failed_line():
    folder = h.shared_dir()
    try:
        corpus = folder / "in"
        _write(corpus, "ok.txt", PAGES[0])
        _write(corpus / "secret", "hidden.txt", PAGES[1])
        for path in (folder, corpus, corpus / "ok.txt"):
            path.chmod(0o777 if path == folder else 0o755 if path.is_dir() else 0o644)
        (corpus / "secret").chmod(0o000)  # nobody but root may list it

        # the same ingest as root first: the child cannot read root's Python
        # installation, so every module it needs must be imported already
        warm = folder / "warm"
        _write(warm, "ok.txt", PAGES[2])
        assert _cli(["--project", str(warm / "p.db"), "ingest", str(warm)])[0] == 0

        def as_user():
            return _cli(["--project", str(folder / "p.db"), "ingest", str(corpus)])

        code, out, err = h.unprivileged(as_user)
        assert code == 1, err
        failed = [line for line in out.splitlines() if line.startswith("FAILED")]
        assert len(failed) == 1 and "secret" in failed[0] and "permission denied" in failed[0]
        assert "total: 1 stored" in out
    finally:
        (folder / "in" / "secret").chmod(0o755)
        shutil.rmtree(folder)


def test_also_ctrl_c_lists_what_was_stored(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    for i, text in enumerate(PAGES):
        _write(corpus, f"p{i}.txt", text)
    stored = Project.store_document_batches

    def store_then_interrupt(self, *args, **kwargs):
        result = stored(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C after the first file
        return result

    monkeypatch.setattr(Project, "store_document_batches", store_then_interrupt)
    code, out, err = _cli(["--project", str(tmp_path / "p.db"), "ingest", str(corpus)])
    assert code == 130
    assert "stopping after the current file" in err
    assert [line.split()[0] for line in out.splitlines()[:1]] == ["added"] and "p0.txt" in out
    assert "cancelled" in out and "total: 1 stored" in out
    with Project.open(tmp_path / "p.db", create=False) as project:
        assert project.stats().documents == 1


def test_also_a_second_ctrl_c_still_lists_what_was_stored(tmp_path, monkeypatch):
    corpus = tmp_path / "in"
    for i, text in enumerate(PAGES):
        _write(corpus, f"p{i}.txt", text)
    stored = Project.store_document_batches
    calls = []

    def store_then_interrupt_twice(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # while the second file is under way, Ctrl-C twice: stop now
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
        return stored(self, *args, **kwargs)

    monkeypatch.setattr(Project, "store_document_batches", store_then_interrupt_twice)
    code, out, err = _cli(["--project", str(tmp_path / "p.db"), "ingest", str(corpus)])
    assert code == 130
    assert "1 file(s) were stored" in err and "p0.txt" in err


def test_d6_and_d3_the_summary_reports_an_unsure_guess_and_stale_corrections(tmp_path):
    corpus = tmp_path / "in"
    _write(corpus, "short.txt", "平台", encoding="gbk")
    people = "本报讯 光岳集团董事长张建国表示，公司今年将扩大生产。\n\n本报讯 张建国获得劳动模范称号。\n"
    _write(corpus, "people.txt", people)
    project = tmp_path / "p.db"
    assert _cli(["--project", str(project), "ingest", str(corpus)])[0] == 0
    with Project.open(project) as opened:
        person = query.find_entity(opened, "张建国").id
        article = opened.reader().execute(
            "SELECT id FROM articles WHERE text LIKE '%劳动模范%'").fetchone()[0]
        edit = corrections.split(opened, person, [article], "张建国（劳模）")
    _write(corpus, "people.txt", people.replace("劳动模范", "先进个人"))  # the split article changed
    code, out, err = _cli(["--project", str(project), "ingest", str(corpus)])
    assert code == 0, err
    assert f"correction {edit} no longer applies" in out and "劳动模范" in out
    code, out, _ = _cli(["--project", str(project), "ingest", "--json", str(tmp_path / "in" / "short.txt")])
    _write(tmp_path / "again", "short2.txt", "食品", encoding="gbk")
    code, out, err = _cli(["--project", str(project), "ingest", str(tmp_path / "again")])
    assert "note: the encoding was guessed as gb18030" in out, out


def test_d7_a_moved_folder_is_recognised_without_analysis(tmp_path):
    old = tmp_path / "2023"
    for i, text in enumerate(PAGES):
        _write(old, f"p{i}.txt", text)
    project = tmp_path / "p.db"
    assert _cli(["--project", str(project), "ingest", str(old)])[0] == 0
    with Project.open(project, create=False) as opened:
        before = opened.stats()
    new = tmp_path / "archive" / "2023"
    new.parent.mkdir()
    old.rename(new)
    code, out, err = _cli(["--project", str(project), "ingest", str(new)])
    assert code == 0, err
    assert out.count("moved") >= 3 and "total: 0 stored" in out
    with Project.open(project, create=False) as opened:
        assert opened.stats() == before
        paths = [r[0] for r in opened.reader().execute("SELECT path FROM documents")]
    assert all(path.startswith(str(new)) for path in paths)


def test_also_extract_carries_on_past_a_bad_file(tmp_path):
    corpus = tmp_path / "in"
    _write(corpus, "good.txt", PAGES[0])
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(corpus, "also-good.txt", PAGES[2])
    code, out, err = _cli(["extract", str(corpus)])
    assert code == 1
    payload = json.loads(out)
    assert sorted(Path(d["path"]).name for d in payload["documents"]) == ["also-good.txt", "good.txt"]
    assert [Path(f["path"]).name for f in payload["failed"]] == ["bad.txt"]
    assert "FAILED" in err and "bad.txt" in err


@pytest.fixture(autouse=True)
def _default_sigint():
    """Each test starts and ends with Python's own Ctrl-C handler."""
    previous = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, previous)
