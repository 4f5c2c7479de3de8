"""The ingest and annotate stages on Apache Spark, writing into PostgreSQL.

The same pure per-document functions as the local engine (`ingest.build_for_store`,
`annotate.annotate_document`) run as Spark tasks; the corpus-level steps are Spark operations:

1. inputs: the driver lists files (as Spark lists a folder) and cuts a large WARC into byte ranges;
   each task reads its pieces' records (a JSONL line, a WARC record: a range is read from the first
   record that starts in it), keyed in the local engine's order;
2. which records are new: each partition asks PostgreSQL about its own ids (no id set on the driver);
   in-run duplicates and new versions are settled by grouping on the id and on (origin, record);
3. boilerplate: edge lines counted per site by reduceByKey (with the counts stored by earlier runs),
   only the lines frequent enough to matter reach the driver, which broadcasts each site's set;
4. build, number (`seq`, as the local engine numbers) and write: executors insert their partition's
   documents in transactions of BATCH, skipping ids a killed attempt of the task already committed;
5. annotate: executors read times and figures and write them;
6. syndication: LSH band keys joined on (band, key) give candidate pairs, MinHash estimates confirm
   them, and connected components by min-label propagation name each cluster after its first
   document — what `syndication.cluster` computes with a union-find on one machine;
7. the steps that read the whole archive at once and are small (inferred publication dates of the
   undated articles, the search index, which PostgreSQL builds itself) run on the driver;
8. events, their tolls and the ledger's facts are Spark operations (annalist/engine_spark_events.py).

No result set of documents is collected on the driver: only counts, failures and boilerplate lines.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from operator import add
from pathlib import Path

from . import cleaning, sources, syndication
from .ingest import BATCH, build_for_store, document_id, edge_lines_of
from .models import Built, IngestSummary, InputFailure, InputSkipped, RawArticle
from .store import is_postgres

TASKS_PER_CORE = 4  # partitions per core: small enough tasks that a slow article does not hold a stage


class EngineError(RuntimeError):
    """The Spark engine cannot run as asked (no PostgreSQL archive, no Spark)."""


def spark_session(master: str = "local[2]", app_name: str = "annalist"):
    """A Spark session whose Python workers run this interpreter (and so see annalist)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("pyspark is not installed: `make setup` installs it") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        session = (SparkSession.builder.master(master).appName(app_name)
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "8")
                   .config("spark.python.worker.reuse", "true")  # a worker loads spaCy once, not once a task
                   .getOrCreate())
    except Exception as exc:  # noqa: BLE001 - no Java, a bad master URL: said, not a traceback
        raise EngineError(f"Spark did not start ({type(exc).__name__}: {str(exc).strip()[:300]}); "
                          "it needs Java 17 or newer and a reachable --master") from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def ingest(paths: Iterable[str], db: str, master: str = "local[2]", max_bytes: int = sources.DEFAULT_MAX_BYTES,
           annotate: bool = True, session=None) -> IngestSummary:
    """Ingest (and annotate) `paths` into the PostgreSQL archive `db` with Spark; the summary of the
    local engine's `ingest.ingest`."""
    from .store import open_store

    if not is_postgres(db):
        raise EngineError("the Spark engine writes into PostgreSQL: give --db postgresql://…")
    paths = [str(p) for p in paths]
    store = open_store(db)  # creates the tables once, before any executor connects
    run_id, first_seq = _run_and_first_seq(store, paths)
    own_session = session is None
    spark = session or spark_session(master)
    try:
        summary = _ingest(spark.sparkContext, paths, db, store, max_bytes, annotate, first_seq)
        if annotate:
            _corpus_steps(spark.sparkContext, db, store, summary.stages)
    finally:
        if own_session:
            spark.stop()
    store.finish_run(run_id, summary.ingested, summary.unchanged, summary.failed)
    summary.documents, summary.clusters = store.counts()
    store.close()
    return summary


