"""Who took part in, ran, hosted or commanded the events of a sentence.

Each actor is tied to the event nearest it in its clause, so a sentence about drills that
came after a war gives the drills' parties to the drills and the war's to the war. A state
running an event alone (``Azerbaijan launched an offensive``) runs it; ``both countries``
stands for the two states named last; a sentence naming who took part without naming the
event is about the event just reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from graph.vocabulary import JOINABLE_LABELS
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import extras
from ingest.extract.patterns.agreements import BROKER_BY
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.events import event_at
from ingest.extract.patterns.exercises import FORCES
from ingest.extract.patterns.structure import FRAME, OFFICER_OF

PARTICIPATION_WORDS = ("part", "particip", "involv", "join", "attend", "contribut", "address",
                       "observ", "watch", "field", "sent", "commit", "deploy", "dispatch")
PARTICIPATION = re.compile(
    r"\b(?:t(?:ook|ake|akes|aking)\s+part|participat(?:ed|es|ing|e)|involv(?:ed|es|ing)|"
    r"join(?:ed|s|ing)?|attend(?:ed|s|ing)|contribut(?:ed|es|ing)|address(?:ed|es)|"
    r"observ(?:ed|es)|watch(?:ed|es)|fielded|sent\s+(?:troops|units|ships|forces))\b", re.I)
FOLLOW_VERB = re.compile(r"\b(?:t(?:ook|ake|akes|aking)\s+part|participat(?:ed|es|ing|e)|"
                         r"involv(?:ed|es|ing)|join(?:ed|s|ing)?|attend(?:ed|s|ing))\b", re.I)
CONTRIBUTED = re.compile(r"\b(?:committed|sent|contribut(?:ed|es|ing)|deployed|fielded|"
                         r"dispatched|provided)\b", re.I)
DRAWN_FROM = re.compile(r"\b(?:troops|forces|contingents?|units|soldiers|personnel|sailors|"
                        r"element|detachment)\s+(?:(?:come|came|comes)|(?:is|are|was|were)\s+"
                        r"drawn(?:\s+mainly)?)\s+from\b|\b(?:is|are|was|were)\s+represented\s+"
                        r"by\b|\bamong\s+(?:them|the\s+(?:[\w-]+\s+){0,2}?(?:participants|"
                        r"detachments|ships|units|contingents|forces|vessels|aircraft))\s+"
                        r"(?:are|were)\b|\b(?:also\s+)?present\s+were\b", re.I)
"""Words naming who a drill's troops or a meeting's people are: ``troops come from``, ``the
Polish element is drawn from``, ``the US Navy is represented by the destroyer``, ``among
them are``, ``also present were``."""
ELSEWHERE = re.compile(r"\s(?:to(?!\s+(?:observe|watch|take\s+part|join|participate|attend)\b)|"
                       r"into|in|at)\s+(?:the\s+)?[\w’']", re.I)
"""A destination after a contribution verb: the troops go elsewhere, not to the event (sent
``to observe`` or ``to take part`` tells what for, not where)."""
OWN_OBJECT = re.compile(r"\s+(?:in|to|into|the|a|an)\b", re.I)
"""A participation verb with an object of its own (``joined the AU mission``)."""
INVITED = re.compile(r"\b(?:with\s+the\s+participation\s+of|involving|joined\s+by|including|"
                     r"participants\s+(?:were|included)|alongside|together\s+with)\s+(?:the\s+)?"
                     r"(?:[\w’'-]+\s+){0,2}$", re.I)
"""Words naming who takes part right before them: ``with the participation of X``."""
RUN_VERB = re.compile(
    r"\b(?:organi[sz](?:e|ed|es|ing)|conduct(?:ed|s|ing)?|launch(?:ed|es|ing)?|"
    r"initiat(?:e|ed|es|ing)|stag(?:e|ed|es|ing)|carr(?:y|ied|ies|ying)\s+out|"
    r"declar(?:e|ed|es|ing)|announc(?:e|ed|es|ing)|"
    r"r[au]n|runs|lead|leads|led|h[oe]ld|holds|holding|convene[ds]?|mount(?:ed|s)?)\b", re.I)
START_VERB = re.compile(r"\b(?:start(?:ed|s)?|beg(?:an|ins|un|in))\b", re.I)
OTHERS_START = re.compile(r"\b(?:which|who|that|to|from|navies|armies|troops|forces|soldiers|"
                          r"personnel|units|contingents|warships|jets|aircraft)\b", re.I)
"""Between a subject and the event it begins: a relative or infinitive clause, or the
troops of several sides that begin it together."""
GROUP_OF = re.compile(r"\b(?:from|of)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
                      r"(?:,\s+|\s+and\s+))*$")
"""Before a subject that only says where troops come from: ``soldiers from Nepal and``."""
FORCES_NOUN = re.compile(r"['’]?s?\s+(?:navies|armies|air\s+forces|troops|forces|soldiers|"
                         r"militaries|warships|units|contingents)\b", re.I)
"""After a name that only qualifies the forces doing a verb (``ASEAN navies began``): the
forces take part, the name does not run the event."""
BY_RUNNER = re.compile(r"\b(?:co-?)?(?:organi[sz]ed|conducted|run|staged|launched|initiated|"
                       r"sponsored|carried\s+out|arranged|convened|held|coordinated)"
                       r"(?:\s+(?:this\s+year|jointly|again|annually))?\s+by\s+(?:the\s+)?$",
                       re.I)
LED_BY = re.compile(r"\b(?:(?:co-)?led|commanded|directed|headed|(?:co-)?directed)\s+by\s+"
                    r"(?:the\s+)?$", re.I)
HOSTED_BY = re.compile(r"\bhosted\s+(?:(?:for\s+the\s+\w+\s+time|again|jointly|this\s+year)"
                       r",?\s+)?by\s+(?:the\s+)?$", re.I)
"""Before the host: ``hosted by``, ``hosted for the second time by``."""
INVITATION = re.compile(r"\bat\s+the\s+invitation\s+of\s+(?:the\s+)?(?:his\s+|her\s+)?"
                        r"(?:[\w’'-]+\s+){0,3}$", re.I)
"""Before the host of a visit or meeting: ``at the invitation of the Kenyan government``."""
OWN_INVITATION = re.compile(r"['’]s?\s+(?:(?:personal|official)\s+)?invitation\b", re.I)
"""After the host of a visit or meeting, ``at`` before him: ``at Yıldırım's invitation``."""
COMMANDED_BY = re.compile(r"(?:\b(?:commanded|led|directed|headed|overseen|supervised|"
                          r"(?:co-)?chaired|presided\s+over)\s+by|"
                          r"\bunder\s+the\s+(?:command|leadership|direction)\s+of)\s+"
                          r"(?:the\s+)?(?:(?:[\w.’'-]+\s+){0,4}|[A-Z][\w-]*['’]s\s+"
                          r"(?:[\w-]+\s+){0,6}?[\w-]+,\s+(?:[A-Z][\w.’'-]*\s+){0,3})$", re.I)
