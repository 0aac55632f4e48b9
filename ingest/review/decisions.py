"""Human decisions about extracted facts, kept in a YAML file and re-applied on every run.

A reviewer who sees two nodes that are one thing, or a fact that is wrong, writes it down
once (``data/decisions.yaml``); every later ``milcoop ingest`` applies it after entity
resolution, so the same mistake is never proposed again::

    merge:                      # these ids are one entity, kept as ``into``
      - into: karabakh-operation-2023
        ids: [military-operation]
    reject:                     # never propose this (everywhere, or in one article)
      - entity: military-exercises-2021
      - relation: {type: SUPPORTS, source: aze-ministry-of-defense, target: nato}
        article: 003_72d5eaef8fc2a5af
    rename:                     # the canonical name of an extracted (not curated) entity
      - id: iran-azerbaijan-military-exercises-2024
        name: Iran–Azerbaijan military exercises (June 2024)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from graph.vocabulary import PROVENANCE_TYPES, REL_TYPES, RelKey, relation_key
from ingest.errors import IngestError
from ingest.extract.facts import Extraction
from ingest.review.resolve import Resolved, rewrite
from ingest.yaml_safety import ALIASES, first_alias

SECTIONS = ("merge", "reject", "rename")


class DecisionsError(IngestError):
    """A decisions file that cannot be read as decisions; names the file and line."""


@dataclass(frozen=True)
class Merge:
    """The entities ``ids`` are the entity ``into``."""

    into: str
    ids: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Reject:
    """An extracted entity (and its relations) or relation never to propose; in every
    article, or only in ``article``."""

    line: int
    entity: str | None = None
    relation: tuple[str, str, str] | None = None
    article: str | None = None


@dataclass(frozen=True)
class Rename:
    """The canonical name of an extracted entity."""

    id: str
    name: str
    line: int


@dataclass
class Decisions:
    """Every decision of a file, each remembering its line."""

    path: Path | None = None
    merges: list[Merge] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)

    def where(self, line: int) -> str:
        """``file:line`` of a decision, for messages."""
        return f"{self.path}:{line}"


def _fail(path: Path, line: int, message: str) -> DecisionsError:
    return DecisionsError(f"{path}:{line}: {message}")


def _line(node: Any, key: Any = None) -> int:
    if isinstance(node, CommentedMap) and key is not None and key in node:
        return node.lc.key(key)[0] + 1
    return node.lc.line + 1 if isinstance(node, (CommentedMap, CommentedSeq)) else 1


def _text(node: CommentedMap, key: str, path: Path, what: str) -> str:
    value = node.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, _line(node, key), f"{what} needs '{key}': a non-empty text")
    return value.strip()


def _mapping(item: Any, path: Path, what: str, allowed: tuple[str, ...]) -> CommentedMap:
    if not isinstance(item, CommentedMap):
        raise _fail(path, _line(item), f"each {what} must be a mapping ({', '.join(allowed)})")
    for key in item:
        if key not in allowed:
            raise _fail(path, _line(item, key),
                        f"unknown key {key!r} in a {what} (allowed: {', '.join(allowed)})")
    return item


def _merge(item: Any, path: Path) -> Merge:
    node = _mapping(item, path, "merge", ("into", "ids"))
    ids = node.get("ids")
    if not isinstance(ids, CommentedSeq) or not ids or \
            not all(isinstance(i, str) and i.strip() for i in ids):
        raise _fail(path, _line(node, "ids") if "ids" in node else _line(node),
                    "a merge needs 'ids': a list of entity ids")
    return Merge(_text(node, "into", path, "a merge"), tuple(i.strip() for i in ids),
                 _line(node))


def _reject(item: Any, path: Path) -> Reject:
    node = _mapping(item, path, "rejection", ("entity", "relation", "article"))
    article = _text(node, "article", path, "a rejection") if "article" in node else None
    if ("entity" in node) == ("relation" in node):
        raise _fail(path, _line(node), "a rejection names either an 'entity' or a 'relation'")
    if "entity" in node:
        return Reject(_line(node), entity=_text(node, "entity", path, "a rejection"),
                      article=article)
    relation = _mapping(node["relation"], path, "rejected relation",
                        ("type", "source", "target"))
    type_ = _text(relation, "type", path, "a rejected relation")
    if type_ not in REL_TYPES or type_ in PROVENANCE_TYPES:
        raise _fail(path, _line(relation, "type"), f"unknown relationship type {type_!r}")
    ends = (_text(relation, "source", path, "a rejected relation"),
            _text(relation, "target", path, "a rejected relation"))
    return Reject(_line(node), relation=(type_, *ends), article=article)


def _rename(item: Any, path: Path) -> Rename:
    node = _mapping(item, path, "rename", ("id", "name"))
    return Rename(_text(node, "id", path, "a rename"), _text(node, "name", path, "a rename"),
                  _line(node))


def read_decisions(path: Path, text: str | None = None) -> Decisions:
    """The decisions in ``path`` (or in ``text``, as if read from it); DecisionsError naming
    file and line if they are not valid."""
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        alias = first_alias(text)
        if alias is not None:
            raise DecisionsError(f"{path}:{alias}: {ALIASES}")
        root = YAML(typ="rt").load(text)
    except RecursionError:
        raise DecisionsError(f"{path}:1: nested too deeply to read") from None
    except OSError as error:
        raise DecisionsError(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise DecisionsError(f"{path}:1: not UTF-8 text ({error.reason})") from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise _fail(path, mark.line + 1 if mark else 1,
                    f"not valid YAML: {error.problem}") from None
    decisions = Decisions(path)
    if root is None:
        return decisions
    if not isinstance(root, CommentedMap):
        raise _fail(path, 1, f"decisions must be a mapping with {', '.join(SECTIONS)}")
    readers = {"merge": (_merge, decisions.merges), "reject": (_reject, decisions.rejects),
               "rename": (_rename, decisions.renames)}
    for key, items in root.items():
        if key not in readers:
            raise _fail(path, _line(root, key),
                        f"unknown section {key!r} (allowed: {', '.join(SECTIONS)})")
        if items is None:
            continue
        if not isinstance(items, CommentedSeq):
            raise _fail(path, _line(root, key), f"'{key}' must be a list")
        read, found = readers[key]
        found.extend(read(item, path) for item in items)
    return decisions


@dataclass
class Applied:
    """Extractions after the decisions, what was rejected in each report, and warnings."""

    extractions: list[Extraction]
    rejected_entities: list[Counter[str]]
    rejected_relations: list[Counter[str]]
    warnings: list[str] = field(default_factory=list)


class _Ids:
    """Every id a decision may name: resolved, curated and the extractor's own."""

    def __init__(self, labels: dict[str, str], raw: dict[str, str]) -> None:
        self.labels = labels
        self.raw = raw

    def find(self, id_: str) -> str | None:
        if id_ in self.labels:
            return id_
        return self.raw.get(id_)


