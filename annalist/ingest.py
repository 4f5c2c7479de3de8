"""Ingest stage: inputs -> clean, versioned, clustered documents in the store.

`build_document` is the pure per-document function (RawArticle + learnt boilerplate
-> Document); `ingest` runs it over a corpus locally: a first pass learns the
boilerplate lines of each site or folder, a second builds and stores documents in
small transactions, a last step re-clusters syndicated copies.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import multiprocessing.pool
import os
import re
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import cleaning, sources, syndication
from .models import (
    EXPLICIT,
    METADATA,
    UNKNOWN,
    Built,
    Dateline,
    Document,
    IngestSummary,
    InputFailure,
    InputSkipped,
    RawArticle,
)
from .store import Store

BATCH = 200  # documents per transaction: a killed run loses at most two batches of work (one being stored, the next being built), never data


class ExtractionError(ValueError):
    pass


def document_id(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


@dataclass
class HtmlParts:
    text: str
    title: str | None
    author: str | None
    published: str | None
    sitename: str | None
    section: str | None
    url: str | None


# libxml2, under trafilatura, stops reading a page nested deeper than 256 elements; such a page is read
# without its layout wrappers, which hold no text of their own.
MAX_NESTING = 200
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|font|section|article|center|main|aside|table|tbody|thead|tr|td|th|b|i|em|strong)"
                          r"\b[^>]*>", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param"}


def extract_html(html: str, url: str | None) -> HtmlParts:
    """Main text and metadata of a web page (trafilatura; dates by htmldate inside it)."""
    if nesting_depth(html) > MAX_NESTING:  # read whole, the page's deepest part would be dropped unread
        html = _LAYOUT_TAGS.sub(" ", html)
    result = _bare_extraction(html, url)
    if result is None or not (result.text or "").strip():
        raise ExtractionError("no article text found in the HTML")
    categories = result.categories or []
    return HtmlParts(text=result.text, title=result.title, author=result.author, published=result.date,
                     sitename=result.sitename or result.hostname, section=categories[0] if categories else None,
                     url=result.url or url)


def _bare_extraction(html: str, url: str | None):
    import trafilatura

    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, deduplicate=False)


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest (void elements and self-closed tags aside)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if name.lower() in _VOID or self_closed:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def build_document(raw: RawArticle, boilerplate: frozenset[str] = frozenset()) -> Document:
    """The per-document ingest function: pure, so it runs the same here and on Spark."""
    meta = dict(raw.meta)
    if raw.html is not None:
        page = extract_html(raw.html, meta.get("url"))
        text = page.text
        for key, value in (("title", page.title), ("author", page.author), ("url", page.url),
                           ("source", page.sitename), ("section", page.section)):
            meta.setdefault(key, value)
        if page.published and "published" not in meta:
            meta["published"], meta["published_source"] = page.published, "HTML metadata (htmldate)"
    else:
        text = raw.text or ""
    facts = cleaning.clean_text(text, boilerplate)
    published, how, printed, evidence = _publication_date(facts, meta)
    return Document(
        id=document_id(raw.content), origin=raw.origin, record=raw.record, kind=raw.kind, group=raw.group,
        url=meta.get("url"), publisher=meta.get("source") or (facts.dateline.agency if facts.dateline else None),
        title=meta.get("title") or facts.title, author=meta.get("author") or facts.author,
        section=meta.get("section") or facts.section, dateline=facts.dateline,
        published=published, published_how=how, published_text=printed, published_evidence=evidence,
        language=detect_language(facts.text), text=facts.text, noise_lines=facts.noise_lines, offsets=facts.offsets)


def _publication_date(facts: cleaning.TextFacts, meta: dict) -> tuple[str | None, str, str | None, str | None]:
    """What the page prints wins; then metadata (HTML meta, JSONL field, dated folder); else unknown."""
    if facts.published:
        return facts.published, EXPLICIT, facts.published_text, "printed in the text"
    given = meta.get("published")
    if given:
        iso = _iso_date(given)
        if iso:
            return iso, METADATA, given, meta.get("published_source", "metadata")
    return None, UNKNOWN, None, None


def _iso_date(value: str) -> str | None:
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return cleaning.parse_printed_date(value[:10])
    return cleaning.parse_printed_date(value)


def warm_up() -> None:
    """Import and load what build_document needs (trafilatura, the language model)."""
    import trafilatura  # noqa: F401

    detect_language("warm up")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code by Chromium's CLD2 (pycld2): microseconds a page and a few MB,
    where py3langid's model took 77 MB in every worker."""
    import pycld2

    try:
        reliable, _, details = pycld2.detect(text[:2000])
    except pycld2.error:  # text CLD2 cannot read (e.g. stray surrogates)
        return None
    code = details[0][1]
    return code if reliable and code != "un" else None


