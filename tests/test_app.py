"""The web app's JSON API serves the CLI's --json shapes (issue 6), without a browser."""
from __future__ import annotations

import json
import subprocess
import sys

from fastapi.testclient import TestClient

from annalist.serve import create_app


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=600)


def test_api_answers_what_the_cli_prints(baku_dir, tmp_path):
    db = tmp_path / "a.db"
    assert run("ingest", str(baku_dir), "--db", str(db), "--quiet").returncode == 0
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    for path, command in (("/api/figures", "figures"), ("/api/facts", "ledger"), ("/api/events", "events"),
                          ("/api/timeline", "timeline")):
        assert client.get(path).json() == json.loads(run(command, "--db", str(db), "--json").stdout), path
    doc_id = client.get("/api/documents").json()[0]["id"]
    assert client.get(f"/api/documents/{doc_id}").json()["id"] == doc_id
    assert client.get(f"/api/documents/{doc_id[:8]}").json()["id"] == doc_id  # the short id the CLI prints
    assert client.get(f"/doc/{doc_id[:8]}").status_code == 200
    head = client.head("/api/events")
    assert head.status_code == 200 and not head.content and "Content-Security-Policy" in head.headers
    assert client.get("/api/documents/nope").status_code == 404 and client.get("/doc/nope").status_code == 404


def test_long_views_come_in_pages(baku_dir, tmp_path, monkeypatch):
    """Every list view is paged (here two rows a page): each page links to the next and the last has no
    next; a page past the end is 404, not an empty page."""
    from annalist import serve

    db = str(tmp_path / "a.db")
    assert run("ingest", str(baku_dir), "--db", db, "--quiet").returncode == 0
    monkeypatch.setattr(serve, "PAGE_SIZE", 2)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    documents = client.get("/api/documents").json()
    pages = -(-len(documents) // 2)
    seen = []
    for number in range(1, pages + 1):
        page = client.get(f"/documents?page={number}")
        assert page.status_code == 200 and f"page {number} of {pages}" in page.text
        assert ('rel="next"' in page.text) == (number < pages)
        seen += [d["id"][:8] for d in documents if f'href="/doc/{d["id"][:8]}"' in page.text and d["cluster"] == d["id"]]
    assert sorted(set(seen)) == sorted({d["id"][:8] for d in documents if d["cluster"] == d["id"]})
    assert client.get(f"/documents?page={pages + 1}").status_code == 404
    for view in ("/events", "/ledger", "/timeline"):
        assert client.get(view).status_code == 200 and client.get(view + "?page=0").status_code == 422


def test_views_stay_cached_across_a_wal_checkpoint_and_follow_new_content(baku_dir, tmp_path, monkeypatch):
    """The app builds its views once per content of the archive: a checkpoint (which rewrites the file,
    not its content) keeps them; an ingest of a new article rebuilds them."""
    import sqlite3

    from annalist import present

    db = str(tmp_path / "a.db")
    assert run("ingest", str(baku_dir), "--db", db, "--quiet").returncode == 0
    builds = []
    real_read = present.read_archive
    monkeypatch.setattr(present, "read_archive", lambda store: builds.append(1) or real_read(store))
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    first = client.get("/api/facts").json()
    with sqlite3.connect(db) as writer:
        writer.execute("CREATE TABLE IF NOT EXISTS probe (x)")  # a write, so the checkpoint has work to do
        writer.execute("DROP TABLE probe")
    with sqlite3.connect(db) as writer:
        writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert client.get("/api/facts").json() == first and len(builds) == 1
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "later.txt").write_text("Baku, 21 January\n\nOn 21 January 1990, 40 people were injured in a second "
                                     "clash in Baku, officials said.\n", encoding="utf-8")
    assert run("ingest", str(extra), "--db", db, "--quiet").returncode == 0
    client.get("/api/facts")
    assert len(builds) == 2


def test_a_document_page_does_not_wait_for_the_archives_views(baku_dir, tmp_path, monkeypatch):
    """An article's page reads that article, its dates and figures, not the ledger, events and timeline
    of the whole archive (a 1 MB article's first page took 88 s when it did; 5 s now)."""
    from annalist import present

    db = tmp_path / "a.db"
    assert run("ingest", str(baku_dir), "--db", str(db), "--quiet").returncode == 0
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    documents = client.get("/api/documents").json()

    def no_views(store):
        raise AssertionError("the archive's views were built")

    monkeypatch.setattr(present, "read_archive", no_views)
    for doc in documents:
        page = client.get(f"/doc/{doc['id'][:8]}")
        assert page.status_code == 200 and doc["title"].split()[0] in page.text
        data = client.get(f"/api/documents/{doc['id'][:8]}").json()
        assert data["id"] == doc["id"] and data["figures"] == json.loads(
            run("figures", "--db", str(db), "--doc", doc["id"], "--json").stdout)


def test_concurrent_first_requests_build_the_views_once(baku_dir, tmp_path, monkeypatch):
    """Eight requests at once on a cold app: one builds the archive's views, the others wait for it
    (each used to start a build of its own, and a loaded server answered in seconds)."""
    from concurrent.futures import ThreadPoolExecutor

    from annalist import present

    db = tmp_path / "a.db"
    assert run("ingest", str(baku_dir), "--db", str(db), "--quiet").returncode == 0
    builds = []
    real = present.read_archive

    def counted(store):
        builds.append(1)
        return real(store)

    monkeypatch.setattr(present, "read_archive", counted)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    paths = ["/api/facts", "/api/events", "/api/timeline", "/api/figures"] * 2
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(client.get, paths))
    assert all(a.status_code == 200 for a in answers) and len(builds) == 1
    assert answers[0].json() == json.loads(run("ledger", "--db", str(db), "--json").stdout)
