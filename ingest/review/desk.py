"""The review desk: the proposals of one ingest run, the curated facts and the decisions
file, and every decision a reviewer takes written back at once.

Each decision is one locked read-modify-write: the files are read again, the item must
still stand where the reviewer saw it (a second tab that decided it first wins, and the
stale write is refused), the new text is validated (the facts file as ``milcoop validate``
checks it, the decisions file as ``milcoop ingest`` reads it), and only then replaces the
old one atomically. Undo puts back the bytes a decision replaced, unless the files changed
since.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.files import atomic_writer
from graph.lookup import fold
from graph.vocabulary import PROVENANCE_TYPES, REL_TYPES
from ingest.corpus import Corpus
from ingest.errors import IngestError
from ingest.facts.files import (
    FactsFile,
    FactsSyntaxError,
    facts_paths,
    parse_facts,
    read_facts_file,
)
from ingest.facts.validate import check_across, check_file
from ingest.review.decisions import Decisions, DecisionsError, read_decisions
from ingest.review.edits import add_decision, add_facts, drop_decisions
from ingest.review.queue import Item, Queue, Report, describe, read_queue
from ingest.review.state import (
    UNDECIDED,
    Curation,
    Ruling,
    curation,
    ruling,
    state,
)

REPORTS = ".milcoop-reports"
"""The file naming the reports folder in an ingest's output (ingest.run.REPORTS)."""
ACTIONS = ("accept", "reject", "rename", "merge", "retype")
LOCK = ".milcoop-review.lock"
"""The lock file beside the decisions file, held while a decision is written."""
WAIT = 5.0
"""Seconds a decision waits for another review process's write before giving up."""
CONTEXT = 320
"""Characters of report text shown on each side of the evidence."""


class ReviewError(IngestError):
    """A decision that cannot be taken; the message says why."""


class StaleDecision(ReviewError):
    """A decision about an item that no longer stands where the reviewer saw it."""


@dataclass
class Step:
    """What one decision changed: each file's bytes before (None: it did not exist) and
    after, for undo."""

    summary: str
    files: list[tuple[Path, bytes | None, bytes]] = field(default_factory=list)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


