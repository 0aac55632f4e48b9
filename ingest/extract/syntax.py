"""The parse seen through the mentions: which token heads which mention, and the entities
spaCy's NER finds that the dictionaries and name rules do not know.

The head token of each mention carries its label (``Token._.label``) so that dependency
patterns (``ingest/extract/rules``) can ask for a Country subject or an Exercise object.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ingest.extract.cues import whole_words
from ingest.extract.facts import Mention
from ingest.extract.names import MONITORS, VENUE_WORDS
from ingest.extract.scan import tokens, words
from ingest.extract.sentences import Sentence
from ingest.extract.slugs import slug

for _name in ("label", "mention"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)

EVENT_NOUNS = {
    "exercise": "Exercise", "exercises": "Exercise", "drill": "Exercise", "drills": "Exercise",
    "manoeuvre": "Exercise", "manoeuvres": "Exercise", "maneuver": "Exercise",
    "maneuvers": "Exercise", "wargame": "Exercise", "war-game": "Exercise",
    "meeting": "Meeting", "talks": "Meeting", "visit": "Meeting", "summit": "Meeting",
    "agreement": "Agreement", "memorandum": "Agreement", "deal": "Agreement",
    "contract": "Agreement", "treaty": "Agreement", "accord": "Agreement", "pact": "Agreement",
    "declaration": "Agreement", "charter": "Agreement", "protocol": "Agreement",
    "operation": "Operation", "mission": "Operation", "offensive": "Operation",
    "campaign": "Operation",
    "programme": "Program", "program": "Program", "initiative": "Program",
}
"""Nouns that describe an event, and the label of the event they can stand for."""
UNIT_HEADS = frozenset((
    "fleet", "flotilla", "navy", "brigade", "battalion", "regiment", "division", "squadron",
    "corps", "company", "battery", "wing", "group", "team", "contingent", "detachment",
    "task", "marines", "guard", "guards", "commandos", "rangers", "unit", "units", "frigate",
    "battalions", "brigades", "regiments", "dragoons", "hussars", "lancers", "rifles",
    "fusiliers", "theatre", "theater",
))
"""Head words of an ORG naming a formation (a Unit, as the seed facts have navies)."""
BODY_HEADS = frozenset((
    "command", "forces", "force", "army", "ministry", "staff", "headquarters", "academy",
    "college", "university", "agency", "council", "alliance", "organization", "organisation",
    "union", "community", "department", "directorate", "service", "services", "centre",
    "center", "office", "secretariat", "commission", "coalition", "structure", "mission",
    "initiative", "partnership", "police", "gendarmerie", "coastguard", "court", "diet",
    "administration", "cell", "forum",
))
"""Head words of an ORG naming a military or governmental body (an Organization)."""
PLACE_WORDS = frozenset((
    "range", "area", "ground", "grounds", "base", "island", "islands", "province", "district",
    "region", "palace", "port", "harbour", "harbor", "bay", "strait", "sea", "gulf", "coast",
    "peninsula", "valley", "desert", "mountains", "plateau", "airbase", "airfield", "camp",
    "centre", "center", "field", "lake", "river", "county", "oblast", "state", "city",
    "garrison", "barracks", "polygon", "sound", "channel",
))
"""Common nouns that may end a place's name (``the Cincu training area``)."""
RANKS = frozenset((
    "General", "Lieutenant", "Colonel", "Major", "Brigadier", "Admiral", "Vice", "Rear",
    "Captain", "Commander", "Commodore", "Marshal", "Field", "Air", "Sergeant", "Corporal",
    "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Adm.", "Capt.", "Cmdr.", "Sgt.", "President",
    "Minister", "Prime", "Secretary", "Chief", "Ambassador", "Dr.", "Mr.", "Mrs.", "Ms.",
    "Sheikh", "Emir", "King", "Prince", "Defence", "Defense", "Foreign",
))
"""Words of a rank or title the NER sometimes takes into a person's name."""
ROLE_WORDS = RANKS | {"Ministers", "Commissioner", "High", "Deputy", "Fleet", "Church",
                      "Secretaries", "Generals", "Admirals", "Chiefs"}