def edge_lines_of(raw: RawArticle) -> list[str]:
    """Edge lines used to learn boilerplate; HTML pages are left to trafilatura."""
    return sorted(set(cleaning.edge_lines(raw.text))) if raw.text is not None else []


Progress = Callable[[int, int], None]


def build_for_store(task: tuple[RawArticle, frozenset[str]]) -> Built | InputFailure:
    """The unit of parallel work: one article -> its document and signature."""
    raw, boilerplate = task
    where = f"{raw.origin} ({raw.record})" if raw.record else raw.origin
    try:
        doc = build_document(raw, boilerplate)
        return Built(doc, raw.content, syndication.signature(doc.text, doc.title), edge_lines_of(raw))
    except ExtractionError as exc:
        return InputFailure(where, str(exc))
    except Exception as exc:  # noqa: BLE001 - one odd page must not stop the run; it is named instead
        return InputFailure(where, f"could not process: {type(exc).__name__}: {str(exc)[:200]}")


class _Run:
    """One ingest run: sorts inputs into unchanged / new, builds new ones in a pool, stores them."""

    def __init__(self, store: Store, counter: cleaning.BoilerplateCounter, pool: multiprocessing.pool.Pool | None):
        self.store, self.counter, self.pool = store, counter, pool
        self.known = store.known_ids()
        self.current = store.current_versions()
        self.summary = IngestSummary()
        self.pending: list[RawArticle] = []
        self.copies: list[tuple[str, str, str]] = []
        self.building: tuple | None = None  # (inputs, what returns their builds, copies) of the batch started last

    def take(self, item: RawArticle | InputFailure | InputSkipped) -> None:
        if isinstance(item, InputFailure):
            self.summary.failed.append(item)
            return
        if isinstance(item, InputSkipped):
            self.summary.skipped.append(item)
            return
        doc_id = document_id(item.content)
        if doc_id in self.known:
            self.summary.unchanged += 1
            if self.current.get((item.origin, item.record), (None,))[0] != doc_id:
                self.copies.append((doc_id, item.origin, item.record))  # the same bytes at another place
            return
        self.known.add(doc_id)
        self.pending.append(item)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Start building the pending articles (in the pool's workers when it is up), then store the
        batch started before: the parent writes one batch, and reads the next inputs, while the workers
        build the next (one after the other, the workers waited for each write: 1.3 of the 6.6 s of
        ingesting Timeline17)."""
        if not self.pending:
            return
        tasks = [(raw, self.counter.boilerplate(raw.group)) for raw in self.pending]
        # The pool builds while the parent stores; without one, the batch is built when it is stored.
        built = self.pool.map_async(build_for_store, tasks, chunksize=8).get if self.pool else \
            lambda: [build_for_store(task) for task in tasks]
        self.store_built()
        self.building = (list(self.pending), built, list(self.copies))
        self.pending.clear()
        self.copies.clear()

    def store_built(self) -> None:
        """Store the batch being built, in one transaction, in the order its inputs came."""
        if self.building is None:
            return
        pending, built, copies = self.building
        self.building = None
        batch = []
        for raw, result in zip(pending, built()):
            if isinstance(result, InputFailure):
                self.summary.failed.append(result)
                continue
            doc = result.document
            previous = self.current.get((raw.origin, raw.record))
            doc.version = previous[1] + 1 if previous else 1
            self.current[(raw.origin, raw.record)] = (doc.id, doc.version)
            batch.append(result)
        self.store.add_documents(batch, copies)
        self.summary.ingested += len(batch)

    def finish(self) -> None:
        self.flush()
        self.store_built()
        if self.copies:  # copies found after the last new article
            self.store.add_documents([], self.copies)
            self.copies.clear()


@contextmanager
def worker_pool(workers: int, load: Callable[[], None] | None = None) -> Iterator[multiprocessing.pool.Pool | None]:
    """A fork pool started before the run holds any data, so the workers share only the
    loaded models with the parent (copy-on-write) and memory stays flat with corpus size."""
    if workers <= 1:
        yield None
        return
    (load or warm_up)()
    gc.freeze()  # keep the collector from touching (and so copying) the shared pages
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_leave_interrupts_to_the_parent)
    gc.unfreeze()
    try:
        yield pool
    except BaseException:
        # Ctrl-C or an error in the parent: stop the workers now (waiting for them to finish their
        # tasks hung, and their own KeyboardInterrupts broke the pool's pipes).
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


@contextmanager
def interrupts_stop_at_once() -> Iterator[None]:
    """For a command-line run: Ctrl-C kills the worker processes and ends the process at once, with 130.
    SQLite's journal leaves the archive whole, as after a kill (tests/test_crash_safety.py), and a rerun
    continues. Unwinding a KeyboardInterrupt through Pool.terminate instead could hang: its task handler
    thread can stay blocked on a pipe full of large tasks once the workers are gone (a clean-clone test run
    hung so once, and here one in 160 interrupted ingests did)."""
    def stop(signum, frame) -> None:
        for child in multiprocessing.active_children():
            child.kill()
        os.write(2, b"interrupted: the archive keeps what was stored; run the same command again to go on\n")
        os._exit(130)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _leave_interrupts_to_the_parent() -> None:
    """Workers ignore Ctrl-C (the terminal sends it to the whole process group): the parent stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_workers() -> int:
    """ANNALIST_WORKERS, else one worker per core (at most 4: past that SQLite writes dominate)."""
    configured = os.environ.get("ANNALIST_WORKERS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else max(1, min(4, os.cpu_count() or 1))


def ingest(paths: Iterable[str], store: Store, max_bytes: int = sources.DEFAULT_MAX_BYTES,
           progress: Progress | None = None, workers: int | None = None) -> IngestSummary:
    """Ingest files and folders into the store; see the module docstring for the passes."""
    paths = [str(p) for p in paths]
    run_id = store.start_run(paths)
    with worker_pool(default_workers() if workers is None else workers) as pool:
        counter, total = _learn_boilerplate(paths, store, store.known_ids(), max_bytes)
        run = _Run(store, counter, pool)
        for seen, item in enumerate(sources.iter_inputs(paths, max_bytes), start=1):
            run.take(item)
            if progress:
                progress(seen, total)
        run.finish()
    summary = run.summary
    store.finish_run(run_id, summary.ingested, summary.unchanged, summary.failed)
    recluster(store)
    summary.documents, summary.clusters = store.counts()
    return summary


def _learn_boilerplate(paths: list[str], store: Store, known: set[str], max_bytes: int) -> tuple[cleaning.BoilerplateCounter, int]:
    """First pass: count edge lines of the new inputs on top of those already stored."""
    counter = cleaning.BoilerplateCounter()
    for group, pages in store.group_sizes():
        counter.add_page(group, [], pages)
    for group, line, pages in store.edge_line_counts():
        counter.add_line(group, line, pages)
    total = 0
    for item in sources.iter_inputs(paths, max_bytes):
        total += 1
        if isinstance(item, RawArticle) and document_id(item.content) not in known:
            counter.add_page(item.group, edge_lines_of(item))
    return counter, total


def recluster(store: Store) -> None:
    clusters = syndication.cluster(store.current_ids(), store.candidate_pairs(), store.signature)
    stored = store.clusters_of()
    changed = {doc_id: c for doc_id, c in clusters.items() if stored.get(doc_id) != c}
    if changed:
        store.set_clusters(changed)


def dateline_dict(line: Dateline | None) -> dict | None:
    return None if line is None else {"place": line.place, "agency": line.agency, "date_text": line.date_text}
