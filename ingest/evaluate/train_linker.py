"""Train the learned linker on gold reports and write its model (``make linker``).

Each report is extracted without the linker; every candidate pair (``learned.features``)
whose two entities match gold entities is labelled with the gold relations between them,
every other one is a negative. One L2 logistic regression per relation type and kind of
pair (near, far) is fitted with scikit-learn; each type's threshold is the lowest at
which its proposals on reports held out in turn (five folds) are right at least half the
time, and a type that never gets there is left out. Train on the development reports
only (``--upto 348``: the blind batches after it, 349-396, measure it): never the holdout,
whose figures must stay an honest estimate.

Run: .venv/bin/python -m ingest.evaluate.train_linker [--gold tests/fixtures/dev/gold]
     [--corpus tests/fixtures/dev/reports] [--upto 348] [--out ingest/extract/learned/linker.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.progress import progress
from ingest.errors import IngestError
from ingest.evaluate.gold import Gold, _key, _read_report, compare, read_gold_folder
from ingest.evaluate.score import Score
from ingest.extract.learned.features import Pair, pairs
from ingest.extract.learned.linker import FAMILY, KINDS, SHIPPED, probability
from ingest.extract.output import scoring_json
from ingest.extract.sentences import split

FOLDS = 5
"""Folds of reports for choosing the thresholds."""
C = 0.3
"""Inverse strength of the L2 penalty (chosen on folds of dev 1-252: 0.1, 0.3, 1 tried)."""
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(29))
"""Thresholds tried, 0.2 to 0.9."""
MIN_COUNT = 3
"""Features seen in fewer training pairs of a type than this are left out: a weight
learned from one or two sentences fits them, not the language."""
PRECISION = 0.5
"""A type's threshold is the lowest at which its proposals on held-out folds are right at
least this often: as for the patterns, a proposal must be right more often than wrong."""
MIN_RIGHT = 25
"""Fewest right proposals on held-out folds for a type to be proposed at all: a type right
fewer times adds less than one relation in ten reports, yet every pair its labels open must
be featurised (the seven such types of dev 1-348 took the linker from 11 to 26 ms a report
for 75 right and 64 wrong relations out of fold)."""
SMALLEST = 0.01
"""Weights smaller than this are left out of the model file (they change no decision)."""


@dataclass(frozen=True)
class Example:
    """One candidate pair of one report and the gold types it holds."""

    report: str
    pair: Pair
    labels: frozenset[str]


@dataclass
class Examples:
    """A training set: the examples and the relation tallies of the extraction without
    the linker (what the linker's additions are scored on top of)."""

    examples: list[Example]
    base: dict[str, tuple[int, int, int]]


def examples(golds: Sequence[Gold], corpus: Sequence[Path]) -> Examples:
    """The labelled candidate pairs of every report of ``golds``."""
    from ingest.extract.extractor import extract
    from ingest.extract.nlp import parse

    found, base = [], {}
    for gold in progress(golds, "extract", "report"):
        report = _read_report(gold.report, corpus)
        if report is None:
            raise IngestError(f"{gold.report}: no readable report in "
                              f"{', '.join(map(str, corpus))}")
        doc = parse(report.text)
        out = extract(report.text, report.id, report.published, doc=doc,
                      without=frozenset((FAMILY,)))
        comparison = compare(scoring_json(out), gold)
        total = Score.total(comparison.score.relations)
        base[gold.report] = (total.tp, total.fp, total.fn)
        truth = set(gold.relations)
        matched = comparison.matched
        for pair in pairs(out, doc, split(report.text)):
            source, target = matched.get(pair.source), matched.get(pair.target)
            labels = frozenset(t for t in pair.types
                               if source and target and _key(t, source, target) in truth)
            found.append(Example(gold.report, pair, labels))
    return Examples(found, base)


def _fit(train: list[Example], type_: str) -> tuple[float, dict[str, float]] | None:
    """A logistic model of ``type_`` on the examples that may hold it; None without
    enough positives to learn from."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [e for e in train if type_ in e.pair.types]
    labels = [type_ in e.labels for e in rows]
    if sum(labels) < 5 or all(labels):
        return None
    seen = Counter(f for e in rows for f in e.pair.features)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in e.pair.features if seen[f] >= MIN_COUNT}
                                       for e in rows]).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=0)
    model.fit(matrix, labels)
    weights = {name: round(float(w), 4) for name, w in
               zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= SMALLEST}
    return round(float(model.intercept_[0]), 4), weights


def fit(train: list[Example]) -> dict[str, tuple[float, dict[str, float]]]:
    """One logistic model per relation type that has positives among ``train``."""
    types = sorted({t for e in train for t in e.pair.types})
    return {t: model for t in types if (model := _fit(train, t)) is not None}


def _scores(models: dict[str, tuple[float, dict[str, float]]], examples: list[Example]
            ) -> dict[tuple[str, str, str, str], tuple[float, bool]]:
    """(report, source, type, target) -> the highest probability over its examples, and
    whether the gold holds it."""
    scored: dict[tuple[str, str, str, str], tuple[float, bool]] = {}
    for example in examples:
        for type_ in example.pair.types:
            if type_ not in models:
                continue
            p = probability(*models[type_], example.pair.features)
            key = (example.report, example.pair.source, type_, example.pair.target)
            scored[key] = (max(p, scored.get(key, (0.0, False))[0]), type_ in example.labels)
    return scored


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose(scored: dict[tuple[str, str, str, str], tuple[float, bool]]
           ) -> dict[str, tuple[float, int, int]]:
    """Per type, the lowest threshold at which what the model proposes on held-out reports
    is right at least ``PRECISION`` of the time, with the right and wrong counts there; a
    type whose proposals never are is left out."""
    by_type: dict[str, list[tuple[float, bool]]] = {}
    for (_, _, type_, _), found in scored.items():
        by_type.setdefault(type_, []).append(found)
    chosen = {}
    for type_, found in sorted(by_type.items()):
        for threshold in THRESHOLDS:
            right = sum(1 for p, gold in found if p >= threshold and gold)
            wrong = sum(1 for p, gold in found if p >= threshold and not gold)
            if right >= MIN_RIGHT and right >= PRECISION * (right + wrong):
                chosen[type_] = (threshold, right, wrong)
                break
    return chosen


def train(data: Examples, folds: int = FOLDS, log: Any = sys.stderr) -> dict[str, Any]:
    """The linker model (the JSON written to its file), thresholds chosen on ``folds``."""
    reports = sorted(data.base)
    tp, fp, fn = (sum(t[k] for t in data.base.values()) for k in range(3))
    print(f"without the linker: tp {tp} fp {fp} fn {fn} F1 {_f1(tp, fp, fn):.4f}", file=log)
    model: dict[str, Any] = {}
    for kind in KINDS:
        near = kind == "near"
        chosen = [e for e in data.examples if e.pair.near == near]
        held: dict[tuple[str, str, str, str], tuple[float, bool]] = {}
        for fold in range(folds):
            out = set(reports[fold::folds])
            models = fit([e for e in chosen if e.report not in out])
            held.update(_scores(models, [e for e in chosen if e.report in out]))
        thresholds = choose(held)
        for type_, (threshold, right, wrong) in thresholds.items():
            tp, fp, fn = tp + right, fp + wrong, fn - right
            print(f"{kind} {type_}: threshold {threshold}, on {folds} folds {right} right "
                  f"{wrong} wrong", file=log)
        print(f"with {kind}: tp {tp} fp {fp} fn {fn} F1 {_f1(tp, fp, fn):.4f}", file=log)
        model[kind] = {t: {"bias": b, "threshold": thresholds[t][0], "weights": w}
                       for t, (b, w) in fit(chosen).items() if t in thresholds}
    return model


def main(argv: Sequence[str] | None = None) -> None:
    """Train on the gold folder's reports (those numbered up to ``--upto``) and write the
    model file."""
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=root / "tests/fixtures/dev/gold")
    parser.add_argument("--corpus", type=Path, default=root / "tests/fixtures/dev/reports")
    parser.add_argument("--upto", type=int, default=348,
                        help="only reports whose id starts with a number up to this")
    parser.add_argument("--out", type=Path, default=SHIPPED)
    args = parser.parse_args(argv)
    if "holdout" in str(args.gold):
        parser.error("the holdout is never trained on: it is the honest estimate")
    golds = [g for g in read_gold_folder(args.gold)
             if (m := re.match(r"\d+", g.report)) and int(m.group()) <= args.upto]
    if not golds:
        parser.error(f"no gold report numbered up to {args.upto} in {args.gold}")
    model = train(examples(golds, [args.corpus]))
    model = {"trained_on": f"{len(golds)} reports of {args.gold.name} numbered up to "
                           f"{args.upto}, by ingest/evaluate/train_linker.py", **model}
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
