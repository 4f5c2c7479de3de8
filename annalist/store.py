"""The archive: one plain SQLite file (WAL), readable by Datasette or any SQLite client; or, for large
archives, a PostgreSQL database with the same tables (annalist.store_postgres; `open_store` picks by
the location given). The SQL here is written in the subset both engines read alike.

Tables are documented in docs/schema.md. Writes go in transactions of whole
documents (a document, its raw bytes, its signature and its edge lines together),
so a killed run leaves only complete documents and re-runs cleanly.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from . import syndication
from .models import Built, Dateline, Document, Figure, InputFailure, Timex

T = TypeVar("T")
SCHEMA_VERSION = 3  # 2: the long text columns moved last; 3: figures gain implicit, role, part

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,                 -- content hash of the input bytes
    origin TEXT NOT NULL,                -- file path or URL
    record TEXT NOT NULL DEFAULT '',     -- '' or 'line 12' (JSONL) or 'file.warc.gz@4096' (WARC)
    kind TEXT NOT NULL,                  -- txt | html | warc | jsonl
    grp TEXT,                            -- boilerplate group: site, else input folder
    url TEXT,
    publisher TEXT,
    title TEXT,
    author TEXT,
    section TEXT,
    dateline_place TEXT,
    dateline_agency TEXT,
    dateline_date_text TEXT,
    published TEXT,                      -- ISO date, or NULL
    published_how TEXT NOT NULL,         -- explicit | metadata | inferred | unknown
    published_text TEXT,
    published_evidence TEXT,
    language TEXT,
    version INTEGER NOT NULL DEFAULT 1,  -- 2, 3, ... when the file at origin changed
    is_current INTEGER NOT NULL DEFAULT 1,
    cluster TEXT,                        -- syndication cluster: id of its first document
    ingested_at TEXT NOT NULL,
    seq INTEGER NOT NULL,                -- ingest order
    -- The long columns come last: SQLite reads a row's columns in order, and a search that filters on
    -- is_current or published must not walk a whole article's overflow pages to reach them.
    text TEXT NOT NULL,                  -- clean text; spans of later stages index into it
    noise_lines TEXT NOT NULL,           -- JSON list of removed lines
    offsets TEXT NOT NULL                -- JSON [[clean_start, source_start, length], ...]
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_current_origin ON documents(origin, record) WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS documents_cluster ON documents(cluster);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid',
    tokenize='porter unicode61');
CREATE TABLE IF NOT EXISTS raw_content (doc_id TEXT PRIMARY KEY REFERENCES documents(id), data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS signatures (doc_id TEXT PRIMARY KEY REFERENCES documents(id), minhash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh_bands (doc_id TEXT NOT NULL REFERENCES documents(id), band INTEGER NOT NULL,
    key INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lsh_bands_bucket ON lsh_bands(band, key);
CREATE INDEX IF NOT EXISTS lsh_bands_doc ON lsh_bands(doc_id);
CREATE TABLE IF NOT EXISTS timexes (doc_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, anchor TEXT NOT NULL,
    rule TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS timexes_doc ON timexes(doc_id);
CREATE TABLE IF NOT EXISTS figures (doc_id TEXT NOT NULL REFERENCES documents(id), measure TEXT NOT NULL,
    value INTEGER, qualifier TEXT NOT NULL, low INTEGER, high INTEGER, vague INTEGER NOT NULL, who TEXT,
    place TEXT, refers_to TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, span TEXT NOT NULL,
    sentence TEXT NOT NULL, implicit INTEGER NOT NULL DEFAULT 0, role TEXT, part TEXT NOT NULL DEFAULT 'text');
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc_id);
CREATE TABLE IF NOT EXISTS annotated (doc_id TEXT PRIMARY KEY REFERENCES documents(id), layers TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edge_lines (doc_id TEXT NOT NULL REFERENCES documents(id), grp TEXT NOT NULL, line TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS edge_lines_doc ON edge_lines(doc_id);
CREATE TABLE IF NOT EXISTS copies (doc_id TEXT NOT NULL REFERENCES documents(id), origin TEXT NOT NULL,
    record TEXT NOT NULL, PRIMARY KEY (origin, record));
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
    inputs TEXT NOT NULL, ingested INTEGER, unchanged INTEGER, failed INTEGER);
CREATE TABLE IF NOT EXISTS search_stale (doc_id TEXT PRIMARY KEY);  -- indexed before their date or cluster changed
-- Derived by the annotate stage (annalist.events, annalist.reconcile) and rewritten whole after each run,
-- so that Datasette or plain SQL shows the incidents, their tolls and the ledger's facts.
CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, date TEXT, granularity TEXT NOT NULL, date_how TEXT NOT NULL,
    place TEXT, title TEXT, documents INTEGER NOT NULL, sources INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS event_documents (event_id TEXT NOT NULL REFERENCES events(id), doc_id TEXT NOT NULL
    REFERENCES documents(id), PRIMARY KEY (event_id, doc_id));
CREATE TABLE IF NOT EXISTS tolls (event_id TEXT NOT NULL REFERENCES events(id), measure TEXT NOT NULL, best INTEGER,
    low INTEGER, high INTEGER, status TEXT NOT NULL, victims INTEGER, suspects INTEGER, sources INTEGER NOT NULL,
    reasons TEXT NOT NULL, counts TEXT NOT NULL, spans TEXT NOT NULL, PRIMARY KEY (event_id, measure));
CREATE TABLE IF NOT EXISTS facts (id INTEGER PRIMARY KEY, measure TEXT NOT NULL, event_date TEXT, event_id TEXT,
    status TEXT NOT NULL, low INTEGER, best INTEGER, high INTEGER, sources INTEGER NOT NULL, reasons TEXT NOT NULL,
    fact_values TEXT NOT NULL, series TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (run_id INTEGER NOT NULL REFERENCES runs(id), path TEXT NOT NULL, reason TEXT NOT NULL);
"""

