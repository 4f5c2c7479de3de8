"""Typed data passed between annalist's stages.

ingest:  RawArticle (what a reader found) -> Document (what the archive stores).
Every stage takes and returns these plain dataclasses, so the same per-document
functions run in one process, in a multiprocessing pool, or on Spark.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# How a publication date is known.
EXPLICIT = "explicit"  # printed in the article text ("Jan 19, 2022 | 09:51")
METADATA = "metadata"  # from HTML meta tags, a JSONL field, a WARC header or a dated folder
INFERRED = "inferred"  # derived from anchors such as "the 29th anniversary" (time layer)
UNKNOWN = "unknown"


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader found it, before any cleaning."""

    origin: str  # file path or URL
    record: str  # "" for a whole file, "line 12" for JSONL, "offset 4096" for WARC
    kind: str  # txt | html | warc | jsonl
    content: bytes  # the bytes the article came from: hashed for its id, kept compressed
    group: str  # pages that share boilerplate: the site, else the folder
    text: str | None = None  # decoded plain text (txt, jsonl "text")
    html: str | None = None  # decoded HTML (html, warc, jsonl "html")
    meta: dict[str, Any] = field(default_factory=dict)  # title/url/published/source/author given by the input


@dataclass(frozen=True)
class InputFailure:
    """An input (or part of one) that could not be ingested, and why."""

    path: str
    reason: str


@dataclass
class InputSkipped:
    """A file found in an input folder and left out on purpose (another type, a link out of the
    folder), named so that nothing is dropped without a word."""

    path: str
    reason: str


@dataclass(frozen=True)
class Dateline:
    place: str | None
    agency: str | None
    date_text: str | None


@dataclass(frozen=True)
class Timex:
    """A temporal expression in a document's clean text, normalised (TimeML TIMEX3)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value: 1990-01-20, 1994-02, P34Y, XXXX-01-20, PRESENT_REF ...
    anchor: str  # what the value was resolved against: "absolute", "dct 2024-01-20", "narrative 1990-01-20", "none"
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Figure:
    """A count of people stated in a document (see shared/gold/FIGURES_GUIDE.md)."""

    measure: str  # killed | injured | arrested | missing | displaced | infected | affected
    value: int | None  # None for a range or a vague amount
    qualifier: str  # exact | more_than | at_least | about | up_to | range | vague
    low: int | None
    high: int | None
    vague: bool
    who: str | None  # the counted group, as written
    where: str | None  # a place stated in the figure's clause
    when: str | None  # the normalised date the figure refers to
    start: int  # span in the document's clean text
    end: int
    span: str
    sentence: str
    implicit: bool = False  # a count the text gives without a numeral ("a man was shot and killed" is 1)
    role: str | None = None  # victim | suspect | officer, when the text says who was counted
    part: str = "text"  # "text" (spans index the clean text) or "title" (spans index the title)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """One version of one article, cleaned, as stored in the archive."""

    id: str  # content hash of RawArticle.content
    origin: str
    record: str
    kind: str
    group: str
    url: str | None
    publisher: str | None
    title: str | None
    author: str | None
    section: str | None
    dateline: Dateline | None
    published: str | None  # ISO date (YYYY-MM-DD, or YYYY / YYYY-MM when only that is known)
    published_how: str  # explicit | metadata | inferred | unknown
    published_text: str | None  # the text the date was read from
    published_evidence: str | None  # where it came from (a meta tag, a path, an anchor span)
    language: str | None
    text: str  # clean text: the input text less its noise lines
    noise_lines: list[str]
    # [clean_start, source_start, length] runs: map an offset in `text` back to the
    # decoded source text, so spans stay traceable to what the input said.
    offsets: list[list[int]]
    version: int = 1  # 2, 3, ... when the input at the same origin changed
    cluster: str | None = None  # syndication cluster (id of its first document), set after clustering

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Built:
    """What the per-document ingest function hands to the store."""

    document: Document
    raw: bytes  # the input bytes, kept
    minhash: bytes  # syndication signature
    edge_lines: list[str]  # for boilerplate learning


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    failed: list[InputFailure] = field(default_factory=list)
    skipped: list[InputSkipped] = field(default_factory=list)
    documents: int = 0  # current documents in the archive after the run
    clusters: int = 0  # independent sources (syndication clusters) after the run
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, where the engine times them

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "failed": [asdict(f) for f in self.failed],
            "skipped": [asdict(f) for f in self.skipped],
            "documents": self.documents,
            "clusters": self.clusters,
        } | ({"stages": self.stages} if self.stages else {})
