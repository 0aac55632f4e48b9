"""Standing ties between actors: membership, cooperation, support, training, fighting and
deployment, each read within the clause that states it."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations, pairwise

from ingest.extract.facts import Mention
from ingest.extract.gazetteer import extras
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.structure import FRAME
from ingest.extract.patterns.venues import state_of

COOPERATION = re.compile(r"\b(?:cooperat\w*|co-operat\w*|partnership|partners?|collaborat\w*|ties|"
                         r"joint\s+ventures?|"
                         r"interoperability|(?:bilateral|military|defen[cs]e|security|"
                         r"allied|strategic)\s+relations|relations\s+between)\b", re.I)
COOPERATION_WORDS = ("cooperat", "co-operat", "partner", "collaborat", "ties", "interoperab",
                     "relations", "joint venture")
"""What a sentence holds one of when ``COOPERATION`` can match in it."""
MILITARY = re.compile(r"\b(?:military|defen[cs]e|armed|army|security|troops)\b", re.I)
DEMONSTRATIVE = re.compile(r"\b(?:this|that|such|their|the\s+two\s+countries['’]?)\s+"
                           r"(?:[\w-]+\s+){0,2}$", re.I)
MEMBERSHIP = re.compile(r"\b(?:members?(?:hip)?|member[\s-]states?|joined|join(?:s|ing)?|"
                        r"accession|acceded|entry\s+into|admitted\s+(?:to|into)|"
                        r"admission\s+to|belongs?\s+to|(?:co-)?found(?:ed|ing)|formed|"
                        r"make\s+up|made\s+up|set\s+up|established|created)\b", re.I)
NEGATED = re.compile(r"\b(?:not|no|never|non|nor)\b[^.,;]{0,30}$", re.I)
WISHED = re.compile(r"\b(?:consider(?:s|ed|ing)?|plans?|planning|wants?|wishes|seeks?|seeking|"
                    r"aspires?|appl(?:y|ies|ied)\s+(?:for|to)|bid\s+to|hopes?)\s+(?:to\s+)?$",
                    re.I)
"""Before a membership word that is only wished for: ``considering joining the alliance``."""
LEFT = re.compile(r"\b(?:left|leaves?|leaving|quit|withdr[ae]w\w*|exit(?:ed|s)?|expelled|"
                  r"suspended)\b", re.I)
"""Between a membership word and a bloc the states are said to have left (``founded under the
charter ..., and the three states left ECOWAS``): no longer members of it."""
COUNTED = re.compile(r"\b(?:both|the\s+(?P<n>two|three|four|five|six|seven|eight))\s+"
                     r"(?:countries|nations|states|governments)\b", re.I)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
NOT_MEMBER = re.compile(r"\b(?:non-member|not\s+(?:a\s+)?member|partner\s+(?:countries|states|"
                        r"nations))\b", re.I)
TRAINING = re.compile(r"\b(?:train(?:s|ed)?|training(?!\s+(?:areas?|cent(?:re|er)s?|grounds?|"
                      r"ranges?|courses?|plans?|missions?|camps?|sites?|exercises?|sessions?|"
                      r"facilit\w+|schools?|programm?es?|cycles?|years?|activit\w+|bases?|"
                      r"-methodical|methodical|process|standards?))|instruct(?:s|ed|ing)|"
                      r"educat(?:es|ed)|teach(?:es|ing)?|taught|develop(?:s|ed|ment)\s+of|"
                      r"preparation\s+courses?|courses?|mentor(?:s|ed|ing)?)\b",
                      re.I)
GIVER = re.compile(r"\b(?:by|under\s+the\s+(?:\w+\s+){0,4}(?:guidance|supervision|direction)\s+"
                   r"of|with\s+the\s+(?:help|assistance|support)\s+of)\s+(?:the\s+)?"
                   r"$", re.I)
OTHER_PARTICIPLE = re.compile(r"\b(?:[a-z]+ed|led|held|run|made)\b")
"""A participle between a training word and a ``by``: the agent is that participle's
(``trained Kazakh officers under a memorandum signed ... by the Kazakh ministry``)."""
FIGHT_WORDS = ("war", "conflict", "clash", "fight", "fought", "hostilit", "battle", "confront",
               "skirmish", "attack", "invad", "invasion", "shell", "bomb", "struck", "strike",
               "aggression", "offensive", "victory", "occup", "ceasefire", "truce", "armistice")
FIGHT_NOUN = r"(?:wars?|conflicts?|clashes|fighting|hostilities|battles?|confrontation|" \
             r"skirmishes|border\s+clashes|ceasefires?|truces?|armistices?)"
"""Words for a fight, or for the truce that ends one (``the ceasefire between Israel and
Hezbollah``: the two sides fought)."""
BETWEEN = re.compile(rf"\b{FIGHT_NOUN}\s+between\s+(?:the\s+)?$", re.I)
HYPHEN_PAIR = re.compile(r"^[-–]$")
HOSTILE = re.compile(
    r"\b(?:attack(?:ed|s)?|invad(?:ed|es)|shelled|bombed|struck|strikes?|"
    r"fought|fights|clashed\s+with|(?:aggression|offensive|war|attacks?|invasion|"
    r"hostilities|strikes?|victory)\s+(?:against|on|over)|declared\s+war\s+on|at\s+war\s+with|"
    r"war\s+with|conflict\s+with|occup(?:ied|ies|ying))\b", re.I)
"""Words of one side acting against another; ``shell`` and ``bomb`` only in the past, since
their plurals are mostly ammunition (``155 mm artillery shells``)."""
BODY_NOUN = re.compile(r"\s+(?:standards?|headquarters|officials?|experts?|members?|partners?|"
                       r"countries|states|nations|structures|posts|programs?|programmes?)\b")
"""Nouns after an organisation's name showing it only qualifies them (NATO standards)."""
GROUPS = ("alliance", "international_organization", "forum", "coalition")
DEPLOY = re.compile(r"\b(?:deploy(?:ed|s|ing)?|sent|send(?:s|ing)?|dispatch(?:ed|es)?|"
                    r"station(?:ed|s)?|serv(?:e|es|ed|ing)\s+(?:in|at|with)|posted|seconded|"
                    r"contribut(?:ed|es|ing)\s+(?:troops|personnel|forces|soldiers|officers)|"
                    r"arriv(?:ed|es|ing)\s+in|flagged\s+off|"
                    r"patrol(?:s|led|ling)?(?!\s+(?:ships?|vessels?|boats?|craft|aircraft))|"
                    r"rotat(?:e|es|ed|ing)\s+(?:through|to|into|in)|"
                    r"(?:keeps?|kept|maintains?|maintained)\s+(?:about\s+|some\s+|around\s+|"
                    r"nearly\s+)?[\d,]*\s*(?:troops|soldiers|forces|personnel))\b", re.I)
