"""Exercises: named ones (quoted, or Name-2023), described ones (joint tactical drills) and
later references to them (the exercise), told apart by parties, place and kind."""

from __future__ import annotations

import re

from graph.model import merge_list
from ingest.extract.facts import Mention
from ingest.extract.patterns.context import Context, fold
from ingest.extract.patterns.events import event_name, record_event, refer
from ingest.extract.patterns.venues import state_of
from ingest.extract.slugs import slug

WORDS = ("exercis", "drill", "course", "war game", "war-game", "wargame", "maneuver", "manoeuvr",
         "year's edition", "year’s edition")
"""Words one of which a sentence about an exercise holds (a training course is one too, kept
apart from drills as its own kind)."""
NOUN = r"(?:exercises?|drills?|war[\s-]?games|maneuvers|manoeuvres|courses?(?!\s+of\b))"
MODIFIER = (r"(?:joint|bilateral|trilateral|multilateral|multinational|large-scale|military|"
            r"tactical(?:-special)?|special|naval|air|command[- ]staff|command-and-staff|"
            r"live-fire|field|combined|annual|counter-terror(?:ism|ist)?|anti-terror(?:ist)?|"
            r"amphibious|computer-assisted|staff|air[- ]defen[cs]e|sea|land|strategic|"
            r"operational|peacekeeping|search-and-rescue|rescue|maritime|border|mountain|"
            r"airborne|artillery|missile|anti-piracy|counter-piracy|naval|snap|readiness|"
            r"combat|training|tactical-level|operational-tactical|mobilization|humanitarian|"
            r"reconnaissance|mine|countermeasures?|special\s+operations|interdiction|boarding|"
            r"anti-submarine|submarine|cyber|medical|logistics|engineering|rapid[- ]reaction|"
            r"urban|desert|jungle|winter|night|parachute|landing|firing|gunnery|patrol|"
            r"interoperability|crisis[- ]response|evacuation|disaster[- ]relief|harbour|"
            r"maritime[- ]security|counter-insurgency|airborne|paratrooper|artillery|"
            r"missile[- ]defen[cs]e|coastal|river|marine|military-technical)")
NOUN_WORD = re.compile(rf"{NOUN}\b|\bthis\s+year['’]s\s+\w+", re.I)
DESCRIBED = re.compile(rf"\b(?:[\w’']+-led\s+)?(?:{MODIFIER}\s+){{1,4}}{NOUN}\b", re.I)
QUALIFIED = re.compile(rf"(?:['’]s)?\s+(?:(?!(?:for|any|every|each|no|of|in|to|with|by|on|at|"
                       rf"an?|the|and|or|such|future|other)\b)[a-z][\w-]*\s+){{0,2}}{NOUN}\b")
QUALIFIED_SPAN = re.compile(rf"\S.*?{NOUN}\b", re.I)
INDEFINITE = re.compile(rf"\b(?:an?|one|another)\s+(?:(?!(?:the|this|its|their|for|of|in|to|"
                        rf"with|by|on|at)\b)[\w-]+\s+){{0,3}}?{NOUN}\b", re.I)
"""``a NATO exercise``: a first mention of an exercise not described by a modifier."""
BARE = re.compile(rf"\b(?:the|these|this|those|such)\s+(?:[a-z][\w-]*\s+){{0,3}}?{NOUN}\b|"
                  r"\bthis\s+year['’]s\s+(?:edition|iteration|round)\b", re.I)
OTHER_EDITION = re.compile(r"\b(?:next|previous|last|past|earlier|future|first|prior)\s+"
                           r"(?:round|edition|stage|iteration|phase|one)s?\s+of\s+$|"
                           r"\b(?:last|next)\s+year['’]s\s+$", re.I)
