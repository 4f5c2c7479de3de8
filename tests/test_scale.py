"""The scale path (issue 14): the PostgreSQL store and the Spark engine give the laptop's answers.

Real servers: a throw-away PostgreSQL cluster started here (tests/servers.py) and Spark in local mode.
Outside CI a test that cannot start them skips, saying why; under CI=true it fails.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import need_shared
from servers import ServerUnavailable, require_java, start_postgres

ANNALIST = [sys.executable, "-m", "annalist.cli"]
EXPORTED = ("documents", "figures", "facts", "timeline", "events", "timexes")
# The tables the annotate stage derives (events, tolls, facts), as stored: the Spark engine computes them
# on its own (annalist/engine_spark_events.py). A fact's row number is the order it was written in.
STORED = {"events": "*", "event_documents": "*", "tolls": "*",
          "facts": "measure, event_date, event_id, status, low, best, high, sources, reasons, fact_values, series"}


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def postgres():
    try:
        server = start_postgres()
    except ServerUnavailable as exc:
        _unavailable(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def spark_ready():
    try:
        require_java()
    except ServerUnavailable as exc:
        _unavailable(str(exc))


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([*ANNALIST, *args], capture_output=True, text=True, timeout=900, check=False)
    if check:
        assert result.returncode in (0, 3), result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The Baku articles, one Timeline17 topic, and republished copies of a Baku article: one
    byte for byte at another path (a copy of a stored document), one with a line of its own (a
    syndication cluster)."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(need_shared("corpora/baku-1990"), folder / "baku")
    shutil.copytree(need_shared("datasets/timeline17/H1N1_guardian/InputDocs"), folder / "h1n1")
    first = min((folder / "baku").iterdir())
    (folder / "wire").mkdir()
    shutil.copy(first, folder / "wire" / "same-bytes.txt")
    (folder / "wire" / "republished.txt").write_text(first.read_text(encoding="utf-8") +
                                                   "\n\nRepublished with permission.\n", encoding="utf-8")
    (folder / "crawl").mkdir()
    _crawl(sorted(need_shared("datasets/timeline17/H1N1_bbc/InputDocs").glob("*/*"))[:12], folder / "crawl" / "bbc.warc.gz")
    return folder


def _crawl(articles: list[Path], into: Path) -> None:
    """Articles as a crawler's WARC, gzipped record by record, each page an HTML response."""
    import html
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with into.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, article in enumerate(articles):
            lines = [line for line in article.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
            page = (f"<html><head><title>{html.escape(lines[0])}</title></head><body><article>"
                    + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://crawl.example/{number}", "response",
                                                          payload=io.BytesIO(page.encode()), http_headers=headers))