class Desk:
    """One review session over a proposals folder, a facts folder and a decisions file."""

    def __init__(self, proposed: Path, facts: Path, decisions: Path, corpus: Corpus) -> None:
        if facts.exists() and not facts.is_dir():
            raise ReviewError(f"--facts {facts}: must be a folder (accepted facts go into "
                              "one file per report there)")
        self.proposed, self.facts, self.decisions_path = proposed, facts, decisions
        self.queue: Queue = read_queue(proposed)
        if not self.queue.reports:
            raise ReviewError(f"{proposed}: no proposals to review (run milcoop ingest "
                              "first, or give --proposed)")
        self.corpus = Corpus([*_text_folders(proposed), *corpus.dirs])
        self.undo_steps: list[Step] = []
        self._lock = threading.Lock()
        self._read: dict[Path, tuple[tuple[int, int], FactsFile]] = {}

    # Reading the files as they are now

    def decisions(self) -> Decisions:
        """The decisions file as it is now (none when it does not exist yet)."""
        if not self.decisions_path.exists():
            return Decisions(self.decisions_path)
        return read_decisions(self.decisions_path)

    def curated_files(self) -> list[FactsFile]:
        """The curated facts files as they are now, read again only when one changed."""
        files = []
        paths = facts_paths(self.facts) if self.facts.is_dir() else []
        for path in paths:
            stat = path.stat()
            mark = (stat.st_size, stat.st_mtime_ns)
            kept = self._read.get(path)
            if kept is None or kept[0] != mark:
                try:
                    kept = (mark, read_facts_file(path))
                except FactsSyntaxError as error:
                    raise ReviewError(str(error.problem)) from None
                self._read[path] = kept
            files.append(kept[1])
        for gone in set(self._read) - set(paths):
            del self._read[gone]
        return files

    def now(self) -> tuple[Ruling, Curation]:
        """The decisions and the curated facts, as they are now."""
        return ruling(self.decisions()), curation(self.curated_files())

    def text(self, report: Report) -> str | None:
        """The report's text, if the corpus holds it."""
        return self.corpus.text(report.text_file)

    def item(self, number: int) -> Item:
        """Item ``number``; ReviewError if there is none."""
        if not 0 <= number < len(self.queue.items):
            raise ReviewError(f"no proposal number {number}")
        return self.queue.items[number]

    # Views

    def overview(self) -> dict[str, Any]:
        """Every item with its state, and counts decided and left per report and overall."""
        rules, curated = self.now()
        rows, reports = [], {}
        for item in self.queue.items:
            report = self.queue.reports[item.article]
            where, detail = state(item, rules, curated)
            name = rules.renames.get(str(item.data.get("id"))) if item.kind == "entity" else None
            rows.append({"number": item.number, "kind": item.kind, "article": item.article,
                         "status": item.status, "rule": item.rule,
                         "confidence": item.confidence,
                         "label": item.data.get("label") or item.data.get("type"),
                         "fact": describe(item, report) if name is None else
                         f"{item.data.get('label')} {name}",
                         "state": where, "detail": detail})
            counts = reports.setdefault(item.article, {
                "id": item.article, "title": str(report.article.get("title") or ""),
                "decided": 0, "left": 0})
            counts["left" if where == UNDECIDED else "decided"] += 1
        decided = sum(report["decided"] for report in reports.values())
        return {"items": rows, "reports": list(reports.values()),
                "decided": decided, "left": len(rows) - decided,
                "undo": self.undo_steps[-1].summary if self.undo_steps else None,
                "skipped": self.queue.skipped}

    def evidence(self, number: int) -> dict[str, Any]:
        """The text around an item's evidence, with the spans to highlight; what is curated
        about its entities already; the types it may be changed to."""
        item = self.item(number)
        report = self.queue.reports[item.article]
        rules, curated = self.now()
        text = self.text(report)
        spans = item.spans
        marks: list[tuple[int, int, str]] = [(a, b, "evidence") for a, b in spans]
        ends: list[str] = []
        if item.kind == "relation":
            ends = [item.data["source"], item.data["target"]]
            for role, end in zip(("source", "target"), ends, strict=True):
                marks += [(int(a), int(b), role) for a, b in
                          report.entities.get(end, {}).get("evidence") or []]
        else:
            ends = [str(item.data.get("id"))]
        window: dict[str, Any] = {"text": None, "start": 0, "marks": []}
        if text is not None and spans:
            first = min(a for a, _ in spans)
            last = max(b for a, b in spans if a < first + 2 * CONTEXT)
            start = max(0, first - CONTEXT)
            end = min(len(text), last + CONTEXT)
            start = text.rfind("\n", 0, first) + 1 if "\n" in text[start:first] else start
            window = {"text": text[start:end], "start": start, "length": len(text),
                      "marks": sorted({(max(a, start) - start, min(b, end) - start, kind)
                                       for a, b, kind in marks if a < end and b > start
                                       and 0 <= a < b <= len(text)})}
        where, detail = state(item, rules, curated)
        return {"number": number, "kind": item.kind, "data": item.data,
                "report": {"id": report.id, "title": report.article.get("title"),
                           "url": report.article.get("url"),
                           "published": report.article.get("published")},
                "window": window, "state": where, "detail": detail,
                "curated": self._curated_about(ends, rules, curated),
                "types": self._types(item) if item.kind == "relation" else [],
                "rename": rules.renames.get(ends[0]) if item.kind == "entity" else None}

    def _curated_about(self, ids: list[str], rules: Ruling,
                       curated: Curation) -> list[dict[str, Any]]:
        found = []
        for id_ in dict.fromkeys(rules.merged.get(id_, id_) for id_ in ids):
            record = curated.records.get(id_)
            reports = sorted(article for article, ids_ in curated.entities.items()
                             if id_ in ids_)
            ties = [{"article": article, "type": type_,
                     "source": self._name(source, curated),
                     "target": self._name(target, curated)}
                    for article, type_, source, target in curated.ties.get(id_, [])[:12]]
            found.append({"id": id_, "name": record.get("name") if record else None,
                          "label": record.get("label") if record else None,
                          "reports": reports, "ties": ties,
                          "more": max(0, len(curated.ties.get(id_, [])) - 12)})
        return found

    def _name(self, id_: str, curated: Curation) -> str:
        record = self._record(id_, curated)
        return str(record.get("name")) if record else id_

    def _record(self, id_: str, curated: Curation) -> dict[str, Any] | None:
        """Entity ``id_`` as curated, else as the first report proposing it gives it."""
        return curated.records.get(id_) or next(
            (report.entities[id_] for report in self.queue.reports.values()
             if id_ in report.entities), None)

    def _label(self, id_: str, report: Report) -> str | None:
        record = report.entities.get(id_)
        return str(record.get("label")) if record else None

    def _types(self, item: Item) -> list[str]:
        report = self.queue.reports[item.article]
        source, target = (self._label(item.data[end], report) for end in ("source", "target"))
        return [name for name, rel in REL_TYPES.items() if name not in PROVENANCE_TYPES
                and source and target and rel.allows(source, target)]

    def search(self, query: str, label: str | None = None, limit: int = 20
               ) -> list[dict[str, Any]]:
        """Entities, curated first, whose name or an alias holds ``query`` (folded)."""
        wanted = fold(query)
        if not wanted:
            return []
        _, curated = self.now()
        found: dict[str, dict[str, Any]] = {}
        pools = [(curated.records, True)] + [(report.entities, False)
                                             for report in self.queue.reports.values()]
        for pool, is_curated in pools:
            for id_, record in pool.items():
                if id_ in found or (label and record.get("label") != label):
                    continue
                names = [str(record.get("name")), *(record.get("aliases") or []), id_]
                if any(wanted in fold(str(name)) for name in names):
                    found[id_] = {"id": id_, "name": record.get("name"),
                                  "label": record.get("label"), "curated": is_curated}
                if len(found) >= limit:
                    return list(found.values())
        return list(found.values())

    # Decisions

    def decide(self, number: int, action: str, seen: str, value: str | None = None) -> str:
        """Take ``action`` on item ``number`` (seen by the reviewer as ``seen``); what was
        done, in words. ReviewError when it cannot be done, StaleDecision when the item no
        longer stands as seen."""
        if action not in ACTIONS:
            raise ReviewError(f"unknown action {action!r} (known: {', '.join(ACTIONS)})")
        item = self.item(number)
        with self._locked():
            rules, curated = self.now()
            where, detail = state(item, rules, curated)
            if where != seen:
                raise StaleDecision(
                    f"proposal {number} is {where}{' ' + detail if detail else ''} now, not "
                    f"{seen}: it was decided in another tab or window; reload to see it")
            if where != UNDECIDED and action != "rename":
                raise ReviewError(f"proposal {number} is already {where}; undo first")
            changes, summary = getattr(self, f"_{action}")(item, rules, curated, value)
            self._commit(changes, summary)
            return summary

    def undo(self) -> str:
        """Undo the last decision of this session; what was undone."""
        with self._locked():
            if not self.undo_steps:
                raise ReviewError("nothing to undo")
            step = self.undo_steps[-1]
            for path, _, after in step.files:
                if _bytes(path) != after:
                    raise ReviewError(f"{path} changed since '{step.summary}': not undone")
            for path, before, _ in step.files:
                if before is None:
                    path.unlink()
                else:
                    _replace(path, before)
            self.undo_steps.pop()
            return f"undone: {step.summary}"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """This process's lock and the lock file's, so two servers never interleave."""
        with self._lock:
            self.decisions_path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.decisions_path.parent / LOCK, "w") as handle:
                deadline = time.monotonic() + WAIT
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise ReviewError("another milcoop review is writing the "
                                              "decisions; try again") from None
                        time.sleep(0.05)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _facts_path(self, article: str, curated: Curation) -> Path:
        known = curated.files.get(article)
        path = known.path if known else self.facts / self.queue.reports[article].path.name
        if not _inside(path, self.facts):
            raise ReviewError(f"{path}: outside the facts folder {self.facts}")
        return path

    def _entity_record(self, id_: str, report: Report, rules: Ruling, curated: Curation,
                       spans: list[Any] | None = None) -> dict[str, Any]:
        """The curated record of entity ``id_`` for ``report``: as proposed, renamed, or the
        entity it was merged into with the merged one's evidence."""
        into = rules.merged.get(id_, id_)
        proposed = report.entities.get(id_, {})
        if into != id_:
            base = self._record(into, curated)
            if base is None:
                raise ReviewError(f"{id_} is merged into {into}, which is known nowhere")
            record = {key: base[key] for key in ("id", "label", "name") if key in base}
            aliases = [str(proposed.get("name"))] if proposed.get("name") else []
            if aliases and aliases != [record.get("name")]:
                record["aliases"] = aliases
            record["evidence"] = spans if spans is not None else proposed.get("evidence", [])
            return record
        if not proposed:
            raise ReviewError(f"{id_} is not among the report's proposed entities")
        record = {key: value for key, value in proposed.items() if key != "note"}
        if id_ in rules.renames and id_ not in curated.records:
            record["name"] = rules.renames[id_]
        return record

    def _adding(self, item: Item, rules: Ruling, curated: Curation,
                relations: list[dict[str, Any]], ids: list[str]) -> dict[Path, str]:
        """The facts file of the item's report with the entities ``ids`` (those not yet
        curated there) and ``relations`` added, and the decisions without moot renames."""
        report = self.queue.reports[item.article]
        path = self._facts_path(item.article, curated)
        own = curated.entities.get(item.article, set())
        entities, renamed = [], []
        for id_ in dict.fromkeys(ids):
            into = rules.merged.get(id_, id_)
            if into in own:
                continue
            if (into, None) in rules.entities or (into, item.article) in rules.entities:
                raise ReviewError(f"{into} was rejected in this report: undo that first")
            entities.append(self._entity_record(id_, report, rules, curated))
            own = own | {into}
            if id_ in rules.renames:
                renamed.append(id_)
        before = _bytes(path)
        text = add_facts(before.decode("utf-8") if before is not None else None,
                         report.article, entities, relations)
        changes = {path: text}
        if renamed and self.decisions_path.exists():
            decisions = self.decisions_path.read_text(encoding="utf-8")
            for id_ in renamed:
                decisions = drop_decisions(decisions, "rename", {"id": id_})
            changes[self.decisions_path] = decisions
        return changes

    def _relation_record(self, item: Item, rules: Ruling, type_: str) -> dict[str, Any]:
        data = item.data
        record: dict[str, Any] = {"type": type_}
        for end in ("source", "target"):
            record[end] = rules.merged.get(data[end], data[end])
        for key, value in data.items():
            if key not in ("type", "source", "target", "evidence", "note"):
                record[key] = value
        record["evidence"] = data.get("evidence", [])
        record["note"] = f"accepted in review: proposed by {item.rule} (confidence " \
                         f"{item.confidence:.2f})"
        return record

    def _accept(self, item: Item, rules: Ruling, curated: Curation,
                value: str | None) -> tuple[dict[Path, str], str]:
        report = self.queue.reports[item.article]
        if item.kind == "entity":
            changes = self._adding(item, rules, curated, [], [str(item.data["id"])])
            return changes, f"accepted {describe(item, report)} in {item.article}"
        relation = self._relation_record(item, rules, item.data["type"])
        changes = self._adding(item, rules, curated, [relation],
                               [item.data["source"], item.data["target"]])
        return changes, f"accepted {describe(item, report)} in {item.article}"

    def _decision(self, section: str, decision: dict[str, Any],
                  base: dict[Path, str] | None = None) -> dict[Path, str]:
        """``base`` (or no change) with ``decision`` added to the decisions file."""
        changes = dict(base or {})
        text = changes.get(self.decisions_path)
        if text is None:
            before = _bytes(self.decisions_path)
            text = before.decode("utf-8") if before is not None else None
        changes[self.decisions_path] = add_decision(text, section, decision)
        return changes

    def _reject(self, item: Item, rules: Ruling, curated: Curation,
                value: str | None) -> tuple[dict[Path, str], str]:
        report = self.queue.reports[item.article]
        return (self._decision("reject", _rejection(item)),
                f"rejected {describe(item, report)} in {item.article}")

    def _rename(self, item: Item, rules: Ruling, curated: Curation,
                value: str | None) -> tuple[dict[Path, str], str]:
        name = " ".join((value or "").split())
        id_ = str(item.data.get("id"))
        if item.kind != "entity":
            raise ReviewError("only an entity can be renamed")
        if not name:
            raise ReviewError("a new name is needed")
        if id_ in curated.records:
            raise ReviewError(f"{id_} is curated: its name is the one in the facts files "
                              f"({curated.records[id_].get('name')})")
        before = _bytes(self.decisions_path)
        text = before.decode("utf-8") if before is not None else None
        if text is not None:
            text = drop_decisions(text, "rename", {"id": id_})
        return ({self.decisions_path: add_decision(text, "rename", {"id": id_, "name": name})},
                f"renamed {id_} to {name}")

    def _merge(self, item: Item, rules: Ruling, curated: Curation,
               value: str | None) -> tuple[dict[Path, str], str]:
        if item.kind != "entity":
            raise ReviewError("only an entity can be merged")
        id_, into = str(item.data.get("id")), (value or "").strip()
        label = item.data.get("label")
        target = self._record(into, curated)
        if target is None:
            raise ReviewError(f"no entity {into!r} to merge into")
        if into == id_ or rules.merged.get(into) == id_:
            raise ReviewError(f"cannot merge {id_} into itself")
        if target.get("label") != label:
            raise ReviewError(f"cannot merge {id_} ({label}) into {into} "
                              f"({target.get('label')}): labels differ")
        if id_ in curated.records:
            raise ReviewError(f"{id_} is curated, and a merge would move its facts in every "
                              "report: reject it in this report instead")
        return (self._decision("merge", {"into": into, "ids": [id_]}),
                f"merged {id_} into {into}")

    def _retype(self, item: Item, rules: Ruling, curated: Curation,
                value: str | None) -> tuple[dict[Path, str], str]:
        if item.kind != "relation":
            raise ReviewError("only a relation's type can be changed")
        type_ = (value or "").strip()
        if type_ not in self._types(item):
            allowed = ", ".join(self._types(item))
            raise ReviewError(f"{type_!r} cannot link these two (allowed: {allowed})")
        if type_ == item.data["type"]:
            raise ReviewError(f"the relation is already {type_}: accept it instead")
        relation = self._relation_record(item, rules, type_)
        changes = self._adding(item, rules, curated, [relation],
                               [item.data["source"], item.data["target"]])
        changes = self._decision("reject", _rejection(item), changes)
        report = self.queue.reports[item.article]
        return changes, (f"changed {describe(item, report)} to {type_} in {item.article}")

    # Writing

    def _commit(self, changes: dict[Path, str], summary: str) -> None:
        """Validate every changed text, then replace the files; remember the step."""
        curated = [facts for facts in self.curated_files()
                   if facts.path not in changes]
        for path, text in changes.items():
            if path == self.decisions_path:
                _check_decisions(path, text)
                continue
            try:
                facts = parse_facts(path, text)
            except FactsSyntaxError as error:
                raise ReviewError(f"the facts would not read back: {error.problem}") from None
            errors = [problem for problem in check_file(facts, self.corpus)
                      + check_across([*curated, facts])
                      if problem.level == "error" and problem.path == path]
            if errors:
                raise ReviewError("not written, the facts would not validate: "
                                  + "; ".join(str(problem) for problem in errors[:3]))
        step = Step(summary)
        for path, text in changes.items():
            data = text.encode("utf-8")
            before = _bytes(path)
            if before == data:
                continue
            _replace(path, data)
            step.files.append((path, before, data))
        self.undo_steps.append(step)


def _text_folders(proposed: Path) -> list[Path]:
    """Where the texts of the proposals in ``proposed`` are: the ingest's ``texts`` copies
    and the reports folder it read, in ``proposed`` or, for one shard of a large run
    (out/proposed/3f), in the folder above it."""
    found = []
    for run in (proposed, proposed.parent):
        found.append(run / "texts")
        try:
            folder = Path((run / REPORTS).read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            continue
        if folder.is_absolute() and folder.is_dir():
            found.append(folder)
    return found


def _rejection(item: Item) -> dict[str, Any]:
    """The decision that rejects ``item`` in its report."""
    if item.kind == "entity":
        decision: dict[str, Any] = {"entity": str(item.data["id"])}
    else:
        decision = {"relation": {key: item.data[key] for key in ("type", "source", "target")}}
    decision["article"] = item.article
    return decision


def _check_decisions(path: Path, text: str) -> None:
    """ReviewError unless ``text`` reads as a decisions file."""
    try:
        read_decisions(path, text)
    except DecisionsError as error:
        raise ReviewError(f"not written, the decisions would not read back: {error}") from None


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_writer(path) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())

