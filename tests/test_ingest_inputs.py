"""Ingest of every input kind, idempotency, versions and syndication, on the real Baku articles."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from annalist.ingest import ingest


def seed_text(baku_dir: Path, prefix: str) -> str:
    return next(baku_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_reingest_adds_nothing(baku_dir, store):
    first = ingest([baku_dir], store, workers=1)
    again = ingest([baku_dir], store, workers=1)
    assert (first.ingested, again.ingested, again.unchanged) == (5, 0, 5)
    assert store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
    for doc in store.documents():  # nothing is lost: the input bytes are kept as they were
        assert store.raw_content(doc.id) == Path(doc.origin).read_bytes()


def test_changed_file_becomes_a_new_version(baku_dir, store, tmp_path):
    corpus = shutil.copytree(baku_dir, tmp_path / "corpus")
    ingest([corpus], store, workers=1)
    target = next(corpus.glob("004_*.txt"))
    target.write_text(target.read_text(encoding="utf-8").replace("137 civil citizens", "138 civil citizens"))
    summary = ingest([corpus], store, workers=1)
    assert (summary.ingested, summary.unchanged) == (1, 4)
    current = [d for d in store.documents() if d.origin == str(target)]
    every = [d for d in store.documents(all_versions=True) if d.origin == str(target)]
    assert [d.version for d in current] == [2] and "138 civil citizens" in current[0].text
    assert sorted(d.version for d in every) == [1, 2]


def edited_copy(text: str) -> str:
    """A republished copy: another site's header and footer, one sentence changed."""
    body = text.replace("Baku, January 20, AZERTAC", "Baku, January 20 (Caspian Daily)")
    body = body.replace("The day is etched in the history of our nation not only as a tragedy but also as a page of heroism.",
                        "The date is remembered in the nation's history as a tragedy and as a page of heroism.")
    assert body != text
    return "CASPIAN DAILY | World | Login\n" + body + "\n\nCopyright Caspian Daily. Reprinted with permission.\n"


def test_edited_copy_joins_its_seed_cluster(baku_dir, store, tmp_path):
    corpus = shutil.copytree(baku_dir, tmp_path / "corpus")
    (corpus / "republished.txt").write_text(edited_copy(seed_text(baku_dir, "001")), encoding="utf-8")
    summary = ingest([corpus], store, workers=1)
    clusters = {Path(d.origin).name[:3]: d.cluster for d in store.documents()}
    assert summary.documents == 6 and summary.clusters == 5
    assert clusters["rep"] == clusters["001"]
    assert len({clusters[k] for k in ("000", "001", "002", "003", "004")}) == 5


