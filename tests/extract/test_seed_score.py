"""Extraction measured against the curated seed facts.

Measured with extraction v2 at the end of its second session (five seed reports, `milcoop
score --corpus ../shared/corpus/seeds`): entities P 0.974 R 0.899 F1 0.935; relations
P 0.840 R 0.633 F1 0.722 (round 2: 0.942 / 0.770; first v2 session: 0.935 / 0.742). The
seed score may move either way (issue 12): the curated seed facts were written before the
team's annotation conventions, and extraction now follows those conventions where they
differ: a state's services and bodies are PART_OF the state (the curators put them in its
armed forces), every place named, capitals included, is LOCATED_IN its state (Baku), and
"Turkish troops" makes Türkiye take part, not an Armed Forces node. The relations floor was
lowered from 0.72 to 0.69 for that reason; floors sit 0.015-0.03 below the measured score.
In the seventh v2 session the seed proposals were reviewed with `milcoop review` (18 of the
extractor's relations accepted into the curated facts, 11 rejected, 1 entity merged), then
an analyst added 26 relations the reports state that neither had: relations P 0.916 R 0.602
F1 0.727 with the extractor unchanged; with the session's rules, and the one more relation
they proposed accepted in review, P 0.917 R 0.607 F1 0.730; the relations floor rose to
0.70. At the end of the eleventh v2 session: entities P 0.968 R 0.905 F1 0.935, relations
P 0.905 R 0.637 F1 0.748; the relations floor rose to 0.72. At the end of the twelfth:
entities unchanged, relations P 0.896 R 0.628 F1 0.738 (three fewer right, two more wrong,
where these facts read a deputy head as commanding and a forum's meeting as part of it,
and the dev gold of four batches reads them as a member and as run by it). At the end of
the nineteenth: relations P 0.895 R 0.622 F1 0.734 (two fewer right: meetings within a visit
are held only in its towns, as the dev gold has them, where these facts also place two of
them in the state visited). At the end of the twentieth: entities unchanged, relations P
0.891 R 0.622 F1 0.732 (one more wrong; before ground forces, arm-named troops, deployments
to bodies and a partnership "between" two states were restored for these facts, 0.926 and
0.717). At the end of the twenty-first: entities unchanged, relations P 0.845 R 0.631 F1
0.722, 0.002 above the floor: the learned linker adds 3 relations these facts hold and 13
they do not, most of which an analyst would accept (Iran a member of the 3+3 format,
Armenia and Azerbaijan signatories of the 2020 statement); the floor stays. At the end of
the twenty-second, with the linker trained on dev 1-348: unchanged; at the end of the
twenty-fourth: unchanged."""

from __future__ import annotations

import pytest

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.evaluate.score import Score, score_corpus

pytestmark = pytest.mark.corpus

ENTITY_F1_FLOOR = 0.92
RELATION_F1_FLOOR = 0.72
FLOORS = {"Country": 1.0, "Person": 0.95, "Organization": 0.88, "Location": 0.95,
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
