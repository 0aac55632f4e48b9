"""Dyad-year tables that join with international-relations datasets on ISO3 code and year.

One row per pair of countries and year with at least one tie: ``iso3_a`` < ``iso3_b``
(non-directed dyads; ISO 3166-1 alpha-3 codes, the Country node ids), their names, ``year``,
``ties`` (distinct ties) and one count per kind of tie, then ``via`` (what ties them: event
ids, or ``source TYPE target`` for direct ties) and ``sources`` (article ids) as JSON arrays.

The ties are ``country_ties``, the rows ``country_projection`` sums, with its rules: a tie
counts in the year of its date (an event's ``date``, else ``start``; a direct tie's
``date``, else ``since``), so a program begun in 2010 counts in 2010 only. Ties without a
date get one row per pair with an empty ``year`` (a join on year leaves them out; a pair's
rows add up to its projection edge). Pairs and years without ties have no row: join onto a
full dyad-year panel and fill zeros.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
import pandas as pd

from graph.analysis.projection import country_ties
from graph.queries.formats import to_csv
from graph.vocabulary import TIE_KINDS

COLUMNS = ("iso3_a", "iso3_b", "country_a", "country_b", "year", "ties", *TIE_KINDS, "via",
           "sources")
LISTS = ("via", "sources")


def year_of(when: str | None) -> int | None:
    """The year of an ISO date at any precision (None when undated).

    >>> year_of("2023-10-23"), year_of("1992"), year_of(None)
    (2023, 1992, None)
    """
    return int(when[:4]) if when and when[:4].isdigit() else None


def dyad_years(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Country pairs by year with their counts of ties, one row per pair and year with ties.

    Parameters
    ----------
    graph : the facts graph in the common shape.

    Returns
    -------
    A DataFrame with the columns in ``COLUMNS``, sorted by pair then year (undated last).

    Example
    -------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country", "name": "Azerbaijan"}),
    ...                   ("TUR", {"label": "Country", "name": "Türkiye"}),
    ...                   ("x", {"label": "Exercise", "start": "2023-10-23"}),
    ...                   ("y", {"label": "Exercise", "date": "2024"}),
    ...                   ("z", {"label": "Exercise"})])
    >>> for country in ("AZE", "TUR"):
    ...     for event in ("x", "y", "z"):
    ...         _ = g.add_edge(country, event, key="PARTICIPATED_IN", type="PARTICIPATED_IN")
    >>> table = dyad_years(g)
    >>> table[["iso3_a", "iso3_b", "year", "ties", "exercise"]].values.tolist()
    [['AZE', 'TUR', 2023, 1, 1], ['AZE', 'TUR', 2024, 1, 1], ['AZE', 'TUR', <NA>, 1, 1]]
    """
    dyads: dict[tuple[str, str, int | None], dict[str, Any]] = {}
    for first, second, kind, via, when, sources in country_ties(graph):
        tie = dyads.setdefault((first, second, year_of(when)), {"via": {}, "sources": set()})
        tie["via"].setdefault(via, kind)
        tie["sources"] |= sources
    rows = []
    for (first, second, year), tie in dyads.items():
        kinds = Counter(tie["via"].values())
        rows.append({"iso3_a": first, "iso3_b": second,
                     "country_a": graph.nodes[first].get("name", first),
                     "country_b": graph.nodes[second].get("name", second),
                     "year": year, "ties": len(tie["via"]),
                     **{kind: kinds[kind] for kind in TIE_KINDS},
                     "via": sorted(tie["via"]), "sources": sorted(tie["sources"])})
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype({"year": "Int64"})
    return table.sort_values(["iso3_a", "iso3_b", "year"], ignore_index=True)


def write(graph: nx.MultiDiGraph, stream: BinaryIO) -> list[str]:
    """Write the dyad-year table as CSV (UTF-8) to a binary stream; count the undated ties."""
    table = dyad_years(graph)
    text = table.assign(**{column: table[column].map(json.dumps) for column in LISTS})
    stream.write(to_csv(text).encode("utf-8"))
    undated = int(table.loc[table["year"].isna(), "ties"].sum())
    return [f"{undated} tie(s) have no date: their rows have an empty year"] if undated else []


def read(source: Path | BinaryIO) -> pd.DataFrame:
    """Read a table written by ``write`` with pandas, the JSON lists decoded."""
    table = pd.read_csv(source, dtype={"year": "Int64"})
    return table.assign(**{column: table[column].map(json.loads) for column in LISTS})