def _export(db: str, folder: Path) -> dict[str, list]:
    from annalist.store import open_store

    run("export", "--db", db, "--format", "json", "-o", str(folder))
    exported = {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8")) for name in EXPORTED}
    store = open_store(db)
    try:
        for table, columns in STORED.items():
            exported[f"stored {table}"] = [list(row) for row in store.db.execute(f"SELECT {columns} FROM {table}")]
    finally:
        store.close()
    assert exported["stored events"] and exported["stored facts"]
    return exported


def _same_ignoring_order(a: dict[str, list], b: dict[str, list]) -> None:
    for name in (*EXPORTED, *(f"stored {table}" for table in STORED)):
        left = sorted(json.dumps(row, sort_keys=True) for row in a[name])
        right = sorted(json.dumps(row, sort_keys=True) for row in b[name])
        assert left == right, f"{name}: {len(left)} rows by the local engine, {len(right)} by Spark; first difference " \
                              f"{next((x, y) for x, y in zip(left, right) if x != y) if len(left) == len(right) else ''}"


@pytest.fixture(scope="module")
def laptop(corpus, tmp_path_factory) -> dict[str, list]:
    """The local engine into SQLite: the answers the other paths must give."""
    folder = tmp_path_factory.mktemp("laptop")
    summary = json.loads(run("ingest", str(corpus), "--db", str(folder / "a.db"), "--json").stdout)
    assert summary["unchanged"] == 1 and summary["clusters"] == summary["documents"] - 1  # the copy, the cluster
    return _export(str(folder / "a.db"), folder / "export")


def test_postgres_store_answers_every_command_as_sqlite_does(postgres, baku_dir, tmp_path):
    url = postgres.new_database("commands")
    sqlite = str(tmp_path / "a.db")
    run("ingest", str(baku_dir), "--db", sqlite, "--json")
    run("ingest", str(baku_dir), "--db", url, "--json")
    for command in (["docs"], ["dates"], ["figures"], ["ledger"], ["events"], ["timeline"]):
        on_sqlite = json.loads(run(*command, "--db", sqlite, "--json").stdout)
        on_postgres = json.loads(run(*command, "--db", url, "--json").stdout)
        assert on_postgres == on_sqlite and on_sqlite, command
    again = json.loads(run("ingest", str(baku_dir), "--db", url, "--json").stdout)
    assert again["ingested"] == 0 and again["unchanged"] == 5  # idempotent on PostgreSQL too


def test_postgres_search_keeps_the_query_language_and_filters(postgres, baku_dir):
    url = postgres.new_database("search")
    run("ingest", str(baku_dir), "--db", url, "--json")
    docs = {d["id"]: d for d in json.loads(run("docs", "--db", url, "--json").stdout)}

    def search(*args: str) -> list[dict]:
        return json.loads(run("search", *args, "--db", url, "--json").stdout)

    printed = {doc_id for doc_id, d in docs.items() if "20 January" in Path(d["origin"]).read_text(encoding="utf-8")}
    assert printed and {hit["id"] for hit in search('"20 January"')} == printed  # a phrase, not its words anywhere
    assert all("⟦" in hit["snippet"] for hit in search('"20 January"'))
    killed = {h["id"] for h in search("killed")}
    assert killed and {h["id"] for h in search("kill*")} >= killed  # a prefix also finds the word's own forms
    assert not {h["id"] for h in search("killed -Sumgait")} & {h["id"] for h in search("Sumgait")}
    dated = [d for d in docs.values() if d["published"]]
    year = dated[0]["published"][:4]
    in_year = search("January", "--from", year, "--to", year)
    assert in_year and all((docs[h["id"]]["published"] or "").startswith(year) for h in in_year)
    assert run("search", "AND", "--db", url).returncode == 0  # operators alone: no hits, no traceback


def test_spark_into_postgres_gives_the_laptops_answers(postgres, spark_ready, corpus, laptop, tmp_path, monkeypatch):
    from annalist import sources

    # The crawl's WARC read by several tasks, each from a record boundary inside it.
    monkeypatch.setenv("ANNALIST_WARC_SPLIT_BYTES", "8192")
    assert len(sources.warc_ranges(corpus / "crawl" / "bbc.warc.gz", 8192)) >= 3
    url = postgres.new_database("spark")
    result = run("ingest", str(corpus), "--db", url, "--engine", "spark", "--master", "local[2]", "--json")
    summary = json.loads(result.stdout)
    assert summary["unchanged"] == 1 and summary["clusters"] == summary["documents"] - 1
    _same_ignoring_order(laptop, _export(url, tmp_path / "export"))


def test_spark_job_killed_midway_and_run_again_leaves_no_duplicates(postgres, spark_ready, corpus, laptop, tmp_path):
    import psycopg

    url = postgres.new_database("killed")
    job = subprocess.Popen([*ANNALIST, "ingest", str(corpus), "--db", url, "--engine", "spark", "--json"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    written = 0
    deadline = time.time() + 600
    while job.poll() is None and time.time() < deadline:
        time.sleep(0.2)
        try:
            with psycopg.connect(url) as connection:
                written = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except psycopg.Error:  # the tables are not there yet
            continue
        if written:
            os.killpg(job.pid, signal.SIGKILL)  # the driver, its JVM and the Python workers at once
            break
    job.wait()
    with psycopg.connect(url) as connection:
        unfinished = connection.execute("SELECT COUNT(*) FROM runs WHERE finished IS NULL").fetchone()[0]
    assert written and unfinished == 1, f"the job was not caught midway ({written} documents written)"
    run("ingest", str(corpus), "--db", url, "--engine", "spark", "--json")
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone()
        annotated = connection.execute("SELECT COUNT(*) FROM annotated").fetchone()[0]
    assert rows[0] == rows[1] == len(laptop["documents"]) == annotated
    _same_ignoring_order(laptop, _export(url, tmp_path / "export"))
