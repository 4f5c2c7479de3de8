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
