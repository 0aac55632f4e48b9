"""Write proposed facts as a facts file in the curated style (data/README.md), byte-stable.

Values are written as JSON scalars and flow lists, which YAML reads back unchanged; the
same proposal always gives the same bytes, so an unchanged file is never rewritten. Each
entity's rule and confidence go in a comment, each relation's in its ``note``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from graph.vocabulary import ARTICLE_KEYS
from ingest.extract.facts import Entity, Relation
from ingest.facts.files import FactsFile, Record
from ingest.review.proposals import Proposal

LINE_BREAKS = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
"""Characters YAML may read as line breaks, written as its escapes."""


_PLAIN = re.compile(r'^[^\x00-\x1f\x7f"\\\u0085\u2028\u2029]*$')
"""Text that goes between double quotes as it is (most names, ids and spans)."""


def scalar(value: Any) -> str:
    r"""A value as a YAML flow scalar or list (JSON syntax, YAML's escapes for breaks).

    >>> print(scalar("Türkiye"), scalar([[0, 4], [9, 12]]), scalar(True), scalar(None))
    "Türkiye" [[0, 4], [9, 12]] true null
    >>> print(scalar('say "hi"\u2028'), scalar(["a", 1.5]))
    "say \"hi\"\L" ["a", 1.5]
    """
    if isinstance(value, str) and _PLAIN.match(value):
        return f'"{value}"'
    if isinstance(value, list):
        if all(isinstance(item, list) and len(item) == 2 and
               type(item[0]) is int and type(item[1]) is int for item in value):
            return "[" + ", ".join([f"[{a}, {b}]" for a, b in value]) + "]"
        return "[" + ", ".join([scalar(item) for item in value]) + "]"
    if value is None or type(value) is bool:
        return "null" if value is None else "true" if value else "false"
    if type(value) is int:
        return str(value)
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in LINE_BREAKS.items():
        text = text.replace(char, escape)
    return text


class _Writer:
    """Lines of a facts file and the records they hold, each key with its line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def item(self, pairs: list[tuple[str, Any]], comment: str | None = None) -> Record:
        lines = self.lines
        record = Record({}, len(lines) + 1)
        data, key_lines = record.data, record.key_lines
        plain = _PLAIN.match
        lead = "- "
        for key, value in pairs:
            text = f'"{value}"' if type(value) is str and plain(value) else scalar(value)
            if lead == "- ":
                lines.append(f"- {key}: {text}  # {comment}" if comment else f"- {key}: {text}")
                lead = "  "
            else:
                lines.append(f"  {key}: {text}")
            data[key] = value
            key_lines[key] = len(lines)
        return record


def _entity(entity: Entity, status: str) -> tuple[list[tuple[str, Any]], str]:
    pairs: list[tuple[str, Any]] = [("id", entity.id), ("label", entity.label),
                                    ("name", entity.name)]
    if entity.aliases:
        pairs.append(("aliases", list(entity.aliases)))
    pairs += sorted(entity.properties.items())
    pairs.append(("evidence", [list(span) for span in entity.spans]))
    return pairs, f"{status}; {entity.rule} (confidence {entity.confidence:.2f})"


def _relation(relation: Relation) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = [("type", relation.type), ("source", relation.source),
                                    ("target", relation.target)]
    pairs += sorted(relation.properties.items())
    pairs.append(("evidence", [list(span) for span in relation.spans]))
    pairs.append(("note", f"extracted by {relation.rule} "
                          f"(confidence {relation.confidence:.2f})"))
    return pairs


def facts_text(proposal: Proposal, header: str, path: Path) -> tuple[str, FactsFile]:
    """The facts file of one proposal, opened by the comment ``header``, and the records
    it holds with their lines (what reading it back at ``path`` gives, without the cost)."""
    out = _Writer()
    out.lines += [f"# {line}" if line else "#" for line in header.splitlines()]
    out.lines.append("article:")
    article = Record({}, len(out.lines) + 1)
    for key in ARTICLE_KEYS:
        value = proposal.article.get(key)
        if value is not None:
            out.lines.append(f"  {key}: {scalar(value)}")
            article.data[key] = value
            article.key_lines[key] = len(out.lines)
    out.lines += ["", "entities:" + ("" if proposal.entities else " []")]
    entities = [out.item(*_entity(entity, status)) for entity, status in proposal.entities]
    out.lines += ["", "relations:" + ("" if proposal.relations else " []")]
    relations = [out.item(_relation(relation), status)
                 for relation, status in proposal.relations]
    return "\n".join(out.lines) + "\n", FactsFile(path, article, entities, relations)
