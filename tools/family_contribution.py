"""What each extraction family adds: relations precision, recall and F1 with every family
left out in turn, on the development gold and on the seeds against their curated facts.

A family is a hand-written pattern function (``ties.cooperation``), a pattern file
(``participation``) or the learned linker (``learned.linker``). A family whose removal
raises F1 on both sets does not earn its place.
Never run it on the holdout: that set is for the honest estimate, not for choosing rules.

Run: .venv/bin/python tools/family_contribution.py [--gold tests/fixtures/dev/gold]
     [--corpus tests/fixtures/dev/reports] [--seeds ../shared/corpus/seeds]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest.corpus import Corpus
from ingest.evaluate.gold import compare_gold
from ingest.evaluate.score import Score, score_corpus
from ingest.extract.extractor import FAMILIES
from ingest.extract.learned.linker import FAMILY as LINKER
from ingest.extract.rulebook import RULES

ROOT = Path(__file__).resolve().parent.parent


def _gold(gold: Path, corpus: Path, without: frozenset[str]) -> Score:
    total = Score()
    for comparison in compare_gold(gold, [corpus], without).values():
        total += comparison.score
    return total


def _cell(score: Score | None) -> str:
    if score is None:
        return "            -"
    total = Score.total(score.relations)
    return f"{total.precision:.3f} {total.recall:.3f} {total.f1:.3f}"


def main() -> None:
    """Print one row per family: relations P R F1 on dev and on the seeds without it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/fixtures/dev/gold")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests/fixtures/dev/reports")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared/corpus/seeds")
    args = parser.parse_args()
    if "holdout" in str(args.gold):
        parser.error("the holdout is never used to choose rules")
    seeds = args.seeds if args.seeds.is_dir() else None
    families = ["(none)", *FAMILIES, *sorted(path.stem for path in RULES.glob("*.yaml")), LINKER]
    print(f"{'left out':28} {'dev P     R     F1':>19}   {'seeds P   R     F1':>19}")
    for name in families:
        without = frozenset() if name == "(none)" else frozenset((name,))
        seed = score_corpus(ROOT / "data/facts", Corpus([seeds]), "place", without) \
            if seeds else None
        print(f"{name:28} {_cell(_gold(args.gold, args.corpus, without))}   {_cell(seed)}",
              flush=True)


if __name__ == "__main__":
    main()
