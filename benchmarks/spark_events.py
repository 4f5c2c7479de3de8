"""The events and facts step on Spark (annalist/engine_spark_events.py), step by step, beside the
laptop's events step, on one archive: Timeline17's article files (1x, or copies), ingested and
annotated by the local engine into a throw-away PostgreSQL database, then the laptop's events step
(annotate.store_events) and Spark's (engine_spark_events.derive, each step run to its end before the
next and timed) on the same rows. Prints seconds per step and whether both give the same events.

    .venv/bin/python benchmarks/spark_events.py [--shared ../shared] [--copies 1] [--master local[2]]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from ingest import make_corpus  # benchmarks/ingest.py: the same 1x / 4x corpora
from servers import start_postgres

from annalist import annotate as annotate_stage
from annalist import ingest as ingest_stage
from annalist.engine_spark import TASKS_PER_CORE, spark_session
from annalist.engine_spark_events import derive
from annalist.store import open_store


def event_ids(db: str) -> list[str]:
    with closing(open_store(db)) as store:
        return sorted(row[0] for row in store.db.execute("SELECT id FROM events"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    sources = sorted((args.shared / "datasets/timeline17").glob("*/InputDocs"))
    if not sources:
        sys.exit(f"no Timeline17 InputDocs under {args.shared}")
    postgres = start_postgres()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            corpus = Path(scratch) / "corpus"
            make_corpus(sources, args.copies, corpus)
            db = postgres.new_database("events")
            with closing(open_store(db)) as store:
                ingest_stage.ingest([str(corpus)], store)
                annotate_stage.annotate(store, search=False, derived=False)
                started = time.perf_counter()
                annotate_stage.store_events(store)
                laptop = round(time.perf_counter() - started, 1)
            laptop_events = event_ids(db)
            spark = spark_session(args.master)
            sc = spark.sparkContext
            timings: dict[str, float] = {}
            try:
                derive(sc, db, sc.defaultParallelism * TASKS_PER_CORE, timings)
            finally:
                spark.stop()
            print(json.dumps({"copies": args.copies, "events": len(laptop_events), "laptop_seconds": laptop,
                              "spark_seconds": timings, "spark_total": round(sum(timings.values()), 1),
                              "same_events": event_ids(db) == laptop_events}))
    finally:
        postgres.stop()


if __name__ == "__main__":
    main()
