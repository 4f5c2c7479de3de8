"""Annotate stage: the per-document layers read from the clean text (times, figures) and the
search index.

Runs after ingest over the documents not yet annotated, in the same worker pool
design: `annotate_document` is pure (text and publication date in, timexes and figures out).
Corpus-level steps follow: missing publication dates are inferred from past
anchors and the corpus's event date, and those documents re-annotated.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import NamedTuple

from . import figures, parsing, temporal
from .ingest import default_workers, worker_pool
from .models import INFERRED, Document, Figure, Timex
from .store import Store, by_document

BATCH = 200


NOTE_CHARS = 300


Task = tuple[str, str, "str | None", "str | None"]  # (document id, text, publication date, title)
Annotation = tuple[str, list[Timex], list[Figure], str]  # (document id, timexes, figures, note)

# Documents handed to a worker at once, and the most sentences of them parsed together (the network
# reads them parsing.NETWORK_BATCH at a time): an article with more is parsed by itself.
PARSE_BATCH_DOCUMENTS = 32
PARSE_BATCH_SENTENCES = 256


def annotate_document(task: Task) -> Annotation:
    """The per-document layers: times first, then figures (which take their dates from the times),
    in the text and in the title ("Three Dead in Aransas Pass Murder-Suicide"); and a note, empty
    unless the document was annotated in part or not at all, saying why. A layer that fails on one
    document is that document's note, never its batch's failure."""
    return annotate_documents([task])[0]


def annotate_documents(tasks: list[Task]) -> list[Annotation]:
    """annotate_document of each task, the counted sentences of short documents parsed together, up
    to PARSE_BATCH_SENTENCES at a time: the same parses as each document's alone (the parser reads
    each sentence by itself), with the network's fixed cost shared (5-9% less CPU on Timeline17),
    and no more parses held at once than one batch. Still pure per document."""
    read = [_times_and_inputs(task) for task in tasks]
    annotated: list = [r if not isinstance(r, _Read) else None for r in read]
    batch: list[int] = []  # places of the documents whose sentences are parsed together next

    def parse_batch() -> None:
        for k, result in zip(batch, _parsed_together([read[b] for b in batch])):
            annotated[k] = result
        batch.clear()

    for k, r in enumerate(read):
        if not isinstance(r, _Read):
            continue
        if len(r.inputs) > PARSE_BATCH_SENTENCES:
            annotated[k] = _figures_of(r, None)
            continue
        if sum(len(read[b].inputs) for b in batch) + len(r.inputs) > PARSE_BATCH_SENTENCES:
            parse_batch()
        batch.append(k)
    parse_batch()
    return annotated


def _parsed_together(reads: list["_Read"]) -> list[Annotation]:
    """The figures of documents whose sentences are parsed in one batch."""
    inputs = [text for r in reads for text in r.inputs]
    try:
        parses = iter(list(parsing.parse(figures.load_pipeline(), inputs)) if inputs else [])
    except Exception:  # noqa: BLE001 - one document's sentence broke the batch: each alone, so it is named
        return [_figures_of(r, None) for r in reads]
    return [_figures_of(r, [next(parses) for _ in r.inputs]) for r in reads]


class _Read(NamedTuple):
    """A document's times and what its figures need parsed."""
    task: Task
    timexes: list[Timex]
    title_times: list[Timex]
    counted: list[tuple[int, int]]
    inputs: list[str]


def _times_and_inputs(task: Task) -> "_Read | Annotation":
    doc_id, text, published, title = task
    try:
        timexes = temporal.annotate(text, published)
    except Exception as exc:  # noqa: BLE001 - any failure on one text is named, not fatal
        return doc_id, [], [], _note("times and figures not read", exc)
    try:
        counted = figures.counted_sentences(text)  # once: the note below needs how many there are
        title_times = _title_times(title, published)
        inputs = figures.document_parse_inputs(text, title, counted, timexes, title_times)
        return _Read(task, timexes, title_times, counted, inputs)
    except Exception as exc:  # noqa: BLE001
        return doc_id, timexes, [], _note("figures not read", exc)


def _figures_of(read: _Read, parses: list | None) -> Annotation:
    doc_id, text, _, title = read.task
    try:
        found = figures.extract_document(text, title, read.timexes, read.title_times, counted=read.counted,
                                         parsed=iter(parses) if parses is not None else None)
    except Exception as exc:  # noqa: BLE001
        return doc_id, read.timexes, [], _note("figures not read", exc)
    note = (f"figures read from the first {figures.MAX_COUNTED_SENTENCES:,} of its {len(read.counted):,} sentences "
            "with counts" if len(read.counted) > figures.MAX_COUNTED_SENTENCES else "")
    return doc_id, read.timexes, found, note


