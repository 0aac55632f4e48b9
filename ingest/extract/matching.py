"""Run the relation patterns of ``ingest/extract/rules`` on a parsed report.

A pattern's ``source`` and ``target`` anchors are tokens; each stands for the mentions it
heads, for the actors a group noun names (``Kazakh troops``, ``special forces of A, B and
C``), for the event a description refers to, for what a role noun's apposition names
(``its chief executive, A``), and for every conjunct coordinated with it (``A, B and C``),
so one match yields one relation per pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import numpy as np
from spacy.tokens import Span, Token

from ingest.extract.depmatch import (
    Checks,
    Compiled,
    Table,
    Test,
    compile_pattern,
    find,
    lookups,
)
from ingest.extract.discourse import salient
from ingest.extract.facts import Extraction, Mention
from ingest.extract.names import SERVICE_PLURALS, service_of
from ingest.extract.rulebook import Rule, rules
from ingest.extract.syntax import ROLE_WORDS, Annotated

BODY_NOUNS = frozenset(("initiative", "alliance", "bloc", "organisation", "organization",
                        "grouping", "forum", "coalition", "partnership", "community"))
"""Nouns a body's name can qualify and stand for it: ``the CSpO initiative``, ``the NATO
alliance``."""
GROUP_NOUNS = frozenset((
    "force", "forces", "troops", "troop", "soldier", "soldiers", "servicemen", "personnel",
    "unit", "units", "contingent", "contingents", "delegation", "delegations", "navy",
    "navies", "marines", "sailors", "officers", "team", "teams", "militaries", "military",
    "army", "armies", "commandos", "paratroopers", "specialists", "instructors", "crews",
    "warships", "ships", "vessels", "aircraft", "jets", "observers", "participants",
    "representatives", "counterparts", "minister", "ministers", "chiefs", "side", "sides",
    "government", "governments", "partners", "members", "nations", "countries", "states",
    "peacekeepers", "guardsmen", "airmen", "engineers", "medics", "cadets", "trainees",
    "recruits", "battalions", "brigades", "companies", "squadrons", "elements", "detachments",
    "province", "provinces", "region", "regions", "district", "districts", "city", "cities",
    "town", "towns", "island", "islands", "area", "areas", "capital", "rotation",
    "rotations", "deployment", "battalion", "fighters", "helicopters", "frigates",
    "destroyers", "corvettes", "submarines", "tanks", "boats", "drones", "bombers", "tankers",
    "pilots", "detachment", "squadron", "company", "platoon", "technicians", "mechanics",
    "submariners", "students", "gunners", "gang", "gangs", "militia", "militias", "rebels",
    "insurgents", "militants",
))
"""Nouns that stand for the actors they are qualified by (``Turkish troops``)."""
QUALIFIERS = frozenset(("amod", "compound", "nmod", "poss"))
COUNTED = frozenset(("countries", "nations", "states", "members", "ministers", "navies",
                     "armies", "governments", "allies"))
"""Group nouns a number turns into the states named last: ``the three countries``."""
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
FORCES = frozenset(("Unit", "Organization"))
"""What craft or men of a force (``F-16s of X``) may stand for: the force, not a state."""
TITLED_OFFICES = frozenset(("org.office_of_title",))
"""Rules of offices named by a title (``India's Defence Secretary``): in apposition with a
person's name (``..., Vikram Sood``), the title stands for the person."""
RECORDED = frozenset(("Meeting",))
"""Events the sentence patterns record from descriptions (port calls, visits, ceremonies)
that a sentence naming no event may be telling of; an exercise or operation recorded only
from a description is too often a duplicate of the named one."""
COMPLEMENTS = frozenset(("of", "to", "at", "in", "for"))
"""Prepositions of a role noun's complement: ``commander of``, ``ambassador to``."""
YEAR = re.compile(r"(?:19|20)\d\d")
"""A year as a sentence names it (``in 2024``, ``since 2017``, ``the 1970s``)."""
NOUN_CLAUSES = frozenset(("relcl", "acl", "appos"))
"""Clauses that qualify a noun: a year in one dates that noun, not the sentence."""
MODAL = frozenset(("will", "would", "could", "may", "might", "should", "shall"))
HEDGE = 0.15
"""Confidence taken off a relation stated as planned or possible (``will take part``)."""
RELATIVE = frozenset(("WDT", "WP"))
PLURAL = frozenset(("NNS", "NNPS"))
PRONOUNS = {"it": False, "its": False, "they": True, "their": True}
"""Pronouns that stand for the actor last made a subject, and whether they are plural."""


@cache
def compiled() -> tuple[tuple[Rule, Compiled], ...]:
    """Every pattern of the pattern files, compiled once per process (a node test shared by
    the patterns that test a node alike)."""
    tests: dict[Checks, Test] = {}
    return tuple((rule, compile_pattern(rule.pattern, tests)) for rule in rules())


@cache
def _words() -> dict[str, np.ndarray]:
    """The words the compiled patterns look tokens up by (what a report's table indexes)."""
    return lookups(pattern for _, pattern in compiled())


def prepare() -> None:
    """Read and compile the pattern files now: called before the extracting processes are
    forked, they share the result instead of each reading the files again."""
    _words()


def _titled_holder(annotated: Annotated, office: Mention) -> Mention | None:
    """The person named right after an office's title (``Mali's Defence Minister, General
    Ali Sow``) when the parse did not put the name in apposition."""
    span = annotated.span(office)
    if span is None or span.end >= len(annotated.doc) or annotated.doc[span.end].text != ",":
        return None
    for token in annotated.doc[span.end + 1:span.end + 6]:
        found = annotated.mention(token)
        if found is not None and found.label == "Person":
            return found
        if not token.text[:1].isupper():
            return None
    return None


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause hangs from (``the frigate,
    which took part in ...``), the person rather than the body a person is of (``Commodore
    A of the Nigerian Navy, who commands ...``); any other token stands for itself."""
    clause = token.head
    if token.tag_ not in RELATIVE or clause.dep_ != "relcl":
        return token
    noun = clause.head
    while token.tag_ == "WP" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ in ("PROPN", "NOUN"):
        noun = noun.head.head
    return noun


def _referent(annotated: Annotated, token: Token, labels: tuple[str, ...]) -> list[Mention]:
    """What ``it``, ``its``, ``they`` or ``their`` stands for: the subject of an earlier
    clause of the sentence, else of the sentence before (``The brigade landed at A. It
    secured B``), when that subject names an actor (not a person) of the labels wanted and
    no object between them does (``A will train a Kenyan company before it deploys``); an
    object holding the pronoun (``A sent a company of its special forces``) is not between
    them, and a subject holding it is not its referent, so each pronoun looked at is earlier
    than the last and the search ends."""
    plural = PRONOUNS[token.lower_]
    sentence = token.sent
    earlier = [t for t in sentence if t.right_edge.i < token.i
               and t.dep_ in ("nsubj", "nsubjpass") and t.head.i != token.head.i]
    if not earlier and sentence.start > 0:
        before = token.doc[sentence.start - 1].sent
        earlier = [t for t in before if t.dep_ in ("nsubj", "nsubjpass")
                   and t.head.i == before.root.i]
    if not earlier:
        return []
    subject = earlier[-1]
    if subject.lower_ in PRONOUNS or subject.tag_.startswith("W") or any(
            _one(annotated, t, labels) for t in subject.doc[subject.i + 1:token.i]
            if t.dep_ == "dobj" and (t.tag_ in PLURAL) == plural and t.right_edge.i < token.i):
        return []
    found = [m for m in (members(annotated, subject, labels) if plural else
                         _one(annotated, subject, labels)) if m.label != "Person"]
    return found if plural or len(found) == 1 else []


def _one(annotated: Annotated, token: Token, labels: tuple[str, ...]) -> list[Mention]:
    """The mentions ``token`` stands for, without its conjuncts."""
    if token.lower_ in PRONOUNS:
        return _referent(annotated, token, labels)
    own = annotated.mention(token)
    if own is not None and own.rule in TITLED_OFFICES:
        people = [m for child in token.children if child.dep_ == "appos"
                  for m in members(annotated, child, labels) if m.label == "Person"]
        if people:
            return people
        holder = _titled_holder(annotated, own)
        if holder is not None:
            return [holder] if holder.label in labels else []
    if own is not None and own.role != "qualifier" and not _generic(own, token):
        return [own] if own.label in labels else []
    event = annotated.events.get(token.i)
    if event is not None:
        return [event] if event.label in labels else []
    if token.pos_ == "NOUN" or token.text in ROLE_WORDS:
        named = [m for child in token.children if child.dep_ == "appos"
                 for m in members(annotated, child, labels)] or \
            _holder_past_complement(annotated, token, labels)
        if named:
            return named
    if token.lower_ in BODY_NOUNS:
        named = [m for child in token.children if child.dep_ in ("amod", "compound")
                 and (m := annotated.mention(child)) is not None
                 and m.label == "Organization" and m.role != "qualifier"]
        if len(named) == 1:
            return named if named[0].label in labels else []
    if token.lower_ not in GROUP_NOUNS:
        return _equipment(annotated, token, labels)
    service = _service(token)
    if service is not None:
        named = {m.id: m for m in reversed(annotated.mentions)}
        wanted = labels if "Country" in labels else (*labels, "Country")
        found = []
        for mention in _group(annotated, token, own, wanted):
            body = named.get(_as_service(mention, service).id) \
                if mention.label == "Country" else None
            if body is not None and body.label in labels:
                found.append(body)
            elif mention.label in labels:
                found.append(mention)
        return found
    return _group(annotated, token, own, labels)


def _service(token: Token) -> str | None:
    """The service a plural group noun names (``navies``, ``air forces``), if any: it stands
    for each state's service the report names, else for the state."""
    word = token.lower_
    if word == "forces" and any(c.dep_ == "compound" and c.lower_ == "air"
                                for c in token.children):
        word = "air forces"
    return SERVICE_PLURALS.get(word)


def _as_service(state: Mention, service: str) -> Mention:
    """The service of ``state`` a plural service noun stands for (``the navies of A``)."""
    return service_of(state, service, state.start, state.end, state.text, "matching.service")


def _group(annotated: Annotated, token: Token, own: Mention | None,
           labels: tuple[str, ...]) -> list[Mention]:
    """The mentions a group noun stands for: the states counted or qualifying it."""
    counted = _counted(annotated, token, labels)
    if counted:
        return counted
    found = []
    for child in token.children:
        if own is not None and annotated.mention(child) is own:
            continue
        if child.dep_ in QUALIFIERS:
            found += [m for t in (child, *child.conjuncts)
                      for m in _one(annotated, t, labels) if t.i != token.i]
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += members(annotated, pobj, labels)
    return found


def _holder_past_complement(annotated: Annotated, token: Token, labels: tuple[str, ...]
                            ) -> list[Mention]:
    """The person a role noun names when the parser hung the name on the noun's complement
    (``the commander of the Royal Cambodian Navy, Admiral Ouk Seyha``, ``France's
    ambassador to South Africa, Hélène Marchetti``): a state or body is never apposed by a
    person, so the person is the role's holder."""
    if "Person" not in labels:
        return []
    found: list[Mention] = []
    frontier = [token]
    for _ in range(2):
        frontier = [pobj for head in frontier for prep in head.children
                    if prep.dep_ == "prep" and prep.lower_ in COMPLEMENTS
                    for pobj in prep.children if pobj.dep_ == "pobj"]
        for pobj in frontier:
            found += [m for child in pobj.children if child.dep_ == "appos"
                      for m in [annotated.mention(child)]
                      if m is not None and m.label == "Person"]
    return found[:1]


def _equipment(annotated: Annotated, token: Token, labels: tuple[str, ...]) -> list[Mention]:
    """What craft named by their type stand for: ``Rafales of the French Air and Space
    Force``, ``Hellenic Air Force F-16s`` stand for the force that flies them (a unit or body
    named after ``of`` or before the type)."""
    craft = token.pos_ == "PROPN" and (token.tag_ == "NNPS" or (
        token.text.endswith("s") and any(c.isdigit() for c in token.text)))
    if not craft or annotated.mention(token) is not None:
        return []
    found = [m for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
             for pobj in child.children if pobj.dep_ == "pobj"
             for m in members(annotated, pobj, labels)]
    found += [m for child in token.children if child.dep_ == "compound"
              for m in [annotated.mention(child)] if m is not None and m.label in labels]
    return [m for m in found if m.label in FORCES]


def _counted(annotated: Annotated, token: Token, labels: tuple[str, ...]) -> list[Mention]:
    """``the three countries``, ``all ten ministers``: the states of the last list before it
    that names that many (``Mali, Burkina Faso and Niger``), none if no list does;
    ``both countries``: the report's two states (``_pair``)."""
    if token.lower_ not in COUNTED or "Country" not in labels:
        return []
    if any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in token.children):
        return _pair(annotated, token.idx)
    count = next((NUMBERS[c.lower_] for c in token.children
                  if c.dep_ == "nummod" and c.lower_ in NUMBERS), None)
    if count is None or count < 2 or \
            not any(c.lower_ in ("the", "all", "these") for c in token.children):
        return []
    for mention in reversed(annotated.mentions):
        if mention.label != "Country" or mention.end > token.idx:
            continue
        span = annotated.span(mention)
        if span is None:
            continue
        head = span.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        listed: dict[str, Mention] = {}
        for each in (head, *head.conjuncts):
            state = annotated.mention(each)
            if state is not None and state.label == "Country":
                listed.setdefault(state.id, state)
        if len(listed) == count:
            return list(listed.values())
    return []


