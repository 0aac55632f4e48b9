"""Find an entity by id, name or alias, forgiving case and diacritics."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable

import networkx as nx

from graph.errors import NotFoundError


def fold(text: str) -> str:
    """Text folded for matching: case, diacritics and spacing ignored.

    >>> fold("  Türkiye ") == fold("turkiye")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().replace("ı", "i").split())


def _has_words(text: str, key: str) -> bool:
    """Whether ``key`` stands in folded ``text`` as whole words."""
    return f" {key} " in f" {fold(text)} "


def named(node: str, data: dict) -> list[tuple[int, str]]:
    """How a node can be named, folded, by tier: its id (0), name (1) and aliases (2)."""
    return [(0, fold(str(node))), (1, fold(str(data.get("name", "")))),
            *((2, fold(alias)) for alias in data.get("aliases", []))]


def _tiers(graph: nx.MultiDiGraph, key: str) -> list[list[str]]:
    """Candidates by how strongly they match: id, name, alias, then words of a name."""
    by_id, by_name, by_alias, by_words = [], [], [], []
    for node, data in graph.nodes(data=True):
        names = [str(data.get("name", "")), *data.get("aliases", [])]
        if fold(str(node)) == key:
            by_id.append(node)
        elif fold(names[0]) == key:
            by_name.append(node)
        elif any(fold(alias) == key for alias in names[1:]):
            by_alias.append(node)
        elif data.get("label") != "Article" and any(_has_words(n, key) for n in names):
            by_words.append(node)
    return [by_id, by_name, by_alias, by_words]


def choose(query: str, tiers: Iterable[list[str]], label: Callable[[str], str | None],
           names: Callable[[], dict[str, str]]) -> str:
    """The one node of the strongest tier that has any; NotFoundError naming the options
    when it has several, or suggesting close ``names`` (folded: shown) when none match."""
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if tier:
            options = ", ".join(f"{n} ({label(n)})" for n in sorted(tier))
            raise NotFoundError(f"{query!r} is ambiguous: {options}; give the id")
    known = names()
    close = difflib.get_close_matches(fold(query), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(known[c]) for c in close)}?" if close else ""
    raise NotFoundError(f"no entity called {query!r}{hint}")


def resolve(graph: nx.MultiDiGraph, query: str) -> str:
    """The id of the node ``query`` names; NotFoundError with suggestions otherwise.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("TUR", label="Country", name="Türkiye", aliases=["Turkey", "Ankara"])
    >>> g.add_node("blinken", label="Person", name="Antony Blinken")
    >>> resolve(g, "turkey"), resolve(g, "TURKIYE"), resolve(g, "tur"), resolve(g, "blinken")
    ('TUR', 'TUR', 'TUR', 'blinken')
    """
    return choose(query, _tiers(graph, fold(query)), lambda n: graph.nodes[n].get("label"),
                  lambda: {fold(str(data.get("name", n))): str(data.get("name", n))
                           for n, data in graph.nodes(data=True)})
