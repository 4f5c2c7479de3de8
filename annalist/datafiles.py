"""The rules that are data (word lists, patterns, fitted weights) live in annalist/data/ as TOML or
JSON; the modules that apply them read them here, once per process."""
from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """annalist/data/NAME parsed (.toml or .json); the same dict on every call, so do not change it."""
    text = files("annalist").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else tomllib.loads(text)
