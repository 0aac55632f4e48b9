"""Extraction measured on the development reports, and the gold files they use.

The 444 team-written reports in tests/fixtures/dev/reports (01-12 from the first round;
13-24 and each later dozen up to 433-444, added for extraction v2 by writers who never saw
the extractor or its output) have gold annotations in the scoring-interface JSON shape;
entities match by name only. The rules are tuned on 1-252 and the learned linker is trained
on 1-348, so tests/fixtures/holdout is the honest figure (and so was each later batch when
it arrived: see README, "How good it is").

Measured (`milcoop score --gold tests/fixtures/dev/gold --corpus
tests/fixtures/dev/reports`) in the twenty-sixth v2 session, on all 444: entities P 0.885 R
0.806 F1 0.844; relations P 0.725 R 0.461 F1 0.564 (1-420: 0.729 / 0.469 / 0.570; 1-348,
which the linker is trained on: 0.761 / 0.493 / 0.598, not an estimate; out of fold in the
twenty-second session, five folds by report, 0.562). Each batch since 133-156 was scored on
arrival, written blind and before the extractor ran on it (entities F1, relations P / R /
F1): 421-444 0.794, 0.653 / 0.349 / 0.455 (twenty-sixth session); 397-420 0.776, 0.592 /
0.326 / 0.421 (twenty-fifth); 373-396 0.787, 0.599 / 0.362 / 0.451 (twenty-fourth); 349-372
0.785, 0.567 / 0.380 / 0.455 (twenty-second); 325-348 0.784, 0.615 / 0.316 / 0.418
(twenty-first); 301-324 0.811, 0.660 / 0.354 / 0.460; 277-300 0.802, 0.674 / 0.326 / 0.439;
253-276 0.755, 0.609 / 0.226 / 0.330; 229-252 0.799, 0.650 / 0.299 / 0.410; 205-228 0.800,
0.646 / 0.289 / 0.399; 181-204 0.799, 0.671 / 0.307 / 0.421; 157-180 0.809, 0.647 / 0.329 /
0.436; 133-156 0.774, 0.607 / 0.255 / 0.359. Floors only rise; each blind batch lowers the
mean, so with 444 reports they sit this close below the measured score: entities 0.844
(floor 0.84, 0.004), relations 0.564 (0.555, 0.009), Country 0.978 (0.97, 0.008), Person
0.967 (0.95, 0.017), Organization 0.825 (0.82, 0.005), Location 0.866 (0.85, 0.016)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from graph.lookup import fold
from ingest.evaluate.gold import (
    Comparison,
    Gold,
    GoldEntity,
    InvalidGold,
    compare,
    compare_gold,
    read_gold,
    read_gold_folder,
    score_gold,
)
from ingest.evaluate.score import Score
from milcoop.cli import main

DEV = FIXTURES / "dev"
REPORTS = DEV / "reports"
GOLD = DEV / "gold"

ENTITY_F1_FLOOR = 0.84
RELATION_F1_FLOOR = 0.555
LABEL_FLOORS = {"Country": 0.97, "Person": 0.95, "Organization": 0.82, "Location": 0.85}
GOLD_ENTITIES = 20864
GOLD_RELATIONS = 42156

BOILERPLATE = {
    "01_central_asia": ["Aigerim Sadykova", "Turkmenistan", "Uzbekistan", "Termez", "Astana"],
    "02_central_asia": ["Kyrgyzstan"],
    "03_gulf": ["Omar Al-Harbi", "Oman", "India", "Masirah"],
    "05_africa": ["Kwame Mensah-Bonsu", "Kenya", "Tanzania"],
    "06_africa": ["Grace Achieng", "East African Community"],
    "07_asia_pacific": ["Paolo Reyes", "Thailand", "Cambodia"],
    "08_asia_pacific": ["Ananya Krishnan", "Sri Lanka"],
    "09_eastern_europe": ["Jonas Petraitis", "Latvia", "Estonia"],
    "10_eastern_europe": ["Ioana Dumitrescu", "Bulgaria"],
    "11_latin_america": ["Daniela Restrepo"],
    "12_mixed": ["Selin Kaya", "Arif Nugroho", "Malaysia"],
}
"""Names that occur only in a report's byline, caption, 'READ ALSO' line or footer."""


