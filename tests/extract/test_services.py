"""Where a state's bodies belong: its government and armed forces, their services, formations."""

from __future__ import annotations

from ingest.extract.extractor import extract


def part_of(text: str) -> dict[str, set[str]]:
    """Each body's name and the ids of the wholes it is PART_OF."""
    out = extract(text, "t", "2026-03-01")
    found: dict[str, set[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF":
            found.setdefault(out.entities[relation.source].name, set()).add(relation.target)
    return found


def test_a_navy_is_part_of_the_armed_forces_the_report_names() -> None:
    found = part_of("Philippines adds sites\n\n"
                    "The Armed Forces of the Philippines will station ships there, and the "
                    "Philippine Navy said the work would start in May.\n")
    assert found["Philippine Navy"] == {"phl-armed-forces"}


def test_a_navy_is_part_of_its_state_when_no_armed_forces_are_named() -> None:
    found = part_of("Philippines adds sites\n\n"
                    "The Philippine Navy said the work would start in May.\n")
    assert found["Philippine Navy"] == {"PHL"}


def test_a_battalion_of_a_state_is_part_of_its_army() -> None:
    found = part_of("Bangladesh rotates troops\n\n"
                    "The 15th Bangladesh Battalion left Dhaka on Monday. The Bangladesh Army "
                    "said it was ready to send more troops.\n")
    assert found["15th Bangladesh Battalion"] == {"bgd-armed-forces"}


def test_a_contingents_code_names_its_forces_rotation_after_rotation() -> None:
    found = part_of("Ghana rotates troops\n\n"
                    "The new battalion, GHANBATT 7, with 650 soldiers of the Ghana Armed Forces, "
                    "has relieved GHANBATT 6 in the Northern Sector.\n")
    assert found["GHANBATT 7"] == {"gha-armed-forces"}
    assert found["GHANBATT 6"] == {"gha-armed-forces"}


def test_natos_standing_groups_and_joint_force_commands_are_natos() -> None:
    found = part_of("NATO ships join patrol\n\n"
                    "Standing NATO Mine Countermeasures Group 1 sailed from Kiel, NATO said. "
                    "Allied Joint Force Command Brunssum directs the patrol.\n")
    assert found["Standing NATO Mine Countermeasures Group 1"] == {"nato"}
    assert found["Allied Joint Force Command Brunssum"] == {"nato"}


def test_the_ministrys_department_is_the_ministry_named_before() -> None:
    found = part_of("Vietnam signs helicopter deal\n\n"
                    "Vietnam's Ministry of National Defence signed the contract on Monday. "
                    "It was signed by the director of the ministry's General Department of "
                    "Technology.\n")
    assert found["General Department of Technology"] == {"vnm-ministry-of-national-defence"}


def test_ships_named_after_their_service_and_type_are_the_services() -> None:
    found = part_of("Drill ends\n\n"
                    "The drill was held with the Indian Coast Guard ships Samarth and Abhinav "
                    "and the Royal Moroccan Navy's amphibious landing ship Sidi Mohammed Ben "
                    "Abdallah.\n")
    assert {name: found.get(name) for name in ("Samarth", "Abhinav")} == {
        "Samarth": {"ind-coast-guard"}, "Abhinav": {"ind-coast-guard"}}
    assert found["Sidi Mohammed Ben Abdallah"] == {"royal-moroccan-navy"}


def test_a_national_guard_named_after_a_region_is_its_states() -> None:
    found = part_of("Guard trains commandos\n\n"
                    "Soldiers of the Utah National Guard trained Moroccan commandos under the "
                    "US State Partnership Program.\n")
    assert found["Utah National Guard"] == {"USA"}


def test_a_states_general_staff_is_part_of_the_armed_forces_the_report_names() -> None:
    found = part_of("Exercise opens\n\n"
                    "The Norwegian Armed Forces opened the exercise, which the Norwegian Joint "
                    "Headquarters at Reitan runs.\n")
    assert found["Norwegian Joint Headquarters"] == {"nor-armed-forces"}


def test_a_squadron_is_part_of_the_air_force_named_with_it() -> None:
    found = part_of("Exercise opens\n\n"
                    "The Royal Air Force deployed Typhoons of No. 6 Squadron from Lossiemouth.\n")
    assert found["No. 6 Squadron"] == {"gbr-air-force"}


def test_a_formation_is_not_given_the_service_of_another_state_in_its_sentence() -> None:
    found = part_of("Exercise opens\n\n"
                    "Greece took part with F-16s of the 340 Squadron, and the Royal Air Force "
                    "deployed Typhoons.\n")
    assert "gbr-air-force" not in found.get("340 Squadron", set())


def test_a_states_government_is_a_body_of_the_state() -> None:
    out = extract("Uruguay buys patrol vessels\n\n"
                  "The Spanish government backed the contract with an export credit.\n",
                  "t", "2026-02-01")
    assert out.entities["esp-government"].label == "Organization"
    assert ("esp-government", "PART_OF", "ESP") in out.relations


def test_a_states_embassy_is_a_body_of_the_state_in_its_city() -> None:
    out = extract("Italian frigate calls at Lomé\n\n"
                  "The frigate docked on Saturday, the Italian embassy in Accra said.\n",
                  "t", "2026-02-01")
    embassy = out.entities["ita-embassy"]
    assert embassy.name == "Italian embassy in Accra"
    assert ("ita-embassy", "PART_OF", "ITA") in out.relations


def test_a_body_named_after_a_larger_one_is_part_of_it() -> None:
    found = part_of("China and Tanzania drill\n\n"
                    "The People's Liberation Army (PLA) sent troops. The Chinese contingent comes "
                    "from the PLA Southern Theater Command.\n")
    assert found["PLA Southern Theater Command"] == {"chn-armed-forces"}


def test_a_unit_of_a_states_forces_is_not_also_part_of_the_state() -> None:
    found = part_of("Exercise opens\n\n"
                    "The Ghanaian contingent comes from the Ghana Armed Forces' Special Forces "
                    "Regiment.\n")
    assert found["Special Forces Regiment"] == {"gha-armed-forces"}


def test_a_dictionary_body_is_part_of_the_whole_the_dictionary_gives() -> None:
    found = part_of("German brigade moves to Lithuania\n\n"
                    "Germany said the Bundeswehr would station a brigade near Vilnius, and NATO's "
                    "Allied Command Transformation will assess it.\n")
    assert found["Bundeswehr"] == {"DEU"}


def test_ships_named_after_their_type_are_their_states_navys() -> None:
    found = part_of("Italian frigate calls at Lomé\n\n"
                    "The Togolese Navy said the frigate would patrol with the Togolese patrol "
                    "boats Agou and Mono, and the large anti-submarine ship Admiral Panteleyev "
                    "sailed on.\n")
    assert found["Agou"] == found["Mono"] == {"tgo-naval-forces"}
    assert "admiral-panteleyev" in {e for e in extract(
        "The large anti-submarine ship Admiral Panteleyev sailed.\n", "t").entities}


def test_a_ministry_the_dictionary_names_keeps_its_name_and_state() -> None:
    out = extract("German brigade moves to Lithuania\n\n"
                  "The brigade paraded in front of Germany's Defence Minister, Matthias Sander. "
                  "The State Department said it welcomed the move.\n", "t", "2026-03-01")
    assert out.entities["deu-ministry-of-defence"].name == "Federal Ministry of Defence of Germany"
    assert ("usa-department-of-state", "PART_OF", "LTU") not in out.relations


def test_a_states_forces_posted_in_a_named_place_are_a_command_of_their_own() -> None:
    out = extract("Pacific exercise ends\n\n"
                  "The exercise was led by the French Armed Forces in New Caledonia, alongside "
                  "troops from Fiji. Egypt received French Armed Forces Minister Claire Dubois.\n",
                  "t", "2026-03-01")
    names = {e.name for e in out.entities.values()}
    assert "French Armed Forces in New Caledonia" in names
    assert "Ministry of the Armed Forces of France" in names
    assert "fra-armed-forces" not in out.entities


def test_a_ministry_named_by_its_field_after_its_state_is_that_states_office() -> None:
    out = extract("Greece buys air defences\n\n"
                  "Turkey's defence ministry said it was following the developments closely.\n",
                  "t", "2026-03-01")
    assert ("tur-ministry-of-defence", "PART_OF", "TUR") in out.relations


def test_special_forces_named_in_passing_are_no_unit() -> None:
    out = extract("Exercise opens\n\n"
                  "Ghana sent special forces, and Azerbaijan its commando units, to the drill.\n",
                  "t", "2026-03-01")
    assert "gha-special-forces" not in out.entities
    assert any(entity.endswith("-commando-forces") for entity in out.entities)


def test_a_force_named_before_the_model_of_its_craft() -> None:
    out = extract("Border clash\n\nRoyal Thai Air Force F-16s later struck positions.\n", "t")
    assert out.entities["royal-thai-air-force"].label == "Unit"


def test_a_navy_is_part_of_its_states_one_named_armed_force() -> None:
    found = part_of("Russian ships in Cambodia\n\n"
                    "The Royal Cambodian Armed Forces welcomed the ships, and the Royal Cambodian "
                    "Navy will send two patrol boats.\n")
    assert found["Royal Cambodian Navy"] == {"royal-cambodian-armed-forces"}


def test_plural_navies_stand_for_each_state_navy_the_report_names() -> None:
    out = extract("Navies meet\n\n"
                  "The Ghanaian Navy and the Togolese Navy held talks in Accra on Monday. The "
                  "Ghanaian and Togolese navies will sign an accord on maritime patrols.\n",
                  "t", "2026-03-01")
    signers = {r.source for r in out.relations.values() if r.type == "SIGNED"}
    assert {"gha-naval-forces", "tgo-naval-forces"} <= signers
    assert not signers & {"GHA", "TGO"}


def test_plural_air_forces_stand_for_their_states_when_no_air_force_is_named() -> None:
    out = extract("Air forces meet\n\n"
                  "The air forces of Ghana and Togo will sign an accord on air patrols.\n",
                  "t", "2026-03-01")
    assert not {"gha-air-force", "tgo-air-force"} & set(out.entities)


def test_a_body_named_with_its_armed_forces_first_is_part_of_them() -> None:
    found = part_of("Nordic course opens\n\n"
                    "Instructors come from the Norwegian Armed Forces Logistics School and the "
                    "Danish Defence Forces Cyber Command, with the Dutch Armed Forces Ministry "
                    "paying.\n")
    assert found["Norwegian Armed Forces Logistics School"] == {"nor-armed-forces"}
    assert found["Norwegian Armed Forces"] == {"NOR"}
    assert found["Danish Defence Forces Cyber Command"] == {"dnk-armed-forces"}
    assert "nld-armed-forces" not in {t for targets in found.values() for t in targets}


def test_a_states_unit_told_by_its_head_noun_is_its_coded_contingent() -> None:
    out = extract("Malawian battalion arrives in Goma\n\n"
                  "MALBATT 4, with 800 soldiers of the Malawi Defence Force, relieved MALBATT 3 "
                  "in Goma on Monday. A Malawian company also serves in South Sudan with the "
                  "UN mission.\n", "t", "2026-03-01")
    names = {entity.name: entity.aliases for entity in out.entities.values()}
    assert "Battalion of Malawi" not in names
    assert "Malawian battalion" in names["MALBATT 4"]
    assert "Company of Malawi" in names
