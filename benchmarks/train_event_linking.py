"""Fit the document-linking model (annalist/linking.py) on the `tune` half of the GVA development
incidents, in mixed archives (all incidents of one state and year in one archive), and write its
weights to annalist/data/event_linking.json. The `check` half is never read here.

    .venv/bin/python benchmarks/train_event_linking.py ../shared/datasets/gvc

Prints the pairwise grouping P/R/F1 of a two-fold cross-validation within the tune half (folds by
archive), then fits on all of it.
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


def archive_pairs(incidents: list[dict], dataset: Path):
    documents, timexes, figures, input_ids = archive_layers(dataset, incidents)
    profiles = [profile(d, timexes.get(d.id, []), figures.get(d.id, [])) for d in documents]
    incidents_of: dict[str, set[str]] = {}
    for g in incidents:
        for doc in g["doc_ids"]:
            incidents_of.setdefault(doc, set()).add(g["incident"])
    text = linking._similarity_matrix([f"{d.title or ''}\n{d.text}" for d in documents], stop_words="english")
    names = linking._similarity_matrix([linking.names_of(d) for d in documents], token_pattern=r"\S+", lowercase=False)
    titles = linking._similarity_matrix([d.title or "_" for d in documents], stop_words="english")
    rare = linking.rare_names(profiles)
    rows, labels = [], []
    for i, j in itertools.combinations(range(len(profiles)), 2):
        rows.append(linking.pair_features(profiles[i], profiles[j], linking._value(text, i, j),
                                          linking._value(names, i, j), linking._value(titles, i, j), rare))
        a, b = input_ids[documents[i].id], input_ids[documents[j].id]
        labels.append(bool(incidents_of.get(a, set()) & incidents_of.get(b, set())))
    return np.array(rows, dtype=float).reshape(-1, len(linking.model()["features"])), np.array(labels, dtype=bool)


def main(dataset: Path) -> None:
    archives = mixed_archives(read_gold(dataset, "tune"))
    data = [archive_pairs(a, dataset) for a in archives]
    folds = [data[0::2], data[1::2]]
    for k in (0, 1):
        fitted = _fit(folds[k])
        tp = fp = fn = 0
        for X, y in folds[1 - k]:
            if len(y) == 0:
                continue
            predicted = fitted.predict_proba(X)[:, 1] > linking.model()["threshold"]
            tp += int(np.sum(predicted & y))
            fp += int(np.sum(predicted & ~y))
            fn += int(np.sum(~predicted & y))
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"fold {k}: pair classification P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
    fitted = _fit(data)
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    model["trained_on"] = f"{len(archives)} mixed archives (state and year) of the tune half of {dataset.name}"
    model["weights"] = [round(float(w), 3) for w in fitted.coef_[0]]
    model["intercept"] = round(float(fitted.intercept_[0]), 3)
    MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {MODEL}")


def _fit(data):
    X = np.vstack([X for X, _ in data])
    y = np.concatenate([y for _, y in data])
    return LogisticRegression(C=1.0, max_iter=2000).fit(X, y)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/gvc"))
