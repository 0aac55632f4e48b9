"""Run a named query on either store: its NetworkX implementation or its Cypher file.

Both return a pandas DataFrame with the columns the file's header lists, in the same row
order, so an analysis reads the same whichever store holds the graph.

>>> from graph.queries.sample import sample_graph
>>> run_networkx(sample_graph(), "partners", country="Azerbaijan")[["partner", "weight"]]
  partner  weight
0     TUR       3
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from graph.cypher_files import cypher
from graph.queries import command, countries, events, paths, provenance
from graph.queries.catalog import QuerySpec, catalog, query_spec
from graph.queries.params import ENTITY_PARAMETERS, bind, resolve_entities

if TYPE_CHECKING:
    from graph.store.neo4j_store import Neo4jStore

IMPLEMENTATIONS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "commanders": command.commanders,
    "cooperation_by_year": countries.cooperation_by_year,
    "exercises_in_period": events.exercises_in_period,
    "meetings": events.meetings,
    "memberships_and_programs": countries.memberships_and_programs,
    "multilateral_exercises": events.multilateral_exercises,
    "partners": countries.partners,
    "relationship_sources": provenance.relationship_sources,
    "shortest_path": paths.shortest_path,
    "strongest_pairs": countries.strongest_pairs,
    "timeline": events.timeline,
    "weak_facts": provenance.weak_facts,
}
"""The NetworkX implementation of every query in cypher/queries/, by name."""

QUERY_VIEWS = {"cooperation_by_year": "countries", "partners": "countries",
               "strongest_pairs": "pairs"}
"""The queries a smaller graph kept beside a built one answers, and which: the country
view (``projection.country_view``: country ties and the states' and articles' records) or
the pair view (``projection.pair_view``: the whole country projection)."""

NAMES_QUERY = "lookup/entities"
"""The Cypher file listing every entity's id, name, aliases and label (to resolve names)."""


def frame(spec: QuerySpec, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows of an answer as a DataFrame with exactly the query's columns."""
    for row in rows[:1]:
        if tuple(row) != spec.columns:
            raise ValueError(f"{spec.name}: rows have {tuple(row)}, not {spec.columns}")
    return pd.DataFrame.from_records(rows, columns=list(spec.columns))


def run_networkx(graph: nx.MultiDiGraph, name: str, **values: Any) -> pd.DataFrame:
    """The answer of query ``name`` on a graph in the common shape (values: ids or names)."""
    spec = query_spec(name)
    bound = resolve_entities(bind(spec, values), graph)
    return frame(spec, IMPLEMENTATIONS[name](graph, **bound))


def names_graph(names: pd.DataFrame) -> nx.MultiDiGraph:
    """A graph of bare nodes (label, name, aliases) from the rows of lookup/entities.cypher."""
    graph = nx.MultiDiGraph()
    for row in names.to_dict("records"):
        graph.add_node(row["id"], label=row["label"], name=row["name"] or row["id"],
                       aliases=list(row["aliases"] or []))
    return graph


def run_neo4j(store: Neo4jStore, name: str, **values: Any) -> pd.DataFrame:
    """The answer of query ``name`` from its Cypher file, run on a Neo4j store."""
    spec = query_spec(name)
    bound = bind(spec, values)
    if any(parameter in bound for parameter in ENTITY_PARAMETERS):
        bound = resolve_entities(bound, names_graph(store.query(cypher(NAMES_QUERY))))
    answer = store.query(spec.cypher, bound)
    return answer if len(answer) else pd.DataFrame(columns=list(spec.columns))


def catalog_frame() -> pd.DataFrame:
    """The library as a table: name, summary, parameters (name=example), columns."""
    rows = [{"name": spec.name, "summary": spec.summary,
             "parameters": [f"{p.name}={p.text}" for p in spec.parameters],
             "columns": list(spec.columns), "description": spec.description}
            for spec in catalog().values()]
    return pd.DataFrame(rows, columns=["name", "summary", "parameters", "columns",
                                       "description"])