"""Words that make a coordinated name a title or a body, not a person's name."""
COMPANY_NOUNS = frozenset((
    "shipbuilder", "manufacturer", "maker", "firm", "contractor", "shipyard", "company",
    "producer", "supplier", "conglomerate", "consortium", "group", "builder", "developer",
    "corporation", "venture",
))
"""Nouns that name a company: before its name (``shipbuilder Navantia``), after its state
(``Turkish state shipbuilder``) or in apposition (``X, a US defence firm``)."""
NAMED_BEFORE = {"gang": "armed_group", "gangs": "armed_group", "militia": "armed_group",
                "militias": "armed_group", "rebels": "armed_group", "subsidiary": "company",
                "consortium": "company", "movement": "-", "party": "-"}
"""Nouns a body's name comes before (``the Gran Grif gang``), and the kind they give it
(``-``: none)."""
CONTINENTS = frozenset(("Africa", "America", "Americas", "Asia", "Europe", "Oceania",
                        "Antarctica", "Eurasia", "African", "American", "Arab", "Asian",
                        "European", "Nordic", "Scandinavian"))
COMPASS = frozenset(("north", "south", "east", "west", "central", "northern", "southern",
                     "eastern", "western", "middle", "far", "near"))
PLACE_WORD = r"[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w’'-]*\w"
SITED = re.compile(
    rf"(?:\b(?P<prep>at|in|from|near|off|on|outside|between|and|around|via|to|towards|across|"
    rf"over)|(?P<comma>,))\s+(?P<name>{PLACE_WORD}"
    rf"(?:\s+(?:(?:de|del|la)\s+)?{PLACE_WORD}){{0,2}})(?=\s*(?:[,.;)]|\s+(?:in|on|near|and|"
    r"where|before|after|last|next|this|from|to|by|with|for|until|since|south|north|east|"
    r"west|outside|alongside|under|during|at)\b))")
"""A capitalised name right after a locative preposition, ending the phrase."""
MOTION = frozenset(("around", "via", "to", "towards", "across", "over"))
"""Prepositions of a way or a goal (``flown to Birao``, ``patrols around Svalbard``): what
they take is a place when nothing else knows it, but a person there is still a person
(``handed power to Adama Barrow``), and an acronym there is a body's (``sent to CAECOPAZ``)."""
PAIRED = re.compile(r"\b(?:between|in|at|from|off)\s+(?:[A-Z][\w’'-]*(?:,\s+|\s+)){1,5}$")
"""``between A and``, ``in A, B,``: the name after ``and`` or the comma is a place as A is."""
NOT_SITED = frozenset(("The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His",
                       "Her", "Our", "January", "February", "March", "April", "May", "June",
                       "July", "August", "September", "October", "November", "December",
                       "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                       "Sunday", "Both", "All", "Each", "Some", "Other", "Several", "Many"))
"""Capitalised words after a preposition that open no place's name."""
SITE_HEADS = frozenset(("Base", "Barracks", "Camp", "Centre", "Center", "Airport", "Regiment",
                        "Brigade", "Battalion", "Division", "Wing", "Squadron", "Headquarters",
                        "Academy", "School", "College", "Fleet", "Garrison", "Station",
                        "Shipyard", "Complex", "Range"))
"""Last words of a base's or a unit's name, after which ``at``/``in``/``from`` begins the
place it is at (``the 20th Mechanised Brigade at Bartoszyce``), not more of the name."""
BODIES = ("Organization", "Unit")
"""Bodies whose NER name may hold a state or place (``the Haitian National Police``)."""
EVENTS = ("Agreement", "Exercise")
"""Named events the NER may find around places and states named inside them."""
OPERATION_NAMES = frozenset(("deployment", "patrol", "operation", "mission", "rotation"))
"""Last words of a dated name that make it an operation (``Indo-Pacific Deployment 2026``),
not an exercise."""
PROGRAM_NAMES = frozenset(("project", "programme", "program", "initiative", "plan"))
"""Last words of a numbered name that make it a program (``Project 75``), not an exercise."""
AGREEMENT_HEADS = frozenset(("treaty", "accord", "agreement", "pact", "memorandum",
                             "declaration", "convention", "protocol", "charter", "communiqué",
                             "communique"))
EDITION = re.compile(r"[ -](?:(?:19|20)\d\d|\d\d)(?:-(?:IV|I{1,3}))?$")
"""A capitalised name ending with a year is an edition of an exercise: ``Sea Breeze 2025``."""
DESIGNATION = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z]{0,2}-\d\d[A-Z]?|COVID-19)$")
"""A type's designation or a disease, not an edition: ``Mi-24``, ``JF-17``, ``COVID-19``."""
NOT_IN_NAMES = frozenset(("as", "by", "while", "when", "after", "before"))
"""Lower-case words that join two phrases and stand inside no name: an NER span holding one
(``arrives in Nuku'alofa as Pacific Partnership 2026 begins``, ``Tindal by Air Commodore``)
runs over a name's end."""
BATTALION_CODE = re.compile(r"\b[A-Z]{3,}(?:BATT?|COY)[- ]\d{1,2}\b(?![-–.,]\d)")
"""A peacekeeping battalion or company named by its code and rotation (``NEPBATT-2``,
``BANBAT-14``, ``FIJIBATT 42``, ``URUMECHCOY 12``)."""
MEDIA = re.compile(r"\b(?:News|Press|Times|Post|Tribune|Herald|Agency|TV|Radio|Wire|Journal|"
                   r"Gazette|Monitor|Reuters|Xinhua|Bloomberg)\b")