def _corpus_steps(sc, db: str, store, stages: dict[str, float]) -> None:
    """What reads the whole archive (module docstring, 7 and 8): inferred publication dates and the
    search index on the driver, then events and facts as Spark operations."""
    from . import annotate as annotate_stage
    from .engine_spark_events import derive

    clock = _Stopwatch(stages)
    annotate_stage.annotate(store, workers=1, derived=False)
    clock.lap("corpus steps on the driver")
    derive(sc, db, sc.defaultParallelism * TASKS_PER_CORE)
    clock.lap("events and facts")


def _run_and_first_seq(store, paths: list[str]) -> tuple[int, int]:
    """The run, and the `seq` its first input gets. A run of the same inputs that was killed is taken
    up again with its own numbering: what it wrote keeps its place, and the re-run numbers the rest as
    the uninterrupted run would have (executors write in no fixed order, so what a killed run left is
    not a prefix of its inputs, as it is for the local engine)."""
    import json

    last = store.db.execute("SELECT id, inputs, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    if last and last["finished"] is None and last["inputs"] == json.dumps(paths) and store.meta(f"first_seq {last['id']}"):
        return last["id"], int(store.meta(f"first_seq {last['id']}"))
    run_id = store.start_run(paths)
    first_seq = store.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
    store.set_meta(f"first_seq {run_id}", str(first_seq))
    return run_id, first_seq


def _ingest(sc, paths: list[str], db: str, store, max_bytes: int, annotate: bool, first_seq: int) -> IngestSummary:
    summary = IngestSummary()
    clock = _Stopwatch(summary.stages)
    files: list[tuple[int, str, str]] = []
    for found in sources.walk(paths):
        if isinstance(found, InputSkipped):
            summary.skipped.append(found)
        elif isinstance(found, InputFailure):
            summary.failed.append(found)
        else:
            path, root = found
            files.append((len(files), str(path), sources.folder_group(path, root)))
    pieces = _input_pieces(files)
    slices = max(1, min(len(pieces), sc.defaultParallelism * TASKS_PER_CORE))
    records = sc.parallelize(pieces, slices).flatMap(lambda piece: _read_piece(piece, max_bytes)).persist()
    summary.failed += [f for _, f in sorted(records.filter(lambda kv: isinstance(kv[1], InputFailure)).collect())]
    clock.lap("read inputs")
    raws = records.filter(lambda kv: isinstance(kv[1], RawArticle))

    # 2. Which records are new, which repeat a stored or an earlier record, and their versions.
    facts = raws.map(lambda kv: (kv[0], document_id(kv[1].content), kv[1].origin, kv[1].record)) \
                .mapPartitions(lambda rows: _with_stored_state(rows, db)).persist()
    firsts = facts.filter(lambda f: not f[4]).map(lambda f: (f[1], f)).reduceByKey(lambda a, b: min(a, b))
    new = firsts.map(lambda kv: ((kv[1][2], kv[1][3]), kv[1])).groupByKey().flatMap(_versions)  # (key, version)
    summary.unchanged = facts.count() - new.count()
    copies = facts.map(lambda f: (f[1], f)).groupByKey().flatMap(_copies)

    # 3. Boilerplate, learnt from the new inputs' edge lines and what earlier runs stored.
    unknown = raws.join(facts.filter(lambda f: not f[4]).map(lambda f: (f[0], None))).map(lambda kv: kv[1][0])
    boilerplate = sc.broadcast(_boilerplate(sc, unknown, store))
    clock.lap("new or stored, boilerplate")

    # 4. Build the new documents, number them in input order, write them from the executors.
    built = raws.join(new).map(lambda kv: (kv[0], _build(kv[1][0], kv[1][1], boilerplate.value))).persist()
    summary.failed += [f for _, f in sorted(built.filter(lambda kv: isinstance(kv[1], InputFailure)).collect())]
    clock.lap("build documents")
    # seq: the input's rank among all of the run's records (stored ones leave gaps): ingest order, as
    # the local engine numbers, and the same numbers when a killed run is taken up again.
    ranks = facts.map(lambda f: f[0]).sortBy(lambda key: key).zipWithIndex()
    numbered = built.filter(lambda kv: isinstance(kv[1], Built)).join(ranks) \
                    .map(lambda kv: (kv[1][1] + first_seq, kv[1][0])).persist()
    by_place = numbered.keyBy(lambda sb: (sb[1].document.origin, sb[1].document.record)) \
                       .partitionBy(slices).map(lambda kv: kv[1])
    summary.ingested = by_place.mapPartitions(lambda rows: _write_documents(rows, db)).sum()
    copies.foreachPartition(lambda rows: _write_copies(rows, db))
    clock.lap("write documents")

    # 5. Annotate the new documents where they are.
    if annotate:
        numbered.map(lambda sb: sb[1].document).foreachPartition(lambda docs: _write_annotations(docs, db))
        clock.lap("annotate")
    for rdd in (records, facts, built, numbered):
        rdd.unpersist()

    # 6. Syndication clusters over every current document of the archive.
    recluster(sc, db, slices)
    clock.lap("syndication")
    return summary


class _Stopwatch:
    def __init__(self, stages: dict[str, float]):
        self.stages, self.last = stages, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = round(now - self.last, 1)
        self.last = now


def _input_pieces(files: list[tuple[int, str, str]]) -> list[tuple[int, str, str, int | None, int | None]]:
    """(file number, path, group, start, end): a task's share of the inputs. A large WARC is cut into
    byte ranges (sources.warc_ranges), each read by its own task from the first record starting in
    it; every other file is one piece, read whole (start and end None)."""
    split = int(os.environ.get("ANNALIST_WARC_SPLIT_BYTES", sources.WARC_SPLIT_BYTES))
    pieces = []
    for number, path, group in files:
        ranges = sources.warc_ranges(Path(path), split) if sources.kind_of(Path(path)) == "warc" else []
        if len(ranges) > 1:
            pieces += [(number, path, group, start, end) for start, end in ranges]
        else:
            pieces.append((number, path, group, None, None))
    return pieces


def _read_piece(piece: tuple[int, str, str, int | None, int | None],
                max_bytes: int) -> Iterator[tuple[tuple, RawArticle | InputFailure]]:
    """The piece's records keyed in the local engine's order: (file number, record number), or for a
    range of a WARC (file number, (range start, record number in the range))."""
    number, path, group, start, end = piece
    if start is None:
        items = sources.read_path(Path(path), group=group, max_bytes=max_bytes)
        yield from (((number, record), item) for record, item in enumerate(items))
        return
    items = sources.read_warc_range(Path(path), start, end, group, max_bytes)
    yield from (((number, (start, record)), item) for record, item in enumerate(items))


def _with_stored_state(rows: Iterable[tuple], db: str) -> Iterator[tuple]:
    """(key, id, origin, record, stored, current version at origin/record) for a partition's records,
    asking PostgreSQL about these ids and places only."""
    from .store import open_store

    rows = list(rows)
    if not rows:
        return
    store = open_store(db)
    try:
        ids = [r[1] for r in rows]
        stored = {r[0] for r in store.db.execute("SELECT id FROM documents WHERE id = ANY(?)", (ids,))}
        current = {(r[0], r[1]): (r[2], r[3]) for r in store.db.execute(
            "SELECT d.origin, d.record, d.id, d.version FROM documents d JOIN unnest(?::text[], ?::text[]) AS p(o, r) "
            "ON d.origin = p.o AND d.record = p.r WHERE d.is_current = 1", ([r[2] for r in rows], [r[3] for r in rows]))}
    finally:
        store.close()
    for key, doc_id, origin, record in rows:
        yield key, doc_id, origin, record, doc_id in stored, current.get((origin, record))


def _versions(place_rows) -> Iterator[tuple[tuple[int, int], int]]:
    """The new documents at one origin/record, in input order: versions after the stored one."""
    _, rows = place_rows
    for offset, row in enumerate(sorted(rows), start=1):
        current = row[5]
        yield row[0], (current[1] if current else 0) + offset


def _copies(id_rows) -> Iterator[tuple[str, str, str]]:
    """Where a document's exact bytes turned up again, at a place whose current document is another:
    every occurrence of a stored id, and every occurrence but the first of a new one."""
    doc_id, rows = id_rows
    rows = sorted(rows)
    repeats = rows if rows[0][4] else rows[1:]
    for row in repeats:
        current = row[5]
        if (current[0] if current else None) != doc_id:
            yield doc_id, row[2], row[3]


def _boilerplate(sc, unknown, store) -> dict[str, frozenset[str]]:
    """Each group's boilerplate lines, as `cleaning.BoilerplateCounter` decides them, from counts
    aggregated by Spark; only lines on at least BOILERPLATE_MIN_DOCS pages come to the driver."""
    counter = cleaning.BoilerplateCounter()
    pages = unknown.map(lambda raw: (raw.group, 1)).union(sc.parallelize(list(store.group_sizes()))).reduceByKey(add)
    for group, count in pages.collect():
        counter.add_page(group, [], count)
    lines = unknown.flatMap(lambda raw: [((raw.group, line), 1) for line in edge_lines_of(raw)]) \
                   .union(sc.parallelize([((g, line), n) for g, line, n in store.edge_line_counts()])) \
                   .reduceByKey(add).filter(lambda kv: kv[1] >= cleaning.BOILERPLATE_MIN_DOCS)
    for (group, line), count in lines.collect():
        counter.add_line(group, line, count)
    return {group: counter.boilerplate(group) for group in counter.pages}


def _build(raw: RawArticle, version: int, boilerplate: dict[str, frozenset[str]]) -> Built | InputFailure:
    result = build_for_store((raw, boilerplate.get(raw.group, frozenset())))
    if isinstance(result, Built):
        result.document.version = version
    return result


def _write_documents(rows: Iterable[tuple[int, Built]], db: str) -> Iterator[int]:
    """Store a partition's documents in input order, BATCH a transaction; a document an earlier attempt
    of this task committed is not written twice (Spark re-runs a task whose executor died)."""
    from .store import open_store

    store = open_store(db)
    written = 0
    try:
        rows = sorted(rows, key=lambda sb: sb[0])
        for start in range(0, len(rows), BATCH):
            batch = rows[start:start + BATCH]
            done = {r[0] for r in store.db.execute("SELECT id FROM documents WHERE id = ANY(?)",
                                                   ([b.document.id for _, b in batch],))}
            todo = [(seq, b) for seq, b in batch if b.document.id not in done]
            store.add_documents([b for _, b in todo], seqs=[seq for seq, _ in todo])
            written += len(batch)
    finally:
        store.close()
    yield written


def _write_copies(rows: Iterable[tuple[str, str, str]], db: str) -> None:
    from .store import open_store

    rows = list(rows)
    if rows:
        store = open_store(db)
        try:
            store.add_documents([], rows)
        finally:
            store.close()


def _write_annotations(docs, db: str) -> None:
    from .annotate import PARSE_BATCH_DOCUMENTS, annotate_documents
    from .store import open_store

    store = open_store(db)
    try:
        batch, tasks = [], []
        for doc in docs:
            tasks.append((doc.id, doc.text, doc.published, doc.title))
            if len(tasks) >= PARSE_BATCH_DOCUMENTS:
                batch += annotate_documents(tasks)
                tasks = []
            if len(batch) >= BATCH:
                store.add_annotations(batch)
                batch = []
        store.add_annotations(batch + annotate_documents(tasks))
    finally:
        store.close()


# -- syndication --------------------------------------------------------------
# The rows of current documents, cut into slices by a hash of the document id: each Spark task reads one.
_IN_SLICE = "MOD(hashtext({id})::bigint + 2147483648, ?) = ?"
_CURRENT = {
    "documents": "SELECT seq, id, cluster FROM documents WHERE is_current = 1 AND " + _IN_SLICE.format(id="id"),
    "lsh_bands": "SELECT t.band, t.key, t.doc_id FROM lsh_bands t JOIN documents d ON d.id = t.doc_id "
                 "AND d.is_current = 1 WHERE " + _IN_SLICE.format(id="t.doc_id"),
    "signatures": "SELECT t.doc_id, t.minhash FROM signatures t JOIN documents d ON d.id = t.doc_id "
                  "AND d.is_current = 1 WHERE " + _IN_SLICE.format(id="t.doc_id"),
}


def _read_slice(slice_number: int, slices: int, db: str, table: str) -> Iterator[tuple]:
    """One slice of a table's rows for current documents, read by the executor that holds it."""
    from .store import open_store

    store = open_store(db)
    try:
        yield from (tuple(r) for r in store.db.execute(_CURRENT[table], (slices, slice_number)))
    finally:
        store.close()


def recluster(sc, db: str, slices: int) -> None:
    """Syndication clusters of every current document, computed and written by Spark (module docstring, 6).
    DataFrames, so that the bucket join and the label rounds run in Spark's engine; only the MinHash
    comparison of a candidate pair is Python (the same `jaccard` as the local engine's)."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = SparkSession.builder.getOrCreate()
    numbers = sc.parallelize(range(slices), slices)

    def table(name: str, schema: str):
        return spark.createDataFrame(numbers.flatMap(lambda i: _read_slice(i, slices, db, name)), schema)

    order = table("documents", "seq long, id string, cluster string").cache()
    bands = table("lsh_bands", "band long, key long, doc_id string")
    signatures = table("signatures", "doc_id string, minhash binary").cache()
    a, b = bands.alias("a"), bands.alias("b")
    pairs = a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.key") == F.col("b.key"))
                   & (F.col("a.doc_id") < F.col("b.doc_id"))) \
             .select(F.col("a.doc_id").alias("x"), F.col("b.doc_id").alias("y")).distinct()
    same_story = F.udf(_same_story, "boolean")
    left, right = signatures.alias("l"), signatures.alias("r")
    edges = pairs.join(left, F.col("x") == F.col("l.doc_id")).join(right, F.col("y") == F.col("r.doc_id")) \
                 .where(same_story(F.col("l.minhash"), F.col("r.minhash"))).select("x", "y").localCheckpoint()
    joined = _components(edges, order)  # only the documents in a confirmed pair; the others are their own cluster
    changed = order.join(joined, "id", "left") \
                   .select("id", F.coalesce(F.col("label_id"), F.col("id")).alias("new"), "cluster") \
                   .where(~F.col("new").eqNullSafe(F.col("cluster"))).select("id", "new")
    changed.rdd.map(tuple).foreachPartition(lambda rows: _write_clusters(rows, db))
    order.unpersist()
    signatures.unpersist()


def _same_story(a: bytes, b: bytes) -> bool:
    return syndication._minhash(a).jaccard(syndication._minhash(b)) >= syndication.SAME_STORY


def _components(edges, order):
    """The cluster of each document in a confirmed pair: the (seq, id)-least document connected to it,
    found by passing the least label along the edges until no label changes (a few rounds: clusters of
    republished copies are small and shallow). Labels are kept for the paired documents only, so the
    rounds cost what the copies do, not the archive."""
    from pyspark.sql import functions as F

    both_ways = edges.select(F.col("x").alias("src"), F.col("y").alias("dst")) \
                     .union(edges.select(F.col("y").alias("src"), F.col("x").alias("dst"))).cache()
    labels = both_ways.select(F.col("src").alias("id")).distinct().join(order, "id") \
                      .select("id", F.struct("seq", "id").alias("label")).localCheckpoint()
    while True:
        offered = both_ways.join(labels.withColumnRenamed("id", "src"), "src").select(F.col("dst").alias("id"), "label")
        updated = labels.union(offered).groupBy("id").agg(F.min("label").alias("label")).localCheckpoint()
        moved = updated.join(labels.withColumnRenamed("label", "before"), "id").where(F.col("label") != F.col("before"))
        if moved.limit(1).count() == 0:
            both_ways.unpersist()
            return updated.select("id", F.col("label.id").alias("label_id"))
        labels = updated


def _write_clusters(rows, db: str) -> None:
    from .store import open_store

    rows = dict(rows)
    if rows:
        store = open_store(db)
        try:
            store.set_clusters(rows)
        finally:
            store.close()
