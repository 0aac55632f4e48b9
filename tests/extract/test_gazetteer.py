"""The shipped dictionaries: every state, its names, demonyms and capital; ranks; alliances."""

from __future__ import annotations

from ingest.extract.gazetteer import default, rows


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
