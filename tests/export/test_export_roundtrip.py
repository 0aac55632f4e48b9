"""Every export format read back gives the seed graph: same nodes, edges and properties."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from graph.export import FORMATS, export, gexf, graphml, neo4j_admin, nodelink, tables

READERS = {
    "graphml": graphml.read,
    "gexf": gexf.read,
    "json": nodelink.read,
    "csv": tables.read,
    "neo4j-admin": neo4j_admin.read,
}
"""Each graph format and the reader that undoes its documented encoding."""


def written(graph: nx.MultiDiGraph, name: str, tmp_path: Path) -> Path:
    target = tmp_path / FORMATS[name].default
    export(graph, name, target)
    return target


def same_graph(one: nx.MultiDiGraph, other: nx.MultiDiGraph) -> None:
    assert dict(one.nodes(data=True)) == dict(other.nodes(data=True))
    assert {(u, v, k): d for u, v, k, d in one.edges(keys=True, data=True)} == \
        {(u, v, k): d for u, v, k, d in other.edges(keys=True, data=True)}


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_graph_format_reads_back_as_the_seed_graph(seed_graph, tmp_path, name):
    back = READERS[name](written(seed_graph, name, tmp_path))
    assert back.number_of_nodes() == 127 and back.number_of_edges() == 439
    same_graph(seed_graph, back)
    assert back.nodes["mustafa-kemal-ataturk-2023"]["personnel"] == 3000
    assert back.nodes["TUR"]["aliases"] == ["Turkey", "Turkish", "Türkiye", "Ankara"]
    assert back.nodes["000_a9e083a6abf19069"]["published_inferred"] is True
    assert back.edges["AZE", "TUR", "COOPERATES_WITH"]["since"] == "1992"


def test_exports_leave_the_graph_they_write_untouched(seed_graph, tmp_path):
    before = nx.node_link_data(seed_graph, edges="edges")
    for name in FORMATS:
        export(seed_graph, name, tmp_path / name)
    assert nx.node_link_data(seed_graph, edges="edges") == before


def test_graphml_shows_names_as_labels_and_keeps_lists_as_json(seed_graph, tmp_path):
    raw = nx.read_graphml(written(seed_graph, "graphml", tmp_path), force_multigraph=True)
    turkey = raw.nodes["TUR"]
    assert turkey["label"] == "Türkiye" and turkey["node_label"] == "Country"
    assert json.loads(turkey["aliases"]) == ["Turkey", "Turkish", "Türkiye", "Ankara"]
    assert raw.nodes["mustafa-kemal-ataturk-2023"]["personnel"] == 3000
    exercise = "mustafa-kemal-ataturk-2023"
    hosted = raw.edges["AZE", exercise, f"AZE HOSTED {exercise}"]
    assert hosted["label"] == hosted["type"] == "HOSTED"
    assert json.loads(hosted["sources"]) == ["000_a9e083a6abf19069", "001_36621d79170f857f"]


def test_graphml_key_ids_cannot_be_taken_for_yed_labels_by_gephi(seed_graph, tmp_path):
    text = written(seed_graph, "graphml", tmp_path).read_text(encoding="utf-8")
    assert '<key id="n_label" for="node" attr.name="label" attr.type="string" />' in text
    assert 'id="d3"' not in text and 'id="d7"' not in text


def test_node_link_json_has_d3_nodes_and_links(seed_graph):
    stream = io.BytesIO()
    export(seed_graph, "json", stream)
    data = json.loads(stream.getvalue())
    assert len(data["nodes"]) == 127 and len(data["links"]) == 439
    link = next(link for link in data["links"] if link["source"] == "AZE"
                and link["target"] == "TUR" and link["key"] == "COOPERATES_WITH")
    assert link["since"] == "1992" and link["type"] == "COOPERATES_WITH"


def test_csv_tables_have_lead_columns_first_and_provenance_last(seed_graph, tmp_path):
    folder = written(seed_graph, "csv", tmp_path)
    nodes = pd.read_csv(folder / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(folder / "edges.csv", dtype=str, keep_default_na=False)
    assert list(nodes.columns[:3]) == ["id", "label", "name"]
    assert list(nodes.columns[-2:]) == list(edges.columns[-2:]) == ["sources", "evidence"]
    assert list(edges.columns[:3]) == ["source", "target", "type"]
    assert (len(nodes), len(edges)) == (127, 439)
    turkey = nodes.set_index("id").loc["TUR"]
    assert turkey["aliases"] == '["Turkey", "Turkish", "Türkiye", "Ankara"]'
    assert turkey["date"] == ""
    exercise = nodes.set_index("id").loc["mustafa-kemal-ataturk-2023"]
    assert (exercise["start"], exercise["personnel"], exercise["cameo"]) == \
        ("2023-10-23", "3000", "062")
