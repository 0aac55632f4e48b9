"""Read one YAML facts file into records that remember the line of every key.

The validator needs lines to point a reviewer at the exact place of a problem, so the file
is read with ruamel.yaml's round-trip loader and plain Python values are kept beside lines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from graph.files import write_if_changed
from ingest.errors import Problem
from ingest.facts.compose import compose_facts
from ingest.facts.lines import read_lines
from ingest.yaml_safety import ALIASES, first_alias

SECTIONS = ("article", "entities", "relations")


@dataclass
class Record:
    """One mapping of a facts file (the article, an entity or a relation) and its lines."""

    data: dict[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """The line of ``key`` in the file, or of the record when the key is absent."""
        return self.key_lines.get(key, self.line)


@dataclass
class FactsFile:
    """A facts file as read: its article record, entity and relation records."""

    path: Path
    article: Record
    entities: list[Record]
    relations: list[Record]

    @property
    def article_id(self) -> str:
        """The article's id ('' when missing: validation reports it)."""
        return str(self.article.data.get("id") or "")

    @property
    def text_file(self) -> str:
        """The corpus file holding the report's text."""
        return str(self.article.data.get("file") or f"{self.article_id}.txt")


class FactsSyntaxError(Exception):
    """A facts file that cannot be read as facts at all."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def plain(value: Any) -> Any:
    """ruamel's commented containers and dates turned into plain JSON-like values."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _record(node: Any, path: Path, where: str) -> Record:
    if not isinstance(node, CommentedMap):
        line = node.lc.line + 1 if isinstance(node, CommentedSeq) else 1
        raise FactsSyntaxError(Problem(path, line, f"{where} must be a mapping of keys"))
    if getattr(node, "merge", None):
        raise FactsSyntaxError(Problem(path, node.lc.line + 1, "a merge key (<<) is not "
                                       "allowed in a facts file: write each key out"))
    lines = {str(key): node.lc.key(key)[0] + 1 for key in node}
    return Record(plain(node), node.lc.line + 1, lines)


def _records(root: CommentedMap, key: str, path: Path) -> list[Record]:
    items = root.get(key)
    if items is None:
        return []
    if not isinstance(items, CommentedSeq):
        raise FactsSyntaxError(Problem(path, root.lc.key(key)[0] + 1, f"'{key}' must be a list"))
    return [_record(item, path, f"each item of '{key}'") for item in items]


def as_json(facts: FactsFile) -> bytes:
    """A facts file as read, as JSON: what the parse cache keeps and a parsing worker sends
    back (orjson, a list of sections; the standard library's, in a mapping, for the rare
    value orjson would not give back exactly: an integer beyond 64 bits, NaN, infinity)."""
    sections = [[[r.data, r.line, r.key_lines] for r in records]
                for records in ([facts.article], facts.entities, facts.relations)]
    try:
        encoded = orjson.dumps(sections)
    except orjson.JSONEncodeError:
        encoded = b"null"
    if b"null" not in encoded:
        return encoded
    return json.dumps({"sections": sections}, ensure_ascii=False).encode("utf-8")


def from_json(path: Path, data: bytes) -> FactsFile:
    """The facts file ``path`` from the JSON ``as_json`` made of it."""
    sections = orjson.loads(data) if data[:1] == b"[" else json.loads(data)["sections"]
    article, entities, relations = ([Record(*item) for item in records]
                                    for records in sections)
    return FactsFile(path, article[0], entities, relations)


def _decoded(path: Path, data: bytes) -> str:
    """A facts file's bytes as text with LF line ends; FactsSyntaxError if not UTF-8."""
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        raise FactsSyntaxError(Problem(path, 1, f"not UTF-8 text ({error.reason})")) from None


def read_parsed(path: Path, cache: Path | None = None) -> tuple[FactsFile, bytes]:
    """``read_facts_file`` with the JSON of what was read (``as_json``), which a parsing
    worker sends back in place of the records (a fraction of their pickling's cost)."""
    data = path.read_bytes()
    kept = cache / _cached_name(data) if cache else None
    if kept is not None:
        try:
            parsed = kept.read_bytes()
            return from_json(path, parsed), parsed
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            pass
    facts = _parse(path, _decoded(path, data))
    parsed = as_json(facts)
    if kept is not None:
        with contextlib.suppress(OSError):
            write_if_changed(kept, parsed)
    return facts, parsed