def _pair(annotated: Annotated, before: int) -> list[Mention]:
    """The two states a report has named most before ``before``, the pair ``both countries``
    stands for; none when a third is named as often as the second."""
    named: dict[str, list[Mention]] = {}
    for mention in annotated.mentions:
        if mention.label == "Country" and mention.end <= before:
            named.setdefault(mention.id, []).append(mention)
    ranked = sorted(named.values(), key=len, reverse=True)
    if len(ranked) < 2 or (len(ranked) > 2 and len(ranked[2]) == len(ranked[1])):
        return []
    return [ranked[0][0], ranked[1][0]]


def _generic(mention: Mention, token: Token) -> bool:
    """A described body that is only a group noun of its states: ``special forces of A, B
    and C`` stands for A, B and C."""
    return token.lower_ in GROUP_NOUNS and mention.text[1:].islower() and any(
        child.dep_ == "prep" and child.lower_ in ("of", "from") for child in token.children)


def members(annotated: Annotated, token: Token, labels: tuple[str, ...]) -> list[Mention]:
    """The mentions ``token`` and its conjuncts stand for, each once."""
    found: dict[str, Mention] = {}
    for each in _listed(annotated, token):
        for mention in _one(annotated, each, labels):
            found.setdefault(mention.id, mention)
    return list(found.values())


