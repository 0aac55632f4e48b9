"""Files for neo4j-admin database import full: typed headers, one file per label and type."""

from __future__ import annotations

import shlex

import networkx as nx
import pandas as pd
import pytest

from graph.errors import ExportError, VocabularyError
from graph.export import export
from graph.export.neo4j_admin import read


@pytest.fixture(scope="module")
def imported(seed_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j") / "import"
    return folder, export(seed_graph, "neo4j-admin", folder)


def first_line(path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_one_node_file_per_label_and_one_relationship_file_per_type(seed_graph, imported):
    folder, done = imported
    labels = {label for _, label in seed_graph.nodes(data="label")}
    types = {key for *_, key in seed_graph.edges(keys=True)}
    assert {path.name for path in done.paths} == \
        {f"nodes_{label}.csv" for label in labels} | {f"relationships_{t}.csv" for t in types}
    assert len(pd.read_csv(folder / "nodes_Country.csv")) == \
        sum(label == "Country" for _, label in seed_graph.nodes(data="label"))


def test_headers_name_ids_labels_and_property_types(imported):
    folder, _ = imported
    assert first_line(folder / "nodes_Exercise.csv") == (
        "id:ID,:LABEL,graph,aliases:string[],cameo,date,description,end,kind,name,"
        "personnel:long,personnel_qualifier,start,status,sources:string[],evidence:string[]")
    assert first_line(folder / "nodes_Article.csv").startswith(
        "id:ID,:LABEL,graph,author,file,name,published,published_inferred:boolean,")
    assert first_line(folder / "relationships_HOSTED.csv") == \
        ":START_ID,:END_ID,:TYPE,cameo,note,role,sources:string[],evidence:string[]"


def test_rows_carry_the_stores_labels_and_arrays_joined_by_the_delimiter(imported):
    folder, _ = imported
    turkey = pd.read_csv(folder / "nodes_Country.csv", dtype=str).set_index("id:ID").loc["TUR"]
    assert turkey[":LABEL"] == "Milcoop|Country" and turkey["graph"] == "milcoop"
    assert turkey["aliases:string[]"] == "Turkey|Turkish|Türkiye|Ankara"
    hosted = pd.read_csv(folder / "relationships_HOSTED.csv", dtype=str)
    row = hosted[hosted[":END_ID"] == "mustafa-kemal-ataturk-2023"].iloc[0]
    assert (row[":START_ID"], row[":TYPE"], row["cameo"]) == ("AZE", "HOSTED", "043")


def test_the_printed_command_imports_every_file_in_neo4j_5_syntax(imported):
    _, done = imported
    command = done.notes[-1]
    words = shlex.split(command)
    assert words[:4] == ["neo4j-admin", "database", "import", "full"]
    assert words[-2:] == ["--array-delimiter=|", "neo4j"]
    assert sorted(words[4:-2]) == sorted(
        f"--{'nodes' if path.name.startswith('nodes_') else 'relationships'}={path}"
        for path in done.paths)
    assert "--multiline-fields=true" not in words
    assert "milcoop neo4j init" in done.notes[0]


def test_array_delimiter_moves_off_every_character_the_items_hold(seed_graph, tmp_path):
    graph = seed_graph.copy()
    graph.nodes["TUR"]["aliases"] = ["Turkey|Türkiye", "Ankara"]
    assert "military exercises; naval" in graph.edges["AZE", "IRN", "COOPERATES_WITH"]["field"]
    done = export(graph, "neo4j-admin", tmp_path)
    assert shlex.split(done.notes[-1])[-2] == "--array-delimiter=^"
    back = read(tmp_path, "^")
    assert back.nodes["TUR"]["aliases"] == ["Turkey|Türkiye", "Ankara"]
    assert back.nodes["TUR"]["label"] == "Country"


def test_a_value_with_a_line_break_asks_for_multiline_fields(seed_graph, tmp_path):
    graph = seed_graph.copy()
    graph.nodes["TUR"]["description"] = "two\nlines"
    done = export(graph, "neo4j-admin", tmp_path)
    assert "--multiline-fields=true" in shlex.split(done.notes[-1])
    assert read(tmp_path).nodes["TUR"]["description"] == "two\nlines"


def test_labels_and_types_outside_the_vocabulary_are_refused(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="Spaceship", name="X")
    with pytest.raises(VocabularyError, match="Spaceship"):
        export(graph, "neo4j-admin", tmp_path)


def test_neo4j_admin_writes_a_folder_not_a_stream(seed_graph, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("")
    with pytest.raises(ExportError, match="is a file"):
        export(seed_graph, "neo4j-admin", target)


def test_items_holding_every_delimiter_are_refused_in_one_line(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("TUR", label="Country", name="Türkiye", aliases=["a|b;c^d~e¦f\u2063g"])
    with pytest.raises(ExportError, match=r"every array delimiter \(\| ; \^ ~ ¦ U\+2063\)"):
        export(graph, "neo4j-admin", tmp_path)