NOT_FORCES = re.compile(r"\s+(?:(?:a|an|the|its|their|some|small|group|team|of|[\d,]+|"
                        r"two|three|four|five|more)\s+){0,4}(?:[\w-]+\s+)?(?:cadets|students|"
                        r"trainees|observers|delegations?|delegates?|liaison\s+officers|envoys?|ministers?|"
                        r"commanders?|chiefs?|representatives?|ambassadors?|secretar\w+|"
                        r"undersecretar\w+)\b", re.I)
"""After a sending verb, people sent to study, watch or speak for it (``sends cadets to``,
``sent a group of observers``, ``sent the commander of its forces``): no deployment."""
VISITING = re.compile(r"\bfor\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:visit|port\s+call|stopover)\b",
                      re.I)
"""After ``arrived in``: a ship or delegation come for a visit or a port call, not posted."""
FORCE_OF = re.compile(r"\b(?:soldiers|troops|personnel|company|battalion(?:\s+tactical\s+group)?|"
                      r"contingent|units?|elements|members|servicemen|sailors|marines)\s+of\s+"
                      r"(?:the\s+)?(?:[\w’'-]+['’]s\s+)?(?:[\w’'-]+-based\s+)?$", re.I)
"""Before a unit whose people are the ones sent: ``600 soldiers of the Kenya Defence Forces``."""
APPOSITIVE_GAP = re.compile(r",\s+(?:a|an|the|which|who|also|itself)\b[^,;]{0,60},\s+(?:\w+\s+)?")
"""A subject's apposition before its verb: ``Ghana, a founding member of ECOWAS, sent``."""
SOURCE_OF = re.compile(r"\b(?:from|(?:company|battalion|brigade|troops|soldiers|contingent|units?|"
                       r"personnel|members|officers|elements)\s+of)\s+(?:the\s+)?"
                       r"(?:[\w’'-]+\s+){0,2}$")
"""Words before a body naming where troops come from, not where they go."""
NEW_SUBJECT = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?:are|is|was|were|will|have|has|had|would)\b")
LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?")
"""Between two states of one list: ``A, B and the C``."""
JOINED = re.compile(r"\s*(?:,|and|or|,\s*and|&)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}")
ENDED_TIES = re.compile(r"\b(?:ended|end|suspended|suspend|halted|cut|froze|frozen|severed|"
                        r"sever|broke\s+off|no|not|without)\s+(?:[\w-]+\s+){0,3}$", re.I)
PLACE_PREPOSITION = re.compile(r"\b(?:at|in|near|on)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$")
BRACKETS = re.compile(r"\s*\([^()]*\)")
RELATIVE_GAP = re.compile(r",\s+(?:who|which|that)\s+(?:are|were|is|was|have\s+been|has\s+been|"
                          r"had\s+been)\s+(?:\w+\s+)?")