_DOC_COLUMNS = ("id", "origin", "record", "kind", "grp", "url", "publisher", "title", "author", "section",
                "dateline_place", "dateline_agency", "dateline_date_text", "published", "published_how",
                "published_text", "published_evidence", "language", "text", "noise_lines", "offsets",
                "version", "is_current", "ingested_at", "seq")
_SHORT_COLUMNS = tuple(c for c in _DOC_COLUMNS if c not in ("text", "noise_lines", "offsets")) + ("cluster",)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


ANNOTATED_LAYERS = "time figures"  # the annotated table's mark of a document's layers


class ArchiveError(Exception):
    """The file given as the archive cannot be one: not SQLite, or another program's database."""


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        """The archive at `path`, created if missing; `read_only` opens an existing one for reading
        only (the reading commands): nothing is written to it, not even the schema, so a read-only
        file or a copy on a read-only disk can be read, and a file that is not an archive is never
        changed."""
        self.path = str(path)
        self.read_only = read_only
        self._search_index = None
        self.db = self._connect()
        self.db.row_factory = sqlite3.Row
        try:
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise ArchiveError(f"{self.path} is not an annalist archive ({exc})") from None
        if tables and "meta" not in tables:  # never add annalist's tables to someone else's database
            self.db.close()
            raise ArchiveError(f"{self.path} is a SQLite database of another program, not an annalist archive")
        if read_only:
            self._check_readable(tables)
            return
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)  # idempotent: IF NOT EXISTS throughout
        with self.transaction():
            self._migrate()
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", (str(SCHEMA_VERSION),))

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            return sqlite3.connect(self.path, isolation_level=None)  # explicit transactions only
        if not Path(self.path).is_file():
            raise ArchiveError(f"no archive at {self.path}: run `annalist ingest PATH --db {self.path}` first")
        uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, isolation_level=None)
            connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            return connection
        except sqlite3.OperationalError:
            # An archive in WAL mode on a read-only disk or folder: SQLite cannot create the shared-memory
            # file readers use, so the file is read as one no one writes (it cannot be written there).
            try:
                return sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None)
            except sqlite3.Error as exc:
                raise ArchiveError(f"cannot read the archive {self.path} ({exc})") from None
        except sqlite3.DatabaseError:
            return sqlite3.connect(uri, uri=True, isolation_level=None)  # not SQLite: named by the caller's check

    def _check_readable(self, tables: set[str]) -> None:
        """An archive this annalist can read as it is: annalist's tables, in the current version."""
        version = self.meta("schema_version") if "meta" in tables else None
        if version is None:
            self.db.close()
            raise ArchiveError(f"{self.path} is not an annalist archive (it has no annalist tables)")
        if int(version) < SCHEMA_VERSION:
            self.db.close()
            raise ArchiveError(f"{self.path} was written by an older annalist: run `annalist annotate --db "
                               f"{self.path}` to bring it up to date")

    def _migrate(self) -> None:
        """Bring an archive written by an older annalist up to SCHEMA_VERSION."""
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(figures)")}
        if "implicit" not in columns:  # version 2: figures without implicit counts; annotate again
            self.db.execute("ALTER TABLE figures ADD COLUMN implicit INTEGER NOT NULL DEFAULT 0")
            self.db.execute("ALTER TABLE figures ADD COLUMN role TEXT")
            self.db.execute("ALTER TABLE figures ADD COLUMN part TEXT NOT NULL DEFAULT 'text'")
            self.db.execute("DELETE FROM annotated")
            put_meta(self.db, "schema_version", str(SCHEMA_VERSION))

    def index_for_search(self) -> int:
        """Add the documents the archive's own FTS5 index lacks, in one transaction (run by the annotate
        stage, so that ingest stays a plain write). That index is for SQLite tools such as Datasette;
        `annalist search` uses the tantivy index (annalist.search), faster at scale."""
        # Documents are only ever added (a new version is a new row), so the newest rowid tells in
        # O(log n) whether the index is behind, without scanning the table.
        newest = "SELECT (SELECT MAX(rowid) FROM documents) IS (SELECT MAX(id) FROM documents_fts_docsize)"
        if self.db.execute(newest).fetchone()[0]:
            return 0
        missing = "FROM documents WHERE rowid NOT IN (SELECT id FROM documents_fts_docsize)"
        with self.transaction() as db:
            return db.execute(f"INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text {missing}").rowcount

    @contextmanager
    def sole_writer(self, on_wait=None) -> Iterator[None]:
        """One writing run (ingest, annotate) at a time: a second one waits for the first to finish,
        calling `on_wait()` first, rather than racing it to insert the same new documents. (SQLite's
        own lock is per transaction; a run is many.) The lock is a file beside the archive, held with
        flock: the system releases it when its process ends, however it ends."""
        import fcntl

        with open(self.path + ".lock", "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait()
                fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def sync_search(self) -> None:
        """Bring `annalist search`'s index up to date with the archive (the tantivy folder beside it)."""
        self.search_index().sync()

    def close(self) -> None:
        self.db.close()

    # SQLite takes the write lock at BEGIN IMMEDIATE, so a second writer waits at the start, not midway.
    _BEGIN = "BEGIN IMMEDIATE"

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute(self._BEGIN)
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- reading -----------------------------------------------------------
    def known_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM documents")}

    def current_versions(self) -> dict[tuple[str, str], tuple[str, int]]:
        rows = self.db.execute("SELECT origin, record, id, version FROM documents WHERE is_current = 1")
        return {(r["origin"], r["record"]): (r["id"], r["version"]) for r in rows}

    def edge_line_counts(self) -> Iterator[tuple[str, str, int]]:
        yield from self.db.execute(
            "SELECT e.grp, e.line, COUNT(DISTINCT e.doc_id) FROM edge_lines e JOIN documents d ON d.id = e.doc_id "
            "WHERE d.is_current = 1 GROUP BY e.grp, e.line")

    def group_sizes(self) -> Iterator[tuple[str, int]]:
        yield from self.db.execute("SELECT grp, COUNT(*) FROM documents WHERE is_current = 1 GROUP BY grp")

    def current_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents WHERE is_current = 1 ORDER BY seq")]

    def signature(self, doc_id: str) -> bytes:
        return self.db.execute("SELECT minhash FROM signatures WHERE doc_id = ?", (doc_id,)).fetchone()[0]

    def candidate_pairs(self) -> list[tuple[str, str]]:
        """Pairs of current documents that share an LSH bucket."""
        return self.db.execute(
            "SELECT DISTINCT a.doc_id, b.doc_id FROM lsh_bands a "
            "JOIN lsh_bands b ON a.band = b.band AND a.key = b.key AND a.doc_id < b.doc_id "
            "JOIN documents da ON da.id = a.doc_id AND da.is_current = 1 "
            "JOIN documents db ON db.id = b.doc_id AND db.is_current = 1").fetchall()

    def search(self, query: str, limit: int = 10, source: str | None = None, date_from: str | None = None,
               date_to: str | None = None, cluster: str | None = None) -> list[dict]:
        """Ranked full-text search (tantivy, BM25) over current documents; the matched words of each
        snippet are marked ⟦like this⟧ (brackets an article would not print)."""
        hits = self.search_index().search(query, limit, source, date_from, date_to, cluster)
        rows = {r["id"]: dict(r) for r in self.db.execute(
            "SELECT id, title, publisher, origin, published, published_how, cluster FROM documents WHERE id IN "
            f"({', '.join('?' * len(hits))})", [h[0] for h in hits])} if hits else {}
        return [{**rows[doc_id], "snippet": snippet, "score": round(score, 4)}
                for doc_id, score, snippet in hits if doc_id in rows]

    def search_index(self):
        """The tantivy index beside the archive (annalist.search), opened once per store: opening costs
        more than a query."""
        from .search import SearchIndex

        if self._search_index is None:
            self._search_index = SearchIndex(self)
        return self._search_index

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            put_meta(db, key, value)

    def documents(self, all_versions: bool = False, texts: bool = True) -> list[Document]:
        """The current documents (every version, `all_versions`) in ingest order. `texts=False` leaves
        out each one's long columns: text None, noise lines and offsets empty. A step over the whole
        archive that reads texts a slice at a time holds these (the texts are 100 of the 130 MB a
        14,000-article archive's documents hold)."""
        where = "" if all_versions else "WHERE is_current = 1"
        columns = "*" if texts else f"{', '.join(_SHORT_COLUMNS)}, NULL AS text, '[]' AS noise_lines, '[]' AS offsets"
        rows = self.db.execute(f"SELECT {columns} FROM documents {where} ORDER BY seq")
        return [row_to_document(row) for row in rows]

    def documents_with_prefix(self, prefix: str) -> list[Document]:
        """The current documents whose id starts with `prefix` (the CLI prints 8 characters)."""
        rows = self.db.execute("SELECT * FROM documents WHERE is_current = 1 AND substr(id, 1, ?) = ? ORDER BY seq",
                               (len(prefix), prefix))
        return [row_to_document(row) for row in rows]

    def clusters_of(self) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, cluster FROM documents")}

    # -- writing -----------------------------------------------------------
    def start_run(self, inputs: Iterable[str]) -> int:
        with self.transaction() as db:
            return db.execute("INSERT INTO runs (started, inputs) VALUES (?, ?) RETURNING id",
                              (now(), json.dumps(list(inputs)))).fetchone()[0]

    def finish_run(self, run_id: int, ingested: int, unchanged: int, failures: list[InputFailure]) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished = ?, ingested = ?, unchanged = ?, failed = ? WHERE id = ?",
                       (now(), ingested, unchanged, len(failures), run_id))
            db.executemany("INSERT INTO failures VALUES (?, ?, ?)", [(run_id, f.path, f.reason) for f in failures])

    def add_documents(self, batch: list[Built], copies: list[tuple[str, str, str]] = (),
                      seqs: list[int] | None = None) -> None:
        """Write built documents, and (doc id, origin, record) places where a stored
        document's exact bytes were found again, in one transaction. Their ingest order (`seq`)
        follows the archive's last, unless `seqs` gives it (the Spark engine numbers a whole run
        before its tasks write)."""
        with self.transaction() as db:
            numbering = seqs is None and batch  # a batch of copies only (the Spark engine's) numbers nothing
            first = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0] if numbering else 0
            for seq, built in zip(seqs or range(first, first + len(batch)), batch):
                doc, raw, minhash, edges = built.document, built.raw, built.minhash, built.edge_lines
                if doc.version > 1:
                    db.execute("UPDATE documents SET is_current = 0 WHERE origin = ? AND record = ? AND is_current = 1",
                               (doc.origin, doc.record))
                db.execute(f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' * len(_DOC_COLUMNS))})",
                           document_row(doc, seq))
                db.execute("INSERT INTO raw_content VALUES (?, ?)", (doc.id, zlib.compress(raw, 1)))
                db.execute("INSERT INTO signatures VALUES (?, ?)", (doc.id, minhash))
                db.executemany("INSERT INTO lsh_bands VALUES (?, ?, ?)",
                               [(doc.id, band, key) for band, key in syndication.band_keys(minhash)])
                db.executemany("INSERT INTO edge_lines VALUES (?, ?, ?)", [(doc.id, doc.group, line) for line in edges])
            db.executemany("INSERT INTO copies VALUES (?, ?, ?) ON CONFLICT DO NOTHING", copies)

    def unannotated(self) -> list[Document]:
        return self.documents_of(self.unannotated_ids())

    def unannotated_ids(self) -> list[str]:
        """The ids of the current documents not yet annotated, in ingest order."""
        return [row[0] for row in self.db.execute("SELECT id FROM documents WHERE is_current = 1 AND id NOT IN "
                                                  "(SELECT doc_id FROM annotated) ORDER BY seq")]

    def documents_of(self, ids: list[str]) -> list[Document]:
        """The documents of these ids, in their order."""
        if not ids:
            return []
        rows = self.db.execute(f"SELECT * FROM documents WHERE id IN ({', '.join('?' * len(ids))})", tuple(ids))
        found = {doc.id: doc for doc in map(row_to_document, rows)}
        return [found[i] for i in ids if i in found]

    def texts_of(self, ids: list[str]) -> dict[str, str]:
        """doc id -> its text, for the given documents."""
        if not ids:
            return {}
        return dict(self.db.execute(f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
                                    tuple(ids)).fetchall())

    def add_annotations(self, results: list[tuple[str, list[Timex], list[Figure], str]]) -> None:
        """Each document's layers, and the mark that it is annotated (with the note of a document
        annotated in part or not at all: "time figures; figures not read: ..."), in one transaction."""
        with self.transaction() as db:
            for doc_id, timexes, figures, note in results:
                _replace_layers(db, doc_id, timexes, figures)
                db.execute("INSERT INTO annotated VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET layers = "
                           "excluded.layers", (doc_id, annotated_layers(note)))

    def annotation_notes(self) -> list[tuple[str, str]]:
        """(doc id, note) of the current documents annotated in part or not at all."""
        prefix = f"{ANNOTATED_LAYERS}; "
        return [(r[0], r[1][len(prefix):]) for r in self.db.execute(
            "SELECT a.doc_id, a.layers FROM annotated a JOIN documents d ON d.id = a.doc_id AND d.is_current = 1 "
            "WHERE a.layers LIKE ? ORDER BY d.seq", (prefix + "%",))]

    def figures(self, doc_id: str | None = None) -> list[tuple[str, Figure]]:
        return self._figures_where(*(("f.doc_id = ?", (doc_id,)) if doc_id else ("", ())))

    def timexes(self, doc_id: str | None = None) -> list[tuple[str, Timex]]:
        return self._timexes_where(*(("t.doc_id = ?", (doc_id,)) if doc_id else ("", ())))

    def timexes_anchored(self, anchor: str) -> list[tuple[str, Timex]]:
        """The timexes of current documents resolved against this anchor ("absolute": the dates the
        text states in full)."""
        return self._timexes_where("t.anchor = ?", (anchor,))

    def timexes_of(self, doc_ids: list[str]) -> dict[str, list[Timex]]:
        """doc id -> its timexes, for the given documents (the archive's whole table at once held 190 MB
        of a 14,000-article archive's events step, which needs one document's at a time)."""
        if not doc_ids:
            return {}
        return by_document(self._timexes_where(f"t.doc_id IN ({', '.join('?' * len(doc_ids))})", tuple(doc_ids)))

    def _figures_where(self, condition: str, args: tuple) -> list[tuple[str, Figure]]:
        """The figures of current documents (those `condition` on f and d selects), in text order."""
        rows = self.db.execute(f"SELECT f.* FROM figures f JOIN documents d ON d.id = f.doc_id AND d.is_current = 1 "
                               f"{'WHERE ' + condition if condition else ''} ORDER BY d.seq, f.start", args)
        return _in_text_order([(r["doc_id"], Figure(
            r["measure"], r["value"], r["qualifier"], r["low"], r["high"], bool(r["vague"]), r["who"], r["place"],
            r["refers_to"], r["start"], r["end"], r["span"], r["sentence"], bool(r["implicit"]), r["role"], r["part"]))
            for r in rows], lambda f: (f.part, f.start, f.end, f.measure, f.qualifier, f.span, f.implicit))

    def _timexes_where(self, condition: str, args: tuple) -> list[tuple[str, Timex]]:
        rows = self.db.execute(f"SELECT t.* FROM timexes t JOIN documents d ON d.id = t.doc_id AND d.is_current = 1 "
                               f"{'WHERE ' + condition if condition else ''} ORDER BY d.seq, t.start", args)
        return _in_text_order([(r["doc_id"], Timex(r["start"], r["end"], r["text"], r["type"], r["value"], r["anchor"],
                                                   r["rule"])) for r in rows],
                              lambda t: (t.start, t.end, t.type, t.value, t.anchor, t.rule))

    def set_publication(self, doc_id: str, published: str, how: str, printed: str, evidence: str,
                        timexes: list[Timex], figures: list[Figure]) -> None:
        """Record an inferred publication date and the layers re-read against it, together."""
        with self.transaction() as db:
            db.execute("UPDATE documents SET published = ?, published_how = ?, published_text = ?, "
                       "published_evidence = ? WHERE id = ?", (published, how, printed, evidence, doc_id))
            db.execute("INSERT INTO search_stale VALUES (?) ON CONFLICT DO NOTHING", (doc_id,))
            _replace_layers(db, doc_id, timexes, figures)

    def set_clusters(self, clusters: dict[str, str]) -> None:
        with self.transaction() as db:
            changed = [(cluster, doc_id) for doc_id, cluster in clusters.items()
                       if db.execute("SELECT cluster FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] != cluster]
            db.executemany("UPDATE documents SET cluster = ? WHERE id = ?", changed)
            db.executemany("INSERT INTO search_stale VALUES (?) ON CONFLICT DO NOTHING", [(doc_id,) for _, doc_id in changed])

    def replace_events(self, events: list, facts: list[tuple[object, str | None]]) -> None:
        """The archive's events with their tolls, and the ledger's (fact, event id) pairs, replacing
        what an earlier run derived (they depend on every document, so they are rewritten whole)."""
        with self.transaction() as db:
            _clear_events(db)
            _insert_events(db, events, facts)

    def clear_events(self) -> None:
        """Empty the derived tables, before the Spark engine's executors write them anew."""
        with self.transaction() as db:
            _clear_events(db)

    def add_events(self, events: list, facts: list[tuple[object, str | None]]) -> None:
        """Add events and (fact, event id) pairs to what is there (one Spark task's share)."""
        with self.transaction() as db:
            _insert_events(db, events, facts)

    def raw_content(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM raw_content WHERE doc_id = ?", (doc_id,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def counts(self) -> tuple[int, int]:
        """Current documents and independent sources (syndication clusters)."""
        row = self.db.execute("SELECT COUNT(*), COUNT(DISTINCT cluster) FROM documents WHERE is_current = 1").fetchone()
        return row[0], row[1]


def put_meta(db, key: str, value: str) -> None:
    db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def open_store(location: str | Path, read_only: bool = False) -> Store:
    """The archive at `location`: a PostgreSQL URL (postgresql://…) or a SQLite file; `read_only`
    for the commands that only read (a SQLite file is then opened read-only and never created)."""
    if is_postgres(location):
        from .store_postgres import PostgresStore

        return PostgresStore(str(location))
    return Store(location, read_only=read_only)


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


def _in_text_order(pairs: list[tuple[str, T]], key) -> list[tuple[str, T]]:
    """(doc id, item) pairs as read (documents in ingest order), each document's items sorted by `key`:
    two items at one offset come out in the same order from SQLite and PostgreSQL, which order ties
    (and text) each its own way."""
    position = {}
    for doc_id, _ in pairs:
        position.setdefault(doc_id, len(position))
    return sorted(pairs, key=lambda pair: (position[pair[0]], key(pair[1])))


def _clear_events(db) -> None:
    for table in ("tolls", "event_documents", "facts", "events"):
        db.execute(f"DELETE FROM {table}")


def _insert_events(db, events: list, facts: list[tuple[object, str | None]]) -> None:
    for e in events:
        db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (e.id, e.date, e.granularity, e.date_how, e.place, e.title, len(e.documents), e.sources))
        db.executemany("INSERT INTO event_documents VALUES (?, ?)", [(e.id, d) for d in e.documents])
        db.executemany("INSERT INTO tolls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [(e.id, t.measure, t.best, t.low, t.high, t.status, t.victims, t.suspects, t.sources,
                         json.dumps(t.reasons), json.dumps(t.counts), json.dumps(t.spans, ensure_ascii=False))
                        for t in e.tolls.values()])
    db.executemany("INSERT INTO facts (measure, event_date, event_id, status, low, best, high, sources, reasons, "
                   "fact_values, series) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(f.measure, f.event_date, event, f.status, f.low, f.best, f.high, f.sources,
                     json.dumps(f.reasons), json.dumps([asdict(v) for v in f.values], ensure_ascii=False),
                     json.dumps(f.series)) for f, event in facts])