_EVENT_NOUNS, _AGREEMENT_HEADS, _COMPANY_NOUNS, _NAMED_BEFORE = (
    words(EVENT_NOUNS), words(AGREEMENT_HEADS), words(COMPANY_NOUNS), words(NAMED_BEFORE))
"""The words the whole-report passes look for, as ``scan.tokens`` finds them."""
NOT_PEOPLE = re.compile(r"^(?:INS|HMS|USS|HMAS|HMCS|HMNZS|KRI|BRP|TCG|RSS|JS|ROKS|FS)\b|"
                        r"\b(?:Ministry|Forces?|Army|Navy|Command|Day|Group|Minister|"
                        r"President|General|Exercise|Operation|Brigade|Island|Sea)\b")


@dataclass
class Annotated:
    """A parsed report and its mentions, each mention tied to the tokens it covers."""

    doc: Doc
    mentions: list[Mention]
    heads: dict[int, Mention] = field(default_factory=dict)
    covered: dict[int, Mention] = field(default_factory=dict)
    events: dict[int, Mention] = field(default_factory=dict)
    """Tokens describing an event named elsewhere (``the drills``): token index -> event."""
    parts: list[tuple[Mention, Mention]] = field(default_factory=list)
    """Phases of events (``the harbour phase``) and the event each belongs to."""
    found: dict[tuple[str, ...], tuple[int, list[Mention]]] = field(default_factory=dict)
    """The events of each set of labels in text order, with the mention count they were
    listed at (listed again when mentions are added)."""
    text: str = ""
    """The parsed text (``doc.text``, which spaCy joins from every token at each reading)."""
    published: str | None = None
    """The report's ISO date, when known: the year the events it tells of belong to."""

    def __post_init__(self) -> None:
        """Read the parsed text once when the caller did not."""
        self.text = self.text or self.doc.text

    def mention(self, token: Token) -> Mention | None:
        """The mention ``token`` belongs to, if any."""
        return self.covered.get(token.i)

    def span(self, mention: Mention) -> Span | None:
        """The tokens of ``mention``."""
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def tie(self, mention: Mention) -> None:
        """Mark ``mention``'s head token with its label, its tokens with the mention."""
        span = self.span(mention)
        if span is None or len(span) == 0:
            return
        head = span.root
        if head.i not in self.heads or self.heads[head.i].role == "qualifier":
            self.heads[head.i] = mention
            head._.label = mention.label
            head._.mention = mention
        for token in span:
            current = self.covered.get(token.i)
            if current is None or current.role == "qualifier" or \
                    (current.end - current.start) < (mention.end - mention.start):
                self.covered[token.i] = mention


def nest(mentions: list[Mention]) -> list[Mention]:
    """States and places named inside an event's name qualify it (``Bishkek Border Treaty``),
    as they do inside a body's name the NER found (``the Haitian National Police``)."""
    events = sorted((m for m in mentions if m.label in EVENTS or (
        m.label in BODIES and m.rule == "ner.org")), key=lambda m: m.start)
    starts = [e.start for e in events]
    reach = max((e.end - e.start for e in events), default=0)

    def inside(m: Mention) -> bool:
        return any(e.start <= m.start and m.end <= e.end
                   for e in events[bisect_left(starts, m.start - reach):
                                   bisect_right(starts, m.start)])
    states = {m.start: m for m in mentions if m.label == "Country" and inside(m)}
    return [replace(m, role="qualifier") if m.label in ("Country", "Location") and inside(m)
            else _owned(m, states) for m in mentions]