COMMANDER_BEFORE = re.compile(r"\b(?:commanded|led|headed)\s+by\s+[^.;]*$", re.I)
"""Before a person who commands a force the sentence named first."""
SAID = re.compile(r"(?:\s*\([A-Z][\w.&-]*\))?(?:\s+in\s+[A-Z][\w-]*)?\s+(?:has\s+|had\s+)?"
                  r"(?:said|says|stated|told|added)\b")
"""After who only reports what is told: ``..., the Ministry of Defence said``, ``the
Department of National Defense (DND) said``, ``the US Embassy in Podgorica said``."""
ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
"""Before who only reports what is told: ``according to the Estonian Navy``."""
PREPOSITION = re.compile(r"\b(?:with|by|of|from|to|for|between|against|among|alongside|"
                         r"in|at|on|into|over|through|via|under)\s+(?:the\s+)?"
                         r"(?:[a-z][\w-]*\s+){0,2}$")
HOSTING = re.compile(r"\s+(?:(?:has|have|had|will|is|are|was|were)\s+(?:be(?:en)?\s+)?)?"
                     r"(?:(?:also|again|first|previously|jointly)\s+)?"
                     r"host(?:ed|s|ing)?\s+(?:(?:a|an|the|this|its)\s+)?(?:[\w’'-]+\s+){0,3}")
ORDERED = re.compile(r"\b(?:ordered|decree\s+on|order\s+on|directed|authori[sz]ed)\s+"
                     r"(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$", re.I)
FOLLOW_UP = 4
"""How many sentences after an event a sentence naming participants is still about it."""
TOLD_OF = 3
"""In how many sentences an event is told of before the report counts as being about it."""
OFFICE_OF = re.compile(r"\b(?:commander|chief|head|director|commandant|officer\s+commanding|"
                       r"commanding|in-chief|minister|secretary)\s+of\s+(?:the\s+)?"
                       r"(?:[\w’'-]+\s+){0,3}?(?:(?:and|,)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4})?$",
                       re.I)
"""Words before a body naming it as someone's office."""
DESTINATION = re.compile(r"\b(?:to|into|towards?)\s+(?:the\s+)?$", re.I)
"""Before a state named as where forces go, not as a party."""
SIGNED = re.compile(r"\bsign(?:s|ed|ing)\b[^.;]*$", re.I)
"""Before a program a document is signed on (``signed a plan on the partnership``): the
signing ties the parties to the document, not to the program."""
PLACE = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}"
MISSION_PLACES = re.compile(rf"\b(?i:missions?|operations?|deployments?)\s+in\s+{PLACE}"
                            rf"(?:,\s+{PLACE})*,?\s+(?:and\s+)?(?:the\s+)?$")
"""Before a state listed among the places of missions (``UN missions in Lebanon, the Central
African Republic, Mali and South Sudan``): where they are, not who takes part."""
NOT_A_PARTY = re.compile(r"\b(?:against|(?:kilometres|kilometers|km|miles)\s+(?:of|from)|"
                         r"near|off|close\s+to)\s+(?:the\s+)?$", re.I)
"""Before an actor an event is aimed at (``an operation against al-Shabaab``) or a state
named only as a landmark (``within 200 kilometres of Taiwan``): not a party to it."""
DECLINED = re.compile(
    r"\b(?:(?:is|was|were|are|has|have|had|did|does|do)\s+not\s+(?:been\s+)?"
    r"(?:t(?:ak(?:ing|en|e)|ook)\s+part|invited|sen[dt]|join(?:ed|ing)?|particip\w*|"
    r"attend(?:ed|ing)?)|was\s+invited\s+but|"
    r"withdr(?:ew|aws|awing)|(?:has|have|had)\s+withdrawn|pull(?:ed|s|ing)\s+out|"
    r"complet\w*\s+(?:its|their)\s+withdrawal|"
    r"(?:studying|considering|weighing|mulling)\s+(?:whether\s+to\s+)?join(?:ing)?|"
    r"(?:may|might)\s+join|(?:been|was|were|is|are)\s+asked\s+to\s+join|"
    r"offer(?:ed|s)?\s+to\s+host|"
    r"(?:is|are|was|were)\s+(?:the|its|a|an)\s+(?:(?:two|three|\w+est)\s+){0,2}"
    r"(?:donors?|funders?|financiers?)|"
    r"(?:press|push|lobb(?:y|i)|call)\w*\s+for\s+(?:an?\s+|the\s+|its\s+)?(?:\w+\s+){0,2}"
    r"(?:end|drawdown|withdrawal|closure|exit)|"
    r"(?:ha(?:s|ve|d)\s+)?ask(?:ed|s)?\s+the\s+(?:mission|operation|force)\s+to)"
    r"\b", re.I)
"""After an actor, words saying it stays out, left or is only asked in (``Niger, whose
government withdrew its troops, is not taking part``; ``China, which was not invited``;
``Burundi pulled out its last contingent``; ``Norway and Japan were studying whether to
join it``; ``Kenya has been asked to join that phase``; ``Chile has said it may join``;
``Kazakhstan has offered to host the 2027 edition``, ``Indonesia's offer to host``: a
candidate host, not yet a party; ``the United States and Canada are the biggest donors``:
it pays, it does not take part; ``had pressed for an earlier end to the mission``, ``have
asked the mission to expand its patrols``: it acts on the mission from outside)."""
AGENT_ELSEWHERE = re.compile(
    r"\b(?:brokered|authori[sz]ed|funded|financed|endorsed|renewed|critici[sz]ed|condemned|"
    r"(?:co-)?chaired|mediated|accused|backed|donated|gifted|supplied|built)\s+by\s+(?:(?:[A-Z][\w’'.-]*|and|the|of)[\s,]+)"
    r"{0,6}$")
"""Before the agent of another act (``a committee chaired by Qatar``, ``a ceasefire brokered
by the United States and France``, ``patrol boats donated by Australia``): it does that act,
it does not take part in the operation or exercise."""
DO_VERB = re.compile(r"\b(?:conduct(?:ed|s|ing)?|h[eo]ld|holds|holding|carr(?:y|ied|ies|ying)\s+"
                     r"out|stag(?:e|ed|es|ing))\b", re.I)
