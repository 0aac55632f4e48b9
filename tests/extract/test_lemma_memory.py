"""The remembered lemmatizer sets exactly the lemmas spaCy's own lemmatizer sets."""

from __future__ import annotations

from pathlib import Path

from ingest.extract.lemma_memory import FACTORY, remembered
from ingest.extract.nlp import pipeline, shipped_pipeline

DEV = Path(__file__).resolve().parent.parent / "fixtures" / "dev" / "reports"


def test_milcoop_pipeline_remembers_lemmas_in_the_lemmatizers_place() -> None:
    names = pipeline().pipe_names
    assert FACTORY in names and "lemmatizer" not in names
    assert names.index(FACTORY) == names.index("milcoop_attribute_lookup") + 1


def test_every_token_of_dev_reports_gets_the_lemmatizers_lemma() -> None:
    paths = sorted(DEV.glob("*.txt"))[3::8]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    stock = shipped_pipeline()
    fast = remembered(shipped_pipeline())
    assert "lemmatizer" in stock.pipe_names and FACTORY in fast.pipe_names
    tokens = 0
    for _ in range(2):  # the second time, every lemma comes from the memory
        for path, theirs, ours in zip(paths, stock.pipe(texts), fast.pipe(texts), strict=True):
            assert [(t.text, t.lemma, t.lemma_) for t in ours] == \
                [(t.text, t.lemma, t.lemma_) for t in theirs], path.name
            tokens += len(ours)
    assert tokens > 15_000
