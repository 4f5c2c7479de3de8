"""Ingest speed and memory on Timeline17's ~3,500 article files, at 1x and 4x the corpus.

The 4x corpus is the same files copied four times, each copy with a marker line so
its content hash (its id) differs. Each size is ingested by the real CLI in a fresh
process into a fresh archive; peak RSS is the sum over the CLI and its worker pool,
sampled every 20 ms. Targets (issue 2): >= 200 docs/s, peak RSS < 500 MB, flat 1x->4x.

    .venv/bin/python benchmarks/ingest.py [--shared ../shared] [--workers N]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
TARGET_DOCS_PER_S = 200
TARGET_RSS_MB = 500


def make_corpus(sources: list[Path], copies: int, into: Path) -> int:
    files = 0
    for copy in range(copies):
        for source in sources:
            for path in source.rglob("*.txt"):
                target = into / f"copy{copy}" / path.relative_to(source.parent.parent)
                target.parent.mkdir(parents=True, exist_ok=True)
                if copy == 0:
                    shutil.copyfile(path, target)
                else:
                    target.write_bytes(path.read_bytes() + f"\n(benchmark copy {copy})\n".encode())
                files += 1
    return files


def watch(process: subprocess.Popen, every: float) -> tuple[int, int]:
    """Peak RSS and PSS in bytes, summed over a process and every process it starts, until it ends."""
    watched = psutil.Process(process.pid)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        try:
            memory = [p.memory_full_info() for p in (watched, *watched.children(recursive=True))]
            peak_rss = max(peak_rss, sum(m.rss for m in memory))
            peak_pss = max(peak_pss, sum(m.pss for m in memory))
        except psutil.Error:
            pass
        time.sleep(every)
    return peak_rss, peak_pss


def measure(corpus: Path, db: Path, workers: int | None, annotate: bool = False) -> dict:
    command = [str(REPO / ".venv/bin/annalist"), "ingest", str(corpus), "--db", str(db), "--json",
               "--annotate" if annotate else "--no-annotate"]
    if not Path(command[0]).exists():
        command[0:1] = [sys.executable, "-m", "annalist.cli"]
    env = dict(os.environ)
    if workers:
        env["ANNALIST_WORKERS"] = str(workers)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_rss, peak_pss = watch(process, 0.05)
    seconds = time.perf_counter() - started
    output, errors = process.communicate()
    if process.returncode not in (0, 3):  # 3: some inputs failed (Timeline17 has empty files)
        sys.exit(f"ingest failed ({process.returncode}): {errors.decode()[-2000:]}")
    summary = json.loads(output)
    return {"docs": summary["ingested"], "seconds": seconds, "docs_per_s": summary["ingested"] / seconds,
            "peak_rss_mb": peak_rss / 1e6, "peak_pss_mb": peak_pss / 1e6, "clusters": summary["clusters"], "failed": len(summary["failed"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: annalist's own)")
    args = parser.parse_args()
    sources = sorted((args.shared / "datasets/timeline17").glob("*/InputDocs"))
    if not sources:
        sys.exit(f"no Timeline17 InputDocs under {args.shared}")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for copies in (1, 4):
            corpus = Path(scratch) / f"x{copies}"
            files = make_corpus(sources, copies, corpus)
            row = measure(corpus, Path(scratch) / f"x{copies}.db", args.workers)
            rows.append({"corpus": f"{copies}x", "files": files, **row})
        # the ingest stage is what the targets are about; the annotate stage (time layer) is shown apart
        annotated = measure(Path(scratch) / "x1", Path(scratch) / "x1-annotated.db", args.workers, annotate=True)
    print(f"{'corpus':>6} {'files':>6} {'docs':>6} {'failed':>6} {'clusters':>8} {'seconds':>8} {'docs/s':>8} "
          f"{'peak RSS MB':>12} {'peak PSS MB':>12}")
    for r in rows:
        print(f"{r['corpus']:>6} {r['files']:>6} {r['docs']:>6} {r['failed']:>6} {r['clusters']:>8} "
              f"{r['seconds']:>8.1f} {r['docs_per_s']:>8.0f} {r['peak_rss_mb']:>12.0f} {r['peak_pss_mb']:>12.0f}")
    print("(RSS is summed over the CLI and its workers, so pages they share are counted once per process;"
          " PSS counts each shared page once)")
    print(f"1x with the annotate stage: {annotated['seconds']:.1f} s, {annotated['docs_per_s']:.0f} docs/s, "
          f"peak RSS {annotated['peak_rss_mb']:.0f} MB")
    growth = rows[1]["peak_rss_mb"] / rows[0]["peak_rss_mb"]
    slowest = min(r["docs_per_s"] for r in rows)
    highest = max(r["peak_rss_mb"] for r in rows)
    print(f"target >= {TARGET_DOCS_PER_S} docs/s: {'met' if slowest >= TARGET_DOCS_PER_S else 'MISSED'} (slowest {slowest:.0f})")
    print(f"target peak RSS < {TARGET_RSS_MB} MB: {'met' if highest < TARGET_RSS_MB else 'MISSED'} (highest {highest:.0f})")
    print(f"RSS 4x / 1x = {growth:.2f} ({'flat' if growth < 1.25 else 'GROWS'})")


if __name__ == "__main__":
    main()
