"""annalist's figures and quantulum3 side by side, on the same gold (shared/gold/figures-dev.jsonl).

quantulum3 finds quantities, not counts of people: every dimensionless integer it
returns is taken as a candidate figure. It knows nothing of what is counted, so
only the value-level score (relaxed: doc, value) compares the two; annalist's
strict score (doc, measure, value, bounds, qualifier) is printed beside it.

    make bench-deps && .venv/bin/python benchmarks/figures_vs_quantulum3.py
"""
from __future__ import annotations

import argparse
import warnings
from pathlib import Path

from annalist.evaluation import score_figures

REPO = Path(__file__).resolve().parent.parent


def quantulum3_figures(text: str) -> list[dict]:
    from quantulum3 import parser

    found = []
    for quantity in parser.parse(text):
        if quantity.unit.name == "dimensionless" and float(quantity.value).is_integer():
            value = int(quantity.value)
            found.append({"measure": None, "value": value, "low": value, "high": value, "qualifier": "exact"})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    gold, docs, root = (args.shared / "gold/figures-dev.jsonl", args.shared / "gold/figures-dev-docs.txt",
                        args.shared / "datasets")
    warnings.filterwarnings("ignore", module="quantulum3")
    rows = [("annalist", score_figures(gold, docs, root)),
            ("quantulum3", score_figures(gold, docs, root, quantulum3_figures))]
    print(f"{'system':<11} {'docs':>5} {'value P':>8} {'value R':>8} {'value F1':>9} {'strict F1':>10} {'docs/s':>8}")
    for name, r in rows:
        strict = f"{r['strict']['f1']:.3f}" if name == "annalist" else "n/a"
        print(f"{name:<11} {r['docs']:>5} {r['relaxed']['p']:>8.3f} {r['relaxed']['r']:>8.3f} {r['relaxed']['f1']:>9.3f} "
              f"{strict:>10} {r['docs_per_s']:>8}")


if __name__ == "__main__":
    main()
