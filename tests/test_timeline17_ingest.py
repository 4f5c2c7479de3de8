"""Printed dates read from real Timeline17 pages agree with the dataset's own publication dates."""
from __future__ import annotations

from pathlib import Path

import pytest

from annalist.ingest import ingest


@pytest.mark.slow
def test_printed_dates_agree_with_timeline17_folders(timeline17_dir, store):
    topics = [timeline17_dir / t / "InputDocs" for t in ("LibyaWar_reuters", "MJ_bbc", "EgyptianProtest_cnn")]
    ingest(topics, store)
    docs = store.documents()
    explicit = [d for d in docs if d.published_how == "explicit"]
    assert len(explicit) >= 100, "printed timestamps (Reuters, BBC) should be read"
    folder_date = {d.id: Path(d.origin).parent.name for d in docs}
    disagree = [(d.origin, d.published, d.published_text) for d in explicit if d.published != folder_date[d.id]]
    assert disagree == []
    # every other page is dated by its folder, and says so
    assert all(d.published == folder_date[d.id] and d.published_evidence.startswith("folder")
               for d in docs if d.published_how == "metadata")
    assert {d.published_how for d in docs} <= {"explicit", "metadata"}
