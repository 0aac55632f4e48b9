"""The query library on a real Neo4j server: every .cypher query gives the rows, in the same
order, that its NetworkX implementation gives on the same seed facts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from neo4j_server import NEEDS_NEO4J, fresh_store

from conftest import FACTS
from graph.queries.catalog import catalog, query_spec
from graph.queries.formats import records
from graph.queries.library import run_neo4j, run_networkx
from ingest.corpus import Corpus
from ingest.facts.build import load, validated
from milcoop.cli import main

pytestmark = NEEDS_NEO4J

EXAMPLES = [(name, {p.name: p.example for p in spec.parameters})
            for name, spec in catalog().items()]
"""Every query with the example values of its header."""

MORE = [
    ("partners", {"country": "Iran"}),
    ("partners", {"country": "ARM"}),
    ("exercises_in_period", {"since": "2023-10-24", "until": "2023-10-24"}),
    ("exercises_in_period", {"since": "1990", "until": "2030"}),
    ("commanders", {"country": "TUR"}),
    ("shortest_path", {"entity": "AZE", "other": "ARM"}),
    ("shortest_path", {"entity": "Arzu Rahimov", "other": "Iran"}),
    ("memberships_and_programs", {"country": "AZE", "other_country": "USA"}),
    ("meetings", {"entity": "AZE"}),
    ("meetings", {"entity": "Turkey"}),
    ("strongest_pairs", {"limit": 2}),
    ("multilateral_exercises", {"min_countries": 2}),
    ("timeline", {"entity": "mustafa-kemal-ataturk-2023"}),
    ("timeline", {"entity": "ilham-aliyev"}),
    ("relationship_sources", {"entity": "AZE", "other": "TUR"}),
    ("weak_facts", {"max_sources": 2}),
    ("cooperation_by_year", {"country": "TUR"}),
]
"""Further cases: names for ids, empty answers, other countries and periods."""


@pytest.fixture(scope="module")
def loaded():
    """The seed facts loaded into a fresh graph of the test server."""
    with fresh_store() as store:
        load(validated(FACTS, Corpus()).files, store)
        yield store


@pytest.mark.parametrize(("name", "values"), EXAMPLES + MORE,
                         ids=[f"{name}-{'-'.join(map(str, values.values()))}"
                              for name, values in EXAMPLES + MORE])
def test_neo4j_gives_the_rows_networkx_gives_in_the_same_order(loaded, seed_graph, name,
                                                               values):
    expected = run_networkx(seed_graph, name, **values)
    answer = run_neo4j(loaded, name, **values)
    assert tuple(answer.columns) == query_spec(name).columns
    assert records(answer) == records(expected)


def test_the_seed_answers_on_neo4j_are_not_empty(loaded):
    assert [row["partner"] for row in records(run_neo4j(loaded, "partners", country="AZE"))] \
        == ["TUR", "IRN", "USA", "ARM"]


def test_milcoop_query_from_neo4j(loaded, monkeypatch):
    import milcoop.commands.query as command

    monkeypatch.setattr(command, "SETTINGS", replace(command.SETTINGS, neo4j_graph=loaded.graph))
    result = CliRunner().invoke(main, ["query", "partners", "--param", "country=Azerbaijan",
                                       "--from", "neo4j", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [row["partner"] for row in json.loads(result.output)] == ["TUR", "IRN", "USA", "ARM"]
