"""Search over 10k and 100k documents built from the Timeline17 texts: index time, index size and
query latency (p50/p95 over 200 real queries) of annalist's search (tantivy) beside SQLite FTS5 (the
archive file's own full-text table, the other embedded engine the brief names) and beside the search
of a PostgreSQL archive (its own full-text search: tsvector, GIN, ts_rank_cd, ts_headline; a
throw-away local cluster started here, skipped with a message when it cannot start), same documents,
same queries.

The archives are made by repeating the 3,493 Timeline17 articles with their sentences shuffled (a
seeded shuffle per copy), so the vocabulary and posting-list lengths are those of real news. Queries
are real: each topic's keywords and word pairs taken from the gold timelines' sentences (names and
nouns written by the timelines' editors), 200 in all, the same for both engines.

    .venv/bin/python benchmarks/search.py [--sizes 10000 100000] [--queries 200]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from annalist.models import METADATA, Document
from annalist.store import Store, document_row

ROOT = Path(__file__).resolve().parents[1]
T17 = ROOT.parent / "shared" / "datasets" / "timeline17"
_STOP = {"the", "a", "an", "of", "in", "on", "and", "to", "for", "is", "was", "are", "with", "by", "at", "as", "it",
         "that", "from", "has", "be", "its", "after", "his", "her", "their", "he", "she", "they", "this", "said", "says"}


def articles(folder: Path) -> list[tuple[str, str, str]]:
    """(topic, publication date, text) of every Timeline17 article."""
    return [(p.parents[2].name, p.parent.name, p.read_text(encoding="utf-8", errors="replace"))
            for p in sorted(folder.glob("*/InputDocs/*/*")) if p.stat().st_size]


def real_queries(folder: Path, count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    queries = [k for path in sorted(folder.glob("*/keywords.json")) for k in json.loads(path.read_text())]
    pairs = []
    for path in sorted(folder.glob("*/timelines/*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", line) if w.lower() not in _STOP]
            if len(words) >= 2 and not re.match(r"^\d{4}-\d{2}-\d{2}$", line):
                start = rng.randrange(len(words) - 1)
                pairs.append(f"{words[start]} {words[start + 1]}")
    rng.shuffle(pairs)
    return (queries + pairs)[:count]


def build_archive(path: Path | str, source: list[tuple[str, str, str]], size: int) -> None:
    from annalist.store import open_store

    store = open_store(path)
    rng = random.Random(size)
    with store.transaction() as db:
        rows = []
        for seq in range(size):
            topic, published, text = source[seq % len(source)]
            lines = text.splitlines()
            if seq >= len(source):
                rng.shuffle(lines)
            body = "\n".join(lines)
            doc_id = hashlib.sha1(f"{seq}:{body}".encode()).hexdigest()[:16]
            doc = Document(doc_id, f"t17/{topic}/{seq}", "", "txt", topic, None, topic, lines[0][:120] if lines else "",
                           None, None, None, published, METADATA, None, None, "en", body, [], [])
            rows.append(document_row(doc, seq))
        db.executemany(f"INSERT INTO documents ({', '.join(_columns())}) VALUES ({', '.join('?' * len(rows[0]))})", rows)
    store.close()


def _columns() -> tuple[str, ...]:
    from annalist.store import _DOC_COLUMNS

    return _DOC_COLUMNS


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def time_queries(search, queries: list[str]) -> list[float]:
    search(queries[0])  # warm the page cache once
    timings = []
    for query in queries:
        started = time.perf_counter()
        search(query)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def annalist_row(folder: Path, source, size: int, queries: list[str]) -> dict:
    """annalist's search: tantivy, through Store.search (snippets and the SQLite rows included)."""
    from annalist.search import SearchIndex, index_path

    path = folder / f"annalist-{size}.db"
    build_archive(path, source, size)
    store = Store(path)
    started = time.perf_counter()
    SearchIndex(store).sync()
    index_seconds = time.perf_counter() - started
    index_mb = sum(p.stat().st_size for p in index_path(path).rglob("*") if p.is_file()) / 1e6
    timings = time_queries(lambda q: store.search(q, limit=10), queries)
    hits = sum(1 for q in queries if store.search(q, limit=1))
    store.close()
    return {"engine": "annalist (tantivy)", "docs": size, "index_s": index_seconds, "index_mb": index_mb,
            "p50": statistics.median(timings), "p95": percentile(timings, 95), "hits": hits}


