"""Full-text search over the archive (SQLite FTS5), on the real Baku articles."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annalist.annotate import annotate
from annalist.ingest import ingest


def test_search_finds_the_milli_majlis_with_a_marked_snippet(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    hits = store.search("Milli Majlis")
    assert [Path(h["origin"]).name[:3] for h in hits] == ["003"]
    assert "⟦Milli⟧ ⟦Majlis⟧" in hits[0]["snippet"]


def test_search_ranks_and_filters(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    annotate(store, workers=1)
    killed = [Path(h["origin"]).name[:3] for h in store.search("killed")]
    assert set(killed) == {"001", "003", "004"}
    scores = [h["score"] for h in store.search("killed")]
    assert scores == sorted(scores, reverse=True)  # BM25: best first
    assert {Path(h["origin"]).name[:3] for h in store.search("killed", date_from="2020")} == {"001", "003"}
    assert [Path(h["origin"]).name[:3] for h in store.search("killed", date_to="2019-12-31")] == ["004"]
    assert [h["publisher"] for h in store.search("martyrs", source="AZERTAC")] == ["AZERTAC"]


def test_odd_queries_do_not_break(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    assert store.search('"unbalanced') == []
    assert store.search("<script> onerror=") == []
    assert store.search("Baku NOT Moscow")


def test_operators_alone_or_dangling_are_searched_as_words_and_prefixes_match_stems(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    killed = {h["id"] for h in store.search("killed")}
    assert killed
    assert {h["id"] for h in store.search("killed OR")} == killed
    assert {h["id"] for h in store.search("killed*")} >= killed  # the index holds "kill"
    assert store.search("AND")  # the word "and", not a syntax error
    assert isinstance(store.search("IN [a b]"), list)


def test_bad_limits_and_dates_are_named_not_raised(baku_dir, tmp_path):
    db = str(tmp_path / "s.db")
    run = lambda *a: subprocess.run([sys.executable, "-m", "annalist.cli", *a], capture_output=True, text=True)
    assert run("ingest", str(baku_dir), "--db", db, "--quiet", "--no-annotate").returncode == 0
    for options, named in ((["--limit", "0"], "limit"), (["--limit", "-1"], "limit"),
                           (["--from", "2010-13-45"], "--from"), (["--to", "yesterday"], "--to")):
        result = run("search", "killed", "--db", db, *options)
        assert result.returncode == 2 and named in result.stderr and "Traceback" not in result.stderr, options


def test_search_json_contract(baku_dir, tmp_path):
    db = str(tmp_path / "s.db")
    run = lambda *a: subprocess.run([sys.executable, "-m", "annalist.cli", *a], capture_output=True, text=True)
    assert run("ingest", str(baku_dir), "--db", db, "--quiet", "--no-annotate").returncode == 0
    hits = json.loads(run("search", "Heydar Aliyev", "--db", db, "--json").stdout)
    assert hits and all({"id", "title", "published", "snippet", "score"} <= set(h) for h in hits)


def test_index_follows_new_versions_and_rebuilds_when_deleted(baku_dir, tmp_path):
    import shutil

    from annalist.search import index_path
    from annalist.store import Store

    folder = tmp_path / "corpus"
    shutil.copytree(baku_dir, folder)
    store = Store(tmp_path / "a.db")
    ingest([folder], store, workers=1)
    assert [Path(h["origin"]).name[:3] for h in store.search('"Milli Majlis"')] == ["003"]
    seed = folder / "003_3b20dd5ae30bdddf.txt"
    seed.write_text(seed.read_text().replace("Milli Majlis", "national parliament"))
    ingest([folder], store, workers=1)  # version 2 of 003 replaces version 1 in the index
    assert store.search('"Milli Majlis"') == []
    assert [Path(h["origin"]).name[:3] for h in store.search("national parliament")] == ["003"]
    store.close()
    shutil.rmtree(index_path(tmp_path / "a.db"))
    store = Store(tmp_path / "a.db")
    assert [Path(h["origin"]).name[:3] for h in store.search("national parliament")] == ["003"]
    assert store.search("parliam*")  # prefix queries
    store.close()
    for item in index_path(tmp_path / "a.db").iterdir():  # emptied but kept: rebuilt too
        shutil.rmtree(item) if item.is_dir() else item.unlink()
    store = Store(tmp_path / "a.db")
    assert [Path(h["origin"]).name[:3] for h in store.search("national parliament")] == ["003"]
    store.close()
