"""Agreements: named ones (the Shusha Declaration) and described ones (signed a memorandum),
who signed them and who brokered them; a war ended by an agreement holds it."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from graph.model import merge_list
from ingest.extract.facts import Entity, Extraction, Mention
from ingest.extract.gazetteer import default, extras
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.events import event_name, link_actors, record_event, refer
from ingest.extract.patterns.roles import office_of
from ingest.extract.sentences import Sentence
from ingest.extract.slugs import slug

WORDS = ("memorand", "mou", "letter", "notes", "addend", "amendment", "plan", "agreement",
         "declaration", "treaty", "contract", "deal", "accord", "protocol", "roadmap",
         "ceasefire", "truce", "armistice", "statement", "decree", "pact", "arrangement",
         "document", "communiqu", "road map", "strategic partnership", "press release",
         "operating procedure")
DESCRIBED = re.compile(
    r"\b(?P<kind>status[\s-]+of[\s-]+(?:visiting[\s-]+)?forces[\s-]+agreements?|memorand(?:um|a)(?:\s+of\s+(?:understanding|alliance|cooperation))?|MoU|"
    r"letters?\s+of\s+(?:intent|offer\s+and\s+acceptance)|exchange\s+of\s+(?:diplomatic\s+)?notes|addend(?:um|a)|"
    r"amendments?|plans?\s+of\s+(?:[a-z-]+\s+){0,2}(?:cooperation|training)|communiqu[ée]|"
    r"(?:cooperation|training|work|engagement)\s+plans?|standard\s+operating\s+procedures?|"
    r"exchange\s+of\s+letters|"
    r"agreements?|declaration|treaty|contracts?|deals?|accords?|protocol|road\s?map|"
    r"(?:comprehensive\s+)?strategic\s+partnership(?!\s+[a-z]+\s+(?:agreement|treaty|accord))(?!\s+"
    r"(?:agreement|treaty|accord|declaration|pact|roadmap))|pact|"
    r"arrangement|ceasefire(?:\s+deal|\s+agreement)?|truce|armistice|statement|decree|"
    r"document)\b", re.I)
ONLY_REFERS = ("document", "it was", "they were")
PRONOUN = re.compile(r"(?P<kind>It\s+was|They\s+were)(?=\s+(?:\w+\s+)?signed\b)")
"""``It was signed in London by ...``: the agreement just reported."""
"""Words that only refer back to an agreement already reported (``the document``)."""
LEFT_WORD = re.compile(r"\b(?<![’'])(?P<word>[a-z][\w-]*)\s+$")
TITLE_WORD = re.compile(r"\b(?P<word>[A-Z][a-z][\w-]*)\s+$")
"""A capitalised word before a capitalised agreement word: part of its title (``a Joint
Vision Statement``)."""
NOT_MODIFIERS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "new", "first", "landmark", "historic", "signed", "which", "and", "of", "to", "on", "in",
    "with", "for", "by", "at", "two", "three", "several", "a", "was", "were", "is", "are",
    "has", "have", "had", "will", "would", "also", "further", "another", "ceasefire",
    "brokered", "mediated", "reached", "agreed", "sign", "signing", "inked", "concluded",
    "signs", "inks", "ratifies", "ratified", "ratify", "adopts", "adopted", "adopt", "seals",
    "sealed", "renews", "renewed", "approves", "approved", "concludes", "clinches", "wins",
    "any", "every", "such", "separate", "other", "previous", "earlier", "million", "billion",
    "trillion", "under", "within", "from", "after", "before", "as", "about", "over", "into",
    "through", "following", "against", "without", "via", "upon", "among", "between", "since",
    "until", "per"))
"""Words before an agreement word that are not part of its name."""
SIGNED_BY = re.compile(r"\bsigned\s+(?:(?:on\s+\w+\s+)?(?:(?:in|at)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w’'-]*\s+){1,4})?(?:on\s+\w+\s+)?|(?:on|in|at)\s+"
                       r"(?:(?!\b(?:and|or|but|was|were|is|are|has|had|which|that|who)\b)"
                       r"[^;.,]){1,90}?\s+|(?:on|in|at)\s+[^;.]{1,120}?,\s+)by\b")
"""``signed in Madrid on Tuesday by``, ``signed at MDL's yard in Mumbai by``, ``signed at
Ulinzi House, the ministry's headquarters, by``: those named next signed."""
SIGNING = re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|s)?|conclud(?:ed|es?)|reach(?:ed)?|"
                     r"agreed|adopt(?:ed|s)|seal(?:ed|s)?|initial(?:l)?ed|renew(?:ed|s)|"
                     r"ratif(?:ied|ies))\b", re.I)
TWO_PEOPLE = re.compile(r"\b(?:the\s+two|both)\s+(?:defen[cs]e\s+)?(?:ministers|leaders|"
                        r"presidents|heads\s+of\s+state|chiefs|commanders|officials)\b", re.I)
"""``the two ministers signed``: the two people named last."""
UNREAL = re.compile(r"\b(?:yet\s+to|not|never|failed\s+to|without|refus(?:ed|es)\s+to|"
                    r"no|would|could|may|might|hope\s+to|plan\s+to|expected\s+to)\s+"
                    r"(?:\w+\s+){0,2}$", re.I)
"""Words before a signing verb saying it did not (yet) happen."""
REFERRING = re.compile(r"\b(?:the|this|that)\s+(?:signed\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I)
BROKERED = re.compile(r"(?P<who>[A-Z][\w.]+)-(?:brokered|mediated)\b")
BROKER_BY = re.compile(r"\b(?:(?:brokered|mediated|facilitated)\s+by|(?:mediation|auspices)\s+"
                       r"of)\s+(?:the\s+)?$", re.I)
BROKERS = re.compile(r"\s+(?:(?:has|have|had|also|successfully)\s+)?(?:brokered|mediated)\s+"
                     r"(?:the|a|an)\b", re.I)
"""After a mediator doing it: ``Qatar mediated the deal``."""
AFTER_SIGNERS = re.compile(r"\b(?:between|by|with)\s+(?:the\s+)?$", re.I)
ENDED = re.compile(r"\b(?:end(?:ed|s)?\s+with|brought\s+(?:an\s+)?end\s+to|ended|halted|"
                   r"stopped|concluded|put\s+an\s+end\s+to)\b", re.I)
KINDS = (("memorand", "memorandum"), ("letter", "letter_of_intent"), ("notes", "notes"),
         ("plan", "plan"), ("communiqu", "statement"),
         ("addend", "amendment"), ("amendment", "amendment"), ("mou", "memorandum"),
         ("declaration", "declaration"),
         ("ceasefire", "ceasefire"), ("truce", "ceasefire"), ("armistice", "ceasefire"),
         ("contract", "contract"), ("deal", "contract"), ("statement", "statement"),
         ("pact", "agreement"), ("arrangement", "agreement"),
         ("decree", "decree"))

fold(DESCRIBED)
fold(SIGNING)


def kind_of(phrase: str) -> str:
    """The kind of agreement a phrase names: ``memorandum``, ``contract``, ``ceasefire``."""
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), "agreement")


