"""The scale path against the laptop path, in one run (issue 14): ingest + annotate of Timeline17's
article files at 1x and 4x by the local engine into SQLite, the local engine into PostgreSQL, and
Spark local[2] into PostgreSQL. Per run: docs/s, peak RSS summed over every process of the run
(CLI, worker pool, Spark's JVM and Python workers) with PSS beside it, and seconds per stage.

The PostgreSQL server is a throw-away cluster started here (tests/servers.py); its own memory is not
counted (it is the store, as the SQLite file's page cache is not counted either).

    .venv/bin/python benchmarks/scale.py [--shared ../shared] [--copies 1 4] [--master local[2]] [--paths local-sqlite ...]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from ingest import (  # benchmarks/ingest.py: the same 1x / 4x corpora, the same sampling
    make_corpus,
    watch,
)
from servers import start_postgres

TARGET_DOCS_PER_S = 60  # the laptop path, ingest + annotate (issue 14, item 6)
TARGET_RSS_MB = 700
# Flat: the largest archive's peak within this share of the smallest's. The same run's peak moves by a
# few MB from run to run; what grows with the archive grows by its share of each copy (the texts alone
# are about 25 MB a copy of Timeline17), so it shows at 4x by far more than this.
FLAT_GROWTH = 0.05
PATHS = ("local-sqlite", "local-postgres", "spark")


def run(command: list[str], env: dict | None = None) -> tuple[dict, float, float, float]:
    """(JSON summary, seconds, peak RSS MB, peak PSS MB) of one CLI run and every process it starts."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_rss, peak_pss = watch(process, 0.1)
    seconds = time.perf_counter() - started
    output, errors = process.communicate()
    if process.returncode not in (0, 3):
        sys.exit(f"{' '.join(command[:4])} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return json.loads(output), seconds, peak_rss / 1e6, peak_pss / 1e6


def annalist() -> list[str]:
    return [sys.executable, "-m", "annalist.cli"]


def local(corpus: Path, db: str) -> dict:
    """The local engine, its two stages timed apart: ingest (build, store, syndication), then annotate."""
    summary, ingest_s, rss_a, pss_a = run([*annalist(), "ingest", str(corpus), "--db", db, "--json", "--no-annotate"])
    _, annotate_s, rss_b, pss_b = run([*annalist(), "annotate", "--db", db, "--json"])
    return {"docs": summary["ingested"], "seconds": ingest_s + annotate_s, "peak_rss_mb": max(rss_a, rss_b),
            "peak_pss_mb": max(pss_a, pss_b), "stages": {"ingest": round(ingest_s, 1), "annotate": round(annotate_s, 1)},
            "clusters": summary["clusters"]}


def spark(corpus: Path, db: str, master: str) -> dict:
    summary, seconds, rss, pss = run([*annalist(), "ingest", str(corpus), "--db", db, "--json", "--engine", "spark",
                                      "--master", master], env={**os.environ, "PYSPARK_PYTHON": sys.executable})
    return {"docs": summary["ingested"], "seconds": seconds, "peak_rss_mb": rss, "peak_pss_mb": pss,
            "stages": summary.get("stages", {}), "clusters": summary["clusters"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS),
                        help="which paths to run (default: all three)")
    args = parser.parse_args()
    sources = sorted((args.shared / "datasets/timeline17").glob("*/InputDocs"))
    if not sources:
        sys.exit(f"no Timeline17 InputDocs under {args.shared}")
    postgres = start_postgres()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for copies in args.copies:
                corpus = Path(scratch) / f"x{copies}"
                files = make_corpus(sources, copies, corpus)
                runs = {"local-sqlite": lambda: ("local, SQLite", local, (corpus, str(Path(scratch) / f"x{copies}.db"))),
                        "local-postgres": lambda: ("local, PostgreSQL", local,
                                                   (corpus, postgres.new_database(f"local{copies}"))),
                        "spark": lambda: (f"Spark {args.master}, PostgreSQL", spark,
                                          (corpus, postgres.new_database(f"spark{copies}"), args.master))}
                for name, measure, arguments in (runs[path]() for path in args.paths):
                    row = {"corpus": f"{copies}x", "files": files, "path": name, **measure(*arguments)}
                    rows.append(row)
                    print(json.dumps(row), flush=True)
    finally:
        postgres.stop()
    print(f"\n{'corpus':>6} {'path':<30} {'docs':>6} {'seconds':>8} {'docs/s':>7} {'peak RSS MB':>12} {'peak PSS MB':>12}  stages (s)")
    for r in rows:
        stages = ", ".join(f"{k} {v}" for k, v in r["stages"].items())
        print(f"{r['corpus']:>6} {r['path']:<30} {r['docs']:>6} {r['seconds']:>8.1f} {r['docs'] / r['seconds']:>7.1f} "
              f"{r['peak_rss_mb']:>12.0f} {r['peak_pss_mb']:>12.0f}  {stages}")
    laptop = [r for r in rows if r["path"] == "local, SQLite"]
    if not laptop:
        return
    slowest = min(r["docs"] / r["seconds"] for r in laptop)
    highest = max(r["peak_rss_mb"] for r in laptop)
    print(f"laptop path target >= {TARGET_DOCS_PER_S} docs/s: {'met' if slowest >= TARGET_DOCS_PER_S else 'MISSED'} "
          f"(slowest {slowest:.1f}); peak RSS <= {TARGET_RSS_MB} MB: {'met' if highest <= TARGET_RSS_MB else 'MISSED'} "
          f"(highest {highest:.0f})")
    by_size = sorted(laptop, key=lambda r: r["docs"])
    if len(by_size) > 1:
        growth = by_size[-1]["peak_rss_mb"] / by_size[0]["peak_rss_mb"] - 1
        print(f"peak RSS flat from {by_size[0]['corpus']} to {by_size[-1]['corpus']} (within {FLAT_GROWTH:.0%}): "
              f"{'met' if growth <= FLAT_GROWTH else 'MISSED'} ({growth:+.1%})")


if __name__ == "__main__":
    main()