@pytest.fixture(scope="module")
def dev() -> dict[str, Comparison]:
    return compare_gold(GOLD, [REPORTS])


@pytest.fixture(scope="module")
def dev_score(dev: dict[str, Comparison]) -> Score:
    total = Score()
    for comparison in dev.values():
        total += comparison.score
    return total


def test_every_report_has_gold_and_metadata() -> None:
    reports = sorted(path.stem for path in REPORTS.glob("*.txt"))
    with (REPORTS / "articles.csv").open(encoding="utf-8", newline="") as handle:
        listed = sorted(row["file"].removesuffix(".txt") for row in csv.DictReader(handle))
    assert len(reports) == 444
    assert [gold.report for gold in read_gold_folder(GOLD)] == reports == listed


def test_gold_size() -> None:
    golds = read_gold_folder(GOLD)
    assert sum(len(gold.entities) for gold in golds) == GOLD_ENTITIES
    assert sum(len(gold.relations) for gold in golds) == GOLD_RELATIONS


def test_entities_overall_f1_floor(dev_score: Score) -> None:
    assert Score.total(dev_score.entities).f1 >= ENTITY_F1_FLOOR


def test_relations_overall_f1_floor(dev_score: Score) -> None:
    assert Score.total(dev_score.relations).f1 >= RELATION_F1_FLOOR


@pytest.mark.parametrize("label", sorted(LABEL_FLOORS))
def test_entity_label_floors(dev_score: Score, label: str) -> None:
    assert dev_score.entities[label].f1 >= LABEL_FLOORS[label]


@pytest.mark.parametrize("report", sorted(BOILERPLATE))
def test_site_boilerplate_yields_no_entity(dev: dict[str, Comparison], report: str) -> None:
    boilerplate = {fold(name) for name in BOILERPLATE[report]}
    assert not boilerplate & {name for entity in read_gold(GOLD / f"{report}.json").entities
                              for name in entity.names}
    assert not boilerplate & {name for entity in dev[report].predicted for name in entity.names}


def test_score_gold_sums_the_reports(dev: dict[str, Comparison], dev_score: Score) -> None:
    assert dev_score.rows() == score_gold(GOLD, [REPORTS]).rows()
    assert Score.total(dev_score.entities).tp + Score.total(dev_score.entities).fn == GOLD_ENTITIES


def test_cli_scores_against_gold() -> None:
    result = CliRunner().invoke(main, ["score", "--gold", str(GOLD), "--corpus", str(REPORTS),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {(row["kind"], row["category"]): row for row in json.loads(result.output)}
    assert rows[("entity", "overall")]["tp"] + rows[("entity", "overall")]["fn"] == GOLD_ENTITIES
    relations = rows[("relation", "overall")]
    assert relations["tp"] + relations["fn"] == GOLD_RELATIONS


# Matching: what an external scorer holding only the JSON can do.

OMAN_QATAR = Gold("r", (GoldEntity("OMN", "Country", "Oman"),
                        GoldEntity("QAT", "Country", "Qatar", ("Qatari", "Doha")),
                        GoldEntity("doha", "Location", "Doha")),
                  (("COOPERATES_WITH", "OMN", "QAT"),))


def _prediction(entities: list[tuple[str, str, str, list[str]]],
                relations: list[tuple[str, str, str]]) -> dict[str, list[dict[str, object]]]:
    return {"entities": [{"id": i, "type": t, "name": n, "aliases": a}
                         for i, t, n, a in entities],
            "relations": [{"type": t, "source_id": s, "target_id": g} for t, s, g in relations]}


def test_entities_match_by_folded_alias_and_label_one_to_one() -> None:
    result = compare(_prediction([("a", "Country", "qatari", []),
                                  ("b", "Country", "Qatar", []),
                                  ("c", "Location", "DOHA", []),
                                  ("d", "Location", "Oman", [])], []), OMAN_QATAR)
    assert result.matched == {"b": "QAT", "c": "doha"}
    assert [e.id for e in result.false_entities] == ["a", "d"]
    assert [e.id for e in result.missed_entities] == ["OMN"]


def test_symmetric_relations_match_in_either_order() -> None:
    result = compare(_prediction([("x", "Country", "Qatar", []), ("y", "Country", "Oman", [])],
                                 [("COOPERATES_WITH", "x", "y")]), OMAN_QATAR)
    assert result.score.relations["COOPERATES_WITH"].tp == 1
    assert not result.missed_relations and not result.false_relations


def test_a_relation_to_an_unmatched_entity_is_false() -> None:
    result = compare(_prediction([("x", "Country", "Qatar", []), ("z", "Country", "Iran", [])],
                                 [("COOPERATES_WITH", "x", "z")]), OMAN_QATAR)
    assert result.false_relations == [("COOPERATES_WITH", "?z", "QAT")]
    assert result.missed_relations == [("COOPERATES_WITH", "OMN", "QAT")]


# Gold-file validation: a bad file is refused with its name and the record's index.

def _write(tmp_path: Path, payload: object, name: str = "r.json") -> Path:
    folder = tmp_path / "gold"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), "utf-8")
    return path