def agreements(ctx: Context) -> None:
    """Record an agreement the sentence names or says was signed, its signers and mediators."""
    named = ctx.labelled("Agreement")
    if not named and not ctx.says(*WORDS) and not (
            ctx.says("signed") and PRONOUN.match(ctx.text, ctx.sentence.start, ctx.sentence.end)):
        return
    described = _outside_names(ctx, ctx.search(DESCRIBED, ctx.sentence.start,
                                               ctx.sentence.end)) or \
        PRONOUN.match(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if named and described is not None:
        named, described = _frameworks(ctx, named, described)
    if described is not None and described.re is not PRONOUN and _denied(ctx, described):
        described = ctx.search(DESCRIBED, described.end(), ctx.sentence.end) or described
    signing = _signing(ctx)
    numbered = described is not None and described.re is not PRONOUN and \
        _numbered(ctx, described)
    split = numbered
    twins: list[str] = []
    if signing and UNREAL.search(ctx.sentence.text[:signing.start()]):
        signing = None
    if signing and described is not None and described.re is not PRONOUN:
        described = _signed_object(ctx, signing) or _signed_before(ctx, signing, described) \
            or described
    if not named and not (described and (signing or numbered)):
        if described is not None and described.re is not PRONOUN:
            _made_with_agreement(ctx, described)
        if signing is None:
            _cited(ctx)
        return
    mediators = _mediators(ctx)
    signers = _signers(ctx, signing, mediators)
    if named:
        mention = named[0]
        event = _named(ctx, mention, {m.id for m in signers if m.label == "Country"})
        if signing is None:
            _link_sides(ctx, event, mention.start, mention.end)
    elif not numbered and (REFERRING.search(ctx.text[ctx.sentence.start:described.start()]) or
          described.re is PRONOUN) and "Agreement" in ctx.article.last_event and \
            (_same_time(ctx, referred(ctx, _kind_told(described)), described) or
             _signed_earlier(ctx, described)) and \
            not (split := _one_of(ctx, described, referred(ctx, _kind_told(described)))):
        event = referred(ctx, _kind_told(described))
        refer(ctx, "Agreement", event, *described.span())
        if described.re is not PRONOUN:
            _alias(ctx, event, described.group().lower())
    elif described.group().lower() in ONLY_REFERS or _denied(ctx, described):
        return
    else:
        start = _phrase_start(ctx, described.start())
        phrase = ctx.text[start:described.end()]
        kind = kind_of(phrase)
        states = [m for m in signers if m.label == "Country"]
        if start == described.start() and not signers and " " not in described.group() and \
                not numbered and not TOPIC.match(ctx.text, described.end(), ctx.sentence.end):
            return
        titled = None if split else _titled_in_headline(ctx, kind)
        if titled is not None:
            refer(ctx, "Agreement", titled, described.start(), described.end())
            _alias(ctx, titled, phrase)
            _signed(ctx, titled, signing, signers, mediators)
            return
        name = event_name(ctx, phrase.lower(), states)
        headline = None if split else _headline(ctx, kind)
        if headline is not None:
            ctx.out.entities[headline].name = name
        topics = _topics(ctx, described.end())
        event_id = headline or slug(f"{' '.join(sorted(m.id for m in states))} "
                                    f"{_ordinal(ctx, start) if numbered else ''}"
                                    f"{phrase if split else kind} "
                                    f"{(ctx.date() or '')[:7]}")
        if not headline and topics and event_id in ctx.out.entities and \
                ANOTHER.search(ctx.text, max(ctx.sentence.start, start - 12), start) and \
                (phrase + topics[0]).lower() not in ctx.out.entities[event_id].aliases:
            event_id = slug(f"{event_id} {topics[0]}")
        event = record_event(ctx, "Agreement", start, described.end(), name,
                             kind, "agreement.described", 0.6, event_id)
        for topic in topics:
            _alias(ctx, event, phrase + topic)
        told = TOLD_AS.search(ctx.text, max(ctx.sentence.start, start - 20), start)
        if told:
            _alias(ctx, event, f"{told['word'].lower()} {phrase}")
        year = YEAR_BEFORE.search(ctx.text, max(ctx.sentence.start, start - 6), start)
        if year:
            for topic in ("", *topics):
                _alias(ctx, event, f"{year.group().strip()} {phrase}{topic}")
        twins = _pair(ctx, described, start, phrase, states, kind)
    for one in [event, *twins]:
        _signed(ctx, one, signing, signers, mediators)
    if signing is not None:
        first_end = named[0].end if named else described.end()
        _coordinated(ctx, first_end, signing, signers, mediators)


ANOTHER = re.compile(r"\b(?:an?|another|separate)\s+$", re.I)
"""Before an agreement told as new (``a memorandum on defence-industry cooperation``): with a
topic of its own it is not the one of the same kind and month reported before."""


COORDINATED = re.compile(r"[^;:()]{0,200}?,?\s+and\s+(?:an?|the)\s+(?:[A-Z][\w’'-]*\s+){0,2}$")
"""Between an agreement the sentence says was signed and a second one joined to it (``signed
a memorandum on industry cooperation and a letter of intent on peacekeeping``, ``follows the
agreement signed by A and B in 2023, and a memorandum signed by ...``)."""


def _coordinated(ctx: Context, first_end: int, signing: re.Match[str],
                 signers: list[Mention], mediators: list[Mention]) -> None:
    """A second agreement joined by ``and`` to the one a sentence says was signed: one of its
    own, signed by those named after its own ``signed by``, else by the same signers."""
    second = ctx.search(DESCRIBED, first_end, ctx.sentence.end)
    if second is None or second.group().lower() in ONLY_REFERS or _denied(ctx, second):
        return
    start = _phrase_start(ctx, second.start())
    if not COORDINATED.fullmatch(ctx.text, first_end, start) or \
            any(m.start < start < m.end for m in ctx.mentions):
        return
    phrase = " ".join(ctx.text[start:second.end()].split())
    topics = _topics(ctx, second.end())
    own = _own_signers(ctx, second.end())
    if own is None:
        own = signers
    states = [m for m in own if m.label == "Country"]
    kind = kind_of(phrase)
    told = [f"{phrase}{topic}".lower() for topic in topics] or [phrase.lower()]
    known = next((e.id for e in ctx.out.entities.values() if e.label == "Agreement" and
                  any(a.lower() in told for a in e.aliases)), None)
    event = known or record_event(
        ctx, "Agreement", start, second.end(), event_name(ctx, told[0], states), kind,
        "agreement.coordinated", 0.55,
        slug(f"{' '.join(sorted(m.id for m in states))} {told[0]} {(ctx.date() or '')[:4]}"))
    if known:
        refer(ctx, "Agreement", event, start, second.end())
    for topic in topics or [""]:
        _alias(ctx, event, phrase + topic)
    _signed(ctx, event, signing, own, mediators)


def _own_signers(ctx: Context, end: int) -> list[Mention] | None:
    """Those an agreement's own ``signed by`` names right after it (``a memorandum on defence
    cooperation signed by the two ministries``): people with the states they sign for, else
    bodies and states; none when it has no ``signed by`` of its own."""
    passive = SIGNED_BY.search(ctx.text, end, ctx.sentence.end)
    if passive is None or not SIGNED_GAP_OWN.fullmatch(ctx.text, end, passive.start()):
        return None
    at = passive.end()
    after = [m for m in ctx.actors() + ctx.persons() if m.start >= at and
             ctx.clause(m.start) == ctx.clause(at)]
    people = [m for m in after if m.label == "Person"]
    return people + _their_states(ctx, people, at) if people else \
        [m for m in after if m.label != "Person"]


SIGNED_GAP_OWN = re.compile(r"(?:\s+(?:on|for)\s+[^,;:]{1,80}?)?,?\s*")
"""Between an agreement and its own ``signed ... by``: at most its topic."""


CITED = re.compile(
    r"(?:\b(?i:in|according\s+to)\s+(?:an?|the|its|their)\s+|\b(?-i:A|The)\s+|['’]s?\s+)"
    r"(?P<doc>(?i:(?:(?:joint|final)\s+)?communiqu[ée]|(?:joint|final)\s+(?:statement|declaration|"
    r"press\s+release)))\b")
"""A joint document a report cites for what a meeting decided: ``In a joint press release,
the three chiefs condemned``, ``according to a joint statement``, ``A final statement
said``, ``the commission's final communiqué said``."""
CITING = re.compile(r"(?:\s+[\w’'-]+){0,8}?\s+(?:said|says|stated|added)\b|\s*,|"
                    r"\s+(?:issued|released|adopted|published|read)\b|\s*[.;]")
"""After a cited document: what it said, or the clause it opens."""
SAID = re.compile(r"(?:\s+[\w’'-]+){0,8}?\s+(?:said|says|stated)\b")
"""After a document cited with a bare ``A`` or ``The``: that it said something (``The joint
statement said``), which makes it cited, not merely told of."""


def _cited(ctx: Context) -> None:
    """A joint statement or communiqué the sentence cites (see ``CITED``): the agreement the
    report holds of that kind, else one of its own, named by the report's phrase."""
    found = ctx.search(CITED, ctx.sentence.start, ctx.sentence.end)
    if found is None or not CITING.match(ctx.text, found.end(), ctx.sentence.end):
        return
    lead = ctx.text[found.start():found.start("doc")].strip().lower()
    if lead in ("a", "the") and not SAID.match(ctx.text, found.end(), ctx.sentence.end):
        return
    phrase = " ".join(found["doc"].lower().split())
    kind = kind_of(phrase) if "release" not in phrase else "statement"
    known = next((e.id for e in ctx.out.entities.values() if e.label == "Agreement" and
                  e.properties.get("kind") in JOINT_KINDS and
                  e.rule not in ("agreement.dated", "agreement.mandate")), None)
    if known is not None:
        refer(ctx, "Agreement", known, found.start("doc"), found.end("doc"))
        _alias(ctx, known, phrase)
        return
    event = record_event(ctx, "Agreement", found.start("doc"), found.end("doc"),
                         event_name(ctx, phrase, []), kind, "agreement.cited", 0.5,
                         slug(f"{phrase} {(ctx.date() or ctx.article.published or '')[:7]}"))
    _alias(ctx, event, phrase)


PARTY_GAP = re.compile(r"(?:\s+of\s+\d{4})?\s+with\s+(?:the\s+)?")
"""Between an agreement and the state it was made with: ``a bilateral agreement with
Maputo``, ``its Reciprocal Access Agreement with Manila``."""
IN_PASSING = re.compile(r"\b(?:under|through|within|since)\s+(?:an?|its|their|the)\s+"
                        r"(?:(?:\d{4}|[a-z][\w-]*)\s+){0,4}$", re.I)
"""Before an agreement the sentence only acts under (``under a bilateral agreement``,
``since a 2018 defence agreement``), told in passing with the state it was made with."""
YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
"""``a 2018 agreement with Türkiye``: a dated agreement, which ``dated`` records."""


def _sides(ctx: Context, start: int, end: int) -> list[Mention]:
    """The two sides of an agreement told of as made ``with`` a state: that state and the
    first other state of the sentence before it (``Burundi, which has troops in South Kivu
    under a bilateral agreement with Kinshasa``)."""
    other = next((m for m in ctx.labelled("Country")
                  if m.start >= end and PARTY_GAP.fullmatch(ctx.text, end, m.start)), None)
    if other is None:
        return []
    first = next((m for m in ctx.labelled("Country") if m.end <= start and m.id != other.id),
                 None)
    return [other] if first is None else [first, other]


def _link_sides(ctx: Context, event: str, start: int, end: int) -> None:
    """SIGNED from the two sides of an agreement told of in passing (see ``_sides``)."""
    link_actors(ctx, event, "SIGNED", _sides(ctx, start, end), "agreement.made_with", 0.5)


def _made_with_agreement(ctx: Context, described: re.Match[str]) -> None:
    """An agreement no verb says was signed, which the sentence acts under and says was
    made with a state (``has troops in South Kivu under a bilateral agreement with
    Kinshasa``): recorded with both sides as its signers."""
    start = _phrase_start(ctx, described.start())
    if not IN_PASSING.search(ctx.text, max(ctx.sentence.start, start - 60), start) or \
            YEAR_BEFORE.search(ctx.text, max(ctx.sentence.start, start - 6), start):
        return
    sides = _sides(ctx, start, described.end())
    if len(sides) != 2:
        return
    phrase = ctx.text[start:described.end()]
    kind = kind_of(phrase)
    event = record_event(ctx, "Agreement", start, described.end(),
                         event_name(ctx, phrase.lower(), sides), kind, "agreement.described",
                         0.5, slug(f"{' '.join(sorted(m.id for m in sides))} {kind} "
                                   f"{(ctx.date() or '')[:7]}"))
    if ctx.date():
        ctx.out.entities[event].properties.setdefault("date", ctx.date())
    link_actors(ctx, event, "SIGNED", sides, "agreement.made_with", 0.5)


BEARERS = frozenset(("Organization", "Unit", "Location", "Person"))
"""Labels of names an agreement word can sit inside without naming an agreement
(``the Amazon Cooperation Treaty Organization``, ``the Treaty Room``)."""


def _outside_names(ctx: Context, described: re.Match[str] | None) -> re.Match[str] | None:
    """The first agreement word of the sentence that is not a word inside the name of a body
    or place (``Treaty`` in ``Amazon Cooperation Treaty Organization``)."""
    while described is not None:
        inside = next((m for m in ctx.mentions if m.label in BEARERS and m.rule != "pseudo" and
                       m.start <= described.start() and described.end() <= m.end), None)
        if inside is None:
            return described
        described = ctx.search(DESCRIBED, inside.end, ctx.sentence.end)
    return None


AT_SIGNING = re.compile(r"\b(?:witness(?:ed|es|ing)?|attend(?:ed|s|ing)?|watch(?:ed|es|ing)?|"
                        r"observ(?:ed|es|ing)|oversaw|presided\s+over)\s+(?:the\s+|its\s+|"
                        r"their\s+)?$", re.I)
"""Before the noun ``signing``: those named watched it (``who witnessed the signing``),
which says they did not sign."""


def _signing(ctx: Context) -> re.Match[str] | None:
    """The sentence's signing verb (offsets in the sentence), not the noun ``signing`` of an
    event someone witnessed or spoke at."""
    for found in ctx.scan(SIGNING):
        if found.group().lower() == "signing" and AT_SIGNING.search(
                ctx.sentence.text, max(0, found.start() - 40), found.start()):
            continue
        return found
    return None


LEADING_SPACE = re.compile(r"\s*")
LEAD = 3
"""How many body sentences after the headline make the lead that tells its news in full."""


def _headline(ctx: Context, kind: str) -> str | None:
    """The agreement only the headline described (``Brazil and Angola sign aircraft
    memoranda``), when this sentence describes the first since, in the lead or of the
    same kind: the same one, told in full."""
    end = ctx.text.find("\n", LEADING_SPACE.match(ctx.text).end())
    if end < 0 or ctx.sentence.start < end:
        return None
    described = [e for e in ctx.article.seen_at if ctx.out.entities.get(e) is not None
                 and ctx.out.entities[e].label == "Agreement"
                 and ctx.out.entities[e].rule != "agreement.dated"]
    if len(described) != 1:
        return None
    entity = ctx.out.entities[described[0]]
    if entity.rule != "agreement.described" or any(s >= end for s, _ in entity.spans) or (
            ctx.article.sentence > LEAD and entity.properties.get("kind") != kind):
        return None
    return entity.id


def _titled_in_headline(ctx: Context, kind: str) -> str | None:
    """The one agreement of ``kind`` the headline names (``ministers adopt Tallinn
    Declaration``), which a lead sentence describing one of that kind (``adopted a
    declaration``) tells of in full."""
    end = ctx.text.find("\n", LEADING_SPACE.match(ctx.text).end())
    if end < 0 or ctx.sentence.start < end or ctx.article.sentence > LEAD:
        return None
    named = [e.id for e in ctx.out.entities.values() if e.label == "Agreement" and
             e.rule not in ("agreement.described", "agreement.dated") and
             DESCRIBED.search(e.name) and kind_of(e.name) == kind and
             any(s < end for s, _ in e.spans)]
    return named[0] if len(named) == 1 else None


TOLD_AS = re.compile(r"\b(?P<word>separate|original|first|second|third)\s+$", re.I)
"""A word before an agreement that a report names it by (``a separate peace agreement``,
``the original contract``), though not part of what it is."""


def _signed(ctx: Context, event: str, signing: re.Match[str] | None, signers: list[Mention],
            mediators: list[Mention]) -> None:
    """Date, signers and mediators of one agreement the sentence tells of."""
    if ctx.date():
        ctx.out.entities[event].properties.setdefault("date", ctx.date())
    if signing:
        link_actors(ctx, event, "SIGNED", [m for m in signers if m.rule != "pseudo"],
                    "agreement.signed", 0.7, date=ctx.date())
        for state in (m for m in signers if m.rule == "pseudo"):
            ctx.out.relate("SIGNED", state.id, event, ctx.span, "agreement.signed_both", 0.55)
    link_actors(ctx, event, "MEDIATED", mediators, "agreement.brokered", 0.7)
    _ends_war(ctx, event)
    _parties_cooperate(ctx, event)


PAIR = re.compile(r"\s+on\s+(?P<first>[\w’' -]+?)\s+and\s+(?P<second>[\w’' -]+?)"
                  r"(?=\s*[,.;:]|\s+(?:signed|between|with|in|at|by|during|after|before|that|"
                  r"which|as)\b)")
TWO = re.compile(r"\b(?:two|both)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _pair(ctx: Context, described: re.Match[str], start: int, phrase: str,
          states: list[Mention], kind: str) -> list[str]:
    """``two memoranda of understanding on naval training and military aviation``: a second
    agreement beside the first, each on its own subject (the first keeps the phrase's id)."""
    pair = PAIR.match(ctx.text, described.end(), ctx.sentence.end)
    if pair is None or not described.group().lower().split()[0].endswith(("s", "memoranda")) or \
            not TWO.search(ctx.text, max(ctx.sentence.start, start - 20), start):
        return []
    first, second = (" ".join(pair[g].split()) for g in ("first", "second"))
    event = ctx.article.last_event["Agreement"]
    _alias(ctx, event, f"{phrase} on {first}")
    twin = record_event(ctx, "Agreement", described.start(), described.end(),
                        event_name(ctx, f"{phrase.lower()} on {second}", states), kind,
                        "agreement.described", 0.55,
                        slug(f"{' '.join(sorted(m.id for m in states))} {kind} {second} "
                             f"{(ctx.date() or '')[:7]}"))
    _alias(ctx, twin, f"{phrase} on {second}")
    return [twin]


OBJECT_GAP = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}")