LIST_LINK = re.compile(r"(?:\s*\([^)]*\))?(?:,\s*|\s+)(?:and\s+)?(?:the\s+)?|['’]s?\s+")
"""Between two actors of one list, or a state and its body (``Mongolia and the``,
``UAE's``)."""
LIST_OBJECT = re.compile(r"\b(?:with|from|alongside|among)\s+(?:[\w'’-]+\s+){0,4}$")
"""Before a list that is a preposition's object (``with the Togolese patrol boats``)."""
MEMBER_LINK = re.compile(r"(?:\s*\([^)]*\))?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
"""Between two like actors of one list (``France, Germany and the``)."""
SOURCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:spokes(?:person|man|woman)|officials?|statement)\s+"
                          r"(?:said|says|told|added|announced)\b")
"""After an event named only as the source of what is said (``a UNISFA spokesperson
said``): the sentence is not about that event."""
SUPPORTER_BEFORE = re.compile(r"\b(?:(?:supported|backed|assisted)\s+by|support\s+from)\s+"
                              r"(?:the\s+|an?\s+)?(?:[\w’'-]+,?\s+){0,4}$", re.I)
"""Before an operation named as the one that supports what the sentence tells (``with
logistical support from the UN peacekeeping mission MINUSCA``, ``advancing north, supported
by the Nigerian Army's Operation Hadin Kai``): the sentence's actors are not its parties."""
HELPED = re.compile(r"\b(?:help(?:ed|s|ing)?|assist(?:ed|s|ing)?|protect(?:ed|s|ing)?|"
                    r"defend(?:ed|s|ing)?|airspace\s+of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$",
                    re.I)
"""Before an actor an operation serves (``the mission has helped the Iraqi Air Force``,
``polices the airspace of Estonia``): it benefits, it does not take part."""
NOT_ALONGSIDE = re.compile(r"\b(?:not|never)\s+(?:operat|work|serv|fight|patrol)\w*\s+"
                           r"(?:alongside|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)
"""Before an actor the sentence says an operation does not work with (``MINUSCA does not
operate alongside the Russian personnel``): it stands outside the operation."""
BACKED_FROM = re.compile(r"\b(?:support|funding|financing|backing|assistance|aid)\s+from\s+"
                         r"(?:the\s+)?$", re.I)
"""Before an actor an operation draws help from (``has drawn on intelligence support from
France``): it backs the operation from outside, it does not take part."""
CONFLICT_PARTIES = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|armistice|hostilities|fighting|clashes|conflict|war|"
    r"tensions?|dispute)\s+between\s+(?:the\s+)?$", re.I)
"""Before the parties of a conflict an operation watches (``monitors the cessation of
hostilities between Israel and Hezbollah``): they fight, they do not take part in it."""
MEETING_OF = re.compile(r"\b(?:meeting|summit|session|conference)s?\s+of\s+(?:the\s+)?$", re.I)
"""Before a body named as whose gathering it is (``a meeting of CSTO defence ministers``,
``the 22nd session of the GCC Military Committee``, ``a summit of the bloc``): the body
holds it, its members' officials take part in it."""
AT_VENUE = re.compile(r"\bat\s+(?:the\s+)?$", re.I)
"""Before a body named as where a meeting is held (``talks at the Ministry of Defence``)."""
VENUE_NOUN = (r"(?:headquarters|base|range|barracks|academy|centre|center|school|college|"
              r"establishment|grounds?|facility|camp)")
OWNED_VENUE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + VENUE_NOUN + r"\b")
"""After a body that owns the place an event is at (``at the Spanish Army's training
centre``)."""
AT_OWNED = re.compile(r"\b(?:at|in)\s+(?:the\s+)?$")
"""Before a place owner's name: ``at the``."""
VENUE_OF = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + VENUE_NOUN +
                      r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}$")
"""Before a body named as the owner of an event's place (``at the headquarters of the
Chilean Army's 5th Army Division``)."""
WITH_AFTER = re.compile(r"(?:\s*\([^)]*\))?\s+with\s+")
"""Right after an event: the partner it is done with follows."""
ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|docked|docks|sailed\s+into|called\s+at|"
                     r"berthed)\b", re.I)
"""Between visiting ships and their visit: how they came (``arrived in Port Louis for``)."""
ARRIVAL_SPAN = 120
"""How far before its visit the arriving ship is named."""
STATE_TITLE = re.compile(r"['’]s\s+(?:[\w’'-]+\s+){0,8}?[\w’'-]+,?\s+"
                         r"(?:[A-Z][\w.’'-]*\s+){0,4}")
"""Between a state and the person holding its office: ``'s Defence Minister, General ``."""
VISITS = ("visit", "site_visit", "call")
"""Meetings that belong to the visitor: those received there stand for their office only."""
STATE_ACTS = ("mobilization", "martial_law")
"""Operations a state declares rather than takes part in."""
ARMED_GROUP_EVENTS = ("war", "patrol")
"""Operations an armed group takes part in: a war it fights, a ceasefire's joint patrols; a
military operation or mission named with one is waged against it."""
GROUPS = ("alliance", "international_organization", "coalition", "forum")
TAKERS = {"Exercise": ("Country", "Organization", "Unit"),
          "Operation": ("Country", "Organization", "Unit"),
          "Meeting": ("Country", "Organization", "Unit", "Person"),
          "Program": ("Country", "Organization", "Unit")}

fold(FOLLOW_VERB)
fold(CONTRIBUTED)
fold(DRAWN_FROM)
AT_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
"""Right before the place a meeting is held in."""


def _candidates(ctx: Context) -> list[Mention]:
    """The actors and people of the sentence, with ``both countries`` standing for its pair
    and the two states of an ``Iran-Iraq war`` for themselves."""
    found = ctx.actor_mentions() + ctx.persons()
    for both in ctx.pairs:
        at = ctx.sentence.start + both.start()
        found += [replace(m, start=at, end=ctx.sentence.start + both.end(), rule="pseudo")
                  for m in ctx.article.pair()]
    for war in (e for e in ctx.events if e.label == "Operation"):
        inside = [m for m in ctx.labelled("Country") if war.start <= m.start < war.end]
        found += [m for m, n in pairwise(inside) if ctx.text[m.end:n.start] in "-–"]
        found += [n for m, n in pairwise(inside) if ctx.text[m.end:n.start] in "-–"]
    return sorted(found, key=lambda m: m.start)


