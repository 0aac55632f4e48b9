"""Phases and stages of an event: ``a five-day harbour phase``, ``the live-fire stage``, ``the
final stage, a combined-arms live-fire exercise``. Each becomes an Exercise of its own, named
after the event it belongs to (``AMNEX 2026 harbour phase``) and PART_OF it, so what the
report says of the phase (who observes it, where it is held) stays with the phase."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from graph.model import merge_list
from ingest.extract.discourse import salient
from ingest.extract.facts import Entity, Extraction, Mention
from ingest.extract.scan import tokens, words
from ingest.extract.slugs import slug
from ingest.extract.syntax import Annotated

PHASES = frozenset(("phase", "stage"))
SUB_EVENTS = {"landing": frozenset(("amphibious", "beach")),
              "jump": frozenset(("parachute", "paratroop", "paratrooper", "airborne")),
              "crossing": frozenset(("river", "wet-gap", "gap")),
              "demonstration": frozenset(("live-fire", "fire", "firepower"))}
"""Manoeuvres a report tells of as an event's part in its own right (``an amphibious landing``,
``a parachute jump``, ``a river crossing``, ``a live-fire demonstration``), each known by the
word that says what it is."""
_PHASES = words(PHASES | SUB_EVENTS.keys())
"""``PHASES`` and ``SUB_EVENTS`` as ``scan.tokens`` finds them."""
MODIFIERS = frozenset(("compound", "amod", "nmod"))
POSITIONAL = frozenset((
    "final", "first", "second", "third", "fourth", "last", "next", "initial", "active",
    "main", "opening", "closing", "early", "late", "later", "previous", "new", "current",
    "this", "that", "each", "every", "other", "same",
))
"""Words that place a phase in order rather than say what it is (no phase of its own)."""
EXERCISE_NOUNS = frozenset(("exercise", "drill", "drills", "manoeuvres", "maneuvers",
                            "assault", "landing", "raid", "attack", "shoot"))
"""What a phase may be in apposition with: ``a combined live-fire assault, the final stage``."""
ORDINALS = frozenset(("first", "second", "third", "fourth", "fifth"))
"""Ordinals that name a phase by its place when nothing says what it is: ``the first phase``."""
CLOSING = frozenset(("final",))
"""Words placing a phase last, which name it by that place as ordinals do once the event is
said to run in phases (``It was held in three phases. ... In the final phase, off Natal``)."""
COUNTED_REACH = 2000
"""How far back (characters) the words saying an event runs in phases may stand."""
EVENT_NOUNS = frozenset(("exercise", "exercises", "drill", "drills", "manoeuvres",
                         "maneuvers", "operation", "offensive", "campaign", "mission",
                         "deployment", "training", "games", "competition"))
"""What a phase ``of`` an unnamed thing must be a phase of to be an event's."""
_ORDINALS = words(ORDINALS)
IN_PHASES = re.compile(r"\b(?:two|three|four|five|[2-5])\s+(?:phases|stages)\b", re.I)
"""An event said to run in phases, after which ``The first, ...`` is its first phase."""
PARENTS = ("Exercise", "Operation")
LIFTED = ("PARTICIPATED_IN", "HOSTED", "RUNS", "HELD_IN")
"""What is said of a phase that holds for the whole event."""


@dataclass(frozen=True)
class Phase:
    """A phase found in the report, the event it is part of and the word that names it
    (``stage`` in ``the final stage, a live-fire exercise``)."""

    mention: Mention
    event: Mention
    token: int


def _describing(token: Token) -> list[Token]:
    """The modifiers that say what kind of phase ``token`` is (not its length or order)."""
    kept = []
    for child in token.lefts:
        if child.dep_ not in MODIFIERS:
            continue
        words = list(child.subtree)
        if any(w.like_num or w.lower_ in ("day", "week", "month") or w.lower_ in POSITIONAL
               for w in words):
            continue
        kept.append(child)
    return kept


def _phrase(token: Token) -> tuple[int, int] | None:
    """The characters from the first describing modifier to ``token``, if any."""
    kept = _describing(token)
    if not kept:
        return None
    first = min((word.left_edge for word in kept), key=lambda word: word.i)
    while first.dep_ in ("det", "poss", "predet") and first.i < token.i:
        first = first.doc[first.i + 1]
    return first.idx, token.idx + len(token.text)