"""Words before ``the exercise`` making it another edition of it, not the one reported."""
OTHER_BARE = re.compile(r"\b(?:next|previous|last|earlier|prior)\b", re.I)
"""A word in ``the previous exercise`` making it another edition than the one told before."""
QUOTED = re.compile(rf"[“\"](?P<name>[^”\"]{{3,60}})[”\"](?=\s+(?:[\w-]+\s+){{0,3}}{NOUN})", re.I)
QUOTED_AFTER = re.compile(rf"{NOUN},?\s+[“\"](?P<name>[A-Z][^”\"]{{2,40}})[”\"]")
"""``the annual command and staff exercise, "Sarhad",``: a quoted name right after the noun."""
DUBBED = re.compile(r"\b(?:code-?named|dubbed|named|called|titled)\s+[“\"]?"
                    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+|the\s+)*[A-Z0-9][\w’'-]*){0,5})")
"""``an exercise called Mosi II that ...``: the name is its capitalised words."""
INTRODUCED = re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,3}}?{NOUN}\s*,?\s+(?:code-?named|dubbed|"
                        r"named|called|titled)\s+[“\"]?$", re.I)
"""``in an exercise called Mosi II``: a name brought in as a new exercise's, not given to
the one told before."""
ARTICLE = re.compile(r"(?:an?|the)\s+(?:new\s+)?", re.I)
"""An article before a described exercise, left out of its name and alias, with ``new``
(``a new certification exercise`` is a certification exercise)."""
YEAR_NAME = re.compile(r"\b(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}[-–](?:19|20)\d\d)\b")
PERSONNEL = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:military\s+)?(?:personnel|troops|"
                       r"servicemen|soldiers|service\s?members|sailors|marines)")
GENERIC = re.compile(r"\b(?:at\s+least|more\s+than|over|some|several|many|numerous|covering|"
                     r"dozens\s+of|a\s+number\s+of|frequency\s+of|series\s+of|number\s+of|"
                     r"\d+|types\s+of|kinds\s+of)\s+$", re.I)
"""Words before a described exercise making it a class or a count, not one event."""
ACTIVITIES = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such\s+as)\s+(?:[^.;:]*?,\s+)+(?:and\s+)?"
                        r"(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?\s*$|\b(?:includ(?:e|es|ed|ing)|"
                        r"such\s+as)\s+[^.;:]*?,\s*$", re.I)
"""A list of what an event includes running up to a described drill: one of its activities."""
PRACTISED = re.compile(r"\b(?:practi[sc](?:e|es|ed|ing)|rehears(?:e|es|ed|ing)|cover(?:s|ed|ing)?|"
                       r"focus(?:es|ed|ing)?\s+on)\s+(?:[^.;:]*?(?:,|\band)\s+)?$", re.I)
"""A verb whose object is what an event trains, running up to a described drill: the drill
is one of its activities (``Trainees will practise boarding drills``, ``covers air defence
and boarding drills``)."""
NEW = re.compile(r"\b(?:also|simultaneously|separately|meanwhile|in\s+parallel|another|"
                 r"its\s+own|their\s+own)\b", re.I)
APPOSED = re.compile(rf"\b(?:the|this|these)\s+{NOUN}\s*,\s+(?:the|an?)\s+(?:[\w-]+\s+){{0,2}}$",
                     re.I)
"""``The exercise, the largest bilateral land drill since 2019, ...``: a described drill in
apposition to the exercise told of before describes that one, not another."""
LONG_COURSE = re.compile(r"\b(?:\w+-)?years?\b", re.I)
"""A course's length in years: schooling, not a training event."""
DEFINITE = re.compile(r"\b(?:the|this|these|that|those)\s+$", re.I)
KINDS = (("course", "course"), ("tactical-special", "tactical_special"),
         ("command", "command_staff"), ("naval", "naval"), ("sea", "naval"),
         ("maritime", "naval"), ("tactical", "tactical"), ("joint", "joint"))
SPECIFIC = ("tactical_special", "command_staff", "naval", "tactical")
FORCES = ("armed_forces", "command", "headquarters")

