"""Keep the real-article evaluation sets (eval/real/) usable without their texts in git.

Third-party article text never enters git: only the manifest (URL, search query, sha256,
first/last 12 characters) and the gold annotation are committed. This tool checks that the
local texts are the annotated ones, rebuilds missing texts from a backup folder or the web,
lists the texts of one split, and adds new articles. Stdlib only; trafilatura is imported
only when a page must be fetched. Run: `python tools/real_eval.py {check,rebuild,list,add}`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import socket
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BACKUP = Path.home() / ".cache" / "explorer-real-eval"
SPLITS = ("dev", "blind")
MARK = 12  # characters kept in `begins` / `ends`
ID_RE = re.compile(r"^[a-z]+-[a-z]+-\d{2,3}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FETCH_TIMEOUT = 20


class EvalError(Exception):
    """A problem the user must fix; printed without a traceback."""


@dataclass(frozen=True)
class Entry:
    """One manifest line and where it came from."""

    data: dict
    manifest: Path
    line: int

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass(frozen=True)
class Layout:
    """Where texts, manifests and the backup copies live."""

    root: Path
    backup: Path

    @property
    def texts(self) -> Path:
        return self.root / "eval" / "real" / "texts"

    @property
    def manifests(self) -> Path:
        return self.root / "eval" / "real" / "manifest"

    @property
    def gold(self) -> Path:
        return self.root / "eval" / "real" / "gold"

    def text(self, entry_id: str) -> Path:
        return self.texts / f"{entry_id}.txt"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise(text: str) -> str:
    """One line per paragraph, single spaces, no blank lines, final newline: the form web
    extraction can reproduce, so `add` warns about texts not in it."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def read_manifests(layout: Layout) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, Entry] = {}
    for path in sorted(layout.manifests.glob("*.jsonl")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            missing = [k for k in ("id", "url", "split", "sha256") if not data.get(k)]
            if missing:
                raise EvalError(f"{path}:{number}: missing {', '.join(missing)}")
            entry = Entry(data, path, number)
            if entry.id in seen:
                first = seen[entry.id]
                raise EvalError(f"{path}:{number}: id {entry.id} already in {first.manifest}:{first.line}")
            seen[entry.id] = entry
            entries.append(entry)
    return entries


def text_status(layout: Layout, entry: Entry) -> str:
    """'ok', 'missing' or 'mismatch' for the local text of one entry."""
    path = layout.text(entry.id)
    if not path.is_file():
        return "missing"
    return "ok" if sha256(path.read_bytes()) == entry.data["sha256"] else "mismatch"


def cmd_check(layout: Layout, split: str | None) -> int:
    entries = [e for e in read_manifests(layout) if split in (None, e.data["split"])]
    counts = {"ok": 0, "missing": 0, "mismatch": 0}
    for entry in entries:
        status = text_status(layout, entry)
        counts[status] += 1
        gold = "gold" if (layout.gold / f"{entry.id}.gold.json").is_file() else "NO GOLD"
        print(f"{status:8} {entry.data['split']:5} {entry.id:24} {gold}")
    print(f"{len(entries)} articles: {counts['ok']} ok, {counts['missing']} missing, "
          f"{counts['mismatch']} sha256 mismatch")
    if counts["missing"]:
        print("missing texts: run `python tools/real_eval.py rebuild`")
    return 1 if counts["mismatch"] else 0


def cmd_list(layout: Layout, split: str, paths: bool) -> int:
    for entry in read_manifests(layout):
        if entry.data["split"] == split and text_status(layout, entry) == "ok":
            print(layout.text(entry.id) if paths else entry.id)
    return 0


def cmd_add(layout: Layout, args: argparse.Namespace) -> int:
    if not ID_RE.match(args.id):
        raise EvalError(f"id {args.id!r} is not <province initials>-<city pinyin>-<nn>")
    if args.date and not DATE_RE.match(args.date):
        raise EvalError(f"date {args.date!r} is not YYYY-MM-DD")
    if not re.match(r"^[\w-]+$", args.set):
        raise EvalError(f"set {args.set!r} must be a plain name such as e1")
    if any(e.id == args.id for e in read_manifests(layout)):
        raise EvalError(f"id {args.id} is already in a manifest")
    source = Path(args.text)
    data = source.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvalError(f"{source} is not UTF-8 ({exc})") from exc
    if len(text.strip()) < MARK:
        raise EvalError(f"{source} is too short to be an article")
    if normalise(text) != text:
        print(f"warning: {source} is not whitespace-normalised; rebuilding it from the web "
              "will be harder", file=sys.stderr)
    for folder in (layout.texts, layout.backup):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{args.id}.txt"
        if not (target.exists() and target.resolve() == source.resolve()):
            shutil.copyfile(source, target)
    line = {"id": args.id, "url": args.url, "query": args.query, "city": args.city,
            "province": args.province, "source": args.source, "date": args.date,
            "split": args.split, "sha256": sha256(data), "chars": len(text),
            "begins": text[:MARK], "ends": text[-MARK:], "note": args.note or ""}
    layout.manifests.mkdir(parents=True, exist_ok=True)
    with open(layout.manifests / f"{args.set}.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"added {args.id} ({len(text)} chars, sha256 {line['sha256'][:12]}…) to {args.set}.jsonl")
    return 0


def excerpt_candidates(text: str, data: dict) -> list[str]:
    """Texts that may be the annotated excerpt of a recovered page: the part between the
    `begins` and `ends` markers, with one or two newlines between paragraphs. Lines written
    without markers fall back to the whole text, so only the hash can confirm them."""
    lines = normalise(text).rstrip("\n").split("\n")
    bases = ["\n".join(lines), "\n\n".join(lines)]
    begins, ends = data.get("begins"), data.get("ends")
    found: list[str] = []
    for base in bases:
        if not (begins and ends):
            found += [base, base + "\n"]
            continue
        for marks in ((begins, ends), (begins.strip(), ends.strip())):
            start = base.find(marks[0])
            while start >= 0 and marks[1]:
                end = base.find(marks[1], start)
                while end >= 0:
                    piece = base[start:end + len(marks[1])]
                    found += [piece, piece.rstrip("\n"), piece.rstrip("\n") + "\n"]
                    end = base.find(marks[1], end + 1)
                start = base.find(marks[0], start + 1)
    return found


def matching(texts: list[str], digest: str) -> str | None:
    return next((t for t in texts if sha256(t.encode("utf-8")) == digest), None)


def fetch_text(url: str) -> str | None:
    """The main text of a page, or None when it cannot be extracted; network errors raise."""
    request = urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 (explorer real_eval)"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
        html = response.read()
    import trafilatura  # only needed here; a declared dependency of the project

    return trafilatura.extract(html, url=url, include_comments=False, favor_recall=True)


def is_offline_error(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return True
    return isinstance(reason, OSError) and reason.errno in (101, 113)  # ENETUNREACH, EHOSTUNREACH


class Rebuilder:
    """Recovers texts one by one; remembers when the machine turned out to be offline."""

    def __init__(self, layout: Layout, from_dir: Path | None, fetch: bool) -> None:
        self.layout, self.from_dir, self.fetch = layout, from_dir, fetch
        self.skip_reason = "not fetched (--no-fetch)"

    def recover(self, entry: Entry) -> tuple[str | None, str]:
        digest = entry.data["sha256"]
        backup = self.layout.backup / f"{entry.id}.txt"
        if backup.is_file() and sha256(backup.read_bytes()) == digest:
            return backup.read_text(encoding="utf-8"), "backup"
        if self.from_dir and (self.from_dir / f"{entry.id}.txt").is_file():
            given = (self.from_dir / f"{entry.id}.txt").read_text(encoding="utf-8")
            text = matching([given] + excerpt_candidates(given, entry.data), digest)
            if text is not None:
                return text, f"{self.from_dir}"
        if not self.fetch:
            return None, self.skip_reason
        try:
            page = fetch_text(entry.data["url"])
        except (urllib.error.URLError, OSError, ValueError) as exc:
            if is_offline_error(exc):
                self.fetch, self.skip_reason = False, "not fetched (machine offline)"
                print("the machine seems offline: no further pages are fetched", file=sys.stderr)
            return None, f"fetch failed ({getattr(exc, 'reason', exc)})"
        if not page:
            return None, "no main text extracted from the page"
        text = matching(excerpt_candidates(page, entry.data), digest)
        if text is None:
            return None, "page fetched, but no excerpt of it has the manifest's sha256"
        return text, "web"

    def store(self, entry: Entry, text: str) -> None:
        path = self.layout.text(entry.id)
        if path.is_file():  # a mismatched local text is kept aside, never silently lost
            path.replace(path.with_name(path.name + ".mismatched"))
        for folder in (self.layout.texts, self.layout.backup):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{entry.id}.txt").write_bytes(text.encode("utf-8"))


def cmd_rebuild(layout: Layout, from_dir: Path | None, fetch: bool) -> int:
    rebuilder = Rebuilder(layout, from_dir, fetch)
    lost = 0
    for entry in read_manifests(layout):
        if text_status(layout, entry) == "ok":
            continue
        text, how = rebuilder.recover(entry)
        if text is not None:
            rebuilder.store(entry, text)
            print(f"rebuilt  {entry.id} from {how}")
            continue
        lost += 1
        marks = "" if entry.data.get("begins") else " (manifest has no begins/ends: hash only)"
        print(f"MISSING  {entry.id}: {how}{marks}\n  url:   {entry.data['url']}\n"
              f"  query: {entry.data.get('query') or '-'} (search tool, corpus pages)\n"
              f"  then:  save the excerpt as <dir>/{entry.id}.txt and run rebuild --from-dir <dir>")
    print(f"{lost} text(s) still missing" if lost else "all texts present")
    return 1 if lost else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    top.add_argument("--root", type=Path, default=REPO, help="repository root (default: this checkout)")
    top.add_argument("--backup", type=Path, default=BACKUP, help=f"backup folder (default: {BACKUP})")
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="are the texts present and the annotated ones?")
    check.add_argument("--split", choices=SPLITS)
    rebuild = sub.add_parser("rebuild", help="restore missing texts from the backup or the web")
    rebuild.add_argument("--from-dir", type=Path, help="folder of <id>.txt excerpts recovered by hand")
    rebuild.add_argument("--no-fetch", action="store_true", help="do not try the URLs")
    listing = sub.add_parser("list", help="ids of the present texts of one split")
    listing.add_argument("--split", choices=SPLITS, required=True)
    listing.add_argument("--paths", action="store_true", help="print text paths instead of ids")
    add = sub.add_parser("add", help="add one article: text, backup copy and manifest line")
    add.add_argument("id")
    for name in ("text", "url", "query", "city", "province", "set"):
        add.add_argument(f"--{name}", required=True)
    add.add_argument("--split", choices=SPLITS, required=True)
    for name in ("source", "date", "note"):
        add.add_argument(f"--{name}")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    layout = Layout(args.root, args.backup)
    try:
        if args.command == "check":
            return cmd_check(layout, args.split)
        if args.command == "rebuild":
            return cmd_rebuild(layout, args.from_dir, not args.no_fetch)
        if args.command == "list":
            return cmd_list(layout, args.split, args.paths)
        return cmd_add(layout, args)
    except (EvalError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
