"""Extract the entities and relations of one report: sentences, mentions, then patterns.

Deterministic and offline: the same text always gives the same facts, each with its
evidence span, the rule that produced it and a confidence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from graph.vocabulary import JOINABLE_LABELS
from ingest.extract import identity
from ingest.extract.attach import drills_at, parent_services, signed_at_meetings
from ingest.extract.blocs import memberships
from ingest.extract.dates import find_dates, infer_published
from ingest.extract.discourse import refer, refer_recorded
from ingest.extract.facts import Extraction, Mention
from ingest.extract.formations import fleets, formations, named_within, nearest, posted, rotations
from ingest.extract.gazetteer import Gazetteer, default, extras
from ingest.extract.geography import body_sites, compass_parts, locate
from ingest.extract.learned.linker import FAMILY as LINKER
from ingest.extract.learned.linker import link
from ingest.extract.matching import apply_rules, matches
from ingest.extract.mentions import resolve_mentions
from ingest.extract.names import called_not_person, unlike_person
from ingest.extract.nlp import parse, text_of
from ingest.extract.patterns import (
    agreements,
    exercises,
    meetings,
    operations,
    participants,
    roles,
    structure,
    ties,
    venues,
)
from ingest.extract.patterns.context import Article, Context
from ingest.extract.patterns.events import remember
from ingest.extract.phases import lift, phases
from ingest.extract.places import DATELINE, own_case
from ingest.extract.rulebook import Rule
from ingest.extract.sentences import Sentence, split
from ingest.extract.status import mark
from ingest.extract.syntax import Annotated, annotate, ner_mentions, nest

PATTERNS: tuple[Callable[[Context], None], ...] = (
    exercises.exercises, agreements.agreements, agreements.dated, agreements.mandates,
    meetings.sittings, meetings.series, meetings.meetings, meetings.gatherings,
    meetings.sessions, meetings.exhibitions, meetings.named_meetings,
    operations.operations, operations.rotations,
    operations.programs, operations.activities, operations.courses, operations.trainings,
    roles.roles, participants.participants, venues.places, meetings.parties, meetings.twins,
    meetings.within_visit, meetings.ceremonies, meetings.port_calls, meetings.called_at,
    meetings.calls, meetings.site_visits, meetings.visit_legs, meetings.honours,
    meetings.receptions, structure.parts,
    ties.membership, ties.staff, ties.bloc_events, ties.cooperation, ties.training, ties.fighting,
    ties.deployment,
)
"""The relation patterns, run on each sentence in this order: events are recognised first,
then people's roles, then who took part in the events and where, then standing ties."""


def family(pattern: Callable[[Context], None]) -> str:
    """A hand-written pattern's family name: ``ties.cooperation``."""
    return f"{pattern.__module__.rsplit('.', 1)[-1]}.{pattern.__name__}"


FAMILIES = tuple(family(pattern) for pattern in PATTERNS)
"""The hand-written pattern families, by name (what ``extract(..., without=)`` takes)."""


def extract(text: str, article: str, published: str | None = None,
            gazetteer: Gazetteer | None = None, doc: Doc | None = None,
            without: frozenset[str] = frozenset()) -> Extraction:
    """The facts proposed for the report ``text`` (``published``: its ISO date, if known;
    ``doc``: its parse, when already parsed in a batch; ``without``: families left out, a
    hand-written one by name or a pattern file by its stem, to measure what each adds)."""
    sentences = split(text)
    annotated, out, memory = sentence_facts(text, article, published, gazetteer, doc, without,
                                            sentences)
    apply_rules(annotated, out, without)
    lift(annotated, out)
    mark(annotated, out)
    locate(annotated, out)
    memberships(annotated, out, sentences, memory.published)
    signed_at_meetings(out, sentences)
    drills_at(out, sentences)
    finish(out, annotated.mentions)
    agreements.joint_signers(out, sentences)
    agreements.signings(out, sentences)
    named_within(out)
    formations(out, sentences)
    rotations(out)
    fleets(out, sentences)
    nearest(out)
    posted(out)
    parent_services(out)
    body_sites(out)
    structure.sending_states(out)
    roles.leaders(memory, out, annotated.mentions)
    meetings.visit_hosts(out)
    meetings.visitor_states(memory, out)
    meetings.visit_parts(memory, out)
    meetings.visited_events(out)
    meetings.visit_towns(out)
    meetings.reception_ships(out)
    meetings.ceremony_towns(out)
    meetings.venue_names(out)
    compass_parts(annotated, out)
    if LINKER not in without:
        link(out, annotated.doc, sentences)
    out.settle()
    return out


