"""Present stage: what the archive knows, as a self-contained HTML report, web pages and exports.

Everything shown comes from the stored layers (documents, times, figures) and the
reconcile and timeline stages; every figure and date links to its sentence with the span
marked. Article text is untrusted: Jinja2 autoescapes it, and the only markup built here
(`highlight`) escapes every piece of text it joins. Charts are Vega-Lite specs rendered to
SVG by vl-convert (the Vega renderer, no browser or network needed), so the report opens
from disk with no script of its own beyond a few lines for search-as-you-type in the app.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .events import Event, build_events, incident_of, ledger_facts
from .models import Document, Figure, Timex
from .reconcile import Fact
from .search import snippet_pieces
from .store import Store, by_document, open_store
from .timeline import Entry, archive_timeline, best_entries, chronological

VEGA_LITE = "https://vega.github.io/schema/vega-lite/v5.json"  # a schema id, never fetched
REPORT_DATES = 40  # the best-supported dates a report's timeline shows (`annalist timeline` lists all)


@dataclass
class Archive:
    """Everything the views show, read once from the store."""

    documents: list[Document]
    timexes: dict[str, list[Timex]]
    figures: dict[str, list[Figure]]
    facts: list[Fact]
    undated: list[tuple[str, Figure]]
    timeline: list[Entry]
    events: list[Event]
    fact_events: list[str | None]  # the event of each fact, in the order of `facts`

    @property
    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


def read_archive(store: Store) -> Archive:
    documents = store.documents()
    timexes = by_document(store.timexes())
    pairs = store.figures()
    figures = by_document(pairs)
    events = build_events(documents, timexes, figures)
    fact_events, undated = ledger_facts(documents, pairs, events)
    return Archive(documents, timexes, figures, [f for f, _ in fact_events], undated,
                   archive_timeline(documents, timexes, event_of=incident_of(events)), events,
                   [e for _, e in fact_events])


def facts_json(archive: Archive) -> list[dict]:
    return [fact_json(f, e) for f, e in zip(archive.facts, archive.fact_events)]


def event_json(event: Event) -> dict:
    """The `events --json` shape: tolls keyed by measure; a measure absent means the text states none."""
    return event.to_dict()


# --- marking spans in untrusted text ---------------------------------------------------------

def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """`text` with each (start, end, css class, title) span wrapped in <mark>; every piece escaped.
    Overlapping spans keep the first."""
    pieces, cursor = [], 0
    for start, end, kind, title in sorted(spans):
        if start < cursor or end <= start:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(Markup('<mark class="{}" title="{}">{}</mark>').format(kind, title, text[start:end]))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return Markup("").join(pieces)


def snippet_marks(snippet: str) -> Markup:
    """A search snippet with its ⟦matched⟧ words in <mark>, the rest escaped."""
    return Markup("").join(Markup("<mark>{}</mark>").format(text) if matched else escape(text)
                           for text, matched in snippet_pieces(snippet))


def sentence_with_span(span: dict) -> Markup:
    """A figure's sentence with its span marked (spans store the sentence and the span text)."""
    sentence, marked = span["sentence"], span["span"]
    at = sentence.find(marked)
    return highlight(sentence, [(at, at + len(marked), "figure", "")] if at >= 0 else [])


def document_marks(doc: Document, timexes: list[Timex], figures: list[Figure], entities=()) -> Markup:
    spans = [(f.start, f.end, "figure", f"{f.measure} {f.qualifier} {f.value if f.value is not None else ''}")
             for f in figures if f.part == "text"]  # a title's figures index the title
    spans += [(t.start, t.end, "date", f"{t.type} {t.value}") for t in timexes]
    spans += [(s, e, "entity", label) for s, e, label in entities]
    return highlight(doc.text, spans)


# --- charts ------------------------------------------------------------------------------------

def chart_svg(spec: dict) -> Markup:
    """A Vega-Lite spec rendered to SVG. The data passed in are dates, counts and measure names;
    vl-convert escapes them as SVG text."""
    import vl_convert

    return Markup(vl_convert.vegalite_to_svg({"$schema": VEGA_LITE, **spec}))


def timeline_chart(entries: list[Entry]) -> Markup | None:
    rows = [{"date": _chart_date(e.date), "sources": len(e.sources), "granularity": e.granularity} for e in entries]
    if not rows:
        return None
    return chart_svg({"width": 760, "height": 180, "data": {"values": rows},
                      "mark": {"type": "circle", "opacity": 0.8},
                      "encoding": {"x": {"field": "date", "type": "temporal", "title": "date"},
                                   "y": {"field": "sources", "type": "quantitative", "title": "sources"},
                                   "size": {"field": "sources", "type": "quantitative", "legend": None},
                                   "color": {"field": "granularity", "type": "nominal"}}})


TOLLS_IN_CHART = 8


def tolls_chart(facts: list[Fact]) -> Markup | None:
    """How the tolls reported most often evolved (the ledger lists every one)."""
    evolving = [f for f in facts if len({p["value"] for p in f.series}) > 1]
    shown = sorted(evolving, key=lambda f: -len(f.series))[:TOLLS_IN_CHART]
    rows = [{"reported": p["reported"][:10], "value": p["value"], "fact": fact_label(f)}
            for f in shown for p in f.series if len(p["reported"]) >= 10]
    if not rows:
        return None
    return chart_svg({"width": 760, "height": 240, "data": {"values": rows},
                      "mark": {"type": "line", "point": True},
                      "encoding": {"x": {"field": "reported", "type": "temporal", "title": "report date"},
                                   "y": {"field": "value", "type": "quantitative", "title": "people",
                                         "scale": {"type": "symlog"}},
                                   "color": {"field": "fact", "type": "nominal", "title": "fact"}}})