fold(NOUN_WORD)
fold(DESCRIBED)
fold(INDEFINITE)
fold(BARE)


def _plural(phrase: str) -> bool:
    return phrase.rstrip().lower().endswith(("s", "games"))


def _kind(phrase: str) -> str | None:
    lowered = phrase.lower()
    return next((kind for word, kind in KINDS if word in lowered), None)


def _named(ctx: Context) -> tuple[int, int, str] | None:
    """A named exercise: one the mentions already name (a dictionary or a capitalised
    phrase), a quoted name before an exercise word, ``dubbed X``, or ``Name-2023``."""
    known = [m for m in ctx.labelled("Exercise") if m.kind != "phase"]
    if known:
        return known[0].start, known[0].end, known[0].name
    sentence = ctx.sentence
    for pattern in (QUOTED, QUOTED_AFTER, DUBBED):
        match = pattern.search(ctx.text, sentence.start, sentence.end)
        if match and not (pattern is DUBBED and _names_other(ctx, match.start("name"))):
            return match.start("name"), match.end("name"), match["name"].strip()
    if re.search(NOUN, sentence.text, re.I):
        match = YEAR_NAME.search(ctx.text, sentence.start, sentence.end)
        if match:
            return match.start("name"), match.end("name"), match["name"]
    return None


OTHERS = frozenset(("Country", "Person", "Organization", "Unit", "Location"))


def _names_other(ctx: Context, start: int) -> bool:
    """Whether what ``called`` names is a state, person, body or place (``called Japan one
    of our most reliable partners``), not an exercise."""
    return any(m.start == start and m.label in OTHERS for m in ctx.mentions)


OTHER_YEAR = re.compile(r"\b(?:(?P<when>(?i:last|next))\s+year['’]s\s+(?:edition|(?P<series>"
                        r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))|(?i:the)\s+(?P<year>20\d\d)\s+edition)\b")
"""Another edition of the report's exercise: ``last year's edition``, ``next year's
Interaction``, ``the 2027 edition``."""
ORDINAL_EDITION = re.compile(
    r"(?<!whose )\b(?i:the|its|a)\s+(?P<which>(?i:next|previous|last|first))\s+(?i:edition|round)"
    r"(?:\s+of\s+(?:(?i:the)\s+(?i:exercise|drills)|(?P<series>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)))?"
    r"(?!,\s+[A-Z])")
"""Another edition by its place in the series: ``the next edition``, ``the previous edition of
the exercise``, ``its first edition in 2015`` (not ``its previous edition, Surya Kiran XVIII``,
named already, nor another series' ``whose next edition``)."""
ORDINAL_DRILLS = re.compile(
    r"\b(?i:the|its)\s+(?P<which>(?i:next|previous|last))\s+"
    r"(?:(?P<series>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+)?(?:drills|exercise)\b(?!\s+[A-Z])")
"""Another edition told as the series' drills: ``The previous Peace Mission drills, in
2021, were held at``, ``The previous exercise of the force, in 2023``."""
NAMED_BEFORE = re.compile(r"\b[A-Z][\w-]*[ -](?:19|20)?\d\d,\s+$")
"""A named edition just before the phrase apposed to it: ``Pitch Black 2024, the last
edition`` names that edition again, not another."""
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
HEDGED = re.compile(r"\b(?:may|might|could)\s+(?:\w+\s+)?$")
"""A modal right before the verb of another edition: only a possibility (``Senegal may host
next year's edition``)."""
SERIES = re.compile(r"(?P<series>.*?)(?P<sep>[ -–])(?P<number>(?:19|20)?\d\d)$")
"""A named edition as its series, separator and year: ``Northern Coasts 26``."""


