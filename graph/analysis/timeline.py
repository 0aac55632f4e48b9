"""Change over time: cooperation events per year, and country measures per year or window.

Time here is the event clock: an event's ``date`` or ``start``, a relationship's ``since``.
Many standing ties (programs, partnerships) carry no date of their own: they are left out
unless ``fallback=True`` is asked for, which dates them by the earliest report stating them
(the reporting clock); the tables then say which clock dated what.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from graph.analysis.centrality import centrality
from graph.analysis.projection import country_projection, country_ties, reported
from graph.vocabulary import JOINABLE_LABELS

Window = tuple[str | None, str | None]
"""An ISO date range (since, until), inclusive at the precision given; None is open."""


def event_dates(graph: nx.MultiDiGraph, fallback: bool = False) -> pd.DataFrame:
    """When each event, program and agreement happened, and which clock says so.

    Returns
    -------
    DataFrame
        Indexed by id: ``name``, ``label``, ``date`` (ISO, at the precision known), ``year``
        and ``dated_by``: ``event`` (its own ``date``/``start``), ``report`` (with
        ``fallback``: the earliest report stating it) or ``""`` (undated).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("x", {"label": "Exercise", "name": "X", "start": "2023-10-23"}),
    ...                   ("p", {"label": "Program", "name": "P", "sources": ["a"]}),
    ...                   ("a", {"label": "Article", "published": "2021"})])
    >>> event_dates(g, fallback=True)[["date", "year", "dated_by"]].to_dict("index")
    {'x': {'date': '2023-10-23', 'year': 2023, 'dated_by': 'event'}, \
'p': {'date': '2021', 'year': 2021, 'dated_by': 'report'}}
    """
    rows = {}
    for node, data in graph.nodes(data=True):
        if data.get("label") not in JOINABLE_LABELS:
            continue
        date, clock = data.get("date") or data.get("start"), "event"
        if not date and fallback:
            date, clock = reported(graph, data.get("sources", [])), "report"
        rows[node] = {"name": data.get("name", node), "label": data["label"],
                      "date": str(date or ""), "year": int(str(date)[:4]) if date else None,
                      "dated_by": clock if date else ""}
    columns = ["name", "label", "date", "year", "dated_by"]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame.rename_axis("id")


def events_per_year(graph: nx.MultiDiGraph, fallback: bool = False) -> pd.DataFrame:
    """Events, programs and agreements per year, by label, and how many a report dated.

    ``dated_by_report`` counts the ones dated by their earliest report (``fallback``)
    rather than by their own date.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("x", {"label": "Exercise", "date": "2023"}),
    ...                   ("y", {"label": "Exercise", "date": "2023-06"}),
    ...                   ("m", {"label": "Meeting", "sources": ["a"]}),
    ...                   ("a", {"label": "Article", "published": "2023"})])
    >>> events_per_year(g, fallback=True).reset_index().to_dict("records")
    [{'year': 2023, 'Exercise': 2, 'Meeting': 1, 'total': 3, 'dated_by_report': 1}]
    """
    dated = event_dates(graph, fallback).dropna(subset=["year"])
    counts = pd.crosstab(dated["year"], dated["label"])
    counts = counts[[name for name in JOINABLE_LABELS if name in counts.columns]]
    counts["total"] = counts.sum(axis=1)
    counts["dated_by_report"] = (dated["dated_by"] == "report").groupby(dated["year"]).sum()
    counts.columns.name = None
    return counts.astype(int)


def yearly(graph: nx.MultiDiGraph, fallback: bool = False) -> list[Window]:
    """One window per year in which some country-to-country tie is dated.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"})])
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS", type="SUPPORTS", since="2020-05")
    >>> yearly(g)
    [('2020', '2020')]
    """
    years = set()
    for *_, when, sources in country_ties(graph):
        when = when or (reported(graph, sources) if fallback else None)
        if when:
            years.add(str(when)[:4])
    return [(year, year) for year in sorted(years)]


def window_name(window: Window) -> str:
    """A window as a column heading: ``2023``, ``2020..2023``, ``..2023``, ``2020..`` or ``all``.

    >>> window_name(("2023", "2023")), window_name((None, "2023")), window_name((None, None))
    ('2023', '..2023', 'all')
    """
    since, until = window
    if since == until:
        return str(since or "all")
    return f"{since or ''}..{until or ''}"


def measure_over_time(graph: nx.MultiDiGraph, measure: str = "degree",
                      windows: Iterable[Window] | None = None,
                      fallback: bool = False) -> pd.DataFrame:
    """A centrality measure of every country in the country projection of each window.

    Parameters
    ----------
    graph : MultiDiGraph
        The facts graph.
    measure : str
        A name from ``centrality.MEASURES``.
    windows : iterable of (since, until), optional
        ISO date ranges; by default one per year with a dated tie (``yearly``).
    fallback : bool
        Date undated ties by their earliest report (see ``country_projection``).

    Returns
    -------
    DataFrame
        Indexed by country id: ``name``, then one column per window (``window_name``).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("AZE", {"label": "Country"}), ("TUR", {"label": "Country"}),
    ...                   ("IRN", {"label": "Country"})])
    >>> _ = g.add_edge("TUR", "AZE", key="SUPPORTS", type="SUPPORTS", since="2020")
    >>> _ = g.add_edge("IRN", "AZE", key="SUPPORTS", type="SUPPORTS", since="2023")
    >>> measure_over_time(g, windows=[("2020", "2020"), (None, "2023")]).to_dict("index")
    {'AZE': {'name': 'AZE', '2020': 1, '..2023': 2}, 'IRN': {'name': 'IRN', '2020': 0, \
'..2023': 1}, 'TUR': {'name': 'TUR', '2020': 1, '..2023': 1}}
    """
    chosen = yearly(graph, fallback) if windows is None else list(windows)
    columns = {}
    for since, until in chosen:
        projection = country_projection(graph, since, until, fallback=fallback)
        values = centrality(projection, measure)
        columns[window_name((since, until))] = values[measure]
        names = values["name"]
    frame = pd.DataFrame({"name": names, **columns}) if chosen else pd.DataFrame(
        columns=["name"])
    return frame.sort_index().rename_axis("id")
