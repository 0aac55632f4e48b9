"""The built graph indexed for lookups: one entity and what touches it, read from disk in
milliseconds however large the graph, so ``milcoop show`` need not load the whole graph.

An SQLite file (the standard library's) beside the built graph holds every node and edge
as JSON, the folded names of each node by tier (id, name, alias: see ``graph.lookup``) and
indexes on them; it is written with the graph and answers exactly as the graph would.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from graph.errors import StoreError
from graph.files import atomic_writer
from graph.lookup import choose, fold, named
from graph.model import Span
from graph.store.base import Counts, Tally
from graph.vocabulary import PROVENANCE_TYPES

SCHEMA = (
    "CREATE TABLE nodes (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, label TEXT,"
    " name TEXT, data TEXT NOT NULL)",
    "CREATE TABLE names (tier INTEGER NOT NULL, folded TEXT NOT NULL, id TEXT NOT NULL,"
    " label TEXT)",
    "CREATE TABLE edges (source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,"
    " data TEXT NOT NULL)",
)
BATCH = 500
"""Nodes fetched in one query (well under SQLite's limit on parameters)."""
INDEXES = (
    "CREATE INDEX names_folded ON names (folded, tier)",
    "CREATE INDEX edges_source ON edges (source)",
    "CREATE INDEX edges_target ON edges (target)",
)


def write_index(nodes: Iterable[tuple[Any, dict[str, Any]]],
                edges: Iterable[tuple[Any, Any, Any, dict[str, Any]]], path: Path) -> None:
    """Write the index of a graph's ``nodes`` ((id, data)) and ``edges`` ((source, target,
    type, data)), streamed, to ``path`` (atomically: a reader sees the old index or the new
    one, never half of one)."""
    with atomic_writer(path, "wb") as handle:
        handle.close()
        with closing(sqlite3.connect(handle.name)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            for statement in SCHEMA:
                db.execute(statement)
            for node, data in nodes:
                db.execute("INSERT INTO nodes (id, label, name, data) VALUES (?, ?, ?, ?)",
                           (str(node), data.get("label"), str(data.get("name", node)),
                            _json(data)))
                db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)",
                               [(tier, folded, str(node), data.get("label"))
                                for tier, folded in named(node, data)])
            db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)",
                           ((str(source), str(target), str(kind), _json(data))
                            for source, target, kind, data in edges))
            for statement in INDEXES:
                db.execute(statement)
            db.commit()