def _owned(mention: Mention, states: dict[int, Mention]) -> Mention:
    """A body the NER named after its state is that state's (``the British Army Training
    Unit Belize``: of the United Kingdom)."""
    state = states.get(mention.start)
    if mention.rule != "ner.org" or mention.role != "name" or state is None or \
            state.end >= mention.end:
        return mention
    return replace(mention, role=f"of:{state.id}")


def annotate(doc: Doc, mentions: list[Mention], text: str = "") -> Annotated:
    """Tie each mention to its tokens (qualifiers first, so a named body wins its head;
    ``text``: ``doc.text``, when the caller has read it)."""
    _untie(doc)
    annotated = Annotated(doc, mentions, text=text)
    for mention in sorted(mentions, key=lambda m: (m.role != "qualifier", m.start)):
        annotated.tie(mention)
    return annotated


def _untie(doc: Doc) -> None:
    """Clear the labels and mentions an earlier annotation left on ``doc``'s tokens: their
    stored values dropped (reading them gives the default, None) without making every
    token's ``Token._`` to set None, which cost a full pass over the doc."""
    stale = [key for key in doc.user_data if isinstance(key, tuple) and len(key) == 4
             and key[0] == "._." and key[1] in ("label", "mention") and key[3] is None]
    for key in stale:
        del doc.user_data[key]