def _chart_date(value: str) -> str:
    """An ISO date for the chart: a month or year at its first day; a year before the common era in
    ISO 8601's expanded form, which counts a year 0 (490 BC is -000489)."""
    year, month, day = chronological(value)
    if year < 0:
        return f"-{-year - 1:06d}-{month or 1:02d}-{day or 1:02d}"
    return value if len(value) == 10 else value + ("-01" if len(value) == 7 else "-01-01")


def fact_label(fact: Fact) -> str:
    places = sorted({v.where for v in fact.values if v.where})
    return f"{fact.measure} {fact.event_date}" + (f" ({', '.join(places)})" if places else "")


# --- the --json shapes (a contract: add fields, never rename) -------------------------------

def figure_json(doc_id: str, f) -> dict:
    return {"doc": doc_id, "measure": f.measure, "value": f.value, "qualifier": f.qualifier, "low": f.low,
            "high": f.high, "vague": f.vague, "who": f.who, "where": f.where, "when": f.when, "start": f.start,
            "end": f.end, "span": f.span, "sentence": f.sentence, "implicit": f.implicit, "role": f.role,
            "part": f.part}


def fact_json(fact, event: str | None = None) -> dict:
    return {"measure": fact.measure, "event": event, "event_date": fact.event_date, "status": fact.status, "low": fact.low,
            "best": fact.best, "high": fact.high, "reasons": fact.reasons, "sources": fact.sources,
            "values": [{"value": v.value, "low": v.low, "high": v.high, "qualifier": v.qualifier, "where": v.where,
                        "sources": v.source_documents, "documents": v.documents, "spans": v.spans}
                       for v in fact.values],
            "series": fact.series, "latest": fact.series[-1] if fact.series else None}


# --- the report --------------------------------------------------------------------------------

def environment() -> Environment:
    env = Environment(loader=PackageLoader("annalist", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["sentence_with_span"] = sentence_with_span
    env.filters["short"] = lambda doc_id: doc_id[:8]
    env.filters["snippet_marks"] = snippet_marks
    env.globals["fact_label"] = fact_label
    env.globals["doc_href"] = lambda doc_id: f"#doc-{doc_id}"  # the web app links to /doc/<id> instead
    return env


def overview(archive: Archive) -> dict:
    dates = sorted((e.date for e in archive.timeline), key=chronological)
    return {"documents": len(archive.documents),
            "sources": len({d.cluster or d.id for d in archive.documents}),
            "copies": sum(1 for d in archive.documents if d.cluster and d.cluster != d.id),
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "figures": sum(len(f) for f in archive.figures.values()),
            "conflicts": sum(1 for f in archive.facts if f.status == "conflict")}


def render_report(archive: Archive, title: str = "annalist report", dates: int = REPORT_DATES) -> str:
    """The report; its timeline shows the `dates` best-supported dates, the overview covers them all."""
    timeline = best_entries(archive.timeline, dates)
    return environment().get_template("report.html").render(
        title=title, archive=archive, overview=overview(archive), docs=archive.by_id, timeline=timeline,
        timeline_chart=timeline_chart(timeline), tolls_chart=tolls_chart(archive.facts),
        marked={d.id: document_marks(d, archive.timexes.get(d.id, []), archive.figures.get(d.id, []))
                for d in archive.documents})


def write_report(db: str | Path, out: Path, dates: int = REPORT_DATES) -> Path:
    store = open_store(db, read_only=True)
    try:
        archive = read_archive(store)
    finally:
        store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(archive, dates=dates), encoding="utf-8")
    return out


# --- exports -----------------------------------------------------------------------------------

def export_rows(archive: Archive) -> dict[str, list[dict]]:
    """The archive as tables: documents, figures, facts, timeline and events, in their --json shapes."""
    documents = [{k: v for k, v in d.to_dict().items() if k not in ("offsets",)} for d in archive.documents]
    figures = [figure_json(doc_id, f) for doc_id, fs in archive.figures.items() for f in fs]
    timeline = [e.to_dict() for e in archive.timeline]
    timexes = [{"doc": doc_id, **t.to_dict()} for doc_id, ts in archive.timexes.items() for t in ts]
    return {"documents": documents, "figures": figures, "facts": facts_json(archive), "timeline": timeline,
            "events": [event_json(e) for e in archive.events], "timexes": timexes}


def write_exports(archive: Archive, folder: Path, fmt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in export_rows(archive).items():
        path = folder / f"{name}.{fmt}"
        if fmt == "json":
            path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        elif fmt == "jsonl":
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        else:
            path.write_text(_csv(rows), encoding="utf-8")
        written.append(path)
    return written


def csv_safe(value):
    """A cell a spreadsheet will not run: text from an article that starts like a formula ("=HYPERLINK(…",
    "+1", "@SUM", "-2+3") is written with a leading apostrophe (the OWASP CSV-injection advice)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(rows: list[dict]) -> str:
    """Nested values (lists, dicts) are written as JSON in their cell; text cells are `csv_safe`."""
    buffer = io.StringIO()
    columns = list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_safe(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                         for k, v in row.items()})
    return buffer.getvalue()
