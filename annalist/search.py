"""Full-text search over the archive with tantivy, an embedded engine (no server).

Measured against SQLite FTS5 on 100k Timeline17-built documents (benchmarks/search.py): FTS5
ranks every match before it can return the top ten (p95 93 ms), tantivy prunes to the top k
(p95 31 ms with snippets and the SQLite rows, under 5 ms for the bare query). The index is a derived cache in a folder beside the archive
(`archive.db.search/`): delete it and the next search rebuilds it from the SQLite file, which
stays the record (it keeps its own FTS5 table for SQLite tools such as Datasette).

Indexed: title and text (English stemming), publisher, group and origin (for --source),
published as YYYYMMDD (a year-only date as YYYY0000, for --from/--to) and the cluster.
Only current versions are indexed; a superseded version is deleted from the index.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .store import put_meta

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
SNIPPET_CHARS = 160
_WATERMARK = "search_index_rowid"  # meta key: the highest documents.rowid in the index
_READ_ONLY_PROGRESS = "annalist-read-only-sync.json"  # beside a read-only archive: how far its index got


def index_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.search")


def _schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("publisher", tokenizer_name="default")
    builder.add_text_field("grp", tokenizer_name="default")
    builder.add_text_field("origin", tokenizer_name="default")
    builder.add_text_field("cluster", tokenizer_name="raw")
    builder.add_integer_field("published", indexed=True, fast=True)
    return builder.build()


class QueryError(ValueError):
    """A search the user asked for that cannot be run as asked (a bad date, a limit below 1)."""


MAX_LIMIT = 10_000


def check_options(limit: int, date_from: str | None, date_to: str | None) -> None:
    """QueryError with a message a user can act on, before anything reaches the index."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"the limit must be between 1 and {MAX_LIMIT}, not {limit}")
    for name, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and not _calendar_date(value):
            raise QueryError(f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def _calendar_date(value: str) -> bool:
    from datetime import date

    found = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not found:
        return False
    year, month, day = int(found[1]), int(found[2] or 1), int(found[3] or 1)
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def date_number(value: str | None) -> int | None:
    """2024-01-20 -> 20240120, 2024 -> 20240000: date order as integer order."""
    if not value or not re.match(r"^\d{4}", value):
        return None
    digits = re.sub(r"\D", "", value[:10])
    return int(digits.ljust(8, "0"))


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """--from/--to as `date_number` bounds; "--to 2024" includes all of 2024, "--to 2024-05" all of May."""
    low, high = date_number(date_from), date_number(date_to)
    if high is not None and date_to and len(date_to) < 10:
        high += 9999 if len(date_to) == 4 else 99
    return low, high


def split_prefixes(query: str) -> tuple[str, list[str]]:
    """The query less its prefix terms (word*), and those words."""
    prefixes = re.findall(r"(?<![\w\"])(\w+)\*", query)
    return re.sub(r"(?<![\w\"])\w+\*", " ", query).strip(), prefixes


class SearchIndex:
    def __init__(self, store):
        import tantivy

        self.store = store
        self.rebuilt = False
        path = index_path(store.path)
        if not (path / "meta.json").exists():  # a new, deleted or emptied index: everything is indexed again
            path.mkdir(exist_ok=True)
            if not store.read_only:
                store.set_meta(_WATERMARK, "0")
            self.rebuilt = True
        self.schema = _schema()
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)

    def sync(self) -> int:
        """Add the documents ingested since the last sync and drop superseded versions; returns how many were added."""
        import tantivy

        db = self.store.db
        # A read-only archive cannot move its watermark: an index rebuilt beside it starts from 0, and
        # how far the index got is kept in the index's own folder (_read_only_progress).
        done = 0 if self.rebuilt and self.store.read_only else int(self.store.meta(_WATERMARK) or 0)
        newest = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM documents").fetchone()[0]
        stale = [r[0] for r in db.execute("SELECT doc_id FROM search_stale")]
        handled: set[str] = set()
        if self.store.read_only and not self.rebuilt:
            synced, handled = self._read_only_progress()
            done, stale = max(done, synced), [d for d in stale if d not in handled]
        if newest <= done and not stale:
            return 0
        try:
            writer = self.index.writer(heap_size=64_000_000, num_threads=1)
        except ValueError:  # another process holds the writer (an ingest while the app searches): it will sync
            return 0
        rows = db.execute(
            "SELECT id, title, text, publisher, grp, origin, cluster, published FROM documents WHERE is_current = 1 "
            f"AND (rowid > ? OR id IN ({', '.join('?' * len(stale))}))", (done, *stale))
        added = 0
        for row in rows:
            # Delete before adding: a stale entry, or one a killed sync committed without its watermark.
            writer.delete_documents_by_term("id", row["id"])
            document = tantivy.Document(id=row["id"], title=row["title"] or "", text=row["text"],
                                        publisher=row["publisher"] or "", grp=row["grp"] or "",
                                        origin=row["origin"], cluster=row["cluster"] or row["id"])
            if date_number(row["published"]) is not None:
                document.add_integer("published", date_number(row["published"]))
            writer.add_document(document)
            added += 1
        for (old,) in self.store.db.execute("SELECT id FROM documents WHERE is_current = 0"):
            writer.delete_documents_by_term("id", old)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.rebuilt = False
        if self.store.read_only:  # the index is current; the archive's watermark stays where it was
            self._keep_read_only_progress(newest, handled | set(stale))
            return added
        with self.store.transaction():  # after the commit: a killed sync is redone
            put_meta(db, _WATERMARK, str(newest))
            db.executemany("DELETE FROM search_stale WHERE doc_id = ?", [(d,) for d in stale])
        return added

    def _progress_file(self) -> Path:
        return index_path(self.store.path) / _READ_ONLY_PROGRESS

    def _read_only_progress(self) -> tuple[int, set[str]]:
        """How far a sync beside a read-only archive got (newest document, stale ones re-indexed), so
        that each search does not index the same documents again."""
        try:
            saved = json.loads(self._progress_file().read_text(encoding="utf-8"))
            return int(saved["newest"]), set(saved["stale"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, set()

    def _keep_read_only_progress(self, newest: int, handled: set[str]) -> None:
        try:
            self._progress_file().write_text(json.dumps({"newest": newest, "stale": sorted(handled)}), encoding="utf-8")
        except OSError:  # the index's folder is read-only too: the next search syncs again
            pass

    def search(self, query: str, limit: int = 10, source: str | None = None, date_from: str | None = None,
               date_to: str | None = None, cluster: str | None = None) -> list[tuple[str, float, str]]:
        """(document id, score, snippet) of the best matches, best first."""
        import tantivy

        check_options(limit, date_from, date_to)
        self.sync()
        parsed = self._parse(query)
        if parsed is None:
            return []
        must = [(tantivy.Occur.Must, parsed)]
        if source:
            escaped = source.replace('"', " ")
            must.append((tantivy.Occur.Must, self.index.parse_query(
                f'publisher:"{escaped}" OR grp:"{escaped}" OR origin:"{escaped}"', [])))
        if date_from or date_to:
            low, high = date_bounds(date_from, date_to)
            must.append((tantivy.Occur.Must, tantivy.Query.range_query(
                self.schema, "published", tantivy.FieldType.Integer, low, high)))
        if cluster:
            must.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "cluster", cluster)))
        final = tantivy.Query.boolean_query(must)
        searcher = self.index.searcher()
        hits = searcher.search(final, limit).hits
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, self.schema, "text")
        snippets.set_max_num_chars(SNIPPET_CHARS)
        found = []
        for score, address in hits:
            doc = searcher.doc(address)
            found.append((doc["id"][0], score, _marked(snippets.snippet_from_doc(doc), doc["text"][0])))
        return found

    def _parse(self, query: str):
        """Plain words are all required; "phrases", OR, NOT/-word and prefix* keep their meaning. A query
        the parser rejects is searched as its plain words."""
        import tantivy

        # tantivy's parser knows only phrase prefixes ("national parl"*): a single word* becomes a regex.
        rest, prefixes = split_prefixes(query)
        # The index holds stems ("killed" is "kill"), so a prefix also matches its own word, stemmed by
        # the query parser: "killed*" finds "killed" and "killers".
        clauses = [(tantivy.Occur.Must, tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.regex_query(self.schema, field, re.escape(p.lower()) + ".*"))
             for field in ("title", "text")] + [(tantivy.Occur.Should, self._parse_words(p))])) for p in prefixes]
        if rest:
            parsed = self._parse_words(rest)
            if parsed is None:
                return None
            clauses.append((tantivy.Occur.Must, parsed))
        if not clauses:
            return None
        return clauses[0][1] if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)

    def _parse_words(self, query: str):
        fields = ["title", "text"]
        try:
            return self.index.parse_query(query, fields, conjunction_by_default=True)
        except ValueError:
            # Searched as its plain words less dangling operators ("killed OR"); a query of operators
            # only ("AND") as the words themselves, in lower case.
            words = re.findall(r"\w+", query)
            kept = [w for w in words if w not in ("AND", "OR", "NOT", "IN", "TO")] or [w.lower() for w in words]
            return self.index.parse_query(" ".join(kept), fields, conjunction_by_default=True) if kept else None


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, matched) pieces, for whoever renders it (terminal, HTML)."""
    parts = re.split(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}", snippet or "")
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


def _marked(snippet, text: str) -> str:
    """The snippet's fragment with its matched words between ⟦ ⟧, and … where it was cut."""
    fragment = snippet.fragment().encode()  # tantivy's ranges count bytes, not characters
    if not fragment:
        return text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else "")
    pieces, cursor = [], 0
    for r in snippet.highlighted():
        pieces += [fragment[cursor:r.start], MARK_OPEN.encode(), fragment[r.start:r.end], MARK_CLOSE.encode()]
        cursor = r.end
    pieces.append(fragment[cursor:])
    cut = snippet.fragment_range()
    start, end = cut.start, cut.end
    marked = b"".join(pieces).decode(errors="replace")
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text.encode()) else "")