def _denied(ctx: Context, described: re.Match[str]) -> bool:
    """Whether the sentence says there is no such agreement (``have no security treaty, but a
    memorandum ... was signed``)."""
    return NO.search(ctx.text, max(ctx.sentence.start, described.start() - 24),
                     described.start()) is not None


def _signed_object(ctx: Context, signing: re.Match[str]) -> re.Match[str] | None:
    """The agreement named right after the signing verb (``signed a plan of bilateral
    military cooperation``), which the sentence says was signed even when another agreement
    word comes first (``the agreements reached during his visit``)."""
    verbs = [m for m in SIGNING.finditer(ctx.sentence.text)
             if not UNREAL.search(ctx.sentence.text[:m.start()])]
    for verb in verbs:
        at = ctx.sentence.start + verb.end()
        found = ctx.search(DESCRIBED, at, ctx.sentence.end)
        if found is not None and found.start() <= at + 60 and \
                OBJECT_GAP.fullmatch(ctx.text, at, found.start()):
            return found
    return None


OPENING_REFERENCE = re.compile(r"\s*(?:the|this|that)\s+(?:[a-z][\w-]*\s+){0,2}$", re.I)
"""``The memorandum builds on``: a sentence opening on an agreement already reported."""
SIGNED_GAP = re.compile(r"(?:\s+on\s+[^,;:]{1,60}?)?(?:\s+(?:that|which))?"
                        r"(?:\s+(?!(?:and|but|was|were|is|are)\b)[\w’'-]+){0,6}?"
                        r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?")
"""Between an agreement and the verb that signed it: its topic, ``that`` and its signers
(``a memorandum on radar data signed``, ``the memorandum that Australia and Korea signed``)."""


def _signed_before(ctx: Context, signing: re.Match[str],
                   first: re.Match[str]) -> re.Match[str] | None:
    """The agreement the signing verb follows (``The deal follows a memorandum of
    understanding signed in 2025 by``) when the sentence opens on one already reported,
    which is the subject of another verb, not what was signed."""
    at = ctx.sentence.start + signing.start()
    if first.end() >= at or not OPENING_REFERENCE.fullmatch(
            ctx.text, ctx.sentence.start, first.start()):
        return None
    later = ctx.search(DESCRIBED, first.end(), at)
    while later is not None:
        if SIGNED_GAP.fullmatch(ctx.text, later.end(), at):
            return later
        later = ctx.search(DESCRIBED, later.end(), at)
    return None


NO = re.compile(r"\bno\s+(?:[a-z][\w-]*\s+)?$", re.I)
"""``but no agreement was reached``, ``have no security treaty``: no agreement at all."""
TOPIC = re.compile(r"\s+on\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s+(?:signed|between|"
                   r"with|in|at|by|that|which|under|covering|from|for|to|was|were|is|and|last|"
                   r"this|next|on|during|when|after|before|both|the\s+(?:two|three))\b|"
                   r"\s*[,.;:)]|$)")
"""What an agreement is on: ``memorandum of understanding on defence cooperation``."""
TOPICS = re.compile(TOPIC.pattern.replace("is|and|last", "is|last"))
"""The same through ``and``: ``on defence logistics and training cooperation``."""
FIELD_WORD = r"(?!(?:the|that|which|who|signed|and|or|with|between|by|to|for|from|on|at|in|" \
    r"was|were|is|are|will|would|last|this|next)\b)[a-z][\w-]*"
FIELD = re.compile(rf"\s+in\s+(?:{FIELD_WORD}\s+){{0,2}}?{FIELD_WORD}\b"
                   rf"(?=\s+(?!{FIELD_WORD}\b)|\s*[,.;:)]|$)")
"""The field a topic lies in, in lower case (``on cooperation in air defence``), not a place
(``in Paris``, ``in the capital``)."""


def _topics(ctx: Context, end: int) -> list[str]:
    """The ways a report's readers name what an agreement is on: its topic up to the first
    stop, through ``and``, with the field it lies in (``on cooperation in air defence``) and
    without what the topic is of (``on the junction point`` of ``... of their borders``)."""
    found: list[str] = []
    for pattern in (TOPIC, TOPICS):
        topic = pattern.match(ctx.text, end, ctx.sentence.end)
        if topic is None:
            continue
        found.append(topic.group())
        field = FIELD.match(ctx.text, topic.end(), ctx.sentence.end)
        if field is not None:
            found.append(topic.group() + field.group())
        if " of " in topic.group():
            found.append(topic.group().split(" of ")[0])
    return list(dict.fromkeys(found))


def _alias(ctx: Context, event: str, phrase: str) -> None:
    """Keep another of the report's phrases for the agreement (``the treaty``, ``memorandum
    of understanding on military education``)."""
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [" ".join(phrase.split())])


