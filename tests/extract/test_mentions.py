"""Entity mentions of invented reports: names the dictionaries cannot hold, found by the word
that says what they are, resolved to one id per thing and named as an annotator would."""

from __future__ import annotations

from ingest.extract.facts import Mention
from ingest.extract.gazetteer import default
from ingest.extract.mentions import resolve_mentions
from ingest.extract.sentences import split


def mentions(text: str) -> list[Mention]:
    return resolve_mentions(text, split(text), default())


def found(text: str) -> set[tuple[str, str, str]]:
    """(label, id, name) of every entity mentioned, qualifying states left out."""
    return {(m.label, m.id, m.name) for m in mentions(text) if m.role != "qualifier"}


def test_a_numbered_formation_and_its_ranked_commander() -> None:
    text = "Lt. Gen. Omar Haddad, commander of the 3rd Marine Division, visited Aqaba."
    assert {("Unit", "3rd-marine-division", "3rd Marine Division"),
            ("Person", "omar-haddad", "Omar Haddad")} <= found(text)


def test_service_branches_and_task_forces_are_units_armed_forces_are_not() -> None:
    text = ("The Royal Saudi Naval Forces and Task Force 59 of the US Navy joined the "
            "Kenya Defence Forces and the Ugandan Armed Forces.")
    labels = {m.text: m.label for m in mentions(text)}
    assert labels["Royal Saudi Naval Forces"] == labels["Task Force 59"] == "Unit"
    assert labels["US Navy"] == "Unit"
    assert labels["Kenya Defence Forces"] == labels["Ugandan Armed Forces"] == "Organization"


def test_a_states_units_described_in_lower_case_belong_to_it() -> None:
    text = ("Kazakh commando units and naval forces of Iran trained with Turkish military "
            "specialists. The commandos crossed the river.")
    assert {("Unit", "kaz-commando-forces", "Commando forces of Kazakhstan"),
            ("Unit", "irn-naval-forces", "Naval Forces of Iran"),
            ("Unit", "tur-military-specialists", "Military specialists of Türkiye")} \
        <= found(text)
    commandos = [m for m in mentions(text) if m.id == "kaz-commando-forces"]
    assert [m.text for m in commandos] == ["Kazakh commando units", "The commandos"]


def test_shared_forces_go_to_each_state() -> None:
    text = ("Uzbekistan and Tajikistan discussed cooperation between the naval forces of "
            "the two countries. The Armed Forces of Uzbekistan and Tajikistan drilled.")
    ids = {m.id for m in mentions(text)}
    assert {"uzb-naval-forces", "tjk-naval-forces", "uzb-armed-forces",
            "tjk-armed-forces"} <= ids


def test_units_listed_by_their_states_are_one_unit_of_each() -> None:
    text = ("The Kenyan and Ethiopian field hospitals treated casualties, while Greek, "
            "Italian and Spanish infantry companies held the line. Czech and Slovak companies "
            "build the shells.")
    assert {("Unit", "ken-field-hospital", "Kenyan field hospital"),
            ("Unit", "eth-field-hospital", "Ethiopian field hospital"),
            ("Unit", "grc-infantry-companies", "Greek infantry companies"),
            ("Unit", "esp-infantry-companies", "Spanish infantry companies")} <= found(text)
    assert not any(m.id.endswith("-companies") and "Czech" in m.name for m in mentions(text))


def test_naval_units_listed_by_their_states_are_one_unit_of_each() -> None:
    text = ("Omani and Qatari naval units escorted the convoy, while a Ghanaian helicopter "
            "unit flew supplies in. Estonian land forces and Finnish air defence units "
            "watched the drill.")
    assert {("Unit", "omn-naval-units", "Omani naval units"),
            ("Unit", "qat-naval-units", "Qatari naval units"),
            ("Unit", "gha-helicopter-unit", "Helicopter unit of Ghana")} <= found(text)
    assert not any(m.id.endswith("-naval-forces") for m in mentions(text))
    assert {"est-ground-forces", "fin-air-defence-units"} <= {m.id for m in mentions(text)}
    vessels = found("Ghanaian, Togolese and Beninese naval vessels will escort the convoy, "
                    "and the Nigerian vessels will follow.")
    assert {("Unit", "gha-naval-vessels", "Ghanaian naval vessels"),
            ("Unit", "ben-naval-vessels", "Beninese naval vessels")} <= vessels
    assert not any(i.startswith("nga-") for _, i, _ in vessels)


