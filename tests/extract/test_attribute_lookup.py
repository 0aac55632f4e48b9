"""The attribute ruler answered by lookups sets exactly what spaCy's own ruler sets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ingest.extract.attribute_lookup import FACTORY, compiled
from ingest.extract.nlp import pipeline, shipped_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEV = Path(__file__).resolve().parent.parent / "fixtures" / "dev" / "reports"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i))
            for t in doc]


def test_milcoop_pipeline_uses_the_lookup_in_the_rulers_place() -> None:
    names = pipeline().pipe_names
    assert FACTORY in names and "attribute_ruler" not in names
    assert names.index(FACTORY) == names.index("parser") + 1


def test_every_token_of_dev_and_seed_reports_gets_the_rulers_annotations() -> None:
    paths = sorted(DEV.glob("*.txt"))[::8] + sorted(SEEDS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    stock = shipped_pipeline()
    fast = compiled(shipped_pipeline())
    assert "attribute_ruler" in stock.pipe_names and FACTORY in fast.pipe_names
    tokens = 0
    for path, theirs, ours in zip(paths, stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs), path.name
        tokens += len(ours)
    assert tokens > 15_000


def test_a_two_token_exception_is_applied_to_its_indexed_token() -> None:
    doc = pipeline()("They were gonna sail at dawn.")
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]
