"""Evaluation against gold files: TimeML (.tml, TempEval-3) and NewsReader MEANTIME (.xml).

Temporal scores follow TempEval-3 (UzZaman et al. 2013): extent P/R/F1 with strict
(same characters) and relaxed (overlapping) matching; attribute scores over the
relaxed matches — value F1 = F1 of (matched and same value), type accuracy =
matched with the same type / matched. The document creation time comes from the
gold file, as in the TempEval-3 setup.
"""
from __future__ import annotations

import html
import json
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import temporal


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDoc:
    """A TimeML document: the text inside <TEXT>, its TIMEX3 spans, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value") if dct_match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    text, timexes, open_timex, position = [], [], None, 0
    for piece in _tokens(body):
        if isinstance(piece, str):
            chunk = html.unescape(piece)
            text.append(chunk)
            position += len(chunk)
        else:
            closing, name, attrs = piece
            if name == "TIMEX3" and not closing:
                open_timex = (position, dict(_ATTR.findall(attrs)))
            elif name == "TIMEX3" and closing and open_timex:
                start, attributes = open_timex
                timexes.append(GoldTimex(start, position, attributes.get("type", ""), attributes.get("value", "")))
                open_timex = None
    return GoldDoc(path.stem, "".join(text), dct[:10] if dct else None, timexes)


def _tokens(body: str):
    last = 0
    for match in _TAG.finditer(body):
        if match.start() > last:
            yield body[last:match.start()]
        yield (match.group(1) == "/", match.group(2), match.group(3))
        last = match.end()
    if last < len(body):
        yield body[last:]


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME (NewsReader) document: tokens joined by spaces, sentences by newlines.

    MEANTIME annotates only the first sentences of each article (title, date and
    the opening); the text is cut after the last annotated sentence, so that
    expressions in unannotated sentences are not scored as false positives.
    """
    root = ET.parse(path).getroot()
    markables = root.find("Markables")
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in root.iter("token")}
    annotated = [sentence_of[a.get("t_id")] for a in (markables.iter("token_anchor") if markables is not None else [])
                 if a.get("t_id") in sentence_of]
    last_sentence = max(annotated, default=-1)
    spans, pieces, position, sentence = {}, [], 0, None
    for token in root.iter("token"):
        if int(token.get("sentence")) > last_sentence:
            break
        if sentence is not None and token.get("sentence") != sentence:
            pieces.append("\n")
            position += 1
        elif pieces:
            pieces.append(" ")
            position += 1
        sentence = token.get("sentence")
        word = token.text or ""
        spans[token.get("t_id")] = (position, position + len(word))
        pieces.append(word)
        position += len(word)
    dct, timexes = None, []
    for timex in (markables.iter("TIMEX3") if markables is not None else []):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
        anchors = [spans[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in spans]
        if anchors:
            timexes.append(GoldTimex(min(a[0] for a in anchors), max(a[1] for a in anchors),
                                     timex.get("type", ""), timex.get("value", "")))
    return GoldDoc(path.stem, "".join(pieces), dct[:10] if dct else None, timexes)


def read_gold_dir(folder: Path) -> list[GoldDoc]:
    """Every .tml (TimeML) and MEANTIME .xml document below a folder."""
    docs = [read_tml(p) for p in sorted(folder.rglob("*.tml"))]
    docs += [read_meantime(p) for p in sorted(folder.rglob("*.xml")) if _is_meantime(p)]
    return docs


def _is_meantime(path: Path) -> bool:
    with path.open("rb") as handle:
        return b"<Document " in handle.read(400)


System = Callable[[str, str | None], Iterable[tuple[int, int, str, str]]]


def annalist_system(text: str, dct: str | None) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.type, t.value) for t in temporal.tag(text, dct)]  # past anchors are not TIMEX3s


