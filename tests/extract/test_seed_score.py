"""Extraction measured against the curated seed facts. Floors only ever rise.

Measured at this stage (five seed reports, `milcoop score --corpus ../shared/corpus/seeds`):
entities P 0.975 R 0.911 F1 0.942; relations P 0.909 R 0.668 F1 0.770. Targets: 0.90 / 0.75.
Matching by name only (`--match names`): entities F1 0.892, relations F1 0.664.
"""

from __future__ import annotations

import pytest

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.score import Score, score_corpus

pytestmark = pytest.mark.corpus

ENTITY_F1_FLOOR = 0.94
RELATION_F1_FLOOR = 0.76
FLOORS = {"Country": 1.0, "Person": 0.95, "Organization": 0.95, "Location": 0.95,
          "Program": 0.95, "Unit": 0.9, "Operation": 0.85}


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
