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
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.attrs import DEP, HEAD, IS_ALPHA, LEMMA, LOWER
from spacy.tokens import Doc
from spacy.tokens import Span as Phrase

from graph.vocabulary import FACT_TYPES, REL_TYPES, relation_key
from ingest.extract.facts import Entity, Extraction
from ingest.extract.sentences import Sentence

Span = tuple[int, int]
BETWEEN = 12
"""Most tokens between two mentions whose words are features; further apart is ``far``."""
WINDOW = 400
"""Most characters between two mentions of one sentence for a near candidate: a sentence
without end (run-on text) must not make pairs grow with its square."""
FAR_RANK = 5
"""A far candidate's target is among this many of its label most named in the report."""
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


_BUCKETS = tuple(next(str(b) for b in (0, 1, 2, 4, 8, 15) if n <= b) for n in range(16))


def bucket(n: int) -> str:
    """A count as a coarse bucket, so that 9 and 12 weigh alike: ``0 1 2 4 8 15 16+``."""
    return _BUCKETS[n] if 0 <= n < 16 else "16+"


@cache
def open_types(source_label: str, target_label: str) -> tuple[str, ...]:
    """The fact types the vocabulary allows from ``source_label`` to ``target_label``."""
    return tuple(t for t in FACT_TYPES if REL_TYPES[t].allows(source_label, target_label))


def pairs(out: Extraction, doc: Doc, sentences: list[Sentence],
          near: Collection[str] = FACT_TYPES, far: Collection[str] = FACT_TYPES
          ) -> Iterator[Pair]:
    """Every candidate of the report for a type of ``near`` (sentence by sentence) first,
    then for a type of ``far``: a pair open to no type asked for is never featurised."""
    body = [s for s in sentences if not s.heading]
    report = _Report(out, doc, body)
    yield from report.near(frozenset(near))
    yield from report.far(frozenset(far))