def _ordinal(annotated: Annotated, token: Token) -> tuple[int, int] | None:
    """``first phase`` in ``the first phase`` or ``a second phase of the operation``: an
    ordinal phase of an event (not ``the first phase of the contract``, nor one that ``was a
    command-post exercise``, found as that)."""
    counted = IN_PHASES.search(annotated.text, max(0, token.idx - COUNTED_REACH), token.idx)
    ordinals = [c for c in token.lefts if c.dep_ == "amod" and
                (c.lower_ in ORDINALS or (counted and c.lower_ in CLOSING))]
    if not ordinals:
        return None
    if token.dep_ == "nsubj" and token.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lower_ in EXERCISE_NOUNS for c in token.head.children):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                named = annotated.mention(pobj) or annotated.events.get(pobj.i)
                if (named is None or named.label not in PARENTS) and \
                        pobj.lower_ not in EVENT_NOUNS:
                    return None
    return ordinals[0].idx, token.idx + len(token.text)


def _whole(token: Token) -> tuple[int, int]:
    """``token``'s noun phrase without its determiner: ``five-day harbour phase``."""
    first = token.left_edge
    while first.dep_ in ("det", "poss", "predet") and first.i < token.i:
        first = first.doc[first.i + 1]
    return first.idx, token.idx + len(token.text)