def _note(what: str, exc: Exception) -> str:
    return f"{what}: {type(exc).__name__}: {exc}"[:NOTE_CHARS]


def _title_times(title: str | None, published: str | None) -> list[Timex]:
    return temporal.annotate(title, published) if title else []


def _parse_in_workers_only() -> None:
    """Nothing loaded before the workers fork: each worker loads the parser with its first batch, and
    the parent, which parses nothing while they run, never holds it. (Loaded in the parent and shared
    copy-on-write, it counted three times in the summed RSS of a run; and the workers, forked after the
    pending articles were read, counted those too: 971 MB peak on Timeline17 1x.)"""


def annotate(store: Store, workers: int | None = None, progress=None, search: bool = True,
             derived: bool = True) -> int:
    """Annotate every current document that has no annotation yet; returns how many.
    `progress(done, total)` is called after each batch. `search=False` leaves the search indexes
    alone, `derived=False` the events and facts tables (an evaluation's throw-away archive)."""
    if search:
        store.index_for_search()
    with worker_pool(default_workers() if workers is None else workers, _parse_in_workers_only) as pool:
        pending = store.unannotated_ids()  # read after the fork: the workers are sent their articles, not born with all
        if progress and pending:
            progress(0, len(pending))
        batches = (pending[start:start + PARSE_BATCH_DOCUMENTS] for start in range(0, len(pending), PARSE_BATCH_DOCUMENTS))
        done, written = 0, []
        for annotated in _annotated_in_order(pool, store, batches):
            written += annotated
            done += len(annotated)
            if len(written) >= BATCH:
                store.add_annotations(written)
                written = []
                if progress:
                    progress(done, len(pending))
        if written:
            store.add_annotations(written)
            if progress:
                progress(done, len(pending))
        count = len(pending)
    infer_publication_dates(store)
    if derived:
        store_events(store)
    # Last, with the workers gone (they would inherit the indexer's memory) and the inferred dates known.
    if search:
        store.sync_search()
    return count


# Batches sent to the workers ahead of the one written next: the parent holds their articles only.
IN_FLIGHT = 8


def _annotated_in_order(pool, store: Store, batches: Iterator[list[str]]) -> Iterator[list[Annotation]]:
    """annotate_documents of each batch of document ids, in order, each batch's articles read from the
    store as it is sent (read all at once, a 14,000-article archive's pending articles were held in the
    parent through the whole pool: ~100 MB of the run's peak)."""
    def tasks(ids: list[str]) -> list[Task]:
        return [(d.id, d.text, d.published, d.title) for d in store.documents_of(ids)]

    if pool is None:
        yield from (annotate_documents(tasks(ids)) for ids in batches)
        return
    sent: deque = deque()
    for ids in batches:
        sent.append(pool.apply_async(annotate_documents, (tasks(ids),)))
        if len(sent) >= IN_FLIGHT:
            yield sent.popleft().get()
    while sent:
        yield sent.popleft().get()


def store_events(store: Store) -> None:
    """Events, their tolls and the ledger's facts, as tables of the archive (annalist.events)."""
    from .events import ledger

    found, facts, _ = ledger(store)
    store.replace_events(found, facts)


def infer_publication_dates(store: Store) -> int:
    """Date the undated articles from their past anchors and the event date; re-normalise their times."""
    undated = [d.id for d in store.documents(texts=False) if d.published is None]
    if not undated:
        return 0
    # The corpus's event day reads its absolute dates alone, and the undated articles are read with
    # their timexes a slice at a time (the whole archive's texts and timexes at once: this step alone on
    # Timeline17 4x with every tenth article undated peaked at 454 MB, now 215, with the same tables).
    corpus_event = temporal.corpus_event_date(by_document(store.timexes_anchored("absolute")))
    inferred = 0
    for start in range(0, len(undated), INFERRED_AT_ONCE):
        ids = undated[start:start + INFERRED_AT_ONCE]
        inferred += _infer_publication_years(store, store.documents_of(ids), store.timexes_of(ids), corpus_event)
    return inferred


INFERRED_AT_ONCE = 500  # undated articles read with their timexes at once


def _infer_publication_years(store: Store, undated: list[Document], timexes: dict[str, list[Timex]],
                             corpus_event: str | None) -> int:
    """Date each undated article its past anchors date (temporal.infer_publication_year) and store it
    with its layers read again; returns how many were dated."""
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