def test_a_states_company_of_soldiers_is_a_unit_a_firm_is_not() -> None:
    text = ("UNIFIL's sector holds battalions from India and Nepal, a Serbian company and "
            "a Salvadoran unit. The radars come from Atlantic Marine Systems, a US company, "
            "and the French company Thales, which also supplies the mission.")
    ids = {m.id for m in mentions(text)}
    assert "srb-company" in ids
    assert not {"usa-company", "fra-company"} & ids


def test_a_body_states_set_up_together_is_an_organisation() -> None:
    text = ("A joint ceasefire monitoring commission will sit in Bangui, and the two "
            "countries set up a joint committee on defence industry in 2024.")
    assert {("Organization", "joint-ceasefire-monitoring-commission",
             "Joint ceasefire monitoring commission"),
            ("Organization", "joint-committee-on-defence-industry",
             "Joint committee on defence industry")} <= found(text)


def test_a_states_platoon_is_a_unit_with_its_arm() -> None:
    text = ("A Tanzanian engineer platoon joined the battalion, while the Kenyan platoon "
            "stayed behind.")
    ids = {m.id for m in mentions(text)}
    assert "tza-engineer-platoon" in ids
    assert "chn-task-group" in {m.id for m in mentions("The Chinese task group sailed.")}
    assert not any(i.startswith("ken-") and i.endswith("platoon") for i in ids)


def test_operations_and_wars_are_one_entity_however_described() -> None:
    text = ("Ethiopia and Eritrea fought a 30-day war in 1999. During counter-attack "
            "operations, which lasted 30 days, towns changed hands. After the 1999 war, an "
            "anti-terror operation began. The anti-terrorist operations ended in May.")
    operations = [m for m in mentions(text) if m.label == "Operation"]
    assert len({m.id for m in operations}) == 2
    war = {m.id for m in operations if "war" in m.text or "counter" in m.text}
    assert len(war) == 1


def test_mobilisation_martial_law_and_missions_name_their_state() -> None:
    text = ("Georgia declared martial law and partial military mobilization in 2008. Kenya "
            "serves in the peacekeeping mission in Somalia.")
    names = {m.name for m in mentions(text) if m.label == "Operation"}
    assert {"Martial law in Georgia (2008)", "Partial military mobilization in Georgia (2008)",
            "Peacekeeping mission in Somalia"} <= names


def test_programs_described_in_lower_case() -> None:
    text = ("Oman and Qatar reviewed the strategic partnership and plans for joint defense "
            "manufacturing, in line with their annual exercise plan. The Omani army adopted "
            "the British military model.")
    assert {("Program", "omn-qat-strategic-partnership", "Oman–Qatar strategic partnership"),
            ("Program", "omn-qat-joint-defence-manufacturing",
             "Oman–Qatar joint defense manufacturing"),
            ("Program", "omn-qat-annual-exercise-plan", "Oman–Qatar annual exercise plan"),
            ("Program", "british-army-model", "British army model")} <= found(text)


def test_a_quoted_concept_and_an_n_plus_n_format() -> None:
    text = ('Kenyan officers served within the "Regional Staff Post" concept. Iran hosted '
            "the ‘3+3’ nations.")
    assert {("Program", "regional-staff-post", "Regional Staff Post"),
            ("Organization", "3-plus-3-format", "3+3 format")} <= found(text)


def test_places_the_dictionaries_cannot_hold() -> None:
    text = ("Mali's forces liberated the cities of Tessit, Anefis, and Ber. Troops held "
            "the occupied Ansongo, Bourem and Menaka districts on the Algerian border, "
            "in the Tillabéri region and at the Kati training ground.")
    places = {m.name for m in mentions(text) if m.label == "Location"}
    assert {"Tessit", "Anefis", "Ber", "Ansongo district", "Bourem district",
            "Mali–Algeria border", "Tillabéri", "Kati training ground"} <= places


def test_a_border_only_locating_something_else_or_qualifying_a_noun_is_no_place() -> None:
    text = ("Mali's troops patrolled near the Algerian border. Malian and Nigerien border "
            "guards met in Gao.")
    places = {m.name for m in mentions(text) if m.label == "Location"}
    assert not any(name.endswith("border") for name in places)


def test_held_territories_are_one_place_per_state() -> None:
    text = ("Troops entered Azerbaijan’s liberated territories. Refugees returned to the "
            "occupied Azerbaijani lands.")
    ids = {m.id for m in mentions(text) if m.label == "Location"}
    assert ids == {"aze-liberated-territories"}