def _json(data: dict[str, Any]) -> str:
    """Attributes as the built graph's JSON file gives them back (keys sorted; orjson: a
    build writes one for each of millions of elements)."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()


class GraphIndex:
    """A read-only view of an index written by ``write_index``."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise StoreError(f"{path}: no graph index here; run 'milcoop build' first")
        try:
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            self.db.execute("SELECT 1 FROM nodes LIMIT 1")
        except sqlite3.Error as error:
            raise StoreError(f"{path}: not a milcoop graph index ({error})") from None

    def __enter__(self) -> GraphIndex:
        return self

    def __exit__(self, *_: object) -> None:
        self.db.close()

    def resolve(self, query: str) -> str:
        """The id of the node ``query`` names, exactly as ``graph.lookup.resolve`` finds it
        in the whole graph; NotFoundError with suggestions otherwise."""
        return choose(query, self._tiers(fold(query)), self._label, self._names)

    def _tiers(self, key: str) -> Iterator[list[str]]:
        """The nodes ``key`` names by id, name, alias, then words of a name: each tier is
        read only when the ones before it named none."""
        for tier in (0, 1, 2):
            yield [row[0] for row in self.db.execute(
                "SELECT DISTINCT id FROM names WHERE folded = ? AND tier = ?", (key, tier))]
        yield [row[0] for row in self.db.execute(
            "SELECT DISTINCT id FROM names WHERE tier > 0 AND label IS NOT 'Article' AND "
            "instr(' ' || folded || ' ', ' ' || ? || ' ') > 0", (key,))]

    def _label(self, node: str) -> str | None:
        row = self.db.execute("SELECT label FROM nodes WHERE id = ?", (node,)).fetchone()
        return row[0] if row else None

    def _names(self) -> dict[str, str]:
        return {fold(name): name for (name,) in
                self.db.execute("SELECT name FROM nodes ORDER BY rowid")}

    def neighbourhood(self, node: str) -> nx.MultiDiGraph:
        """``node``, every edge out of it and every edge into it save provenance (which
        describing it does not read), the nodes at their other ends and the articles their
        evidence cites."""
        own = self._data(node)
        if own is None:
            raise StoreError(f"{node!r} is not in the graph index")
        graph = nx.MultiDiGraph()
        skipped = sorted(PROVENANCE_TYPES)
        edges = self.db.execute(
            "SELECT source, target, type, data FROM edges WHERE source = ? UNION ALL "
            "SELECT source, target, type, data FROM edges WHERE target = ? AND source != ? "
            f"AND type NOT IN ({', '.join('?' * len(skipped))})", (node, node, node, *skipped))
        wanted = {Span.parse(text).article for text in own.get("evidence", [])}
        for source, target, kind, data in edges:
            attrs = json.loads(data)
            graph.add_edge(source, target, key=kind, **attrs)
            wanted |= {source, target}
            wanted |= {Span.parse(text).article for text in attrs.get("evidence", [])}
        wanted.discard(node)
        graph.add_node(node, **own)
        found = self._many(sorted(wanted))
        for other in sorted(wanted):
            if other in found:
                graph.add_node(other, **found[other])
        return graph

    def _many(self, nodes: list[str]) -> dict[str, dict[str, Any]]:
        """The data of ``nodes`` that are in the index, fetched a few hundred at a time."""
        found = {}
        for start in range(0, len(nodes), BATCH):
            part = nodes[start:start + BATCH]
            found |= {node: json.loads(data) for node, data in self.db.execute(
                f"SELECT id, data FROM nodes WHERE id IN ({', '.join('?' * len(part))})",
                part)}
        return found

    def tally(self) -> Tally:
        """The counts and per-article rows ``milcoop stats`` shows, from SQL alone, exactly
        as ``graph.stats`` reads them from the whole graph."""
        counts = Counts(
            Counter(dict(self.db.execute("SELECT label, count(*) FROM nodes GROUP BY label"))),
            Counter(dict(self.db.execute("SELECT type, count(*) FROM edges GROUP BY type"))))
        skipped = sorted(PROVENANCE_TYPES)
        facts = f"edges.type NOT IN ({', '.join('?' * len(skipped))})"
        stated = dict(self.db.execute(
            "SELECT source.value, count(DISTINCT edges.rowid) FROM edges, "
            f"json_each(edges.data, '$.sources') AS source WHERE {facts} "
            "GROUP BY source.value", skipped))
        alone = dict(self.db.execute(
            "SELECT json_extract(data, '$.sources[0]'), count(*) FROM edges WHERE "
            f"{facts} AND json_array_length(data, '$.sources') = 1 GROUP BY 1", skipped))
        degree = dict(self.db.execute("SELECT source, count(*) FROM edges GROUP BY source"))
        rows = [{"article": article, "published": published if published is not None else "",
                 "publisher": publisher if publisher is not None else "",
                 "entities": degree.get(article, 0), "relationships": stated.get(article, 0),
                 "only_source": alone.get(article, 0)}
                for article, published, publisher in self.db.execute(
                    "SELECT id, json_extract(data, '$.published'), "
                    "json_extract(data, '$.publisher') FROM nodes WHERE label = 'Article' "
                    "ORDER BY rowid")]
        return Tally(counts, rows)

    def _data(self, node: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM nodes WHERE id = ?", (node,)).fetchone()
        return json.loads(row[0]) if row else None