def _list_first(ctx: Context, actor: Mention) -> Mention:
    """The first member of the list of like actors ``actor`` ends (``with French, German
    and Norwegian forces``): a list that is the object of ``with`` or ``from`` is said of
    one event, so every member is tied to the event its first member is, not each to
    whichever event its own words lie nearest."""
    first = actor
    while True:
        previous = next((m for m in reversed(ctx.actor_mentions()) if m.end <= first.start), None)
        if previous is None or previous.label != actor.label or \
                not MEMBER_LINK.fullmatch(ctx.text, previous.end, first.start):
            return first
        first = previous


def _relate(ctx: Context, type_: str, source: Mention, target: str, rule: str,
            confidence: float) -> None:
    """A relation from a mention (or a pseudo mention standing for a state) to an event."""
    if source.rule != "pseudo":
        ctx.keep(source)
    if source.id in ctx.out.entities:
        ctx.out.relate(type_, source.id, target, ctx.span, rule, confidence)


def _follow_up(ctx: Context) -> Mention | None:
    """For a sentence naming participants but no event: the event reported just before."""
    verb = ctx.says(*PARTICIPATION_WORDS) and ctx.has(FOLLOW_VERB)
    if verb and OWN_OBJECT.match(ctx.sentence.text, verb.end()):
        verb = None
    if not verb:
        verb = ctx.says("commit", "sent", "contribut", "deploy", "field", "dispatch") and \
            ctx.has(CONTRIBUTED)
        if verb and ELSEWHERE.search(ctx.sentence.text, verb.end(), verb.end() + 50):
            verb = None
    if not verb and ctx.says("come", "came", "drawn", "represented", "among", "present"):
        verb = ctx.has(DRAWN_FROM)
    if not verb:
        return None
    recent = [(ctx.article.seen_at.get(event, -9), label, event)
              for label, event in ctx.article.last_event.items()
              if label in ("Exercise", "Operation", "Meeting")]
    if not recent:
        return None
    seen, label, event = max(recent)
    if ctx.article.sentence - seen > FOLLOW_UP:
        event = _about(ctx)
        if event is None:
            return None
    else:
        event = _in_focus(ctx, label, event)
    label = ctx.out.entities[event].label
    if label not in TAKERS:  # an event's entity since labelled otherwise
        return None
    at = ctx.sentence.start + verb.start()
    end = ctx.sentence.start + verb.end()
    return Mention(at, end, ctx.text[at:end], label, event,
                   ctx.out.entities[event].name, rule="event.follow_up", confidence=0.5)


def _about(ctx: Context) -> str | None:
    """The exercise or operation the report is about, the only event it has told of or one
    told of in at least ``TOLD_OF`` sentences and more than any other: a sentence naming
    participants and no event goes on about it however long ago it was last named."""
    told = ctx.article.told
    mains = sorted((told.get(event, 0), event) for label, event in
                   ctx.article.main_event.items() if label in ("Exercise", "Operation"))
    if not mains or (mains[-1][0] < TOLD_OF and len(told) > 1) or any(
            count >= mains[-1][0] for event, count in told.items() if event != mains[-1][1]):
        return None
    return mains[-1][1]


def _in_focus(ctx: Context, label: str, last: str) -> str:
    """The event a sentence without one goes on about: the report's own event of the label
    (told of in more sentences) rather than the one named last in passing, a side drill or
    an earlier edition, unless that one was named in the sentence just before."""
    main = ctx.article.main_event.get(label, last)
    told = ctx.article.told
    if main == last or ctx.article.sentence - ctx.article.seen_at.get(last, -9) <= 1 or \
            told.get(main, 0) <= told.get(last, 0):
        return last
    return main


QUALIFIER_GAP = re.compile(r"(?:['’]s)?\s+(?:(?![a-z]+ed\b|(?:extends|renews|approves|endorses|"
                           r"backs|funds|supports|welcomes)\b)[\w-]+\s+){0,2}")
"""Between an organisation and the event it qualifies (``NATO's annual exercise``): words that
modify the event, not a verb the organisation does to it (``the Security Council extended
UNIFIL's mandate``, which is not running it)."""


def _is_qualifier(ctx: Context, actor: Mention, event: Mention) -> bool:
    """An organisation named right before an event (``CSTO drills``, ``NATO's program``)."""
    if actor.label == "Organization" and event.start <= actor.start < event.end:
        return True
    return actor.label == "Organization" and actor.end <= event.start and \
        bool(QUALIFIER_GAP.fullmatch(ctx.text, actor.end, event.start))


def _subjects(ctx: Context, event: Mention, takers: list[Mention]) -> list[Mention]:
    """The actors before an event's verb, not after a preposition: who does it."""
    return list({m.id: m for m in takers if m.end <= event.start and m.label != "Person"
                 and not PREPOSITION.search(ctx.before(m, 30))
                 and ctx.same_clause(m, event)}.values())


def _takes_part(ctx: Context, actor: Mention, event: Mention) -> bool:
    """Whether an actor tied to an event takes part in it (rather than only naming it)."""
    if actor.label not in TAKERS[event.label] or (
            actor.label == "Country" and DESTINATION.search(
                ctx.before(_list_head(ctx, actor), 12))) or \
            NOT_A_PARTY.search(ctx.before(actor, 24)) or _declined(ctx, actor):
        return False
    if actor.label == "Country" and event.label != "Meeting" and (
            OFFICER_OF.search(ctx.before(actor, 80)) or
            MISSION_PLACES.search(ctx.before(actor, 150))):
        return False
    if _named_for(ctx, actor, event) or _reporter(ctx, actor, event):
        return False
    if event.label == "Meeting":
        if ctx.out.entities[event.id].properties.get("kind") == "visit":
            return actor.label == "Person" or _visiting_forces(ctx, actor, event)
        return actor.label == "Person" or (
            actor.rule != "org.office_of_title" and not _chief_of_forces(ctx, actor)
            and not (actor.label != "Country" and AT_VENUE.search(ctx.before(actor, 12)))
            and not (actor.label == "Organization" and
                     MEETING_OF.search(ctx.before(actor, 30))))
    head = _list_head(ctx, actor)
    if actor.label == "Person" or AGENT_ELSEWHERE.search(ctx.before(head, 80)) or \
            HELPED.search(ctx.before(head, 40)) or _conflict_party(ctx, head, event) or \
            (event.label == "Operation" and (BACKED_FROM.search(ctx.before(head, 30)) or
                                             NOT_ALONGSIDE.search(ctx.before(head, 60)))):
        return False
    if _office_of_person(ctx, actor) or _venue_owner(ctx, actor):
        return False
    if actor.label == "Organization" and event.label in ("Exercise", "Operation"):
        kind = ctx.out.entities[event.id].properties.get("kind")
        if actor.kind == "armed_group":
            return kind in ARMED_GROUP_EVENTS
        if event.label == "Operation" and _stands_behind(actor, kind):
            return _participates(ctx, actor)
        return actor.kind in FORCES or actor.id.endswith("armed-forces") or \
            _participates(ctx, actor)
    return True