def by_document(pairs: Iterable[tuple[str, T]]) -> dict[str, list[T]]:
    """(doc id, item) pairs, as `Store.timexes()` and `Store.figures()` return them, grouped by document."""
    grouped: dict[str, list[T]] = {}
    for doc_id, item in pairs:
        grouped.setdefault(doc_id, []).append(item)
    return grouped


def _replace_layers(db: sqlite3.Connection, doc_id: str, timexes: list[Timex], figures: list[Figure]) -> None:
    db.execute("DELETE FROM timexes WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM figures WHERE doc_id = ?", (doc_id,))
    db.executemany("INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", timex_rows(doc_id, timexes))
    db.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   figure_rows(doc_id, figures))


def timex_rows(doc_id: str, timexes: list[Timex]) -> list[tuple]:
    """The rows of the timexes table for one document, in its column order."""
    return [(doc_id, t.start, t.end, t.text, t.type, t.value, t.anchor, t.rule) for t in timexes]


def figure_rows(doc_id: str, figures: list[Figure]) -> list[tuple]:
    """The rows of the figures table for one document, in its column order."""
    return [(doc_id, f.measure, f.value, f.qualifier, f.low, f.high, int(f.vague), f.who, f.where, f.when,
             f.start, f.end, f.span, f.sentence, int(f.implicit), f.role, f.part) for f in figures]