def _parent(annotated: Annotated, token: Token, events: list[Mention]) -> Mention | None:
    """The event a phase belongs to: ``the sea phase of Malabar 2024``, else the event the
    report has told most of before it (its edition, ``Cold Response 26``, over the
    series, even where the headline names the series before the edition)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                named = annotated.mention(pobj) or annotated.events.get(pobj.i)
                if named is not None and named.label in PARENTS:
                    return named
    before = [m for m in events if m.end <= token.idx and m.text[:1].isupper()]
    last = salient(before)
    if last is None:
        return None
    editions = [m for m in events if m.name.startswith((f"{last.name} ", f"{last.name}-"))]
    earlier = [m for m in editions if m.end <= token.idx]
    return earlier[-1] if earlier else editions[0] if editions else last


def phases(annotated: Annotated) -> list[Phase]:
    """Every described phase of the report with the event it is part of."""
    text = annotated.text
    events = sorted((m for m in annotated.mentions
                     if m.label in PARENTS and m.role != "qualifier"), key=lambda m: m.start)
    found = []
    told: dict[str, Phase] = {}
    for token in tokens(annotated.doc, LEMMA, _PHASES):
        if token.tag_ != "NN" or \
                annotated.mention(token) is not None:
            continue
        span, head = _phrase(token), token
        if token.lemma_ in SUB_EVENTS:
            part = _sub_event(token, told)
            if part is not None:
                found.append(part)
                told.setdefault(token.lemma_, part)
            elif span is not None and token.dep_ != "compound" and \
                    any(c.lower_ in SUB_EVENTS[token.lemma_] for c in _describing(token)):
                event = _parent(annotated, token, events)
                if event is not None:
                    told[token.lemma_] = _part(annotated, token, span, event)
                    found.append(told[token.lemma_])
            continue
        if span is None:
            apposed = [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ == "appos":
                apposed.append(token.head)
            head = next((t for t in apposed if t.lower_ in EXERCISE_NOUNS), None)
            span = _phrase(head) if head is not None else None
        event = _parent(annotated, token, events)
        if event is None:
            continue
        label = "Exercise"
        if span is None:
            span, head, label = _ordinal(annotated, token), token, event.label
        if span is None or head is None:
            continue
        phrase = " ".join(text[span[0]:span[1]].split())
        name = f"{event.name} {phrase}"
        start, end = _whole(head)
        found.append(Phase(Mention(start, end, text[start:end], label, slug(name), name,
                                   "phase", rule="event.phase", confidence=0.6), event,
                           token.i))
    return _renamed(annotated, _unshown(annotated, found)) + _elliptic(annotated, events)


def _unshown(annotated: Annotated, found: list[Phase]) -> list[Phase]:
    """Without a demonstration of what a phase of the same event is (``the final live-fire
    demonstration`` of an exercise with a ``live-fire phase``): the phase shown, not another."""
    doc = annotated.doc
    phased = {(p.event.id, word) for p in found if doc[p.token].lemma_ in PHASES
              for word in p.mention.name.lower().replace("-", " ").split()}
    return [p for p in found if doc[p.token].lemma_ != "demonstration" or not any(
        (p.event.id, word) in phased for word in SUB_EVENTS["demonstration"])]


def _part(annotated: Annotated, token: Token, span: tuple[int, int], event: Mention) -> Phase:
    """A described part of ``event`` (``amphibious landing``) named after the event."""
    text = annotated.text
    name = f"{event.name} {' '.join(text[span[0]:span[1]].split())}"
    start, end = _whole(token)
    return Phase(Mention(start, end, text[start:end], "Exercise", slug(name), name, "phase",
                         rule="event.phase", confidence=0.6), event, token.i)


def _sub_event(token: Token, told: dict[str, Phase]) -> Phase | None:
    """``the landing`` after ``an amphibious landing``: the part told of before, again."""
    earlier = told.get(token.lemma_)
    if earlier is None or token.dep_ == "compound" or _describing(token) or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    return Phase(replace(earlier.mention, start=token.idx, end=token.idx + len(token.text),
                         text=token.text, confidence=0.55), earlier.event, token.i)


def _leading(annotated: Annotated) -> list[Token]:
    """Ordinals standing alone as a subject after an event is said to run in phases."""
    return [token for token in tokens(annotated.doc, LOWER, _ORDINALS)
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "JJ" and
            any(c.dep_ == "det" for c in token.children) and
            IN_PHASES.search(annotated.text, max(0, token.idx - 300), token.idx)]


def _renamed(annotated: Annotated, found: list[Phase]) -> list[Phase]:
    """``The second, the live phase, ...`` then ``the second phase``: the phase named by its
    place is the one named in apposition to that place."""
    named = {}
    for token in _leading(annotated):
        for child in token.children:
            phase = next((p for p in found if p.token == child.i), None)
            if child.dep_ == "appos" and phase is not None:
                named[(phase.event.id, f"{phase.event.name} {token.lower_} phase")] = phase
    renamed = []
    for phase in found:
        same = named.get((phase.event.id, phase.mention.name))
        if same is not None:
            phase = Phase(replace(phase.mention, id=same.mention.id, name=same.mention.name,
                                  label=same.mention.label), phase.event, phase.token)
        renamed.append(phase)
    return renamed


def _elliptic(annotated: Annotated, events: list[Mention]) -> list[Phase]:
    """``It runs in two phases. The first, a command post exercise, ...``: an ordinal standing
    alone as a subject after the event is said to run in phases names one of them, by the
    exercise it is told to be or else by its place (``first phase``); one told to be a
    named phase (``The second, the live phase``) is found as that."""
    text = annotated.text
    found = []
    for token in _leading(annotated):
        if annotated.mention(token) is not None:
            continue
        apposed = [c for c in token.children if c.dep_ == "appos"]
        if any(c.lemma_ in PHASES for c in apposed):
            continue
        event = _parent(annotated, token, events)
        if event is None:
            continue
        exercise = next((c for c in apposed if c.lower_ in EXERCISE_NOUNS), None)
        span = _phrase(exercise) if exercise is not None else None
        phrase = " ".join(text[span[0]:span[1]].split()) if span else f"{token.lower_} phase"
        name = f"{event.name} {phrase}"
        label = "Exercise" if span else event.label
        start, end = token.idx, token.idx + len(token.text)
        found.append(Phase(Mention(start, end, text[start:end], label, slug(name), name,
                                   "phase", rule="event.phase", confidence=0.55), event,
                           token.i))
    return found


def lift(annotated: Annotated, out: Extraction) -> None:
    """Each phase PART_OF its event (one named by its ordinal alone, ``The first``, known as
    the ``first phase`` too), and who took part in, hosted or ran a phase and where it
    was held said of the whole event too; a series a sentence dates to another year stands
    there for that year's edition (see ``dated_editions``)."""
    dated_editions(annotated, out)
    for phase, event in annotated.parts:
        if phase.id not in out.entities or event.id not in out.entities:
            continue
        if phase.text.lower() in ORDINALS:
            entity = out.entities[phase.id]
            entity.aliases = merge_list(entity.aliases, [f"{phase.text.lower()} phase"])
        out.relate("PART_OF", phase.id, event.id, phase.span, phase.rule, phase.confidence)
        for relation in list(out.relations.values()):
            if relation.type in LIFTED and phase.id in (relation.source, relation.target):
                source, target = (event.id if end == phase.id else end
                                  for end in (relation.source, relation.target))
                out.relate(relation.type, source, target, relation.spans[0], relation.rule,
                           relation.confidence)