def _stands_behind(actor: Mention, kind: str | None) -> bool:
    """Whether a body only stands behind an operation's forces: a command or headquarters
    (``directed from MARCOM's headquarters``) directs or supports it, and a state's armed
    forces in a multinational mission (``soldiers of the Kenya Defence Forces to join
    AUSSOM``) are its state's contribution, so neither takes part unless said to."""
    return actor.kind in ("command", "headquarters") or kind == "peacekeeping"


def _chief_of_forces(ctx: Context, actor: Mention) -> bool:
    """Whether armed forces, a command or a staff are named at a gathering only as the
    office of the officer who attends (``met the chiefs of the Pakistan Navy``, ``chaired
    by the commander of the Zambia Defence Force``): the officer takes part, not the force."""
    return actor.kind in FORCES and _office_of_person(ctx, actor)


def _venue_owner(ctx: Context, actor: Mention) -> bool:
    """Whether an actor is named only as the owner of the place an event is at (``at the
    Indian Navy's training establishment``, ``at the headquarters of the 5th Division``):
    a body at which an event takes place hosts it, it does not take part."""
    return (AT_OWNED.search(ctx.before(actor, 12)) is not None and
            OWNED_VENUE.match(ctx.text, actor.end, ctx.sentence.end) is not None) or \
        VENUE_OF.search(ctx.before(actor, 80)) is not None


def _reporter(ctx: Context, actor: Mention, event: Mention) -> bool:
    """Whether an actor only reports the sentence, named last before ``said`` (``..., the
    Ghana Armed Forces said``, of an operation) or after ``according to`` (of any event):
    the source of the event's news, not one of its forces."""
    if ACCORDING_TO.search(ctx.before(actor, 20)):
        return True
    return event.label == "Operation" and SAID.match(ctx.text, actor.end) is not None and \
        re.search(r"[,;]\s+(?:the\s+)?$", ctx.before(actor, 6)) is not None


def _named_for(ctx: Context, actor: Mention, event: Mention) -> bool:
    """Whether a state is only the one a standing operation is named for (``Icelandic Air
    Policing`` polices Iceland's skies): it hosts it; the parties a war is named for (the
    ``Armenia-Azerbaijan conflict``) do fight it."""
    return actor.label == "Country" and event.label == "Operation" and \
        event.start <= actor.start and actor.end <= event.end and \
        ctx.out.entities[event.id].properties.get("kind") != "war"


def _conflict_party(ctx: Context, head: Mention, event: Mention) -> bool:
    """Whether an actor is named as a party of another conflict (``the ceasefire between
    Israel and Hezbollah``), not of the event itself (``the war between Israel and
    Hezbollah`` is the war its parties fight)."""
    conflict = CONFLICT_PARTIES.search(ctx.before(head, 50))
    if conflict is None:
        return False
    start = max(ctx.sentence.start, head.start - 50) + conflict.start()
    return not start <= event.end <= head.start


def _visiting_forces(ctx: Context, actor: Mention, event: Mention) -> bool:
    """The ship or force named right before the arrival a visit is told by (``The frigate
    PNS Tughril arrived in Port Louis for a four-day goodwill visit``) makes the visit; the
    navy it belongs to, named before it, only qualifies it."""
    if actor.label != "Unit" or not 0 <= event.start - actor.end <= ARRIVAL_SPAN or \
            PREPOSITION.search(ctx.before(actor, 30)) or not ctx.same_clause(actor, event):
        return False
    verb = ARRIVED.search(ctx.text, actor.end, event.start)
    return verb is not None and not any(m.label == "Unit" and actor.end <= m.start < verb.start()
                                        for m in ctx.labelled("Unit"))


def _declined(ctx: Context, actor: Mention) -> bool:
    """Whether the sentence says the actor does not take part, or only may: a negated
    participation verb after it (or after the list it opens: ``Nigeria and South Africa had
    offered to host``) before any other actor, or ``if <actor> agrees to join``."""
    if re.search(r"\bif\s+$", ctx.before(actor, 6)):
        return True
    last = actor
    for other in (m for m in ctx.actor_mentions() if m.start >= actor.end):
        if not MEMBER_LINK.fullmatch(ctx.text, last.end, other.start):
            break
        last = other
    end = min(ctx.sentence.end, last.end + 110)
    end = min([m.start for m in ctx.actor_mentions() if last.end < m.start < end] + [end])
    return bool(DECLINED.search(ctx.text, last.end, end))


def participants(ctx: Context) -> None:
    """PARTICIPATED_IN, RUNS, HOSTED and COMMANDS between the sentence's actors and events."""
    if not ctx.events:
        follow = _follow_up(ctx)
        if follow is None:
            return
        ctx.events.append(follow)
    events = [e for e in ctx.events if not SOURCE_AFTER.match(ctx.text, e.end) and not (
        e.label == "Operation" and SUPPORTER_BEFORE.search(ctx.before(e, 60)))]
    tied: dict[int, list[Mention]] = {}
    meetings = [e for e in events if e.label == "Meeting"]
    frames = [e for e in events if e.label == "Program" and (
        e.kind == "activity" or FRAME.search(ctx.before(e, 60)))]
    for candidate in _candidates(ctx):
        pool = meetings if candidate.label == "Person" and meetings else \
            [e for e in events if e not in frames]
        first = _list_first(ctx, candidate)
        event = (event_at(ctx, first, pool) if first is not candidate and
                 LIST_OBJECT.search(ctx.before(first, 50)) else None) or \
            event_at(ctx, candidate, pool)
        if event is not None and event.label != "Agreement":
            tied.setdefault(id(event), []).append(candidate)
    for event in events:
        if event.label == "Agreement" or event in frames:
            continue
        takers = tied.get(id(event), [])
        if event.label == "Program":
            takers = _program_takers(ctx, event, takers)
        _link_event(ctx, event, takers)


