"""The web app under load (issue 15): `/api/facts` latency alone and with 8 clients at once, half of
them searching, on the archive the issue measured (Timeline17 bpoil_bbc, 293 articles), against the
issue's figures (3.6 ms alone; p95 3.0 s under 8-way load, when searches made the view cache rebuild).

    .venv/bin/python benchmarks/app_load.py ../shared/datasets/timeline17/bpoil_bbc/InputDocs

A real server (`annalist serve`, uvicorn) on a free port, real HTTP requests; the first request
builds the views and is reported apart.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

BASELINE = {"alone_ms": 3.6, "loaded_p95_ms": 3000.0}
QUERIES = ["oil", "spill", "BP", "Obama", "well", "Gulf", "cap", "Hayward", "fishermen", "killed"]
CLIENTS = 8
ROUNDS = 25  # requests per client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _client(base: str, searching: bool) -> list[float]:
    facts = []
    with httpx.Client(base_url=base, timeout=120) as http:
        for n in range(ROUNDS):
            if searching:
                http.get("/api/search", params={"q": QUERIES[n % len(QUERIES)], "limit": 10}).raise_for_status()
            started = time.perf_counter()
            http.get("/api/facts").raise_for_status()
            facts.append((time.perf_counter() - started) * 1000)
    return facts


def main(corpus: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        subprocess.run([sys.executable, "-m", "annalist.cli", "ingest", corpus, "--db", db, "--quiet"], check=True)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "annalist.cli", "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):  # up: a page that does not build the views
                try:
                    httpx.get(base + "/assets/search.js", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            started = time.perf_counter()
            httpx.get(base + "/api/facts", timeout=600).raise_for_status()
            first = (time.perf_counter() - started) * 1000
            alone = _client(base, searching=False)
            with ThreadPoolExecutor(CLIENTS) as pool:
                loaded = [ms for run in pool.map(lambda k: _client(base, searching=k % 2 == 0), range(CLIENTS))
                          for ms in run]
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"/api/facts, {corpus}")
    print(f"{'':36} {'this run':>12} {'issue 15 baseline':>18}")
    print(f"{'first request (builds the views)':36} {first:>10.0f} ms {'':>18}")
    print(f"{'alone, median':36} {statistics.median(alone):>10.1f} ms {BASELINE['alone_ms']:>15.1f} ms")
    print(f"{f'{CLIENTS} clients, half searching, p50':36} {_percentile(loaded, 0.5):>10.1f} ms {'':>18}")
    print(f"{f'{CLIENTS} clients, half searching, p95':36} {_percentile(loaded, 0.95):>10.1f} ms "
          f"{BASELINE['loaded_p95_ms']:>15.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/timeline17/bpoil_bbc/InputDocs")