def read_facts_file(path: Path, cache: Path | None = None) -> FactsFile:
    """Parse ``path``; raises FactsSyntaxError (with file and line) if it is not facts.
    With a ``cache`` folder, a file read before with the same bytes is taken from there
    (the round-trip YAML parse that keeps lines is most of a build's time)."""
    if cache is not None:
        return read_parsed(path, cache)[0]
    return _parse(path, _decoded(path, path.read_bytes()))


PARSED_FORMAT = 2
"""The parse cache's format: a file of another format is named apart and never read."""


def _cached_name(data: bytes) -> str:
    """The parse cache's file for a facts file holding ``data``: named by its bytes' digest."""
    return f"{hashlib.sha256(data).hexdigest()}.v{PARSED_FORMAT}.json"


def prune_parsed(cache: Path, paths: list[Path]) -> None:
    """Remove from the parse cache the files no longer among ``paths`` (changed or gone)."""
    keep = set()
    for path in paths:
        with contextlib.suppress(OSError):
            keep.add(_cached_name(path.read_bytes()))
    for kept in cache.glob("*.json") if cache.is_dir() else ():
        if kept.name not in keep:
            kept.unlink(missing_ok=True)


def parse_facts(path: Path, text: str) -> FactsFile:
    """A facts file's text (as if read from ``path``); FactsSyntaxError if it is not facts."""
    return _parse(path, text.replace("\r\n", "\n").replace("\r", "\n"))


FAST = True
"""Read well-formed files through libyaml (ingest.facts.compose); False: always the
round-trip way (the benchmark times both)."""
LINES = True
"""Read files in the writer's shape line by line first (ingest.facts.lines); False: through
libyaml like the rest (the benchmark times both)."""


def _parse(path: Path, text: str) -> FactsFile:
    """A facts file's text read with lines kept; FactsSyntaxError if it is not facts."""
    try:
        alias = first_alias(text)
        if alias is not None:
            raise FactsSyntaxError(Problem(path, alias, ALIASES))
        composed = ((LINES and read_lines(text)) or compose_facts(text)) if FAST else None
        if composed is not None:
            return FactsFile(path, Record(*composed["article"]),
                             [Record(*item) for item in composed["entities"]],
                             [Record(*item) for item in composed["relations"]])
        root = YAML(typ="rt").load(text)
    except RecursionError:
        raise FactsSyntaxError(Problem(path, 1, "nested too deeply to read")) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise FactsSyntaxError(Problem(path, line, f"not valid YAML: {error.problem}")) from None
    if not isinstance(root, CommentedMap):
        raise FactsSyntaxError(Problem(path, 1, "a facts file must be a mapping with "
                                                "'article', 'entities' and 'relations'"))
    for key in root:
        if key not in SECTIONS:
            raise FactsSyntaxError(Problem(path, root.lc.key(key)[0] + 1,
                                           f"unknown section {key!r} (allowed: "
                                           f"{', '.join(SECTIONS)})"))
    if "article" not in root:
        raise FactsSyntaxError(Problem(path, 1, "missing source: no 'article' section"))
    return FactsFile(
        path,
        _record(root["article"], path, "'article'"),
        _records(root, "entities", path),
        _records(root, "relations", path),
    )


def facts_paths(target: Path) -> list[Path]:
    """The facts files at ``target``: the file itself, or the YAML files below a folder, in
    path order."""
    return [Path(path) for path in facts_files(target)]


def facts_files(target: Path) -> list[str]:
    """``facts_paths`` as strings, listed in one walk of the folder and sorted as paths sort
    (by their parts: the separator sorts first), so 100,000 files take a fraction of a
    second."""
    if not target.is_dir():
        return [str(target)]
    found = [os.path.join(folder, name) for folder, _, names in os.walk(target)
             for name in names if name.endswith((".yaml", ".yml"))]
    return sorted(found, key=lambda path: path.replace(os.sep, "\0"))
