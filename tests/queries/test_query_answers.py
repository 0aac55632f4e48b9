"""Specification of the query library's answers on the seed facts (NetworkX store)."""

from __future__ import annotations

import pytest

from graph.errors import NotFoundError, QueryError
from graph.queries.formats import records
from graph.queries.library import run_networkx

MKA = "mustafa-kemal-ataturk-2023"
ARTICLE_000 = "000_a9e083a6abf19069"
ARTICLE_001 = "001_36621d79170f857f"


@pytest.fixture(scope="module")
def ask(seed_graph):
    def answer(name: str, **values: object) -> list[dict]:
        return records(run_networkx(seed_graph, name, **values))
    return answer


def by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def test_azerbaijans_partners_are_turkey_iran_the_us_and_armenia_strongest_first(ask):
    rows = ask("partners", country="AZE")
    assert [(row["partner"], row["weight"]) for row in rows] == [
        ("TUR", 23), ("IRN", 6), ("USA", 3), ("ARM", 1)]
    turkey, iran = rows[0], rows[1]
    assert turkey["exercises"] == ["Commando preparation courses in Türkiye",
                                   "Mustafa Kemal Atatürk-2023"]
    assert "Shusha Declaration" in turkey["agreements"] and len(turkey["programs"]) == 9
    assert "Türkiye SUPPORTS Azerbaijan" in turkey["direct"]
    assert turkey["sources"] == 3
    assert iran["exercises"] == ["Azerbaijan–Iran joint naval exercise in the Caspian Sea",
                                 "Iran–Azerbaijan tactical exercises in Karabakh (June 2024)"]
    assert iran["meetings"] == ["Azerbaijan–Iran talks on naval cooperation"]
    assert iran["direct"] == ["Azerbaijan COOPERATES_WITH Iran",
                              "Naval Forces of Azerbaijan COOPERATES_WITH Naval Forces of Iran"]


def test_wars_fought_against_each_other_make_no_partners(ask):
    armenia = by(ask("partners", country="AZE"), "partner")["ARM"]
    assert armenia["operations"] == [] and armenia["exercises"] == []
    assert armenia["agreements"] == ["Trilateral statement of 10 November 2020"]


def test_a_country_may_be_named_by_name_or_alias_in_any_case(ask):
    assert ask("partners", country="azerbaijan") == ask("partners", country="AZE")
    assert ask("partners", country="Turkey")[0]["partner"] == "AZE"


def test_exercises_in_2023_and_2024_earliest_first_with_place_participants_and_size(ask):
    rows = ask("exercises_in_period", since="2023", until="2024-12-31")
    assert [row["exercise"] for row in rows] == [
        MKA, "aze-commando-tactical-special-exercises-2024",
        "aze-nakhchivan-tactical-exercises-2024", "irn-army-tactical-exercises-2024-06",
        "irn-aze-karabakh-tactical-exercises-2024"]
    mka = rows[0]
    assert (mka["start"], mka["end"], mka["status"]) == ("2023-10-23", "2023-10-25", "held")
    assert (mka["personnel"], mka["personnel_qualifier"]) == (3000, "about")
    assert {"Baku", "Nakhchivan Autonomous Republic"} <= set(mka["place"])
    assert mka["countries"] == ["AZE", "TUR"]
    assert {"Azerbaijan", "Türkiye", "Turkish Armed Forces"} <= set(mka["participants"])
    assert rows[-1]["place"] == ["Azerbaijan", "Iran", "Karabakh"]


def test_a_period_catches_an_exercise_that_overlaps_it_at_the_precision_known(ask):
    assert [row["exercise"] for row in ask("exercises_in_period", since="2023-10-24",
                                           until="2023-10-24")] == [MKA]
    assert [row["exercise"] for row in ask("exercises_in_period", since="2024-03",
                                           until="2024-03")] == [
        "aze-commando-tactical-special-exercises-2024"]
    assert ask("exercises_in_period", since="2025", until="2030") == []