def test_a_capital_beside_its_state_is_a_city() -> None:
    text = "Officers served in Ankara and at headquarters (Baghdad, Iraq); Baku and Yerevan met."
    labels = {m.text: m.label for m in mentions(text)}
    assert labels["Ankara"] == labels["Baghdad"] == "Location"
    assert labels["Baku"] == labels["Yerevan"] == "Country"


def test_people_named_without_titles_and_middle_initials() -> None:
    text = ("US Secretary of State Antony J. Blinken met the Emir of Qatar, Sheikh Tamim bin "
            "Hamad Al Thani, and Rear Admiral Fahad Al-Mutairi at the Academy named after "
            "Étienne Marchand.")
    people = {m.name for m in mentions(text) if m.label == "Person"}
    assert people == {"Antony Blinken", "Tamim bin Hamad Al Thani", "Fahad Al-Mutairi",
                      "Étienne Marchand"}


def test_an_office_holder_implies_his_office() -> None:
    text = "US Secretary of State Antony Blinken called. NATO headquarters agreed."
    assert {("Organization", "usa-department-of-state", "US Department of State"),
            ("Organization", "nato-headquarters", "NATO headquarters")} <= found(text)


def test_an_organisations_secretariat_is_a_body_of_its_own() -> None:
    text = ("The drill was run by the IGAD Secretariat with the ASEAN permanent secretariat, "
            "while the NATO headquarters in Brussels stayed out.")
    assert {("Organization", "igad-secretariat",
             "Intergovernmental Authority on Development Secretariat"),
            ("Organization", "asean-permanent-secretariat", "ASEAN Permanent Secretariat")} \
        <= found(text)
    assert not any(m.id == "nato-headquarters" for m in mentions(text))


def test_a_headquarters_described_by_what_it_commands_is_a_body() -> None:
    text = ("The mission's headquarters in Maputo hosted the ceremony; the force's "
            "headquarters and the force headquarters are one, and a multinational brigade "
            "headquarters planned the move. The headquarters of the navy stayed shut.")
    assert {("Organization", "mission-headquarters", "Mission headquarters"),
            ("Organization", "force-headquarters", "Force headquarters"),
            ("Unit", "multinational-brigade-headquarters", "Multinational brigade headquarters")
            } <= found(text)
    assert not any(m.id == "navy-headquarters" for m in mentions(text))


def test_the_two_defence_ministries_are_each_states_ministry() -> None:
    text = ("India and Egypt flew together under a memorandum signed by the two defence "
            "ministries in 2022.")
    ids = {m.id for m in mentions(text)}
    assert {"ind-ministry-of-defence", "egy-ministry-of-defence"} <= ids


def test_names_are_split_where_a_new_name_begins() -> None:
    text = ("Azerbaijan and the North Atlantic Treaty Organization met the Western Theater "
            "Command of the Chinese People's Liberation Army and the Acting Chief of the Main "
            "Department for Personnel.")
    ids = {m.id for m in mentions(text)}
    assert {"AZE", "nato", "western-theater-command", "chn-armed-forces",
            "main-department-for-personnel"} <= ids


def test_two_fields_joined_by_and_are_one_name_and_a_single_state_is_not() -> None:
    text = ("Officers of the Logistics and Planning Directorate met the Search and Rescue "
            "Coordination Office and visited the Harbour Convention and Exhibition Centre. "
            "Ghana and Benin Navy officers joined them.")
    names = {m.text: m.label for m in mentions(text)}
    assert names["Logistics and Planning Directorate"] == "Organization"
    assert names["Search and Rescue Coordination Office"] == "Organization"
    assert names["Harbour Convention and Exhibition Centre"] == "Location"
    assert "Ghana and Benin Navy" not in names


def test_border_forces_are_agencies_and_an_office_lists_its_fields() -> None:
    text = ("The Frontier Security Force met the Office of the Special Envoy on Water, "
            "Energy and Transport in Malabo.")
    names = {m.text: m.label for m in mentions(text)}
    assert names["Frontier Security Force"] == "Organization"
    assert names["Office of the Special Envoy on Water, Energy and Transport"] == \
        "Organization"


