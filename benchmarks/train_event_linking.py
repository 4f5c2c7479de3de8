"""Fit the document-linking model (annalist/linking.py) on the `tune` half of the GVA development
incidents, in mixed archives (all incidents of one state and year in one archive), and write its
weights and threshold to annalist/data/event_linking.json. The `check` half is never read here.

    .venv/bin/python benchmarks/train_event_linking.py ../shared/datasets/gvc

Five-fold cross-validation within the tune half (folds by archive): the model is fitted on four
folds, the fifth fold's archives are clustered with it exactly as annalist does (candidate pairs,
average link), and the pairwise grouping P/R/F1 over all held-out folds is printed per
regularisation strength and threshold. (Two folds, as before, fitted each model on half the tune
archives: a feature that fires on few pairs, such as a story that states no day, was then weighed
on too few of them, and the held-out figures of one setting moved by a point between orderings of
the archives.) The setting with the best held-out F1 replaces the shipped model's regularisation
and threshold only when it beats them by more than TIE: settings a few thousandths apart in F1
differ by less than the orderings of the archives do, and each change of setting moves incidents on
the knife-edge of the threshold in or out. The weights written are fitted with the setting kept on
the whole tune half.
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from annalist import linking
from annalist.evaluation_incidents import archive_layers, mixed_archives, read_gold
from annalist.events import profile

MODEL = Path(__file__).resolve().parent.parent / "annalist" / "data" / "event_linking.json"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
REGULARISATION = (1.0, 10.0, 100.0)  # scikit-learn's C: larger fits the tune half more closely
FOLDS = 5
TIE = 0.005  # held-out F1 this close to the best counts as as good as it


def archive_profiles(incidents: list[dict], dataset: Path) -> tuple[list, list[set[str]]]:
    """The archive's profiles and, for each, the incidents its document belongs to."""
    documents, timexes, figures, input_ids = archive_layers(dataset, incidents)
    incidents_of: dict[str, set[str]] = {}
    for g in incidents:
        for doc in g["doc_ids"]:
            incidents_of.setdefault(doc, set()).add(g["incident"])
    return ([profile(d, timexes.get(d.id, []), figures.get(d.id, [])) for d in documents],
            [incidents_of.get(input_ids[d.id], set()) for d in documents])


def pair_rows(profiles: list, labels: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    archive = linking.archive_of(profiles)
    pairs = list(itertools.combinations(range(len(profiles)), 2))
    X = np.array([linking.pair_features(profiles, i, j, archive) for i, j in pairs], dtype=float)
    y = np.array([bool(labels[i] & labels[j]) for i, j in pairs], dtype=bool)
    return X.reshape(-1, len(linking.model()["features"])), y


def grouping_counts(profiles: list, labels: list[set[str]], fitted, threshold: float) -> np.ndarray:
    """(true positive, false positive, false negative) pairs of one archive clustered with `fitted`."""
    score = lambda features: float(fitted.predict_proba(np.array([features], dtype=float))[0, 1])  # noqa: E731
    groups = linking.group(profiles, linking.scored_pairs(profiles, score), threshold)
    event_of = {id(p): k for k, g in enumerate(groups) for p in g}
    counts = np.zeros(3)
    for i, j in itertools.combinations(range(len(profiles)), 2):
        same, grouped = bool(labels[i] & labels[j]), event_of[id(profiles[i])] == event_of[id(profiles[j])]
        counts += (same and grouped, grouped and not same, same and not grouped)
    return counts


def main(dataset: Path) -> None:
    archives = [archive_profiles(a, dataset) for a in mixed_archives(read_gold(dataset, "tune"))]
    rows = [pair_rows(*a) for a in archives]
    held_out = {(c, t): np.zeros(3) for c in REGULARISATION for t in THRESHOLDS}
    for c in REGULARISATION:
        for k in range(FOLDS):
            fitted = _fit([r for n, r in enumerate(rows) if n % FOLDS != k], c)
            for n, archive in enumerate(archives):
                if n % FOLDS == k:
                    for t in THRESHOLDS:
                        held_out[(c, t)] += grouping_counts(*archive, fitted, t)
    scores = {setting: _f1(*counts) for setting, counts in held_out.items()}
    for (c, t), (p, r, f1) in scores.items():
        print(f"C {c:g} threshold {t}: held-out grouping P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    shipped, best = (model.get("regularisation"), model.get("threshold")), max(scores, key=lambda s: scores[s][2])
    c, threshold = shipped if shipped in scores and scores[shipped][2] >= scores[best][2] - TIE else best
    fitted = _fit(rows, c)
    model["trained_on"] = f"{len(archives)} mixed archives (state and year) of the tune half of {dataset.name}"
    model["weights"] = [round(float(w), 3) for w in fitted.coef_[0]]
    model["intercept"] = round(float(fitted.intercept_[0]), 3)
    model["regularisation"], model["threshold"] = c, threshold
    MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"C {c:g}, threshold {threshold} (best held out: C {best[0]:g}, threshold {best[1]}); weights written to {MODEL}")


def _f1(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p, r = tp / max(1.0, tp + fp), tp / max(1.0, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def _fit(rows, c: float):
    X = np.vstack([X for X, y in rows if len(y)])
    y = np.concatenate([y for _, y in rows if len(y)])
    return LogisticRegression(C=c, max_iter=5000).fit(X, y)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/gvc"))
