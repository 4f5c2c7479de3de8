"""The CLI's --json shapes are a contract (issue 2 'Interfaces')."""
from __future__ import annotations

import json
import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=300)


def test_docs_json_contract(baku_dir, tmp_path):
    db = str(tmp_path / "a.db")
    ingest = run("ingest", str(baku_dir), "--db", db, "--json")
    assert ingest.returncode == 0, ingest.stderr
    assert set(json.loads(ingest.stdout)) >= {"ingested", "unchanged", "failed"}
    docs = json.loads(run("docs", "--db", db, "--json").stdout)
    assert len(docs) == 5
    required = {"id", "origin", "title", "published", "published_how", "author", "section", "dateline", "cluster",
                "noise_lines"}
    for doc in docs:
        assert required <= set(doc)
        assert doc["dateline"] is None or set(doc["dateline"]) == {"place", "agency", "date_text"}


def test_every_command_has_help_and_json():
    for command in (["ingest"], ["docs"], ["annotate"], ["dates"], ["figures"], ["ledger"], ["events"], ["timeline"],
                    ["report"], ["serve"], ["export"], ["search"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "--json" in result.stdout and "--db" in result.stdout, command
    for command in (["eval", "time"], ["eval", "figures"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "--json" in result.stdout and "--gold" in result.stdout, command
    for command in (["eval", "tls"], ["eval", "incidents"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "--json" in result.stdout and "--dataset" in result.stdout, command


def test_docs_without_archive_says_so(tmp_path):
    result = run("docs", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "no archive" in result.stderr
