"""Annotate stage: the per-document layers read from the clean text (times, figures) and the
search index.

Runs after ingest over the documents not yet annotated, in the same worker pool
design: `annotate_document` is pure (text and publication date in, timexes and figures out).
Corpus-level steps follow: missing publication dates are inferred from past
anchors and the corpus's event date, and those documents re-annotated.
"""
from __future__ import annotations

from . import figures, temporal
from .ingest import default_workers, worker_pool
from .models import INFERRED, Figure, Timex
from .store import Store, by_document

BATCH = 200


NOTE_CHARS = 300


def annotate_document(task: tuple[str, str, str | None, str | None]) -> tuple[str, list[Timex], list[Figure], str]:
    """The per-document layers: times first, then figures (which take their dates from the times),
    in the text and in the title ("Three Dead in Aransas Pass Murder-Suicide"); and a note, empty
    unless the document was annotated in part or not at all, saying why. A layer that fails on one
    document is that document's note, never its batch's failure."""
    doc_id, text, published, title = task
    try:
        timexes = temporal.annotate(text, published)
    except Exception as exc:  # noqa: BLE001 - any failure on one text is named, not fatal
        return doc_id, [], [], _note("times and figures not read", exc)
    try:
        counted = figures.counted_sentences(text)  # once: the note below needs how many there are
        found = figures.extract_document(text, title, timexes, _title_times(title, published), counted=counted)
    except Exception as exc:  # noqa: BLE001
        return doc_id, timexes, [], _note("figures not read", exc)
    note = (f"figures read from the first {figures.MAX_COUNTED_SENTENCES:,} of its {len(counted):,} sentences "
            "with counts" if len(counted) > figures.MAX_COUNTED_SENTENCES else "")
    return doc_id, timexes, found, note


def _note(what: str, exc: Exception) -> str:
    return f"{what}: {type(exc).__name__}: {exc}"[:NOTE_CHARS]


def _title_times(title: str | None, published: str | None) -> list[Timex]:
    return temporal.annotate(title, published) if title else []


def _load_models() -> None:
    figures.load_pipeline()


def annotate(store: Store, workers: int | None = None, progress=None, search: bool = True,
             derived: bool = True) -> int:
    """Annotate every current document that has no annotation yet; returns how many.
    `progress(done, total)` is called after each batch. `search=False` leaves the search indexes
    alone, `derived=False` the events and facts tables (an evaluation's throw-away archive)."""
    if search:
        store.index_for_search()
    pending = store.unannotated()
    if not pending:
        infer_publication_dates(store)
        if derived:
            store_events(store)
        if search:
            store.sync_search()
        return 0
    if progress:
        progress(0, len(pending))
    with worker_pool(default_workers() if workers is None else workers, _load_models) as pool:
        for start in range(0, len(pending), BATCH):
            tasks = [(d.id, d.text, d.published, d.title) for d in pending[start:start + BATCH]]
            results = pool.map(annotate_document, tasks, chunksize=8) if pool else map(annotate_document, tasks)
            store.add_annotations(list(results))
            if progress:
                progress(min(start + BATCH, len(pending)), len(pending))
    infer_publication_dates(store)
    if derived:
        store_events(store)
    # Last, with the workers gone (they would inherit the indexer's memory) and the inferred dates known.
    if search:
        store.sync_search()
    return len(pending)


def store_events(store: Store) -> None:
    """Events, their tolls and the ledger's facts, as tables of the archive (annalist.events)."""
    from .events import ledger

    found, facts, _ = ledger(store)
    store.replace_events(found, facts)


def infer_publication_dates(store: Store) -> int:
    """Date the undated articles from their past anchors and the event date; re-normalise their times."""
    undated = [d for d in store.documents() if d.published is None]
    if not undated:
        return 0
    timexes = by_document(store.timexes())
    corpus_event = temporal.corpus_event_date(timexes)
    inferred = 0
    for doc in undated:
        found = temporal.infer_publication_year(doc.text, timexes.get(doc.id, []), corpus_event)
        if found:
            year = f"{found.year:04d}"
            renormalised = temporal.annotate(doc.text, year)
            store.set_publication(doc.id, year, INFERRED, found.anchor.text, found.evidence, renormalised,
                                  figures.extract_document(doc.text, doc.title, renormalised, _title_times(doc.title, year)))
            inferred += 1
    return inferred
