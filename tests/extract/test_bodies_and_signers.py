"""Who a body belongs to and who signs: parliaments, commands' districts, junior ministers,
missions' owners, heads of state and the states of a meeting that adopts a joint text."""

from __future__ import annotations

from ingest.extract.extractor import extract
from ingest.extract.facts import Entity, Extraction


def _extract(body: str) -> Extraction:
    return extract(f"Title\n\n{body}", "report")


def _relations(body: str) -> set[tuple[str, str, str]]:
    return set(_extract(body).relations)


def _the_meeting(out: Extraction) -> Entity:
    """The one meeting of an extraction (the test fails if there are more or none)."""
    meetings = [e for e in out.entities.values() if e.label == "Meeting"]
    assert len(meetings) == 1
    return meetings[0]


def test_a_states_parliament_is_its_body_and_signs_what_it_ratifies() -> None:
    found = _relations("Kazakhstan's parliament ratified the defence cooperation agreement "
                       "with Uzbekistan on Tuesday.")
    agreements = {target for _, kind, target in found if kind == "SIGNED"}
    assert ("kaz-parliament", "PART_OF", "KAZ") in found
    assert len(agreements) == 1
    assert ("kaz-parliament", "SIGNED", agreements.pop()) in found


def test_a_military_district_is_a_commands_formation_not_a_place() -> None:
    out = _extract("Troops of Russia's Eastern Military District began drills near Khabarovsk.")
    assert out.entities["rus-eastern-military-district"].label == "Unit"
    assert ("rus-eastern-military-district", "PART_OF", "RUS") in out.relations


def test_heads_of_state_who_sign_sign_for_their_states() -> None:
    found = _relations("Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon "
                       "signed the border treaty in Bishkek on Friday.")
    assert {("sadyr-japarov", "LEADS", "KGZ"), ("KGZ", "SIGNED", "agreement"),
            ("emomali-rahmon", "LEADS", "TJK"), ("TJK", "SIGNED", "agreement")} <= found


def test_the_states_of_a_meeting_sign_the_communique_its_ministers_adopt() -> None:
    found = _relations("Defence ministers of Fiji, Tonga, Samoa and Vanuatu met in Nuku'alofa "
                       "on Monday. The ministers adopted a joint communiqué on maritime "
                       "security.")
    signers = {source for source, kind, _ in found if kind == "SIGNED"}
    assert signers == {"FJI", "TON", "WSM", "VUT"}


def test_a_mission_is_run_by_its_owning_body_when_the_report_names_it() -> None:
    found = _relations("Ghana will send a battalion to the United Nations Interim Force in "
                       "Lebanon (UNIFIL), the UN said.")
    assert ("un", "RUNS", "unifil") in found
    assert ("GHA", "DEPLOYED_TO", "unifil") in found


def test_a_name_before_a_lower_case_camp_keeps_the_word() -> None:
    out = _extract("Malian refugees at the Mbera camp in Mauritania received aid.")
    assert out.entities["mbera-camp"].name == "Mbera camp"
    assert ("mbera-camp", "LOCATED_IN", "MRT") in out.relations


def test_a_junior_defence_minister_is_a_member_of_the_ministry_not_its_head() -> None:
    found = _relations("India's Minister of State for Defence Sanjay Seth visited Dhaka.")
    assert {("ind-ministry-of-defence", "PART_OF", "IND"),
            ("sanjay-seth", "MEMBER_OF", "ind-ministry-of-defence")} <= found
    assert ("sanjay-seth", "COMMANDS", "ind-ministry-of-defence") not in found


def test_an_agreement_signed_at_a_place_and_spoken_of_at_the_signing_had_a_ceremony() -> None:
    text = ("Ghana and Togo on Monday signed a border security agreement. The agreement was "
            "signed in Lomé by Defence Minister Kofi Mensah and his Togolese counterpart, "
            "Ama Dosseh. \"Our borders are safer today,\" Mensah said at the signing.")
    out = _extract(text)
    signing = _the_meeting(out)
    event = signing.id
    assert {"signed", "signing"} <= set(signing.aliases)
    found = set(out.relations)
    assert ("kofi-mensah", "PARTICIPATED_IN", event) in found
    assert ("ama-dosseh", "PARTICIPATED_IN", event) in found
    assert (event, "HELD_IN", "lome") in found


def test_those_who_witnessed_a_signing_at_a_ministry_took_part_in_its_ceremony() -> None:
    text = ("Kenya's Ministry of Defence on Monday signed a contract with Saab for radars. The "
            "contract was signed at the ministry in Nairobi by its principal secretary, Paul "
            "Otieno, and Saab's regional head, Erik Lind. Defence Minister Ruth Chepkoech and "
            "Sweden's ambassador, Anna Berg, witnessed the signing. \"This is a start,\" Lind "
            "told reporters after the ceremony.")
    out = _extract(text)
    signing = _the_meeting(out)
    event = signing.id
    assert {"signing", "ceremony"} <= set(signing.aliases)
    found = set(out.relations)
    assert {(person, "PARTICIPATED_IN", event)
            for person in ("paul-otieno", "erik-lind", "ruth-chepkoech", "anna-berg")} <= found
    assert {(event, "HELD_IN", "nairobi"), ("ken-contract", "PART_OF", event)} <= found
    assert not {("ruth-chepkoech", "SIGNED", "ken-contract"),
                ("anna-berg", "SIGNED", "ken-contract")} & found


def test_an_agreement_signed_at_a_place_with_no_word_of_the_signing_has_no_ceremony() -> None:
    out = _extract("Ghana and Togo on Monday signed a border security agreement. The agreement "
                   "was signed in Lomé by Defence Minister Kofi Mensah and his Togolese "
                   "counterpart, Ama Dosseh.")
    assert not [e for e in out.entities.values() if e.label == "Meeting"]
