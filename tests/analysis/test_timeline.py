"""Change over time on the seed facts: the event clock first, reports only when stated."""

from __future__ import annotations

from graph.analysis.timeline import event_dates, events_per_year, measure_over_time, yearly


def test_events_keep_their_own_dates(seed_graph):
    dates = event_dates(seed_graph, fallback=True)
    assert dates.loc["mustafa-kemal-ataturk-2023", ["date", "year", "dated_by"]].tolist() \
        == ["2023-10-23", 2023, "event"]
    assert dates.loc["second-karabakh-war", "date"] == "2020-09-27"


def test_undated_programs_fall_back_to_their_first_report_and_say_so(seed_graph):
    dates = event_dates(seed_graph, fallback=True)
    assert dates.loc["partnership-for-peace", ["date", "dated_by"]].tolist() \
        == ["2021-05-05", "report"]
    plain = event_dates(seed_graph, fallback=False)
    assert plain.loc["partnership-for-peace", ["date", "dated_by"]].tolist() == ["", ""]
    assert plain["year"].isna().sum() == (dates["dated_by"] == "report").sum() == 26


def test_events_per_year_of_2023(seed_graph):
    # Mustafa Kemal Atatürk-2023; the naval-exercise agreement (2023-10) and the September
    # ceasefire; the September operation.
    row = events_per_year(seed_graph, fallback=True).loc[2023]
    assert row[["Exercise", "Agreement", "Operation", "total", "dated_by_report"]].tolist() \
        == [1, 2, 1, 4, 0]


def test_degree_per_year_in_the_country_projection(seed_graph):
    years = [since for since, _ in yearly(seed_graph, fallback=True)]
    assert years == ["1992", "2020", "2021", "2023", "2024"]
    assert [since for since, _ in yearly(seed_graph)] == ["1992", "2020", "2021", "2023", "2024"]
    table = measure_over_time(seed_graph, "degree", fallback=True)
    assert table.loc["AZE", ["1992", "2020", "2021", "2023", "2024"]].tolist() == [1, 1, 2, 2, 2]
    assert table.loc["ARM", "2020"] == 1 and table.loc["ARM", "2024"] == 0


def test_windows_can_span_years(seed_graph):
    table = measure_over_time(seed_graph, "degree", windows=[("2023", "2024"), (None, None)],
                              fallback=True)
    assert list(table.columns) == ["name", "2023..2024", "all"]
    assert table.loc["AZE", "all"] == 4
    assert table.loc["AZE", "2023..2024"] == 2
