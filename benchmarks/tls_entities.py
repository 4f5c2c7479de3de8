"""annalist's timeline dates on the Entities timelines (Ghalandari & Ifrim 2020), a topic set nothing
in annalist was chosen on: a second check, beside Timeline17's two folds, that a change to how dates
are ranked holds on timelines it was not tuned on.

shared/datasets/entities holds, for 26 of its 46 entities, the articles (outputwithpub.csv:
publication date, text) and the gold timeline (outputTimelines.csv: its dates, and its summaries run
together into one text with no mark of which sentence is whose date). So the scores are those that
need no per-date summary: Date-F1 (tilse) and ROUGE-1/-2 F1 of the whole timeline's text against
the gold's (tilse's "concat" setting). One sentence per date, as the gold gives one; the task is set
up as for Timeline17 (annalist.evaluation.TlsTask: the articles published within the gold's date
range, its number of dates). RANDOM draws dates among those any sentence gives (seed 0), as in
tls_baselines.py, in the same run.

    .venv/bin/python benchmarks/tls_entities.py [--dataset ../shared/datasets/entities]
"""
from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
import time
from datetime import date
from pathlib import Path

from annalist import evaluation, temporal
from annalist.cleaning import clean_text
from annalist.timeline import dated_sentences

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from tls_baselines import random_dates  # noqa: E402

_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def read_entity(folder: Path) -> evaluation.TlsTopic:
    """One entity: its articles, annotated by the time layer, and its gold timeline (every date, the
    whole summary text under the first, since the file does not say which sentence is whose)."""
    from tilse.data.timelines import Timeline

    csv.field_size_limit(1 << 30)
    with open(folder / "outputTimelines.csv", encoding="utf-8", errors="replace", newline="") as handle:
        row = next(csv.DictReader(handle))
    days = sorted({date.fromisoformat(d[:10]) for d in ast.literal_eval(row["time"])})
    gold = Timeline({d: [row["timeline"].strip() if i == 0 else ""] for i, d in enumerate(days)})
    documents, sentences = {}, []
    with open(folder / "outputwithpub.csv", encoding="utf-8", errors="replace", newline="") as handle:
        for number, record in enumerate(csv.reader(handle)):
            if len(record) < 2 or not _DAY.fullmatch(record[0]):
                continue
            published, text = record[0], clean_text(record[1]).text
            doc_id = f"{published}/{number}"
            documents[doc_id] = (published, text)
            sentences.extend(dated_sentences(doc_id, doc_id, text, published, temporal.annotate(text, published)))
    return evaluation.TlsTopic(folder.name, documents, sentences, [gold])


def score(topics: list[evaluation.TlsTopic], method) -> dict:
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import dates as tilse_dates
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    rows = []
    for topic in topics:
        for task, gold in evaluation.tls_tasks(topic):
            task.per_date = 1
            predicted = Timeline(method(task) or {task.start: [""]})
            truth = GroundTruth([gold])
            row = {"topic": topic.name, "date_f1": tilse_dates.evaluate_dates(predicted, truth)["f_score"]}
            try:
                concat = evaluator.evaluate_concat(predicted, truth)
                row |= {"r1_f": concat["rouge_1"]["f_score"], "r2_f": concat["rouge_2"]["f_score"]}
            except ZeroDivisionError:  # a gold text tilse reads as no words at all: no ROUGE for it
                pass
            rows.append(row)
    return {k: round(sum(r[k] for r in rows if k in r) / max(1, sum(k in r for r in rows)), 4)
            for k in ("date_f1", "r1_f", "r2_f")} | {"timelines": len(rows), "rouge_timelines": sum("r1_f" in r for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT.parent / "shared" / "datasets" / "entities"))
    args = parser.parse_args()
    folders = [f for f in sorted(Path(args.dataset).iterdir()) if (f / "outputwithpub.csv").exists()]
    if not folders:
        sys.exit(f"no entity with its articles (outputwithpub.csv) under {args.dataset}")
    started = time.perf_counter()
    topics = [read_entity(f) for f in folders]
    print(f"{len(topics)} entities, {sum(len(t.documents) for t in topics)} articles read and annotated "
          f"in {time.perf_counter() - started:.0f} s")
    print(f"{'method':<12} {'Date-F1':>8} {'R1-F':>7} {'R2-F':>7}  (ROUGE of the whole timeline: timelines scored)")
    for name, method in (("annalist", evaluation.annalist_tls), ("RANDOM", random_dates)):
        s = score(topics, method)
        print(f"{name:<12} {s['date_f1']:>8.4f} {s['r1_f']:>7.4f} {s['r2_f']:>7.4f}  ({s['rouge_timelines']} of {s['timelines']})")


if __name__ == "__main__":
    main()