def _listed(annotated: Annotated, token: Token) -> list[Token]:
    """``token`` and its conjuncts, with a list of states the parser took for an apposition
    (``the United States, Canada, the United Kingdom and France``: Canada apposed to the
    United States, the rest its conjuncts): one state is never another's apposition."""
    tokens = [token, *token.conjuncts, *_list_past_group(annotated, token)]
    label = _listable(annotated, token)
    if label is None:
        return tokens
    for each in list(tokens):
        for child in each.children:
            if child.dep_ == "appos" and _listable(annotated, child) == label and \
                    annotated.mention(child).id != getattr(annotated.mention(each), "id", None):
                tokens += [t for t in (child, *child.conjuncts) if t not in tokens]
    return tokens + [t for t in _inner_conjuncts(annotated, tokens) if t not in tokens]


def _inner_conjuncts(annotated: Annotated, tokens: list[Token]) -> list[Token]:
    """The rest of a list the parser coordinated with a word inside a listed name rather
    than with its head (``Burundi, the Democratic Republic of the Congo, Kenya and Rwanda``:
    Kenya and Rwanda conjuncts of ``Congo``): conjuncts after a state's name continue it."""
    found: list[Token] = []
    for token in tokens:
        mention = annotated.mention(token)
        if mention is None or mention.label != "Country":
            continue
        for inner in token.subtree:
            if inner.i != token.i and inner.idx < mention.end and \
                    annotated.mention(inner) is mention:
                found += [t for t in inner.conjuncts if t.idx >= mention.end]
    return found