DATED_BY = frozenset(("in", "during"))
"""Prepositions dating what a clause tells of to a year (``took part in Balikatan in 2025``);
``since`` or ``until`` date a stretch of the series, not one edition of it."""
YEAR_WORD = re.compile(r"(?:19|20)\d\d")
MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"))
NUMBERED = re.compile(r"(?:[\s-]\d{1,4}|\s[IVXL]+|\))$")
"""A name that is an edition already: ``Cobra Gold 2024``, ``Nile Eagles-3``, ``UNITAS
LXVII``, ``Nile Eagles (2020)``."""
NAMING = frozenset(("know", "call", "name", "dub", "title"))
"""Verbs of a clause that only names a series (``the series, known as X, was last held``)."""
CLAUSES = frozenset(("relcl", "acl"))
HOLDING = frozenset(("hold", "host", "take", "join", "participate", "conduct", "stage", "train",
                     "exercise", "attend", "send", "deploy", "lead", "run", "organise",
                     "organize", "bring", "observe", "drill", "fly", "sail", "land", "compete",
                     "co-host", "cohost", "direct", "command"))
"""Verbs telling of an edition held, hosted or taken part in (not of a series begun or
endorsed in a year)."""
EDITION_RULE = "exercise.other_edition"


def _dates(sentence: Span, published: int | None) -> list[tuple[Token, list[int]]]:
    """Where a sentence dates a clause to years before the report's: the word the date hangs
    on (``in`` of ``in 2023 and 2025``, ``year`` of ``last year``) and its years (a coming
    edition is told of as planned, which its name says)."""
    found: dict[int, tuple[Token, list[int]]] = {}
    doc = sentence.doc
    for token in sentence:
        if token.lower_ == "year" and token.i > sentence.start and published and \
                doc[token.i - 1].lower_ == "last" and \
                not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("'s", "’s")):
            found.setdefault(token.i, (token, []))[1].append(published - 1)
        elif token.like_num and YEAR_WORD.fullmatch(token.text) and \
                (published is None or int(token.text) < published):
            anchor = token
            while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
                anchor = anchor.head
            if anchor.dep_ in ("nummod", "compound") and anchor.head.lower_ in MONTHS:
                anchor = anchor.head
            if anchor.dep_ == "pobj" and anchor.head.lower_ in DATED_BY:
                found.setdefault(anchor.head.i, (anchor.head, []))[1].append(int(token.text))
    return list(found.values())


