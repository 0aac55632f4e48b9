"""The neutral graph rows every store reads and writes: nodes, edges and their evidence.

Stores never see facts files: loaders turn facts into these rows, and each store maps them
onto its own engine (NetworkX attributes, Neo4j properties) in the same shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

_SPAN = re.compile(r"^(?P<article>.+):(?P<start>\d+)-(?P<end>\d+)$")


class Span(NamedTuple):
    """Where in which article a fact is stated: ``[start, end)`` character offsets (a
    tuple, so the millions a large build sorts and hashes compare in C)."""

    article: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.article}:{self.start}-{self.end}"

    @classmethod
    def parse(cls, text: str) -> Span:
        """Read back the ``article:start-end`` form that stores keep.

        >>> Span.parse("000_a:10-20")
        Span(article='000_a', start=10, end=20)
        """
        match = _SPAN.match(text)
        if not match:
            raise ValueError(f"not an evidence span: {text!r}")
        return cls(match["article"], int(match["start"]), int(match["end"]))


@dataclass(slots=True)
class Node:
    """An entity (or article) with its label, properties and the spans that support it
    (slotted: a build of 100,000 reports holds millions of rows)."""

    id: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: set[Span] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The canonical name, or the id when none was given."""
        return str(self.properties.get("name", self.id))


@dataclass(slots=True)
class Edge:
    """A typed relationship between two node ids, with the spans that support it."""

    source: str
    type: str
    target: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: set[Span] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the edge: one edge per (source, type, target)."""
        return (self.source, self.type, self.target)


def provenance(evidence: set[Span]) -> dict[str, list[str]]:
    """The ``sources`` (article ids) and ``evidence`` (span strings) properties of a fact."""
    spans = sorted(evidence)
    return {
        "sources": sorted({article for article, _, _ in spans}),
        "evidence": [f"{article}:{start}-{end}" for article, start, end in spans],
    }


def merge_list(old: list[Any] | None, new: list[Any] | None) -> list[Any]:
    """Union of two lists keeping first-seen order (aliases, sources).

    >>> merge_list(["Turkey", "Ankara"], ["Türkiye", "Turkey"])
    ['Turkey', 'Ankara', 'Türkiye']
    """
    return list(dict.fromkeys([*(old or []), *(new or [])]))
