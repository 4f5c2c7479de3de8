"""Fuzzing ingest (issue 15, item 6): a seeded generator writes thousands of hostile inputs — the
cases the hardening issue lists and their mixtures — and one `annalist ingest` run must take them
all: no crash and no traceback, every input stored or named with its reason, every good input's text
kept, the archive's integrity intact, a second run adding nothing.

The inputs are generated (fictional text, random bytes), not read from ../shared. A failing seed is
printed; `FUZZ_SEED=<n> pytest tests/test_fuzz.py` replays it.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from annalist.sources import path_text
from annalist.store import open_store

FILES = 2400  # and about 4,000 inputs: JSONL and WARC files hold several records each
SEED = int(os.environ.get("FUZZ_SEED", "20261203"))
WORDS = ("fictional Esterby council river harbour mayor market bridge station storm night officials said "
         "residents witnesses Tuesday afternoon police report").split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
    if rng.random() < 0.3:
        words += [str(rng.randint(2, 40)), "people", rng.choice(["were", "had been"]), rng.choice(["injured", "killed"])]
    if rng.random() < 0.2:
        words += ["on", rng.choice(["May", "June", "March"]), str(rng.randint(1, 28)) + ",", str(rng.randint(1950, 2030))]
    return " ".join(words).capitalize() + "."


def _story(rng: random.Random, marker: str) -> str:
    return f"Report {marker}. " + " ".join(_sentence(rng) for _ in range(rng.randint(2, 12)))


def _hostile(rng: random.Random, text: str) -> str:
    """Text with what careless or hostile input holds: control and escape characters, NULs, bidi
    overrides, very long words, markup in text."""
    pieces = ["\x1b[31m", "\x00", "\u202e", "\ufeff", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
              "x" * rng.randint(100, 5000), "\r\n", "\t" * 50, "Ω≈ç√∫˜µ", "🔥" * 20]
    cut = rng.randint(text.index(".") + 1, len(text))  # after the marker sentence, which must survive
    return text[:cut] + rng.choice(pieces) + text[cut:]


def _html(rng: random.Random, marker: str, depth: int = 0) -> str:
    body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(rng.randint(3, 8)))
    article = f"<article><h1>Report {marker}</h1><p>Report {marker}.</p>{body}</article>"
    wrapped = "<div>" * depth + article + "</div>" * depth
    return f"<html><head><title>Report {marker}</title></head><body><nav>Home | News</nav>{wrapped}</body></html>"


def _warc(records: list[bytes], cut: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n, payload in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.invalid/{n}", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    data = out.getvalue()
    return data[: len(data) - len(data) // 7] if cut else data


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def generate(root: Path, rng: random.Random) -> tuple[list[Path], dict[str, str]]:
    """The input files, and marker -> kind of every input that holds good text (which must be kept)."""
    paths, good = [], {}
    for n in range(FILES):
        marker = f"zq{n:05d}"
        kind = rng.choice(["txt", "txt", "hostile_txt", "cp1252", "bad_byte", "html", "deep_html", "jsonl",
                           "warc", "cut_warc", "whole_gzip_warc", "empty", "garbage", "pdf", "md", "bad_name",
                           "symlink_out", "nested"])
        folder = root / rng.choice(["", "a", "a/b", "c d", "ünï"])
        if kind in ("txt", "nested"):
            target = folder / ("deeper/" * rng.randint(1, 6) if kind == "nested" else "") / f"{marker}.txt"
            paths.append(_write(target, _story(rng, marker).encode()))
            good[marker] = kind
        elif kind == "hostile_txt":
            paths.append(_write(folder / f"{marker}.txt", _hostile(rng, _story(rng, marker)).encode("utf-8", "surrogatepass")))
            good[marker] = kind
        elif kind == "cp1252":
            paths.append(_write(folder / f"{marker}.txt", (_story(rng, marker) + " Café à Esterby.").encode("cp1252")))
            good[marker] = kind
        elif kind == "bad_byte":  # UTF-8 with one invalid byte: stored, not decoded as another code page
            text = _story(rng, marker) + " Bakı."
            data = text.encode()
            cut = rng.randint(len(data) // 2, len(data))
            paths.append(_write(folder / f"{marker}.txt", data[:cut] + b"\xff" + data[cut:]))
        elif kind in ("html", "deep_html"):
            html = _html(rng, marker, depth=rng.choice([300, 600]) if kind == "deep_html" else rng.randint(0, 20))
            paths.append(_write(folder / f"{marker}.html", html.encode()))
            good[marker] = kind
        elif kind == "jsonl":
            lines = []
            for k in range(rng.randint(2, 10)):
                line_marker = f"{marker}j{k}"
                roll = rng.random()
                if roll < 0.6:
                    lines.append(json.dumps({"title": f"Report {line_marker}", "text": _story(rng, line_marker)}))
                    good[line_marker] = kind
                elif roll < 0.7:
                    lines.append("{not json")
                elif roll < 0.8:
                    lines.append(json.dumps(["a", "list"]))
                elif roll < 0.9:
                    lines.append(json.dumps({"title": "no text"}))
                else:
                    lines.append("")
            paths.append(_write(folder / f"{marker}.jsonl", "\n".join(lines).encode()))
        elif kind in ("warc", "cut_warc", "whole_gzip_warc"):
            records = [_html(rng, f"{marker}w{k}").encode() for k in range(rng.randint(1, 4))]
            data = _warc(records, cut=kind == "cut_warc")
            name = f"{marker}.warc"
            if kind == "whole_gzip_warc":
                data, name = gzip.compress(data), f"{marker}.warc.gz"
            paths.append(_write(folder / name, data))
            if kind == "warc":
                good.update({f"{marker}w{k}": kind for k in range(len(records))})
        elif kind == "empty":
            paths.append(_write(folder / f"{marker}{rng.choice(['.txt', '.html', '.jsonl', '.warc'])}", b""))
        elif kind == "garbage":
            data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4000)))
            paths.append(_write(folder / f"{marker}{rng.choice(['.txt', '.html', '.jsonl', '.warc', '.warc.gz'])}", data))
        elif kind in ("pdf", "md"):
            paths.append(_write(folder / f"{marker}.{kind}", _story(rng, marker).encode()))
        elif kind == "bad_name":  # a file name that is not valid UTF-8
            folder.mkdir(parents=True, exist_ok=True)
            raw = os.path.join(os.fsencode(folder), f"{marker}_".encode() + b"\xff\xfe.txt")
            with open(raw, "wb") as handle:
                handle.write(_story(rng, marker).encode())
            paths.append(Path(os.fsdecode(raw)))
            good[marker] = kind
        elif kind == "symlink_out":  # a link out of the input folder: not followed
            folder.mkdir(parents=True, exist_ok=True)
            link = folder / f"{marker}.txt"
            link.symlink_to("/etc/hostname" if Path("/etc/hostname").exists() else "/etc/passwd")
            paths.append(link)
    return paths, good


def _accounted(path: Path, stored: set[str], records: set[str], named: set[str]) -> bool:
    """Stored (a file by its path, a WARC record by its file's name and offset) or named with a reason
    (a file, a JSONL line as path:line, a WARC record as path@offset)."""
    text = path_text(path)  # a name that is not UTF-8 is stored with \xNN escapes
    return (text in stored or text in named or any(n.startswith((text + ":", text + "@")) for n in named)
            or any(r.startswith(path.name + "@") for r in records))


def test_thousands_of_hostile_inputs_are_stored_or_named(tmp_path):
    rng = random.Random(SEED)
    root = tmp_path / "inputs"
    paths, good = generate(root, rng)
    db = tmp_path / "fuzz.db"
    command = [sys.executable, "-m", "annalist.cli", "ingest", str(root), "--db", str(db), "--json", "--quiet"]
    first = subprocess.run(command, capture_output=True, timeout=1500)
    assert first.returncode in (0, 3), (SEED, first.stderr[-2000:])
    assert b"Traceback" not in first.stderr, (SEED, first.stderr[-2000:])
    summary = json.loads(first.stdout)
    named = {item["path"] for item in summary["failed"] + summary["skipped"]}
    assert all(item["reason"] for item in summary["failed"] + summary["skipped"])

    store = open_store(str(db), read_only=True)
    try:
        documents = store.documents()
    finally:
        store.close()
    stored = {d.origin for d in documents}
    records = {d.record for d in documents if d.kind == "warc"}
    unaccounted = [p for p in paths if not _accounted(p, stored, records, named)]
    assert not unaccounted, (SEED, unaccounted[:10])
    assert not [p for p in paths if "/etc/" in str(p.resolve()) and str(p) in stored], "a link out of the input was followed"

    texts = "\n".join(f"{d.title or ''}\n{d.text}" for d in documents)
    lost = [m for m in good if f"Report {m}" not in texts]
    assert not lost, (SEED, lost[:10], {good[m] for m in lost})
    assert summary["documents"] >= len(good) and len(paths) >= 2000

    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        annotated = connection.execute("SELECT COUNT(*) FROM annotated").fetchone()[0]
    finally:
        connection.close()
    assert annotated >= len(documents)

    again = subprocess.run(command, capture_output=True, timeout=1500)
    assert again.returncode in (0, 3) and b"Traceback" not in again.stderr
    assert json.loads(again.stdout)["ingested"] == 0  # idempotent: nothing new on a second run
