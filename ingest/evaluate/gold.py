"""Score extraction against gold annotations held as scoring-interface JSON.

A gold folder holds one ``<report id>.json`` per report, in the shape ``milcoop extract
--format json`` prints: ``{"entities": [{id, type, name, aliases}], "relations": [{type,
source_id, target_id}]}`` with the vocabulary's labels and types. Matching uses only what
that JSON holds, as an external scorer would: an extracted entity matches a gold entity of
the same type when their folded names or aliases overlap (one-to-one, exact name matches
first); a relation matches when its type and both matched endpoints agree (either order for
symmetric types). The tallies are ingest.evaluate.score's, so both scores print the same table.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.lookup import fold
from graph.progress import progress
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, REL_TYPES, relation_key
from ingest.errors import IngestError
from ingest.evaluate.score import Score, Tally, extract_to_score
from ingest.extract.output import scoring_json
from ingest.readers.folder import read_file
from ingest.readers.report import Report, UnreadableReport

Key = tuple[str, str, str]


class InvalidGold(IngestError):
    """A gold file that is not valid JSON in the scoring shape, or names no report at hand."""


@dataclass(frozen=True)
class GoldEntity:
    """An entity a report states: its id, vocabulary label, canonical name and aliases."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> set[str]:
        """The folded name and aliases, the only thing entities are matched on."""
        return {fold(text) for text in (self.name, *self.aliases) if text.strip()}


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one report: entities and (type, source, target) relations."""

    report: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[Key, ...]


@dataclass
class Comparison:
    """How one report's extraction lines up with its gold: matches, misses, false finds."""

    predicted: list[GoldEntity] = field(default_factory=list)
    matched: dict[str, str] = field(default_factory=dict)
    missed_entities: list[GoldEntity] = field(default_factory=list)
    false_entities: list[GoldEntity] = field(default_factory=list)
    missed_relations: list[Key] = field(default_factory=list)
    false_relations: list[Key] = field(default_factory=list)
    score: Score = field(default_factory=Score)


def _key(type_: str, source: str, target: str) -> Key:
    """A relation as (type, source, target), endpoints sorted for symmetric types."""
    source, _, target = relation_key(type_, source, target)
    return (type_, source, target)


def _text(record: dict[str, Any], key: str, problems: list[str], where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key!r} must be a non-empty string")
        return ""
    return value


def _entities(items: list[Any], problems: list[str]) -> dict[str, GoldEntity]:
    entities: dict[str, GoldEntity] = {}
    for index, record in enumerate(items):
        where = f"entities[{index}]"
        if not isinstance(record, dict):
            problems.append(f"{where}: must be an object")
            continue
        id_, name = _text(record, "id", problems, where), _text(record, "name", problems, where)
        label = record.get("type")
        if label not in ENTITY_LABELS:
            problems.append(f"{where}: unknown type {label!r} (labels: "
                            f"{', '.join(ENTITY_LABELS)})")
        aliases = record.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{where}: 'aliases' must be a list of strings")
            aliases = []
        if id_ in entities:
            problems.append(f"{where}: duplicate id {id_!r}")
        elif id_ and name and label in ENTITY_LABELS:
            entities[id_] = GoldEntity(id_, str(label), name, tuple(aliases))
    return entities


def _relations(items: list[Any], entities: dict[str, GoldEntity],
               problems: list[str]) -> tuple[Key, ...]:
    seen: dict[Key, int] = {}
    for index, record in enumerate(items):
        where = f"relations[{index}]"
        if not isinstance(record, dict):
            problems.append(f"{where}: must be an object")
            continue
        type_ = record.get("type")
        if type_ not in FACT_TYPES:
            problems.append(f"{where}: unknown type {type_!r} (types: {', '.join(FACT_TYPES)})")
            continue
        ends = [record.get("source_id"), record.get("target_id")]
        missing = [f"{name} {end!r}" for name, end in zip(("source_id", "target_id"), ends,
                                                          strict=True) if end not in entities]
        if missing:
            problems.append(f"{where}: {' and '.join(missing)} not among the entities")
            continue
        source, target = entities[ends[0]], entities[ends[1]]
        if not REL_TYPES[type_].allows(source.type, target.type):
            problems.append(f"{where}: {type_} may not go from {source.type} to {target.type}")
            continue
        key = _key(type_, source.id, target.id)
        if key in seen:
            problems.append(f"{where}: duplicate of relations[{seen[key]}]")
            continue
        seen[key] = index
    return tuple(seen)


def parse_gold(data: Any, report: str, where: str) -> Gold:
    """A validated Gold from decoded JSON; InvalidGold naming ``where`` and each bad record.

    >>> gold = parse_gold({"entities": [{"id": "OMN", "type": "Country", "name": "Oman"}],
    ...                    "relations": []}, "r", "r.json")
    >>> gold.entities[0].names
    {'oman'}
    """
    if not isinstance(data, dict):
        raise InvalidGold(f"{where}: must be an object with 'entities' and 'relations' lists")
    problems: list[str] = []
    lists = {}
    for section in ("entities", "relations"):
        lists[section] = data.get(section)
        if not isinstance(lists[section], list):
            problems.append(f"{section!r} must be a list")
            lists[section] = []
    entities = _entities(lists["entities"], problems)
    relations = _relations(lists["relations"], entities, problems)
    if problems:
        raise InvalidGold(f"{where}: {len(problems)} problem(s): {'; '.join(problems)}")
    return Gold(report, tuple(entities.values()), relations)


