"""Specification of the query library's files: headers, parameters, columns, shared rules."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from graph.cypher_files import cypher
from graph.errors import QueryError
from graph.queries import command, events, paths
from graph.queries.catalog import catalog, query_spec
from graph.queries.library import IMPLEMENTATIONS, names_graph, run_networkx
from graph.queries.params import bind, parse_assignments, resolve_entities
from graph.vocabulary import (
    ADVERSARIAL_ROLES,
    DERIVED_TYPES,
    JOINABLE_LABELS,
    JOINING_TYPES,
    LABELS,
    PATH_BLOCKING_TYPES,
    TIE_KINDS,
    UNSTATED_TYPES,
    UPWARD_TYPES,
)

NAMES = sorted(catalog())


def test_the_library_answers_the_analysts_everyday_questions():
    assert len(NAMES) >= 12
    assert {"partners", "exercises_in_period", "commanders", "shortest_path",
            "memberships_and_programs", "meetings", "strongest_pairs",
            "multilateral_exercises", "timeline", "relationship_sources", "weak_facts",
            "cooperation_by_year"} <= set(NAMES)


def test_every_query_has_a_networkx_implementation_and_nothing_else_does():
    assert sorted(IMPLEMENTATIONS) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_header_says_what_it_answers_its_parameters_and_its_columns(name):
    spec = query_spec(name)
    text = spec.cypher
    assert text.startswith("// ") and len(spec.description) > 40
    assert spec.summary.endswith(".") and len(spec.summary) < 100
    assert spec.columns and len(set(spec.columns)) == len(spec.columns)
    assert "// :param graph => 'milcoop'" in text
    for parameter in spec.parameters:
        assert f"${parameter.name}" in text
        assert re.search(rf"^// :param {parameter.name} => \S", text, re.M)
    assert re.findall(r"\$(\w+)", text)
    assert set(re.findall(r"\$(\w+)", text)) == {p.name for p in spec.parameters} | {"graph"}


@pytest.mark.parametrize("name", NAMES)
def test_every_query_answers_its_example_with_exactly_its_columns(seed_graph, name):
    spec = query_spec(name)
    answer = run_networkx(seed_graph, name, **{p.name: p.text for p in spec.parameters})
    assert tuple(answer.columns) == spec.columns


def test_an_actors_country_is_read_from_the_derived_belongs_to_never_restated():
    home = ("CALL (actor) {\nOPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)\n"
            "RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country\n}")
    readers = [name for name in NAMES if "CALL (actor)" in cypher(f"queries/{name}")]
    assert readers == ["commanders", "exercises_in_period", "meetings",
                       "memberships_and_programs", "multilateral_exercises"]
    for name in NAMES:
        text = re.sub(r"\n\s+", "\n", cypher(f"queries/{name}"))
        assert "*0.." not in text, name
        assert text.count("CALL (actor)") == text.count(home), name
    assert DERIVED_TYPES["BELONGS_TO"].sources == tuple(UPWARD_TYPES)


def test_country_ties_are_read_from_the_derived_ties_with_in_the_vocabularys_kinds():
    for name in ("partners", "strongest_pairs", "cooperation_by_year"):
        text = cypher(f"queries/{name}")
        assert "[tie:TIES_WITH]" in text and "PARTICIPATED_IN" not in text, name
    partners = cypher("queries/partners")
    assert "CASE WHEN tie.direct THEN tie.what END" in partners
    for name in JOINABLE_LABELS:
        assert f"WHEN '{LABELS[name].tie}' THEN tie.what" in partners
    assert query_spec("strongest_pairs").columns == (
        "first", "first_name", "second", "second_name", "weight", *TIE_KINDS, "sources")


def test_the_cypher_joins_and_blocks_as_the_vocabulary_says():
    roles = str(list(ADVERSARIAL_ROLES))
    for name in NAMES:
        text = cypher(f"queries/{name}")
        assert "'belligerent'" not in text or roles in text, name
        assert "[joined:PARTICIPATED_IN" not in text or \
            f"[joined:{'|'.join(JOINING_TYPES)}]" in text or name == "meetings", name
    assert f"[joined:{'|'.join(events.MEETING_TYPES)}]" in cypher("queries/meetings")
    assert f"[lead:{'|'.join(command.COMMAND_TYPES)}]" in cypher("queries/commanders")
    path = cypher("queries/shortest_path")
    assert f"[*..{paths.MAX_STEPS}]" in path and str(list(PATH_BLOCKING_TYPES)) in path
    for name in ("timeline", "relationship_sources", "weak_facts"):
        assert f"NOT type(link) IN {list(UNSTATED_TYPES)}" in cypher(f"queries/{name}"), name


def test_values_typed_on_the_command_line_take_the_type_of_the_example():
    spec = query_spec("exercises_in_period")
    assert bind(spec, {"since": "2023", "until": "2024-06"}) == {"since": "2023",
                                                               "until": "2024-06"}
    assert bind(query_spec("strongest_pairs"), {"limit": "3"}) == {"limit": 3}
    with pytest.raises(QueryError, match=r"--param limit takes a whole number"):
        bind(query_spec("strongest_pairs"), {"limit": "three"})
    with pytest.raises(QueryError, match=r"--param since: '2023-13' is not a calendar date"):
        bind(spec, {"since": "2023-13", "until": "2024"})
    with pytest.raises(QueryError, match=r"--param until: 'last year' is not an ISO date"):
        bind(spec, {"since": "2023", "until": "last year"})


def test_an_unknown_query_or_parameter_names_what_is_available():
    with pytest.raises(QueryError, match=r"no query called 'partner'; the queries are: "
                                         r"commanders, .*partners"):
        query_spec("partner")
    with pytest.raises(QueryError, match=r"^partners needs country; it takes: "
                                         r"--param country=AZE$"):
        bind(query_spec("partners"), {})
    with pytest.raises(QueryError, match=r"takes no parameter 'year'; it takes: "
                                         r"--param since=2023 --param until=2024-12-31"):
        bind(query_spec("exercises_in_period"), {"since": "2023", "until": "2024",
                                                 "year": "2023"})
    with pytest.raises(QueryError, match="is not key=value"):
        parse_assignments(["country"])


def test_names_read_from_the_database_resolve_as_they_do_in_the_graph(seed_graph):
    rows = pd.DataFrame([{"id": node, "name": data.get("name"),
                          "aliases": data.get("aliases", []), "label": data["label"]}
                         for node, data in seed_graph.nodes(data=True)])
    names = names_graph(rows)
    for value in ("Turkey", "president aliyev", "aze", "Col-Gen Arzu Rahimov", "Caspian Sea"):
        assert resolve_entities({"entity": value}, names) == resolve_entities(
            {"entity": value}, seed_graph)