PLACE_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$")
"""Before a state or place named as where someone is (``leads the mission in Haiti and has
sent troops to Somalia``): not who sends forces."""
SENT_AFTER = re.compile(r"\b(?:to|into)\s+(?:the\s+)?$")
"""Before a state that is where forces go, not who sends them (``a rotation to South Sudan
would deploy``)."""
NOT_SENT_TO = re.compile(r"(?:\bby\s+(?:the\s+)?(?:(?!(?:to|into|in|at)\b)[\w’'-]+\s+){0,2}|"
                         r",\s+based\s+(?:at|in)\s+(?:the\s+)?|\bfrom\s+(?:(?!\b(?:to|into|towards?|for)\b)[^,;])*)$")
"""Before a body or place that is not where forces went: the agent of a participle (``the
exercise run by US Naval Forces Europe``), a unit's home (``its brigade, based at
Kanchanaburi``), or where they came from (``from the 59th Air Base in Kecskemét``)."""
SENT_TO = re.compile(r"\b(?:to|in|into|on|at|join|patrols?|through)\s+(?:the\s+)?"
                     r"(?:[a-z][\w’'-]*\s+){0,2}$")
AFTER_PREPOSITION = re.compile(r"\b(?:with|by|of|from|to|for|between|against|among|and|in|"
                               r"at|on|into|linked\s+to)\s+(?:the\s+|an?\s+)?$", re.I)
TOGETHER = re.compile(r"\s+(?:alongside|together|jointly|side\s+by\s+side|with)\b", re.I)
"""After a training word: training together or with another side, not one side training the
other."""
WITH = re.compile(r"\bwith\s+$")
"""Before the subject of an absolute clause: ``with Turkish engineers training ...``."""
AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?$", re.I)

STAFF_ROLE = (r"(?i:(?:executive|senior|first)\s+)?(?:chief\s+of\s+staff|"
              r"(?i:vice[\s-]+president|(?:deputy|assistant)\s+[\w-]+|"
              r"spokes(?:man|woman|person)|secretary\s+of\s+state|"
              r"(?:press\s+|liaison\s+)?officer|official|advis[eo]r|inspector[\s-]+general|"
              r"attach[ée]))(?:\s+(?:for|of|on)\s+[\w\s-]{1,40}?)?")
"""A post held inside a body rather than at its head: ``executive vice-president for
international business``, ``chief of staff`` (in lower case: ``the AFP Chief of Staff``
heads the forces), ``spokesman``."""
BODY_STAFF_PERSON = re.compile(rf"(?:['’]s?)?\s+(?:{STAFF_ROLE}),\s+"
                               r"(?:[A-Z][\w.’'()-]*\s+){0,4}$")
"""Between a body and a person: ``Naval Group's executive vice-president, (Mr) X``, ``a
TPDF spokesman, Colonel X``."""
PERSON_BODY = re.compile(r",\s+(?:the\s+)?$")
BODY_STAFF = re.compile(rf"['’]s?\s+(?:{STAFF_ROLE})\b")
"""After a body apposed to a person: ``X, the Barbados Defence Force's chief of staff``."""
PERSON_STAFF_AT = re.compile(rf",\s+(?:the\s+|a\s+)?(?:{STAFF_ROLE})\s+(?:at|of|in|with)\s+"
                             r"(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$")
"""Between a person and a body: ``X, secretary of state at Spain's Ministry of Defence``."""

EVENT_NOUN = (r"(?:exercises?|drills?|manoeuvres|summit|meeting|mission|operation|"
              r"programme|program)")
BLOC_OWNED_BEFORE = re.compile(r"\bthe\s+(?:bloc|alliance|organi[sz]ation|grouping)['’]s\s+"
                               r"(?:[\w-]+\s+){0,4}$", re.I)
"""Before an event the last-named bloc holds: ``the organisation's summit``."""
BLOC_OWNED_AFTER = re.compile(rf",\s+the\s+(?:bloc|alliance|organi[sz]ation|grouping)['’]s\s+"
                              rf"(?:[\w-]+\s+){{0,4}}{EVENT_NOUN}\b", re.I)
"""After an event the last-named bloc holds: ``Peninsula Shield 2026, the bloc's largest
joint exercise``."""
WHOSE_EVENT = re.compile(rf",\s+whose\s+(?:[\w-]+\s+){{0,4}}{EVENT_NOUN},\s+[\"“]?$", re.I)
"""Between a body and the event it holds: ``the CPLP, whose annual military exercise,
Felino``."""

fold(COOPERATION)
fold(MILITARY)
fold(MEMBERSHIP)
fold(NOT_MEMBER)
fold(TRAINING)
fold(HOSTILE)
fold(DEPLOY)


def _clause(ctx: Context, at: int) -> list[Mention]:
    """The sentence's actors in the clause holding text offset ``at``."""
    number = ctx.clause(at)
    return [m for m in ctx.actor_mentions() if ctx.clause(m.start) == number]


