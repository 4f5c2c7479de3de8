"""Incident-level evaluation on real local-news coverage of US shootings with the Gun Violence
Archive's counts (shared/datasets/gvc; SemEval-2018 Task 5 data).

Per incident: its articles alone in a fresh archive, through the real pipeline (ingest, annotate,
events); the answer is the event with the most documents (ties: most independent sources), its
killed and injured best (else low, else high; no toll = 0), scored against GVA's `killed` and
`injured`, and the event's date against GVA's day of the incident. The naive baseline — the first
number near a casualty word in each article, the most frequent across articles — is scored in the
same run.

Mixed mode puts every incident of one state and year in ONE archive, and scores how documents
were grouped into events (pairwise precision/recall/F1 against GVA's incident ids) and each
incident's tolls (read from the event that holds most of its documents).

The development incidents are split in two halves fixed here (by a hash of the incident id):
`tune`, on which rules and thresholds may be read error by error, and `check`, set aside and
only ever scored as a whole. Quote both.
"""
from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .events import Event, build_events
from .store import Store, by_document

MEASURES = ("killed", "injured")
SPLITS = ("tune", "check", "all")


def split_of(incident: str) -> str:
    """'tune' or 'check', fixed by the incident id (sha1 parity): half the incidents each."""
    return "tune" if int(hashlib.sha1(incident.encode()).hexdigest(), 16) % 2 == 0 else "check"