def _trim(span: Span) -> Span:
    """``the Northern Fleet's`` → ``Northern Fleet``, ``General Dilli Khadka`` → ``Dilli
    Khadka``, ``Denmark's Anders Kjaer`` → ``Anders Kjaer``: no article, no possessive, no
    rank, title or owner before a person's name."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while span.label_ == "PERSON" and end - start > 2 and span.doc[start].text in RANKS:
        start += 1
    owner = next((token.i for token in span.doc[start:end - 1] if token.tag_ == "POS"), None)
    if span.label_ == "PERSON" and owner is not None:
        start = owner + 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _label_of(span: Span, ner: str) -> tuple[str, str | None] | None:
    """What a span the NER labels ``ner`` names in the vocabulary, or None when it is not
    ours to know."""
    text, head = span.text, span.root.lower_
    if DESIGNATION.search(text) or any(token.text in NOT_IN_NAMES for token in span):
        return None
    if ner == "PERSON" and EDITION.search(text) and span[-1].like_num:
        return ("Exercise", None) if text[:1].isupper() else None
    if ner == "PERSON":
        words = [t for t in span if t.is_alpha]
        if len(words) >= 2 and all(t.text[:1].isupper() for t in words) and \
                not NOT_PEOPLE.search(text):
            return ("Person", None)
        return None
    if ner in ("EVENT", "LAW", "ORG", "WORK_OF_ART", "PRODUCT") and head in AGREEMENT_HEADS:
        return ("Agreement", None)
    if ner in ("EVENT", "LOC", "GPE", "ORG", "WORK_OF_ART", "PRODUCT", "FAC") and \
            EDITION.search(text) and text[:1].isupper():
        named = next((t.lower_ for t in reversed(span) if not t.like_num), head)
        return ("Operation", None) if named in OPERATION_NAMES else \
            ("Program", None) if named in PROGRAM_NAMES else ("Exercise", None)
    if ner in ("ORG", "FAC") and head in ("centre", "center") and \
            any(t.text in VENUE_WORDS for t in span):
        return ("Location", None)
    if ner == "ORG":
        if MEDIA.search(text) or len(span) < 2 or text.islower() or (
                span.root.is_lower and head in ("ministry", "government", "embassy")):
            return None
        if head.title() in MONITORS and any(t.lower_ == "monitoring" for t in span):
            return ("Operation", "peacekeeping")
        if head in UNIT_HEADS:
            return ("Unit", None)
        if head in BODY_HEADS:
            return ("Organization", None)
        return _inner_head(span)
    if ner in ("FAC", "GPE") and text[:1].isupper() and not text.isupper():
        return ("Location", None)
    if ner == "LOC" and _named_place(span):
        return ("Location", None)
    return None


def _named_place(span: Span) -> bool:
    """Whether an NER place is named by two or more capitalised words, not a continent or a
    direction (``Al-Kharj``, ``the International Zone``; not ``North America``, ``South-East``)."""
    words = [token for token in span if token.is_alpha]
    return len(words) >= 2 and span.root.pos_ == "PROPN" and all(
        token.is_title for token in words) and not any(
        token.text in CONTINENTS for token in words) and not all(
        token.lower_ in COMPASS for token in words)


def _inner_head(span: Span) -> tuple[str, str | None] | None:
    """What an NER organisation names when a telling word stands inside it and only proper
    noun follows: a body or formation named with its place (``Allied Joint Force Command
    Norfolk``, ``Combined Air Operations Centre Uedem``, ``Battlegroup Poland``)."""
    if len(span) < 3 or not span[0].is_alpha or span[-1].lower_ in PLACE_WORDS or \
            not span[-1].is_title:
        return None
    token = span[-2]
    if token.lower_ in UNIT_HEADS or (token.lower_ == "force" and token.nbor(-1).lower_ == "task"):
        return ("Unit", None)
    return ("Organization", None) if token.lower_ in BODY_HEADS else None


def _cut_open_tail(span: Span) -> Span:
    """``Bodø Declaration on Nordic`` before ``defence cooperation``: a name cut inside the
    phrase after its head word ends at the head word."""
    doc = span.doc
    if span.end >= len(doc) or not (doc[span.end].is_lower and doc[span.end].is_alpha):
        return span
    cut = next((t.i for t in reversed(span) if t.lower_ in ("on", "of", "for")), None)
    if cut is None or cut - span.start < 2 or doc[cut - 1].lower_ not in AGREEMENT_HEADS:
        return span
    return doc[span.start:cut]


def _titled_agreements(doc: Doc) -> list[Span]:
    """Title-case names ending in an agreement word that the NER missed: ``the Bishkek
    Border Treaty``."""
    found = []
    for token in tokens(doc, LOWER, _AGREEMENT_HEADS):
        if token.is_title and token.i > 0:
            start = token.left_edge.i
            while start < token.i and not (doc[start].is_title or doc[start].like_num):
                start += 1
            if start < token.i and all(t.is_title or t.like_num or t.lower_ in ("of", "on")
                                       for t in doc[start:token.i]):
                found.append(doc[start:token.i + 1])
    return found


def _propn_run(doc: Doc, head: Token) -> Span | None:
    """The run of proper nouns and numbers ending at ``head``: ``Decisive Strike 26``, with
    the adjective opening the name the NER reads as one (``Icelandic Air Policing``)."""
    if head.pos_ != "PROPN" and not (head.like_num and head.i > 0
                                     and doc[head.i - 1].pos_ == "PROPN"):
        return None
    end = head.i + 1
    while end < len(doc) and doc[end].like_num and doc[end].head.i == head.i:
        end += 1
    start = head.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].like_num) and \
            doc[start - 1].head.i in range(start - 1, end) and doc[start - 1].text != ",":
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "ADJ" and before.is_title and \
            before.ent_iob_ == "B" and doc[start].ent_iob_ == "I" and \
            before.ent_type_ not in ("GPE", "NORP", "DATE", ""):
        start -= 1
    span = doc[start:end]
    return span if span[0].is_title else None


def _named_events(doc: Doc) -> list[tuple[Span, str]]:
    """Names the text gives an exercise, meeting or agreement by apposition or compound:
    ``began Decisive Strike 26, the largest exercise``, ``the Sea Shield drills``."""
    found = []
    for token in tokens(doc, LOWER, _EVENT_NOUNS):
        label = EVENT_NOUNS[token.lower_]
        if token.pos_ != "NOUN":
            continue
        candidates = [c for c in token.children if c.dep_ in ("compound", "appos")]
        if token.dep_ == "appos":
            candidates.append(token.head)
        for candidate in candidates:
            span = _propn_run(doc, candidate)
            if span is not None and span.root.ent_type_ not in ("GPE", "NORP", "DATE"):
                found.append((span, label))
        span = _edition_before(doc, token)
        if span is not None:
            found.append((span, label))
    return found


def _edition_before(doc: Doc, noun: Token) -> Span | None:
    """An edition named just before a description the parser did not attach to it:
    ``tested in Iron Gate 27, a naval exercise planned for May``."""
    comma = noun.left_edge.i - 1
    if comma < 1 or doc[comma].text != "," or noun.dep_ in ("nsubj", "nsubjpass") or \
            doc[noun.left_edge.i].lower_ not in ("a", "an", "the"):
        return None
    last = doc[comma - 1]
    head = last.head if last.like_num and last.head.pos_ == "PROPN" else last
    span = _propn_run(doc, head)
    if span is None or span.end != comma or not EDITION.search(span.text) or \
            span.root.ent_type_ in ("GPE", "NORP", "DATE"):
        return None
    return span


def _named_word(token: Token) -> bool:
    """A proper noun written as a name: capitalised or in capitals (``Navantia``, ``FNSS``)."""
    return token.pos_ == "PROPN" and (token.is_title or (token.is_upper and len(token) > 1))


def _companies(doc: Doc) -> list[Span]:
    """Companies introduced by what they make or are: ``Spanish shipbuilder Navantia``,
    ``the Turkish firm FNSS``, ``ASMAR, the Chilean Navy's shipbuilding company``, ``Eurosam
    is a joint venture``."""
    found = []
    for token in tokens(doc, LEMMA, _COMPANY_NOUNS):
        if token.i + 1 < len(doc) and _named_word(doc[token.i + 1]):
            end = token.i + 2
            while end < len(doc) and _named_word(doc[end]):
                end += 1
            found.append(doc[token.i + 1:end])
        elif (named := _appositive_name(doc, token)) is not None:
            found.append(named)
    return found


def _subsidiaries(trimmed: list[tuple[Span, Span]], mentions: list[Mention]
                  ) -> list[tuple[Span, Mention]]:
    """Companies the NER names after a company the dictionaries know, their parent:
    ``Hanwha Defense Australia``, ``Rheinmetall Automecanica`` (with the parent's mention;
    ``trimmed``: each entity with its ``_trim``)."""
    companies = {m.start: m for m in mentions
                 if m.label == "Organization" and m.kind is None and m.rule == "gazetteer"}
    found = []
    for ent, span in trimmed:
        parent = companies.get(span.start_char) if ent.label_ == "ORG" and len(span) else None
        if parent is None or parent.end >= span.end_char or "\n" in span.text:
            continue
        rest = [token for token in span if token.idx >= parent.end]
        if rest and all(token.is_title or token.is_upper for token in rest if token.is_alpha):
            found.append((span, parent))
    return found


def _named_bodies(doc: Doc) -> list[tuple[Span, str | None]]:
    """Bodies named right before the noun that says what they are, the noun left out of the
    name: ``the Gran Grif gang``, ``the CODECO militia``, ``its Pulberăria Victoria
    subsidiary``."""
    found = []
    for token in tokens(doc, LOWER, _NAMED_BEFORE):
        kind = NAMED_BEFORE[token.lower_]
        if token.i == 0 or token.pos_ != "NOUN":
            continue
        start = token.i
        while start > 0 and _named_word(doc[start - 1]) and \
                start - 1 < doc[start - 1].head.i <= token.i:
            start -= 1
        if start < token.i:
            found.append((doc[start:token.i], None if kind == "-" else kind))
    return found


def _appositive_name(doc: Doc, noun: Token) -> Span | None:
    """The name a company noun describes after a comma or a copula: ``ASMAR, the Chilean
    Navy's shipbuilding company``, ``Eurosam is a joint venture``."""
    first = noun.left_edge.i
    if first < 2 or doc[first].lower_ not in ("a", "an", "the"):
        return None
    before = doc[first - 1]
    if before.text != "," and not (before.lemma_ == "be" and noun.dep_ == "attr"
                                   and before.i == noun.head.i):
        return None
    start = end = first - 1
    while start > 0 and _named_word(doc[start - 1]):
        start -= 1
    if start == end or (start > 0 and doc[start - 1].text not in (".", ",", "(", "by", "and")
                        and doc[start - 1].pos_ not in ("ADP", "VERB", "DET", "PUNCT")
                        and doc[start - 1].is_sent_start is not True):
        return None
    return doc[start:end]