def other_editions(ctx: Context) -> None:
    """Record the past or next editions of the report's named exercise (before the report
    has one, of the one the sentence or the latest told names, this year's when undated) that
    a sentence speaks of as entities of their own, named by the series and their year."""
    main = ctx.article.main_event.get("Exercise")
    entity = ctx.out.entities.get(main) if main else None
    edition = SERIES.match(entity.name) if entity else None
    if edition is None:
        year = (ctx.article.published or "")[:4]
        names = [m.name for m in ctx.labelled("Exercise") if m.kind != "phase"]
        last = ctx.article.last_event.get("Exercise")
        if last in ctx.out.entities and _is_named(ctx, last) and not _course(ctx, last):
            names.append(ctx.out.entities[last].name)
        named = (SERIES.match(name) or (SERIES.match(f"{name} {year}") if year else None)
                 for name in names)
        edition = next((found for found in named if found), None)
    if edition is None:
        return
    number = int(edition["number"])
    year = number if number > 1900 else 2000 + number
    for match in OTHER_YEAR.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        if (match["series"] and match["series"] != edition["series"]) or HEDGED.search(
                ctx.text, ctx.sentence.start, match.start()):
            continue
        other = int(match["year"]) if match["year"] else year + (1 if match["when"] == "next"
                                                                 else -1)
        if other == year:
            continue
        sep = "-" if edition["sep"] in "-–" else " "
        name = f"{edition['series']}{sep}{other}"
        start = match.start() + (4 if match["year"] else 0)
        mention = Mention(start, match.end(), ctx.text[start:match.end()], "Exercise",
                          slug(name), name, rule="exercise.other_edition", confidence=0.6)
        _tell(ctx, mention)
    for match in (*ORDINAL_EDITION.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end),
                  *ORDINAL_DRILLS.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end)):
        if (match["series"] and match["series"] != edition["series"]) or HEDGED.search(
                ctx.text, ctx.sentence.start, match.start()) or NAMED_BEFORE.search(
                ctx.text, ctx.sentence.start, match.start()):
            continue
        later = match["which"].lower() == "next"
        years = [int(y) for y in YEAR.findall(ctx.text, match.end(), ctx.sentence.end)]
        other = next((y for y in years if (y > year if later else y < year)), None)
        if other is None:
            if match["which"].lower() == "first":
                continue
            other = year + (1 if later else -1)
        sep = "-" if edition["sep"] in "-–" else " "
        name = f"{edition['series']}{sep}{other}"
        start = match.start("which")
        mention = Mention(start, match.end(), ctx.text[start:match.end()], "Exercise",
                          slug(name), name, rule="exercise.other_edition", confidence=0.6)
        _tell(ctx, mention)


def _phase_at(ctx: Context, match: re.Match[str]) -> str | None:
    """The phase a described exercise is told to be (``A third phase, a command post
    exercise, ...``): that phase, not another exercise."""
    return next((m.id for m in ctx.labelled("Exercise") if m.kind == "phase" and
                 m.id in ctx.out.entities and m.start < match.end() and
                 match.start() < m.end), None)


def _tell(ctx: Context, mention: Mention) -> None:
    """Record another edition and make it one of the sentence's events, so who hosts or
    takes part in it and where it is held attach to it (``Egypt is expected to host next
    year's edition off Alexandria``); not the latest exercise, which ``the exercise`` of
    later sentences still stands for."""
    ctx.out.add(mention)
    if not any(m.id == mention.id and m.start == mention.start for m in ctx.events):
        ctx.events.append(mention)
        ctx.events.sort(key=lambda m: m.start)


