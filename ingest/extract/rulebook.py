"""Relation patterns as data: the YAML files of ``ingest/extract/rules``, read and checked.

Each file holds one family of facts (participation, signing, venues, ...) as a list of
patterns. A pattern is a spaCy ``DependencyMatcher`` pattern with two anchors, ``source``
and ``target``, the relationship type it states, the labels its endpoints may carry (within
the vocabulary's endpoints), its confidence and its example sentences, which the tests run.
A file that breaks any of this is refused with one line naming the file and the pattern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML, YAMLError

from graph.vocabulary import FACT_TYPES, REL_TYPES
from ingest.errors import IngestError
from ingest.extract.depmatch import supported

RULES = Path(__file__).with_name("rules")
ANCHORS = ("source", "target")
KEYS = {"id", "type", "confidence", "pattern", "examples", "sources", "targets", "role",
        "note", "context", "alone", "implicit"}
CONTEXTS = ("event",)
"""``context: event``: the pattern has one anchor only; the other (source or target) is the
event the report is telling of where the sentence names none (the one named last before
it)."""


class RuleFileError(IngestError):
    """A pattern file that cannot be read or breaks the rules of the format."""


@dataclass(frozen=True)
class Example:
    """A sentence a pattern is run on, and the ``(source, target)`` names it must yield."""

    text: str
    expect: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Rule:
    """One dependency pattern stating relations of one type."""

    id: str
    type: str
    confidence: float
    pattern: tuple[dict[str, Any], ...]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    examples: tuple[Example, ...] = ()
    role: str | None = None
    context: str | None = None
    file: str = field(default="", compare=False)
    alone: bool = False
    """Each anchor stands for its own mention only, not for the names coordinated with it
    (``Singapore's A, Indonesia's B``: A is Singapore's, B is not)."""
    implicit: bool = False
    """A verb's subject may be one it leaves implicit: the subject of the verb it is
    coordinated with (``A landed and secured B``), the noun a relative pronoun stands for
    (``A, which hosts B``)."""


def _labels(value: Any, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    if value is None:
        return allowed
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of labels")
    wrong = [v for v in value if v not in allowed]
    if wrong:
        raise ValueError(f"{what} {', '.join(wrong)} not allowed for this type "
                         f"(allowed: {', '.join(allowed)})")
    return tuple(value)


def _examples(value: Any) -> tuple[Example, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("examples must be a non-empty list")
    found = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or \
                not isinstance(item.get("expect", []), list):
            raise ValueError("each example needs a text and an expect list")
        pairs = []
        for pair in item.get("expect", []):
            if not isinstance(pair, str) or pair.count(" -> ") != 1:
                raise ValueError(f"expect entries read 'Source -> Target', not {pair!r}")
            source, target = pair.split(" -> ")
            pairs.append((source.strip(), target.strip()))
        found.append(Example(item["text"], tuple(pairs)))
    if not any(example.expect for example in found):
        raise ValueError("at least one example must expect a relation")
    return tuple(found)


def _pattern(value: Any, context: str | None) -> tuple[dict[str, Any], ...]:
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError("pattern must be a list of DependencyMatcher token patterns")
    names = [node.get("RIGHT_ID") for node in value]
    missing = [anchor for anchor in ANCHORS if anchor not in names]
    if context and len(missing) != 1:
        raise ValueError(f"a pattern with context {context!r} takes one anchor (source or "
                         "target) from the report and the other from a node")
    if context:
        missing.clear()
    if missing:
        raise ValueError(f"pattern has no {' or '.join(missing)} anchor (RIGHT_ID)")
    try:
        DependencyMatcher(Vocab(), validate=True).add("check", [value])
    except (ValueError, TypeError, KeyError) as error:
        raise ValueError(f"not a valid DependencyMatcher pattern: "
                         f"{str(error).splitlines()[0]}") from None
    unsupported = supported(value)
    if unsupported:
        raise ValueError(f"the pattern runner does not support {unsupported}")
    return tuple(value)


def parse_rule(data: Any, file: str) -> Rule:
    """One pattern record checked against the format and the vocabulary."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ValueError("each pattern is a mapping with an id")
    unknown = set(data) - KEYS
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}")
    type_ = data.get("type")
    if type_ not in FACT_TYPES:
        raise ValueError(f"type {type_!r} is not a relationship type of the vocabulary")
    confidence = data.get("confidence")
    if not isinstance(confidence, float | int) or not 0 < confidence <= 1:
        raise ValueError("confidence must be a number in (0, 1]")
    context = data.get("context")
    if context is not None and context not in CONTEXTS:
        raise ValueError(f"context must be one of {', '.join(CONTEXTS)}, not {context!r}")
    alone = data.get("alone", False)
    if not isinstance(alone, bool):
        raise ValueError(f"alone must be true or false, not {alone!r}")
    implicit = data.get("implicit", False)
    if not isinstance(implicit, bool):
        raise ValueError(f"implicit must be true or false, not {implicit!r}")
    rel = REL_TYPES[type_]
    return Rule(data["id"], type_, float(confidence), _pattern(data.get("pattern"), context),
                _labels(data.get("sources"), rel.sources, "sources"),
                _labels(data.get("targets"), rel.targets, "targets"),
                _examples(data.get("examples")), data.get("role"), context, file, alone,
                implicit)


def read_rule_file(path: Path) -> list[Rule]:
    """The patterns of one file; RuleFileError naming the file and pattern otherwise."""
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        raise RuleFileError(f"{path}: not a readable YAML file: "
                            f"{str(error).splitlines()[0]}") from None
    items = data.get("patterns") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise RuleFileError(f"{path}: expected a mapping with a non-empty 'patterns' list")
    rules, seen = [], set()
    for number, item in enumerate(items, 1):
        name = item.get("id") if isinstance(item, dict) else None
        where = f"{path}: pattern {name or f'#{number}'}"
        try:
            rule = parse_rule(item, path.name)
        except ValueError as error:
            raise RuleFileError(f"{where}: {error}") from None
        if rule.id in seen:
            raise RuleFileError(f"{where}: id used twice")
        seen.add(rule.id)
        rules.append(rule)
    return rules


@cache
def rules(folder: Path = RULES) -> tuple[Rule, ...]:
    """Every pattern of every file in ``folder``, files in name order."""
    found: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        found += read_rule_file(path)
    ids = [rule.id for rule in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise RuleFileError(f"{folder}: pattern id(s) in more than one file: {', '.join(twice)}")
    return tuple(found)
