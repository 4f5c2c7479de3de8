"""The local web app: the report's views read live from the archive, search as you type, a document
view marking figures, dates and named entities, and a JSON API (OpenAPI schema at /openapi.json).
Binds to 127.0.0.1 unless told otherwise: the archive holds whatever was ingested.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from . import present
from .models import Document
from .store import open_store

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
PAGE_SIZE = 50  # rows per page of a view: an archive of thousands of articles is not one endless page
OVERVIEW_EVENTS = 10


def create_app(db: str | Path, allowed_hosts: frozenset[str] = LOOPBACK_NAMES) -> FastAPI:
    """The web app; it answers only requests whose Host header names one of `allowed_hosts` (with any
    port): a page on another site that rebinds its DNS name to 127.0.0.1 cannot read the archive."""
    # No /docs page: FastAPI's would load Swagger UI from a CDN, and annalist runs offline.
    app = FastAPI(title="annalist", description="A sourced record of the events in one archive of news articles.",
                  docs_url=None, redoc_url=None)
    env = present.environment()
    env.globals["doc_href"] = lambda doc_id: f"/doc/{doc_id}"

    @app.middleware("http")
    async def content_security_policy(request, call_next):
        """Scripts only from this app's own files: an article's text that slipped past escaping could not run;
        no framing by other sites, no <base> or form redirection; only the Host names the app serves."""
        host = request.headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if name not in allowed_hosts:
            return Response(f"unexpected Host header {host!r}: annalist serves {', '.join(sorted(allowed_hosts))}",
                            status_code=400, media_type="text/plain")
        head = request.method == "HEAD"
        if head:  # HEAD is GET without the body (FastAPI's GET routes answer it 405 otherwise)
            request.scope["method"] = "GET"
        response = await call_next(request)
        if head:
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            response = Response(status_code=response.status_code, headers=headers)
        response.headers["Content-Security-Policy"] = ("default-src 'self'; script-src 'self'; "
                                                       "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                                       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        return response

    @app.get("/assets/search.js", include_in_schema=False)
    def search_script() -> Response:
        return Response(env.loader.get_source(env, "search.js")[0], media_type="text/javascript")

    cached: dict[tuple, present.Archive] = {}
    building = threading.Lock()

    def archive() -> present.Archive:
        """The archive's views, read again only when its content has changed (_file_state): building
        the ledger and timeline of thousands of articles takes seconds, a page should not. Requests
        that arrive while they are built wait for that one build rather than each starting another."""
        key = _file_state(db)
        if key in cached:
            return cached[key]
        with building:
            if key not in cached:
                store = open_store(db, read_only=True)
                try:
                    views = present.read_archive(store)
                finally:
                    store.close()
                cached.clear()
                cached[key] = views
            return cached[key]

    def document(doc_id: str) -> tuple[Document, list, list]:
        """The document with this id, or with this id prefix when one alone has it (the CLI prints
        8 characters), with its dates and figures; 404 otherwise. Read from the archive alone: one
        article's page must not wait for the views of the whole archive."""
        store = open_store(db, read_only=True)
        try:
            found = store.documents_with_prefix(doc_id) if doc_id else []
            exact = [d for d in found if d.id == doc_id]
            if not exact and len(found) != 1:
                raise HTTPException(404, f"no document {doc_id}" if not found else f"{doc_id} names {len(found)} documents")
            doc = (exact or found)[0]
            return doc, [t for _, t in store.timexes(doc.id)], [f for _, f in store.figures(doc.id)]
        finally:
            store.close()

    def search(q: str, limit: int, source: str | None, date_from: str | None, date_to: str | None,
               cluster: str | None) -> list[dict]:
        from .search import QueryError, check_options

        try:
            check_options(limit, date_from, date_to)
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc
        store = open_store(db, read_only=True)
        try:
            return store.search(q, limit=limit, source=source, date_from=date_from, date_to=date_to, cluster=cluster)
        finally:
            store.close()

    def view(name: str, heading: str, items: list, page: int, **context) -> str:
        """One page of a view: PAGE_SIZE rows of `items` (page 1 first), with the navigation."""
        pages = max(1, -(-len(items) // PAGE_SIZE))
        if page > pages:
            raise HTTPException(404, f"{heading} has {pages} page(s)")
        data = archive()
        return env.get_template("app_view.html").render(
            view=name, heading=heading, items=items[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], page=page, pages=pages,
            docs=data.by_id, current=f"/{name}" if name != "overview" else "/", **context)

    @app.get("/", response_class=HTMLResponse, summary="Overview: the archive in figures, its main incidents")
    def overview_page() -> str:
        data = archive()
        return view("overview", "Overview", data.events[:OVERVIEW_EVENTS], 1, overview=present.overview(data))

    for name, heading, rows, summary in LIST_VIEWS:
        app.add_api_route(f"/{name}", _list_page(view, name, heading, rows, archive), methods=["GET"],
                          response_class=HTMLResponse, summary=summary)

    @app.get("/report", response_class=HTMLResponse, summary="The whole report on one page (as `annalist report`)")
    def report_page() -> str:
        return present.render_report(archive(), title="annalist")

    @app.get("/search", response_class=HTMLResponse, summary="Live search page")
    def search_page(q: str = "") -> str:
        hits = search(q, 20, None, None, None, None) if q.strip() else []
        return env.get_template("search.html").render(q=q, hits=hits, current="/search")

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, summary="One document with figures, dates, entities marked")
    def document_page(doc_id: str) -> str:
        doc, timexes, figures = document(doc_id)
        marked = present.document_marks(doc, timexes, figures, entities(doc.text))
        return env.get_template("document.html").render(doc=doc, marked=marked)

    @app.get("/api/documents", summary="Current documents (without their text)")
    def api_documents() -> Response:
        return _json([{k: v for k, v in d.to_dict().items() if k not in ("text", "offsets")} for d in archive().documents])

    @app.get("/api/documents/{doc_id}", summary="One document with its text, times and figures")
    def api_document(doc_id: str) -> Response:
        doc, timexes, figures = document(doc_id)
        return _json({**doc.to_dict(), "timexes": [t.to_dict() for t in timexes],
                      "figures": [present.figure_json(doc.id, f) for f in figures]})

    @app.get("/api/figures", summary="Every figure (the `annalist figures --json` shape)")
    def api_figures() -> Response:
        return _json([present.figure_json(doc_id, f) for doc_id, fs in archive().figures.items() for f in fs])

    @app.get("/api/facts", summary="The ledger (the `annalist ledger --json` shape)")
    def api_facts() -> Response:
        return _json(present.facts_json(archive()))

    @app.get("/api/events", summary="The incidents with their tolls (the `annalist events --json` shape)")
    def api_events() -> Response:
        return _json([present.event_json(e) for e in archive().events])

    @app.get("/api/timeline", summary="The timeline (the `annalist timeline --json` shape)")
    def api_timeline() -> Response:
        return _json([e.to_dict() for e in archive().timeline])

    @app.get("/api/search", summary="Ranked full-text search (BM25) with snippets; matches marked ⟦like this⟧")
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(10, ge=1, le=200),
                   source: str | None = None, date_from: str | None = Query(None, alias="from"),
                   date_to: str | None = Query(None, alias="to"), cluster: str | None = None) -> list[dict]:
        return search(q, limit, source, date_from, date_to, cluster)

    return app


