"""Extraction on short reports written for these tests, from several regions."""

from __future__ import annotations

from ingest.extract.extractor import extract
from ingest.extract.output import scoring_json

CENTRAL_ASIA = (
    "Kazakhstan and Uzbekistan began joint tactical exercises in the Fergana Valley, "
    "involving about 1,500 servicemen.\n"
    "The exercise, dubbed \"Steppe Eagle-2025\", is commanded by Maj. Gen. Aidar Bekov, "
    "commander of the Kazakh Land Forces.\n"
)
GULF = ("Oman and Qatar signed a memorandum of understanding on naval cooperation on "
        "12 February 2025.\n"
        "Omani Defence Minister Salim Al-Harthy met Qatari officials in Doha.\n")
AFRICA = ("Kenya joined the African Union mission in Somalia, and Ethiopia is a member of the "
          "Intergovernmental Authority on Development.\n")


def relations(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    return set(extract(text, "t", published).relations)


def test_a_described_exercise_its_name_parties_place_and_size() -> None:
    out = extract(CENTRAL_ASIA, "t", "2025-03-03")
    exercise = next(e for e in out.entities.values() if e.label == "Exercise")
    assert exercise.name == "Steppe Eagle-2025"
    assert exercise.properties["personnel"] == 1500
    assert {("KAZ", "PARTICIPATED_IN", exercise.id), ("UZB", "PARTICIPATED_IN", exercise.id),
            (exercise.id, "HELD_IN", "fergana-valley")} <= set(out.relations)


def test_a_ranked_officer_commands_the_force_named_after_him() -> None:
    out = extract(CENTRAL_ASIA, "t")
    assert out.entities["aidar-bekov"].properties["rank"] == "Major General"
    assert ("aidar-bekov", "COMMANDS", "kaz-land-forces") in out.relations
    assert ("kaz-land-forces", "PART_OF", "KAZ") in out.relations


def test_a_signed_memorandum_with_its_signers_and_date() -> None:
    out = extract(GULF, "t")
    agreement = next(e for e in out.entities.values() if e.label == "Agreement")
    assert agreement.properties == {"kind": "memorandum", "date": "2025-02-12"}
    assert {("OMN", "SIGNED", agreement.id), ("QAT", "SIGNED", agreement.id),
            ("OMN", "COOPERATES_WITH", "QAT")} <= set(out.relations)


def test_a_capital_after_in_is_a_city_of_its_state() -> None:
    out = extract(GULF, "t")
    assert out.entities["doha"].label == "Location"
    assert ("doha", "LOCATED_IN", "QAT") in out.relations


def test_membership_pairs_each_state_with_the_body_named_after_it() -> None:
    found = relations(AFRICA)
    assert {("KEN", "MEMBER_OF", "au"), ("ETH", "MEMBER_OF", "igad")} <= found
    assert ("KEN", "MEMBER_OF", "igad") not in found


def test_every_fact_keeps_its_evidence_rule_and_confidence() -> None:
    out = extract(CENTRAL_ASIA + GULF + AFRICA, "t")
    for relation in out.relations.values():
        assert relation.spans and relation.rule and 0 < relation.confidence <= 1
        start, end = relation.spans[0]
        assert out.text[start:end].strip()


def test_the_scoring_json_shape() -> None:
    payload = scoring_json(extract(GULF, "t"))
    assert set(payload) == {"entities", "relations"}
    assert {"id", "type", "name", "aliases"} == set(payload["entities"][0])
    assert {"type", "source_id", "target_id", "evidence", "confidence"} == \
        set(payload["relations"][0])


def test_extraction_is_deterministic() -> None:
    assert scoring_json(extract(GULF + AFRICA, "t")) == scoring_json(extract(GULF + AFRICA, "t"))