def annotated_layers(note: str) -> str:
    """The annotated table's mark of a document: its layers, and the note of one read in part."""
    return f"{ANNOTATED_LAYERS}; {note}" if note else ANNOTATED_LAYERS


def document_row(doc: Document, seq: int) -> tuple:
    line = doc.dateline
    return (doc.id, doc.origin, doc.record, doc.kind, doc.group, doc.url, doc.publisher, doc.title, doc.author,
            doc.section, line.place if line else None, line.agency if line else None, line.date_text if line else None,
            doc.published, doc.published_how, doc.published_text, doc.published_evidence, doc.language, doc.text,
            json.dumps(doc.noise_lines, ensure_ascii=False), json.dumps(doc.offsets), doc.version, 1, now(), seq)


def row_to_document(row: sqlite3.Row) -> Document:
    has_dateline = any(row[k] for k in ("dateline_place", "dateline_agency", "dateline_date_text"))
    doc = Document(
        id=row["id"], origin=row["origin"], record=row["record"], kind=row["kind"], group=row["grp"], url=row["url"],
        publisher=row["publisher"], title=row["title"], author=row["author"], section=row["section"],
        dateline=Dateline(row["dateline_place"], row["dateline_agency"], row["dateline_date_text"]) if has_dateline else None,
        published=row["published"], published_how=row["published_how"], published_text=row["published_text"],
        published_evidence=row["published_evidence"], language=row["language"], text=row["text"],
        noise_lines=json.loads(row["noise_lines"]), offsets=json.loads(row["offsets"]), version=row["version"],
        cluster=row["cluster"])
    return doc
