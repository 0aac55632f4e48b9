"""Extraction measured against the curated seed facts. Floors only ever rise.

Measured at this stage (five seed reports, `milcoop score --corpus ../shared/corpus/seeds`):
entities P 0.903 R 0.554 F1 0.686; relations P 0.610 R 0.226 F1 0.330. Targets: 0.90 / 0.75.
"""

from __future__ import annotations

import pytest

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.score import Score, score_corpus

pytestmark = pytest.mark.corpus

ENTITY_F1_FLOOR = 0.68
RELATION_F1_FLOOR = 0.32
FLOORS = {"Country": 1.0, "Person": 0.9, "Organization": 0.8}


@pytest.fixture(scope="module")
def seed_score(seed_corpus: Corpus) -> Score:
    return score_corpus(FACTS, seed_corpus)


def test_entities_overall_f1_floor(seed_score: Score) -> None:
    assert Score.total(seed_score.entities).f1 >= ENTITY_F1_FLOOR


def test_relations_overall_f1_floor(seed_score: Score) -> None:
    assert Score.total(seed_score.relations).f1 >= RELATION_F1_FLOOR


@pytest.mark.parametrize("label", sorted(FLOORS))
def test_entity_label_floors(seed_score: Score, label: str) -> None:
    assert seed_score.entities[label].f1 >= FLOORS[label]


def test_every_seed_state_is_found(seed_score: Score) -> None:
    assert seed_score.entities["Country"].fn == 0
