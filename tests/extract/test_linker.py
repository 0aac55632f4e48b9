"""The learned linker: the model milcoop ships, what it adds to a real report, how a bad
model file is refused, and that training writes a model the linker reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from graph.vocabulary import FACT_TYPES
from ingest.evaluate.gold import read_gold_folder
from ingest.extract.extractor import extract
from ingest.extract.learned.features import bucket
from ingest.extract.learned.linker import (
    FAMILY,
    KINDS,
    SHIPPED,
    LinkerInvalid,
    read_linker,
    shipped,
)
from ingest.readers.folder import read_file

DEV = FIXTURES / "dev"


def dev_report(report: str) -> tuple[str, str, str | None]:
    """A dev report's text, id and date, read as scoring reads it."""
    (found,) = read_file(DEV / "reports" / f"{report}.txt")
    return found.text, found.id, found.published


def test_shipped_model_names_only_vocabulary_types() -> None:
    linker = shipped()
    assert "reports" in linker.trained_on
    for model in (linker.near, linker.far):
        assert set(model) <= set(FACT_TYPES)
        assert all(0.2 <= m.threshold <= 0.9 for m in model.values())
    assert "PARTICIPATED_IN" in linker.near
    assert all(">" in name.split("|")[0] for name in linker.near["PARTICIPATED_IN"].weights)


def test_buckets_are_coarse() -> None:
    assert [bucket(n) for n in (0, 1, 2, 3, 4, 5, 9, 15, 16, 400)] == \
        ["0", "1", "2", "4", "4", "8", "15", "15", "16+", "16+"]


@pytest.mark.parametrize(("content", "complaint"), [
    ("{not json", "not a readable JSON linker model"),
    ('{"near": {}}', "far: expected an object of relation types"),
    ('{"near": {"SIGNED": {"bias": 0, "threshold": 1.5, "weights": {}}}, "far": {}}',
     "near.SIGNED.threshold: 1.5 is not between 0 and 1"),
    ('{"near": {"ALLIED_WITH": {"bias": 0, "threshold": 0.5, "weights": {}}}, "far": {}}',
     "near.ALLIED_WITH: 'ALLIED_WITH' is not a fact type of the vocabulary"),
    ('{"near": {}, "far": {"SIGNED": {"bias": 0, "threshold": 0.5, "weights": {"x": "big"}}}}',
     "far.SIGNED.weights['x']: expected a number, got 'big'"),
    ('{"near": {"SIGNED": {"bias": 0, "threshold": 0.5}}, "far": {}}',
     "near.SIGNED: expected an object with a bias, a threshold and weights"),
])
def test_a_bad_model_file_is_one_clear_error(tmp_path: Path, content: str,
                                             complaint: str) -> None:
    path = tmp_path / "linker.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LinkerInvalid) as raised:
        read_linker(path)
    assert str(raised.value).startswith(str(path))
    assert complaint in str(raised.value)


def test_shipped_model_file_is_sorted_json() -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(KINDS) <= set(data)
    assert SHIPPED.read_text(encoding="utf-8") == \
        json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_two_states_of_an_access_agreement_are_its_signatories() -> None:
    """"US forces have rotating access to nine Philippine military sites under the Enhanced
    Defense Cooperation Agreement (EDCA) of 2014" (dev 07): no pattern reads signing there;
    the model does, for both states, the sentence as evidence."""
    text, report, published = dev_report("07_asia_pacific")
    learned = extract(text, report, published)
    plain = extract(text, report, published, without=frozenset((FAMILY,)))
    for state in ("USA", "PHL"):
        relation = learned.relations[(state, "SIGNED", "edca")]
        assert relation.rule == "learned.near"
        assert relation.confidence >= shipped().near["SIGNED"].threshold
        assert any(text[start:end].startswith("US forces have rotating access to nine")
                   for start, end in relation.spans)
        assert (state, "SIGNED", "edca") not in plain.relations
    assert not any(r.rule.startswith("learned.") for r in plain.relations.values())
    assert set(plain.relations) < set(learned.relations)
    assert set(plain.entities) == set(learned.entities)


def test_training_writes_a_model_the_linker_reads(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from ingest.evaluate.train_linker import examples, train

    golds = read_gold_folder(DEV / "gold")[:6]
    data = examples(golds, [DEV / "reports"])
    assert {e.report for e in data.examples} <= {g.report for g in golds}
    assert any(e.labels for e in data.examples)
    model = train(data, folds=2, log=None)
    path = tmp_path / "linker.json"
    path.write_text(json.dumps({"trained_on": "6 reports", **model}), encoding="utf-8")
    linker = read_linker(path)
    assert linker.trained_on == "6 reports"
    assert set(linker.near) | set(linker.far) <= set(FACT_TYPES)
