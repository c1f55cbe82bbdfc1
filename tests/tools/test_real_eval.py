"""tools/real_eval.py keeps real-article texts out of git yet checkable and recoverable."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import socket
import sys
import urllib.error
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "real_eval.py"
ARTICLE = "本报讯（记者 张三）近日，某某区某某科技有限公司入选省级专精特新中小企业名单。\n该区今年累计培育此类企业12家。\n"


@pytest.fixture()
def tool():
    spec = importlib.util.spec_from_file_location("real_eval", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_eval"] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("real_eval", None)


@pytest.fixture()
def dirs(tmp_path):
    return tmp_path / "repo", tmp_path / "backup", tmp_path


def run(tool, dirs, *args):
    root, backup, _ = dirs
    return tool.main(["--root", str(root), "--backup", str(backup), *args])


def add(tool, dirs, entry_id, text, split="dev"):
    source = dirs[2] / f"{entry_id}.src"
    source.write_text(text, encoding="utf-8")
    return run(tool, dirs, "add", entry_id, "--text", str(source), "--url", f"http://example.invalid/{entry_id}",
               "--query", "区 企业 入选 名单", "--city", "某市", "--province", "某省", "--split", split,
               "--set", "t1", "--date", "2024-05-01")


def manifest(dirs):
    path = dirs[0] / "eval/real/manifest/t1.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_add_writes_text_backup_and_exact_manifest_line(tool, dirs):
    assert add(tool, dirs, "xx-moushi-01", ARTICLE) == 0
    root, backup, _ = dirs
    (line,) = manifest(dirs)
    assert line["sha256"] == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert line["chars"] == len(ARTICLE)
    assert line["begins"] == ARTICLE[:12] and line["ends"] == ARTICLE[-12:]
    assert (line["id"], line["split"], line["city"], line["date"]) == ("xx-moushi-01", "dev", "某市", "2024-05-01")
    assert (root / "eval/real/texts/xx-moushi-01.txt").read_text(encoding="utf-8") == ARTICLE
    assert (backup / "xx-moushi-01.txt").read_text(encoding="utf-8") == ARTICLE
    assert add(tool, dirs, "xx-moushi-01", ARTICLE) == 2  # the same id twice is refused
    assert add(tool, dirs, "Bad id", ARTICLE) == 2
    assert len(manifest(dirs)) == 1


def test_check_and_list_follow_hash_and_split(tool, dirs, capsys):
    add(tool, dirs, "xx-moushi-01", ARTICLE)
    add(tool, dirs, "xx-moushi-02", ARTICLE.replace("张三", "李四"), split="blind")
    capsys.readouterr()
    assert run(tool, dirs, "check") == 0
    capsys.readouterr()
    assert run(tool, dirs, "list", "--split", "dev") == 0
    assert capsys.readouterr().out.split() == ["xx-moushi-01"]
    text = dirs[0] / "eval/real/texts/xx-moushi-02.txt"
    text.write_text(ARTICLE.replace("张三", "王五"), encoding="utf-8")  # same length, other bytes
    assert run(tool, dirs, "check", "--split", "dev") == 0
    assert run(tool, dirs, "check") == 1
    assert "mismatch" in capsys.readouterr().out
    run(tool, dirs, "list", "--split", "blind", "--paths")
    assert capsys.readouterr().out.strip() == ""  # a mismatched text is not listed


def test_rebuild_from_backup_then_from_a_recovered_page(tool, dirs, tmp_path, capsys):
    add(tool, dirs, "xx-moushi-01", ARTICLE)
    text = dirs[0] / "eval/real/texts/xx-moushi-01.txt"
    text.unlink()
    assert run(tool, dirs, "rebuild", "--no-fetch") == 0
    assert text.read_text(encoding="utf-8") == ARTICLE
    text.unlink()
    (dirs[1] / "xx-moushi-01.txt").unlink()
    page = tmp_path / "pages"
    page.mkdir()
    # a page as the search tool gives it: navigation around, blank lines, odd spaces
    (page / "xx-moushi-01.txt").write_text(
        "首页 > 新闻\n\n" + ARTICLE.replace("\n", "\n\n").replace("该区", "\u3000该区") + "分享到：\n", encoding="utf-8")
    assert run(tool, dirs, "rebuild", "--no-fetch", "--from-dir", str(page)) == 0
    assert text.read_text(encoding="utf-8") == ARTICLE
    (page / "xx-moushi-01.txt").write_text(ARTICLE.replace("12家", "13家"), encoding="utf-8")
    text.unlink()
    (dirs[1] / "xx-moushi-01.txt").unlink()
    capsys.readouterr()
    assert run(tool, dirs, "rebuild", "--no-fetch", "--from-dir", str(page)) == 1
    out = capsys.readouterr().out
    assert "http://example.invalid/xx-moushi-01" in out and "区 企业 入选 名单" in out
    assert not text.exists()


def test_offline_rebuild_fails_fast_after_first_url(tool, dirs, monkeypatch, capsys):
    add(tool, dirs, "xx-moushi-01", ARTICLE)
    add(tool, dirs, "xx-moushi-02", ARTICLE + "另一段。\n")
    for entry_id in ("xx-moushi-01", "xx-moushi-02"):
        (dirs[0] / f"eval/real/texts/{entry_id}.txt").unlink()
        (dirs[1] / f"{entry_id}.txt").unlink()
    calls = []

    def offline(request, timeout):
        calls.append(request.full_url)
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr(tool.urllib.request, "urlopen", offline)
    assert run(tool, dirs, "rebuild") == 1
    assert len(calls) == 1
    assert "offline" in capsys.readouterr().err


def test_lines_without_markers_fall_back_to_the_hash(tool):
    digest = hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    page = ARTICLE.replace("\n", "\n\n")
    assert tool.matching(tool.excerpt_candidates(page, {"sha256": digest}), digest) == ARTICLE
    assert tool.matching(tool.excerpt_candidates("导航\n" + page, {"sha256": digest}), digest) is None