def sentence_facts(text: str, article: str, published: str | None = None,
                   gazetteer: Gazetteer | None = None, doc: Doc | None = None,
                   without: frozenset[str] = frozenset(),
                   sentences: list[Sentence] | None = None
                   ) -> tuple[Annotated, Extraction, Article]:
    """The report read, and what the hand-written families find sentence by sentence, with
    the events they recorded from descriptions tied to the parse for the pattern files
    (``sentences``: the report split, when the caller has split it)."""
    patterns = [p for p in PATTERNS if family(p) not in without]
    sentences = sentences if sentences is not None else split(text)
    published = published or infer_published(text)
    annotated = read(text, sentences, gazetteer, doc)
    annotated.published = published
    mentions = annotated.mentions
    starts = [m.start for m in mentions]
    dates = find_dates(text, published)
    out = Extraction(article, text)
    lower = text.lower()
    memory = Article(published=published, home=home(mentions),
                     dateline=dateline_state(text, sentences),
                     lower=lower if len(lower) == len(text) else None)
    for mention in mentions:
        out.add(mention)
    for sentence in sentences:
        if sentence.heading:
            continue
        memory.sentence += 1
        inside = [m for m in mentions[bisect_left(starts, sentence.start):
                                      bisect_left(starts, sentence.end)]
                  if m.end <= sentence.end]
        ctx = Context(text, sentence, inside,
                      [d for d in dates if sentence.start <= d.start < sentence.end],
                      memory, out)
        for pattern in patterns:
            pattern(ctx)
        for mention in inside:
            if mention.label in JOINABLE_LABELS and mention.kind != "phase" and \
                    mention.id in out.entities:
                remember(ctx, mention)
        memory.remember(ctx.states_named())
        memory.remember_people(ctx.persons())
    described(annotated, out)
    refer_recorded(annotated)
    return annotated, out, memory


def read(text: str, sentences: list[Sentence], gazetteer: Gazetteer | None = None,
         doc: Doc | None = None) -> Annotated:
    """The report's parse with its mentions (dictionaries, name rules, then NER) tied to
    it, and event descriptions tied to the events they refer to; a body the NER finds only
    inside an office's title (``the Chief of the Defence Forces``) is the title's to imply."""
    gazetteer = gazetteer or default()
    doc = doc if doc is not None else parse(text)
    terms = gazetteer.find(text)  # looked up once: for the mentions and for the titles
    mentions = resolve_mentions(text, sentences, gazetteer, terms)
    body = [sentence for sentence in sentences if not sentence.heading]
    parsed = text_of(doc)
    titles = [(m.start, m.end) for m in terms if m.label == "Title"]
    found = [m for m in ner_mentions(doc, mentions, body, gazetteer.knows, parsed)
             if not (m.rule == "ner.org" and any(a <= m.start and m.end <= b for a, b in titles))]
    mentions = nest(sorted([m for m in (*mentions, *found)
                            if not _ship_class(text, m) and not unlike_person(m)
                            and not called_not_person(text, m)],
                           key=lambda m: (m.start, m.role == "qualifier")))
    annotated = annotate(doc, mentions, parsed)
    refer(annotated)
    for phase in phases(annotated):
        annotated.mentions.append(phase.mention)
        annotated.tie(phase.mention)
        if annotated.mention(annotated.doc[phase.token]) is None:
            annotated.events[phase.token] = phase.mention
        annotated.parts.append((phase.mention, phase.event))
    annotated.mentions.sort(key=lambda m: (m.start, m.role == "qualifier"))
    return annotated


def _ship_class(text: str, mention: Mention) -> bool:
    """Whether a place's or person's name names a class of ships (``Santa María-class
    frigates``, ``Knud Rasmussen-class vessels``): the class is named after the first ship,
    not the place or the person."""
    return mention.label in ("Location", "Person") and \
        text.startswith(("-class", "–class"), mention.end)