def _coordinated_people(doc: Doc, ents: tuple[Span, ...], mentions: list[Mention]
                        ) -> list[Span]:
    """Names coordinated with a person's name and shaped like one, which the NER may take
    for a body: ``Ingrid Haaland of Norway and Mikko Rautio of Finland``."""
    people = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions
              if m.label == "Person"]
    people += [ent for ent in ents if ent.label_ == "PERSON"]
    found = []
    for person in people:
        if person is None or len(person) == 0:
            continue
        for token in person.root.conjuncts:
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and \
                    doc[start - 1].head.i == token.i:
                start -= 1
            while start < token.i and doc[start].text in ROLE_WORDS:
                start += 1
            span = doc[start:token.i + 1]
            if 1 < len(span) <= 4 and token.ent_type_ in ("", "ORG", "PERSON") and all(
                    t.pos_ == "PROPN" and t.is_title and t.text not in ROLE_WORDS for t in span):
                found.append(span)
    return found


PLACE_HEADS = frozenset((
    "airfield", "airport", "airspace", "area", "barracks", "base", "bay", "border", "camp",
    "centre", "center", "city", "coast", "complex", "county", "desert", "district",
    "facility", "field", "forest", "harbour", "harbor", "island", "line", "peninsula", "plant",
    "port", "province", "range", "region", "river", "road", "sea", "sector", "shipyard",
    "square", "state", "station", "street", "temple", "town", "valley", "village", "water",
    "wharf", "yard", "zone",
    "ceremony", "conference", "course", "deployment", "drill", "exercise", "meeting",
    "mission", "operation", "patrol", "rotation", "summit", "talk", "visit"))