def _list_past_group(annotated: Annotated, token: Token) -> list[Token]:
    """The rest of a list the parser coordinated with the group noun rather than with its
    first member (``Observers from the African Union, the European Union and the United
    Nations``: the two unions and the UN conjuncts of ``Observers``): names coordinated
    with a group noun that takes its members after ``from`` or ``of`` continue that list."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
        return []
    group = prep.head
    if group.lower_ not in GROUP_NOUNS or group.i > token.i:
        return []
    return [t for t in group.conjuncts if t.i > token.i and (
        annotated.mention(t) is not None or t.lower_ in GROUP_NOUNS)]


def _listable(annotated: Annotated, token: Token) -> str | None:
    """The label of a state or force that is never another's apposition (``the Indian Air
    Force, the Indonesian Air Force, ...``: a list), none for other words."""
    mention = annotated.mention(token)
    if mention is None or mention.role == "qualifier" or mention.label not in ("Country",
                                                                               "Unit"):
        return None
    return mention.label


def _hedged(table: Table, ids: list[int]) -> bool:
    """Whether the clause of the match is modal (``will join``, ``could sign``)."""
    modal = table.heading("aux", MODAL)
    return any(index in modal for index in ids)


def _negated(table: Table, ids: list[int]) -> bool:
    """Whether a word of the match is negated (``Armenia did not send troops``): the
    sentence denies the relation."""
    negated = table.heading("neg")
    return any(index in negated for index in ids)


def _events(annotated: Annotated, labels: tuple[str, ...]) -> list[Mention]:
    """The report's events of ``labels`` in text order (each description's event too, and
    the meetings the sentence patterns recorded and tied to the parse), listed once per
    report, not once per sentence."""
    count, listed = annotated.found.get(labels, (-1, []))
    if count != len(annotated.mentions) + len(annotated.heads):
        recorded = [m for m in annotated.heads.values() if m.label in RECORDED]
        found = {m.start: m for m in (*recorded, *annotated.mentions)
                 if m.label in labels and m.role != "qualifier"}
        listed = [found[start] for start in sorted(found)]
        annotated.found[labels] = (len(annotated.mentions) + len(annotated.heads), listed)
    return listed


def current_event(annotated: Annotated, sentence: Span, labels: tuple[str, ...],
                  anchor: Token | None = None) -> list[Mention]:
    """The event a sentence that names none is telling of: of those named before it, the one
    named most (the first on a tie), a named event before a described one; else none."""
    events = _events(annotated, labels)
    doc = annotated.doc
    named_here = [doc.char_span(m.start, m.end, alignment_mode="expand")
                  for m in events if sentence.start_char <= m.start < sentence.end_char]
    if any(span is None or anchor is None or not _aside(span.root, anchor)
           for span in named_here) or any(
            annotated.events.get(i) is not None and (anchor is None or
                                                     not _aside(doc[i], anchor))
            for i in range(sentence.start, sentence.end)):
        return []
    before = [m for m in events if m.end <= sentence.start_char]
    named = [m for m in before if m.text[:1].isupper()]
    event = salient(named or before)
    if event is None or (anchor is not None and
                         _elsewhen(sentence, event, annotated.published, anchor)):
        return []
    return [event]


def _elsewhen(sentence: Span, event: Mention, published: str | None, anchor: Token) -> bool:
    """Whether the clause of ``anchor`` is dated to a year other than ``event``'s (its
    name's year, else the report's): background (``stationed there since 2017``, ``in the
    1970s``) tells of no part in the event the report is about; a year in a clause that
    qualifies another noun (``the accord, signed in 2024``) dates that noun only."""
    found = YEAR.search(event.name)
    year = found.group() if found else (published or "")[:4]
    if not year:
        return False
    for token in sentence:
        if token.ent_type_ != "DATE" or not YEAR.match(token.text):
            continue
        named = token.text.removesuffix("s")
        if len(named) != 4 or named == (year[:3] + "0" if token.text.endswith("s") else year):
            continue
        if not _aside(token, anchor):
            return True
    return False


def _aside(token: Token, anchor: Token) -> bool:
    """Whether ``token`` lies in a clause that qualifies a noun (relative, participial,
    apposition) without ``anchor``: it tells of that noun, not of what ``anchor`` does."""
    clause = next((t for t in (token, *token.ancestors) if t.dep_ in NOUN_CLAUSES), None)
    return clause is not None and not clause.left_edge.i <= anchor.i <= clause.right_edge.i


def matches(annotated: Annotated, only: tuple[Rule, ...] | None = None
            ) -> Iterator[tuple[Rule, Mention, Mention, tuple[int, int], bool]]:
    """Each ``(rule, source, target, sentence span, hedged)`` the patterns find."""
    wanted = {rule.id for rule in only} if only is not None else None
    doc = annotated.doc
    table, shared = Table(doc, _words()), None
    for rule, pattern in compiled():
        if wanted is None or rule.id in wanted:
            if rule.implicit and shared is None:
                shared = table.sharing()
            yield from _found(annotated, rule, table, find(pattern, shared if rule.implicit
                                                            else table))


def _found(annotated: Annotated, rule: Rule, table: Table, found: list[list[int]]
           ) -> Iterator[tuple[Rule, Mention, Mention, tuple[int, int], bool]]:
    """The relations one pattern's matches state (``table``: the document's, read once)."""
    doc = annotated.doc
    names: list[str] = []
    for ids in found:
        if _negated(table, ids):
            continue
        names = names or [node["RIGHT_ID"] for node in rule.pattern]
        anchors = {name: doc[ids[names.index(name)]] for name in ("source", "target")
                   if name in names}
        # A relative pronoun stands for its noun alone (``A and Colonel B, who commands``: B).
        alone = {name for name in anchors if rule.alone}
        if rule.implicit:
            nouns = {name: antecedent(token) for name, token in anchors.items()}
            alone |= {name for name in anchors if nouns[name] is not anchors[name]}
            anchors = nouns
        sentence = table.sentence(next(iter(anchors.values())).i)
        sources = _side(annotated, "source", rule.sources, anchors, alone, sentence)
        if not sources:
            continue
        targets = _side(annotated, "target", rule.targets, anchors, alone, sentence)
        span = (sentence.start_char, sentence.end_char)
        hedged = _hedged(table, ids)
        for first in sources:
            for second in targets:
                if first.id != second.id:
                    yield rule, first, second, span, hedged


def _side(annotated: Annotated, name: str, labels: tuple[str, ...], anchors: dict[str, Token],
          alone: set[str], sentence: Span) -> list[Mention]:
    """What a match's ``source`` or ``target`` (``name``) stands for: its anchor's mentions,
    else the event the sentence is telling of (asked only when the other side has any)."""
    if name in anchors:
        return _one(annotated, anchors[name], labels) if name in alone else \
            members(annotated, anchors[name], labels)
    return current_event(annotated, sentence, labels, next(iter(anchors.values())))


def apply_rules(annotated: Annotated, out: Extraction,
                without: frozenset[str] = frozenset()) -> None:
    """Add the relations every pattern finds to ``out`` (``without``: pattern files left
    out, by stem); no one runs a war (``Russia's full-scale invasion``): its sides fight it."""
    kept = tuple(rule for rule in rules() if rule.file.removesuffix(".yaml") not in without) \
        if without else None
    for rule, source, target, span, hedged in matches(annotated, kept):
        if rule.type == "RUNS" and target.label == "Operation" and target.kind == "war":
            continue
        for mention in (source, target):
            if mention.id not in out.entities:
                out.add(mention)
        confidence = rule.confidence - (HEDGE if hedged else 0.0)
        out.relate(rule.type, source.id, target.id, span, rule.id, round(confidence, 2),
                   role=rule.role)
