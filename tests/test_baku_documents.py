"""Ingest of the five real Baku articles, checked field by field against the gold `documents`."""
from __future__ import annotations

from pathlib import Path

import pytest

from annalist.cli import document_json
from annalist.annotate import annotate
from annalist.ingest import ingest


@pytest.fixture
def baku_docs(baku_dir, store) -> dict[str, dict]:
    summary = ingest([baku_dir], store, workers=1)
    assert summary.ingested == 5 and not summary.failed
    annotate(store, workers=1)
    return {Path(d.origin).name: document_json(d) for d in store.documents()}


def test_every_gold_document_is_ingested(baku_docs, baku_gold):
    assert sorted(baku_docs) == sorted(g["file"] for g in baku_gold["documents"])


@pytest.mark.parametrize("field", ["title", "author", "section", "dateline", "noise_lines"])
def test_metadata_field_matches_gold(baku_docs, baku_gold, field):
    for gold in baku_gold["documents"]:
        got = baku_docs[gold["file"]]
        expected = gold.get(field, [] if field == "noise_lines" else None)
        if field == "dateline" and expected is not None:
            expected = {"place": expected["place"], "agency": expected["agency"], "date_text": expected["date_text"]}
        assert got[field] == expected, f"{gold['file']}: {field}"


def test_publication_dates_match_gold(baku_docs, baku_gold):
    for gold in baku_gold["documents"]:
        got = baku_docs[gold["file"]]
        assert (got["published"], got["published_how"]) == (gold["published"], gold["published_how"]), gold["file"]
        if gold["published_how"] == "explicit":
            assert got["published_text"] == gold["published_text"], gold["file"]
        if gold["published_how"] == "inferred":  # the evidence is the anchor phrase the gold names
            assert gold["published_evidence"].startswith(got["published_text"]), gold["file"]
            assert "1990" in got["published_evidence"]


def test_noise_lines_are_gone_from_the_clean_text(baku_docs, store):
    for doc in store.documents():
        for line in doc.noise_lines:
            assert line not in doc.text.split("\n")


def test_clean_text_offsets_point_back_to_the_source(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    for doc in store.documents():
        source = Path(doc.origin).read_text(encoding="utf-8")
        for clean_start, source_start, length in doc.offsets:
            assert doc.text[clean_start:clean_start + length] == source[source_start:source_start + length]


def test_each_seed_is_its_own_source(baku_docs):
    assert len({d["cluster"] for d in baku_docs.values()}) == 5