def membership(ctx: Context) -> None:
    """MEMBER_OF from states to the alliances and organisations they joined, belong to or
    formed: the states before the membership word (or listed after ``member states of X``)
    and the body after it (or named just before: ``a NATO member``), in one clause."""
    groups = [m for m in ctx.mentions if m.label == "Organization" and m.kind in GROUPS]
    if not ctx.says("member", "join", "accession", "acceded", "entry", "admi", "belong",
                    "form", "found", "make up", "made up", "set up", "establish", "creat") or \
            ctx.has(NOT_MEMBER):
        ctx.article.last_group = groups[-1].id if groups else ctx.article.last_group
        return
    programs = {m.start for m in ctx.labelled("Program")}
    for match in ctx.scan(MEMBERSHIP):
        at = ctx.sentence.start + match.start()
        if NEGATED.search(ctx.sentence.text, max(0, match.start() - 40), match.start()) or \
                WISHED.search(ctx.sentence.text, max(0, match.start() - 30), match.start()):
            continue
        clause = _clause(ctx, at)
        target = next((m for m in clause if m.start > at and m.label == "Organization"
                       and m.kind in GROUPS and not any(m.end < p <= m.end + 3 for p in programs)
                       and not BODY_NOUN.match(ctx.after(m, 20))), None)
        target = target or _group_before(ctx, clause, at) or _the_bloc(ctx, match.end())
        if target is None or (isinstance(target, Mention) and target.start > at and
                              LEFT.search(ctx.text, at, target.start)):
            continue
        end = target.start if isinstance(target, Mention) and target.start > at else at
        states = [m for m in clause if m.label == "Country" and m.end <= min(at, end)]
        states = _list_ending(ctx, states) or _counted(ctx) or \
            _listed_after(ctx, clause, target, match)
        for state in states:
            if state.rule != "pseudo":
                ctx.keep(state)
            ctx.keep(target)
            ctx.out.relate("MEMBER_OF", state.id, target.id, ctx.span, "tie.membership", 0.7)
    ctx.article.last_group = groups[-1].id if groups else ctx.article.last_group


def staff(ctx: Context) -> None:
    """MEMBER_OF from people to the bodies whose staff they are, the post written with the
    body in apposition to the name (``Naval Group's executive vice-president, X``, ``X, the
    Barbados Defence Force's chief of staff``, ``X, secretary of state at Spain's Ministry of
    Defence``); a head's post (director, commander) is left to the role patterns."""
    if not ctx.persons() or not ctx.says("president", "deputy", "chief of staff", "spokes",
                                          "secretary of state", "officer", "official",
                                          "advis", "inspector", "attach"):
        return
    bodies = ctx.labelled("Organization", "Unit")
    for person in ctx.persons():
        for body in bodies:
            if body.role == "qualifier":
                continue
            if body.end <= person.start:
                gap = ctx.text[body.end:person.start]
                staffed = BODY_STAFF_PERSON.fullmatch(gap) is not None
            else:
                gap = ctx.text[person.end:body.start]
                staffed = (PERSON_BODY.fullmatch(gap) is not None and
                           BODY_STAFF.match(ctx.text, body.end, ctx.sentence.end) is not None) \
                    or PERSON_STAFF_AT.fullmatch(gap) is not None
            if staffed:
                ctx.keep(person)
                ctx.keep(body)
                ctx.out.relate("MEMBER_OF", person.id, body.id, ctx.span, "tie.staff", 0.6)


def bloc_events(ctx: Context) -> None:
    """RUNS from a bloc to the events called its own: ``Peninsula Shield 2026, the bloc's
    largest joint exercise``, ``the organisation's summit`` (the bloc named last), ``the
    CPLP, whose annual military exercise, Felino`` (the body before ``whose``)."""
    if not ctx.says("bloc", "alliance", "organisation", "organization", "grouping", "whose"):
        return
    bodies = ctx.labelled("Organization", "Unit")
    group = ctx.out.entities.get(ctx.article.last_group or "")
    for event in ctx.labelled("Exercise", "Operation", "Meeting", "Program"):
        before = ctx.before(event, 90)
        runner = None
        whose = WHOSE_EVENT.search(before)
        if whose is not None:
            start = event.start - len(before) + whose.start()
            runner = next((b for b in bodies if b.role != "qualifier" and
                           re.fullmatch(r"\s*(?:\([^()]*\))?", ctx.text[b.end:start])), None)
        elif group is not None and (BLOC_OWNED_BEFORE.search(before) or
                                    BLOC_OWNED_AFTER.match(ctx.after(event, 90))):
            runner = group
        if runner is not None and runner.id != event.id:
            ctx.keep(event)
            ctx.out.relate("RUNS", runner.id, event.id, ctx.span, "tie.bloc_event", 0.55)


def _list_ending(ctx: Context, states: list[Mention]) -> list[Mention]:
    """The last state before the membership word with the states listed with it (``Burkina
    Faso, Mali and Niger ... formed the Alliance of Sahel States``): all are members."""
    listed = states[-1:]
    for state in reversed(states[:-1]):
        if not LIST_GAP.fullmatch(ctx.text[state.end:listed[0].start]):
            break
        listed.insert(0, state)
    return listed