def fts5_row(folder: Path, source, size: int, queries: list[str]) -> dict:
    """SQLite FTS5 in the archive file (BM25 via `rank`, top ten ranked first, then their snippets)."""
    path = folder / f"annalist-{size}.db"  # the same archive: its FTS5 table
    store = Store(path)
    started = time.perf_counter()
    store.index_for_search()
    index_seconds = time.perf_counter() - started
    index_mb = store.db.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'documents_fts%'").fetchone()[0] / 1e6
    sql = ("SELECT d.id, snippet(documents_fts, 1, '⟦', '⟧', '…', 16) FROM documents_fts JOIN documents d "
           "ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? AND documents_fts.rowid IN "
           "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 10)")

    def search(query: str):
        words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
        return store.db.execute(sql, (words, words)).fetchall()

    timings = time_queries(search, queries)
    hits = sum(1 for q in queries if search(q))
    store.close()
    return {"engine": "SQLite FTS5", "docs": size, "index_s": index_seconds, "index_mb": index_mb,
            "p50": statistics.median(timings), "p95": percentile(timings, 95), "hits": hits}


def postgres_row(folder: Path, source, size: int, queries: list[str]) -> dict | None:
    """A PostgreSQL archive of the same documents: annalist's search there (Store.search, snippets included)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from servers import ServerUnavailable, start_postgres

    from annalist.store import open_store

    try:
        server = start_postgres()
    except ServerUnavailable as exc:
        print(f"PostgreSQL skipped: {exc}")
        return None
    try:
        url = server.new_database(f"search{size}")
        build_archive(url, source, size)
        store = open_store(url)
        started = time.perf_counter()
        store.index_for_search()
        index_seconds = time.perf_counter() - started
        index_mb = store.db.execute("SELECT pg_total_relation_size('documents_fts')").fetchone()[0] / 1e6
        timings = time_queries(lambda q: store.search(q, limit=10), queries)
        hits = sum(1 for q in queries if store.search(q, limit=1))
        store.close()
    finally:
        server.stop()
    return {"engine": "PostgreSQL full text", "docs": size, "index_s": index_seconds, "index_mb": index_mb,
            "p50": statistics.median(timings), "p95": percentile(timings, 95), "hits": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dataset", type=Path, default=T17)
    args = parser.parse_args()
    if not args.dataset.is_dir():
        sys.exit(f"no Timeline17 at {args.dataset}")
    source = articles(args.dataset)
    queries = real_queries(args.dataset, args.queries)
    print(f"{len(source)} Timeline17 articles, {len(queries)} queries (e.g. {queries[0]!r}, {queries[-1]!r})")
    print(f"{'engine':<24} {'docs':>7} {'index s':>8} {'index MB':>9} {'p50 ms':>7} {'p95 ms':>7} {'hits':>5}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for build in (annalist_row, fts5_row, postgres_row):
                row = build(Path(tmp), source, size, queries)
                if row:
                    rows.append(row)
                    print(f"{row['engine']:<24} {row['docs']:>7} {row['index_s']:>8.1f} {row['index_mb']:>9.1f} "
                          f"{row['p50']:>7.2f} {row['p95']:>7.2f} {row['hits']:>5}", flush=True)
    largest = max((r for r in rows if r["engine"].startswith("annalist")), key=lambda r: r["docs"])
    verdict = "met" if largest["p95"] < 50 else "NOT met"
    print(f"target p95 < 50 ms at {largest['docs']} documents: {largest['p95']:.1f} ms ({verdict})")


if __name__ == "__main__":
    main()
