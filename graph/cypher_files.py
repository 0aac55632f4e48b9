"""The Cypher files under cypher/: read once and cached, split into statements, filled in.

Every query milcoop sends lives in a ``.cypher`` file that also runs unchanged in the Neo4j
Browser. A file opens with comments saying what it does and, one line per parameter, the
parameters it takes with an example value, in the Browser's own ``:param`` form::

    // :param country => 'AZE'

A statement ends with ``;`` at the end of a line, so one file may hold several (the schema).
Labels and relationship types cannot be parameters in Cypher 5.3, so a file that needs one
writes the placeholder ``__LABEL__`` or ``__TYPE__``; ``place`` is the one function that puts
a name there, and only a name declared in graph/vocabulary.py.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from graph.errors import VocabularyError
from graph.vocabulary import LABELS, REL_TYPES

CYPHER_DIR = Path(str(resources.files("cypher")))
"""Where the .cypher files live: ``cypher/`` at the root of the project, installed with
milcoop as the ``cypher`` package."""

LABEL_PLACEHOLDER = "__LABEL__"
TYPE_PLACEHOLDER = "__TYPE__"

_PARAM = re.compile(r"^\s*//\s*:param\s+(?P<name>\w+)\s*=>\s*(?P<value>.+?)\s*;?\s*$")
_END_OF_STATEMENT = re.compile(r";[ \t]*(?:\r?\n|$)")
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@cache
def cypher(name: str) -> str:
    """The text of ``cypher/<name>.cypher`` (``name`` like ``"load/merge_nodes"``)."""
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise FileNotFoundError(f"no Cypher file {path}")
    return path.read_text(encoding="utf-8")


def cypher_paths() -> list[Path]:
    """Every .cypher file under cypher/, sorted."""
    return sorted(CYPHER_DIR.rglob("*.cypher"))


def _is_comment_only(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("//") for line in text.splitlines())


def statements(text: str) -> list[str]:
    """The statements of a Cypher file: split at ``;`` ending a line, comment-only parts dropped.

    >>> statements("// two\\nCREATE (a);\\nCREATE (b);\\n")
    ['// two\\nCREATE (a)', 'CREATE (b)']
    """
    parts = (part.strip() for part in _END_OF_STATEMENT.split(text))
    return [part for part in parts if part and not _is_comment_only(part)]


def parameters(text: str) -> dict[str, str]:
    """The parameters a file declares: name -> example value as Cypher text.

    >>> parameters("// :param country => 'AZE'\\n// :param depth => 2\\nRETURN $country")
    {'country': "'AZE'", 'depth': '2'}
    """
    found = (_PARAM.match(line) for line in text.splitlines())
    return {match["name"]: match["value"] for match in found if match}


def place(query: str, name: str) -> str:
    """``query`` with its label or type placeholder replaced by ``name`` from the vocabulary.

    >>> place("MATCH (n:__LABEL__) RETURN n", "Country")
    'MATCH (n:Country) RETURN n'
    >>> place("MATCH ()-[r:__TYPE__]->() RETURN r", "Country")
    Traceback (most recent call last):
    ...
    graph.errors.VocabularyError: unknown relationship type 'Country' ...
    """
    if LABEL_PLACEHOLDER in query:
        placeholder, known, kind = LABEL_PLACEHOLDER, LABELS, "label"
    elif TYPE_PLACEHOLDER in query:
        placeholder, known, kind = TYPE_PLACEHOLDER, REL_TYPES, "relationship type"
    else:
        raise ValueError("the query has no __LABEL__ or __TYPE__ placeholder")
    if name not in known or not _IDENTIFIER.match(name):
        raise VocabularyError(f"unknown {kind} {name!r} (known: {', '.join(known)})")
    return query.replace(placeholder, name)
