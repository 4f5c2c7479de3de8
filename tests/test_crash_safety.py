"""A SIGKILLed ingest of Timeline17 leaves a consistent archive, and a re-run completes it."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annalist.sources import expand_paths
from annalist.store import Store


def stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_ingest_reruns_cleanly(timeline17_dir, tmp_path):
    inputs = sorted(str(p) for p in timeline17_dir.glob("*/InputDocs"))
    db = tmp_path / "t17.db"
    command = [sys.executable, "-m", "annalist.cli", "ingest", *inputs, "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while stored_documents(db) < 600 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the CLI and its worker pool
    process.wait()

    store = Store(db)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    files = sum(1 for _ in expand_paths(inputs))
    assert 600 <= before < files
    orphans = store.db.execute("SELECT COUNT(*) FROM raw_content WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0

    from annalist.ingest import ingest

    summary = ingest(inputs, store)
    after = store.db.execute("SELECT COUNT(*), COUNT(DISTINCT origin || '|' || record) FROM documents").fetchone()
    assert summary.unchanged >= before and after[0] == before + summary.ingested
    assert after[0] == after[1], "an input was stored twice"
    copies = store.db.execute("SELECT COUNT(*) FROM copies").fetchone()[0]
    assert after[0] + copies + len(summary.failed) == files
    assert all(d.cluster for d in store.documents())
    store.close()


def test_ctrl_c_stops_an_ingest_at_once_and_a_rerun_continues(timeline17_dir, tmp_path):
    """Ctrl-C reaches the whole process group (the CLI and its workers): the run stops in seconds,
    the archive is whole, and the next run picks up where it stopped."""
    # Five topics (1,517 files, none empty): the first batch stored (200) leaves most of the run to
    # interrupt; with one topic (293) the interrupt could land after the last batch, and the run
    # rightly ended with 0.
    topics = ["bpoil_bbc", "bpoil_foxnews", "bpoil_reuters", "bpoil_washingtonpost", "IraqWar_guardian"]
    inputs = [str(timeline17_dir / topic / "InputDocs") for topic in topics]
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "annalist.cli", "ingest", *inputs, "--db", str(db), "--quiet", "--no-annotate"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while stored_documents(db) < 50 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    interrupted_at = stored_documents(db)
    started = time.time()
    process.wait(timeout=30)
    assert time.time() - started < 15 and process.returncode != 0
    assert "Traceback" not in process.stderr.read().decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    files = sum(1 for _ in expand_paths(inputs))
    assert interrupted_at < files and stored_documents(db) == files