def _program_takers(ctx: Context, program: Mention, takers: list[Mention]) -> list[Mention]:
    """Actors of a clause about a list of programs take part in each program of the list,
    save the program's owner; an alliance named with a list of programs whose owner is
    unknown runs them (named with one program, it may only support it or stand by). A
    program named before its noun (``the Achilles Shield programme``) is named to place
    what the clause tells under it (contracts signed, gear donated), not to list its parties."""
    if SIGNED.search(ctx.before(program, 90)) or program.kind == "titled":
        return []
    same = [m for m in ctx.actor_mentions() if ctx.same_clause(m, program)]
    owner = extras().get(("Program", program.id))
    found = []
    for actor in dict.fromkeys(takers + same):
        if actor.id == owner:
            continue
        if actor.label == "Organization" and actor.kind in GROUPS:
            if owner is None and not _is_qualifier(ctx, actor, program) and \
                    _listed_programs(ctx, program):
                _relate(ctx, "RUNS", actor, program.id, "program.alliance", 0.4)
            if not _is_qualifier(ctx, actor, program):
                continue
        if _program_party(ctx, actor, program) and not _beneficiary(ctx, actor, program):
            found.append(actor)
    return found


BENEFIT_PROGRAMS = (None, "defence_industry", "training")
"""Programs that deliver goods, money or courses (not partnerships nor one training
activity, whose named trainees take part)."""


def _beneficiary(ctx: Context, actor: Mention, program: Mention) -> bool:
    """Whether an actor is only told with a program that delivers something, not as its
    party: a state's forces that receive its gear or build it (``radars for the Tanzania
    People's Defence Force``, ``the Brazilian Navy commissioned the fourth boat built under
    PROSUB``) and a state whose academy gives its courses (``the four-year course at the
    Turkish Military Academy``); said to take part, either does."""
    kind = ctx.out.entities[program.id].properties.get("kind")
    if kind not in BENEFIT_PROGRAMS:
        return False
    force = actor.label == "Unit" or (actor.label == "Organization" and actor.kind in FORCES)
    state = actor.label == "Country" and kind == "training"
    return (force or state) and not _participates(ctx, actor)


def _listed_programs(ctx: Context, program: Mention) -> bool:
    """Whether the clause names other programs besides ``program``."""
    return any(m.label == "Program" and m.id != program.id and ctx.same_clause(m, program)
               for m in ctx.mentions)


def _runner(ctx: Context, event: Mention) -> Mention | None:
    """The one actor of the clause doing the event's verb: ``Azerbaijan launched an
    offensive``, ``Armenia declared martial law and total mobilization``."""
    subjects = _subjects(ctx, event, ctx.actor_mentions())
    if len(subjects) != 1:
        return None
    verb = ctx.text[subjects[0].end:event.start]
    if FORCES_NOUN.match(verb) or (DO_VERB.search(verb) and _with_partner(ctx, event)):
        return None
    if HOSTING.fullmatch(verb):
        return None
    return subjects[0] if RUN_VERB.search(verb) or _starts_own(ctx, subjects[0], verb) else None


def _starts_own(ctx: Context, subject: Mention, verb: str) -> bool:
    """Whether a state or body begins an event as its own (``Kenya began the Linda Shamba
    exercise``), not as one of the troops that begin it together (``soldiers from Nepal
    and India began``, ``navies begin``) nor in a clause of its own (``which started the
    series``, ``arrived to begin a rotation``)."""
    return START_VERB.search(verb) is not None and not OTHERS_START.search(verb) and \
        not GROUP_OF.search(ctx.before(subject, 50))


def _with_partner(ctx: Context, event: Mention) -> bool:
    """Whether the event is done ``with`` another actor (``conducted a passing exercise with
    the corvette Al Shamikh``): a joint event, which the subject that only conducts or
    holds it does not run alone (one that initiates or launches it still does)."""
    joint = WITH_AFTER.match(ctx.text, event.end, ctx.sentence.end)
    return joint is not None and any(joint.end() <= m.start < joint.end() + 50
                                     for m in ctx.actor_mentions())


def _program_party(ctx: Context, actor: Mention, program: Mention) -> bool:
    """Who takes part in a program: the clause's subjects (``Azerbaijan joined``), owners
    (``the two countries' partnership``) and academies it runs at (``at the War College``),
    save a course's, which gives it (``a four-year course at the Naval Academy``);
    not the owner of a place it is told at (``launched at the Kenya Navy's Mtongwe base``)
    nor who reports on it (``the Ministry of Defence said``)."""
    before = ctx.before(actor, 30)
    if re.match(r"['’]s?\s", ctx.text[actor.end:actor.end + 3]):
        return not (AT_IN.search(before) and not actor.end <= program.start <= actor.end + 4)
    if SAID.match(ctx.text, actor.end):
        return False
    if actor.kind == "academy" and re.search(r"\b(?:at|in)\s+(?:the\s+)?$", before):
        return "course" not in program.name.lower()
    if re.search(r"\b(?:between|among)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:and\s+)?)?$", before):
        return True
    return not PREPOSITION.search(before)


def _city_named(ctx: Context) -> bool:
    """Whether the sentence names a place a meeting is in (``at a meeting in Riga hosted by
    Latvia``, a dateline's ``BODØ, Norway —``): the meeting is held there, not in the whole
    host state."""
    return any(m.label == "Location" and (m.start == ctx.sentence.start or
                                          AT_IN.search(ctx.before(m, 12)))
               for m in ctx.mentions)


def _office_state(ctx: Context, person: str) -> str | None:
    """The state whose office a person heads, when it is the only one (``Defence Minister
    X``, his state read from the whole report): who invites on that state's behalf."""
    offices = {r.target for r in ctx.out.relations.values() if r.type == "COMMANDS" and
               r.source == person}
    states = sorted({r.target for r in ctx.out.relations.values() if r.type == "PART_OF" and
                     r.source in offices and ctx.out.entities[r.target].label == "Country"})
    return states[0] if len(states) == 1 else None