"""Common nouns a place's name may qualify and still name the place: kinds of place
(``Bayelsa state``, ``Greenland waters``) and events held there (``the Toledo course``)."""


def _names_a_thing(span: Span) -> bool:
    """Whether a name the NER takes for a place only qualifies a common noun after it that
    is no kind of place (``Mogami frigates``, ``the Kaan fighter jet``, ``two Sea Lynx
    helicopters``): a class or type of thing, not a place."""
    head = span.root.head
    return span.root.dep_ == "compound" and head.i >= span.end and head.pos_ == "NOUN" and \
        head.lemma_.lower() not in PLACE_HEADS


def ner_mentions(doc: Doc, mentions: list[Mention], body: list[Sentence],
                 known: Callable[[str], bool], text: str = "") -> list[Mention]:
    """People, bodies, formations and places the NER finds in the ``body`` sentences where no
    mention lies yet and that the dictionaries do not ``known`` under another label (a
    "person" named right after a locative preposition is a place: ``flew from Al Hamra``),
    then the places named so that nothing else recognised (``text``: ``doc.text``, when the
    caller has read it)."""
    text = text or doc.text
    outside = bytearray(b"\x01") * (len(text) + 1)
    for sentence in body:
        outside[sentence.start:sentence.end] = bytes(sentence.end - sentence.start)
    covered, named = bytearray(outside), bytearray(outside)
    for mention in mentions:
        covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        if mention.label not in ("Country", "Location"):
            named[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    found = []
    ents = doc.ents
    trimmed = [(ent, _trim(ent)) for ent in ents]  # once per entity: read thrice below
    spans = [*((span, ("Person", None), None)
               for span in _coordinated_people(doc, ents, mentions)),
             *((span, (label, None), None) for span, label in _named_events(doc)),
             *((span, ("Organization", "company"), None) for span in _companies(doc)),
             *((span, ("Organization", kind), None) for span, kind in _named_bodies(doc)),
             *((ent, None, cut) for ent, cut in trimmed),
             *((span, ("Agreement", None), None) for span in _titled_agreements(doc))]
    for span, company in _subsidiaries(trimmed, mentions):
        if not any(named[company.end:span.end_char]) and not outside[span.start_char]:
            name = " ".join(span.text.split())
            found.append(Mention(span.start_char, span.end_char, span.text, "Organization",
                                 slug(name), name, "company", rule="ner.org", confidence=0.5))
            covered[span.start_char:span.end_char] = b"\x01" * len(span.text)
            named[span.start_char:span.end_char] = b"\x01" * len(span.text)
    for match in BATTALION_CODE.finditer(text):
        start, end = match.span()
        if not any(covered[start:end]):
            found.append(Mention(start, end, match.group(), "Unit", slug(match.group()),
                                 match.group(), rule="name.battalion_code", confidence=0.5))
            covered[start:end] = named[start:end] = b"\x01" * (end - start)
    placed = _sited(text, body)
    sited = {span for span, prep in placed if prep not in MOTION}
    for ent, kind, cut in spans:
        if cut is not None:  # an entity, read only when a mention's words leave it free
            if len(cut) == 0 or (any(named[cut.start_char:cut.end_char]) and
                                 _cut_open_tail(cut) is cut):
                continue
            kind = _label_of(cut, ent.label_)
        span = _trim(ent) if cut is None else cut
        if kind is not None and kind[0] == "Agreement":
            span = _cut_open_tail(span)
        if len(span) == 0:
            continue
        if kind == ("Person", None) and (span.start_char, span.end_char) in sited:
            kind = ("Location", None)
        taken = named if kind is not None and (kind[0] in (*EVENTS, "Operation", "Program") or (
            kind[0] in BODIES and ent.label_ == "ORG")) else covered
        if kind is None or any(taken[span.start_char:span.end_char]) or \
                "\n" in span.text or known(span.text) or \
                (kind[0] == "Location" and _names_a_thing(span)):
            continue
        name = " ".join(span.text.split())
        found.append(Mention(span.start_char, span.end_char, span.text, kind[0], slug(name),
                             name, kind[1], rule=f"ner.{(ent.label_ or 'name').lower()}",
                             confidence=0.5))
        covered[span.start_char:span.end_char] = b"\x01" * len(span.text)
        named[span.start_char:span.end_char] = b"\x01" * len(span.text)
    for start, end in sorted({span for span, _ in placed}):
        if not any(covered[start:end]) and not known(text[start:end]) and \
                not (text.endswith("ans", start, end) and known(text[start:end - 1])):
            name = " ".join(text[start:end].split())
            found.append(Mention(start, end, text[start:end], "Location", slug(name), name,
                                 rule="place.sited", confidence=0.5))
            covered[start:end] = b"\x01" * (end - start)
    found.extend(_named_again(text, found, covered))
    return _companies_again(_not_people(found, mentions))


def _named_again(text: str, found: list[Mention], covered: bytearray) -> list[Mention]:
    """A company the report names by its name once (``the Franco-Italian consortium
    Eurosam``) is that company wherever else the same name stands where nothing lies yet
    (``Eurosam's chief executive``), though the NER missed it there."""
    companies = {m.text: m for m in found if m.label == "Organization" and m.kind == "company"
                 and m.text[:1].isupper() and len(m.text) > 3}
    if not companies:
        return []
    again = []
    for start, written in whole_words(text, companies):
        end = start + len(written)
        if not any(covered[start:end]):
            again.append(replace(companies[written], start=start, end=end,
                                 rule="ner.company_again"))
            covered[start:end] = b"\x01" * (end - start)
    return again


def _companies_again(found: list[Mention]) -> list[Mention]:
    """A name the report gives a company by what it is (``Eurosam is a joint venture``) names
    the company wherever the NER took it for a place or a person."""
    companies = {m.name: m for m in found if m.kind == "company"}
    return [replace(m, label="Organization", id=companies[m.name].id, kind="company")
            if m.name in companies and m.label in ("Location", "Person") else m for m in found]


def _sited(text: str, body: list[Sentence]) -> list[tuple[tuple[int, int], str | None]]:
    """Names after a locative preposition that end a phrase (``based at Rukla,``, ``flew from
    Papeete and``, ``between Quiterajo and Mucojo``): places, when nothing else knows them (a
    preposition inside a name, ``Office on Drugs``, is no locative; names do not hold
    ``off``, ``near`` or ``outside``: ``the French Navy off Goa``), each with its
    preposition."""
    found = []
    for sentence in body:
        for match in SITED.finditer(text, sentence.start, sentence.end):
            words = match["name"].split()
            before = text[max(0, match.start() - 30):match.start()].split()
            if words[0] in NOT_SITED or any(word in CONTINENTS for word in words) or (
                    before and before[-1][:1].isupper()
                    and match["prep"] not in ("and", None, "off", "near", "outside")
                    and not (before[-1] in SITE_HEADS and match["prep"] in ("at", "in", "from"))
            ) or (
                    match["prep"] in ("and", None) and not PAIRED.search(
                        text, max(0, match.start() - 60),
                        match.start("name") if match["comma"] else match.start())):
                continue
            if match["prep"] in MOTION and match["name"].isupper():
                continue
            found.append((match.span("name"), match["prep"]))
    return found


def _not_people(found: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Names the NER took for people that the report names as an event elsewhere, by
    themselves or with an edition (``Desert Flag 26`` an exercise, then ``Desert Flag``)."""
    events: dict[str, str] = {}
    for mention in (*mentions, *found):
        if mention.label in ("Exercise", "Operation"):
            events.setdefault(mention.name, mention.label)
            series = EDITION.sub("", mention.name)
            if series != mention.name:
                events.setdefault(series, mention.label)
    return [replace(m, label=events[m.name]) if m.label == "Person" and m.name in events
            else m for m in found]