def _clause(token: Token) -> Token:
    """The verb of the clause ``token`` stands in (the root when none is nearer)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _dated_in(series: Token, verb: Token) -> bool:
    """Whether the clause of ``verb`` tells of the series named at ``series``: the series is
    in that clause (not in another one within it, except one that only names it), or the
    clause qualifies the series (``Arctic Light, in which ... took part last year``)."""
    noun = series
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    group = {series.i, noun.i, *(c.i for c in noun.children if c.dep_ == "appos")}
    if noun.dep_ == "appos":
        group.add(noun.head.i)
    if verb.dep_ in CLAUSES and verb.head.i in group:
        return True
    token = noun
    while token.i != verb.i:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i != verb.i and token.pos_ in ("VERB", "AUX") and \
                not (token.dep_ in CLAUSES and token.lemma_ in NAMING):
            return False
    return True


def _dated_series(annotated: Annotated, mention: Mention, published: int | None
                  ) -> tuple[list[int], tuple[int, int] | None]:
    """The years a sentence dates the series ``mention`` names to (none when it names an
    edition, or when its clauses give it several dates), and the characters of the clause
    dating it when that is a relative clause on the series (``Arctic Light, in which ...
    took part last year``: the rest of the sentence tells of the series)."""
    if mention.label != "Exercise" or mention.role == "qualifier" or \
            mention.kind == "phase" or NUMBERED.search(mention.name) or \
            not mention.name[:1].isupper():
        return [], None
    span = annotated.span(mention)
    if span is None or len(span) == 0:
        return [], None
    head = span.root
    dates = [(years, verb) for anchor, years in _dates(head.sent, published)
             if (verb := _clause(anchor)).lemma_ in HOLDING and _dated_in(head, verb)]
    if len(dates) != 1:
        return [], None
    years, verb = dates[0]
    clause = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)) \
        if verb.dep_ == "relcl" and not verb.left_edge.i <= head.i <= verb.right_edge.i else None
    return list(dict.fromkeys(years)), clause


def dated_editions(annotated: Annotated, out: Extraction) -> None:
    """A series named in a sentence that dates it to another year than the report's
    (``Canada took part in Balikatan as an observer in 2025``, ``the series, known as X, was
    last held in Kenya in 2023``) stands there for that year's edition (for each year, when
    the date gives several): what the sentence says of it is said of the edition, which is
    known by the series' names too. The edition is PART_OF the series the report tells of
    elsewhere, or in a clause the date is not in (not when the report names an edition of
    its own); a series told of only so is that edition."""
    published = int(annotated.published[:4]) if annotated.published else None
    # By series: the sentences dating it, and the editions they name.
    dated: dict[str, tuple[set[tuple[int, int]], list[str]]] = {}
    for mention in annotated.mentions:
        series = out.entities.get(mention.id)
        if series is None:
            continue
        editions = []
        years, clause = _dated_series(annotated, mention, published)
        for year in years:
            name = f"{mention.name} {year}"
            edition = out.add(Mention(mention.start, mention.end, mention.text, "Exercise",
                                      slug(name), name, rule=EDITION_RULE, confidence=0.6))
            edition.aliases = merge_list(edition.aliases, series.aliases)
            editions.append(edition.id)
        if not editions:
            continue
        spans, known = dated.setdefault(series.id, (set(), []))
        sentence = annotated.span(mention).root.sent
        spans.add((sentence.start_char, sentence.end_char))
        known += [edition for edition in editions if edition not in known]
        for relation in list(out.relations.values()):
            if mention.id not in (relation.source, relation.target):
                continue
            here = [span for span in relation.spans if span[0] <= mention.start < span[1]]
            other = relation.target if relation.source == mention.id else relation.source
            if not here or (clause is not None and not any(
                    clause[0] <= start < clause[1] for start, _ in out.entities[other].spans)):
                continue
            for edition in editions:
                source, target = (edition if end == mention.id else end
                                  for end in (relation.source, relation.target))
                for span in here:
                    out.relate(relation.type, source, target, span, relation.rule,
                               relation.confidence)
            relation.spans = [span for span in relation.spans if span not in here]
            if not relation.spans:
                del out.relations[relation.key]
    for series_id, (spans, editions) in dated.items():
        series = out.entities[series_id]
        if all(any(start <= at < end for start, end in spans) for at, _ in series.spans) and \
                not any(series_id in (r.source, r.target) for r in out.relations.values()):
            out.merge(series_id, editions[0])
        elif not _edition_of(out, series):
            for edition in editions:
                start, end = out.entities[edition].spans[0]
                out.relate("PART_OF", edition, series_id, (start, end), EDITION_RULE, 0.5)


def _edition_of(out: Extraction, series: Entity) -> bool:
    """Whether the report names an edition of ``series`` as its own (``Balikatan 2026``)."""
    return any(e.label == "Exercise" and e.rule != EDITION_RULE and
               e.properties.get("kind") != "phase" and
               e.name.startswith((f"{series.name} ", f"{series.name}-")) and
               NUMBERED.search(e.name) for e in out.entities.values())
