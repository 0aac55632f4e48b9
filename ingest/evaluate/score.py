"""Score extraction against curated facts: precision, recall and F1 per label, per type, overall.

An extracted entity matches a curated one of the same label when they share a folded name
or alias, or (matching ``by place``, the default) when one of its mentions overlaps a short
evidence span of the curated entity: the extractor found the thing where the curator marked
it, under another name. ``names`` matching drops the second rule, as a scorer holding only
names would. Each curated entity is matched at most once. A relation matches when its type
and both matched endpoints agree (either order for symmetric types).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.lookup import fold
from graph.progress import progress
from graph.vocabulary import relation_key
from ingest.corpus import Corpus
from ingest.errors import IngestError
from ingest.extract.budget import ExtractionFailed, extract_guarded
from ingest.extract.facts import Extraction
from ingest.facts.files import FactsFile, facts_paths, read_facts_file
from ingest.readers.folder import read_single

SHORT_SPAN = 120
"""Curated evidence spans longer than this describe rather than name: not used to match."""


@dataclass
class Tally:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        """Share of proposed facts that are curated facts."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of curated facts that were proposed."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> round(Tally(tp=3, fp=1, fn=2).f1, 3)
        0.667
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Tallies by entity label and by relation type, and the reports whose extraction
    failed (each scored as proposing nothing, so a failure lowers the figures)."""

    entities: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    skipped: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for mine, theirs in ((self.entities, other.entities),
                             (self.relations, other.relations)):
            for key, tally in theirs.items():
                mine[key] += tally
        self.skipped += other.skipped
        return self

    @staticmethod
    def total(tallies: dict[str, Tally]) -> Tally:
        """The sum of the tallies of every category."""
        total = Tally()
        for tally in tallies.values():
            total += tally
        return total

    def rows(self) -> list[dict[str, object]]:
        """One row per category and an overall row for entities and for relations."""
        found = []
        for kind, tallies in (("entity", self.entities), ("relation", self.relations)):
            for name, tally in [*sorted(tallies.items()), ("overall", self.total(tallies))]:
                found.append({"kind": kind, "category": name, "tp": tally.tp, "fp": tally.fp,
                              "fn": tally.fn, "precision": round(tally.precision, 3),
                              "recall": round(tally.recall, 3), "f1": round(tally.f1, 3)})
        return found


def _names(name: str, aliases: list[str]) -> set[str]:
    return {fold(text) for text in [name, *aliases] if text}


def _overlaps(spans: list[tuple[int, int]], curated: list[list[int]]) -> bool:
    return any(s < ce and cs < e for s, e in spans for cs, ce in curated
               if ce - cs <= SHORT_SPAN)


MATCHES = ("place", "names")
"""Entity matching rules: by name or by place (the default), or by name only."""


def match_entities(extraction: Extraction, facts: FactsFile,
                   match: str = "place") -> dict[str, str]:
    """Extracted id -> curated id, one-to-one, name matches before span matches."""
    pairs = []
    for entity in extraction.entities.values():
        names = _names(entity.name, entity.aliases)
        for record in facts.entities:
            data = record.data
            if data.get("label") != entity.label:
                continue
            if entity.id == data.get("id") or names & _names(str(data.get("name", "")),
                                                            data.get("aliases") or []):
                pairs.append((0, entity.id, data["id"]))
            elif match == "place" and _overlaps(entity.spans, data.get("evidence") or []):
                pairs.append((1, entity.id, data["id"]))
    matched: dict[str, str] = {}
    for _, mine, theirs in sorted(pairs):
        if mine not in matched and theirs not in matched.values():
            matched[mine] = theirs
    return matched


def score(extraction: Extraction, facts: FactsFile, match: str = "place") -> Score:
    """How the extraction of one report compares with its curated facts."""
    result = Score()
    matched = match_entities(extraction, facts, match)
    for entity in extraction.entities.values():
        result.entities[entity.label] += Tally(tp=1) if entity.id in matched else Tally(fp=1)
    found = set(matched.values())
    for record in facts.entities:
        if record.data["id"] not in found:
            result.entities[record.data["label"]] += Tally(fn=1)
    curated = {relation_key(r.data["type"], r.data["source"], r.data["target"])
               for r in facts.relations}
    proposed = {relation_key(r.type, matched.get(r.source, f"?{r.source}"),
                             matched.get(r.target, f"?{r.target}"))
                for r in extraction.relations.values()}
    for key in proposed:
        result.relations[key[1]] += Tally(tp=1) if key in curated else Tally(fp=1)
    for key in curated - proposed:
        result.relations[key[1]] += Tally(fn=1)
    return result



def extract_to_score(text: str, article: str, published: str | None,
                     without: frozenset[str], file: object) -> tuple[Extraction, list[str]]:
    """The report's extraction, and why it failed if it did (naming ``file``): a report that
    fails is scored as proposing nothing, so a failure lowers the figures, never stops them."""
    try:
        return extract_guarded(text, article, published, without=without), []
    except ExtractionFailed as failed:
        return Extraction(article, text), [f"{file}: {failed}"]


def score_corpus(facts: Path, corpus: Corpus, match: str = "place",
                 without: frozenset[str] = frozenset()) -> Score:
    """The summed score of every curated report whose text is in ``corpus``, each read as
    ``milcoop ingest`` reads it (boilerplate blanked), so both give the same figures
    (``without``: extraction families left out, see ``extract``)."""
    total = Score()
    scored = 0
    for path in progress(facts_paths(facts), "score", "report"):
        curated = read_facts_file(path)
        report_path = corpus.path(curated.text_file)
        if report_path is None:
            continue
        published = curated.article.data.get("published")
        text = read_single(report_path).text
        extraction, failed = extract_to_score(text, curated.article_id,
                                              str(published) if published else None, without,
                                              report_path)
        total.skipped += failed
        total += score(extraction, curated, match)
        scored += 1
    if not scored:
        raise IngestError(f"no report text in the corpus for the facts at {facts}")
    return total