def _group_before(ctx: Context, clause: list[Mention], at: int) -> Mention | None:
    """``a NATO member``: the body named right before the membership word."""
    return next((m for m in clause if m.label == "Organization" and m.kind in GROUPS
                 and 0 <= at - m.end <= 2
                 and re.search(r"\b(?:a|an)\s+$", ctx.before(m, 6))), None)


def _the_bloc(ctx: Context, end: int, before: str = r"\s+of") -> Mention | None:
    """``a member of the bloc``, ``cooperates with the alliance``: the alliance or
    organisation named last in the report."""
    word = re.match(before + r"\s+the\s+(?:bloc|alliance|organi[sz]ation|grouping|union|"
                    r"pact)\b", ctx.text[end:end + 30])
    group = ctx.out.entities.get(ctx.article.last_group or "")
    if word is None or group is None:
        return None
    return Mention(end + word.start(), end + word.end(), word.group().strip(), "Organization",
                   group.id, group.name, group.properties.get("kind"), rule="pseudo")


def _listed_after(ctx: Context, clause: list[Mention], target: Mention,
                  match: re.Match[str]) -> list[Mention]:
    """``member states of the CSTO ... from Kazakhstan, Russia and Tajikistan``."""
    if not match.group().lower().startswith("member"):
        return []
    listed: list[Mention] = []
    for mention in (m for m in clause if m.label == "Country" and m.start > target.end):
        gap = ctx.text[listed[-1].end:mention.start] if listed else ctx.before(mention, 12)
        if (listed and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+", gap)) or \
                (not listed and re.search(r"(?:\bfrom|\bincluding|:|—|–)\s+$", gap)):
            listed.append(mention)
        elif listed:
            break
    return listed


def _counted(ctx: Context) -> list[Mention]:
    """``both countries``, ``the four countries``: the states named last."""
    count = COUNTED.search(ctx.sentence.text)
    if count is None:
        return []
    number = NUMBERS.get((count["n"] or "two").lower(), 0)
    recent = ctx.article.recent
    return [replace(m, rule="pseudo") for m in recent[-number:]] if len(recent) >= number \
        else []


def cooperation(ctx: Context) -> None:
    """COOPERATES_WITH between the two sides a cooperation word joins: ``cooperation between
    A and B``, ``A cooperates with B``, ``A and B cooperate``, ``the A–B partnership``; or the
    two states just named for ``this cooperation``. Ended or denied cooperation is none, and
    a word joining more than two sides names a group, not pairs of partners."""
    if not ctx.says("operat", "partner", "collaborat", "ties", "relations", "venture") or \
            not ctx.says(*COOPERATION_WORDS):
        return
    spans = [(m.start, m.end) for m in ctx.mentions]
    field = "military" if ctx.has(MILITARY) else None
    for match in ctx.scan(COOPERATION):
        at = ctx.sentence.start + match.start()
        inside = any(start <= at < end for start, end in spans) and \
            not match.group().lower().startswith("joint")
        if inside or ENDED_TIES.search(ctx.sentence.text, max(0, match.start() - 30),
                                       match.start()):
            continue
        found, hub = _cooperating(ctx, match, at)
        sides, confidence = [m for m in found if m], 0.5
        if not sides and DEMONSTRATIVE.search(ctx.sentence.text[:match.start()]):
            sides, confidence = ctx.article.pair(), 0.45
        sides = list({m.id: m for m in sides}.values())
        if len(sides) > 2 and not hub:
            continue
        pairs = [(sides[0], other) for other in sides[1:]] if hub else combinations(sides, 2)
        for first, second in pairs:
            if state_of(ctx, second) == first.id or state_of(ctx, first) == second.id:
                continue
            a, b = sorted((first.id, second.id))
            ctx.out.relate("COOPERATES_WITH", a, b, ctx.span, "tie.cooperation", confidence,
                           field=field)


def _cooperating(ctx: Context, match: re.Match[str], at: int) -> tuple[list[Mention], bool]:
    """The sides one cooperation word joins (see ``cooperation``), and whether the first is
    a hub tied to each of the others (``A, which has close ties with B and C``: A-B and A-C,
    not B-C)."""
    clause = [m for m in _clause(ctx, at) if m.label in ("Country", "Organization", "Unit")
              and not _office(ctx, m)]
    end = ctx.sentence.start + match.end()
    after = [m for m in clause if end <= m.start <= end + 80]
    between = re.match(r"\s+(?:[\w-]+\s+){0,3}?(?:between|among)\s", ctx.text[end:end + 60])
    if between:
        return _joined(ctx, after), False
    heads = [i for i, m in enumerate(clause) if m.end <= at and not AFTER_PREPOSITION.search(
        ctx.before(m, 25))]
    before = _joined(ctx, [m for m in clause[heads[0]:] if m.end <= at]) if heads else []
    partner = re.match(r"\s+(?:[\w-]+\s+){0,4}?with\s", ctx.text[end:end + 60])
    if partner:
        others = _joined(ctx, [m for m in after if m.start >= end + partner.end() - 1])[:3]
        bloc = _the_bloc(ctx, end + partner.end() - 1, "")
        return before[-1:] + (others or ([bloc] if bloc else [])), bool(before)
    owner = [m for m in clause if m.end <= at and re.fullmatch(
        r"['’]s?\s+(?:[\w-]+\s+){0,3}", ctx.text[m.end:at])]
    if owner and match.group().lower().startswith("partner") and before and \
            before[0].id != owner[-1].id:
        return [before[0], owner[-1]], False
    if len(before) >= 2:
        return before, False
    states = [m for m in clause if m.label == "Country" and not AGAINST.search(
        ctx.before(m, 20))]
    return (states if len({m.id for m in states}) >= 2 else []), False


def _joined(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The first mention and those coordinated with it (``A, B and C``), not one that
    opens a new clause (``..., and Dutch marines are running``)."""
    found = mentions[:1]
    for mention in mentions[1:]:
        if not JOINED.fullmatch(ctx.text[found[-1].end:mention.start]) or \
                NEW_SUBJECT.match(ctx.after(mention, 30)):
            break
        found.append(mention)
    return found


def _office(ctx: Context, mention: Mention) -> bool:
    """A body named as someone's office (``Britain's Defence Secretary``)."""
    return mention.rule == "org.office_of_title"


PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:(?:also|already|"
                            r"first|still|now)\s+)?$", re.I)
"""Before a training verb in the passive (``Nigerian pilots will be trained at``): who is
named before it is trained, not the trainer."""


def training(ctx: Context) -> None:
    """TRAINED from trainers to those they train, serving different states: ``Indian divers
    will train Japanese teams``, ``cadets trained by Turkish instructors``, courses run
    ``under the guidance of`` specialists; an education program trains the academies it
    serves. Not from a headline, whose nationality words stand loosely for the trainers the
    body names."""
    found = ctx.scan(TRAINING) if ctx.says("train", "instruct", "educat", "course", "mentor",
                                           "teach", "taught", "develop") else []
    match = next((m for m in found if not _inside_name(ctx, m)), None)
    if not match:
        return
    at, end = ctx.sentence.start + match.start(), ctx.sentence.start + match.end()
    if TOGETHER.match(ctx.text, end):
        return
    names = [_run(ctx, ctx.sentence.start + m.start()) for m in found if m is not match
             and ctx.text[ctx.sentence.start + m.start()].isupper()]
    actors = [m for m in _clause(ctx, at) if (m.label != "Country" or m.role == "name"
              or _stands_for_forces(ctx, m)) and not any(a <= m.start < b for a, b in names)]
    program = next((e for e in ctx.events if e.label == "Program"
                    and e.rule not in TOLD_BY_TRAINEES and not e.start <= at < e.end
                    and not FRAME.search(ctx.before(e, 60))), None)
    if program is not None:
        _program_trains(ctx, program, actors)
        return
    giver = next((m for m in actors if m.start > at and GIVER.search(ctx.before(m, 60))
                  and not OTHER_PARTICIPLE.search(ctx.text, end, m.start)), None)
    if giver is not None:
        takers = [m for m in actors if m.end <= at][-3:]
    else:
        before = [m for m in actors if m.end <= at and at - m.end <= 40
                  and (not AFTER_PREPOSITION.search(ctx.before(m, 25)) or
                       (match.group().lower().endswith("ing") and
                        WITH.search(ctx.before(m, 10)) and
                        re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", ctx.text[m.end:at])))]
        passive = match.group().lower().endswith(("ed", "taught")) and \
            PASSIVE_BEFORE.search(ctx.text, max(ctx.sentence.start, at - 25), at)
        giver = before[-1] if before and not passive else None
        takers = _joined(ctx, [m for m in actors if end <= m.start <= end + 60
                               and not PLACE_PREPOSITION.search(ctx.before(m, 15))])
    if giver is None or ctx.in_headline():
        return
    giver = _side_of(ctx, giver)
    takers = [_side_of(ctx, m) for m in takers]
    takers = [m for m in takers if state_of(ctx, m) != state_of(ctx, giver)
              and state_of(ctx, m) is not None]
    _directed(ctx, "TRAINED", giver, takers, "tie.training", 0.5)


def _run(ctx: Context, at: int) -> tuple[int, int]:
    """The capitalised words from ``at`` on: a name (``Training Unit Kenya``)."""
    run = re.match(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", ctx.text[at:ctx.sentence.end])
    return (at, at + (run.end() if run else 0))


def _inside_name(ctx: Context, match: re.Match[str]) -> bool:
    """Whether a word found in the sentence lies inside a name (``British Army Training
    Unit``), one the mentions hold or a capitalised word followed by another."""
    at = ctx.sentence.start + match.start()
    if ctx.text[at].isupper() and re.match(r"\s+[A-Z]", ctx.text[at + len(match.group()):
                                                          at + len(match.group()) + 2]):
        return True
    return any(m.start <= at < m.end for m in ctx.mentions)


def _side_of(ctx: Context, mention: Mention) -> Mention:
    """A state's people named by demonym and a plain noun (``British instructors``,
    ``Beninese soldiers``) stand for the state."""
    if mention.label == "Organization" and mention.rule == "org.armed_forces" and \
            mention.role.startswith("of:") and re.search(r"\s[a-z]+$", mention.text):
        state = ctx.out.entities.get(mention.role[3:])
        if state is not None:
            return Mention(mention.start, mention.end, "", "Country", state.id, state.name)
    return mention


TOLD_BY_TRAINEES = ("program.trained", "program.courses")
"""Programs told from the trainees' side (``Qatari officers will attend courses at the
Artillery School``): the schools named with them teach, they are not trained."""


def _program_trains(ctx: Context, program: Mention, actors: list[Mention]) -> None:
    """A program the dictionaries give an owner (NATO's Defence Education Enhancement
    Programme, a state's aid programme) trains the academies of other states it serves (not
    the body an academy belongs to: ``the War College of the Armed Forces``); the forces and
    units named with it are trained by those it pays for (``provide radars through its OSA
    programme and train Philippine Air Force technicians``), and a program described in the
    report says too little of whom it trains."""
    owner = extras().get(("Program", program.id))
    if not owner:
        return
    owners = {second.id for first, second in pairwise(actors)
              if re.fullmatch(r"\s+of\s+(?:the\s+)?", ctx.text[first.end:second.start])}
    takers = [m for m in actors if m.id not in owners and m.kind == "academy"
              and state_of(ctx, m) != owner]
    for taker in takers:
        ctx.keep(taker)
        ctx.out.relate("TRAINED", program.id, taker.id, ctx.span, "tie.program_training", 0.5)


def _stands_for_forces(ctx: Context, mention: Mention) -> bool:
    return ctx.stands_for_people(mention)


def _directed(ctx: Context, type_: str, giver: Mention | None, takers: list[Mention],
              rule: str, confidence: float) -> None:
    if giver is None:
        return
    for taker in takers:
        if taker.id == giver.id:
            continue
        if giver.text:
            ctx.keep(giver)
        ctx.keep(taker)
        ctx.out.relate(type_, giver.id, taker.id, ctx.span, rule, confidence)


def fighting(ctx: Context) -> None:
    """FOUGHT between two sides: ``war between A and B``, an ``A-B conflict``, ``A attacked
    B``, ``the two nations fought two wars``."""
    text = ctx.sentence.text
    if not ctx.says(*FIGHT_WORDS):
        return
    named = ctx.labelled("Country", "Organization", "Unit")
    for first, second in pairwise(named):
        if HYPHEN_PAIR.match(ctx.text[first.end:second.start]) and re.match(
                rf"\s+(?:[\w-]+\s+){{0,3}}{FIGHT_NOUN}", ctx.after(second, 60), re.I):
            _fought(ctx, first, second, "tie.fighting_pair", 0.6)
    sides = [m for m in named
             if (m.role != "qualifier" and not ctx.is_modifier(m)) or _hostile_demonym(ctx, m)]
    for first, second in pairwise(sides):
        gap = ctx.text[first.end:second.start]
        if BETWEEN.search(ctx.before(first, 40)) and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                                    gap):
            _fought(ctx, first, second, "tie.fighting_between", 0.6)
    for both in ctx.pairs:
        if BETWEEN.search(text[max(0, both.start() - 40):both.start()]) and ctx.article.pair():
            first, second = ctx.article.pair()
            _fought(ctx, first, second, "tie.fighting_between", 0.55)
    for hostile in ctx.scan(HOSTILE):
        at = ctx.sentence.start + hostile.start()
        if ctx.text[at].isupper() and at > ctx.sentence.start:
            continue  # a word of a name (``F-15E Strike Eagles``), not a strike
        clause = [m for m in sides if ctx.clause(m.start) == ctx.clause(at)]
        attacker = next((m for m in reversed(clause) if m.end <= at
                         and not AFTER_PREPOSITION.search(ctx.before(m, 25))), None)
        target = next((m for m in clause if m.start >= at + len(hostile.group()) - 1), None)
        if attacker and target and at - attacker.end <= 40 and \
                target.start - at - len(hostile.group()) <= 60:
            for side in _allies(ctx, [m for m in clause if m.end <= at], attacker):
                _fought(ctx, side, target, "tie.fighting_hostile", 0.55)
    if re.search(rf"\b(?:engaged\s+in|fought|waged)\s+(?:\w+\s+){{0,2}}{FIGHT_NOUN}", text,
                 re.I) and ctx.both():
        first, second = ctx.article.pair()
        _fought(ctx, first, second, "tie.fighting_both", 0.5)


def _allies(ctx: Context, sides: list[Mention], attacker: Mention) -> list[Mention]:
    """An attacker and those coordinated with it: ``American and British warplanes``."""
    found = [attacker]
    for side in reversed([m for m in sides if m.end <= attacker.start]):
        if not JOINED.fullmatch(ctx.text[side.end:found[-1].start]):
            break
        found.append(side)
    last = attacker
    for side in (m for m in sides if m.start >= attacker.end):
        if not JOINED.fullmatch(ctx.text[last.end:side.start]):
            break
        found.append(side)
        last = side
    return found


def _hostile_demonym(ctx: Context, mention: Mention) -> bool:
    """``the Armenian attacks``, ``against the Armenian troops``: a state's side in a fight."""
    return mention.role == "demonym" and bool(re.match(
        r"\s+(?:attacks?|aggression|forces|troops|army|shelling|strikes?|offensive)\b",
        ctx.after(mention, 20)))


