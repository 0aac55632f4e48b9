"""Hostile names through every output: formulas, terminal escapes, bidi overrides, markup,
carriage returns and every array delimiter. Each format either gives the name back exactly
(JSON, CSV, neo4j-admin) or, where XML cannot hold a character, shows it as its control
picture and stays a well-formed file (GraphML, GEXF); spreadsheets see text, not formulas.
The map and the terminal have their own tests (tests/maps, tests/cli); Neo4j is in
tests/store/test_neo4j_store.py."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from conftest import HOSTILE
from graph.export import FORMATS, export, gexf, graphml, neo4j_admin, nodelink, tables
from graph.export.encoding import xml_safe


def hostile_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("a1", label="Article", title=HOSTILE[1], sources=[], evidence=[])
    for number, name in enumerate(HOSTILE):
        graph.add_node(f"p{number}", label="Person", name=name, aliases=[name, "plain"],
                       sources=["a1"], evidence=["a1:0-5"])
    graph.add_node("AZE", label="Country", name="Azerbaijan", sources=["a1"],
                   evidence=["a1:0-5"])
    graph.add_edge("p0", "AZE", key="LEADS", type="LEADS", note=HOSTILE[1], role=HOSTILE[4],
                   sources=["a1"], evidence=["a1:0-5"])
    return graph


def written(name: str, folder: Path) -> Path:
    target = folder / FORMATS[name].default
    export(hostile_graph(), name, target)
    return target


EXACT = {"json": nodelink.read, "csv": tables.read,
         "neo4j-admin": lambda path: neo4j_admin.read(
             path, neo4j_admin.array_delimiter(hostile_graph()))}


@pytest.mark.parametrize("name", sorted(EXACT))
def test_json_csv_and_neo4j_admin_give_every_hostile_name_back_exactly(name, tmp_path):
    back = EXACT[name](written(name, tmp_path))
    for number, hostile in enumerate(HOSTILE):
        assert back.nodes[f"p{number}"]["name"] == hostile
        assert back.nodes[f"p{number}"]["aliases"] == [hostile, "plain"]
    assert back.edges["p0", "AZE", "LEADS"]["note"] == HOSTILE[1]
    assert back.nodes["a1"]["title"] == HOSTILE[1]


@pytest.mark.parametrize(("name", "read"), [("graphml", graphml.read), ("gexf", gexf.read)])
def test_xml_formats_stay_well_formed_and_show_what_xml_cannot_hold(name, read, tmp_path):
    back = read(written(name, tmp_path))
    assert back.nodes["p1"]["name"] == "␛]0;pwned␇␛[2JAzerbaijan" == xml_safe(HOSTILE[1])
    for number in (0, 2, 3, 4, 5):
        assert back.nodes[f"p{number}"]["name"] == HOSTILE[number]
    assert back.nodes["p1"]["aliases"] == [HOSTILE[1], "plain"]
    assert back.edges["p0", "AZE", "LEADS"]["role"] == HOSTILE[4]


def test_a_spreadsheet_sees_the_formula_as_text(tmp_path):
    folder = written("csv", tmp_path)
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        names = {row["id"]: row["name"] for row in csv.DictReader(handle)}
    assert names["p0"] == "'" + HOSTILE[0]


def test_neo4j_admin_picks_a_delimiter_no_item_holds_and_names_it_by_code_point(tmp_path):
    graph = hostile_graph()
    assert neo4j_admin.array_delimiter(graph) == "¦"
    _, lines = neo4j_admin.write(graph, tmp_path)
    assert lines[-1].endswith("--array-delimiter=U+00A6 neo4j")
