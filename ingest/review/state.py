"""Where each proposed fact stands, read off the files alone: accepted (its report's curated
facts now state it), rejected or merged (the decisions file says so), or still undecided.

Nothing is remembered between requests, so a reloaded page, a second tab and the next
``milcoop ingest`` all see the same decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.vocabulary import RelKey, relation_key
from ingest.facts.files import FactsFile
from ingest.review.decisions import Decisions, followed
from ingest.review.queue import Item

UNDECIDED = "undecided"
STATES = (UNDECIDED, "accepted", "rejected", "merged")


@dataclass
class Curation:
    """The curated facts as the review needs them: per report, and each entity's first
    record and the relations that name it."""

    entities: dict[str, set[str]] = field(default_factory=dict)
    relations: dict[str, set[RelKey]] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    ties: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    files: dict[str, FactsFile] = field(default_factory=dict)


def curation(files: list[FactsFile]) -> Curation:
    """The curation of validated or freshly read facts files."""
    found = Curation()
    for facts in files:
        found.files.setdefault(facts.article_id, facts)
        ids = found.entities.setdefault(facts.article_id, set())
        for record in facts.entities:
            ids.add(str(record.data.get("id")))
            found.records.setdefault(str(record.data.get("id")), record.data)
        keys = found.relations.setdefault(facts.article_id, set())
        for record in facts.relations:
            data = record.data
            keys.add(relation_key(str(data.get("type")), str(data.get("source")),
                                  str(data.get("target"))))
            tie = (facts.article_id, str(data.get("type")), str(data.get("source")),
                   str(data.get("target")))
            for end in {str(data.get("source")), str(data.get("target"))}:
                found.ties.setdefault(end, []).append(tie)
    return found


def merged_ids(decisions: Decisions) -> dict[str, str]:
    """Every merged id and the id it ends up as (merges of merges followed).

    >>> from ingest.review.decisions import Merge
    >>> merged_ids(Decisions(merges=[Merge("b", ("a",), 1), Merge("c", ("b",), 2)]))
    {'a': 'c', 'b': 'c'}
    """
    return followed({name: merge.into for merge in decisions.merges for name in merge.ids
                     if name != merge.into})


@dataclass
class Ruling:
    """The decisions file, indexed for looking items up."""

    merged: dict[str, str]
    entities: dict[tuple[str, str | None], int]
    relations: dict[tuple[RelKey, str | None], int]
    renames: dict[str, str]


def ruling(decisions: Decisions) -> Ruling:
    """The decisions indexed: merges followed, rejections by (id or key, article)."""
    merged = merged_ids(decisions)
    entities: dict[tuple[str, str | None], int] = {}
    relations: dict[tuple[RelKey, str | None], int] = {}
    for reject in decisions.rejects:
        if reject.entity is not None:
            entities[merged.get(reject.entity, reject.entity), reject.article] = reject.line
        elif reject.relation is not None:
            type_, source, target = reject.relation
            key = relation_key(type_, merged.get(source, source), merged.get(target, target))
            relations[key, reject.article] = reject.line
    return Ruling(merged, entities, relations,
                  {rename.id: rename.name for rename in decisions.renames})


def _rejected_entity(rules: Ruling, id_: str, article: str) -> bool:
    return (id_, None) in rules.entities or (id_, article) in rules.entities


def mapped_key(item: Item, rules: Ruling) -> RelKey:
    """A relation item's key with its ends followed through the merges."""
    data = item.data
    return relation_key(data["type"], rules.merged.get(data["source"], data["source"]),
                        rules.merged.get(data["target"], data["target"]))


def state(item: Item, rules: Ruling, curated: Curation) -> tuple[str, str]:
    """The item's state and a few words on it (``merged``, ``into NATO``)."""
    article = item.article
    if item.kind == "entity":
        id_ = str(item.data.get("id"))
        into = rules.merged.get(id_)
        if _rejected_entity(rules, into or id_, article):
            return "rejected", ""
        if into is not None:
            return "merged", f"into {into}"
        if id_ in curated.entities.get(article, set()):
            return "accepted", ""
        return UNDECIDED, ""
    key = mapped_key(item, rules)
    if (key, None) in rules.relations or (key, article) in rules.relations:
        return "rejected", ""
    ends = [rules.merged.get(item.data[end], item.data[end]) for end in ("source", "target")]
    gone = [end for end in ends if _rejected_entity(rules, end, article)]
    if gone:
        return "rejected", f"with {gone[0]}"
    if key in curated.relations.get(article, set()):
        return "accepted", ""
    return UNDECIDED, ""
