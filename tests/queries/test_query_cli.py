"""Specification of ``milcoop query``, through click's CliRunner (NetworkX store)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import FACTS
from graph.queries.catalog import catalog, query_spec
from graph.store.networkx_store import NetworkXStore
from milcoop.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, ["query", *args, "--facts", str(FACTS)])


@pytest.fixture
def run(monkeypatch, seed_graph):
    """``milcoop query`` reading the seed graph built once (the build has tests of its own)."""
    monkeypatch.setattr("milcoop.commands.query.reading_store",
                        lambda *_, **__: NetworkXStore(seed_graph))
    return invoke


def test_list_shows_every_query_with_its_parameters_and_what_it_answers(run):
    result = run("--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["name", "parameters", "summary"]
    assert len(lines) == 1 + len(catalog())
    assert any(line.startswith("partners ") and "country=AZE" in line and
               "cooperation partners of a country" in line for line in lines)
    assert "since=2023; until=2024-12-31" in result.output


def test_list_as_json_gives_descriptions_parameters_and_columns(run):
    listing = {item["name"]: item for item in json.loads(run("--list", "--format", "json").output)}
    assert listing["shortest_path"]["parameters"] == ["entity=zakir-hasanov", "other=TUR"]
    assert listing["partners"]["columns"] == list(query_spec("partners").columns)


def test_partners_by_name_as_a_table_built_from_the_facts():
    result = invoke("partners", "--param", "country=Azerbaijan")
    assert result.exit_code == 0, result.output
    header, turkey = result.output.splitlines()[:2]
    assert header.split() == list(query_spec("partners").columns)
    assert turkey.startswith("TUR      Türkiye        23 ")
    assert "Commando preparation courses in Türkiye; Mustafa Kemal Atatürk-2023" in turkey


def test_exercises_as_csv_and_json(run):
    args = ("exercises_in_period", "--param", "since=2023-10", "--param", "until=2023-10")
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").output)))
    assert [row["exercise"] for row in rows] == ["mustafa-kemal-ataturk-2023"]
    assert (rows[0]["countries"], rows[0]["personnel"]) == ("AZE; TUR", "3000")
    data = json.loads(run(*args, "--format", "json").output)
    assert data[0]["countries"] == ["AZE", "TUR"] and data[0]["personnel"] == 3000


@pytest.mark.parametrize(("args", "message"), [
    (("nope",), "error: no query called 'nope'; the queries are: commanders, "),
    (("partners",), "error: partners needs country; it takes: --param country=AZE"),
    (("partners", "--param", "country"), "error: --param 'country' is not key=value"),
    (("partners", "--param", "country=Atlantis"), "error: no entity called 'Atlantis'"),
    (("strongest_pairs", "--param", "limit=ten"), "error: --param limit takes a whole number"),
])
def test_mistakes_get_one_line_naming_what_is_available(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert result.output.startswith(message) and len(result.output.splitlines()) == 1
    assert "Traceback" not in result.output