UNDER = re.compile(r"\b(?:under|within|pursuant\s+to|in\s+line\s+with)\s+(?:the\s+|their\s+|"
                   r"its\s+|an?\s+)?(?:[\w-]+\s+)?$", re.I)
"""Before an agreement that frames what the sentence tells of: ``under their EDCA``."""


def _frameworks(ctx: Context, named: list[Mention], described: re.Match[str]
                ) -> tuple[list[Mention], re.Match[str] | None]:
    """Named agreements the sentence only acts under (``sites American forces may use under
    their EDCA, in a joint statement signed by ...``) leave the signing to the agreement
    described outside them; the described match is moved off the names."""
    spans = [(m.start, m.end) for m in named]
    outside = next((found for found in DESCRIBED.finditer(ctx.text, ctx.sentence.start,
                                                           ctx.sentence.end)
                    if not any(s <= found.start() < e for s, e in spans)), None)
    if outside is None or described.re is PRONOUN:
        return named, described
    framing = {m.id for m in named if UNDER.search(ctx.before(m, 30))}
    kept = [m for m in named if m.id not in framing]
    return kept, outside if not kept else described


PLURAL = re.compile(r"\b(?:contracts|agreements|deals|memoranda|accords)\b", re.I)


NUMBERED = re.compile(r"\b(?:the|a)\s+(?P<word>first|second|third|fourth|fifth|last)\s+"
                      r"(?:[a-z][\w-]*\s+){0,2}$", re.I)
"""Before an agreement word: the one of several a report numbers (``Under the first
contract``, ``The second contract, with BEL, covers``)."""


def _numbered(ctx: Context, described: re.Match[str]) -> bool:
    """Whether ``the first contract`` is one of several agreements of its kind told of
    together before (``signed contracts with two Indian companies``): an agreement of its
    own, though the sentence may not say it was signed; not when those were already told
    apart (``two memoranda on naval training and military aviation``)."""
    if "Agreement" not in ctx.article.last_event or NUMBERED.search(
            ctx.text, max(ctx.sentence.start, described.start() - 40),
            described.start()) is None:
        return False
    kind = kind_of(described.group())
    entity = ctx.out.entities.get(referred(ctx, kind))
    together = [e for e in ctx.out.entities.values() if e.label == "Agreement" and
                e.properties.get("kind") == kind and any(PLURAL.search(a) for a in e.aliases)]
    return entity is not None and len(together) < 2 and any(
        PLURAL.search(alias) or NUMBERED.match(f"the {alias} ") for alias in entity.aliases)


def _ordinal(ctx: Context, start: int) -> str:
    """The ordinal an agreement is told by, with a space (``first ``), or nothing, so the
    first and second of a report's contracts stay apart."""
    word = NUMBERED.search(ctx.text, max(ctx.sentence.start, start - 40), start)
    return f"{word['word'].lower()} " if word is not None else ""


def _one_of(ctx: Context, described: re.Match[str], earlier: str) -> bool:
    """Whether ``the fighter contract`` is one of several told of together before (``signed
    contracts for jets and frigates``), so a new agreement rather than all of them."""
    if described.re is PRONOUN:
        return False
    start = _phrase_start(ctx, described.start())
    if start == described.start():
        return False
    phrase = " ".join(ctx.text[start:described.end()].lower().split())
    entity = ctx.out.entities[earlier]
    return phrase not in (a.lower() for a in entity.aliases) and \
        any(PLURAL.search(alias) for alias in entity.aliases)


