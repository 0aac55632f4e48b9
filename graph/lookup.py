"""Find an entity by id, name or alias, forgiving case and diacritics."""

from __future__ import annotations

import difflib
import unicodedata

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


def resolve(graph: nx.MultiDiGraph, query: str) -> str:
    """The id of the node ``query`` names; NotFoundError with suggestions otherwise.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("TUR", label="Country", name="Türkiye", aliases=["Turkey", "Ankara"])
    >>> g.add_node("blinken", label="Person", name="Antony Blinken")
    >>> resolve(g, "turkey"), resolve(g, "TURKIYE"), resolve(g, "tur"), resolve(g, "blinken")
    ('TUR', 'TUR', 'TUR', 'blinken')
    """
    key = fold(query)
    for tier in _tiers(graph, key):
        if len(tier) == 1:
            return tier[0]
        if tier:
            options = ", ".join(f"{n} ({graph.nodes[n].get('label')})" for n in sorted(tier))
            raise NotFoundError(f"{query!r} is ambiguous: {options}; give the id")
    names = {fold(str(data.get("name", n))): str(data.get("name", n))
             for n, data in graph.nodes(data=True)}
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    raise NotFoundError(f"no entity called {query!r}{hint}")