def _link_event(ctx: Context, event: Mention, takers: list[Mention]) -> None:
    """What each actor tied to an event is to it: host, commander, runner, participant."""
    persons = [m for m in takers if m.label == "Person"]
    runner = _runner(ctx, event) if event.label != "Program" else None
    kind = ctx.out.entities[event.id].properties.get("kind")
    if runner is not None and runner not in takers and kind in STATE_ACTS:
        takers = [*takers, runner]
    for actor in takers:
        before = ctx.before(_list_head(ctx, actor), 40)
        by = " by " in before
        if by and (BY_RUNNER.search(before) or HOSTED_BY.search(before)) and \
                _owner_only(ctx, actor, takers):
            continue
        if event.label == "Meeting" and (
                ("invitation" in before and INVITATION.search(before)) or
                (re.search(r"\bat\s+$", before) and
                 OWN_INVITATION.match(ctx.text, actor.end, ctx.sentence.end))):
            host = actor.id if actor.label != "Person" else \
                ctx.article.person_country.get(actor.id) or _office_state(ctx, actor.id)
            if actor.kind == "government" and actor.role.startswith("of:"):
                host = actor.role[3:]
            if actor.label == "Person":
                _person(ctx, actor, event, persons)
            else:
                ctx.keep(actor)
            if host in ctx.out.entities:
                ctx.out.relate("HOSTED", host, event.id, ctx.span, "event.invitation", 0.6)
                if ctx.out.entities[host].label == "Country" and \
                        ctx.out.entities[event.id].properties.get("kind") == "visit":
                    ctx.out.relate("HELD_IN", event.id, host, ctx.span, "event.invitation",
                                   0.45)
        elif event.label == "Meeting" and BROKER_BY.search(before):
            _relate(ctx, "MEDIATED", actor, event.id, "meeting.mediator", 0.6)
        elif actor.label == "Person":
            _person(ctx, actor, event, persons)
        elif (by and HOSTED_BY.search(before)) or (actor.end <= event.start and HOSTING.fullmatch(
                ctx.text[actor.end:event.start])):
            _relate(ctx, "HOSTED", actor, event.id, "event.host", 0.7)
            if actor.label == "Country" and (event.label != "Meeting" or not _city_named(ctx)):
                ctx.out.relate("HELD_IN", event.id, actor.id, ctx.span, "event.host", 0.45)
            elif actor.role.startswith("of:") and actor.role[3:] in ctx.out.entities:
                ctx.out.relate("HOSTED", actor.role[3:], event.id, ctx.span,
                               "event.host_state", 0.4)
        elif event.label == "Meeting" and actor.kind == "forum":
            ctx.keep(actor)
            ctx.out.relate("RUNS", actor.id, event.id, ctx.span, "meeting.forum", 0.5)
        elif by and LED_BY.search(before) and event.label != "Program":
            _relate(ctx, "COMMANDS", actor, event.id, "event.commander", 0.65)
        elif (by and BY_RUNNER.search(before)) or (actor.kind in GROUPS and
                                                   _is_qualifier(ctx, actor, event)):
            _relate(ctx, "RUNS", actor, event.id, "event.runner", 0.65)
        elif event.label == "Meeting" and persons and not _headed(ctx, actor, persons):
            continue
        elif actor is runner or _declares(ctx, actor, event, kind):
            _relate(ctx, "RUNS", actor, event.id, "event.runner", 0.6)
            if kind not in STATE_ACTS and _takes_part(ctx, actor, event):
                _relate(ctx, "PARTICIPATED_IN", actor, event.id,
                        f"{event.label.lower()}.participant", 0.6)
        elif kind not in STATE_ACTS and _takes_part(ctx, actor, event):
            _relate(ctx, "PARTICIPATED_IN", actor, event.id, f"{event.label.lower()}.participant",
                    0.5 if event.label == "Meeting" or actor.rule == "pseudo" else 0.65)
            _named_state(ctx, actor, event)


def _delegate_state(ctx: Context, person: Mention, event: Mention) -> None:
    """The state whose office a person at a gathering holds, named by the state's title
    (``chaired by Niger's Defence Minister, General Moussa Abdou``), is represented there
    and takes part; a visit is the visitor's, and those who receive it stand for their
    office only."""
    if ctx.out.entities[event.id].properties.get("kind") in VISITS:
        return
    state = next((m for m in reversed(ctx.labelled("Country")) if m.end <= person.start and
                  STATE_TITLE.fullmatch(ctx.text, m.end, person.start)), None)
    if state is not None:
        _relate(ctx, "PARTICIPATED_IN", state, event.id, "meeting.delegate_state", 0.5)


def _owner_only(ctx: Context, actor: Mention, takers: list[Mention]) -> bool:
    """Whether the actor only owns the next one (``run by the RSAF's Air Warfare Center``):
    the body after it runs or hosts the event, not its owner."""
    return any(re.fullmatch(r"['’]s?\s+", ctx.text[actor.end:m.start])
               for m in takers if m.start > actor.end)


def _list_head(ctx: Context, actor: Mention) -> Mention:
    """The first actor of the list ``actor`` ends (``by Mongolia and US Indo-Pacific
    Command``, ``by the UAE's Air Warfare Centre``): what stands before the list is said of
    every member."""
    head = actor
    while True:
        previous = next((m for m in reversed(ctx.actor_mentions()) if m.end <= head.start), None)
        if previous is None or not LIST_LINK.fullmatch(ctx.text[previous.end:head.start]):
            return head
        head = previous


def _declares(ctx: Context, actor: Mention, event: Mention, kind: str | None) -> bool:
    """A state's own mobilisation or martial law: ``Azerbaijan's partial mobilization``."""
    return kind in STATE_ACTS and actor.label == "Country" and actor.end <= event.start and \
        bool(re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,2}", ctx.text[actor.end:event.start]))


def _person(ctx: Context, person: Mention, event: Mention, persons: list[Mention]) -> None:
    """A person commands an event (``commanded by``), orders an operation, or takes part."""
    before = ctx.text[max(ctx.sentence.start, event.end):person.start]
    directed = _deputy_of(ctx, person, before) if person.start >= event.end else None
    if directed is not None:
        _relate(ctx, "PARTICIPATED_IN", person, directed.id, "event.deputy", 0.6)
    elif person.start >= event.end and COMMANDED_BY.search(before):
        _relate(ctx, "COMMANDS", person, event.id, "event.commander", 0.7)
        _chair_attends(ctx, person, event)
    elif person.start >= event.end and _co_commander(ctx, person, event, persons):
        _relate(ctx, "COMMANDS", person, event.id, "event.co_commander", 0.6)
        _chair_attends(ctx, person, event)
    elif person.end <= event.start and ORDERED.search(ctx.text[person.end:event.start]) and \
            event.label == "Operation":
        _relate(ctx, "COMMANDS", person, event.id, "event.ordered", 0.6)
    elif event.label == "Meeting" or (_participates(ctx, person) and
                                       not _present_otherwise(ctx, person) and
                                       not _attends_operation(ctx, person, event)):
        _relate(ctx, "PARTICIPATED_IN", person, event.id, f"{event.label.lower()}.participant",
                0.6)
        if event.label == "Meeting":
            _delegate_state(ctx, person, event)