ITS_SIGNING = re.compile(r",?\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?signed\b")
"""Right after ``the agreement``: the sentence dates its signing (``The agreement was signed
in Canberra last year``), earlier than the news the report tells of it."""


def _signed_earlier(ctx: Context, described: re.Match[str]) -> bool:
    """``The agreement was signed in Canberra last year``: the bare word for an agreement of
    its kind already reported, whose signing the sentence dates before the news."""
    kind = kind_of(described.group())
    earlier = ctx.out.entities.get(referred(ctx, kind))
    return described.re is not PRONOUN and earlier is not None and \
        earlier.properties.get("kind") == kind and \
        re.search(r"\b(?:the|this|that)\s+$", ctx.text[ctx.sentence.start:described.start()],
                  re.I) is not None and \
        ITS_SIGNING.match(ctx.text, described.end(), ctx.sentence.end) is not None


DATE_REACH = 50
"""How far before an agreement word a date can lie and still date it (``In 2019 the
contract``); dates further back date something else in the sentence."""


def _same_time(ctx: Context, event: str, described: re.Match[str]) -> bool:
    """Whether the sentence dates nothing near the agreement word (after it, or just before),
    or dates what the agreement's own date contains (``this year`` of one signed in May), so
    ``the declaration`` can be the one reported (not a delivery ``in 2030, said the agency,
    which signed the contract``)."""
    date = next((d.value for d in ctx.dates if d.start >= described.start() - DATE_REACH),
                None)
    if not date:
        return True
    known = ctx.out.entities[event].properties.get("date") or ctx.article.published or ""
    return bool(known) and known.startswith(date)


def _kind_told(described: re.Match[str]) -> str:
    """The kind of agreement a back-reference names; none for ``It was signed``, which
    stands for the agreement reported last whatever its kind."""
    return "" if described.re is PRONOUN else kind_of(described.group())


def referred(ctx: Context, kind: str) -> str:
    """The agreement ``the contract`` stands for: the latest of that kind, else the latest."""
    for event in reversed(ctx.article.seen_at):
        entity = ctx.out.entities.get(event)
        if entity is not None and entity.label == "Agreement" and \
                entity.properties.get("kind") == kind:
            return event
    return ctx.article.last_event["Agreement"]


JOINING = frozenset(("and", "or"))
"""Words joining two modifiers of one agreement word (``operational and functional
memoranda``, ``defence industry and logistics cooperation memorandum``)."""


def _phrase_start(ctx: Context, start: int) -> int:
    """Where an agreement's noun phrase begins: ``a new defence cooperation agreement``
    gives ``defence cooperation agreement``."""
    titled = ctx.text[start:start + 1].isupper()
    pattern = TITLE_WORD if titled else LEFT_WORD
    for _ in range(4):
        word = pattern.search(ctx.text, max(ctx.sentence.start, start - 30), start)
        if word is not None and not titled and word["word"] in JOINING:
            joined = pattern.search(ctx.text, max(ctx.sentence.start, word.start() - 30),
                                    word.start())
            word = joined
        if word is None or word["word"].lower() in NOT_MODIFIERS:
            break
        start = word.start()
    return start


def _named(ctx: Context, mention: Mention, states: set[str]) -> str:
    """A named agreement; named right after one only described, or signed by the same
    states as one only described before (a headline's ``defence pact``), it is that one."""
    last = _described_by(ctx, states) or ctx.article.last_event.get("Agreement")
    entity = ctx.out.entities.get(last or "")
    if entity is not None and entity.rule == "agreement.described" and not ctx.date() and (
            ctx.article.sentence - ctx.article.seen_at.get(entity.id, -9) == 1 or
            entity.id == _described_by(ctx, states)):
        entity.name = mention.name
        entity.rule = "agreement.named"
        ctx.out.entities.pop(mention.id, None)
        return record_event(ctx, "Agreement", mention.start, mention.end, mention.name,
                            kind_of(mention.text), "agreement.named", 0.8, entity.id)
    return record_event(ctx, "Agreement", mention.start, mention.end, mention.name,
                        kind_of(mention.text), "agreement.named", 0.8)


def _described_by(ctx: Context, states: set[str]) -> str | None:
    """The agreement only described so far that the same two or more states signed."""
    if len(states) < 2:
        return None
    for event in reversed(ctx.article.seen_at):
        entity = ctx.out.entities.get(event)
        if entity is None or entity.label != "Agreement" or entity.rule != "agreement.described":
            continue
        signed = {r.source for r in ctx.out.relations.values() if r.target == event and
                  r.type == "SIGNED" and ctx.out.entities[r.source].label == "Country"}
        if signed == states:
            return event
    return None


def _mediators(ctx: Context) -> list[Mention]:
    """States, bodies and people named as brokers: ``Russia-brokered``, ``brokered by Qatar``,
    ``under the auspices of the OSCE``, ``Qatar mediated the deal``."""
    found = []
    for mention in ctx.actors() + ctx.labelled("Country") + ctx.persons():
        if mention in found or mention.label not in ("Country", "Organization", "Person"):
            continue
        if BROKERED.match(ctx.text, mention.start) or BROKER_BY.search(ctx.before(mention)) or \
                BROKERS.match(ctx.text, mention.end, ctx.sentence.end):
            found.append(mention)
    return found


WITNESSED = re.compile(r"\b(?:in\s+the\s+presence\s+of|witnessed\s+by|watched\s+by|"
                       r"attended\s+by)\b", re.I)
"""Words after which those named watched a signing rather than signed."""


def _signers(ctx: Context, signing: re.Match[str] | None, mediators: list) -> list:
    """Who signed: people before the signing verb, else states before it, else the states
    after ``between`` or ``by``, else the two last named for ``the two countries``."""
    actors = [m for m in ctx.actors() + ctx.persons() if m not in mediators]
    if signing and ctx.both() and ctx.has(STATES_SIGNED):
        return [replace(m, rule="pseudo") for m in ctx.article.pair()]
    ministers = ctx.has(MINISTERS_SIGNED) if signing else None
    named = _the_ministers(ctx, ministers) if ministers else []
    if named:
        return named
    passive = ctx.has(SIGNED_BY)
    if passive:
        at = ctx.sentence.start + passive.end()
        after = [m for m in actors if m.start >= at and ctx.clause(m.start) == ctx.clause(at)
                 and not WITNESSED.search(ctx.text, at, m.start)]
        people = [m for m in after if m.label == "Person"]
        return people + _their_states(ctx, people, at) if people else \
            [m for m in after if m.label != "Person"]
    verb = ctx.sentence.start + signing.start() if signing else ctx.sentence.end
    if signing and BETWEEN_AFTER.match(ctx.sentence.text, signing.end()):
        return _after_signers(ctx, mediators)
    ministries = PLURAL_OFFICES.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if ministries:
        return _their_offices(ctx, ministries["office"])
    before = [m for m in actors if m.end <= verb and ctx.clause(m.start) == ctx.clause(verb)]
    people = [m for m in before if m.label == "Person"]
    bodies = [m for m in before if m.label in ("Organization", "Unit")
              and not AFTER_SIGNERS.search(ctx.before(m, 30))]
    owners = {m.id for m in before for body in bodies
              if m.label == "Country" and not body.role.startswith("of:") and
              OWNER_GAP.fullmatch(ctx.text, m.end, body.start)}
    states = [m for m in before if m.label == "Country" and m.id not in owners]
    if people or states or bodies:
        return (people or states or bodies) + _with_party(ctx, signing, mediators)
    after = _after_signers(ctx, mediators)
    if after:
        return after
    two = ctx.has(TWO_PEOPLE)
    if two and len(ctx.article.people) >= 2:
        people = [replace(m, rule="pseudo") for m in _the_two(ctx, two.group())]
        states = [ctx.article.person_country.get(m.id) for m in people]
        return people + [Mention(0, 0, "", "Country", s, s, rule="pseudo")
                         for s in states if s and s in ctx.out.entities]
    if ctx.both():
        return [replace(m, rule="pseudo") for m in ctx.article.pair()]
    return []


WITH_GAP = re.compile(r"[^,;:()]{0,80}?\bwith\s+(?:the\s+)?(?:(?!(?:from|of|by|to|for|in|at|"
                      r"on|and|support|help|funds?|funding|financing|backing)\b)[\w’'-]+\s+){0,3}")
