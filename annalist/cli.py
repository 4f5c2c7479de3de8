"""annalist's command line: a thin Typer layer over the library API."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape as _markup_escape

from . import annotate as annotate_stage
from . import ingest as ingest_stage
from .models import Document
from .present import csv_safe, fact_json, figure_json
from .store import ArchiveError, Store, by_document, is_postgres, open_store

# Control characters in an article's title or text (ESC sequences can move the cursor, retitle the terminal,
# hide lines) are dropped before anything reaches the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """Text from an article, safe to print: rich markup escaped, control characters removed."""
    return _markup_escape(_CONTROL.sub("", text))


app = typer.Typer(help="Turn a pile of news articles about one event into a sourced record of it.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True, soft_wrap=True)  # a message or record is one line, however narrow the terminal or pipe
out = Console(soft_wrap=True)

EXIT_OK = 0
EXIT_SOME_FAILED = 3  # the run finished, but some inputs could not be ingested (listed in the summary)

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"annalist {version('annalist')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print annalist's version and exit.")] = False,
) -> None:
    """Turn a pile of news articles about events into a sourced record of them."""


DbOption = Annotated[str, typer.Option("--db", help="The archive `annalist ingest` writes: a SQLite file, or a PostgreSQL URL "
                                             "(postgresql://user@host/database).")]
NewDbOption = Annotated[str, typer.Option("--db", help="The archive: a SQLite file (created if missing), or a PostgreSQL URL "
                                                "(postgresql://user@host/database; its tables are created if missing).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
DocOption = Annotated[str | None, typer.Option("--doc", help="Only this document (id or id prefix).")]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively) of .txt, .html, .warc(.gz), .jsonl.")],
    db: NewDbOption = "annalist.db",
    as_json: JsonOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Largest single article (or JSONL line, WARC record) to accept, in MB.")] = 10.0,
    run_annotate: Annotated[bool, typer.Option("--annotate/--no-annotate", help="Then run the annotate stage (times, figures, inferred publication dates, search index).")] = True,
    engine: Annotated[str, typer.Option("--engine", help="local (a process pool) or spark (Apache Spark; needs a PostgreSQL --db).")] = "local",
    master: Annotated[str, typer.Option("--master", help="With --engine spark: the Spark master, local[N] or spark://host:7077.")] = "local[2]",
) -> None:
    """Ingest articles into the archive: clean text, metadata, publication dates, syndication clusters.

    Re-ingesting the same files adds nothing; a changed file becomes a new version.
    Exit codes: 0 all inputs ingested, 3 some inputs failed (each named with its reason), 2 usage error.
    """
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        err.print("no such file or folder: " + ", ".join(escape(str(p)) for p in missing))
        raise typer.Exit(2)
    if engine not in ("local", "spark"):
        err.print(f"unknown engine {escape(engine)!r}: use local or spark")
        raise typer.Exit(2)
    if engine == "spark":
        return _ingest_on_spark(paths, db, master, int(max_mb * 1e6), run_annotate, as_json, quiet)
    store = _open(db)
    try:
        show = not (quiet or as_json)
        with store.sole_writer(lambda: _say_waiting(db)), ingest_stage.interrupts_stop_at_once():
            summary = _run_ingest(store, paths, int(max_mb * 1e6), show_progress=show)
            if run_annotate:
                _with_progress("annotating", show, lambda progress: annotate_stage.annotate(store, progress=progress))
        notes = store.annotation_notes()
    finally:
        store.close()
    if as_json:
        print(json.dumps({**summary.to_dict(), "annotation_notes": _notes_json(notes)}, ensure_ascii=False))
    elif not quiet:
        _print_summary(summary, db)
        _print_notes(notes)
    raise typer.Exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


def _say_waiting(db: str) -> None:
    err.print(f"another annalist run is writing to {escape(db)}; waiting for it to finish")


def _ingest_on_spark(paths: list[Path], db: str, master: str, max_bytes: int, run_annotate: bool, as_json: bool,
                     quiet: bool) -> None:
    from .engine_spark import EngineError
    from .engine_spark import ingest as spark_ingest

    if not is_postgres(db):
        err.print("--engine spark writes into PostgreSQL: give --db postgresql://user@host/database")
        raise typer.Exit(2)
    _open(db).close()  # a PostgreSQL archive that cannot be reached is a message, not a Spark job
    try:
        summary = spark_ingest([str(p) for p in paths], db, master=master, max_bytes=max_bytes, annotate=run_annotate)
    except EngineError as exc:
        err.print(escape(str(exc)))
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    elif not quiet:
        _print_summary(summary, db)
    raise typer.Exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


def _run_ingest(store: Store, paths: list[Path], max_bytes: int, show_progress: bool):
    return _with_progress("ingesting", show_progress,
                          lambda progress: ingest_stage.ingest(paths, store, max_bytes, progress=progress))


def _with_progress(label: str, show: bool, work):
    """Run work(progress) with a rich progress bar on a terminal, silently otherwise."""
    if not (show and err.is_terminal):
        return work(None)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=None)
        return work(lambda done, total: bar.update(task, completed=done, total=total))


SKIPPED_SHOWN = 20  # a folder of photos should not flood the terminal


def _print_summary(summary, db: str) -> None:
    err.print(f"[bold]{summary.ingested}[/] ingested, {summary.unchanged} unchanged, "
              f"[{'red' if summary.failed else 'green'}]{len(summary.failed)} failed[/]"
              f"{f', {len(summary.skipped)} skipped' if summary.skipped else ''}; "
              f"archive {db}: {summary.documents} documents, {summary.clusters} independent sources")
    for failure in summary.failed:
        err.print(f"  [red]failed[/] {escape(failure.path)}: {escape(failure.reason)}", highlight=False)
    for skipped in summary.skipped[:SKIPPED_SHOWN]:
        err.print(f"  [yellow]skipped[/] {escape(skipped.path)}: {escape(skipped.reason)}", highlight=False)
    if len(summary.skipped) > SKIPPED_SHOWN:
        err.print(f"  [yellow]skipped[/] {len(summary.skipped) - SKIPPED_SHOWN} more (see --json)")


def document_json(doc: Document) -> dict:
    return {"id": doc.id, "origin": doc.origin, "record": doc.record, "kind": doc.kind, "url": doc.url,
            "publisher": doc.publisher, "title": doc.title, "author": doc.author, "section": doc.section,
            "dateline": ingest_stage.dateline_dict(doc.dateline), "published": doc.published,
            "published_how": doc.published_how, "published_text": doc.published_text,
            "published_evidence": doc.published_evidence, "language": doc.language, "cluster": doc.cluster,
            "version": doc.version, "noise_lines": doc.noise_lines, "chars": len(doc.text)}


@app.command()
def docs(
    db: DbOption = "annalist.db",
    as_json: JsonOption = False,
    all_versions: Annotated[bool, typer.Option("--all-versions", help="Include superseded versions of changed files.")] = False,
) -> None:
    """List the archive's documents with their metadata and syndication cluster."""
    documents = _read(db, lambda store: store.documents(all_versions=all_versions))
    if as_json:
        return _print_json([document_json(d) for d in documents])
    out.print(f"[bold]{len(documents)} documents, {len({d.cluster for d in documents})} independent sources[/]")
    out.print(f"{'id':8}  {'copy of':8}  {'published':10}  {'how':8}  title  [dim](file)[/]", highlight=False)
    for d in documents:
        copy_of = "" if d.cluster in (None, d.id) else d.cluster[:8]
        where = Path(d.origin).name + (f" {d.record}" if d.record else "")
        line = f"{d.id[:8]:8}  {copy_of:8}  {d.published or 'unknown':10}  {d.published_how:8}  {d.title or ''}"
        out.print(escape(line) + f"  [dim]({escape(where)})[/]", highlight=False, overflow="ellipsis", no_wrap=True)