class _Tokens:
    """What the features read of each token of a parse, read from spaCy once per report."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        self.lemma: list[str] = []
        self.lower: list[str] = []
        self.dep: list[str] = []
        self.alpha: list[bool] = []
        self.head: list[int] = []
        heads = doc.to_array(HEAD).astype("int64").tolist()  # offsets, stored unsigned
        for i, ((lemma, lower, dep, alpha), head) in enumerate(
                zip(doc.to_array([LEMMA, LOWER, DEP, IS_ALPHA]).tolist(), heads, strict=True)):
            self.lemma.append(strings[lemma].lower())
            self.lower.append(strings[lower])
            self.dep.append(strings[dep])
            self.alpha.append(bool(alpha))
            self.head.append(i + head)
        self._up: dict[int, list[int]] = {}
        self.sentence_root = [0] * len(doc)
        for sentence in doc.sents:
            root = sentence.root.i
            for i in range(sentence.start, sentence.end):
                self.sentence_root[i] = root

    def up(self, i: int) -> list[int]:
        """Token ``i`` and the tokens it hangs from, up to its sentence's root (walked once
        per token)."""
        found = self._up.get(i)
        if found is None:
            found = self._up[i] = [i]
            k = i
            while self.head[k] != k:
                k = self.head[k]
                found.append(k)
        return found

    def path(self, pair: str, one: int, two: int) -> list[str]:
        """Features of the dependency path from token ``one`` up to the nearest token both
        hang from and down to ``two``: its arcs, its words when short, that token's lemma."""
        up, down = self.up(one), self.up(two)
        where = {t: k for k, t in enumerate(down)}
        k = next((k for k, t in enumerate(up) if t in where), None)
        if k is None:
            return [f"{pair}|nopath"]
        top = up[k]
        rising, falling = up[:k], down[:where[top]]
        dep, lemma = self.dep, self.lemma
        arcs = "".join(f"{dep[t]}^" for t in rising) + "|" + \
            "".join(f"v{dep[t]}" for t in reversed(falling))
        found = [f"{pair}|path={arcs}", f"{pair}|lca={lemma[top]}",
                 f"{pair}|plen{bucket(len(rising) + len(falling))}"]
        if len(rising) + len(falling) <= SHORT_PATH:
            words = "".join(f"{dep[t]}^{lemma[t]}" for t in rising[1:]) + "|" + \
                lemma[top] + "|" + \
                "".join(f"{lemma[t]}v{dep[t]}" for t in reversed(falling[1:]))
            found.append(f"{pair}|lex={words}")
        return found


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
        self._spans: dict[Span, Phrase | None] = {}
        self._sides: dict[tuple[str, str, str], list[str]] = {}
        self._tokens: _Tokens | None = None
        self.named: dict[int, dict[str, list[Span]]] = {}
        for entity in self.entities:
            for span in entity.spans:
                index = self.sentence(span[0])
                if index >= 0 and span[1] <= body[index].end:
                    self.named.setdefault(index, {}).setdefault(entity.id, []).append(span)
        self.labels: list[dict[str, int]] = [{} for _ in body]
        for entity in self.entities:
            for index in self.where[entity.id]:
                counts = self.labels[index]
                counts[entity.label] = counts.get(entity.label, 0) + 1

    @property
    def tokens(self) -> _Tokens:
        """The parse's tokens as the features read them (read once, when first needed)."""
        if self._tokens is None:
            self._tokens = _Tokens(self.doc)
        return self._tokens

    def span(self, where: Span) -> Phrase | None:
        """The parse's span of the characters ``where`` (None where no token starts), looked
        up once per report: each pair reads its mentions twice, once each way."""
        if where not in self._spans:
            self._spans[where] = self.doc.char_span(*where, alignment_mode="expand")
        return self._spans[where]

    def sentence(self, offset: int) -> int:
        """The index of the body sentence holding ``offset``, -1 for none."""
        k = bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.body[k].end else -1

    def types(self, source: Entity, target: Entity, asked: frozenset[str]) -> tuple[str, ...]:
        """The types of ``asked`` still open from ``source`` to ``target``: allowed, not yet
        proposed, and for a symmetric type only in its one stored order."""
        found = []
        for type_ in open_types(source.label, target.label):
            if type_ not in asked:
                continue
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
        found = [pair, *self.side(pair, "s", source), *self.side(pair, "t", target)]
        found += [f"{pair}|has={t}" for t in self.ties.get(frozenset((source.id, target.id)), ())]
        return found

    def side(self, pair: str, side: str, entity: Entity) -> list[str]:
        """The features of one side of a pair: its kind and what else it is tied to (made
        once per label pair, side and entity)."""
        key = (pair, side, entity.id)
        if key not in self._sides:
            kind = entity.properties.get("kind")
            self._sides[key] = ([f"{pair}|{side}k={kind}"] if kind else []) + \
                [f"{pair}|{side}{role}" for role in self.roles.get(entity.id, ())]
        return self._sides[key]

    def near(self, asked: frozenset[str]) -> Iterator[Pair]:
        """Candidates named in one sentence within ``WINDOW`` characters of each other, read
        from the words and the parse between their closest mentions."""
        for index in sorted(self.named):
            spans = self.named[index]
            if len(spans) < 2:
                continue
            counts: dict[str, int] = {}
            for name in spans:
                label = self.out.entities[name].label
                counts[label] = counts.get(label, 0) + 1
            sentence = self.body[index]
            for (one, two), (a, b) in sorted(_closest(spans).items()):
                for source, target, x, y in ((one, two, a, b), (two, one, b, a)):
                    left, right = self.out.entities[source], self.out.entities[target]
                    types = self.types(left, right, asked)
                    if not types:
                        continue
                    pair = f"{left.label}>{right.label}"
                    features = self.shared(pair, left, right)
                    features += [f"{pair}|nt={bucket(counts[right.label])}",
                                 f"{pair}|ns={bucket(counts[left.label])}"]
                    features += self.words(pair, x, y, index)
                    yield Pair(source, target, types, tuple(sorted(set(features))),
                               ((sentence.start, sentence.end),), True)

    def words(self, pair: str, a: Span, b: Span, index: int) -> list[str]:
        """Features of the text and the parse between mention ``a`` and mention ``b``."""
        one, two = self.span(a), self.span(b)
        if one is None or two is None:
            return [f"{pair}|nospan"]
        t = self.tokens
        first, second = (one, two) if one.start <= two.start else (two, one)
        gap = second.start - first.end
        found = [f"{pair}|{'s' if first is one else 't'}first",
                 f"{pair}|d{bucket(max(gap, 0))}"]
        if gap < 0:
            found.append(f"{pair}|overlap")
        if 0 < gap <= BETWEEN:
            found += [f"{pair}|bw={t.lemma[i]}" for i in range(first.end, second.start)
                      if t.alpha[i]]
        if 0 < gap <= SEQUENCE:
            found.append(f"{pair}|seq={' '.join(t.lower[first.end:second.start])}")
        elif gap > BETWEEN:
            found.append(f"{pair}|far")
        if first.start > 0:
            found.append(f"{pair}|pre={t.lower[first.start - 1]}")
        if second.end < len(t.lower):
            found.append(f"{pair}|post={t.lower[second.end]}")
        x, y = one.root.i, two.root.i
        found += t.path(pair, x, y)
        found.append(f"{pair}|root={t.lemma[t.sentence_root[x]]}")
        found += [f"{pair}|sv={verb}" for verb in self.verbs(index)]
        found.append(f"{pair}|sw={t.lemma[x]}")
        found.append(f"{pair}|tw={t.lemma[y]}")
        found.append(f"{pair}|sh={t.dep[x]}>{t.lemma[t.head[x]]}")
        found.append(f"{pair}|th={t.dep[y]}>{t.lemma[t.head[y]]}")
        return found

    def far(self, asked: frozenset[str]) -> Iterator[Pair]:
        """Candidates no sentence names together, read from the report as a whole; the
        target is one of the ``FAR_RANK`` most named entities of its label (nine in ten
        such relations in the dev gold are), so a long report's pairs grow linearly."""
        targets = [e for e in self.entities if self.rank[e.id] < FAR_RANK]
        places = {e.id: set(found) for e, found in
                  ((e, self.where[e.id]) for e in self.entities) if found}
        for source in self.entities:
            for target in targets:
                if source.id == target.id or source.id not in places or \
                        target.id not in places or \
                        not asked.intersection(open_types(source.label, target.label)) or \
                        places[source.id] & places[target.id]:
                    continue
                here, there = self.where[source.id], self.where[target.id]
                types = self.types(source, target, asked)
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


def _closest(spans: dict[str, list[Span]]) -> dict[tuple[str, str], tuple[Span, Span]]:
    """For each two entities (in id order) with mentions within ``WINDOW`` characters, their
    closest mentions (the first in text order on a tie), in the same order as the ids."""
    mentions = sorted((span, name) for name, found in spans.items() for span in found)
    closest: dict[tuple[str, str], tuple[int, Span, Span]] = {}
    for i, (a, one) in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b, two = mentions[j]
            if b[0] - a[1] > WINDOW:
                break
            if one == two:
                continue
            key, ends = ((one, two), (a, b)) if one < two else ((two, one), (b, a))
            if key not in closest or b[0] - a[0] < closest[key][0]:
                closest[key] = (b[0] - a[0], *ends)
    return {key: (a, b) for key, (_, a, b) in closest.items()}