"""From a signing verb to the party it was signed with: ``signed a memorandum of understanding
with``, ``signed a contract worth about 1.1 billion euros with South Korea's``, ``signed with
Spanish shipbuilder``; not ``with funds from``."""
OWNED = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}")
"""Between a state and the body of it that the sentence names (``South Korea's Hanwha``)."""


def _with_party(ctx: Context, signing: re.Match[str] | None,
                mediators: list[Mention]) -> list[Mention]:
    """The party a signing verb says the agreement was signed with (``Saudi Arabia signed a
    memorandum with Embraer``, ``a pact Vanuatu signed with Australia``): it signed too; a
    state named only as the owner of what follows (``with South Korea's Hanwha Aerospace``)
    leaves the signing to that body, and to none when the text names no body there."""
    if signing is None:
        return []
    at = ctx.sentence.start + signing.end()
    after = [m for m in ctx.actor_mentions() if m.start >= at and m not in mediators and
             ctx.clause(m.start) == ctx.clause(at)]
    first = next((m for m in after if WITH_GAP.fullmatch(ctx.text, at, m.start)), None)
    if first is None:
        return []
    if first.label != "Country" or not OWNED.match(ctx.text, first.end):
        return [first]
    owned = next((m for m in after if m.start >= first.end and m.label != "Country"), None)
    return [owned] if owned is not None and OWNED.fullmatch(ctx.text, first.end,
                                                           owned.start) else []


BETWEEN_AFTER = re.compile(r"\s+(?:(?:in|on|last|this)\s+\w+\s+)?between\b")
"""After the signing verb: the signers come next (``a protocol signed between Jordan's
Royal Medical Services and the Iraqi Ministry of Defence``), not before it."""


STATES_SIGNED = re.compile(
    r"\b(?:both|the\s+two)\s+(?:countries|nations|states|governments)(?:['’]\s+(?:[a-z][\w-]*"
    r"\s+){1,4}?)?\s*(?:(?:have|had|also|jointly|then|formally)\s+)*(?=(?:sign|ink|seal|"
    r"conclud)\w*\b)|\b(?:sign|ink|seal|conclud)\w*\s+(?:[^.;]{0,60}?\s+)?by\s+(?:both|the\s+two)"
    r"\s+(?:countries|nations|states|governments)\b", re.I)
"""``the two countries signed``, ``signed in Berlin by the two countries' procurement
agencies``: the two states last named signed, through whoever the sentence says."""


SERVED_BY_TITLE = re.compile(r"(?:['’]s?)?(?:\s+(?!(?:and|or|by|with|in|at|on)\b)[\w-]+){1,7},?\s+"
                             r"(?:[A-Z][\w.-]*\s+){0,3}")
"""Between a state and the name of the official it sends: ``'s Minister of Defence, Gen.``"""


def _their_states(ctx: Context, people: list[Mention], at: int) -> list[Mention]:
    """The states whose officials signed (``by Ecuador's Minister of National Defence, X,
    and Spain's Secretary of State for Defence, Y``): they signed through them."""
    found: list[Mention] = []
    for person in people:
        state = next((m for m in reversed(ctx.labelled("Country")) if at <= m.start and
                      m.end <= person.start and SERVED_BY_TITLE.fullmatch(
                          ctx.text, m.end, person.start)), None)
        if state is not None and state.id not in {m.id for m in found}:
            found.append(state)
    return found


OWNER_GAP = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}")
"""Between a state and a company of it (``South Korea's Hanwha Aerospace``): the company
signs, not the state (which signs through its own ministries and forces)."""


PLURAL_OFFICES = re.compile(r"\b(?i:the\s+(?:two|three|four|respective)|both|their)\s+"
                            r"(?P<office>(?i:defen[cs]e|foreign))\s+ministries\s+"
                            r"(?:(?:have|had|also|jointly|on\s+\w+)\s+)*"
                            r"(?=(?i:sign(?:ed|s)?|ink(?:ed|s)?|conclude[ds]?|seal(?:ed|s)?)\b)")
"""``the two defence ministries`` right before a signing verb: they signed."""


def _their_offices(ctx: Context, word: str) -> list[Mention]:
    """The offices ``the two defence ministries`` stands for, of the states the sentence
    names (else the two last named), with the states they sign for."""
    title = next((m.id for m in default().find(f"{word.capitalize()} Minister")
                  if m.label == "Title"), None)
    target = extras().get(("Title", title or ""))
    states = list(dict.fromkeys(m.id for m in ctx.labelled("Country")))
    if len(states) < 2:
        states = [m.id for m in ctx.article.pair()]
    found: list[Mention] = []
    for state in states:
        office = office_of(ctx.out, state, target, ctx.span) if target else None
        if office:
            found.append(Mention(0, 0, "", "Organization", office, office, rule="pseudo"))
        found.append(Mention(0, 0, "", "Country", state, state, rule="pseudo"))
    return found


NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve")
MINISTERS = (r"(?:all\s+(?:the\s+)?|the\s+)(?:(?P<n>two|three|four|five|six|seven|eight|nine|"
             r"ten|eleven|twelve|\d+)\s+)?(?:defen[cs]e\s+)?ministers\b(?!['’]|\s+of\b)")
MINISTERS_SIGNED = re.compile(
    rf"\b{MINISTERS}\s*(?:(?:have|had|also|jointly|then|formally|later)\s+)*(?=(?:sign|ink|"
    rf"seal|adopt)\w*\b)|\b(?:sign|ink|seal|adopt)\w*\s+(?:[^.;,]{{0,60}}?\s+)?by\s+"
    rf"{MINISTERS.replace('(?P<n>', '(?P<m>')}", re.I)
"""``the ministers signed``, ``signed by all ten ministers``: every minister the report has
named signed (when it says how many, at most that many), with the states they serve."""


def _the_ministers(ctx: Context, said: re.Match[str]) -> list[Mention]:
    """The ministers ``the eight ministers`` stands for: those the report named so far, and
    in the sentence, who head a ministry; each one's state signs through them."""
    heads = {r.source for r in ctx.out.relations.values() if r.type == "COMMANDS" and
             ctx.out.entities[r.target].properties.get("kind") in ("ministry", "department")}
    people: list[Mention] = []
    for person in [*ctx.article.people, *ctx.persons()]:
        if person.id in heads:
            people = [m for m in people if m.id != person.id] + [person]
    count = (said["n"] or said["m"] or "").lower()
    many = NUMBERS.index(count) + 2 if count in NUMBERS else int(count) if count else 0
    if len(people) < 2 or (many and len(people) > many):
        return []
    found = [replace(m, rule="pseudo") for m in people]
    states = list(dict.fromkeys(ctx.article.person_country.get(m.id) for m in people))
    return found + [Mention(0, 0, "", "Country", s, s, rule="pseudo")
                    for s in states if s and s in ctx.out.entities]


def _the_two(ctx: Context, said: str) -> list[Mention]:
    """The two people ``the two ministers`` stands for: the last two named who head a
    ministry (the last two named when fewer do)."""
    if "minister" not in said.lower():
        return ctx.article.people[-2:]
    heads = {r.source for r in ctx.out.relations.values() if r.type == "COMMANDS" and
             ctx.out.entities[r.target].properties.get("kind") in ("ministry", "department")}
    ministers = [m for m in ctx.article.people if m.id in heads]
    return ministers[-2:] if len(ministers) >= 2 else ctx.article.people[-2:]


def _after_signers(ctx: Context, mediators: list[Mention]) -> list[Mention]:
    """States named after ``between``, ``by`` or ``with`` (and those joined to them)."""
    found: list[Mention] = []
    for mention in ctx.labelled("Country"):
        if mention in mediators:
            continue
        joined = found and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?",
                                        ctx.text[found[-1].end:mention.start])
        if joined or AFTER_SIGNERS.search(ctx.before(mention, 30)):
            found.append(mention)
    return found


def _parties_cooperate(ctx: Context, event: str) -> None:
    """The two states that signed a bilateral agreement (not a ceasefire) cooperate; the
    signers of a multilateral one are not read as each other's partners."""
    if ctx.out.entities[event].properties.get("kind") in ("ceasefire", "statement", "decree"):
        return
    states = sorted({r.source for r in ctx.out.relations.values() if r.target == event
                     and r.type == "SIGNED" and ctx.out.entities[r.source].label == "Country"})
    if len(states) != 2:
        return
    for first, second in combinations(states, 2):
        ctx.out.relate("COOPERATES_WITH", first, second, ctx.span, "agreement.parties", 0.45)


