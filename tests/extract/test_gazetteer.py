"""The shipped dictionaries: every state, its names, demonyms and capital; ranks; alliances."""

from __future__ import annotations

from ingest.extract.gazetteer import default, plural_title, rows


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.id) for m in default().find(text)]


def test_every_un_member_state_is_listed_with_an_iso3_code() -> None:
    countries = rows("countries.csv")
    codes = {row["iso3"] for row in countries}
    assert len(codes) == len(countries) >= 193 + 2
    assert {"KAZ", "OMN", "CIV", "TLS", "PRK", "KOR", "SSD", "FSM", "PSE", "VAT"} <= codes


def test_one_state_behind_its_names_demonym_and_capital() -> None:
    assert {m.id for m in default().find("Türkiye, Turkey, Turkiye, Turkish and Ankara")} \
        == {"TUR"}
    assert found("Côte d'Ivoire and Ivory Coast")[0][2] == found("Ivory Coast")[0][2] == "CIV"


def test_a_demonym_two_states_share_is_the_one_the_report_names() -> None:
    def states(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.id) for m in default().find(text) if m.label == "Country"]

    assert states("Congolese troops and DRC officials met in Goma.") == [
        ("Congolese", "COD"), ("DRC", "COD")]
    assert states("Congolese troops paraded in Brazzaville.") == [
        ("Congolese", "COG"), ("Brazzaville", "COG")]
    assert states("The Dominican Navy sailed from Santo Domingo.") == [
        ("Dominican", "DOM"), ("Santo Domingo", "DOM")]
    assert states("The Dominican coast guard in Roseau.") == [
        ("Dominican", "DMA"), ("Roseau", "DMA")]


def test_longest_match_wins_and_words_must_be_whole() -> None:
    assert found("Papua New Guinea") == [("Papua New Guinea", "Country", "PNG")]
    assert found("Omani drills; Romania") == [("Omani", "Country", "OMN"),
                                              ("Romania", "Country", "ROU")]
    assert found("Iranian") == [("Iranian", "Country", "IRN")]
    assert found("Chadwick") == []


def test_alliances_programs_and_places() -> None:
    assert [m.id for m in default().find(
        "the North Atlantic Treaty Organization, CSTO, the Gulf Cooperation Council, ECOWAS")] \
        == ["nato", "csto", "gcc", "ecowas"]
    assert found("NATO Partnership for Peace program")[1] == (
        "Partnership for Peace program", "Program", "partnership-for-peace")
    assert found("in the Strait of Hormuz")[0][2] == "strait-of-hormuz"


def test_ranks_and_their_abbreviations() -> None:
    ranks = {m.text: m.id for m in default().find("Col-Gen A, Lt. Gen. B, Brig.-Gen. C, Adm. D")
             if m.label == "Rank"}
    assert ranks == {"Col-Gen": "Colonel General", "Lt. Gen.": "Lieutenant General",
                     "Brig.-Gen.": "Brigadier General", "Adm.": "Admiral"}


def test_units_missions_media_and_projects_of_every_region() -> None:
    assert [(m.label, m.id) for m in default().find(
        "the Collective Rapid Reaction Forces, ATMIS, Reuters, the Lobito Corridor and TANAP")] \
        == [("Unit", "crrf"), ("Operation", "atmis"), ("Organization", "reuters"),
            ("Program", "lobito-corridor"), ("Program", "tanap")]
    assert found("the Gulf of Guinea and the Bay of Bengal") == [
        ("Gulf of Guinea", "Location", "gulf-of-guinea"),
        ("Bay of Bengal", "Location", "bay-of-bengal")]


def test_a_state_inside_a_bodys_name_is_kept_as_its_qualifier() -> None:
    hits = [(m.text, m.label, m.role) for m in default().find("the US Air Force")]
    assert hits == [("US Air Force", "Unit", "name"), ("US", "Country", "qualifier")]
    assert found("Papua New Guinea") == [("Papua New Guinea", "Country", "PNG")]