# The paged views: path, heading, the archive's rows, what the page shows.
LIST_VIEWS = [("events", "Incidents", lambda a: a.events, "The incidents with their tolls, most reported first"),
              ("ledger", "Figures ledger", lambda a: a.facts, "The figures ledger: each fact with its sources"),
              ("timeline", "Timeline", lambda a: a.timeline, "The timeline, in date order"),
              ("documents", "Documents", lambda a: a.documents, "The articles, in the order they were ingested")]


def _list_page(view, name: str, heading: str, rows, archive):
    def page_of(page: int = Query(1, ge=1)) -> str:
        return view(name, heading, rows(archive()), page)

    return page_of


def _json(data) -> Response:
    """The data as JSON as it stands: the API's shapes are plain dicts and lists already, and FastAPI's
    own encoding walks them again first (the timeline of 293 articles: 42 ms, against 7 ms for the JSON)."""
    return JSONResponse(data)


def _file_state(db: str) -> tuple:
    """What changes when the archive's content does: its last run, how many documents are annotated,
    how many facts and publication dates it holds (the annotate stage rewrites events and facts with
    them). Read from the archive, not from the file's size and time, so that a WAL checkpoint (which
    rewrites the file, not its content) keeps the cached views."""
    store = open_store(db, read_only=True)
    try:
        return tuple(store.db.execute(
            "SELECT (SELECT MAX(id) FROM runs), (SELECT MAX(finished) FROM runs), (SELECT COUNT(*) FROM annotated), "
            "(SELECT COUNT(*) FROM facts), (SELECT COUNT(*) FROM documents WHERE published IS NOT NULL)").fetchone())
    finally:
        store.close()


ENTITY_CHARS = 100_000  # names are marked in a document's first 100,000 characters (a parse of 950 KB took a minute)


@lru_cache(maxsize=256)
def entities(text: str) -> tuple[tuple[int, int, str], ...]:
    """Named entities (spaCy's small English pipeline, the one figures are parsed with) of the text's
    first ENTITY_CHARS characters, read a line at a time: the figures and dates of the rest are
    marked all the same."""
    from .figures import load_pipeline

    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[:ENTITY_CHARS])]
    found = []
    # Names need the entity recogniser alone: without the parser and lemmatizer the same entities come a third sooner.
    for (start, _), doc in zip(lines, load_pipeline().pipe((line for _, line in lines), disable=["parser", "lemmatizer"])):
        found += [(start + e.start_char, start + e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS]
    return tuple(found)


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db, LOOPBACK_NAMES | {host}), host=host, port=port, log_level="warning")