def _ends_war(ctx: Context, event: str) -> None:
    """An agreement said to end a war (``the war ended with a ceasefire``) is part of it."""
    ended = ctx.has(ENDED)
    if not ended:
        return
    wars = [e for e in ctx.events if e.label == "Operation"]
    war = wars[0].id if wars else ctx.article.last_event.get("Operation")
    if war and re.search(r"\b(?:war|conflict|fighting|hostilities|offensive|operation)\b",
                         ctx.sentence.text, re.I):
        ctx.out.relate("PART_OF", event, war, ctx.span, "agreement.ends_war", 0.45)


DATED = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?P<phrase>(?:(?!(?:and|or|a|an|the|to|of|in|on|with)\s)[a-z][\w-]*"
    r"\s+){0,3}?(?P<head>agreement|treaty|"
    r"contract|memorandum(?:\s+of\s+understanding)?|accord|pact|deal|declaration|protocol))\b")
BETWEEN = re.compile(r"\s+(?:between|with)\s+(?:the\s+)?$")
TITLE_YEAR = re.compile(r"(?:19|20)\d\d\s+(?P<title>[A-Z].*)")
"""A named agreement whose name took in the year before it (``2014 Comprehensive Agreement on
the Bangsamoro``): its title alone is another name of it."""


def dated(ctx: Context) -> None:
    """``the 2010 defence partnership agreement``, ``under a 2018 agreement between India and
    Oman``: an earlier agreement the report dates by its year, one of its own, signed by the
    states named after ``between``; a named one so dated (``the 1951 Mutual Defense
    Treaty``) keeps the dated phrase as an alias. Not the sentence's event: what the sentence
    tells of happens under it, not in it."""
    if not ctx.says("19", "20"):
        return
    for named in ctx.labelled("Agreement"):
        year = re.search(r"\b(?:19|20)\d\d\s+$", ctx.before(named, 8))
        if year and named.id in ctx.out.entities:
            _alias(ctx, named.id, ctx.text[named.start - len(year.group()):named.end])
        titled = TITLE_YEAR.match(named.name)
        if titled and named.id in ctx.out.entities:
            _alias(ctx, named.id, titled["title"])
    signing = ctx.has(SIGNING)
    first = ctx.search(DESCRIBED, ctx.sentence.start, ctx.sentence.end) if signing else None
    for match in DATED.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        if first is not None and first.start() == match.start("head"):
            continue
        year, phrase = match["year"], " ".join(match["phrase"].split())
        states = _after_between(ctx, match.end())
        if len(states) == 1 and PARTY_GAP.fullmatch(ctx.text, match.end(), states[0].start):
            states = _sides(ctx, match.start(), match.end())
        parties = " and ".join(m.name for m in states)
        name = f"{phrase[:1].upper()}{phrase[1:]}" + (f" between {parties}" if parties else "") \
            + f" ({year})"
        event = ctx.out.add(Mention(
            match.start(), match.end(), ctx.text[match.start():match.end()], "Agreement",
            slug(f"{' '.join(sorted(m.id for m in states))} {phrase} {year}"), name,
            kind_of(phrase), rule="agreement.dated", confidence=0.5)).id
        _alias(ctx, event, phrase)
        for topic in _topics(ctx, match.end()):
            _alias(ctx, event, phrase + topic)
            _alias(ctx, event, f"{year} {phrase}{topic}")
        ctx.out.entities[event].properties.setdefault("date", year)
        for state in states:
            ctx.keep(state)
            ctx.out.relate("SIGNED", state.id, event, ctx.span, "agreement.dated", 0.5)