def described(annotated: Annotated, out: Extraction) -> None:
    """Tie to the parse the events the sentence patterns recorded from their descriptions
    (``signed a contract with X``), so the relation patterns see them too."""
    read_before = {mention.id for mention in annotated.mentions}
    for entity in out.entities.values():
        if entity.label not in JOINABLE_LABELS or entity.id in read_before:
            continue
        for start, end in entity.spans:
            span = annotated.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0 or annotated.mention(span.root) is not None \
                    or span.root.i in annotated.events:
                continue
            annotated.tie(Mention(start, end, out.text[start:end], entity.label, entity.id,
                                  entity.name, entity.properties.get("kind"),
                                  rule=entity.rule, confidence=entity.confidence))


def rule_yield(rule: Rule, text: str) -> set[tuple[str, str]]:
    """The ``(source, target)`` surface texts that ``rule`` alone finds in ``text``: what
    the pattern files' examples are checked against."""
    annotated = sentence_facts(text, "example")[0]
    return {(source.text, target.text)
            for _, source, target, _, _ in matches(annotated, (rule,))}


def home(mentions: list[Mention]) -> str | None:
    """The state a report is most about: its dateline's (``MAPUTO —``), else the one it
    names most often."""
    dateline = next((m for m in mentions if m.rule == "place.dateline"), None)
    if dateline is not None:
        if dateline.role.startswith("in:"):
            return dateline.role[3:]
        capital = next((m.id for m in default().find(dateline.name)
                        if m.label == "Country" and m.role == "capital"), None)
        if capital:
            return capital
        if extras().get(("Location", dateline.id)):
            return extras()[("Location", dateline.id)]
    counts = Counter(m.id for m in mentions if m.label == "Country")
    return counts.most_common(1)[0][0] if counts else None


def dateline_state(text: str, sentences: list[Sentence]) -> str | None:
    """The state of the city opening the report's first dateline (``KARACHI —``, ``ALTA,
    Norway —``): the state named with it, the one it is the capital of, or the one the
    dictionaries place it in; a local report's bare titles are that state's."""
    for sentence in sentences:
        if sentence.heading or (sentence.start and text[sentence.start - 1] != "\n"):
            continue
        match = DATELINE.match(text, sentence.start, sentence.end)
        if match is None:
            continue
        found = default().find(match["where"] or "") + default().find(
            own_case(text, match["city"]))
        for term in found:
            if term.label == "Country":
                return term.id
            if term.label == "Location" and extras().get(("Location", term.id)):
                return extras()[("Location", term.id)]
        return None
    return None


def finish(out: Extraction, mentions: list[Mention]) -> None:
    """Ties that follow from the mentions themselves (see ``structure.bodies``), the forces of
    states at war fighting each other, and confidence raised by corroboration."""
    structure.bodies(out, mentions)
    structure.sectors(out, mentions)
    identity.editions(out)
    identity.agreements(out)
    identity.joint_documents(out)
    structure.forces_at_war(out)
    structure.ships(out)
    structure.service_ships(out, mentions)
    structure.contributors(out)
    identity.offices(out)
    identity.services(out)
    identity.ships(out)
    identity.coded_units(out)
    identity.ventures(out)
    structure.stateless(out)
    structure.regional_guards(out)
    structure.hosts(out)
    structure.sending_states(out)
    structure.not_hosts(out)
    structure.organs(out)
    structure.company_states(out)
    structure.signed_for(out)
    agreements.body_states(out)
    structure.trainees(out)
    structure.services(out)
    structure.forces_in_names(out)
    identity.own_names(out)
    identity.core_names(out)
    identity.seated_names(out)
    identity.phrase_aliases(out)
    corroborate(out)


def corroborate(out: Extraction) -> None:
    """A relation read in several sentences is surer than one read once: its confidence
    rises a little with each further piece of evidence."""
    for relation in out.relations.values():
        if len(relation.spans) > 1:
            relation.confidence = round(min(0.9, relation.confidence +
                                            0.05 * (len(relation.spans) - 1)), 2)