def test_stub_pages_of_one_site_are_copies_only_under_one_headline(gvc_dir, store, tmp_path):
    """Real sign-up stubs ("Close Get email notifications on <reporter> daily! ..."), the whole text some
    pages were archived with: one site's stubs share nearly every 5-gram whatever story they stand for.
    Stubs under other headlines are other stories; a stub archived twice under one headline is one."""
    from annalist.syndication import STUB_WORDS
    from annalist.syndication import _WORD as WORD

    stubs = []
    for path in sorted((gvc_dir / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            if article["source"].startswith("stltoday.com") and len(WORD.findall(article["text"])) < STUB_WORDS \
                    and article["text"].startswith("Close Get email notifications"):
                stubs.append(article)
    headlines = {a["title"] for a in stubs}
    assert len(stubs) >= 10 and len(headlines) < len(stubs)  # the corpus holds one stub archived twice
    archive = tmp_path / "stubs.jsonl"
    archive.write_text("".join(json.dumps(a) + "\n" for a in stubs), encoding="utf-8")
    summary = ingest([archive], store, workers=1)
    assert summary.documents == len(stubs) and summary.clusters == len(headlines)
    cluster_of = {}
    for doc in store.documents():
        assert cluster_of.setdefault(doc.title, doc.cluster) == doc.cluster


def html_page(text: str, title: str) -> str:
    body = [line for line in text.split("\n")[2:] if line.strip() and not line.startswith("Days of sorrow")]
    paragraphs = "".join(f"<p>{line}</p>" for line in body)  # the date is left to the page's metadata
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | AZERTAC</title>
<meta property="article:published_time" content="2024-01-20T11:00:00+04:00"></head><body>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/archive">Search in archive</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer><p>All rights reserved. Search in archive</p></footer></body></html>"""


def test_html_page_gives_main_text_title_and_date(baku_dir, store, tmp_path):
    text = seed_text(baku_dir, "001")
    title = text.split("\n")[0]
    page = tmp_path / "page.html"
    page.write_text(html_page(text, title), encoding="utf-8")
    summary = ingest([page], store, workers=1)
    doc = store.documents()[0]
    assert summary.ingested == 1
    assert doc.title == title
    assert (doc.published, doc.published_how) == ("2024-01-20", "metadata")
    assert "150 civilians were killed" in doc.text
    assert "Search in archive" not in doc.text and "Politics" not in doc.text


def test_a_page_nested_deeper_than_the_parser_reads_keeps_its_article(baku_dir, store, tmp_path):
    """libxml2 stops at 256 nested elements; a real article inside 400 layout divs is still read."""
    text = seed_text(baku_dir, "001")
    title = text.split("\n")[0]
    page = html_page(text, title).replace("<article>", "<div>" * 400 + "<article>").replace("</article>", "</article>" + "</div>" * 400)
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    summary = ingest([tmp_path / "deep.html"], store, workers=1)
    assert summary.ingested == 1 and not summary.failed
    assert "150 civilians were killed" in store.documents()[0].text


def warc_bytes(pages: list[tuple[str, str]], gzip: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


def seed_pages(baku_dir: Path) -> list[tuple[str, str]]:
    pages = []
    for number in ("001", "003", "004"):
        text = seed_text(baku_dir, number)
        pages.append((f"https://news.example.org/{number}", html_page(text, text.split("\n")[0])))
    return pages


def test_warc_records_are_ingested(baku_dir, store, tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes(seed_pages(baku_dir)))
    summary = ingest([archive], store, workers=1)
    assert summary.ingested == 3 and not summary.failed
    assert {d.url for d in store.documents()} == {f"https://news.example.org/{n}" for n in ("001", "003", "004")}


def test_truncated_warc_keeps_its_complete_records(baku_dir, store, tmp_path):
    data = warc_bytes(seed_pages(baku_dir))
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(data[: len(data) - 200])
    summary = ingest([archive], store, workers=1)
    assert summary.ingested == 2
    assert len(summary.failed) == 1 and "truncated" in summary.failed[0].reason


def _read(items) -> list[tuple]:
    return [(type(i).__name__, getattr(i, "record", None), getattr(i, "origin", None), getattr(i, "content", None),
             getattr(i, "reason", None)) for i in items]


@pytest.mark.parametrize("kind", ["gzipped by record", "plain", "gzipped whole", "cut"])
def test_a_warc_read_in_ranges_gives_what_one_reader_gives(baku_dir, tmp_path, kind):
    """On Spark a large WARC is read by several tasks, each from the first record that starts in its
    byte range (sources.warc_ranges, read_warc_range): together they read every record once, with
    the offsets, contents and failures of the whole-file reader."""
    import gzip as gzip_module

    from annalist import sources

    pages = seed_pages(baku_dir) * 4
    data = warc_bytes(pages, gzip=kind != "plain")
    if kind == "gzipped whole":
        data = gzip_module.compress(warc_bytes(pages, gzip=False))
    if kind == "cut":
        data = data[: len(data) - 200]
    archive = tmp_path / ("crawl.warc" if kind == "plain" else "crawl.warc.gz")
    archive.write_bytes(data)
    whole = _read(sources.read_warc(archive, "warc", "g", sources.DEFAULT_MAX_BYTES))
    ranges = sources.warc_ranges(archive, size=len(data) // 5)
    assert len(ranges) == (1 if kind == "gzipped whole" else 6 if len(data) % 5 else 5)
    in_ranges = _read(item for start, end in ranges for item in sources.read_warc_range(archive, start, end, "g"))
    assert in_ranges == whole
    assert sum(1 for item in whole if item[0] == "RawArticle") == (11 if kind == "cut" else 12)


def test_jsonl_articles_and_a_malformed_line(baku_dir, store, tmp_path):
    lines = [json.dumps({"text": seed_text(baku_dir, n), "source": "AZERTAC", "published": "2024-01-20",
                         "url": f"https://azertac.example/{n}"}) for n in ("003", "004")]
    lines.insert(1, '{"text": "cut off in the mid')
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest([feed], store, workers=1)
    assert summary.ingested == 2
    assert [f.path for f in summary.failed] == [f"{feed}:2"]
    assert {d.publisher for d in store.documents()} == {"AZERTAC"}
    assert {(d.published, d.published_how) for d in store.documents()} == {("2024-01-20", "metadata")}


def test_parallel_ingest_stores_the_same_documents(baku_dir, tmp_path):
    from annalist.store import Store

    results = []
    for workers in (1, 2):
        store = Store(tmp_path / f"w{workers}.db")
        ingest([baku_dir], store, workers=workers)
        results.append([(d.id, d.title, d.text, d.cluster) for d in store.documents()])
        store.close()
    assert results[0] == results[1]
