"""What a hostile or careless user meets (issue 15): no traceback, no escape sequence reaching the
terminal, no spreadsheet formula in a CSV, no page served to another site's DNS name."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from annalist.serve import create_app

HOSTILE_TITLE = "=HYPERLINK(\"http://x.example\",\"click\") \x1b]0;owned\x07\x1b[2J Blast at the mill"
ARTICLE = {"title": HOSTILE_TITLE, "published": "2026-01-06",
           "text": "Three workers were killed and 12 were injured in a blast at the mill on Monday, officials said."}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=300)


def _archive(tmp_path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert run("ingest", str(folder), "--db", db, "-q").returncode == 0
    return db


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("annalist ")


def test_a_document_id_that_names_no_document_is_a_usage_error(tmp_path):
    db = _archive(tmp_path)
    for command in ("figures", "dates"):
        result = run(command, "--db", db, "--doc", "nope")
        assert result.returncode == 2 and "nope" in result.stderr and "Traceback" not in result.stderr


def test_escape_sequences_in_titles_do_not_reach_the_terminal(tmp_path):
    db = _archive(tmp_path)
    for command in ("docs", "events", "figures", "ledger"):
        result = run(command, "--db", db)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, command
    assert "HYPERLINK" in run("docs", "--db", db).stdout  # the title is shown, less its control characters


def test_csv_cells_never_start_a_formula(tmp_path):
    db = _archive(tmp_path)
    out = tmp_path / "export"
    assert run("export", "--db", db, "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader((out / "documents.csv").open(encoding="utf-8")))
    assert rows and rows[0]["title"].startswith("'=HYPERLINK")
    for path in out.glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8")):
            assert not any(cell[:1] in ("=", "+", "@") for cell in row), (path.name, row)
    ledger = list(csv.reader(io.StringIO(run("ledger", "--db", db, "--csv").stdout)))
    assert len(ledger) > 1 and not any(cell[:1] in ("=", "+", "@") for row in ledger for cell in row)


def test_web_app_answers_only_its_own_host_names_and_cannot_be_framed(tmp_path):
    from pathlib import Path

    app = create_app(Path(_archive(tmp_path)))
    assert TestClient(app, base_url="http://attacker.example").get("/api/events").status_code == 400
    response = TestClient(app, base_url="http://127.0.0.1:8000").get("/api/events")
    assert response.status_code == 200 and response.json()[0]["tolls"]["killed"]["best"] == 3
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy and "form-action 'self'" in policy
    assert TestClient(app, base_url="http://localhost").get("/openapi.json").status_code == 200


def test_an_undecodable_file_name_is_stored_and_does_not_stop_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Two people were injured on Tuesday in a blast at the mill.\n")
    bad = bytes(folder) + b"/bad_\xff.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Three people were killed on Monday in a fire.\n")
    db = str(tmp_path / "a.db")
    result = run("ingest", str(folder), "--db", db, "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["ingested"] == 2, result.stderr
    origins = [d["origin"] for d in json.loads(run("docs", "--db", db, "--json").stdout)]
    assert any(o.endswith("bad_\\xff.txt") for o in origins), origins


def test_files_that_are_not_archives_are_refused_untouched(tmp_path):
    import sqlite3

    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text)")
    for path in (junk, other):
        for command in (["docs"], ["ledger"], ["report", "-o", str(tmp_path / "r.html")], ["serve"]):
            result = run(command[0], "--db", str(path), *command[1:])
            assert result.returncode == 2 and "not an annalist archive" in result.stderr, (path.name, command)
            assert "Traceback" not in result.stderr
    with sqlite3.connect(other) as connection:
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["notes"]
    missing = run("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "new.db"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and not (tmp_path / "new.db").exists()


def test_files_left_out_of_a_folder_are_named_and_links_out_of_it_not_followed(baku_dir, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    seed = next(baku_dir.glob("001_*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "notes.md").write_text("# notes\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    secret = tmp_path / "outside.txt"
    secret.write_text("A private file outside the input folder.\n", encoding="utf-8")
    (folder / "sub" / "link.txt").symlink_to(secret)
    db = str(tmp_path / "a.db")
    result = run("ingest", str(folder), "--db", db, "--json", "--no-annotate")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    skipped = {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in summary["skipped"]}
    assert set(skipped) == {"notes.md", "scan.pdf", "link.txt"}
    assert "link out of the input folder" in skipped["link.txt"]
    assert summary["ingested"] == 1
    assert "private file" not in run("search", "private", "--db", db).stdout


def test_one_bad_byte_in_utf8_text_does_not_change_the_rest_of_the_file(baku_dir, tmp_path):
    """A stray byte is shown where it is (U+FFFD); the file is not re-read as a legacy code page."""
    from annalist.sources import decode_bytes

    seed = next(p for p in sorted(baku_dir.glob("*.txt")) if not p.read_bytes().isascii())
    data = seed.read_bytes()
    letters = {c for c in data.decode("utf-8") if not c.isascii()}
    at = data.index(b"\n", len(data) // 2)
    text = decode_bytes(data[:at] + b"\xff" + data[at:])
    assert letters <= set(text) and "\ufffd" in text
    assert text.replace("\ufffd", "") == data.decode("utf-8").replace("\r\n", "\n")


def test_a_cut_warc_keeps_its_whole_records_and_a_whole_file_gzip_is_read_whole(baku_dir, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for seed in sorted(baku_dir.glob("*.txt"))[:3]:
        body = f"<html><body><article><p>{seed.read_text(encoding='utf-8')}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(f"https://news.example/{seed.stem}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.warc").write_bytes(buffer.getvalue()[:-300])
    result = run("ingest", str(folder), "--db", str(tmp_path / "a.db"), "--json", "--no-annotate")
    summary = json.loads(result.stdout)
    assert result.returncode == 3 and summary["ingested"] == 2
    assert "truncated" in summary["failed"][0]["reason"]

    import gzip  # the same WARC gzipped as one whole file ("gzip file.warc"), not record by record

    whole = tmp_path / "whole"
    whole.mkdir()
    (whole / "all.warc.gz").write_bytes(gzip.compress(buffer.getvalue()))
    result = run("ingest", str(whole), "--db", str(tmp_path / "b.db"), "--json", "--no-annotate")
    assert result.returncode == 0 and json.loads(result.stdout)["ingested"] == 3, result.stdout


def test_an_archive_with_no_dated_sentence_has_an_empty_timeline_not_a_traceback(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.jsonl").write_text(json.dumps({"title": "A note", "text": "It was quiet all along."}) + "\n",
                                          encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert run("ingest", str(folder), "--db", db, "-q").returncode == 0
    timeline = run("timeline", "--db", db)
    assert timeline.returncode == 0 and "timeline is empty" in timeline.stdout, timeline.stderr
    assert json.loads(run("timeline", "--db", db, "--json").stdout) == []
    report = run("report", "--db", db, "--output", str(tmp_path / "r.html"))
    assert report.returncode == 0 and "Traceback" not in report.stderr, report.stderr


def test_reading_commands_open_the_archive_read_only(tmp_path):
    """Reading commands never write to the archive (not even its schema): its bytes stay the same, a
    store opened for reading refuses writes, and no archive is created where none was."""
    import hashlib
    import sqlite3

    from annalist.store import Store

    db = _archive(tmp_path)
    before = hashlib.sha1(open(db, "rb").read()).hexdigest()
    for command in (["docs"], ["figures"], ["dates"], ["events"], ["ledger"], ["timeline"], ["search", "blast"],
                    ["export", "--format", "json", "--output", str(tmp_path / "export")],
                    ["report", "--output", str(tmp_path / "report.html")]):
        result = run(command[0], "--db", db, *command[1:])
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr)
    assert hashlib.sha1(open(db, "rb").read()).hexdigest() == before
    reader = Store(db, read_only=True)
    try:
        assert reader.documents()[0].title.endswith("Blast at the mill")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.set_meta("probe", "1")
    finally:
        reader.close()
    missing = run("docs", "--db", str(tmp_path / "missing.db"))
    assert missing.returncode == 2 and "no archive at" in missing.stderr and not (tmp_path / "missing.db").exists()


def test_a_read_only_archive_behind_its_index_syncs_once(baku_dir, tmp_path):
    """An ingest whose search sync was skipped (the app held the index) leaves the archive's watermark
    behind; readers cannot move it, so the index keeps its own progress: the first search indexes the
    new documents, later searches index nothing again and still find them."""
    import shutil

    from annalist.search import SearchIndex, index_path
    from annalist.store import Store

    db = tmp_path / "a.db"
    assert run("ingest", str(baku_dir), "--db", str(db), "-q").returncode == 0
    shutil.rmtree(index_path(db))  # an index as far behind as can be: every document to index again
    index_path(db).mkdir()
    (index_path(db) / "placeholder").write_text("")
    writer = Store(db)
    try:
        SearchIndex(writer)  # a new index, the archive's watermark back to 0, then the writer goes away
    finally:
        writer.close()
    reader = Store(db, read_only=True)
    try:
        index = SearchIndex(reader)
        assert index.sync() == len(reader.documents()) > 0
        assert index.sync() == 0
        again = SearchIndex(reader)  # another reader, another process: the index's own progress holds
        assert again.sync() == 0 and again.search("Baku")
    finally:
        reader.close()


def test_a_second_writer_waits_for_the_first(baku_dir, tmp_path):
    """Two ingests of one folder into one archive at once: the second waits, says so, and then finds
    every document already stored (it used to die on a UNIQUE constraint)."""
    import time

    from annalist.ingest import ingest
    from annalist.store import Store

    db = tmp_path / "a.db"
    first = Store(db)
    with first.sole_writer():
        log = tmp_path / "second.err"
        with open(log, "w") as errors:
            second = subprocess.Popen([sys.executable, "-m", "annalist.cli", "ingest", str(baku_dir), "--db", str(db),
                                       "--json", "--no-annotate"], stdout=subprocess.PIPE, stderr=errors, text=True)
        deadline = time.monotonic() + 120
        while "waiting" not in log.read_text() and time.monotonic() < deadline and second.poll() is None:
            time.sleep(0.2)
        assert second.poll() is None and "another annalist run is writing" in log.read_text()
        stored = ingest([baku_dir], first).ingested
    first.close()
    output, _ = second.communicate(timeout=300)
    summary = json.loads(output)
    assert second.returncode == 0 and "Traceback" not in log.read_text()
    assert stored > 0 and summary["ingested"] == 0 and summary["unchanged"] == stored


def _one_line_article(sentences: int) -> dict:
    """A text flattened into one line (a log, a book scraped whole): `sentences` sentences with counts."""
    line = " ".join(f"On March {i % 28 + 1}, 2010, {i % 7 + 2} people were killed in blast number {i}."
                    for i in range(sentences))
    return {"title": "A very long line", "published": "2011-01-01", "text": line}


def test_one_document_never_costs_its_batch_and_a_huge_one_is_read_in_part(baku_dir, tmp_path, monkeypatch):
    from annalist import annotate as annotate_stage
    from annalist import figures
    from annalist.ingest import ingest
    from annalist.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.jsonl").write_text(json.dumps(_one_line_article(400)) + "\n", encoding="utf-8")
    breaking = {"title": "Breaks the parser", "published": "2011-01-02",
                "text": "On Monday five people were killed and PARSER-BREAKER was arrested."}
    (folder / "breaking.jsonl").write_text(json.dumps(breaking) + "\n", encoding="utf-8")
    store = Store(tmp_path / "a.db")
    ingest([folder, baku_dir], store, workers=1)
    monkeypatch.setattr(figures, "MAX_COUNTED_SENTENCES", 100)
    real_extract = figures.extract_document

    def extract_or_break(text, *args, **kwargs):
        if "PARSER-BREAKER" in text:
            raise RuntimeError("the parser gave up")
        return real_extract(text, *args, **kwargs)

    monkeypatch.setattr(figures, "extract_document", extract_or_break)
    assert annotate_stage.annotate(store, workers=1, search=False) == len(store.documents())
    notes = dict(store.annotation_notes())
    by_title = {d.title: d.id for d in store.documents()}
    assert notes[by_title["Breaks the parser"]].startswith("figures not read: RuntimeError: the parser gave up")
    assert notes[by_title["A very long line"]] == "figures read from the first 100 of its 400 sentences with counts"
    assert len(notes) == 2  # the baku articles are whole
    long_figures = [f for d, f in store.figures() if d == by_title["A very long line"]]
    assert len(long_figures) == 100 and store.timexes(by_title["Breaks the parser"])
    assert any(f.value == 150 for d, f in store.figures() if d not in notes)
    store.close()


def test_annotation_time_is_linear_in_the_length_of_a_line():
    """A one-line text of 64k dated sentences costs per sentence what one of 1k does in the parts that
    read the whole text (times, sentence splitting: once quadratic); the parser reads one sentence at
    a time and at most figures.MAX_COUNTED_SENTENCES of them."""
    import time

    from annalist import figures, temporal

    def per_sentence(count: int) -> float:
        text = _one_line_article(count)["text"]
        started = time.perf_counter()
        timexes = temporal.annotate(text, "2011-01-01")
        counted = figures.counted_sentences(text)
        assert len(timexes) >= count and len(counted) == count
        return (time.perf_counter() - started) / count

    small, large = per_sentence(1000), per_sentence(64000)
    assert large < 3 * small, (small, large)