def _first_ids(resolved: Resolved) -> dict[str, str]:
    """The id each extracted id first became."""
    raw: dict[str, str] = {}
    for mapping in resolved.ids:
        for extracted, final in mapping.items():
            raw.setdefault(extracted, final)
    return raw


def _merges(decisions: Decisions, ids: _Ids, curated: set[str],
            warnings: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for merge in decisions.merges:
        where = decisions.where(merge.line)
        into = ids.find(merge.into)
        if into is None:
            warnings.append(f"{where}: merge into unknown id {merge.into!r}: skipped")
            continue
        for name in merge.ids:
            found = ids.find(name)
            if found is None:
                warnings.append(f"{where}: merge names unknown id {name!r}: skipped")
            elif ids.labels[found] != ids.labels[into]:
                warnings.append(f"{where}: cannot merge {name!r} ({ids.labels[found]}) into "
                                f"{merge.into!r} ({ids.labels[into]}): labels differ")
            elif found in curated and into not in curated:
                warnings.append(f"{where}: {name!r} is curated: merge {merge.into!r} into it")
            elif found != into:
                mapping[found] = into
    return followed(mapping)


def followed(mapping: dict[str, str]) -> dict[str, str]:
    """Merges of merges followed to the id each ends up as (a cycle stops where it closes).

    >>> followed({"a": "b", "b": "c"})
    {'a': 'c', 'b': 'c'}
    """
    for source in list(mapping):
        seen = {source}
        while mapping[source] in mapping and mapping[source] not in seen:
            seen.add(mapping[source])
            mapping[source] = mapping[mapping[source]]
    return mapping


def _renames(decisions: Decisions, ids: _Ids, curated: set[str],
             warnings: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for rename in decisions.renames:
        found = ids.find(rename.id)
        if found is None:
            warnings.append(f"{decisions.where(rename.line)}: rename names unknown id "
                            f"{rename.id!r}: skipped")
        elif found in curated:
            warnings.append(f"{decisions.where(rename.line)}: {rename.id!r} is curated: "
                            "its name is the one in the facts files")
        else:
            names[found] = rename.name
    return names


class Decider:
    """The decisions as they apply to one resolved report at a time: merges and renames,
    then rejections. Made once every report is resolved (a decision may name an id any
    report gave); a decision naming an unknown id is a warning at once, one matching
    nothing when ``finish`` is called after the last report."""

    def __init__(self, decisions: Decisions, labels: dict[str, str], raw: dict[str, str],
                 names: dict[str, str], curated: set[str]) -> None:
        self.decisions = decisions
        self.warnings: list[str] = []
        self.ids = ids = _Ids(labels, raw)
        self.mapping = _merges(decisions, ids, curated, self.warnings)
        self.names = {**names, **_renames(decisions, ids, curated, self.warnings)}
        self.changed = bool(self.mapping) or self.names != names  # once: every id's name
        self.entity_rejects: list[tuple[Reject, str]] = []
        self.relation_rejects: dict[tuple[RelKey, str | None], Reject] = {}
        for reject in decisions.rejects:
            where = decisions.where(reject.line)
            if reject.entity is not None:
                found = ids.find(reject.entity)
                if found is None:
                    self.warnings.append(f"{where}: rejection names unknown id "
                                         f"{reject.entity!r}")
                else:
                    self.entity_rejects.append((reject, self.mapping.get(found, found)))
            elif reject.relation is not None:
                type_, source, target = reject.relation
                ends = [ids.find(end) or end for end in (source, target)]
                ends = [self.mapping.get(end, end) for end in ends]
                self.relation_rejects[(relation_key(type_, *ends), reject.article)] = reject
        self.used: set[int] = set()

    def apply(self, extraction: Extraction) -> tuple[Extraction, Counter[str], Counter[str]]:
        """One report's resolved extraction with the decisions applied (rejections taken
        out of it in place), and what was rejected by label and by type."""
        if self.changed:
            extraction = rewrite(extraction, self.mapping, self.names)
        entities: Counter[str] = Counter()
        relations: Counter[str] = Counter()
        gone: set[str] = set()
        for reject, entity in self.entity_rejects:
            if reject.article in (None, extraction.article) and entity in extraction.entities:
                gone.add(entity)
                self.used.add(reject.line)
        for id_ in sorted(gone):
            entities[extraction.entities.pop(id_).label] += 1
        if self.relation_rejects or gone:
            for key in list(extraction.relations):
                reject = self.relation_rejects.get((key, None)) or \
                    self.relation_rejects.get((key, extraction.article))
                if reject or key[0] in gone or key[2] in gone:
                    if reject:
                        self.used.add(reject.line)
                    relations[extraction.relations.pop(key).type] += 1
        return extraction, entities, relations

    def finish(self) -> list[str]:
        """Every warning, once every report has been through ``apply``."""
        for reject in self.decisions.rejects:
            if reject.line not in self.used and (reject.relation or
                                                 self.ids.find(str(reject.entity))):
                self.warnings.append(f"{self.decisions.where(reject.line)}: rejection matched "
                                     "no proposed fact")
        return self.warnings


def apply(resolved: Resolved, decisions: Decisions, curated: set[str]) -> Applied:
    """The resolved extractions with the decisions applied: merges and renames, then
    rejections; a decision naming an unknown id, or matching nothing, is a warning."""
    decider = Decider(decisions, resolved.labels, _first_ids(resolved), resolved.names, curated)
    applied = Applied([], [], [])
    for extraction in resolved.extractions:
        kept, entities, relations = decider.apply(extraction)
        applied.extractions.append(kept)
        applied.rejected_entities.append(entities)
        applied.rejected_relations.append(relations)
    applied.warnings = decider.finish()
    return applied