def read_gold(dataset: Path, split: str = "all") -> list[dict]:
    rows = [json.loads(line) for line in (dataset / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or split_of(r["incident"]) == split]


def incident_file(dataset: Path, incident: str) -> Path:
    return dataset / "corpus" / f"{incident}.jsonl"


# --- running the pipeline on a fresh archive ----------------------------------------------------

def archive_events(paths: list[Path]) -> tuple[list[Event], dict[str, str]]:
    """Ingest and annotate `paths` into a throw-away archive; its events, and archive doc id -> the
    input's own `id` field."""
    documents, timexes, figures, input_ids = _layers(paths)
    return build_events(documents, timexes, figures), input_ids


def archive_layers(dataset: Path, incidents: list[dict]):
    """(documents, timexes by doc, figures by doc, archive doc id -> input id) of the incidents'
    articles in one throw-away archive."""
    return _layers([p for p in (incident_file(dataset, g["incident"]) for g in incidents) if p.exists()])


def _layers(paths: list[Path]):
    from . import annotate as annotate_stage
    from . import ingest as ingest_stage

    with tempfile.TemporaryDirectory(prefix="annalist-eval-") as folder:
        store = Store(Path(folder) / "archive.db")
        try:
            ingest_stage.ingest([str(p) for p in paths], store, workers=1)
            annotate_stage.annotate(store, workers=1, search=False, derived=False)
            documents = store.documents()
            layers = (documents, by_document(store.timexes()), by_document(store.figures()),
                      {d.id: _input_id(d.origin, d.record) for d in documents})
        finally:
            store.close()
    return layers


def _input_id(origin: str, record: str) -> str:
    number = int(record.split()[-1])
    with open(origin, "rb") as handle:
        for line_number, line in enumerate(handle, start=1):
            if line_number == number:
                return json.loads(line).get("id", f"{origin}:{number}")
    return f"{origin}:{number}"


def toll_answer(event: Event | None, measure: str) -> int:
    """best, else low, else high; 0 when the event states no toll of that measure."""
    toll = event.tolls.get(measure) if event else None
    if toll is None:
        return 0
    for value in (toll.best, toll.low, toll.high):
        if value is not None:
            return value
    return 0


def _main_event(events: list[Event]) -> Event | None:
    return events[0] if events else None  # build_events orders by documents, then sources


# --- the naive baseline ---------------------------------------------------------------------------

_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_CUES = {"killed": r"kill|dead|die|death|fatal", "injured": r"injur|wound|hurt"}


def naive_answer(articles: list[dict], measure: str) -> int:
    """The first number within five words of a casualty word in each article; the most frequent
    across articles (first seen on a tie); 0 when none."""
    found = []
    for article in articles:
        words = re.findall(r"[\w'-]+", f"{article.get('title') or ''}. {article.get('text') or ''}".lower())
        for i, word in enumerate(words):
            if re.match(_CUES[measure], word):
                near = [_number(w) for w in words[max(0, i - 5):i + 6]]
                near = [n for n in near if n is not None]
                if near:
                    found.append(near[0])
                    break
    if not found:
        return 0
    counts = Counter(found)
    return max(found, key=lambda n: (counts[n], -found.index(n)))


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return _NUMBER_WORDS.get(word)


# --- scoring -------------------------------------------------------------------------------------

def _scores(pairs: list[tuple[int, int]]) -> dict:
    """Exact accuracy, accuracy where gold > 0, RMSE over (gold, system)."""
    if not pairs:
        return {"accuracy": None, "accuracy_gold_pos": None, "rmse": None, "n": 0}
    positive = [(g, s) for g, s in pairs if g > 0]
    return {"accuracy": round(sum(g == s for g, s in pairs) / len(pairs), 4),
            "accuracy_gold_pos": round(sum(g == s for g, s in positive) / len(positive), 4) if positive else None,
            "rmse": round(math.sqrt(sum((g - s) ** 2 for g, s in pairs) / len(pairs)), 4), "n": len(pairs)}


def _measure_block(rows: list[dict], measure: str) -> dict:
    block = _scores([(r["gold"][measure], r["system"][measure]) for r in rows])
    block["no_answer"] = round(sum(r["no_answer"][measure] for r in rows) / len(rows), 4) if rows else None
    baseline = _scores([(r["gold"][measure], r["baseline"][measure]) for r in rows])
    block["baseline_accuracy"] = baseline["accuracy"]
    block["baseline_accuracy_gold_pos"] = baseline["accuracy_gold_pos"]
    block["by_status"] = _by_status(rows, measure)
    return block


TOLL_STATUSES = ("single_source", "consistent", "conflict", "none")


def _status_of(row: dict, measure: str) -> str:
    """The answered toll's status ("none": the event states no such toll, or there is no event)."""
    toll = ((row.get("event") or {}).get("tolls") or {}).get(measure)
    return toll["status"] if toll else "none"


def _by_status(rows: list[dict], measure: str) -> dict:
    """Exact accuracy per status of the answered toll: where the errors lie (sources that disagree,
    one source alone, no toll stated), so that a change to how reports are reconciled is judged on
    the incidents it touches."""
    block = {}
    for status in TOLL_STATUSES:
        pairs = [(r["gold"][measure], r["system"][measure]) for r in rows if _status_of(r, measure) == status]
        block[status] = {"incidents": len(pairs),
                         "accuracy": round(sum(g == s for g, s in pairs) / len(pairs), 4) if pairs else None}
    return block


def _split_block(rows: list[dict]) -> dict:
    """Incidents whose articles the events stage put in more than one event, and the accuracy there
    (the answer is then the largest event, which may lack the articles that state the toll)."""
    split = [r for r in rows if r.get("events", 1) > 1]
    return {"incidents": len(split),
            **{m: round(sum(r["gold"][m] == r["system"][m] for r in split) / len(split), 4) if split else None
               for m in MEASURES}}


def _score_incident(task: tuple[str, str, dict]) -> dict:
    dataset, incident, gold = task
    path = incident_file(Path(dataset), incident)
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    events, _ = archive_events([path])
    main = _main_event(events)
    return {"incident": incident, "docs": len(articles), "events": len(events), "event": main.to_dict() if main else None,
            "gold": {m: gold[m] for m in MEASURES},
            "system": {m: toll_answer(main, m) for m in MEASURES},
            "no_answer": {m: int(main is None or m not in main.tolls) for m in MEASURES},
            "baseline": {m: naive_answer(articles, m) for m in MEASURES},
            "date": {"gold": gold.get("date"), "system": main.date if main else None}}


def _date_block(rows: list[dict]) -> dict:
    """How often the answered event's date is GVA's day of the incident, exactly and within a day (a
    shooting "early Sunday" is often Saturday night's); an event dated only to a month is not right."""
    pairs = [(r["date"]["gold"], r["date"]["system"]) for r in rows if r.get("date", {}).get("gold")]
    if not pairs:
        return {"accuracy": None, "within_a_day": None, "n": 0}
    near = sum(s is not None and len(s) == 10 and abs((date.fromisoformat(s) - date.fromisoformat(g)).days) <= 1
               for g, s in pairs)
    return {"accuracy": round(sum(g == s for g, s in pairs) / len(pairs), 4),
            "within_a_day": round(near / len(pairs), 4), "n": len(pairs)}


def _load_models() -> None:
    from . import figures

    figures.load_pipeline()


def _pool_map(function, tasks: list, workers: int) -> Iterable:
    """A fork pool started after the model is loaded: workers share it copy-on-write."""
    _load_models()
    if workers <= 1:
        return map(function, tasks)
    pool = multiprocessing.get_context("fork").Pool(workers)
    return _closing(pool, pool.imap(function, tasks, chunksize=4))


def _closing(pool, results):
    try:
        yield from results
    finally:
        pool.close()
        pool.join()


def score_incidents(dataset: Path, split: str = "all", limit: int | None = None, mixed: bool = False,
                    workers: int = 2, details: Path | None = None) -> dict:
    """The incident scores (see the module docstring); `details` writes one JSON line per incident."""
    started = time.perf_counter()
    gold = read_gold(dataset, split)[:limit] if limit else read_gold(dataset, split)
    tasks = [(str(dataset), g["incident"], g) for g in gold if incident_file(dataset, g["incident"]).exists()]
    rows = list(_pool_map(_score_incident, tasks, workers))
    if details:
        with details.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    result: dict = {"incidents": len(rows), "split": split}
    for measure in MEASURES:
        result[measure] = _measure_block(rows, measure)
    result["date"] = _date_block(rows)
    for name, keep in (("multi_article", lambda r: r["docs"] > 1), ("single_article", lambda r: r["docs"] == 1)):
        part = [r for r in rows if keep(r)]
        result[name] = {"incidents": len(part), **{m: _measure_block(part, m) for m in MEASURES},
                        "date": _date_block(part), "split_into_events": _split_block(part)}
    result["grouping"] = score_mixed(dataset, gold, workers) if mixed else None
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


# --- mixed archives: grouping ---------------------------------------------------------------------

def mixed_archives(gold: list[dict], smallest: int = 2) -> list[list[dict]]:
    """The incidents of one state and year, one archive each (those with at least `smallest` incidents)."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for g in gold:
        groups.setdefault((g["state"], g["date"][:4]), []).append(g)
    return [groups[k] for k in sorted(groups) if len(groups[k]) >= smallest]


def _score_archive(task: tuple[str, list[dict]]) -> dict:
    dataset, incidents = task
    paths = [incident_file(Path(dataset), g["incident"]) for g in incidents]
    events, input_ids = archive_events([p for p in paths if p.exists()])
    event_of = {input_ids[d]: e.id for e in events for d in e.documents}
    incidents_of: dict[str, set[str]] = {}
    for g in incidents:
        for doc in g["doc_ids"]:
            incidents_of.setdefault(doc, set()).add(g["incident"])
    docs = sorted(d for d in incidents_of if d in event_of)
    tp = fp = fn = 0
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            same_gold = bool(incidents_of[a] & incidents_of[b])
            same_system = event_of[a] == event_of[b]
            tp += same_gold and same_system
            fp += same_system and not same_gold
            fn += same_gold and not same_system
    by_id = {e.id: e for e in events}
    tolls = []
    for g in incidents:
        held = Counter(event_of[d] for d in g["doc_ids"] if d in event_of)
        event = by_id[held.most_common(1)[0][0]] if held else None
        tolls.append({"gold": {m: g[m] for m in MEASURES}, "system": {m: toll_answer(event, m) for m in MEASURES}})
    return {"tp": tp, "fp": fp, "fn": fn, "tolls": tolls}


def score_mixed(dataset: Path, gold: list[dict], workers: int = 2) -> dict:
    archives = mixed_archives(gold)
    results = list(_pool_map(_score_archive, [(str(dataset), a) for a in archives], workers))
    tp, fp, fn = (sum(r[k] for r in results) for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    tolls = [t for res in results for t in res["tolls"]]
    return {"archives": len(archives), "incidents": len(tolls), "p": round(p, 4), "r": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            **{m: _scores([(t["gold"][m], t["system"][m]) for t in tolls]) for m in MEASURES}}