def _fought(ctx: Context, first: Mention, second: Mention, rule: str,
            confidence: float) -> None:
    a, b = _side(ctx, first), _side(ctx, second)
    if a is None or b is None or a == b:
        return
    if (ctx.out.entities[a].label == "Country") != (ctx.out.entities[b].label == "Country"):
        a, b = state_of(ctx, first) or a, state_of(ctx, second) or b
    if a != b and a in ctx.out.entities and b in ctx.out.entities:
        ctx.out.relate("FOUGHT", *sorted((a, b)), ctx.span, rule, confidence)


def _side(ctx: Context, mention: Mention) -> str | None:
    if mention.rule != "pseudo":
        ctx.keep(mention)
    return mention.id


def _moves(gap: str) -> bool:
    """Whether the words between an actor and a deployment verb leave it the verb's
    subject: a short gap, or an apposition (``Ghana, a founding member of ECOWAS, sent``)."""
    return (len(gap) <= 30 and "," not in gap) or bool(APPOSITIVE_GAP.fullmatch(gap)) or \
        bool(RELATIVE_GAP.fullmatch(gap))


def deployment(ctx: Context) -> None:
    """DEPLOYED_TO from a state's forces (``Azerbaijani officers served in``) to the bodies,
    missions and places they were sent to."""
    match = ctx.says("deploy", "sen", "dispatch", "station", "serv", "posted", "seconded",
                     "contribut", "arriv", "flagged", "patrol", "keep", "kept", "maintain",
                     "rotat") and \
        ctx.has(DEPLOY)
    if not match:
        return
    at = ctx.sentence.start + match.start()
    if NOT_FORCES.match(ctx.text, ctx.sentence.start + match.end()) or (
            match.group().lower().startswith("arriv") and VISITING.search(
                ctx.text, ctx.sentence.start + match.end(), ctx.sentence.end)):
        return
    number = ctx.clause(at)
    movers = [m for m in ctx.labelled("Country", "Organization", "Unit")
              if m.end <= at and ctx.clause(m.start) == number and m.role != "qualifier"
              and (m.label != "Country" or m.role == "name" or _stands_for_forces(ctx, m))]
    mover = next((m for m in reversed(movers) if _moves(ctx.text[m.end:at])
                  and not PLACE_BEFORE.search(ctx.before(m, 20))), None)
    if mover is None or SENT_AFTER.search(ctx.before(mover, 30)):
        return
    sent = [m for m in ctx.labelled("Organization", "Unit") if m.start > at
            and ctx.clause(m.start) == number and FORCE_OF.search(ctx.before(m, 40))]
    sources = [_source(ctx, mover)] + [m.id for m in sent if m.id != mover.id]
    last: Mention | None = None
    for target in ctx.mentions:
        if target.start < at or ctx.clause(target.start) != number or \
                target.label not in ("Organization", "Operation", "Location", "Country") or \
                target.role in ("qualifier", "demonym") or target.id in sources:
            continue
        before = ctx.before(target, 40)
        if before.rstrip().endswith("(") or SOURCE_OF.search(before) or \
                NOT_SENT_TO.search(ctx.text[at:target.start]) or \
                state_of(ctx, target) in sources or (
                target.label == "Organization" and re.match(r"(?:['’]s)?\s+[a-z]|-led\b",
                                                            ctx.after(target, 5))
                and not re.match(r"\s+(?:in|at)\s", ctx.after(target, 5))):
            continue
        if target.label in ("Country", "Location") and not SENT_TO.search(before):
            continue
        if last is not None and (not JOINED.fullmatch(
                BRACKETS.sub("", ctx.text[last.end:target.start])) or (
                last.label == "Operation" and target.label in ("Country", "Location"))):
            break
        last = target
        for source in sources:
            if source != target.id:
                ctx.out.relate("DEPLOYED_TO", source, target.id, ctx.span, "tie.deployment",
                               0.65)


def _source(ctx: Context, mover: Mention) -> str:
    """Who a deployment is from: a state's forces for ``Azerbaijani officers``, else the
    body or state named."""
    forces = f"{mover.id.lower()}-armed-forces"
    if mover.label == "Country" and mover.role == "demonym" and forces in ctx.out.entities:
        return forces
    return mover.id
