"""Query parameters: read from ``key=value`` text, typed by their example, names resolved.

Values typed on the command line are strings: each is converted to the type of the example
value in the query's header (a whole number, a list split at commas, or text). Parameters
that name an entity accept an id, a name or an alias on either store (graph/lookup.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from graph.dates import date_problem
from graph.errors import NotFoundError, QueryError
from graph.lookup import resolve
from graph.queries.catalog import Parameter, QuerySpec

ENTITY_PARAMETERS: dict[str, str | None] = {
    "country": "Country", "other_country": "Country", "entity": None, "other": None,
}
"""Parameters that name an entity, and the label it must have (None: any entity)."""


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``key=value`` texts as a dict (the value may itself hold ``=``).

    >>> parse_assignments(["country=Azerbaijan", "until=2024-12-31"])
    {'country': 'Azerbaijan', 'until': '2024-12-31'}
    """
    values: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise QueryError(f"--param {pair!r} is not key=value (e.g. --param country=AZE)")
        if key.strip() in values:
            raise QueryError(f"--param {key.strip()} is given twice")
        values[key.strip()] = value.strip()
    return values


def convert(parameter: Parameter, value: Any) -> Any:
    """``value`` as the type of the parameter's example (a date checked as a date); values
    already typed pass through.

    >>> convert(Parameter("limit", 10), "3"), convert(Parameter("ids", ["AZE"]), "AZE, TUR")
    (3, ['AZE', 'TUR'])
    """
    if not isinstance(value, str):
        return value
    example = parameter.example
    if isinstance(example, list):
        item = Parameter(parameter.name, example[0] if example else "")
        return [convert(item, part.strip()) for part in value.split(",") if part.strip()]
    if isinstance(example, int) and not isinstance(example, bool):
        if not value.isdigit():
            raise QueryError(f"--param {parameter.name} takes a whole number of 0 or more "
                             f"(e.g. {parameter.usage}), not {value!r}")
        return int(value)
    if isinstance(example, str) and date_problem(example) is None:
        problem = date_problem(value)
        if problem:
            raise QueryError(f"--param {parameter.name}: {problem}")
    return value


def bind(spec: QuerySpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values of every parameter of ``spec``, typed; QueryError for unknown or missing."""
    usage = " ".join(parameter.usage for parameter in spec.parameters) or "no parameters"
    unknown = sorted(set(values) - {parameter.name for parameter in spec.parameters})
    if unknown:
        raise QueryError(f"{spec.name} takes no parameter {unknown[0]!r}; it takes: {usage}")
    missing = [parameter.name for parameter in spec.parameters if parameter.name not in values]
    if missing:
        raise QueryError(f"{spec.name} needs {', '.join(missing)}; it takes: {usage}")
    return {parameter.name: convert(parameter, values[parameter.name])
            for parameter in spec.parameters}


def resolve_entities(values: Mapping[str, Any], graph: nx.MultiDiGraph) -> dict[str, Any]:
    """``values`` with every entity parameter turned into the id of the node it names.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("TUR", label="Country", name="Türkiye", aliases=["Turkey"])
    >>> resolve_entities({"country": "turkey", "limit": 3}, g)
    {'country': 'TUR', 'limit': 3}
    """
    resolved = dict(values)
    for name, label in ENTITY_PARAMETERS.items():
        if name not in values:
            continue
        node = resolve(graph, str(values[name]))
        found = graph.nodes[node].get("label")
        if found == "Article" or (label and found != label):
            wanted = f"a {label}" if label else "an entity"
            raise NotFoundError(f"{values[name]!r} is {node} ({found}), not {wanted}")
        resolved[name] = node
    named = [resolved[name] for name in ENTITY_PARAMETERS if name in resolved]
    if len(named) != len(set(named)):
        raise QueryError(f"the two entities given are both {named[0]!r}: give two different ones")
    return resolved
