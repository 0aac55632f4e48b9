"""The GEXF export carries dates for Gephi's timeline, widened to whole periods."""

from __future__ import annotations

from xml.etree.ElementTree import parse

import networkx as nx
import pytest

from graph.export import export
from graph.export.gexf import first_day, last_day

GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def gexf_file(seed_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("gexf") / "graph.gexf"
    export(seed_graph, "gexf", path)
    return path


@pytest.fixture(scope="module")
def read_back(gexf_file):
    """The file as networkx's GEXF reader gives it, before any milcoop decoding."""
    return nx.read_gexf(gexf_file)


def test_gexf_graph_is_dynamic_with_dates(gexf_file):
    graph = parse(gexf_file).getroot().find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"


@pytest.mark.parametrize(("node", "start", "end"), [
    ("mustafa-kemal-ataturk-2023", "2023-10-23", "2023-10-25"),   # days as they are
    ("aze-irn-caspian-naval-exercise-agreement-2023", "2023-10-01", "2023-10-31"),  # month
    ("aze-commando-tactical-special-exercises-2024", "2024-01-01", "2024-12-31"),  # year
    ("first-karabakh-war", "1992-01-01", "1994-12-31"),   # start and end at year precision
    ("aze-counter-offensive-2020", "2020-09-27", None),   # begun, no end: open
    ("AZE", None, None),                                  # countries are always there
    ("000_a9e083a6abf19069", None, None),                 # articles: the other clock
])
def test_nodes_last_from_their_start_or_date_to_their_end_or_date(read_back, node, start, end):
    data = read_back.nodes[node]
    assert (data.get("start"), data.get("end")) == (start, end)


def test_event_start_and_end_keep_their_precision_beside_the_timeline(read_back):
    war = read_back.nodes["first-karabakh-war"]
    assert (war["event_start"], war["event_end"]) == ("1992", "1994")
    assert war["label"] == "First Karabakh War" and war["node_label"] == "Operation"


@pytest.mark.parametrize(("source", "kind", "target", "start", "end"), [
    ("AZE", "COOPERATES_WITH", "TUR", "1992-01-01", None),      # since: open-ended
    ("ARM", "DEPLOYED_TO", "liberated-territories", None, "2020-12-31"),  # until only
    ("AZE", "SIGNED", "shusha-declaration", "2021-06-15", "2021-06-15"),  # dated: one day
    ("AZE", "HOSTED", "mustafa-kemal-ataturk-2023", None, None),  # undated edge
])
def test_edges_last_from_since_or_date_to_until_or_date(read_back, source, kind, target,
                                                        start, end):
    data = read_back.edges[source, target, kind]
    assert data["label"] == kind
    assert (data.get("start"), data.get("end")) == (start, end)


def test_nodes_are_coloured_by_label(read_back):
    assert read_back.nodes["AZE"]["viz"]["color"] == \
        {"r": 230, "g": 25, "b": 75, "a": 1.0}


def test_partial_dates_widen_to_the_first_and_last_day_of_their_period():
    assert [first_day(d) for d in ("2024", "2024-02", "2024-02-03")] == \
        ["2024-01-01", "2024-02-01", "2024-02-03"]
    assert [last_day(d) for d in ("2023", "2023-02", "2024-02", "2023-04", "2023-04-05")] == \
        ["2023-12-31", "2023-02-28", "2024-02-29", "2023-04-30", "2023-04-05"]
    assert first_day("sometime") is None and last_day("2023-1") is None