def read_gold(path: Path) -> Gold:
    """The gold of one report from ``<report id>.json``; InvalidGold if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidGold(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InvalidGold(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InvalidGold(f"{path}: not valid JSON: {error.msg} "
                          f"(line {error.lineno}, column {error.colno})") from None
    return parse_gold(data, path.stem, str(path))


def read_gold_folder(folder: Path) -> list[Gold]:
    """Every ``*.json`` gold file of a folder, sorted; InvalidGold if there is none."""
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise InvalidGold(f"{folder}: no gold files (*.json)")
    return [read_gold(path) for path in paths]


def _predicted(prediction: dict[str, Any]) -> list[GoldEntity]:
    return [GoldEntity(str(e["id"]), str(e["type"]), str(e.get("name") or ""),
                       tuple(e.get("aliases") or ()))
            for e in prediction.get("entities", [])]


def match_entities(predicted: Sequence[GoldEntity], gold: Gold) -> dict[str, str]:
    """Predicted id -> gold id, one-to-one: same type and a shared folded name or alias;
    exact name matches first, then more shared names, then order in the files.

    >>> gold = Gold("r", (GoldEntity("TUR", "Country", "Türkiye", ("Turkey",)),), ())
    >>> match_entities([GoldEntity("x", "Country", "Turkey"),
    ...                 GoldEntity("TUR", "Country", "Turkiye")], gold)
    {'TUR': 'TUR'}
    """
    pairs = []
    for p_order, mine in enumerate(predicted):
        names = mine.names
        for g_order, theirs in enumerate(gold.entities):
            shared = names & theirs.names if mine.type == theirs.type else set()
            if shared:
                exact = fold(mine.name) == fold(theirs.name)
                pairs.append((not exact, -len(shared), p_order, g_order, mine.id, theirs.id))
    matched: dict[str, str] = {}
    taken: set[str] = set()
    for *_, mine_id, gold_id in sorted(pairs):
        if mine_id not in matched and gold_id not in taken:
            matched[mine_id] = gold_id
            taken.add(gold_id)
    return matched


def compare(prediction: dict[str, Any], gold: Gold) -> Comparison:
    """Match a scoring-JSON prediction against gold and tally it by label and by type."""
    predicted = _predicted(prediction)
    result = Comparison(predicted=predicted, matched=match_entities(predicted, gold))
    for entity in predicted:
        hit = entity.id in result.matched
        result.score.entities[entity.type] += Tally(tp=1) if hit else Tally(fp=1)
        if not hit:
            result.false_entities.append(entity)
    found = set(result.matched.values())
    for entity in gold.entities:
        if entity.id not in found:
            result.score.entities[entity.type] += Tally(fn=1)
            result.missed_entities.append(entity)
    truth = set(gold.relations)
    proposed = list(dict.fromkeys(
        _key(str(r["type"]), result.matched.get(str(r["source_id"]), f"?{r['source_id']}"),
             result.matched.get(str(r["target_id"]), f"?{r['target_id']}"))
        for r in prediction.get("relations", [])))
    for key in proposed:
        result.score.relations[key[0]] += Tally(tp=1) if key in truth else Tally(fp=1)
        if key not in truth:
            result.false_relations.append(key)
    seen = set(proposed)
    for key in gold.relations:
        if key not in seen:
            result.score.relations[key[0]] += Tally(fn=1)
            result.missed_relations.append(key)
    return result


def _read_report(report: str, dirs: Iterable[Path]) -> Report | None:
    """The report ``<report>.<ext>`` from the first folder of ``dirs`` that has it readable."""
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.stem == report and p.is_file()):
            try:
                found = read_file(path)
            except UnreadableReport:
                continue
            match = next((r for r in found if r.id == report), None)
            if match is not None:
                return match
    return None


def compare_gold(folder: Path, corpus_dirs: Sequence[Path] = (),
                 without: frozenset[str] = frozenset()) -> dict[str, Comparison]:
    """Extract every report that has gold and compare: report id -> Comparison.

    Reports are looked up by id in ``corpus_dirs``, then beside the gold folder (its
    parent, or ``reports`` there); ``without``: extraction families left out.
    """
    dirs = [*corpus_dirs, folder.parent, folder.parent / "reports"]
    found = {}
    for gold in progress(read_gold_folder(folder), "score", "report"):
        report = _read_report(gold.report, dirs)
        if report is None:
            raise InvalidGold(f"{folder / gold.report}.json: no readable report "
                              f"{gold.report!r} in {', '.join(str(d) for d in dirs)}")
        extraction, failed = extract_to_score(report.text, report.id, report.published,
                                              without, report.file)
        found[gold.report] = compare(scoring_json(extraction), gold)
        found[gold.report].score.skipped += failed
    return found


def score_gold(folder: Path, corpus_dirs: Sequence[Path] = ()) -> Score:
    """The summed score of extraction on every report of a gold folder."""
    total = Score()
    for comparison in compare_gold(folder, corpus_dirs).values():
        total += comparison.score
    return total
