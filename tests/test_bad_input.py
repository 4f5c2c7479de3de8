"""Bad input never stops a run and loses nothing: each bad file is named with its reason."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annalist.ingest import ingest
from annalist.sources import decode_bytes

LATIN1 = ("Le président a déclaré que la cérémonie aurait lieu à Bakou. Les élèves, réunis "
          "devant l'école, ont déposé des œillets. « Nous n'oublierons jamais », a-t-il ajouté.")
CP1251 = ("Двадцатого января тысячи людей пришли на Аллею шехидов в Баку, чтобы почтить память "
          "погибших. Президент заявил, что трагедия никогда не будет забыта.")
UTF16 = "Thirty-four years have passed since the tragic events of Bloody January — 20 January 1990."


@pytest.mark.parametrize("text,encoding", [(LATIN1.replace("œ", "oe"), "latin-1"), (CP1251, "cp1251"),
                                           (UTF16, "utf-16"), (UTF16, "utf-16-le")])
def test_legacy_encodings_are_detected(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.fixture
def messy_folder(baku_dir, tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for good in sorted(baku_dir.glob("*.txt"))[:2]:
        (folder / good.name).write_bytes(good.read_bytes())
    (folder / "latin1.txt").write_bytes(LATIN1.replace("œ", "oe").encode("latin-1"))
    (folder / "cyrillic.txt").write_bytes(CP1251.encode("cp1251"))
    (folder / "wide.txt").write_bytes(UTF16.encode("utf-16"))
    (folder / "junk.txt").write_bytes(os.urandom(4096))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB
    (folder / "feed.jsonl").write_text('{"text": "A good line about the ceremony in Baku."}\n{not json}\n')
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    return folder


EXPECTED_FAILURES = {"junk.txt": "binary", "empty.txt": "empty", "huge.txt": "too large",
                     "feed.jsonl:2": "malformed JSON", "gone.txt": "unreadable"}


def test_each_bad_input_is_named_and_good_ones_are_kept(messy_folder, store):
    summary = ingest([messy_folder], store, workers=1)
    reasons = {Path(f.path).name: f.reason for f in summary.failed}
    assert set(reasons) == set(EXPECTED_FAILURES)
    for name, words in EXPECTED_FAILURES.items():
        assert words in reasons[name], (name, reasons[name])
    texts = {Path(d.origin).name: d.text for d in store.documents()}
    assert summary.ingested == 6 == len(texts)
    assert texts["latin1.txt"] == LATIN1.replace("œ", "oe")
    assert texts["cyrillic.txt"] == CP1251
    assert texts["wide.txt"] == UTF16
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=300)


def test_cli_exit_code_and_json_summary(messy_folder, tmp_path):
    db = str(tmp_path / "cli.db")
    result = run_cli("ingest", str(messy_folder), "--db", db, "--json")
    assert result.returncode == 3, result.stderr  # documented: some inputs failed
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 6 and summary["unchanged"] == 0
    assert {Path(f["path"]).name for f in summary["failed"]} == set(EXPECTED_FAILURES)
    assert all(set(f) == {"path", "reason"} for f in summary["failed"])
    clean = run_cli("ingest", str(next(messy_folder.glob("0*.txt"))), "--db", db, "--json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["unchanged"] == 1
