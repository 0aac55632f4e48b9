"""Dyad-year tables: country pairs by year, counts by kind of tie, ISO3 codes."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from graph.analysis.projection import TIE_KINDS, country_projection
from graph.export import export
from graph.export.dyads import COLUMNS, dyad_years, read


@pytest.fixture(scope="module")
def table(seed_graph):
    return dyad_years(seed_graph)


def row(table: pd.DataFrame, first: str, second: str, year: int | None) -> pd.Series:
    pair = table[(table["iso3_a"] == first) & (table["iso3_b"] == second)]
    match = pair[pair["year"].isna()] if year is None else pair[pair["year"] == year]
    assert len(match) == 1, match
    return match.iloc[0]


def test_pairs_are_iso3_codes_in_order_with_names(table):
    assert list(table.columns) == list(COLUMNS)
    assert (table["iso3_a"] < table["iso3_b"]).all()
    assert set(table["iso3_a"]) | set(table["iso3_b"]) == {"ARM", "AZE", "IRN", "TUR", "USA"}
    assert row(table, "AZE", "TUR", 2023)[["country_a", "country_b"]].tolist() == \
        ["Azerbaijan", "Türkiye"]


def test_a_tie_counts_in_the_year_of_its_event(table):
    drills = row(table, "AZE", "TUR", 2023)
    assert (drills["ties"], drills["exercise"]) == (1, 1)
    assert drills["via"] == ["mustafa-kemal-ataturk-2023"]
    assert drills["sources"] == ["000_a9e083a6abf19069", "001_36621d79170f857f"]
    founding = row(table, "AZE", "TUR", 1992)
    assert (founding["ties"], founding["agreement"], founding["cooperation"]) == (2, 1, 1)
    assert row(table, "AZE", "TUR", 2024)["meeting"] == 3


def test_undated_ties_have_one_row_per_pair_with_an_empty_year(table):
    undated = row(table, "AZE", "TUR", None)
    assert undated["program"] == 9 and "AZE COOPERATES_WITH TUR" not in undated["via"]
    assert table["year"].isna().sum() == 3


def test_each_pairs_rows_add_up_to_the_country_projection(seed_graph, table):
    projection = country_projection(seed_graph)
    totals = table.groupby(["iso3_a", "iso3_b"])[["ties", *TIE_KINDS]].sum()
    assert len(totals) == projection.number_of_edges() == 4
    for (first, second), counts in totals.iterrows():
        tie = projection.edges[first, second]
        assert counts["ties"] == tie["weight"]
        assert {kind: counts[kind] for kind in TIE_KINDS} == {k: tie[k] for k in TIE_KINDS}


def test_the_csv_reads_back_with_pandas_as_the_same_table(seed_graph, table):
    stream = io.BytesIO()
    done = export(seed_graph, "dyads", stream)
    assert done.notes == ["21 tie(s) have no date: their rows have an empty year"]
    back = read(io.BytesIO(stream.getvalue()))
    pd.testing.assert_frame_equal(back, table, check_dtype=False)
    assert str(back["year"].dtype) == "Int64"
