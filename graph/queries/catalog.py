"""The catalog of named queries, read from the headers of the files in cypher/queries/.

A query file opens with comment lines: what it answers, one ``// :param name => example``
line per parameter (the Neo4j Browser's own form, so the line runs there without ``//``)
and ``// columns: a, b, c``. Names, descriptions, parameters and columns all come from
there, so ``milcoop query --list``, the parameter checks and both stores follow the files.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from graph.cypher_files import CYPHER_DIR, cypher, parameters
from graph.errors import QueryError

QUERY_FOLDER = "queries"
"""The folder of cypher/ that holds the analyst queries, one file per query."""

STORE_PARAMETERS = ("graph",)
"""Parameters the Neo4j store fills in itself (which graph in the database), not the user."""

_COLUMNS = re.compile(r"^//\s*columns:\s*(?P<columns>.+?)\s*$")
_PARAM_LINE = re.compile(r"^//\s*:param\s")


@dataclass(frozen=True)
class Parameter:
    """A query parameter and the example value its header gives (which also sets its type)."""

    name: str
    example: Any

    @property
    def text(self) -> str:
        """The example as typed on the command line: ``AZE``, ``3``, ``a,b``."""
        if isinstance(self.example, list):
            return ",".join(str(item) for item in self.example)
        return str(self.example)

    @property
    def usage(self) -> str:
        """How to give this parameter to ``milcoop query``."""
        return f"--param {self.name}={self.text}"


@dataclass(frozen=True)
class QuerySpec:
    """One named query: what it answers, its parameters and the columns of its answer."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]

    @property
    def summary(self) -> str:
        """The first sentence of the description."""
        return self.description.split(". ")[0].rstrip(".") + "."

    @property
    def cypher(self) -> str:
        """The query's Cypher text, as the file holds it."""
        return cypher(f"{QUERY_FOLDER}/{self.name}")


def read_spec(name: str, text: str) -> QuerySpec:
    """The spec a query file's header declares.

    >>> spec = read_spec("partners", "// Partners of a country.\\n"
    ...                  "// :param country => 'AZE'\\n// :param graph => 'milcoop'\\n"
    ...                  "// columns: partner, weight\\nRETURN 1")
    >>> spec.parameters, spec.columns
    ((Parameter(name='country', example='AZE'),), ('partner', 'weight'))
    """
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line)
    columns = [match["columns"] for match in map(_COLUMNS.match, header) if match]
    if len(columns) != 1:
        raise ValueError(f"{name}.cypher: its header needs one '// columns: a, b' line")
    prose = [line.lstrip("/").strip() for line in header
             if not _PARAM_LINE.match(line) and not _COLUMNS.match(line)]
    declared = [Parameter(key, ast.literal_eval(value))
                for key, value in parameters("\n".join(header)).items()
                if key not in STORE_PARAMETERS]
    return QuerySpec(name, " ".join(prose), tuple(declared),
                     tuple(column.strip() for column in columns[0].split(",")))


@cache
def catalog() -> dict[str, QuerySpec]:
    """Every query of cypher/queries/, by name, in name order."""
    paths = sorted((CYPHER_DIR / QUERY_FOLDER).glob("*.cypher"))
    return {path.stem: read_spec(path.stem, cypher(f"{QUERY_FOLDER}/{path.stem}"))
            for path in paths}


def query_spec(name: str) -> QuerySpec:
    """The query called ``name``; QueryError naming every query otherwise."""
    try:
        return catalog()[name]
    except KeyError:
        known = ", ".join(catalog())
        raise QueryError(f"no query called {name!r}; the queries are: {known} "
                         "(milcoop query --list describes them)") from None
