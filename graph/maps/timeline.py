"""The map in time: when each fact held and when it was reported, and what a window shows.

Two clocks. **When it happened**: a fact's years from its own ``date`` (one year),
``start``/``end`` or ``since``/``until`` (``since`` without ``until`` still holds), else
those of the event at either end, as ``fact_date`` dates a fact. **When it was reported**:
the years its articles were published. The page's slider filters by either; ``shown`` is
the same filter in Python, the reference the browser tests hold the page to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.dates import Interval
from graph.maps.tooltips import Sources

CLOCKS = ("happened", "reported")


def reported(sources: Sources, articles: Iterable[str]) -> list[int]:
    """The years the ``articles`` were published, sorted, each once."""
    published = sources.published
    return sorted({published[article] for article in articles if article in published})


def overlaps(interval: Interval, first: int, last: int) -> bool:
    """Whether the years of ``interval`` meet the window ``first``..``last``.

    >>> overlaps((1994, None), 2023, 2023), overlaps((2023, 2023), 1992, 2022)
    (True, False)
    """
    return interval[0] <= last and (interval[1] is None or interval[1] >= first)


def in_window(item: dict[str, Any], clock: str, first: int, last: int) -> bool | None:
    """Whether a map item falls in the window on ``clock``; None when it has no date on it."""
    if clock == "happened":
        when = item.get("when")
        return None if when is None else overlaps((when[0], when[1]), first, last)
    told = item.get("told") or []
    return None if not told else any(first <= told_year <= last for told_year in told)


def span(nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]]) -> list[int] | None:
    """The first and last year any item holds or was reported in (None: nothing dated)."""
    years: set[int] = set()
    for item in [*nodes, *edges]:
        for stamped in [item, *item.get("ties", [])]:
            when = stamped.get("when")
            if when is not None:
                years |= {y for y in when if y is not None}
            years |= set(stamped.get("told") or [])
    return [min(years), max(years)] if years else None


def shown(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], clock: str, first: int,
          last: int, undated: bool = True, hidden: Iterable[str] = ()
          ) -> tuple[set[str], set[str], dict[str, int]]:
    """What the page shows for a window: (node ids, edge ids, country-tie weights by edge).

    An edge shows when its category is not hidden, both its ends' categories neither, and it
    falls in the window (an undated one when ``undated``); a country-tie edge when any of
    its tie groups does, weighing as many ties as they hold. A node shows when its category
    is not hidden and it falls in the window itself, or has an edge that shows, or has no
    edge the categories leave and no date on the clock while undated facts are shown (so
    the full window shows all that the categories leave).
    """
    hidden = set(hidden)
    kept = {node["id"] for node in nodes if node.get("category") not in hidden}
    weights: dict[str, int] = {}
    edge_ids: set[str] = set()
    ended: set[str] = set()
    linked: set[str] = set()
    for edge in edges:
        if edge.get("category") in hidden or edge["from"] not in kept or edge["to"] not in kept:
            continue
        linked |= {edge["from"], edge["to"]}
        if "ties" in edge:
            weight = sum(tie["n"] for tie in edge["ties"]
                         if _falls(in_window(tie, clock, first, last), undated))
            if not weight:
                continue
            weights[edge["id"]] = weight
        elif not _falls(in_window(edge, clock, first, last), undated):
            continue
        edge_ids.add(edge["id"])
        ended |= {edge["from"], edge["to"]}
    node_ids = {node["id"] for node in nodes if node["id"] in kept and (
        node["id"] in ended or in_window(node, clock, first, last) or
        (undated and node["id"] not in linked and in_window(node, clock, first, last) is None))}
    return node_ids, edge_ids, weights


def _falls(inside: bool | None, undated: bool) -> bool:
    return undated if inside is None else inside
