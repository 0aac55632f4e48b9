"""Describe one entity: its properties, its relationships and the sources of each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.escape import terminal
from graph.model import Span
from graph.vocabulary import PROVENANCE_TYPES

HIDDEN = ("label", "name", "sources", "evidence")


@dataclass
class Tie:
    """One relationship seen from the described entity."""

    direction: str
    type: str
    other: str
    other_name: str
    other_label: str
    properties: dict[str, Any]
    evidence: list[Span]


@dataclass
class Description:
    """Everything ``milcoop show`` prints about an entity."""

    id: str
    label: str
    name: str
    properties: dict[str, Any]
    evidence: list[Span]
    ties: list[Tie] = field(default_factory=list)


def _tie(graph: nx.MultiDiGraph, direction: str, other: str, attrs: dict[str, Any]) -> Tie:
    data = graph.nodes[other]
    props = {k: v for k, v in attrs.items() if k not in ("type", "sources", "evidence")}
    return Tie(direction, attrs["type"], other, data.get("name", other), data.get("label", ""),
               props, [Span.parse(text) for text in attrs.get("evidence", [])])


def describe(graph: nx.MultiDiGraph, node: str) -> Description:
    """The description of ``node``: properties, then relationships out and in by type."""
    data = graph.nodes[node]
    ties = [_tie(graph, "out", target, attrs)
            for _, target, attrs in graph.out_edges(node, data=True)]
    ties += [_tie(graph, "in", source, attrs)
             for source, _, attrs in graph.in_edges(node, data=True)
             if attrs["type"] not in PROVENANCE_TYPES]
    ties.sort(key=lambda tie: (tie.type, tie.direction, tie.other_name))
    return Description(
        node, data.get("label", ""), data.get("name", node),
        {k: v for k, v in data.items() if k not in HIDDEN},
        [Span.parse(text) for text in data.get("evidence", [])], ties,
    )


def render(description: Description, quote: Callable[[Span], str | None]) -> str:
    """Plain-text report of a description, safe to print (control characters shown as
    codes); ``quote`` gives a span's words when at hand."""
    lines = [f"{description.name} [{description.label}] id={description.id}"]
    lines += [f"  {key}: {value}" for key, value in description.properties.items()]
    lines += _sources(description.evidence, quote, "  ")
    lines.append(f"relationships ({len(description.ties)}):")
    for tie in description.ties:
        arrow = f"-[{tie.type}]->" if tie.direction == "out" else f"<-[{tie.type}]-"
        extra = ", ".join(f"{k}={v}" for k, v in tie.properties.items())
        lines.append(f"  {arrow} {tie.other_name} [{tie.other_label}]"
                     + (f" ({extra})" if extra else ""))
        lines += _sources(tie.evidence, quote, "      ")
    return terminal("\n".join(lines))


def _sources(spans: list[Span], quote: Callable[[Span], str | None], indent: str) -> list[str]:
    lines = []
    for span in spans:
        words = quote(span)
        shown = f': "{" ".join(words.split())}"' if words else ""
        lines.append(f"{indent}source {span}{shown}")
    return lines