def test_who_commands_what_in_azerbaijan_and_in_turkey(ask):
    rows = ask("commanders", country="AZE")
    assert [(row["commander"], row["relationship"], row["commands"]) for row in rows] == [
        ("arzu-rahimov", "COMMANDS", "aze-state-service-mobilization"),
        ("elchin-khalilov", "COMMANDS", "aze-main-department-for-personnel"),
        ("ilham-aliyev", "COMMANDS", "aze-armed-forces"),
        ("ilham-aliyev", "COMMANDS", "aze-partial-mobilization-2020"),
        ("ilham-aliyev", "LEADS", "AZE"),
        ("zakir-hasanov", "COMMANDS", "aze-ministry-of-defense")]
    assert (rows[-1]["rank"], rows[-1]["role"], rows[-1]["target_label"]) == (
        "Colonel General", "head", "Organization")
    assert rows[4]["title"] == "President of Azerbaijan" and rows[4]["sources"] == 4
    assert [row["commander"] for row in ask("commanders", country="Türkiye")] == [
        "mehmet-erdogan", "recep-tayyip-erdogan"]


def test_the_shortest_path_from_the_defence_minister_to_turkey(ask):
    rows = ask("shortest_path", entity="Zakir Hasanov", other="Turkey")
    assert [(row["step"], row["id"], row["relationship"], row["direction"]) for row in rows] == [
        (0, "zakir-hasanov", None, None), (1, "aze-ministry-of-defense", "COMMANDS", "->"),
        (2, "AZE", "PART_OF", "->"), (3, "TUR", "COOPERATES_WITH", "->")]
    assert rows[3]["sources"] == 3 and rows[0]["label"] == "Person"


def test_a_cooperation_path_never_runs_through_a_war(ask):
    rows = ask("shortest_path", entity="AZE", other="ARM")
    assert len(rows) == 3
    assert not {"FOUGHT"} & {row["relationship"] for row in rows}
    assert all(row["id"] != "second-karabakh-war" for row in rows)


def test_the_programs_azerbaijan_and_turkey_share_and_who_ties_each_to_them(ask):
    rows = ask("memberships_and_programs", country="AZE", other_country="TUR")
    assert {row["kind"] for row in rows} == {"program"} and len(rows) == 9
    plan = by(rows, "id")["aze-tur-annual-exercise-plan"]
    assert (plan["country_through"], plan["other_through"]) == (
        ["Armed Forces of Azerbaijan"], ["Turkish Armed Forces"])
    assert "tanap" in by(rows, "id")
    assert ask("memberships_and_programs", country="AZE", other_country="USA") == []


def test_aliyevs_meetings_and_visits_by_date(ask):
    rows = ask("meetings", entity="President Aliyev")
    assert [(row["date"], row["meeting"]) for row in rows] == [
        ("2021-04-28", "aliyev-blinken-call-2021-04-28"),
        ("2024-02-19", "aliyev-erdogan-expanded-meeting-2024-02-19"),
        ("2024-02-19", "aliyev-erdogan-one-on-one-meeting-2024-02-19"),
        ("2024-02-19", "aliyev-official-visit-turkiye-2024-02")]
    visit = rows[-1]
    assert (visit["kind"], visit["place"], visit["through"]) == (
        "visit", ["Türkiye"], ["Ilham Aliyev (visitor)"])
    assert rows[1]["participants"] == ["Ilham Aliyev", "Recep Tayyip Erdogan"]


def test_a_countrys_meetings_include_its_officials_and_undated_ones_come_last(ask):
    rows = ask("meetings", entity="AZE")
    assert "aliyev-blinken-call-2021-04-28" in by(rows, "meeting")
    assert [row["meeting"] for row in rows[-2:]] == ["aze-irn-naval-cooperation-talks",
                                                     "rahimov-erdogan-meeting-baku"]
    assert rows[-1]["date"] is None and "Azerbaijan (host)" in rows[-1]["through"]


def test_the_strongest_pairs_weighted_by_their_ties(ask):
    rows = ask("strongest_pairs", limit=2)
    assert [(row["first"], row["second"], row["weight"]) for row in rows] == [
        ("AZE", "TUR", 23), ("AZE", "IRN", 6)]
    assert (rows[0]["exercise"], rows[0]["program"], rows[0]["meeting"],
            rows[0]["cooperation"], rows[0]["training"]) == (2, 9, 4, 3, 2)
    assert len(ask("strongest_pairs", limit=10)) == 4


