"""The report and the web app in a real browser (headless Chromium driven by Playwright), issue 6.

Needs Debian's chromium (`.ci/run` installs it); skips without it, except under CI=true.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAYLOAD = ('Officials met on Monday. <script>window.__xss = "script"</script> The statement ended '
           '<img src=x onerror="window.__xss = \'onerror\'"> with a quote.\n')


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Chromium is missing: apt-get install chromium (as .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """baku-1990 plus one article whose text carries script payloads."""
    from conftest import need_shared

    folder = tmp_path_factory.mktemp("corpus")
    for path in need_shared("corpora/baku-1990").iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "payload.txt").write_text('<script>window.__xss = "title"</script> A hostile title\n\n' + PAYLOAD)
    db = folder.parent / "archive.db"
    assert run("ingest", str(folder), "--db", str(db), "--quiet").returncode == 0
    docs = {Path(d["origin"]).name: d for d in json.loads(run("docs", "--db", str(db), "--json").stdout)}
    report = folder.parent / "report.html"
    assert run("report", "--db", str(db), "-o", str(report)).returncode == 0
    return db, docs, report


@pytest.fixture(scope="module")
def app_url(archive):
    db = archive[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "annalist.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/openapi.json", timeout=1)
            break
        except OSError:
            time.sleep(0.25)
    yield url
    server.terminate()
    server.wait(10)


def new_page(browser):
    page = browser.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran: {dialog.message}"))
    return page


def test_report_shows_the_killed_conflict_with_its_sources(browser, archive):
    _, docs, report = archive
    page = new_page(browser)
    page.goto(report.as_uri())
    row = page.locator("table.ledger tr.conflict", has_text="killed")
    assert row.count() == 1
    text = row.inner_text()
    assert "137" in text and "150" in text and "stated for Baku" in text
    # 150 comes from two independent sources, 137 from one
    assert row.locator("summary", has_text="150 (exact) — 2 source(s)").count() == 1
    assert row.locator("summary", has_text="137 (exact, Baku) — 1 source(s)").count() == 1


def test_clicking_a_figure_reveals_its_sentence_with_the_span_marked(browser, archive):
    page = new_page(browser)
    page.goto(archive[2].as_uri())
    figure = page.locator("table.ledger tr.conflict details", has_text="137 (exact, Baku)")
    quote = figure.locator("blockquote").first
    assert not quote.is_visible()
    figure.locator("summary").click()
    assert quote.is_visible() and "137 civil citizens were killed in Baku" in quote.inner_text()
    assert quote.locator("mark.figure").inner_text().startswith("137")


@pytest.mark.parametrize("where", ["report", "app"])
def test_incidents_view_shows_the_event_and_its_tolls(browser, archive, app_url, where):
    """The Baku articles are one incident of 1990-01-20; its killed toll opens to its sentences."""
    page = new_page(browser)
    page.goto(archive[2].as_uri() if where == "report" else app_url + "/")
    row = page.locator("table.events tr", has_text="1990-01-20")
    assert row.count() == 1 and "Baku" in row.inner_text()
    killed = row.locator("td").nth(4)
    assert killed.locator("summary").inner_text().startswith("150")
    killed.locator("summary").click()
    quotes = killed.locator("blockquote")
    assert quotes.count() >= 3 and quotes.first.is_visible() and quotes.locator("mark.figure").count() >= 3


def test_report_is_self_contained(archive):
    html = archive[2].read_text()
    assert "<svg" in html  # charts are inline SVG
    assert not any(f'{attr}="http' in html for attr in ("src", "href"))  # no external resource or link


def test_live_search_finds_milli_majlis(browser, archive, app_url):
    docs = archive[1]
    page = new_page(browser)
    page.goto(app_url + "/search")
    page.fill("#q", "Milli Majlis")
    page.locator("#hits .hit a").first.wait_for()
    assert page.locator("#hits .hit a").first.inner_text() == docs["003_3b20dd5ae30bdddf.txt"]["title"]
    assert page.locator("#hits .hit mark", has_text="Milli").count() >= 1


@pytest.mark.parametrize("where", ["report", "document", "search", "live search"])
def test_script_payloads_in_articles_render_as_text(browser, archive, app_url, where):
    db, docs, report = archive
    payload_id = docs["payload.txt"]["id"]
    page = new_page(browser)
    if where == "report":
        page.goto(report.as_uri())
    elif where == "document":
        page.goto(f"{app_url}/doc/{payload_id}")
    elif where == "search":
        page.goto(f"{app_url}/search?q=hostile")
    else:
        page.goto(app_url + "/search")
        page.fill("#q", "hostile")
        page.locator("#hits .hit").first.wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0 and page.locator("body script", has_text="__xss").count() == 0
    assert "<script>" in page.locator("body").inner_text()


def test_app_pages_run_only_the_apps_own_script(app_url):
    with urllib.request.urlopen(app_url + "/search") as response:
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    schema = json.loads(urllib.request.urlopen(app_url + "/openapi.json").read())
    assert {"/api/facts", "/api/events", "/api/timeline", "/api/search", "/api/documents/{doc_id}"} <= set(schema["paths"])


def test_the_app_is_navigated_from_its_menu(browser, archive, app_url):
    """From the overview, the menu leads to every view, and an article listed opens by its short id."""
    _, docs, _ = archive
    page = new_page(browser)
    page.goto(app_url + "/")
    page.locator("nav a", has_text="figures ledger").click()
    assert page.url.endswith("/ledger") and page.locator("table.ledger tr.conflict", has_text="killed").count() == 1
    page.locator("nav a", has_text="timeline").click()
    assert page.url.endswith("/timeline") and page.locator("table.timeline tr", has_text="1990-01-20").count() >= 1
    page.locator("nav a", has_text="incidents").click()
    assert page.url.endswith("/events") and page.locator("table.events tr", has_text="1990-01-20").count() == 1
    page.locator("nav a", has_text="documents").click()
    assert page.url.endswith("/documents")
    seed = next(d for name, d in docs.items() if name.startswith("001_"))
    page.locator("table a", has_text=seed["title"]).first.click()
    assert page.url.endswith(f"/doc/{seed['id'][:8]}") and page.locator("article.doc h2").inner_text() == seed["title"]
    assert page.locator("mark.figure").count() >= 1
    page.locator("nav a", has_text="search").click()
    assert page.url.endswith("/search") and page.locator("input#q").count() == 1
    page.locator("nav a", has_text="overview").click()
    assert page.url == app_url + "/" and page.locator("div.kpi").count() == 6
