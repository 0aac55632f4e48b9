"""The text shown when the pointer rests on a node or an edge: properties and sources.

Tooltips are plain text (the page shows them as text, never as HTML): a name line, the
properties, then each source article with its title, publisher and date and, when the
report texts are at hand, the quoted words of each evidence span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from graph.analysis.projection import CITED_KEPT, NAMES_KEPT
from graph.dates import year
from graph.model import Span
from graph.vocabulary import REL_TYPES

QUOTE_CHARS = 240
"""Longest quote shown for one evidence span; longer ones are cut with an ellipsis."""

SPANS_SHOWN = 8
"""Most evidence spans listed in one tooltip; the rest are counted."""

VIAS_SHOWN = NAMES_KEPT
"""Most events or direct ties listed in the tooltip of a country-to-country tie."""

ARTICLES_SHOWN = CITED_KEPT
"""Most source articles listed in one tooltip (a state named in 5,000 reports would list
them all); the rest are counted."""

_HIDDEN = ("label", "name", "type", "sources", "evidence")

Quote = Callable[[Span], str | None]


def _value(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def _cut(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters.

    >>> _cut("a  long\\n text", 6)
    'a lon…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def properties(data: dict[str, Any]) -> list[str]:
    """``key: value`` lines for the properties worth reading (not name, label, provenance).

    >>> properties({"name": "X", "rank": "General", "aliases": ["A", "B"]})
    ['rank: General', 'aliases: A, B']
    """
    return [f"{key}: {_value(value)}" for key, value in data.items()
            if key not in _HIDDEN and value not in (None, "", [])]


class Sources:
    """The articles of a graph, to cite them in tooltips, quoting evidence when at hand."""

    def __init__(self, graph: nx.MultiDiGraph, quote: Quote | None = None) -> None:
        self.articles = {node: data for node, data in graph.nodes(data=True)
                         if data.get("label") == "Article"}
        self.quote = quote
        self.published = {article: found for article, data in self.articles.items()
                          if (found := year(data.get("published")))}
        """Each article's year of publication (those with one), for the reporting clock."""

    def cite(self, article: str) -> str:
        """One line naming an article: title — publisher, date (or its id when unknown)."""
        data = self.articles.get(article, {})
        where = ", ".join(str(data[key]) for key in ("publisher", "published") if data.get(key))
        title = data.get("title") or article
        return f"• {title}" + (f" — {where}" if where else "")

    def lines(self, sources: Iterable[str], evidence: Iterable[str] = (),
              total: int | None = None) -> list[str]:
        """The sources block: each article, then its spans (quoted when the text is at hand);
        ``total`` counts them when ``sources`` holds only the first. Only the spans of the
        articles listed are read (a state's evidence runs to tens of thousands)."""
        by_article: dict[str, list[str]] = {}
        for text in evidence:
            by_article.setdefault(text.rpartition(":")[0], []).append(text)
        articles = sorted(set(sources) | by_article.keys())
        if not articles:
            return []
        total = max(total or 0, len(articles))
        lines = [f"Sources ({total}):"]
        shown = 0
        for article in articles[:ARTICLES_SHOWN]:
            lines.append(self.cite(article))
            for span in sorted(Span.parse(text) for text in by_article.get(article, [])):
                if shown < SPANS_SHOWN:
                    lines.append(self._span(span))
                shown += 1
        if total > min(len(articles), ARTICLES_SHOWN):
            lines.append(f"… and {total - min(len(articles), ARTICLES_SHOWN)} more articles")
        if shown > SPANS_SHOWN:
            lines.append(f"  … and {shown - SPANS_SHOWN} more spans")
        return lines

    def _span(self, span: Span) -> str:
        words = self.quote(span) if self.quote else None
        where = f"{span.start}–{span.end}"
        return f'  "{_cut(words, QUOTE_CHARS)}" ({where})' if words else f"  at {where}"


def node_tooltip(node: str, data: dict[str, Any], sources: Sources) -> str:
    """The tooltip of an entity: name, label and id, properties, sources.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a1", label="Article", title="Drills", publisher="AzerNews")
    >>> data = {"label": "Country", "name": "Azerbaijan", "sources": ["a1"], "evidence": []}
    >>> print(node_tooltip("AZE", data, Sources(g)))
    Azerbaijan
    Country · AZE
    <BLANKLINE>
    Sources (1):
    • Drills — AzerNews
    """
    head = [str(data.get("name", node)), f"{data.get('label', '')} · {node}"]
    return _join(head + properties(data),
                 sources.lines(data.get("sources", []), data.get("evidence", [])))


def edge_tooltip(names: tuple[str, str], data: dict[str, Any], sources: Sources) -> str:
    """The tooltip of a relationship: who, the type, who; properties; sources.

    >>> print(edge_tooltip(("Türkiye", "Azerbaijan"), {"type": "SUPPORTS", "note": "aid"},
    ...                    Sources(nx.MultiDiGraph())))
    Türkiye → SUPPORTS → Azerbaijan
    note: aid
    """
    kind = data.get("type", "")
    arrow = "—" if kind in REL_TYPES and REL_TYPES[kind].symmetric else "→"
    head = [f"{names[0]} {arrow} {kind} {arrow} {names[1]}"]
    return _join(head + properties(data),
                 sources.lines(data.get("sources", []), data.get("evidence", [])))


def tie_tooltip(names: tuple[str, str], data: dict[str, Any], kinds: Iterable[str],
                sources: Sources) -> str:
    """The tooltip of a country-to-country tie: how many, of which kinds, through what
    (``through``: the first names), and its ``reports`` articles (``cited``: the first).

    >>> print(tie_tooltip(("Azerbaijan", "Türkiye"),
    ...                   {"weight": 1, "exercise": 1, "through": ["Caucasus Eagle (Exercise)"],
    ...                    "cited": [], "reports": 0},
    ...                   ["exercise", "program"], Sources(nx.MultiDiGraph())))
    Azerbaijan — Türkiye: 1 tie
    exercise 1
    through:
    • Caucasus Eagle (Exercise)
    """
    weight = data.get("weight", 0)
    head = [f"{names[0]} — {names[1]}: {weight} tie{'s' if weight != 1 else ''}",
            ", ".join(f"{kind} {data[kind]}" for kind in kinds if data.get(kind)), "through:"]
    through = data.get("through", [])[:VIAS_SHOWN]
    head += [f"• {name}" for name in through]
    head += [f"… and {weight - len(through)} more"] * (weight > len(through))
    return _join(head, sources.lines(data.get("cited", []), total=data.get("reports")))


def _join(head: list[str], tail: list[str]) -> str:
    return "\n".join(head + (["", *tail] if tail else []))