def _near_noun(ctx: Context, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of a pattern ending in an exercise word, looked for only just before
    each exercise word of the sentence (cheaper than scanning the whole sentence)."""
    nouns = ctx.memory.get("nouns")
    if nouns is None:
        nouns = ctx.memory["nouns"] = ctx.scan(NOUN_WORD)
    for noun in nouns:
        end = ctx.sentence.start + noun.end()
        match = ctx.search(pattern, max(ctx.sentence.start, end - 100), end)
        if match and not (noun.group().startswith("course") and _no_course(ctx, match)):
            return match
    return None


def _no_course(ctx: Context, match: re.Match[str]) -> bool:
    """Whether a course is no event of its own: one lasting years (``a four-year course``, an
    education), or one run during a named exercise already reported (``Dutch marines are
    running a river interdiction course`` in a report on Flintlock), one of its activities."""
    return bool(LONG_COURSE.search(match.group())) or any(
        not _course(ctx, event) and _is_named(ctx, event) for event in ctx.article.exercises)


def _qualified(ctx: Context) -> re.Match[str] | None:
    """``NATO drills``, ``CSTO exercises``: an exercise named after the body holding it."""
    for mention in ctx.labelled("Organization"):
        match = QUALIFIED.match(ctx.text, mention.end, ctx.sentence.end)
        if match:
            return QUALIFIED_SPAN.match(ctx.text, mention.start, match.end())
    return None


def _generic(ctx: Context, match: re.Match[str]) -> bool:
    """Exercises spoken of as a class or a count (``at least 10 exercises``, ``standards in
    military exercises``), or drills listed among what an event includes or practises
    (``included replenishment at sea, boarding drills and ...``), not as one event."""
    before = ctx.text[max(ctx.sentence.start, match.start() - 40):match.start()]
    listed = ctx.text[ctx.sentence.start:match.start()]
    if (ACTIVITIES.search(listed) or PRACTISED.search(listed)) and \
            not ctx.text[match.end():match.end() + 1].isalpha():
        return True
    return bool(GENERIC.search(before) or re.search(r"\b(?!part\b|participat\w*\b|"
                                                    r"engaged\b|involved\b)\w+\s+in\s+$",
                                                    before))


def parties(ctx: Context) -> list[Mention]:
    """Who may take part in an exercise: states, their forces and units (not ministries)."""
    found = [m for m in ctx.actors() if m.label != "Organization" or m.kind in FORCES
             or m.id.endswith("armed-forces")]
    return found + [m for m in ctx.both() if m.id not in {f.id for f in found}]


def _states(mentions: list[Mention]) -> set[str]:
    return {m.id if m.label == "Country" else m.role.removeprefix("of:") if
            m.role.startswith("of:") else m.id for m in mentions}


def _score(ctx: Context, event: str, states: set[str], places: set[str],
           kind: str | None) -> int:
    """How well a described exercise fits one already reported (>= 1: the same one); places
    count against it only when they lie in other states (not when their states are unknown)."""
    if (kind == "course") != _course(ctx, event):
        return -9
    old_kind = ctx.out.entities[event].properties.get("kind")
    score = 0
    old_states = ctx.article.exercises.get(event, set())
    if states and old_states:
        score += 1 if states == old_states else 0 if states & old_states else -2
    old_places = ctx.article.places.get(event, set())
    if places and old_places and not places & old_places:
        regions, old_regions = _regions(ctx, places), _regions(ctx, old_places)
        score += -2 if regions and old_regions and not regions & old_regions else 0
    elif places and old_places:
        score += 1
    if kind in SPECIFIC and old_kind in SPECIFIC:
        score += 1 if kind == old_kind else -2
    return score


def _regions(ctx: Context, places: set[str]) -> set[str]:
    """The states places lie in (as far as the report or gazetteer tells)."""
    return {ctx.article.place_state.get(place) for place in places} - {None}


def _same(ctx: Context, match: re.Match[str], states: set[str], places: set[str],
          kind: str | None) -> str | None:
    """The exercise already reported that a described one is (None: a new exercise): one that
    fits it, one it fits no worse than it differs from when told definitely (``the drills``)
    or when the report has named only that one so far."""
    fresh = ctx.has(NEW)
    definite = DEFINITE.search(ctx.text[ctx.sentence.start:match.start()])
    only = len(ctx.article.exercises) == 1 and _plain(match.group())
    for event in reversed(ctx.article.exercises):
        score = _score(ctx, event, states, places, kind) - (2 if fresh else 0)
        if score >= 1 or (score == 0 and (definite or (only and _is_named(ctx, event)))):
            return event
    return None if fresh or ctx.article.exercises else _named_before(ctx)


PLAIN = frozenset(("a", "an", "the", "joint", "bilateral", "trilateral", "multilateral",
                   "multinational", "military", "large-scale", "annual", "biennial", "regional",
                   "international"))
"""Words that say only who holds an exercise or how often, not what part of one it is."""


def _plain(phrase: str) -> bool:
    """Whether a described exercise says nothing of its own kind (``a three-week joint
    exercise``), unlike a part of a larger one (``a validation exercise``)."""
    words = phrase.lower().split()[:-1]
    return all(word in PLAIN or re.fullmatch(r"[\w-]+-(?:day|week|month)", word)
               for word in words)


def _is_named(ctx: Context, event: str) -> bool:
    """Whether an exercise was reported by its name (not only described)."""
    rule = ctx.out.entities[event].rule
    return not rule.startswith("exercise.") and \
        ctx.out.entities[event].properties.get("kind") != "phase"


def _named_before(ctx: Context) -> str | None:
    """The exercise a sentence without an exercise word named before the first described one
    (the headline's ``troops for Caucasus Eagle-2026``): the lead describing an exercise
    describes that one."""
    named = ctx.article.last_event.get("Exercise")
    entity = ctx.out.entities.get(named) if named else None
    if entity is None or entity.label != "Exercise" or entity.rule.startswith("exercise.") or \
            entity.properties.get("kind") == "phase":
        return None
    return named


def _course(ctx: Context, event: str) -> bool:
    """Whether a reported exercise is a course (trainees taught, not forces drilling), which
    ``the exercise`` never stands for nor ``the course`` for a drill."""
    return ctx.out.entities[event].properties.get("kind") == "course"


def _referred(ctx: Context, states: set[str], plural: bool, course: bool) -> str | None:
    """The exercise ``the exercise`` stands for: of those whose parties hold those named,
    reported in the same number (``the exercises`` for drills told in the plural), the
    report's main exercise (told of in more sentences) rather than the latest, named in
    passing, unless that one was named in the sentence just before; else the main one."""
    fitting = [event for event in reversed(ctx.article.exercises)
               if (states <= ctx.article.exercises[event] or not states) and
               _course(ctx, event) == course]
    same_number = [event for event in fitting if plural in ctx.article.number.get(event, ())]
    candidates = same_number or fitting
    main = ctx.article.main_event.get("Exercise")
    if not candidates:
        return main if main and _course(ctx, main) == course else None
    latest = candidates[0]
    told = ctx.article.told
    if main in candidates and main != latest and \
            ctx.article.sentence - ctx.article.seen_at.get(latest, -9) > 1 and \
            told.get(main, 0) > told.get(latest, 0):
        return main
    return latest


NOUN_AFTER = re.compile(r"\s+(?:exercises?|drills|manoeuvres|maneuvers)\b")
NOUN_BEFORE = re.compile(r"\b(?:[Ee]xercise)\s+$")


def _apposed_name(ctx: Context, bare: re.Match[str], start: int) -> bool:
    """Whether a name follows ``the ... exercise`` directly inside the sentence (``took part
    in the NATO exercise Dynamic Mongoose``): a name given to a new exercise, not to the one
    told before, which only the sentence's subject (``The exercise Sahra Shakti ...``) or a
    naming word (``The exercise, named Minerva 26``) renames."""
    return bare.start() > ctx.sentence.start and ctx.text[bare.end():start].isspace()


COMPETITION = re.compile(r"(?P<name>(?:[A-Z][\w’'-]*\s+){1,4}(?:Cup|Games|Challenge|"
                         r"Championships?))(?![\w-])")
"""A contest by its name, its last word saying what it is: ``the Central Asian Sniper Cup``,
``the International Army Games``."""
COMPETING = ("compet", "contest")
"""Words one of which a sentence naming a contest holds, telling it is a contest of troops
(``teams began competing``, ``a military shooting competition``)."""
CONTEST_NOUN = fold(re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:competition|contest)\b",
                               re.I))
"""``the week-long competition``: the contest named before."""
NOT_CONTEST = frozenset(("The", "A", "An", "This", "Its", "Their", "In", "At", "For", "On"))
CONTEST_RULE = "exercise.competition"


def competitions(ctx: Context) -> None:
    """A named military contest (counted as an exercise): its name where the sentence tells
    of competing, and ``the competition`` or ``the contest`` after it for the same one."""
    if not ctx.says(*COMPETING):
        return
    taken = [m for m in ctx.mentions if m.label not in ("Country", "Location")]
    for match in COMPETITION.finditer(ctx.text, ctx.sentence.start, ctx.sentence.end):
        words = match["name"].split()
        while words and words[0] in NOT_CONTEST:
            words = words[1:]
        start = match.end() - len(" ".join(words))
        if len(words) < 2 or ctx.text[start:match.end()] != " ".join(words) or \
                any(m.start < match.end() and start < m.end for m in taken):
            continue
        record_event(ctx, "Exercise", start, match.end(), " ".join(words), None, CONTEST_RULE,
                     0.7)
        return
    last = ctx.article.last_event.get("Exercise")
    if last in ctx.out.entities and ctx.out.entities[last].rule == CONTEST_RULE:
        noun = ctx.search(CONTEST_NOUN, ctx.sentence.start, ctx.sentence.end)
        if noun is not None:
            refer(ctx, "Exercise", last, *noun.span())


def exercises(ctx: Context) -> None:
    """Record the exercise a sentence reports (or refers to), its kind, date and size."""
    other_editions(ctx)
    competitions(ctx)
    if not ctx.says(*WORDS):
        return
    _phrases(ctx)
    named = _named(ctx)
    described = _near_noun(ctx, DESCRIBED) or _qualified(ctx) or _near_noun(ctx, INDEFINITE)
    if not (named or described or _near_noun(ctx, BARE)):
        return
    actors = parties(ctx)
    states = _states(actors)
    places = {m.id for m in ctx.venues}
    for venue in ctx.venues:
        ctx.article.place_state.setdefault(venue.id, state_of(ctx, venue))
    if named:
        start, end, name = named
        earlier = ctx.article.last_event.get("Exercise")
        bare = ctx.search(BARE, ctx.sentence.start, start)
        if earlier and bare and not _apposed_name(ctx, bare, start) and \
                not INTRODUCED.search(ctx.text, ctx.sentence.start, start) and \
                ctx.out.entities[earlier].rule.startswith("exercise.") and \
                ctx.out.entities[earlier].rule != "exercise.named" and \
                not _course(ctx, earlier):
            entity = ctx.out.entities[earlier]
            entity.name = name
            entity.rule = "exercise.named"
            event = record_event(ctx, "Exercise", start, end, name, None, "exercise.named",
                                 0.85, earlier)
        else:
            known = [m for m in ctx.labelled("Exercise") if m.kind != "phase"]
            event = record_event(ctx, "Exercise", start, end, name,
                                 _kind(described.group()) if described else None,
                                 "exercise.named", 0.85, known[0].id if known else None)
        if described:
            record_event(ctx, "Exercise", described.start(), described.end(), name, None,
                         "exercise.described", 0.6, event)
    elif described and not _generic(ctx, described) and not APPOSED.search(
            ctx.text, max(ctx.sentence.start, described.start() - 60), described.start()):
        kind = _kind(described.group())
        event = _phase_at(ctx, described) or _same(ctx, described, states, places, kind)
        if event is None:
            if not (actors or places or ctx.date() or PERSONNEL.search(ctx.sentence.text)):
                return
            article = ARTICLE.match(described.group())
            start = described.start() + (article.end() if article else 0)
            name = event_name(ctx, ctx.text[start:described.end()].lower(), actors)
            event = record_event(ctx, "Exercise", start, described.end(), name,
                                 kind, "exercise.described", 0.6)
        else:
            record_event(ctx, "Exercise", described.start(), described.end(), "", kind,
                         "exercise.described", 0.6, event)
        if kind in SPECIFIC:
            ctx.out.entities[event].properties.setdefault("kind", kind)
        _ordinal_alias(ctx, event, described)
    else:
        bare = _near_noun(ctx, BARE)
        if bare is None or OTHER_EDITION.search(
                ctx.text[max(ctx.sentence.start, bare.start() - 30):bare.start()]):
            return
        other = OTHER_BARE.search(bare.group()) is not None
        if other and any(e.start < bare.end() and bare.start() < e.end for e in ctx.events):
            return
        course = _kind(bare.group()) == "course"
        event = None if other else _referred(ctx, states, _plural(bare.group()), course)
        if event is None and (actors or places) and not bare.group().startswith("this year"):
            start = bare.start() + len(bare.group().split()[0]) + 1
            event = record_event(ctx, "Exercise", start, bare.end(),
                                 event_name(ctx, ctx.text[start:bare.end()], actors), None,
                                 "exercise.described", 0.55)
        elif event is not None:
            refer(ctx, "Exercise", event, *bare.span())
            if course and bare.group().lower().endswith(" course"):
                entity = ctx.out.entities[event]
                entity.aliases = merge_list(entity.aliases, ["course"])
        else:
            return
    ctx.article.exercises[event] = ctx.article.exercises.pop(event, set()) | states
    phrase = described or (re.search(NOUN, ctx.sentence.text, re.I) if named else None)
    if phrase:
        ctx.article.number.setdefault(event, set()).add(_plural(phrase.group()))
    ctx.article.places[event] = ctx.article.places.get(event, set()) | places
    entity = ctx.out.entities[event]
    if ctx.date():
        entity.properties.setdefault("date", ctx.date())
    size = PERSONNEL.search(ctx.sentence.text)
    if size:
        entity.properties.setdefault("personnel", int(size["n"].replace(",", "")))


ORDINAL = re.compile(r"\b(?:first|second|third)\s+$", re.I)
ON_TOPIC = re.compile(r"\s+on\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?=\s*[,.;]|$)")


def _ordinal_alias(ctx: Context, event: str, described: re.Match[str]) -> None:
    """A described exercise the report numbers in its series keeps the number in an alias
    (``a first joint exercise on disaster response``), the phrase analysts name it by."""
    article = ARTICLE.match(described.group())
    start = described.start() + (article.end() if article else 0)
    ordinal = ORDINAL.search(ctx.text, max(ctx.sentence.start, start - 8), start)
    if ordinal is None:
        return
    topic = ON_TOPIC.match(ctx.text, described.end(), ctx.sentence.end)
    phrases = [ctx.text[ordinal.start():described.end()]]
    if topic:
        phrases.append(ctx.text[ordinal.start():topic.end()])
    entity = ctx.out.entities[event]
    entity.aliases = merge_list(entity.aliases, [" ".join(p.split()) for p in phrases])


def _phrases(ctx: Context) -> None:
    """A named exercise keeps the report's phrase with its noun as an alias: ``the Varuna
    exercise``, ``exercise Ramstein Flag``."""
    for mention in ctx.labelled("Exercise"):
        if mention.id not in ctx.out.entities or mention.role == "qualifier":
            continue
        after = NOUN_AFTER.match(ctx.text, mention.end, ctx.sentence.end)
        before = NOUN_BEFORE.search(ctx.text, max(ctx.sentence.start, mention.start - 10),
                                    mention.start)
        phrase = ctx.text[before.start() if before else mention.start:
                          after.end() if after else mention.end]
        if before or after:
            entity = ctx.out.entities[mention.id]
            entity.aliases = merge_list(entity.aliases, [" ".join(phrase.split())])