def test_every_gazetteer_kind_is_one_the_vocabulary_allows() -> None:
    from graph.vocabulary import LABELS

    for file, label in (("organizations.csv", "Organization"), ("units.csv", "Unit"),
                        ("operations.csv", "Operation"), ("programs.csv", "Program"),
                        ("places.csv", "Location"), ("exercises.csv", "Exercise"),
                        ("agreements.csv", "Agreement")):
        kinds = {row["kind"] for row in rows(file)} - {""}
        assert kinds <= set(LABELS[label].kinds), (file, kinds - set(LABELS[label].kinds))


def test_the_worlds_larger_cities_with_their_state() -> None:
    cities = {row["name"]: row for row in rows("cities.csv")}
    assert len(cities) > 5000
    assert cities["Chirchiq"]["country"] == "UZB" and cities["Sokoto"]["country"] == "NGA"
    assert "Jizzakh" in cities["Jizzax"]["aliases"].split("|")
    assert not {"Mobile", "Split", "Reading"} & set(cities)
    hits = default().find("from Jizzakh and Surabaya to Mobile")
    assert [(m.text, m.label, m.id, m.confidence) for m in hits] == [
        ("Jizzakh", "Location", "jizzax", 0.55), ("Surabaya", "Location", "surabaya", 0.9)]


def test_seas_straits_rivers_and_military_bases_worldwide() -> None:
    assert [m.id for m in default().find(
        "the Strait of Gibraltar, the Sunda Strait, the Danube, Ramstein Air Base, Camp "
        "Lemonnier and Kadena Air Base")] == [
        "strait-of-gibraltar", "sunda-strait", "danube", "ramstein-air-base", "camp-lemonnier",
        "kadena-air-base"]


def test_every_curated_city_names_its_state_and_every_state_is_known() -> None:
    states = {row["iso3"] for row in rows("countries.csv")}
    places = rows("places.csv")
    assert [row["name"] for row in places if row["kind"] == "city" and not row["country"]] == []
    assert {row["country"] for row in places if row["country"]} <= states
    by_name = {row["name"]: row["country"] for row in places}
    assert (by_name["Durban"], by_name["Vitebsk"], by_name["North Kivu"]) == ("ZAF", "BLR", "COD")
    assert by_name["Spratly Islands"] == by_name["Kashmir"] == ""


def test_bloc_memberships_name_known_blocs_and_states_with_their_years() -> None:
    blocs = {row["id"] for row in rows("organizations.csv")}
    states = {row["iso3"] for row in rows("countries.csv")}
    memberships = rows("memberships.csv")
    assert {row["organization"] for row in memberships} <= blocs
    assert {row["member"] for row in memberships} <= states
    assert all(not row["until"] or int(row["until"]) > int(row["since"]) for row in memberships)
    assert {("nato", "FIN", "2023"), ("csto", "UZB", "1992")} <= {
        (row["organization"], row["member"], row["since"]) for row in memberships}


def test_known_leaders_name_a_state_and_a_leader_title_once() -> None:
    from ingest.extract.patterns.roles import LEADER_TITLES, known_leader

    states = {row["iso3"] for row in rows("countries.csv")}
    leaders = rows("leaders.csv")
    assert {row["country"] for row in leaders} <= states
    assert {row["title"] for row in leaders} <= set(LEADER_TITLES)
    assert len({row["name"] for row in leaders}) == len(leaders)
    assert known_leader("Recep Tayyip Erdogan") == ("TUR", "President")
    assert known_leader("Félix Tshisekedi") == known_leader("Felix Tshisekedi") == \
        ("COD", "President")
    assert known_leader("Mark Rutte") is None


def test_an_office_title_has_its_head_word_in_the_plural() -> None:
    assert plural_title("Defence Minister") == "Defence Ministers"
    assert plural_title("Minister of Defence") == "Ministers of Defence"
    assert plural_title("Secretary of State") == "Secretaries of State"
    assert plural_title("Deputy Defence Minister") is None
    assert plural_title("Ambassador") is None