def test_and_of_after_a_name_with_of_is_read_not_crashed_on() -> None:
    text = ("Officers of the Kenya Coast Guard and of Tanzania's Marine Police Unit watched "
            "the drill.")
    assert {"KEN", "TZA", "tza-marine-police-unit"} <= {m.id for m in mentions(text)}


def test_a_possessive_number_before_and_leaves_no_empty_name() -> None:
    text = "The firm will supply parts for the 364 K9’s and K9PL guns ordered by the Polish Army."
    assert "POL" in {m.id for m in mentions(text)}


def test_a_dictionary_entry_inside_a_longer_phrase_keeps_its_id() -> None:
    text = "Kenya uses the NATO Operational Capabilities Concept Program."
    assert ("Program", "operational-capabilities-concept",
            "Operational Capabilities Concept") in found(text)


def test_a_state_inside_a_dictionary_name_is_still_mentioned() -> None:
    text = "Aircraft of the US Air Force and the Qatar Emiri Air Force flew."
    ids = {m.id for m in mentions(text)}
    assert {"USA", "QAT", "usa-air-force", "qat-air-force"} <= ids


def test_exercises_named_beside_their_common_noun() -> None:
    text = ("Oman and India began the joint naval exercise Sea Shield 2025 near Muscat. "
            "Kazakhstan held exercise Steppe Falcon in May. Pakistan joined the Zalmi Shield "
            "exercise, and Egypt hosted Exercise Bright Star. Police ended an operation "
            "code-named Linda Nchi.")
    assert {("Exercise", "sea-shield-2025", "Sea Shield 2025"),
            ("Exercise", "steppe-falcon", "Steppe Falcon"),
            ("Exercise", "zalmi-shield", "Zalmi Shield"),
            ("Exercise", "bright-star", "Bright Star"),
            ("Operation", "linda-nchi", "Linda Nchi")} <= found(text)


def test_generic_or_state_words_before_an_exercise_name_nothing() -> None:
    text = ("These exercises and the Tactical-Special exercises followed NATO exercises. "
            "Activities ranged from coordinating maneuvers to joint drills.")
    assert not {m for m in mentions(text) if m.label == "Exercise"}


def test_towns_bases_and_rivers_named_by_what_they_are() -> None:
    text = ("Troops arrived in the town of Karabulak. Tazhen, a garrison town in central "
            "Kyrgyzstan, hosts them. Drills took place at the Borovoe training area, on the "
            "Ural river and at the Kapchagai range.")
    assert {("Location", "karabulak", "Karabulak"), ("Location", "tazhen", "Tazhen"),
            ("Location", "borovoe-training-area", "Borovoe training area"),
            ("Location", "ural-river", "Ural river"),
            ("Location", "kapchagai-range", "Kapchagai range")} <= found(text)
    tazhen = next(m for m in mentions(text) if m.id == "tazhen")
    assert tazhen.role == "in:KGZ"


def test_a_dateline_names_its_city_and_an_agency_credit_is_no_entity() -> None:
    text = ("Drills\n\nKARABULAK, Kazakhstan — Troops arrived.\n\n"
            "Tazhen, May 3 (Reuters) - Kyrgyz troops left.")
    assert {("Location", "karabulak", "Karabulak"), ("Location", "tazhen", "Tazhen")} \
        <= found(text)
    assert "reuters" not in {m.id for m in mentions(text)}


def test_a_capital_given_as_a_city_is_a_location() -> None:
    text = "Ministers met in the Kyrgyz capital, Bishkek, and later in the city of Baku."
    assert {("Location", "bishkek", "Bishkek"), ("Location", "baku", "Baku")} <= found(text)


def test_people_introduced_by_their_role_after_the_name() -> None:
    text = ("Selim Aydın, president of the agency, said it would help. Defence Minister "
            "Hendra Kusuma, the first to visit, met his Kenyan counterpart Ruth Wanjiru. "
            "Sheikh Hamad bin Nasser Al Thani, the minister of state, signed.")
    people = {m.name for m in mentions(text) if m.label == "Person"}
    assert {"Selim Aydın", "Hendra Kusuma", "Ruth Wanjiru",
            "Hamad bin Nasser Al Thani"} <= people
    assert not {"Defence Minister Hendra Kusuma", "Aydın"} & people


