"""The derived relationships a store keeps: each actor's country and each country tie, once."""

from __future__ import annotations

from collections import Counter

from graph.analysis.projection import country_projection, home_rows, tie_rows
from graph.vocabulary import DERIVED_TYPES, TIE_KINDS, UPWARD_TYPES


def test_each_tie_between_two_countries_is_one_row_in_id_order(seed_graph):
    rows = tie_rows(seed_graph)
    assert len(rows) == 33
    assert all(row["first"] < row["second"] and row["kind"] in TIE_KINDS for row in rows)
    assert len({(row["first"], row["second"], row["via"]) for row in rows}) == len(rows)
    aze_tur = [row for row in rows if (row["first"], row["second"]) == ("AZE", "TUR")]
    assert len(aze_tur) == country_projection(seed_graph).edges["AZE", "TUR"]["weight"] == 23
    exercise = next(row for row in aze_tur if row["via"] == "mustafa-kemal-ataturk-2023")
    assert exercise["kind"] == "exercise" and exercise["dated"] == "2023-10-23"
    assert exercise["what"] == "Mustafa Kemal Atatürk-2023"
    support = next(row for row in aze_tur if row["via"] == "TUR SUPPORTS AZE")
    assert support["what"] == "Türkiye SUPPORTS Azerbaijan" and support["kind"] == "support"


def test_every_official_body_and_unit_with_a_country_belongs_to_it_once(seed_graph):
    rows = home_rows(seed_graph)
    assert len(rows) == 29
    assert {"actor": "zakir-hasanov", "country": "AZE"} in rows
    assert Counter(row["actor"] for row in rows).most_common(1)[0][1] == 1
    assert {seed_graph.nodes[row["actor"]]["label"] for row in rows} <= set(UPWARD_TYPES)
    assert {seed_graph.nodes[row["country"]]["label"] for row in rows} == {"Country"}


def test_derived_types_link_what_the_rows_link():
    assert DERIVED_TYPES["TIES_WITH"].sources == DERIVED_TYPES["TIES_WITH"].targets == (
        "Country",)
    assert DERIVED_TYPES["BELONGS_TO"].sources == ("Person", "Organization", "Unit")
