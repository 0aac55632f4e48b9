"""The review queue: every proposed fact of an ingest run's output folder, one item each,
lowest confidence first within each report.

Items are read from the proposal files ``milcoop ingest`` wrote (out/proposed): an entity's
status, rule and confidence from its comment, a relation's from its comment and note. A
file that is not a proposal, or cannot be read, is skipped and named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graph.vocabulary import RelKey, relation_key
from ingest.facts.files import FactsFile, FactsSyntaxError, facts_paths, read_facts_file

MARK = "# Proposed by `milcoop ingest`"
"""How every proposal file begins (ingest.run.HEADER)."""

_COMMENT = re.compile(r"#\s*(new|known|curated|restated)\b(?:;\s*(\S+)\s+\(confidence\s+"
                      r"([0-9.]+)\))?")
_NOTE = re.compile(r"extracted by (\S+) \(confidence ([0-9.]+)\)")

DECIDABLE = ("new", "known", "restated")
"""Statuses a reviewer decides; a ``curated`` entity is written only as a relation's end."""


@dataclass(frozen=True)
class Item:
    """One proposed entity or relation of one report."""

    number: int
    kind: str
    article: str
    status: str
    rule: str
    confidence: float
    data: dict[str, Any]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The evidence spans of the fact."""
        return [(int(a), int(b)) for a, b in self.data.get("evidence") or []]

    @property
    def key(self) -> RelKey:
        """The relation's key (relations only)."""
        return relation_key(self.data["type"], self.data["source"], self.data["target"])


@dataclass
class Report:
    """One report's proposal: its article section and every entity record, by id."""

    article: dict[str, Any]
    path: Path
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The report's id."""
        return str(self.article.get("id") or "")

    @property
    def text_file(self) -> str:
        """The corpus file holding the report's text."""
        return str(self.article.get("file") or f"{self.id}.txt")


@dataclass
class Queue:
    """Every report and item of a proposals folder, and the files that were skipped."""

    reports: dict[str, Report] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _status(line: str) -> tuple[str, str, float] | None:
    """Status, rule and confidence from a record's first line.

    >>> _status('- id: "AZE"  # known; gazetteer (confidence 0.90)')
    ('known', 'gazetteer', 0.9)
    >>> _status('- type: "HOSTED"  # new')
    ('new', '', 0.0)
    """
    found = _COMMENT.search(line)
    if found is None:
        return None
    return found[1], found[2] or "", float(found[3] or 0.0)


def _items(facts: FactsFile, lines: list[str], start: int) -> tuple[Report, list[Item]]:
    report = Report(facts.article.data, facts.path)
    items: list[Item] = []
    for record in facts.entities:
        report.entities[str(record.data.get("id"))] = record.data
        status = _status(lines[record.line - 1]) if record.line <= len(lines) else None
        if status and status[0] in DECIDABLE:
            items.append(Item(0, "entity", report.id, *status, record.data))
    for record in facts.relations:
        status = _status(lines[record.line - 1]) if record.line <= len(lines) else None
        note = _NOTE.search(str(record.data.get("note") or ""))
        if status and status[0] in DECIDABLE:
            rule, confidence = (note[1], float(note[2])) if note else status[1:]
            items.append(Item(0, "relation", report.id, status[0], rule, confidence,
                              record.data))
    items.sort(key=lambda item: (item.confidence, item.kind, _fact(item, report)))
    return report, [replace(item, number=start + n) for n, item in enumerate(items)]


def _fact(item: Item, report: Report) -> str:
    if item.kind == "entity":
        return str(item.data.get("name"))
    names = [str(report.entities.get(item.data[end], {}).get("name", item.data[end]))
             for end in ("source", "target")]
    return f"{names[0]} {item.data['type']} {names[1]}"


def read_queue(folder: Path) -> Queue:
    """The review queue of a proposals folder, reports in path order."""
    queue = Queue()
    for path in facts_paths(folder) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            queue.skipped.append(f"{path}: cannot read ({error})")
            continue
        if not text.startswith(MARK):
            continue
        try:
            facts = read_facts_file(path)
        except FactsSyntaxError as error:
            queue.skipped.append(str(error.problem))
            continue
        if not facts.article_id or facts.article_id in queue.reports:
            queue.skipped.append(f"{path}: no article id, or one already read")
            continue
        report, items = _items(facts, text.splitlines(), len(queue.items))
        queue.reports[report.id] = report
        queue.items += items
    return queue


def describe(item: Item, report: Report) -> str:
    """The fact an item proposes, in words: ``Label name`` or ``source TYPE target``."""
    if item.kind == "entity":
        return f"{item.data.get('label')} {item.data.get('name')}"
    return _fact(item, report)