GOOD_ENTITIES = [{"id": "OMN", "type": "Country", "name": "Oman", "aliases": []},
                 {"id": "ex", "type": "Exercise", "name": "Sea Shield", "aliases": []}]


@pytest.mark.parametrize(("payload", "message"), [
    ("{\"entities\": [", "not valid JSON"),
    ([], "must be an object"),
    ({"entities": GOOD_ENTITIES}, "'relations' must be a list"),
    ({"entities": [{"id": "OMN", "type": "Contry", "name": "Oman"}], "relations": []},
     "entities[0]: unknown type 'Contry'"),
    ({"entities": [*GOOD_ENTITIES, {"id": "OMN", "type": "Country", "name": "Oman"}],
      "relations": []}, "entities[2]: duplicate id 'OMN'"),
    ({"entities": [{"id": "OMN", "type": "Country", "name": "Oman", "aliases": "Muscat"}],
      "relations": []}, "entities[0]: 'aliases' must be a list of strings"),
    ({"entities": [{"id": "OMN", "type": "Country", "name": ""}], "relations": []},
     "entities[0]: 'name' must be a non-empty string"),
    ({"entities": GOOD_ENTITIES,
      "relations": [{"type": "PARTICIPATED_IN", "source_id": "OMN", "target_id": "ex"},
                    {"type": "HOSTS", "source_id": "OMN", "target_id": "ex"}]},
     "relations[1]: unknown type 'HOSTS'"),
    ({"entities": GOOD_ENTITIES,
      "relations": [{"type": "PARTICIPATED_IN", "source_id": "QAT", "target_id": "ex"}]},
     "relations[0]: source_id 'QAT' not among the entities"),
    ({"entities": GOOD_ENTITIES,
      "relations": [{"type": "HELD_IN", "source_id": "OMN", "target_id": "ex"}]},
     "relations[0]: HELD_IN may not go from Country to Exercise"),
    ({"entities": GOOD_ENTITIES,
      "relations": [{"type": "PARTICIPATED_IN", "source_id": "OMN", "target_id": "ex"},
                    {"type": "PARTICIPATED_IN", "source_id": "OMN", "target_id": "ex"}]},
     "relations[1]: duplicate of relations[0]"),
])
def test_bad_gold_file_is_refused_with_file_and_record(tmp_path: Path, payload: object,
                                                       message: str) -> None:
    path = _write(tmp_path, payload)
    with pytest.raises(InvalidGold, match=r"r\.json") as error:
        read_gold(path)
    assert message in str(error.value)


def test_every_problem_of_a_file_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, {"entities": [{"id": "a", "type": "Ship", "name": "X"},
                                          {"id": "b", "type": "Country"}], "relations": []})
    with pytest.raises(InvalidGold, match=r"2 problem\(s\): entities\[0\]: unknown type "
                                          r"'Ship'.*; entities\[1\]: 'name' must be"):
        read_gold(path)


def test_gold_without_its_report_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"entities": GOOD_ENTITIES, "relations": []}, "99_nowhere.json")
    with pytest.raises(InvalidGold, match="no readable report '99_nowhere'"):
        compare_gold(path.parent, [REPORTS])


def test_cli_refuses_a_bad_gold_file_in_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, {"entities": [{"id": "a", "type": "Ship", "name": "X"}],
                             "relations": []})
    result = CliRunner().invoke(main, ["score", "--gold", str(path.parent)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("error:") and "entities[0]: unknown type 'Ship'" in \
        result.output