def test_no_exercise_of_the_seed_reports_has_three_countries_four_have_two(ask):
    assert ask("multilateral_exercises", min_countries=3) == []
    rows = ask("multilateral_exercises", min_countries=2)
    assert [(row["exercise"], row["countries"]) for row in rows] == [
        (MKA, ["AZE", "TUR"]),
        ("irn-aze-karabakh-tactical-exercises-2024", ["AZE", "IRN"]),
        ("aze-irn-caspian-naval-exercise", ["AZE", "IRN"]),
        ("commando-preparation-courses-turkiye", ["AZE", "TUR"])]


def test_azerbaijans_timeline_from_1992_to_2024(ask):
    rows = ask("timeline", entity="Azerbaijan")
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates) and dates[0] == "1992" and dates[-1] == "2024-06-12"
    first = rows[0]
    assert (first["relationship"], first["direction"], first["other"]) == (
        "COOPERATES_WITH", "->", "TUR")
    joined = [row for row in rows if (row["relationship"], row["other"]) == (
        "PARTICIPATED_IN", MKA)]
    assert [(row["date"], row["end"]) for row in joined] == [("2023-10-23", "2023-10-25")]
    pfp = by(rows, "other")["partnership-for-peace"]
    assert (pfp["date"], pfp["other_label"]) == ("1994-05-04", "Program")


def test_the_reports_and_spans_behind_turkeys_part_in_the_exercise(ask):
    rows = ask("relationship_sources", entity="Turkey", other=MKA)
    assert [(row["relationship"], row["article"], row["start"], row["end"]) for row in rows] == [
        ("PARTICIPATED_IN", ARTICLE_000, 1971, 2144),
        ("PARTICIPATED_IN", ARTICLE_001, 1738, 1835)]
    assert (rows[1]["publisher"], rows[1]["published"]) == ("Caspian News", "2024-02-20")


@pytest.mark.corpus
def test_the_spans_point_at_the_words_that_state_the_relationship(ask, seed_corpus):
    rows = ask("relationship_sources", entity="TUR", other=MKA)
    quotes = [seed_corpus.text(f"{row['article']}.txt")[row["start"]:row["end"]]
              for row in rows]
    assert "joint military drills with Turkey" in quotes[0]
    assert "personnel from both countries" in quotes[1]


def test_weak_facts_rest_on_one_report_and_leave_provenance_out(ask):
    rows = ask("weak_facts", max_sources=1)
    assert len(rows) == 237 and {row["sources"] for row in rows} == {1}
    assert "MENTIONS" not in {row["relationship"] for row in rows}
    assert (rows[0]["source"], rows[0]["relationship"]) == ("antony-blinken", "COMMANDS")
    facts = {(row["source"], row["relationship"], row["target"]) for row in rows}
    assert ("AZE", "COOPERATES_WITH", "IRN") in facts
    assert ("AZE", "COOPERATES_WITH", "TUR") not in facts
    assert ask("weak_facts", max_sources=0) == []


def test_azerbaijans_cooperation_by_year_and_kind(ask):
    rows = ask("cooperation_by_year", country="AZE")
    table = {(row["year"], row["kind"]): (row["ties"], row["partners"]) for row in rows}
    assert table["1992", "agreement"] == (1, ["TUR"])
    assert table["2023", "exercise"] == (1, ["TUR"])
    assert table["2024", "exercise"] == (1, ["IRN"])
    assert table["2024", "meeting"] == (3, ["TUR"])
    assert table[None, "program"] == (9, ["TUR"])
    assert [row["year"] for row in rows] == sorted(
        [row["year"] for row in rows], key=lambda year: (year is None, year or ""))


def test_an_entity_of_the_wrong_kind_or_twice_the_same_is_refused(ask):
    with pytest.raises(NotFoundError, match=r"'Ilham Aliyev' is ilham-aliyev \(Person\), "
                                            r"not a Country"):
        ask("partners", country="Ilham Aliyev")
    with pytest.raises(NotFoundError, match="no entity called 'Atlantis'"):
        ask("timeline", entity="Atlantis")
    with pytest.raises(QueryError, match="give two different ones"):
        ask("shortest_path", entity="AZE", other="Azerbaijan")