def test_companies_ships_and_acronyms() -> None:
    text = ("It was signed by PT Republik Aero of Indonesia and Baykar Technologies of "
            "Türkiye, and by the Saudi Ministry of Defense and Atlantic Marine Systems. The "
            "frigate Almirante Padilla sailed with the destroyer USS Dewey. The Regional "
            "Maritime Security Centre (RMSC) met; RMSC said it would.")
    assert {("Organization", "pt-republik-aero", "PT Republik Aero"),
            ("Organization", "atlantic-marine-systems", "Atlantic Marine Systems"),
            ("Unit", "almirante-padilla", "Almirante Padilla"),
            ("Unit", "uss-dewey", "USS Dewey")} <= found(text)
    centre = [m.text for m in mentions(text) if m.id == "regional-maritime-security-centre"]
    assert centre == ["Regional Maritime Security Centre", "RMSC", "RMSC"]


def test_the_worlds_cities_are_known_but_yield_to_a_person_of_that_name() -> None:
    text = ("Troops moved from Chirchiq to Eldoret. Ahmet Kaya, the commander, said Kaya "
            "would stay.")
    assert {("Location", "chirchiq", "Chirchiq"), ("Location", "eldoret", "Eldoret")} \
        <= found(text)
    assert all(m.label == "Person" for m in mentions(text) if m.text == "Kaya")


def test_a_place_introduced_by_what_it_is_keeps_its_id_when_named_alone() -> None:
    text = ("Troops trained at the Kapchagai range in May. Later Kapchagai hosted French units "
            "and Kapchagai-based troops left.")
    ranges = [m.text for m in mentions(text) if m.id == "kapchagai-range"]
    assert ranges == ["Kapchagai range", "Kapchagai", "Kapchagai"]


def test_names_with_particles_and_joined_prefixes() -> None:
    text = ("Admiral Jan van der Berg met Gen. Khalid bin Salman Al Saud and President Abdel "
            "Fattah al-Sisi; Lt. Gen. Fahad Al-Mutairi and Kofi Asante-Boateng, the defence "
            "chief, joined.")
    assert {"Jan van der Berg", "Khalid bin Salman Al Saud", "Abdel Fattah al-Sisi",
            "Fahad Al-Mutairi", "Kofi Asante-Boateng"} \
        <= {m.name for m in mentions(text) if m.label == "Person"}


def test_a_sea_or_region_word_qualifying_a_noun_is_no_place() -> None:
    text = ("Seven Caribbean states sent ships to the Pacific islands, and the frigate later "
            "patrolled the Pacific. Ships sailed in the Caribbean.")
    places = [m.text for m in mentions(text) if m.label == "Location"]
    assert places.count("Caribbean") == 1 and places.count("Pacific") == 1


def test_a_compass_word_and_a_states_name_naming_its_province_are_a_place() -> None:
    text = "The ship was built near Perth, in Western Australia, and Australia paid for it."
    places = {(m.label, m.text, m.role) for m in mentions(text)}
    assert ("Location", "Western Australia", "in:AUS") in places
    assert ("Country", "Australia", "name") in places


def test_a_body_sent_to_monitor_a_ceasefire_is_a_mission() -> None:
    text = ("The Ceasefire Monitoring Group and the Border Monitoring Mechanism met the "
            "Joint Verification Commission in Goma.")
    labels = {m.text: (m.label, m.kind) for m in mentions(text)}
    assert labels["Ceasefire Monitoring Group"] == ("Operation", "peacekeeping")
    assert labels["Border Monitoring Mechanism"] == ("Operation", "peacekeeping")
    assert labels["Joint Verification Commission"][0] != "Operation"


def test_a_sector_named_before_its_mission_is_not_part_of_the_missions_name() -> None:
    text = ("A fresh battle group took over Sector 2 of the United Nations Mission in South "
            "Sudan on Wednesday. Troops of the United Nations Mission in South Sudan left.")
    named = {(m.text, m.label) for m in mentions(text)}
    assert ("Sector 2", "Unit") in named
    assert not any(text.startswith(("Sector 2 of", "Troops of")) for text, _ in named)



def test_programs_told_by_their_work_and_packages() -> None:
    text = ("Under the deal, Navantia will refit both corvettes at its Cartagena yard. The "
            "ministers endorsed the expansion of the Souda Bay naval base. Norway announced a "
            "third Arctic surveillance package. In May the African Union adopted a programme "
            "to train border guards in the Sahel.")
    names = {m.name for m in mentions(text) if m.label == "Program"}
    assert {"Refit of both corvettes", "Expansion of the Souda Bay naval base",
            "Third Arctic surveillance package",
            "Programme to train border guards in the Sahel"} <= names
