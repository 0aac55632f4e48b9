"""Entity resolution: one node per thing across reports and against the curated seed facts."""

from __future__ import annotations

import pytest

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.extract.facts import Entity, Extraction, Relation
from ingest.review.proposals import Curated, curated_facts
from ingest.review.resolve import resolve
from ingest.run import read_curated


@pytest.fixture(scope="module")
def curated() -> Curated:
    return curated_facts(read_curated(FACTS, Corpus()))


def report(article: str, *entities: tuple[str, str, str, list[str]],
           relations: tuple[tuple[str, str, str], ...] = ()) -> Extraction:
    """A hand-made extraction: entities (id, label, name, aliases), each mentioned once."""
    extraction = Extraction(article, "x" * 500)
    for number, (id_, label, name, aliases) in enumerate(entities):
        extraction.entities[id_] = Entity(id_, label, name, aliases, spans=[(number, number + 1)],
                                          rule="test", confidence=0.5)
    for type_, source, target in relations:
        extraction.relations[source, type_, target] = Relation(
            type_, source, target, [(0, 10)], "test", 0.5)
    return extraction


def test_turkey_turkiye_turkish_and_ankara_are_the_curated_tur(curated: Curated) -> None:
    found = resolve([report("r1", ("turkey", "Country", "Turkey", ["Turkey", "Ankara"])),
                     report("r2", ("turkiye", "Country", "Türkiye", ["Türkiye"])),
                     report("r3", ("turkish-state", "Country", "Turkish State",
                                   ["Turkish"]))], curated.known)
    assert [list(extraction.entities) for extraction in found.extractions] == \
        [["TUR"], ["TUR"], ["TUR"]]
    assert found.extractions[0].entities["TUR"].name == "Türkiye"
    assert found.extractions[0].entities["TUR"].aliases == ["Turkey", "Ankara"]


def test_azerbaijan_nato_and_aliyev_resolve_to_their_curated_ids(curated: Curated) -> None:
    found = resolve([report(
        "r1", ("azerbaijan-republic", "Country", "Azerbaijan", ["Azerbaijan"]),
        ("north-atlantic-treaty-organization", "Organization",
         "North Atlantic Treaty Organization", ["the Alliance"]),
        ("the-alliance", "Organization", "The Alliance", ["the Alliance"]),
        ("president-ilham-aliyev", "Person", "President Ilham Aliyev", []),
        relations=(("MEMBER_OF", "azerbaijan-republic", "north-atlantic-treaty-organization"),),
    )], curated.known)
    extraction = found.extractions[0]
    assert list(extraction.entities) == ["AZE", "nato", "ilham-aliyev"]
    assert extraction.entities["nato"].aliases == ["the Alliance"]
    assert list(extraction.relations) == [("AZE", "MEMBER_OF", "nato")]


def test_a_lone_surname_is_the_one_person_bearing_it_else_stays_apart(curated: Curated) -> None:
    found = resolve([report("r1", ("blinken", "Person", "Blinken", ["Blinken"]),
                            ("aliyev", "Person", "Aliyev", ["Aliyev"]))], curated.known)
    # Antony Blinken is the only curated Blinken; Heydar and Ilham are both Aliyevs.
    assert list(found.extractions[0].entities) == ["antony-blinken", "aliyev"]


def test_the_same_exercise_in_two_reports_is_one_node_with_both_sources(
        curated: Curated) -> None:
    found = resolve([
        report("r1", ("sea-breeze-2025", "Exercise", "Sea Breeze-2025", ["Sea Breeze-2025"]),
               ("UKR", "Country", "Ukraine", ["Ukraine"]),
               relations=(("PARTICIPATED_IN", "UKR", "sea-breeze-2025"),)),
        report("r2", ("sea-breeze-drills-2025", "Exercise", "Sea Breeze drills (2025)",
                      ["Sea Breeze-2025", "naval drills"])),
        report("r3", ("sea-breeze-drills-2025", "Exercise", "Sea Breeze drills (2025)",
                      ["naval drills"]))], curated.known)
    assert [list(extraction.entities) for extraction in found.extractions] == \
        [["sea-breeze-2025", "UKR"], ["sea-breeze-2025"], ["sea-breeze-2025"]]
    assert {extraction.entities["sea-breeze-2025"].name
            for extraction in found.extractions} == {"Sea Breeze-2025"}


def test_common_phrases_do_not_merge_different_things(curated: Curated) -> None:
    found = resolve([
        report("r1", ("oman-drills-2025", "Exercise", "Oman drills (2025)", ["joint drills"])),
        report("r2", ("chad-drills-2025", "Exercise", "Chad drills (2025)", ["joint drills"]))],
        curated.known)
    assert [list(extraction.entities) for extraction in found.extractions] == \
        [["oman-drills-2025"], ["chad-drills-2025"]]


def test_an_office_named_without_its_state_never_makes_one_states_office_another_s(
        curated: Curated) -> None:
    # The curators gave Azerbaijan's ministry the alias "Ministry of Defense", and the
    # extractor gives every state's ministry that spelling too.
    found = resolve([
        report("r1", ("jpn-ministry-of-defence", "Organization", "Ministry of Defence of Japan",
                      ["Ministry of Defence of Japan", "Ministry of Defense"])),
        report("r2", ("gbr-ministry-of-defence", "Organization",
                      "Ministry of Defence of United Kingdom",
                      ["Ministry of Defence of United Kingdom", "Ministry of Defense"])),
        report("r3", ("ministry-of-defense", "Organization", "Ministry of Defense",
                      ["Ministry of Defense"])),
        report("r4", ("kor-ministry-of-defense", "Organization",
                      "Ministry of Defense of South Korea", ["Ministry of Defense"])),
        report("r5", ("aze-defence-ministry", "Organization", "Defence Ministry of Azerbaijan",
                      ["Ministry of Defense"]))], curated.known)
    assert [list(extraction.entities) for extraction in found.extractions] == \
        [["jpn-ministry-of-defence"], ["gbr-ministry-of-defence"], ["aze-ministry-of-defense"],
         ["kor-ministry-of-defense"], ["aze-ministry-of-defense"]]


def test_an_id_held_by_another_label_gets_its_own_variant(curated: Curated) -> None:
    found = resolve([report("r1", ("baku", "Organization", "Baku Forum", []))], curated.known)
    assert list(found.extractions[0].entities) == ["baku-organization"]
    assert found.labels["baku-organization"] == "Organization"
    assert found.labels["baku"] == "Location"


def test_entities_of_one_report_that_meet_are_merged_and_self_loops_dropped(
        curated: Curated) -> None:
    found = resolve([report(
        "r1", ("tur-army", "Organization", "Army of Türkiye", ["Turkish Army"]),
        ("tur-armed-forces", "Organization", "Turkish Armed Forces", ["Turkish Armed Forces"]),
        relations=(("PART_OF", "tur-army", "tur-armed-forces"),))], curated.known)
    extraction = found.extractions[0]
    assert list(extraction.entities) == ["tur-armed-forces"]
    assert extraction.entities["tur-armed-forces"].spans == [(0, 1), (1, 2)]
    assert extraction.relations == {}


def test_a_report_already_curated_resolves_by_the_curators_evidence(curated: Curated) -> None:
    meeting = report("004_d8bdd8c15c7bfc71",
                     ("rahimov-erdogan-meeting", "Meeting", "Rahimov–Erdogan meeting", []))
    meeting.entities["rahimov-erdogan-meeting"].spans = [(289, 296)]
    found = resolve([meeting], curated.known, curated.marks)
    assert list(found.extractions[0].entities) == ["rahimov-erdogan-meeting-baku"]
