"""Timeline entries of one day against GVA's incidents (issue 13, item 4).

Mixed archives of the GVA development coverage (all incidents of one state and year in one archive,
as `eval incidents --mixed` builds them): for every day-entry of `archive_timeline`, pairs of its
articles in one entry are compared with GVA's incidents — precision (pairs in one entry that are one
incident), recall (pairs of one incident and one day kept in one entry). Printed for a date-only
timeline (one entry a date), for words alone (no incidents), for incidents alone, and for annalist's
setting (incidents, then words at SAME_EVENT).

    .venv/bin/python benchmarks/timeline_events.py [--split tune|check] [--archives 40]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from annalist import timeline
from annalist.evaluation_incidents import archive_layers, mixed_archives, read_gold
from annalist.events import build_events, incident_of

REPO = Path(__file__).resolve().parent.parent


def pair_scores(layers, same_event: float, use_incidents: bool) -> tuple[float, float]:
    timeline.SAME_EVENT = same_event
    hits = false_merges = false_splits = 0
    for documents, timexes, figures_of, incident in layers:
        event_of = incident_of(build_events(documents, timexes, figures_of)) if use_incidents else None
        days: dict[str, list[list[str]]] = {}
        for entry in timeline.archive_timeline(documents, timexes, event_of=event_of):
            if entry.granularity == "day":
                days.setdefault(entry.date, []).append(entry.sources)
        for groups in days.values():
            where = {doc: i for i, group in enumerate(groups) for doc in group}
            docs = sorted(where)
            for i, a in enumerate(docs):
                for b in docs[i + 1:]:
                    same_incident = incident[a] is not None and incident[a] == incident[b]
                    same_entry = where[a] == where[b]
                    hits += same_incident and same_entry
                    false_merges += same_entry and not same_incident
                    false_splits += same_incident and not same_entry
    precision = hits / (hits + false_merges) if hits + false_merges else 0.0
    recall = hits / (hits + false_splits) if hits + false_splits else 0.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=REPO.parent / "shared" / "datasets" / "gvc")
    parser.add_argument("--split", default="check")
    parser.add_argument("--archives", type=int, default=40)
    args = parser.parse_args()
    layers = []
    for incidents in mixed_archives(read_gold(args.dataset, args.split))[:args.archives]:
        documents, timexes, figures_of, input_ids = archive_layers(args.dataset, incidents)
        incident_of_input = {doc: g["incident"] for g in incidents for doc in g["doc_ids"]}
        layers.append((documents, timexes, figures_of,
                       {d.id: incident_of_input.get(input_ids[d.id]) for d in documents}))
    chosen = timeline.SAME_EVENT
    print(f"{len(layers)} mixed archives of the {args.split} half")
    for name, same_event, use_incidents in (("one entry a date", 0.0, False), ("words alone", chosen, False),
                                            ("incidents alone", 1.01, True), ("annalist", chosen, True)):
        precision, recall = pair_scores(layers, same_event, use_incidents)
        print(f"{name:<18} P {precision:.3f}  R {recall:.3f}")
    timeline.SAME_EVENT = chosen


if __name__ == "__main__":
    main()