def _prf(correct: float, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_time(docs: list[GoldDoc], system: System = annalist_system) -> dict:
    """TempEval-3 measures of `system` on gold documents."""
    counts = dict(system=0, gold=0, strict=0, relaxed=0, value=0, type=0)
    started = time.perf_counter()
    for doc in docs:
        predicted = list(system(doc.text, doc.dct))
        counts["system"] += len(predicted)
        counts["gold"] += len(doc.timexes)
        used: set[int] = set()
        for gold in doc.timexes:
            match = _best_match(gold, predicted, used)
            if match is None:
                continue
            used.add(match)
            start, end, kind, value = predicted[match]
            counts["relaxed"] += 1
            counts["strict"] += (start, end) == (gold.start, gold.end)
            counts["value"] += value == gold.value
            counts["type"] += kind == gold.type
    seconds = time.perf_counter() - started
    strict = _prf(counts["strict"], counts["system"], counts["gold"])
    relaxed = _prf(counts["relaxed"], counts["system"], counts["gold"])
    value = _prf(counts["value"], counts["system"], counts["gold"])
    return {"docs": len(docs), "gold_timexes": counts["gold"], "system_timexes": counts["system"],
            "extent_strict_p": round(strict[0], 4), "extent_strict_r": round(strict[1], 4),
            "extent_strict_f1": round(strict[2], 4),
            "extent_relaxed_p": round(relaxed[0], 4), "extent_relaxed_r": round(relaxed[1], 4),
            "extent_relaxed_f1": round(relaxed[2], 4), "value_f1": round(value[2], 4),
            "type_accuracy": round(counts["type"] / counts["relaxed"], 4) if counts["relaxed"] else 0.0,
            "seconds": round(seconds, 3), "docs_per_s": round(len(docs) / seconds, 1) if seconds else None}


def _best_match(gold: GoldTimex, predicted: list[tuple[int, int, str, str]], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, (start, end, _, _) in enumerate(predicted):
        if i in used:
            continue
        overlap = min(end, gold.end) - max(start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def read_figure_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _figure_keys(doc: str, items: Iterable) -> tuple[Counter, Counter]:
    strict, relaxed = Counter(), Counter()
    for f in items:
        get = f.get if isinstance(f, dict) else f.__dict__.get
        strict[(doc, get("measure"), get("value"), get("low"), get("high"), get("qualifier"))] += 1
        relaxed[(doc, get("value") if get("value") is not None else (get("low"), get("high")))] += 1
    return strict, relaxed


# The measures FIGURES_GUIDE.md annotates; "shot" (hit by gunfire, not said to be fatal) is not one of them.
GUIDE_MEASURES = {"killed", "injured", "arrested", "missing", "displaced", "infected", "affected"}


def figure_split(doc: str) -> str:  # also splits time gold documents by name (eval time --split)
    """'tune' or 'check' for a gold document, fixed by its path (sha1 parity): the check half is set
    aside and only scored as a whole."""
    import hashlib

    return "tune" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "check"


def score_figures(gold_path: Path, docs_path: Path, root: Path, extract: Callable[[str], list] | None = None,
                  split: str = "all") -> dict:
    """Precision, recall and F1 of figures: strict (doc, measure, value, low, high, qualifier) and relaxed (doc, value).
    The gold holds numerals only (FIGURES_GUIDE.md): implicit counts and measures outside the guide are not scored."""
    from . import figures as figures_layer
    from .sources import decode_bytes

    def scored(text: str) -> list:
        found = (extract or (lambda t: figures_layer.extract(t, temporal.tag(t, None))))(text)
        return [f for f in found if not getattr(f, "implicit", False) and getattr(f, "measure", None) in GUIDE_MEASURES]

    gold = read_figure_gold(gold_path)
    docs = [line.strip() for line in docs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if split == "all" or figure_split(d) == split]
    totals = {"strict": [0, 0, 0], "relaxed": [0, 0, 0]}  # correct, system, gold
    started = time.perf_counter()
    for doc in docs:
        text = decode_bytes((root / doc).read_bytes())
        system = _figure_keys(doc, scored(text))
        expected = _figure_keys(doc, [g for g in gold if g["doc"] == doc])
        for name, got, want in (("strict", system[0], expected[0]), ("relaxed", system[1], expected[1])):
            totals[name][0] += sum((got & want).values())
            totals[name][1] += sum(got.values())
            totals[name][2] += sum(want.values())
    seconds = time.perf_counter() - started
    result = {"split": split, "docs": len(docs), "gold_figures": totals["strict"][2], "seconds": round(seconds, 2),
              "docs_per_s": round(len(docs) / seconds, 1) if seconds else None}
    for name, (correct, system, wanted) in totals.items():
        p, r, f1 = _prf(correct, system, wanted)
        result[name] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}
    return result


# --- timeline summarisation (Timeline17, the news-tls setup) ----------------------------------

@dataclass
class TlsTopic:
    """One Timeline17 topic: its articles, annotated by the time layer, and its gold timelines."""

    name: str
    documents: dict[str, tuple[str, str]]  # id -> (publication date, text)
    sentences: list  # timeline.DatedSentence
    gold: list  # tilse.data.timelines.Timeline


@dataclass
class TlsTask:
    """What a TLS method is given for one gold timeline (Ghalandari & Ifrim 2020): the topic's articles
    published within the gold's date range (one day either side), its number of dates and the
    average number of sentences per date."""

    topic: TlsTopic
    start: object  # datetime.date
    end: object
    dates: int
    per_date: int

    def sentences(self, lede: int | None = None) -> list:
        """The dated sentences of the task's articles within its dates; of the undated lede sentences,
        those among an article's first `lede` (news-tls's five unless given)."""
        from .timeline import NEWS_TLS_LEDE, in_range

        lede = NEWS_TLS_LEDE if lede is None else lede
        return [s for s in self.topic.sentences if (s.mentioned or s.position < lede)
                and self.published_in_range(s.doc) and in_range(s.date, self.start, self.end)]

    def published_in_range(self, doc_id: str) -> bool:
        from datetime import date, timedelta

        published = date.fromisoformat(self.topic.documents[doc_id][0])
        return self.start - timedelta(days=1) <= published <= self.end + timedelta(days=1)


TlsMethod = Callable[[TlsTask], dict]  # task -> {datetime.date: [sentences]}


def read_tls_topic(folder: Path) -> TlsTopic:
    """Articles from InputDocs/<YYYY-MM-DD>/<id>.txt (every topic has them; articles.jsonl is missing for
    one), gold timelines from timelines/*.txt read by tilse."""
    from tilse.data.timelines import Timeline

    from .cleaning import clean_text
    from .timeline import dated_sentences

    documents, sentences = {}, []
    for path in sorted((folder / "InputDocs").glob("*/*")):
        published = path.parent.name
        # read as `annalist ingest` reads a text file: its noise lines (a reader-comment thread) gone
        text = clean_text(path.read_text(encoding="utf-8", errors="replace")).text
        doc_id = f"{published}/{path.name}"
        documents[doc_id] = (published, text)
        # every lede a setting may take: TlsTask.sentences keeps those of the one asked for
        sentences.extend(dated_sentences(doc_id, doc_id, text, published, temporal.annotate(text, published),
                                         lede=max(LEDE_GRID)))
    gold = []
    for path in sorted((folder / "timelines").glob("*.txt")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            timeline = Timeline.from_file(handle)
        # tilse's reader files a block under None when a separator line repeats; such blocks are empty
        gold.append(Timeline({d: s for d, s in timeline.dates_to_summaries.items() if d is not None}))
    return TlsTopic(folder.name, documents, sentences, gold)


def tls_tasks(topic: TlsTopic) -> Iterable[tuple[TlsTask, object]]:
    for gold in topic.gold:
        days = sorted(gold.get_dates())
        lengths = [len(gold.dates_to_summaries[d]) for d in days]
        yield TlsTask(topic, days[0], days[-1], len(days), max(1, round(sum(lengths) / len(lengths)))), gold


def annalist_tls(task: TlsTask, vectorizer=None, keywords: int | None = None, max_words: int | None = None,
                 lede: int | None = None) -> dict:
    """annalist's timeline for a task; `vectorizer` replaces TF-IDF for the summaries (e.g. embeddings),
    `keywords` the number of topic keywords summaries use (timeline.TOPIC_KEYWORDS by default),
    `max_words` the longest sentence they quote (timeline.MAX_WORDS by default), `lede` how many of an
    article's first sentences its publication dates (timeline.LEDE_SENTENCES by default)."""
    from .timeline import LEDE_SENTENCES, MAX_WORDS, TOPIC_KEYWORDS, build_timeline

    sentences = task.sentences(LEDE_SENTENCES if lede is None else lede)
    entries = build_timeline(sentences, dates=task.dates, per_date=task.per_date,
                             start=task.start, end=task.end, days_only=True, vectorizer=vectorizer,
                             keywords=TOPIC_KEYWORDS if keywords is None else keywords,
                             max_words=MAX_WORDS if max_words is None else max_words)
    return {_date(e.date): [s.text for s in e.summary] for e in entries if e.summary}


def _date(value: str):
    from datetime import date

    return date.fromisoformat(value)


def score_tls(topics: list[TlsTopic], method: TlsMethod = annalist_tls) -> dict:
    """Alignment-based ROUGE-1/-2 F1 ("align_date_content_costs_many_to_one", Martschat & Markert 2017)
    and Date-F1, computed by tilse, averaged over gold timelines as news-tls does."""
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import dates as tilse_dates
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    rows = []
    started = time.perf_counter()
    for topic in topics:
        for task, gold in tls_tasks(topic):
            predicted = Timeline(method(task) or {task.start: [""]})
            truth = GroundTruth([gold])
            scores = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, truth)
            rows.append({"topic": topic.name, "ar1_f": scores["rouge_1"]["f_score"],
                         "ar2_f": scores["rouge_2"]["f_score"],
                         "date_f1": tilse_dates.evaluate_dates(predicted, truth)["f_score"]})
    mean = {k: round(sum(r[k] for r in rows) / len(rows), 4) if rows else 0.0 for k in ("ar1_f", "ar2_f", "date_f1")}
    return {"timelines": len(rows), **mean, "seconds": round(time.perf_counter() - started, 1), "per_timeline": rows}


def tls_fold(topic: str) -> str:
    """'A' or 'B': the two folds of Timeline17's topics, fixed by name (sha1 parity), for scores of
    anything fitted or chosen on one fold and measured on the other."""
    import hashlib

    return "A" if int(hashlib.sha1(topic.encode()).hexdigest(), 16) % 2 == 0 else "B"


def tls_folds(scores: dict) -> dict:
    """Per-fold means of a score_tls result, and their mean (for one setting; `tls_cross_validated`
    fits the setting on each fold and scores the other)."""
    folds = {}
    for fold in ("A", "B"):
        rows = [r for r in scores["per_timeline"] if tls_fold(r["topic"]) == fold]
        folds[fold] = {"timelines": len(rows), "topics": sorted({r["topic"] for r in rows}),
                       **{k: round(sum(r[k] for r in rows) / len(rows), 4) if rows else 0.0
                          for k in ("ar1_f", "ar2_f", "date_f1")}}
    folds["mean"] = {k: round((folds["A"][k] + folds["B"][k]) / 2, 4) for k in ("ar1_f", "ar2_f", "date_f1")}
    return folds


TOPIC_KEYWORD_GRID = (10, 15, 20, 25, 30, 40, 50)  # the numbers of topic keywords tried on each fold
SUMMARY_WORDS_GRID = (50, 100)  # the longest summary sentences tried on each fold (timeline.MAX_WORDS)
LEDE_GRID = (2, 3, 5, 8)  # the lede sentences dated by publication tried on each fold (timeline.LEDE_SENTENCES)


def tls_cross_validated(topics: list[TlsTopic]) -> tuple[dict, dict]:
    """(scores with the shipped settings, folds): what annalist chooses (the number of topic keywords,
    timeline.TOPIC_KEYWORDS, and the longest sentence a summary quotes, timeline.MAX_WORDS) chosen on
    each fold by its mean AR1-F, each fold scored with the other's choice; the mean of the two folds is
    the figure to quote. A fold with no timelines leaves the other the shipped settings."""
    from functools import partial

    from .timeline import LEDE_SENTENCES, MAX_WORDS, TOPIC_KEYWORDS

    shipped = (TOPIC_KEYWORDS, MAX_WORDS, LEDE_SENTENCES)
    settings = sorted({(n, w, ld) for n in TOPIC_KEYWORD_GRID for w in SUMMARY_WORDS_GRID for ld in LEDE_GRID}
                      | {shipped})
    runs = {(n, w, ld): score_tls(topics, partial(annalist_tls, keywords=n, max_words=w, lede=ld))
            for n, w, ld in settings}
    by_fold = {setting: tls_folds(scores) for setting, scores in runs.items()}
    folds = {}
    for fold, other in (("A", "B"), ("B", "A")):
        fitted = [setting for setting in settings if by_fold[setting][other]["timelines"]]
        # among settings as good, the nearest the shipped ones
        chosen = max(fitted, key=lambda s: (by_fold[s][other]["ar1_f"],
                                            *(-abs(a - b) for a, b in zip(s, shipped)))) if fitted else shipped
        folds[fold] = {**by_fold[chosen][fold], "keywords": chosen[0], "max_words": chosen[1], "lede": chosen[2]}
    folds["mean"] = {k: round((folds["A"][k] + folds["B"][k]) / 2, 4) for k in ("ar1_f", "ar2_f", "date_f1")}
    at_shipped_lede = {(n, w): by_fold[(n, w, LEDE_SENTENCES)] for n in TOPIC_KEYWORD_GRID for w in SUMMARY_WORDS_GRID}
    folds["grid"] = {str(n): {fold: at_shipped_lede[(n, MAX_WORDS)][fold]["ar1_f"] for fold in ("A", "B")}
                     for n in TOPIC_KEYWORD_GRID if (n, MAX_WORDS) in at_shipped_lede}
    folds["grid_max_words"] = {str(w): {str(n): {fold: at_shipped_lede[(n, w)][fold]["ar1_f"] for fold in ("A", "B")}
                                        for n in TOPIC_KEYWORD_GRID} for w in SUMMARY_WORDS_GRID}
    folds["grid_lede"] = {str(ld): {fold: by_fold[(TOPIC_KEYWORDS, MAX_WORDS, ld)][fold]["ar1_f"] for fold in ("A", "B")}
                          for ld in LEDE_GRID}
    return runs[shipped], folds


def read_tls_dataset(folder: Path) -> list[TlsTopic]:
    return [read_tls_topic(d) for d in sorted(folder.iterdir()) if (d / "timelines").is_dir()]
