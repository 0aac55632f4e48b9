"""Candidate pairs for the learned linker and the features its model weighs.

A candidate is two entities the rules found but left without a relation of a type the
vocabulary allows between their labels: *near* when some sentence names both (features of
the words and the dependency path between them), *far* when no sentence does (features of
the report: how often each is named, how far apart, what else each is tied to). Every
feature is a string led by the pair's labels (``Country>Exercise|lca=take``), so one
linear model per type weighs the same words differently for different pairs. Pure: the
extraction and the parse in, candidates out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from graph.vocabulary import FACT_TYPES, REL_TYPES, relation_key
from ingest.extract.facts import Entity, Extraction
from ingest.extract.sentences import Sentence

Span = tuple[int, int]
BETWEEN = 12
"""Most tokens between two mentions whose words are features; further apart is ``far``."""
SEQUENCE = 4
"""Most tokens between two mentions kept as one feature, in order (``of the``)."""
SHORT_PATH = 5
"""Longest dependency path (in arcs) kept with its words; longer ones keep only labels."""


@dataclass(frozen=True)
class Pair:
    """Two entities the rules left unrelated, the types the model may give them (source
    first), the features it weighs and the spans of text that hold the evidence."""

    source: str
    target: str
    types: tuple[str, ...]
    features: tuple[str, ...]
    spans: tuple[Span, ...]
    near: bool


def bucket(n: int) -> str:
    """A count as a coarse bucket, so that 9 and 12 weigh alike: ``0 1 2 4 8 15 16+``."""
    return next((str(b) for b in (0, 1, 2, 4, 8, 15) if n <= b), "16+")


@cache
def open_types(source_label: str, target_label: str) -> tuple[str, ...]:
    """The fact types the vocabulary allows from ``source_label`` to ``target_label``."""
    return tuple(t for t in FACT_TYPES if REL_TYPES[t].allows(source_label, target_label))


def pairs(out: Extraction, doc: Doc, sentences: list[Sentence]) -> Iterator[Pair]:
    """Every candidate of the report, near ones (sentence by sentence) first, then far."""
    body = [s for s in sentences if not s.heading]
    report = _Report(out, doc, body)
    yield from report.near()
    yield from report.far()


class _Report:
    """What the features of one report's candidates are read from, gathered once."""

    def __init__(self, out: Extraction, doc: Doc, body: list[Sentence]) -> None:
        self.out, self.doc, self.body = out, doc, body
        self.starts = [s.start for s in body]
        self.ties: dict[frozenset[str], set[str]] = {}
        self.roles: dict[str, set[str]] = {}
        for source, type_, target in out.relations:
            self.ties.setdefault(frozenset((source, target)), set()).add(type_)
            self.roles.setdefault(source, set()).add("o" + type_)
            self.roles.setdefault(target, set()).add("i" + type_)
        self.entities = [e for e in out.entities.values() if e.spans]
        self.where = {e.id: sorted({self.sentence(a) for a, _ in e.spans} - {-1})
                      for e in self.entities}
        self.by_label: dict[str, list[Entity]] = {}
        for entity in self.entities:
            self.by_label.setdefault(entity.label, []).append(entity)
        self.rank = {e.id: k for es in self.by_label.values()
                     for k, e in enumerate(sorted(es, key=lambda e: (-len(e.spans),
                                                                     min(e.spans), e.id)))}
        self._verbs: dict[int, tuple[str, ...]] = {}
        self.labels: list[dict[str, int]] = [{} for _ in body]
        for entity in self.entities:
            for index in self.where[entity.id]:
                counts = self.labels[index]
                counts[entity.label] = counts.get(entity.label, 0) + 1

    def sentence(self, offset: int) -> int:
        """The index of the body sentence holding ``offset``, -1 for none."""
        k = bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.body[k].end else -1

    def types(self, source: Entity, target: Entity) -> tuple[str, ...]:
        """The types still open from ``source`` to ``target``: allowed, not yet proposed,
        and for a symmetric type only in its one stored order."""
        found = []
        for type_ in open_types(source.label, target.label):
            key = relation_key(type_, source.id, target.id)
            if key[0] == source.id and key not in self.out.relations:
                found.append(type_)
        return tuple(found)

    def verbs(self, index: int) -> tuple[str, ...]:
        """The lemmas of the verbs of body sentence ``index``."""
        if index not in self._verbs:
            sentence = self.body[index]
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            self._verbs[index] = tuple(sorted({t.lemma_.lower() for t in span or ()
                                               if t.pos_ == "VERB"}))
        return self._verbs[index]

    def shared(self, pair: str, source: Entity, target: Entity) -> list[str]:
        """Features of the two entities wherever they are named: kinds, what ties them
        already and what else each is tied to."""
        found = [pair]
        for side, entity in (("s", source), ("t", target)):
            kind = entity.properties.get("kind")
            if kind:
                found.append(f"{pair}|{side}k={kind}")
            found += [f"{pair}|{side}{role}" for role in self.roles.get(entity.id, ())]
        found += [f"{pair}|has={t}" for t in self.ties.get(frozenset((source.id, target.id)), ())]
        return found

    def near(self) -> Iterator[Pair]:
        """Candidates named in one sentence, read from the words and the parse between."""
        for index, sentence in enumerate(self.body):
            inside = [(e, [s for s in e.spans if sentence.start <= s[0] and s[1] <= sentence.end])
                      for e in self.entities if index in self.where[e.id]]
            inside = [(e, spans) for e, spans in inside if spans]
            if len(inside) < 2:
                continue
            counts: dict[str, int] = {}
            for entity, _ in inside:
                counts[entity.label] = counts.get(entity.label, 0) + 1
            for source, source_spans in inside:
                for target, target_spans in inside:
                    if source.id == target.id:
                        continue
                    types = self.types(source, target)
                    if not types:
                        continue
                    a, b = min(((x, y) for x in source_spans for y in target_spans),
                               key=lambda p: (abs(p[0][0] - p[1][0]), p))
                    pair = f"{source.label}>{target.label}"
                    features = self.shared(pair, source, target)
                    features += [f"{pair}|nt={bucket(counts[target.label])}",
                                 f"{pair}|ns={bucket(counts[source.label])}"]
                    features += self.words(pair, a, b, index)
                    yield Pair(source.id, target.id, types, tuple(sorted(set(features))),
                               ((sentence.start, sentence.end),), True)

    def words(self, pair: str, a: Span, b: Span, index: int) -> list[str]:
        """Features of the text and the parse between mention ``a`` and mention ``b``."""
        doc = self.doc
        one = doc.char_span(*a, alignment_mode="expand")
        two = doc.char_span(*b, alignment_mode="expand")
        if one is None or two is None:
            return [f"{pair}|nospan"]
        first, second = (one, two) if one.start <= two.start else (two, one)
        gap = second.start - first.end
        found = [f"{pair}|{'s' if first is one else 't'}first",
                 f"{pair}|d{bucket(max(gap, 0))}"]
        if gap < 0:
            found.append(f"{pair}|overlap")
        if 0 < gap <= BETWEEN:
            found += [f"{pair}|bw={t.lemma_.lower()}" for t in doc[first.end:second.start]
                      if t.is_alpha]
        if 0 < gap <= SEQUENCE:
            found.append(f"{pair}|seq={' '.join(t.lower_ for t in doc[first.end:second.start])}")
        elif gap > BETWEEN:
            found.append(f"{pair}|far")
        if first.start > 0:
            found.append(f"{pair}|pre={doc[first.start - 1].lower_}")
        if second.end < len(doc):
            found.append(f"{pair}|post={doc[second.end].lower_}")
        found += _path(pair, one.root, two.root)
        found.append(f"{pair}|root={one.root.sent.root.lemma_.lower()}")
        found += [f"{pair}|sv={verb}" for verb in self.verbs(index)]
        found.append(f"{pair}|sw={one.root.lemma_.lower()}")
        found.append(f"{pair}|tw={two.root.lemma_.lower()}")
        found.append(f"{pair}|sh={one.root.dep_}>{one.root.head.lemma_.lower()}")
        found.append(f"{pair}|th={two.root.dep_}>{two.root.head.lemma_.lower()}")
        return found

    def far(self) -> Iterator[Pair]:
        """Candidates no sentence names together, read from the report as a whole."""
        for source in self.entities:
            for target in self.entities:
                here, there = self.where[source.id], self.where[target.id]
                if source.id == target.id or not here or not there or set(here) & set(there):
                    continue
                types = self.types(source, target)
                if not types:
                    continue
                pair = f"{source.label}>{target.label}"
                apart, k, m = min((abs(i - j), i, j) for i in here for j in there)
                features = self.shared(pair, source, target)
                features += [
                    f"{pair}|sd{bucket(apart)}",
                    f"{pair}|tr{bucket(self.rank[target.id])}",
                    f"{pair}|sr{bucket(self.rank[source.id])}",
                    f"{pair}|nt{bucket(len(self.by_label[target.label]))}",
                    f"{pair}|ns{bucket(len(self.by_label[source.label]))}",
                    f"{pair}|tn{bucket(len(target.spans))}",
                    f"{pair}|sn{bucket(len(source.spans))}",
                    f"{pair}|{'s' if min(source.spans) < min(target.spans) else 't'}first",
                    f"{pair}|s1st{bucket(here[0])}",
                    f"{pair}|t1st{bucket(there[0])}",
                ]
                features += [f"{pair}|sv={verb}" for verb in self.verbs(here[0])]
                if any(self.labels[i].get(target.label, 0) for i in here):
                    features.append(f"{pair}|sother")
                spans = ((self.body[k].start, self.body[k].end),
                         (self.body[m].start, self.body[m].end))
                yield Pair(source.id, target.id, types, tuple(sorted(set(features))), spans,
                           False)


def _path(pair: str, one: Token, two: Token) -> list[str]:
    """Features of the dependency path from token ``one`` up to the nearest token both
    hang from and down to ``two``: its arcs, its words when short, that token's lemma."""
    up = [one, *one.ancestors]
    down = [two, *two.ancestors]
    where = {t.i: k for k, t in enumerate(down)}
    k = next((k for k, t in enumerate(up) if t.i in where), None)
    if k is None:
        return [f"{pair}|nopath"]
    top = up[k]
    rising, falling = up[:k], down[:where[top.i]]
    arcs = "".join(f"{t.dep_}^" for t in rising) + "|" + \
        "".join(f"v{t.dep_}" for t in reversed(falling))
    found = [f"{pair}|path={arcs}", f"{pair}|lca={top.lemma_.lower()}",
             f"{pair}|plen{bucket(len(rising) + len(falling))}"]
    if len(rising) + len(falling) <= SHORT_PATH:
        words = "".join(f"{t.dep_}^{t.lemma_.lower()}" for t in rising[1:]) + "|" + \
            top.lemma_.lower() + "|" + \
            "".join(f"{t.lemma_.lower()}v{t.dep_}" for t in reversed(falling[1:]))
        found.append(f"{pair}|lex={words}")
    return found
