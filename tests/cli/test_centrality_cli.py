"""Specification of ``milcoop centrality`` on the seed facts, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import FACTS
from milcoop.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["centrality", "--facts", str(FACTS), *args])


def test_prints_countries_ranked_by_degree_azerbaijan_first():
    result = run("--label", "Country", "--measure", "degree", "--measure", "betweenness")
    assert result.exit_code == 0, result.output
    header, first, second, *_ = result.output.splitlines()
    assert header.split() == ["rank", "id", "name", "label", "degree", "betweenness"]
    assert first.split() == ["1", "AZE", "Azerbaijan", "Country", "62", "0.6775"]
    assert second.split()[:5] == ["2", "TUR", "Türkiye", "Country", "24"]


def test_top_limits_the_rows_and_all_measures_are_the_default():
    result = run("--top", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 4
    assert lines[0].split()[-4:] == ["betweenness", "closeness", "eigenvector", "pagerank"]
    assert [line.split()[1] for line in lines[1:]] == ["AZE", "aze-armed-forces", "TUR"]


def test_the_country_projection_as_json():
    result = run("--projection", "countries", "--measure", "weighted_degree", "--format", "json",
                 "--top", "2")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(row["id"], row["weighted_degree"]) for row in rows] == [("AZE", 33), ("TUR", 23)]


def test_a_window_and_a_kind_as_csv():
    # Exercises dated 2024: only June's, shared by AZE and IRN.
    result = run("--projection", "countries", "--kind", "exercise", "--since", "2024",
                 "--until", "2024", "--measure", "degree", "--format", "csv", "--top", "3")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(row["id"], row["degree"]) for row in rows] == [("AZE", "1"), ("IRN", "1"),
                                                           ("AFG", "0")]


def test_report_dates_bring_in_undated_ties_by_their_first_report():
    # The undated commando courses in Türkiye were reported on 2024-02-20.
    result = run("--projection", "countries", "--kind", "exercise", "--since", "2024",
                 "--until", "2024", "--report-dates", "--measure", "degree", "--format", "csv",
                 "--top", "3")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(row["id"], row["degree"]) for row in rows] == [("AZE", "2"), ("IRN", "1"),
                                                           ("TUR", "1")]


def test_a_window_without_the_projection_is_one_line_and_exit_1():
    result = run("--since", "2023")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: --kind, --since, --until and --report-dates need --projection countries"]


def test_an_unknown_label_is_one_line_and_exit_1():
    result = run("--label", "Nation")
    assert result.exit_code == 1
    assert result.output.startswith("error: unknown label 'Nation'")
    assert "Traceback" not in result.output


def test_a_date_that_is_not_iso_is_one_line_and_exit_1():
    result = run("--projection", "countries", "--since", "2023-1")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: not an ISO date: '2023-1' (use 2023, 2023-10 or 2023-10-23)"]