def _attends_operation(ctx: Context, person: Mention, event: Mention) -> bool:
    """Whether a person is only said to attend while an operation is told of (``The Saudi
    deputy defence minister attended``): an operation is not attended, its ceremony or
    signing is."""
    verb = PARTICIPATION.search(ctx.text, person.end, ctx.sentence.end)
    return event.label == "Operation" and verb is not None and \
        verb.group().lower().startswith("attend")


def _present_otherwise(ctx: Context, person: Mention) -> bool:
    """Whether a person the sentence puts by an exercise or operation is there in another
    capacity: at its ceremony (``said at the opening ceremony``), which the ceremony records,
    or as the commander of a force named before (``SNMCMG1, commanded by a Belgian officer,
    Commander X, will take part``), which takes part for them."""
    return bool(ctx.says("ceremon", "parade")) or \
        COMMANDER_BEFORE.search(ctx.before(person, 50)) is not None


CO_COMMANDER = re.compile(r"(?:,[^;:.()]{0,140}?(?:\([^()]{0,20}\))?)?,?\s+(?:and|together\s+with|"
                          r"alongside)\s+(?:by\s+)?(?:(?:his|her|their)\s+(?:[A-Z][\w-]*\s+)?"
                          r"counterparts?,\s+)?(?:the\s+)?(?:(?:[A-Z][\w.’'-]*\.?|of|the),?\s+){0,7}")
"""Between two who direct an event together: ``X, commander of the Y, and Lt. Gen.``."""
OTHER_AGENT = re.compile(r"\b[a-z]+ed\s+by\b")
"""Another part the list goes on to tell of: ``chaired by A, and attended by B``."""
DEPUTY_AFTER = re.compile(r",?\s+(?:as|is|was)\s+(?:his|her|the)\s+deputy\b", re.I)


DIRECTING = re.compile(r"\b(?:(?:co-)?directed|commanded|led|headed|director|commander)\b", re.I)
"""A word telling who directs the event, before its deputy is named."""
DEPUTY_BEFORE = re.compile(r"\bdeput(?:y|ies)(?:\s+(?:is|was|will\s+be))?,?\s+"
                           r"(?:[^.;]{0,90}?\band\s+)?(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$")
"""Before a deputy: ``his deputies, Colonel A of Lithuania and Colonel``, ``his deputy is``."""
DEPUTY_AS = re.compile(r"(?:\s+of\s+[^.;,]{0,60}?|,[^.;]{0,90}?,)?\s+as\s+"
                       r"(?:(?:his|her|their|the)\s+)?deputy\b", re.I)
"""After a deputy: ``X of the Egyptian Navy as deputy``, ``X, commander of Y, as her deputy``."""


def _deputy_of(ctx: Context, person: Mention, before: str) -> Mention | None:
    """The event a person is named the deputy director of (``The drills are directed by A,
    with B as his deputy``; ``The exercise director is A, and his deputy is B``): the one
    named last before the word telling who directs it. The deputy takes part in it, the
    director commands it."""
    directing = DIRECTING.search(before)
    if directing is None or (DEPUTY_BEFORE.search(before) is None and
                             DEPUTY_AS.match(ctx.text, person.end, ctx.sentence.end) is None):
        return None
    at = person.start - len(before) + directing.start()
    return next((e for e in reversed(ctx.events) if e.end <= at), None)


def _co_commander(ctx: Context, person: Mention, event: Mention,
                  persons: list[Mention]) -> bool:
    """The second of those an event is ``directed by`` (``directed by A, commander of X, and
    B``, ``by A together with B``), not one named as the first's deputy."""
    first = next((p for p in persons if event.end <= p.end <= person.start and
                  COMMANDED_BY.search(ctx.text[event.end:p.start])), None)
    return first is not None and \
        CO_COMMANDER.fullmatch(ctx.text, first.end, person.start) is not None and \
        not OTHER_AGENT.search(ctx.text, first.end, person.start) and \
        not DEPUTY_AFTER.match(ctx.text, person.end, ctx.sentence.end)


def _chair_attends(ctx: Context, person: Mention, event: Mention) -> None:
    """Who chairs a meeting takes part in it too, and so does the state whose office the
    chair holds (``chaired by Algeria's permanent representative, Ambassador X``)."""
    if event.label == "Meeting":
        _relate(ctx, "PARTICIPATED_IN", person, event.id, "meeting.participant", 0.6)
        _delegate_state(ctx, person, event)


def _participates(ctx: Context, actor: Mention) -> bool:
    """Whether the sentence says the actor takes part: it does a participation verb, or is
    named after ``with the participation of`` or ``involving``."""
    if INVITED.search(ctx.before(actor, 50)):
        return True
    verb = PARTICIPATION.search(ctx.text, actor.end, ctx.sentence.end)
    return verb is not None and ctx.clause(verb.start()) == ctx.clause(actor.start) and \
        not any(m.label in ("Country", "Organization", "Unit", "Person", *JOINABLE_LABELS) and
                actor.end < m.start < verb.start() for m in ctx.mentions + ctx.events)


def _headed(ctx: Context, actor: Mention, persons: list[Mention]) -> bool:
    """Whether one of the people at a meeting heads the organisation."""
    return any((p.id, "COMMANDS", actor.id) in ctx.out.relations for p in persons)


def _office_of_person(ctx: Context, actor: Mention) -> bool:
    """A body named as someone's office (``Sidorenko, chief of the CSTO Joint Staff``):
    it stands for the person's role, not for a party to the event."""
    if actor.label not in ("Organization", "Unit"):
        return False
    before = ctx.before(actor, 60)
    if " of " in before and OFFICE_OF.search(before):
        return True
    offices = ctx.memory.get("offices")
    if offices is None:
        people = {m.id for m in ctx.persons()}
        offices = ctx.memory["offices"] = {
            r.target for r in ctx.out.relations.values() if r.type in ("COMMANDS", "LEADS")
            and r.source in people and ctx.span in r.spans} if people else set()
    return actor.id in offices


def _named_state(ctx: Context, actor: Mention, event: Mention) -> None:
    """Forces named with their state (``Kyrgyz troops``, ``the Azerbaijani Armed Forces``)
    taking part in an exercise bring the state in; not into a phase of it, which the
    state's forces stand for only in part."""
    if event.label != "Exercise" or actor.label == "Country" or event.kind == "phase":
        return
    state = next((m for m in ctx.mentions if m.label == "Country" and m.role == "qualifier"
                  and actor.start <= m.start < actor.end), None)
    if state is not None and state.id in ctx.out.entities:
        ctx.out.relate("PARTICIPATED_IN", state.id, event.id, ctx.span, "participant.state",
                       0.6)
