"""Shared fixtures. Real articles and gold files live in ../shared, outside the repo.

A test that needs them skips with a clear message when they are absent, except
under CI=true, where their absence is a failure.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ANNALIST_SHARED", REPO.parent / "shared"))


def need_shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        message = f"{path} is missing: put the project's shared/ folder beside the repo (or set ANNALIST_SHARED)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def baku_dir() -> Path:
    return need_shared("corpora/baku-1990")


@pytest.fixture
def baku_gold() -> dict:
    return json.loads(need_shared("gold/baku-1990.json").read_text())


@pytest.fixture
def timeline17_dir() -> Path:
    return need_shared("datasets/timeline17")


@pytest.fixture
def gvc_dir() -> Path:
    return need_shared("datasets/gvc")


def gvc_articles(gvc_dir: Path):
    """Every article of GVA's coverage (datasets/gvc/corpus/<incident>.jsonl), incident by incident."""
    import json

    for path in sorted((gvc_dir / "corpus").glob("*.jsonl")):
        yield from map(json.loads, path.read_text(encoding="utf-8").splitlines())


@pytest.fixture
def store(tmp_path):
    from annalist.store import Store

    s = Store(tmp_path / "archive.db")
    yield s
    s.close()
