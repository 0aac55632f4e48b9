"""Names that a spreadsheet would run as formulas are written so that it shows them and never
runs them (a leading quote), in every CSV milcoop writes, and read back unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pandas as pd

from graph.export import graphml, tables
from graph.queries.formats import render, to_csv

FORMULAS = ('=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)")


def hostile_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for number, name in enumerate(FORMULAS):
        graph.add_node(f"n{number}", label="Person", name=name, aliases=[name])
    graph.add_edge("n0", "n1", key="COOPERATES_WITH", type="COOPERATES_WITH", note=FORMULAS[2])
    return graph


def test_table_cells_are_quoted_and_read_back_as_written(tmp_path: Path) -> None:
    tables.write(hostile_graph(), tmp_path)
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    assert names == [f"'{name}" for name in FORMULAS]
    back = tables.read(tmp_path)
    assert sorted(data["name"] for _, data in back.nodes(data=True)) == sorted(FORMULAS)
    assert [data["note"] for *_, data in back.edges(data=True)] == [FORMULAS[2]]


def test_query_and_centrality_csv_quote_formulas_but_not_numbers() -> None:
    frame = pd.DataFrame({"name": list(FORMULAS), "score": [-1.5, 2, 3, 4]})
    for text in (to_csv(frame), render(frame, "csv")):
        rows = list(csv.DictReader(text.splitlines()))
        assert [row["name"] for row in rows] == [f"'{name}" for name in FORMULAS]
        assert rows[0]["score"] == "-1.5"


def test_graphml_keeps_a_carriage_return_in_a_name(tmp_path: Path) -> None:
    graph = hostile_graph()
    graph.nodes["n1"]["name"] = "line one\r\nline two\rend"
    target = tmp_path / "graph.graphml"
    with target.open("wb") as stream:
        graphml.write(graph, stream)
    back = graphml.read(target)
    assert {data["name"] for _, data in back.nodes(data=True)} >= {"line one\r\nline two\rend"}