@app.command()
def annotate(db: DbOption = "annalist.db", as_json: JsonOption = False) -> None:
    """Annotate the documents not yet annotated (times, figures; then infer missing publication dates)."""
    def annotate_alone(store: Store) -> tuple[int, list[tuple[str, str]]]:
        with store.sole_writer(lambda: _say_waiting(db)), ingest_stage.interrupts_stop_at_once():
            return annotate_stage.annotate(store), store.annotation_notes()

    count, notes = _read(db, annotate_alone, write=True)
    if as_json:
        print(json.dumps({"annotated": count, "annotation_notes": _notes_json(notes)}, ensure_ascii=False))
    else:
        print(f"{count} documents annotated")
        _print_notes(notes)


def _notes_json(notes: list[tuple[str, str]]) -> list[dict]:
    return [{"doc": doc_id, "note": note} for doc_id, note in notes]


def _print_notes(notes: list[tuple[str, str]]) -> None:
    """The documents annotated in part or not at all, each with its reason."""
    for doc_id, note in notes:
        err.print(f"  [yellow]annotated in part[/] {doc_id[:8]}: {escape(note)}", highlight=False)


@app.command()
def dates(
    db: DbOption = "annalist.db",
    doc: DocOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every temporal expression, normalised against its article's publication date and narrative time."""
    rows = _of_doc(db, lambda store: store.timexes(), doc)
    if as_json:
        return _print_json([{"doc": doc_id, "text": t.text, "start": t.start, "end": t.end, "type": t.type,
                             "value": t.value, "anchor": t.anchor, "rule": t.rule} for doc_id, t in rows])
    for doc_id, t in rows:
        out.print(f"{doc_id[:8]}  {t.start:>6}  {t.type:<8} {t.value:<24} {escape(t.text)}  [dim]({escape(t.anchor)})[/]",
                  highlight=False)


@app.command()
def figures(
    db: DbOption = "annalist.db",
    doc: DocOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every count of people (killed, injured, arrested, missing, displaced, ...) with its sentence."""
    rows = _of_doc(db, lambda store: store.figures(), doc)
    if as_json:
        return _print_json([figure_json(d, f) for d, f in rows])
    for doc_id, f in rows:
        amount = f.value if f.value is not None else (f"{f.low}-{f.high}" if f.low is not None else "?")
        how = ", ".join(x for x in ("implicit" if f.implicit else "", f.role or "", "in the title" if f.part == "title" else "") if x)
        out.print(f"{doc_id[:8]}  {f.measure:<9} {_words(f.qualifier):<9} {str(amount):>8}  {escape(f.span)}  "
                  f"[dim]({escape(f.where or 'place unknown')}, {f.when or 'date unknown'}{', ' + how if how else ''})[/]",
                  highlight=False)


@app.command()
def ledger(
    db: DbOption = "annalist.db",
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="One row per value, as CSV on stdout.")] = False,
) -> None:
    """The figures ledger: one fact per measure and event date, its values with their sources, and conflicts."""
    from .events import ledger as archive_ledger

    _, pairs, undated = _read(db, archive_ledger)
    facts = [f for f, _ in pairs]
    if as_json:
        return _print_json([fact_json(f, event) for f, event in pairs])
    if as_csv:
        _print_ledger_csv(facts)
        return
    for fact in facts:
        colour = {"conflict": "red", "consistent": "green"}.get(fact.status, "yellow")
        out.print(f"[bold]{fact.measure}[/] {fact.event_date}  [{colour}]{_words(fact.status)}[/]  low {_known(fact.low)}  "
                  f"best {_known(fact.best)}  high {_known(fact.high)}  ({fact.sources} independent sources)")
        for v in fact.values:
            amount = v.value if v.value is not None else f"{v.low}-{v.high}"
            out.print(f"    {_words(v.qualifier):<9} {amount!s:>8}  {len(v.sources)} source(s)  "
                      f"{escape(v.where or '')}  [dim]{escape(v.spans[0]['span'])}[/]", highlight=False)
        if len({p["value"] for p in fact.series}) > 1:
            out.print("    by report date: " + " → ".join(f"{p['value']} ({p['reported']})" for p in fact.series)
                      + f"; latest {fact.series[-1]['value']}", highlight=False)
        for reason in fact.reasons:
            out.print(f"    [red]why:[/] {escape(reason)}", highlight=False)
    if undated:
        out.print(f"[dim]{len(undated)} figures whose date the text does not give (see `annalist figures`)[/]")


@app.command()
def events(
    db: DbOption = "annalist.db",
    as_json: JsonOption = False,
) -> None:
    """The incidents: articles grouped by date, place and content, each with its tolls (killed, injured, ...)
    — best / low / high, status, independent sources, victims and suspects, and the sentences behind them."""
    from .events import archive_events

    found = _read(db, archive_events)
    if as_json:
        return _print_json([e.to_dict() for e in found])
    for e in found:
        tolls = "  ".join(f"{m} {_amount(t.best, t.low)} [{_words(t.status)}]" for m, t in e.tolls.items())
        out.print(f"[bold]{e.date or 'date unknown'}[/] [dim]{e.granularity}[/]  {escape(e.place or 'place unknown')}  "
                  f"{len(e.documents)} article(s), {e.sources} source(s)  [dim]{e.id}[/]", highlight=False)
        out.print(f"    {escape(e.title or 'untitled')}", highlight=False)
        out.print(f"    {escape(tolls) if tolls else '[dim]no toll stated[/]'}", highlight=False)
        for t in e.tolls.values():
            for reason in t.reasons:
                out.print(f"    [red]why ({t.measure}):[/] {escape(reason)}", highlight=False)


def _known(value) -> str:
    """A value for people to read: "unknown" where the text does not say."""
    return "unknown" if value is None else str(value)


def _words(code: str) -> str:
    """more_than -> "more than", single_source -> "single source"."""
    return code.replace("_", " ")


def _amount(best: int | None, low: int | None) -> str:
    if best is not None:
        return str(best)
    return f"at least {low}" if low is not None else "unknown"


@app.command()
def timeline(
    db: DbOption = "annalist.db",
    dates: Annotated[int | None, typer.Option("--dates", help="Keep the N best-supported entries (default: all).")] = None,
    per_date: Annotated[int, typer.Option("--per-date", help="Sentences summarising each date.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Dated events merged across sources: each event with its date, title, summary, sources and sentence spans
    (two events of one day are two entries)."""
    from .events import build_events, incident_of
    from .timeline import archive_timeline

    def read(store: Store):
        documents, timexes = store.documents(), by_document(store.timexes())
        events = build_events(documents, timexes, by_document(store.figures()))
        return archive_timeline(documents, timexes, dates, per_date, event_of=incident_of(events))

    entries = _read(db, read)
    if as_json:
        return _print_json([e.to_dict() for e in entries])
    for e in entries:
        summary = " ".join(s.text for s in e.summary)
        title = f"[bold]{escape(e.title)}[/] — " if e.title and not summary.startswith(e.title.rstrip("…")) else ""
        out.print(f"[bold]{e.date:<10}[/] [dim]{e.granularity:<5}[/] {len(e.sources)} source(s)  "
                  f"{title}{escape(summary)}", highlight=False)
    if not entries:
        out.print("no dated sentence in the archive: the timeline is empty")


@app.command()
def report(
    db: DbOption = "annalist.db",
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    dates: Annotated[int, typer.Option("--dates", help="Dates the timeline shows: the N best supported.")] = 40,
    as_json: JsonOption = False,
) -> None:
    """Write a self-contained HTML report (opens from disk, no network): overview, ledger, timeline, sources."""
    from .present import write_report

    _require_db(db)
    path = write_report(db, output, dates).resolve()
    if as_json:
        return _print_json({"report": str(path)})
    out.print(f"report written to {path}", highlight=False)


@app.command()
def serve(
    db: DbOption = "annalist.db",
    host: Annotated[str, typer.Option("--host", help="Interface to bind; keep 127.0.0.1 unless others may read the archive.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    as_json: JsonOption = False,
) -> None:
    """Serve the archive as a local web app (report views, live search, document view, JSON API)."""
    from .serve import run

    _require_db(db)
    url = f"http://{host}:{port}/"
    if as_json:  # one line, flushed, for a program that starts the server and waits for its address
        print(json.dumps({"url": url, "openapi": url + "openapi.json"}), flush=True)
    else:
        out.print(f"annalist on {url}  (API schema: /openapi.json)", highlight=False)
    run(db, host, port)


@app.command()
def export(
    db: DbOption = "annalist.db",
    fmt: Annotated[str, typer.Option("--format", help="json | jsonl | csv")] = "json",
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for documents, figures, facts and timeline files.")] = Path("export"),
    as_json: JsonOption = False,
) -> None:
    """Export documents, figures, facts, the timeline and the events as JSON, JSON Lines or CSV files."""
    from .present import read_archive, write_exports

    if fmt not in ("json", "jsonl", "csv"):
        err.print(f"unknown format {fmt!r}: use json, jsonl or csv")
        raise typer.Exit(2)
    paths = write_exports(_read(db, read_archive), output, fmt)
    if as_json:
        return _print_json([str(p) for p in paths])
    for path in paths:
        out.print(str(path), highlight=False)


def _print_ledger_csv(facts) -> None:
    import csv

    writer = csv.writer(sys.stdout)
    writer.writerow(["measure", "event_date", "status", "low", "best", "high", "value", "value_low", "value_high",
                     "qualifier", "where", "independent_sources", "documents", "span"])
    for f in facts:
        for v in f.values:
            writer.writerow([csv_safe(x) for x in (
                f.measure, f.event_date, f.status, f.low, f.best, f.high, v.value, v.low, v.high, v.qualifier,
                v.where or "", len(v.sources), " ".join(v.documents), v.spans[0]["span"])])


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all required), a "quoted phrase", OR, -word, prefix*.')],
    db: DbOption = "annalist.db",
    source: Annotated[str | None, typer.Option("--source", help="Only this publisher, site or folder.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Only this syndication cluster.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many results.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Ranked full-text search (BM25) over the archive, with highlighted snippets."""
    from .search import QueryError, check_options

    try:
        check_options(limit, date_from, date_to)
    except QueryError as exc:
        err.print(escape(str(exc)))
        raise typer.Exit(2) from exc
    hits = _read(db, lambda store: store.search(query, limit, source, date_from, date_to, cluster))
    if as_json:
        return _print_json(hits)
    for hit in hits:
        out.print(f"[bold]{escape(hit['title'] or '(no title)')}[/]  [dim]{hit['id'][:8]} "
                  f"{escape(hit['publisher'] or Path(hit['origin']).name)} {hit['published'] or 'date unknown'}[/]",
                  highlight=False)
        out.print(_marked(hit["snippet"]))
    if not hits:
        out.print("no match")


def _marked(snippet: str):
    """A snippet with its ⟦matches⟧ in bold, as rich Text (article text is never read as markup)."""
    from rich.text import Text

    from .search import snippet_pieces

    text = Text("   ")
    for piece, matched in snippet_pieces(snippet):
        text.append(piece, style="bold yellow" if matched else None)
    return text


eval_app = typer.Typer(help="Measure annalist against gold files.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("time")
def eval_time(
    gold: Annotated[Path, typer.Option("--gold", help="A folder of TimeML .tml files or MEANTIME .xml files.")],
    split: Annotated[str, typer.Option("--split", help="tune | check | all: the half of the documents to score "
                                       "(fixed by name; 'check' is the half set aside).")] = "all",
    as_json: JsonOption = False,
) -> None:
    """TempEval-3 measures of the temporal tagger (extent strict/relaxed, value F1, type accuracy)."""
    from .evaluation import figure_split, read_gold_dir, score_time

    if split not in ("tune", "check", "all"):
        err.print(f"--split must be tune, check or all, not {split!r}")
        raise typer.Exit(2)
    docs = [d for d in read_gold_dir(gold) if split == "all" or figure_split(d.name) == split]
    if not docs:
        err.print(f"no TimeML (.tml) or MEANTIME (.xml) documents under {gold}")
        raise typer.Exit(2)
    _print_scores({"split": split, **score_time(docs)}, as_json)


@eval_app.command("tls")
def eval_tls(
    dataset: Annotated[Path, typer.Option("--dataset", help="Timeline17 folder: one folder per topic with "
                                          "InputDocs/ and timelines/.")],
    folds: Annotated[int, typer.Option("--folds", help="2: also the cross-validated figure, the mean of the two "
                                       "topic folds fixed in the code (the figure to quote).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Timeline summarisation on Timeline17 as news-tls runs it: alignment ROUGE-1/-2 F1 and Date-F1 (tilse)."""
    from .evaluation import read_tls_dataset, score_tls, tls_cross_validated, tls_fold, tls_folds

    if not dataset.is_dir():
        err.print(f"no dataset folder at {dataset}")
        raise typer.Exit(2)
    if folds not in (0, 2):
        err.print("--folds takes 2 (the two topic folds fixed in the code)")
        raise typer.Exit(2)
    topics = read_tls_dataset(dataset)
    if folds == 2:  # what is fitted (topic words, longest summary sentence) is chosen on one fold, scored on the other
        scores, cross_validated = tls_cross_validated(topics)
        scores.update(folds=cross_validated, cross_validated=True)
    else:
        scores = score_tls(topics)
        scores["folds"] = tls_folds(scores)
    if as_json:
        return _print_json(scores)
    for row in scores["per_timeline"]:
        out.print(f"{row['topic']:<24} fold {tls_fold(row['topic'])}  AR1-F {row['ar1_f']:.4f}  AR2-F {row['ar2_f']:.4f}  "
                  f"Date-F1 {row['date_f1']:.4f}")
    out.print(f"[bold]mean over {scores['timelines']} timelines[/]  AR1-F {scores['ar1_f']:.4f}  "
              f"AR2-F {scores['ar2_f']:.4f}  Date-F1 {scores['date_f1']:.4f}")
    cv = scores["folds"]["mean"]
    out.print(f"mean of the two folds (A: {scores['folds']['A']['timelines']}, B: {scores['folds']['B']['timelines']} "
              f"timelines)  AR1-F {cv['ar1_f']:.4f}  AR2-F {cv['ar2_f']:.4f}  Date-F1 {cv['date_f1']:.4f}")


@eval_app.command("figures")
def eval_figures(
    gold: Annotated[Path, typer.Option("--gold", help="Gold figures, one JSON object a line (FIGURES_GUIDE.md).")],
    docs: Annotated[Path, typer.Option("--docs", help="The documents to read, one path a line, relative to --root.")],
    root: Annotated[Path, typer.Option("--root", help="The folder the gold's doc paths are relative to.")],
    split: Annotated[str, typer.Option("--split", help="tune | check | all: the half of the documents to score "
                                       "(fixed by path; 'check' is the half set aside).")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Precision, recall and F1 of figures: strict (doc, measure, value, low, high, qualifier) and relaxed (doc, value).

    Implicit counts are outside the gold and its scores (FIGURES_GUIDE.md); they are measured by `eval incidents`."""
    from .evaluation import score_figures

    _check_split(split)
    _print_scores(score_figures(gold, docs, root, split=split), as_json)


def _check_split(split: str) -> None:
    if split not in ("tune", "check", "all"):
        err.print(f"--split must be tune, check or all, not {split!r}")
        raise typer.Exit(2)


@eval_app.command("incidents")
def eval_incidents(
    dataset: Annotated[Path, typer.Option("--dataset", help="The GVA coverage folder (gold.jsonl and corpus/).")],
    split: Annotated[str, typer.Option("--split", help="tune | check | all: which half of the incidents "
                                       "(fixed by incident id; 'check' is the half set aside).")] = "all",
    mixed: Annotated[bool, typer.Option("--mixed", help="Also put all incidents of one state and year in one "
                                        "archive and score the grouping into events.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N incidents.")] = None,
    details: Annotated[Path | None, typer.Option("--details", help="Write one JSON line per incident here.")] = None,
    as_json: JsonOption = False,
) -> None:
    """The ledger against the Gun Violence Archive: killed and injured per incident (exact accuracy, accuracy
    where gold > 0, RMSE, no-answer rate) beside the naive baseline; with --mixed, event grouping P/R/F1."""
    from .evaluation_incidents import score_incidents

    _check_split(split)
    if not (dataset / "gold.jsonl").is_file():
        err.print(f"no gold.jsonl under {dataset}")
        raise typer.Exit(2)
    result = score_incidents(dataset, split, limit=limit, mixed=mixed, details=details)
    if as_json:
        return print(json.dumps(result))
    out.print(f"[bold]{result['incidents']} incidents[/] (split {split}, {result['seconds']} s)")
    for part in ("multi_article", "single_article"):
        out.print(f"  {part.replace('_', ' ')}: {result[part]['incidents']} incidents")
        for measure in ("killed", "injured"):
            b = result[part][measure]
            out.print(f"    {measure:<8} accuracy {b['accuracy']}  where gold > 0 {b['accuracy_gold_pos']}  "
                      f"RMSE {b['rmse']}  no answer {b['no_answer']}   naive baseline {b['baseline_accuracy']}")
            out.print("             by toll status: " + ", ".join(
                f"{status} {v['accuracy']} ({v['incidents']})" for status, v in b["by_status"].items() if v["incidents"]))
        s = result[part]["split_into_events"]
        if s["incidents"]:
            out.print(f"    articles of one incident in several events: {s['incidents']} incidents, "
                      f"killed accuracy {s['killed']}, injured {s['injured']}")
        d = result[part]["date"]
        out.print(f"    {'date':<8} accuracy {d['accuracy']}  within a day {d['within_a_day']}")
    if result["grouping"]:
        g = result["grouping"]
        out.print(f"  mixed archives: {g['archives']} archives, {g['incidents']} incidents; grouping P {g['p']} "
                  f"R {g['r']} F1 {g['f1']}; killed accuracy {g['killed']['accuracy']}, injured {g['injured']['accuracy']}")


def _print_scores(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        out.print(f"{key:>20}  {value}")


def _of_doc(db: str, read, doc: str | None) -> list:
    """(doc id, item) rows of the documents whose id starts with `doc` (all when None); a `doc` that
    names no document of the archive is a usage error (exit 2), not an empty answer."""
    ids, rows = _read(db, lambda store: (store.current_ids(), read(store)))
    if doc is not None and not any(i.startswith(doc) for i in ids):
        err.print(f"no document of {db} has an id starting with {escape(doc)!r} (see `annalist docs --db {db}`)")
        raise typer.Exit(2)
    return [(d, item) for d, item in rows if doc is None or d.startswith(doc)]


def _read(db: str, read, write: bool = False):
    """Open the archive (read-only unless `write`), read from it, close it."""
    _require_db(db)
    store = _open(db, read_only=not write)
    try:
        return read(store)
    finally:
        store.close()


def _open(db: str, read_only: bool = False) -> Store:
    """The archive, or a message and exit 2 when the file is not one (not SQLite, another program's)
    or the PostgreSQL server cannot be reached."""
    try:
        return open_store(db, read_only=read_only)
    except ArchiveError as exc:
        err.print(escape(str(exc)))
        raise typer.Exit(2) from None


def _print_json(rows) -> None:
    print(json.dumps(rows, ensure_ascii=False, indent=1))


def _require_db(db: str) -> None:
    """An existing annalist archive, or a message and exit 2 (report and serve check before they start)."""
    if not is_postgres(db) and not Path(db).exists():
        err.print(f"no archive at {db}: run `annalist ingest PATH --db {db}` first")
        raise typer.Exit(2)
    _open(db, read_only=True).close()


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
