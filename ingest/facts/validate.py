"""Check facts files against the vocabulary and the report texts; report every problem.

Each check returns problems rather than raising, so one run shows a reviewer everything
wrong with a file, each with its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.dates import date_problem as check_date
from graph.escape import terminal
from graph.progress import progress
from graph.vocabulary import (
    ARTICLE_KEYS,
    DATE_PROPERTIES,
    EDGE_PROPERTIES,
    LABELS,
    LIST_PROPERTIES,
    PROVENANCE_TYPES,
    REL_TYPES,
    relation_key,
)
from ingest.corpus import Corpus
from ingest.errors import Problem
from ingest.facts.files import FactsFile, Record

ENTITY_KEYS = ("label", "evidence")
RELATION_KEYS = ("type", "source", "target", "evidence", *EDGE_PROPERTIES)
STATUSES = ("planned", "held", "ongoing", "cancelled", "proposed", "active", "completed")
COUNTRY_ID = re.compile(r"^[A-Z]{3}$")
SLUG_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _dates(record: Record) -> Iterator[Problem | tuple[int, str]]:
    for key in DATE_PROPERTIES:
        if key in record.data and record.data[key] is not None:
            reason = check_date(record.data[key])
            if reason:
                yield record.line_of(key), f"bad date in '{key}': {reason}"
    start = record.data.get("start") or record.data.get("since")
    end = record.data.get("end") or record.data.get("until")
    valid = start and end and not check_date(start) and not check_date(end)
    if valid and str(end)[: len(str(start))] < str(start)[: len(str(end))]:
        yield record.line_of("end"), f"bad date: ends ({end}) before it starts ({start})"


def _evidence(record: Record, text: str | None) -> Iterator[tuple[int, str]]:
    spans = record.data.get("evidence")
    line = record.line_of("evidence")
    if not spans:
        yield record.line, "missing source: no evidence span"
        return
    if not isinstance(spans, list):
        yield line, "evidence must be a list of [start, end] spans"
        return
    for span in spans:
        if not (isinstance(span, list) and len(span) == 2
                and all(isinstance(n, int) and not isinstance(n, bool) for n in span)):
            yield line, f"evidence span {span!r} is not [start, end] (two whole numbers)"
        elif not 0 <= span[0] < span[1]:
            yield line, f"evidence span {span!r} is empty or negative"
        elif text is not None and span[1] > len(text):
            yield line, (f"evidence span {span!r} lies outside the text "
                         f"({len(text)} characters)")


def _properties(record: Record, allowed: tuple[str, ...], what: str) -> Iterator[tuple[int, str]]:
    for key in record.data:
        if key not in allowed:
            yield record.line_of(key), f"unknown property {key!r} for {what}"


def check_article(facts: FactsFile) -> Iterator[tuple[int, str]]:
    """Problems of the article section: missing id, bad dates, unknown keys."""
    record = facts.article
    if not record.data.get("id"):
        yield record.line, "missing source: the article has no 'id'"
    yield from _properties(record, ARTICLE_KEYS, "an article")
    yield from _dates(record)


LONGEST_NAME = 300
"""The most characters a name or alias may have."""


def _shown_text(record: Record, key: str, values: list[str]) -> Iterator[tuple[int, str]]:
    """Names are one line of visible text: no control characters (escape sequences, line
    breaks), no bidirectional overrides (which show text reordered), not a page long."""
    for value in values:
        if len(value) > LONGEST_NAME:
            yield record.line_of(key), f"{key}: longer than {LONGEST_NAME} characters"
        elif terminal(value) != value or "\n" in value:
            yield record.line_of(key), (f"{key}: {terminal(value)!r} holds control or "
                                        "bidirectional characters")


def check_entity(record: Record, text: str | None) -> Iterator[tuple[int, str]]:
    """Problems of one entity: id form, label, name, properties, kind, dates, evidence."""
    data = record.data
    label = LABELS.get(str(data.get("label")))
    if label is None or label.name == "Article":
        known = ", ".join(name for name in LABELS if name != "Article")
        yield record.line_of("label"), f"unknown label {data.get('label')!r} (known: {known})"
    entity_id = data.get("id")
    pattern = COUNTRY_ID if label and label.name == "Country" else SLUG_ID
    if not isinstance(entity_id, str) or not pattern.match(entity_id):
        form = "an ISO 3166-1 alpha-3 code" if pattern is COUNTRY_ID else "a lowercase slug"
        yield record.line_of("id"), f"bad id {entity_id!r}: must be {form}"
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        yield record.line_of("name"), "missing name"
    else:
        yield from _shown_text(record, "name", [data["name"]])
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        yield record.line_of("aliases"), "aliases must be a list of strings"
    else:
        yield from _shown_text(record, "aliases", aliases)
    if label:
        yield from _properties(record, label.allowed_properties + ENTITY_KEYS,
                               f"label {label.name}")
        if "kind" in data and data["kind"] not in label.kinds:
            yield record.line_of("kind"), (f"unknown kind {data['kind']!r} for {label.name} "
                                           f"(known: {', '.join(label.kinds)})")
    if "status" in data and data["status"] not in STATUSES:
        yield record.line_of("status"), f"unknown status {data['status']!r}"
    personnel = data.get("personnel")
    if personnel is not None and (not isinstance(personnel, int) or personnel < 0):
        yield record.line_of("personnel"), "personnel must be a whole number"
    yield from _dates(record)
    yield from _evidence(record, text)


def check_relation(record: Record, labels: dict[str, str],
                   text: str | None) -> Iterator[tuple[int, str]]:
    """Problems of one relation: type, endpoints declared and allowed, dates, evidence."""
    data = record.data
    rel = REL_TYPES.get(str(data.get("type")))
    if rel is None or rel.name in PROVENANCE_TYPES:
        known = ", ".join(name for name in REL_TYPES if name not in PROVENANCE_TYPES)
        yield record.line_of("type"), (f"unknown relationship type {data.get('type')!r} "
                                       f"(known: {known})")
    for end in ("source", "target"):
        if data.get(end) not in labels:
            yield record.line_of(end), (f"dangling {end} {data.get(end)!r}: not declared "
                                        "in this file's entities")
    source, target = labels.get(data.get("source")), labels.get(data.get("target"))
    if rel and source in LABELS and target in LABELS and not rel.allows(source, target):
        yield record.line_of("type"), (
            f"{rel.name} may not link {source} to {target} (allowed: "
            f"{'|'.join(rel.sources)} -> {'|'.join(rel.targets)})")
    yield from _properties(record, RELATION_KEYS, "a relation")
    yield from _dates(record)
    yield from _evidence(record, text)


def _relation_key(data: dict[str, Any]) -> tuple[str, str, str]:
    return relation_key(str(data.get("type")), str(data.get("source")), str(data.get("target")))


def check_file(facts: FactsFile, corpus: Corpus) -> list[Problem]:
    """Every problem in one facts file, in line order."""
    text = corpus.text(facts.text_file) if facts.article_id else None
    found: list[tuple[int, str]] = list(check_article(facts))
    labels: dict[str, str] = {}
    for record in facts.entities:
        found += check_entity(record, text)
        entity_id = record.data.get("id")
        if entity_id in labels:
            found.append((record.line_of("id"), f"duplicate id {entity_id!r} in this file"))
        labels[entity_id] = str(record.data.get("label"))
    seen: set[tuple[str, str, str]] = set()
    for record in facts.relations:
        found += check_relation(record, labels, text)
        key = _relation_key(record.data)
        if key in seen:
            found.append((record.line, "duplicate relation {} -{}-> {}".format(*key)))
        seen.add(key)
    problems = [Problem(facts.path, line, message) for line, message in found]
    if facts.article_id and text is None and corpus.dirs:
        problems.append(Problem(facts.path, facts.article.line_of("file"),
                                f"text {facts.text_file!r} not in the corpus; spans not "
                                "checked against it", "warning"))
    return sorted(problems)


def _conflicts(first: First, other: Record, skip: frozenset[str]) -> Iterator[tuple[int, str]]:
    for key, value in other.data.items():
        if key in skip or key not in first.values or first.values[key] == value:
            continue
        yield other.line_of(key), f"{key} {value!r} conflicts with {first.values[key]!r}"


ENTITY_UNCHECKED = frozenset((*LIST_PROPERTIES, "evidence", "description"))
"""Entity keys that may differ between files (they are merged)."""
RELATION_UNCHECKED = frozenset((*LIST_PROPERTIES, "evidence", "note", "source", "target"))
"""Relation keys that may differ between files."""


@dataclass(frozen=True)
class First:
    """Where an id was first stated, and the values later files must agree with."""

    path: Path
    line: int
    values: dict[str, Any]


def _first(path: Path, record: Record, unchecked: frozenset[str]) -> First:
    return First(path, record.line,
                 {key: value for key, value in record.data.items() if key not in unchecked})


class Across:
    """Conflicts between files, found as each file arrives: one id with two labels, names
    or property values. Only what later files are compared with is kept (not the files),
    so a build of 100,000 files need not hold them all."""

    def __init__(self) -> None:
        self.articles: dict[str, Path] = {}
        self.entities: dict[str, First] = {}
        self.relations: dict[tuple[str, str, str], First] = {}

    def add(self, facts: FactsFile) -> list[Problem]:
        """The conflicts of ``facts`` with the files added before it."""
        problems: list[Problem] = []
        earlier = self.articles.setdefault(facts.article_id, facts.path)
        if earlier != facts.path:
            problems.append(Problem(facts.path, facts.article.line_of("id"), f"duplicate "
                                    f"article id {facts.article_id!r} (also {earlier})"))
        for record in facts.entities:
            key = str(record.data.get("id"))
            first = self.entities.get(key)
            if first is None:
                self.entities[key] = _first(facts.path, record, ENTITY_UNCHECKED)
            elif first.path != facts.path:
                problems += [Problem(facts.path, line, f"{key}: {message} in "
                                     f"{first.path}:{first.line}")
                             for line, message in _conflicts(first, record, ENTITY_UNCHECKED)]
        for record in facts.relations:
            key = _relation_key(record.data)
            first = self.relations.get(key)
            if first is None:
                self.relations[key] = _first(facts.path, record, RELATION_UNCHECKED)
                continue
            problems += [Problem(facts.path, line, f"relation {message} in "
                                 f"{first.path}:{first.line}")
                         for line, message in _conflicts(first, record, RELATION_UNCHECKED)]
        return problems


def check_across(files: list[FactsFile]) -> list[Problem]:
    """Conflicts between files: one id with two labels, names or property values."""
    across = Across()
    return [problem for facts in files for problem in across.add(facts)]


def validate(files: list[FactsFile], corpus: Corpus) -> list[Problem]:
    """Every problem in a set of facts files: within each file and across them."""
    problems = [problem for facts in progress(files, "validate", "file")
                for problem in check_file(facts, corpus)]
    return problems + check_across(files)