def _after_between(ctx: Context, end: int) -> list[Mention]:
    """The states named right after ``between`` (``between India and Oman``)."""
    found: list[Mention] = []
    for mention in ctx.labelled("Country"):
        if mention.start < end:
            continue
        gap = ctx.text[(found[-1].end if found else end):mention.start]
        if (not found and BETWEEN.fullmatch(gap + " ")) or \
                (found and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", gap)):
            found.append(mention)
        elif found or mention.start - end > 20:
            break
    return found


MANDATE = re.compile(
    r"\b(?:(?P<verb>renew(?:ed|s)|extend(?:ed|s)|prolong(?:ed|s))\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z][\w-]*)['’]s\s+|(?:mission|force|operation)['’]s\s+)?mandate|"
    r"mandate\s+(?:was|has\s+been|had\s+been)\s+(?:renewed|extended|prolonged)"
    r"(?P<by>\s+by\s+(?:the\s+)?)?)\b", re.I)
"""A council renewing a mission's mandate: ``the Security Council renewed UNDOF's mandate``,
``the mission's mandate was renewed by the Security Council``."""
CLAUSE_GAP = re.compile(r"[^,;:]{0,40}")
"""Between a council and what it did: no clause boundary (``The Security Council on 30 June
renewed``)."""


def mandates(ctx: Context) -> None:
    """A council's decision renewing or extending a mission's mandate is a decree the council
    signed, named by the report's phrase for it."""
    if not ctx.says("mandate"):
        return
    match = MANDATE.search(ctx.text, ctx.sentence.start, ctx.sentence.end)
    if match is None or UNREAL.search(ctx.text[ctx.sentence.start:match.start()]):
        return
    bodies = ctx.labelled("Organization")
    if match["verb"]:
        council = next((m for m in reversed(bodies) if m.end <= match.start() and
                        CLAUSE_GAP.fullmatch(ctx.text, m.end, match.start())), None)
    else:
        council = next((m for m in bodies if m.start == match.end()), None)
    if council is None or not re.search(r"\b(?:[Cc]ouncil|UNSC)\b", council.name):
        return
    end = match.start("by") if match["by"] else match.end()
    phrase = " ".join(ctx.text[match.start():end].split())
    year = (ctx.date() or ctx.article.published or "")[:4]
    event = ctx.out.add(Mention(
        match.start(), end, ctx.text[match.start():end], "Agreement",
        slug(f"{council.id} mandate {year}"), f"{council.name} mandate renewal ({year})"
        if year else f"{council.name} mandate renewal", "decree", rule="agreement.mandate",
        confidence=0.5)).id
    _alias(ctx, event, phrase)
    if ctx.date():
        ctx.out.entities[event].properties.setdefault("date", ctx.date())
    ctx.keep(council)
    ctx.out.relate("SIGNED", council.id, event, ctx.span, "agreement.mandate", 0.5)


GROUP = r"(?:principals|ministers|delegations|delegates|leaders|presidents|participants|" \
        r"heads\s+of\s+(?:state|government))"
GROUP_SIGNED = re.compile(
    rf"\b{GROUP}\b[^.;]{{0,120}}?\b(?:adopt(?:ed|s)?|sign(?:ed|s)?|issu(?:ed|es)|endors(?:ed|es))"
    rf"\b|\b(?:adopt|sign|issu|endors)\w*\s+by\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}"
    rf"{GROUP}\b", re.I)
"""A group that stands for those at a meeting signing or adopting what it issues: ``The
principals signed a joint statement``, ``signed by the presidents of the eight states``."""
JOINT_KINDS = ("statement", "declaration")
OBSERVERS = re.compile(r"\bobservers?\b", re.I)
"""Said where a state is told to take part: it watched the meeting, it signed nothing."""
GATHERING_KINDS = ("meeting", "talks")


def joint_signers(out: Extraction, sentences: list[Sentence]) -> None:
    """The states taking part in a meeting signed the joint statement or declaration that the
    report says its ministers, principals or delegations adopted or signed: the meeting in
    that sentence, else the meeting with the most states taking part (three or more; not
    one still planned, nor states told to attend as observers)."""
    taking_part: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PARTICIPATED_IN" and \
                out.entities[relation.source].label == "Country" and \
                not any(OBSERVERS.search(out.text, start, end) for start, end in relation.spans):
            taking_part.setdefault(relation.target, []).append(relation.source)
    _cited_signers(out, taking_part)
    meetings = [e for e in out.entities.values() if e.label == "Meeting" and
                e.properties.get("kind", "meeting") in GATHERING_KINDS and
                e.properties.get("status") != "planned" and len(taking_part.get(e.id, ())) >= 3]
    if not meetings:
        return
    main = max(meetings, key=lambda e: len(taking_part[e.id]))
    for agreement in [e for e in out.entities.values() if e.label == "Agreement" and
                      e.properties.get("kind", kind_of(e.name)) in JOINT_KINDS]:
        for sentence in sentences:
            if not any(sentence.start <= start < sentence.end for start, _ in agreement.spans) \
                    or not GROUP_SIGNED.search(out.text, sentence.start, sentence.end):
                continue
            meeting = next((m for m in meetings if any(sentence.start <= start < sentence.end
                                                       for start, _ in m.spans)), main)
            for state in sorted(set(taking_part[meeting.id])):
                out.relate("SIGNED", state, agreement.id, (sentence.start, sentence.end),
                           "agreement.joint_signers", 0.5)
            break


def _cited_signers(out: Extraction, taking_part: dict[str, list[str]]) -> None:
    """A joint statement or communiqué a report only cites, no one said to sign it, was
    issued at the meeting the report tells of most (two or more states taking part; not one
    still planned): by the body whose session it is (the one running it), else by the
    states taking part."""
    cited = [e for e in out.entities.values() if e.rule == "agreement.cited" and
             not any(r.type == "SIGNED" and r.target == e.id for r in out.relations.values())]
    meetings = [e for e in out.entities.values() if e.label == "Meeting" and
                e.properties.get("status") != "planned" and len(taking_part.get(e.id, ())) >= 2]
    if not cited or not meetings:
        return
    main = max(meetings, key=lambda e: (len(taking_part[e.id]),
                                        -(e.spans[0][0] if e.spans else 0)))
    bodies = sorted({r.source for r in out.relations.values() if r.type == "RUNS" and
                     r.target == main.id and out.entities[r.source].label == "Organization"})
    for agreement in cited:
        for signer in bodies or sorted(set(taking_part[main.id])):
            out.relate("SIGNED", signer, agreement.id, agreement.spans[0], "agreement.cited",
                       0.45)


FOR_ITSELF = ("academy", "company")
"""Kinds of body that sign for themselves, not for their state: an academy-to-academy or
company-to-company document is signed by the bodies alone."""
SCHOOL = re.compile(r"\b(?:Academy|College|School|University|Institute|Escola|Centre|Center)\b")


def body_states(out: Extraction) -> None:
    """An agreement a state's ministry, armed forces, government or agency signed was signed
    by that state too (``a memorandum signed by the Australian Federal Police and the Samoa
    Police Service``: Australia and Samoa); not one an academy, school or company signed, nor
    one a navy or other service signed (``the two navies will sign an accord``: the navies)."""
    states: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "PART_OF" and out.entities[relation.target].label == "Country":
            states.setdefault(relation.source, []).append(relation.target)
    for relation in sorted(out.relations.values(), key=lambda r: r.key):
        body = out.entities[relation.source]
        if relation.type != "SIGNED" or body.label != "Organization" or \
                body.properties.get("kind") in FOR_ITSELF or SCHOOL.search(body.name):
            continue
        for state in sorted(set(states.get(body.id, ()))):
            out.relate("SIGNED", state, relation.target, relation.spans[0],
                       "agreement.body_state", round(relation.confidence - 0.15, 2))


SIGNED_THERE = re.compile(r"\bsigned\s+(?:(?:on|last|this)\s+\w+\s+)?(?:at|in)\s+(?:the\s+)?"
                          r"(?:[a-z’'-]+\s+){0,3}?(?:(?:in|at)\s+)?[A-Z]")
"""An agreement's signing told with its venue: ``was signed at X``, ``signed in X on Monday``,
``signed at the ministry in Hanoi``."""
AT_THE_SIGNING = re.compile(
    r"(?:\b(?:at|during)\s+the\s+|\b(?P<saw>witnessed|attended)\s+the\s+|\b(?=signing\s+ceremony))"
    r"(?P<what>signing(?:\s+ceremony)?)\b|\b(?:at|after|during)\s+the\s+(?:same\s+)?"
    r"(?P<ceremony>ceremony)\b", re.I)
"""The report back at the signing, as at an event: ``said at the signing``, ``the signing
ceremony``, ``witnessed the signing``, and ``after the ceremony`` when no other ceremony is
told of there (not ``after the signing``, which tells only when)."""
WITH_SIGNERS = ("Person",)
VENUE_REACH = 60
"""How far after ``signed at`` the places of the signing are named."""


def _in(spans: list[tuple[int, int]], sentence: Sentence) -> bool:
    return any(sentence.start <= start < sentence.end for start, _ in spans)


def _spanned(entities: list[Entity], offset: int) -> bool:
    """Whether one of ``entities`` is mentioned at ``offset``."""
    return any(start <= offset < end for e in entities for start, end in e.spans)


def signings(out: Extraction, sentences: list[Sentence]) -> None:
    """An agreement a sentence says people signed at a place (``The pact was signed in X by
    A and B, with C attending``) was signed at a ceremony there: a meeting whose people are
    those the sentence names, whose states are the agreement's signatory states, held where
    the agreement was, hosted by the signatory state the place lies in; the agreement is
    part of it. Not for an agreement signed at a meeting already told of."""
    body = [s for s in sentences if not s.heading]
    located: dict[str, set[str]] = {}
    for relation in out.relations.values():
        if relation.type == "LOCATED_IN":
            located.setdefault(relation.source, set()).add(relation.target)
    for agreement in [e for e in out.entities.values() if e.label == "Agreement"]:
        ties = [r for r in out.relations.values() if agreement.id in (r.source, r.target)]
        if any(r.type == "PART_OF" and r.source == agreement.id and
               out.entities[r.target].label == "Meeting" for r in ties):
            continue
        signers = {r.source for r in ties if r.type == "SIGNED"}
        for sentence in body:
            if not _in(agreement.spans, sentence):
                continue
            found = SIGNED_THERE.search(out.text, sentence.start, sentence.end)
            if found is None:
                continue
            venue = (found.start(), min(sentence.end, found.end() + VENUE_REACH))
            places = [e.id for e in out.entities.values() if e.label == "Location" and
                      any(venue[0] <= start < venue[1] for start, _ in e.spans)] or \
                [r.target for r in ties if r.type == "HELD_IN" and r.source == agreement.id and
                 out.entities[r.target].label == "Location"]
            people = [p for p in signers if out.entities[p].label in WITH_SIGNERS and
                      _in(out.entities[p].spans, sentence)]
            if not places or not people:
                continue
            _ceremony(out, agreement, sentence, found, places, signers, located, body)
            break


def _ceremony(out: Extraction, agreement: Entity, sentence: Sentence, found: re.Match[str],
             places: list[str], signers: set[str], located: dict[str, set[str]],
             body: list[Sentence]) -> None:
    meetings = [e for e in out.entities.values() if e.label == "Meeting"]
    backs = [back for later in body if later.end > found.end()
             for back in AT_THE_SIGNING.finditer(out.text, max(later.start, found.end()),
                                                 later.end)
             if not (back["ceremony"] and _spanned(meetings, back.start("ceremony")))]
    if not backs:
        return
    span = (sentence.start, sentence.end)
    told = [e.id for e in meetings if any(back["what"] and _spanned([e], back.start("what"))
                                          for back in backs)]
    event = told[0] if told else slug(f"signing {agreement.id}")
    if not told:
        where = " and ".join(out.entities[p].name for p in places)
        out.add(Mention(found.start(), found.start() + 6, "signed", "Meeting", event,
                        f"Signing of {agreement.name} in {where}", "ceremony",
                        rule="agreement.signing", confidence=0.5))
        for back in backs:
            word = "what" if back["what"] else "ceremony"
            out.add(Mention(back.start(word), back.end(word), back[word], "Meeting",
                            event, "", "ceremony", rule="agreement.signing", confidence=0.5))
    out.relate("PART_OF", agreement.id, event, span, "agreement.signing", 0.5)
    for place in places:
        out.relate("HELD_IN", event, place, span, "agreement.signing", 0.5)
    for person in [e for e in out.entities.values() if e.label == "Person" and
                   _in(e.spans, sentence)]:
        out.relate("PARTICIPATED_IN", person.id, event, span, "agreement.signing", 0.5)
    for back in backs:
        if back["saw"]:
            witnessed = next(s for s in body if s.start <= back.start() < s.end)
            for person in [e for e in out.entities.values() if e.label == "Person" and
                           any(witnessed.start <= start < back.start() for start, _ in e.spans)]:
                out.relate("PARTICIPATED_IN", person.id, event, (witnessed.start, witnessed.end),
                           "agreement.signing", 0.5)
    states = sorted(s for s in signers if out.entities[s].label == "Country")
    for state in states:
        out.relate("PARTICIPATED_IN", state, event, span, "agreement.signing", 0.5)
    around = set(places)
    for _ in range(3):
        around |= {t for p in around for t in located.get(p, ())}
    for state in states:
        if state in around:
            out.relate("HOSTED", state, event, span, "agreement.signing", 0.45)
