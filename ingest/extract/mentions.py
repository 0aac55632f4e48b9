"""All mentions of one report: dictionary hits, people, named phrases and forces, resolved
into one non-overlapping list with stable ids (qualifying countries kept apart)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from graph.vocabulary import ENTITY_LABELS, JOINABLE_LABELS
from ingest.extract import coreference, implied, names
from ingest.extract.cues import Cues, whole_words
from ingest.extract.described import LEADS as DESCRIBED_LEADS
from ingest.extract.described import described
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import (
    Gazetteer,
    extras,
    fold_name,
    known,
    own_offices,
    region_states,
)
from ingest.extract.patterns.context import LOCATIVE
from ingest.extract.places import LEADS as PLACE_LEADS
from ingest.extract.places import places
from ingest.extract.scene import Scene
from ingest.extract.sentences import Sentence
from ingest.extract.slugs import slug

FORCES_END = re.compile(r"\s+(?:Armed\s+Forces|Army|Navy|Defen[cs]e\s+Forces)")
OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)?$")
CITY_BEFORE = re.compile(r"\b(?:capital|city|town|port)(?:\s+city)?(?:,|\s+of)?\s+$", re.I)
PLACES_BEFORE = re.compile(r"(?:\b(?:in|at|to|from|near|off)\s+(?:the\s+)?(?:[A-Z][\w’'-]*"
                           r"(?:\s+|,\s+)){1,6}(?:and|or)|\bvia)\s+$")
"""Before a capital named as one more place of a list, or as a stop on the way: ``most of
them in Bentiu and Juba``, ``flying to Larnaca via Rome``."""
LED_BY = re.compile(r"[A-Z][\w.]*-led\s+")
"""A leader's qualifier before a known operation's name: ``the NATO-led Kosovo Force``."""
CREDIT = re.compile(r"\)\s*(?:[—–]|--|-\s)")
"""After a news agency in a dateline: ``(Reuters) -`` credits the report, it is no fact."""
POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:the\s+)?")
YEAR_AFTER = re.compile(r"[-– ](?:(?:19|20)\d\d(?:-(?:IV|I{1,3}))?\b|\d\d-(?:IV|I{1,3})\b|"
                        r"\d\d\b(?!\s+[a-z0-9%]|[-–.]\w))")
"""An edition's year after an exercise's name: ``Cobra Gold 2024``, ``Cold Response 26,``,
``Iron Wolf 26-II`` (the year's second edition; two digits only when no lower-case word or
number follows: not ``Sea Breeze 12 ships``)."""
NATIONAL = ("ministry", "department", "agency", "armed_forces", "command", "headquarters",
            "academy", "government", "corps", "formation", "naval_forces", "commando",
            "special_forces", "units")

FAMILY_FIRST = re.compile(r"(?P<family>[A-Z][a-z]{1,4})\s+[A-Z][a-z]+-[a-z]+")
"""A Korean name, family name first and a hyphenated given name (``Ahn Gyu-back``): the
report names the person again by the first word (``Ahn``), not the last."""
GENERIC_FORCES = re.compile(r"(?:Royal\s+|National\s+)?(?:Armed|Defen[cs]e|Military)\s+Forces?")
"""A state's forces named without their state: ``the Royal Armed Forces``, ``the Defence
Forces``."""


def _home_forces(text: str, mention: Mention) -> bool:
    """Whether a mention names a state's forces without naming the state or an owner (not
    ``His Majesty's Armed Forces``): like a ministry so named, its home state's."""
    return mention.kind == "armed_forces" and mention.rule != "gazetteer" and \
        GENERIC_FORCES.fullmatch(mention.name) is not None and \
        not text[:mention.start].endswith(("'s ", "’s "))


def _inside(mention: Mention, sentences: list[Sentence], starts: list[int]) -> bool:
    index = bisect_right(starts, mention.start) - 1
    return index >= 0 and mention.end <= sentences[index].end


def _people(text: str, hits: list[Mention], cues: Cues | None = None) -> list[Mention]:
    """People after ranks and titles or in appositions, then their later mentions (a surname
    shared by two people goes to the one named with a rank or title first)."""
    titled = {m.start for m in hits if m.label in ("Rank", "Title")}
    found = [*names.persons(text, hits),
             *(m for m in names.appositives(text, cues) if m.start not in titled),
             *(names.introduced(text, hits, cues) if cues else ())]
    full: dict[str, Mention] = {}
    for mention in found:
        if len(mention.text.split()) > 1:
            full.setdefault(mention.text, mention)
    by_surname: dict[str, Mention] = {}
    for surface, whole in full.items():
        family = FAMILY_FIRST.fullmatch(surface)
        by_surname.setdefault(family["family"] if family else surface.split()[-1], whole)
    resolved = []
    for mention in found:
        if mention.text in full:
            resolved.append(mention)
        elif mention.text in by_surname:
            whole = by_surname[mention.text]
            resolved.append(replace(mention, id=whole.id, name=whole.name, confidence=0.7))
    named = {**by_surname, **full}
    for start, surface in whole_words(text, named):
        whole = named[surface]
        resolved.append(Mention(start, start + len(surface), surface, "Person", whole.id,
                                whole.name, rule="person.repeat", confidence=0.6))
    return resolved


STATE_REACH = 300
"""How far before a phrase its state may be named (``Azerbaijan's the ...``), in characters."""


def _qualified(text: str, phrase: Mention, countries: list[Mention],
               starts: list[int]) -> Mention:
    """A national organisation's phrase given its state: id ``aze-ministry-of-defence``
    (``countries`` in text order, ``starts`` their offsets: only those near are looked at).
    A phrase opened by two states joined by a hyphen (``the Brazil-Argentina Joint Defence
    Commission``, ``the Lithuanian-Polish-Ukrainian Brigade``) names a body they share,
    which neither owns."""
    if phrase.label not in ("Organization", "Unit") or phrase.kind not in NATIONAL:
        return phrase
    core, state = phrase.text, None
    near = countries[bisect_left(starts, phrase.start - STATE_REACH):
                     bisect_right(starts, phrase.end)]
    for country in near:
        if country.start == phrase.start and country.end < phrase.end:
            if text[country.end] in "-–":
                break
            core, state = text[country.end:phrase.end].strip(), country
        elif country.end <= phrase.start and text.startswith(("'", "’"), country.end) and \
                POSSESSIVE_GAP.fullmatch(text, country.end, phrase.start):
            state = country
        elif phrase.start < country.start and (
                country.end == phrase.end or FORCES_END.fullmatch(text, country.end, phrase.end)
        ) and re.search(r"\bof\s+(?:the\s+)?$", text[phrase.start:country.start]):
            core = re.sub(r"\s+of\s+(?:the\s+)?$", "", text[phrase.start:country.start])
            state = country
    core = re.sub(r"^(?:the\s+)", "", core)
    ministry = re.fullmatch(r"(.+?)\s+Ministry", core)
    if ministry:
        core = f"Ministry of {ministry[1]}"
    if state is None:
        return replace(phrase, id=slug(core), name=" ".join(core.split()))
    return replace(phrase, id=f"{state.id.lower()}-{slug(core)}",
                   name=f"{' '.join(core.split())} of {state.name}", role=f"of:{state.id}")


def _exercise(phrase: Mention, known: dict[tuple[int, int], Mention]) -> Mention:
    """``Exercise Bright Star`` is the exercise Bright Star (the dictionary's, when it knows
    it: ``known`` by span)."""
    if phrase.label != "Exercise" or not phrase.text.startswith("Exercise "):
        return phrase
    start = phrase.start + len("Exercise ")
    name = " ".join(phrase.text[len("Exercise "):].split())
    entry = known.get((start, phrase.end))
    return replace(phrase, id=entry.id if entry else slug(name),
                   name=entry.name if entry else name)


def _led_operation(text: str, phrase: Mention, operations: dict[int, Mention]) -> bool:
    """Whether a phrase is a known operation or organisation with its leader before it
    (``NATO-led Kosovo Force``, ``the Russian-led Collective Security Treaty Organization``):
    that one, not a formation of that name."""
    operation = operations.get(phrase.end)
    return operation is not None and phrase.start < operation.start and \
        LED_BY.fullmatch(text, phrase.start, operation.start) is not None


def _detached(text: str, phrase: Mention, bodies: dict[int, Mention]) -> Mention:
    """``Western Theater Command of the Chinese People's Liberation Army``: the phrase before
    ``of`` when what follows is an organisation of the dictionaries or a state's service
    named after ``of the`` (``bodies`` by end: ``Special Forces Command of the Nigerian
    Army``), keeping the state it was qualified with; a single word before ``of`` names
    nothing alone (``the Council of the European Union``), nor does a staff without its
    forces (``General Staff of the Turkish Armed Forces``)."""
    hit = bodies.get(phrase.end)
    if hit is not None and phrase.start < hit.start:
        head = OF_TAIL.search(text, phrase.start, hit.start)
        if head is not None and head.end() == hit.start and head.start() > phrase.start and \
                " " in text[phrase.start:head.start()] and (
                    hit.rule != "org.armed_forces" or (
                        text[head.start():head.end()].split()[1:2] == ["the"]
                        and phrase.kind != "headquarters")):
            surface = text[phrase.start:head.start()]
            if phrase.role.startswith("of:"):
                return replace(phrase, end=head.start(), text=surface)
            return replace(phrase, end=head.start(), text=surface, id=slug(surface),
                           name=" ".join(surface.split()))
    return phrase


UNIT_OF = re.compile(r"(?P<part>.+?\b(?:Squadron|Brigade|Regiment|Battalion|Division|Wing|"
                     r"Flotilla|Group))\s+of\s+the\s+(?P<whole>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,4})")
"""A formation named with the larger unit it belongs to: ``25th Destroyer Squadron of the
Pakistan Fleet``, ``Coastal Defense Regiment of the Philippine Marine Corps``."""


def _unit_of(text: str, phrase: Mention) -> list[Mention]:
    """A formation's phrase that names the unit it belongs to after ``of the``, as two
    mentions (the formation, then the larger unit, a unit or command by its own telling
    word), so the two are two entities and the one PART_OF the other."""
    found = UNIT_OF.fullmatch(phrase.text) if phrase.label == "Unit" else None
    kind = names.classify(found["whole"]) if found else None
    if found is None or kind is None or kind[0] not in ("Unit", "Organization"):
        return [phrase]
    part, whole = found["part"], found["whole"]
    start = phrase.start + found.start("whole")
    return [replace(phrase, end=phrase.start + len(part), text=part, id=slug(part),
                    name=" ".join(part.split())),
            Mention(start, phrase.end, whole, kind[0], slug(whole), " ".join(whole.split()),
                    kind[1], rule=f"phrase.{kind[0].lower()}", confidence=0.6)]


def _capital(text: str, mention: Mention, states: set[int]) -> Mention:
    """A capital is a city after in/at/near or a word for a city (``the Kyrgyz capital,
    Bishkek``, ``the city of Baku``) or followed by its state (``Baghdad, Iraq``), else it
    stands for its state (Ankara = Türkiye)."""
    if mention.role != "capital":
        return mention
    after = re.match(r",\s*", text[mention.end:mention.end + 3])
    stated = bool(after) and mention.end + after.end() in states
    before = text[max(0, mention.start - 40):mention.start]
    if not stated and not LOCATIVE.search(before) and not CITY_BEFORE.search(before) and \
            not PLACES_BEFORE.search(text, max(0, mention.start - 80), mention.start):
        return mention
    return replace(mention, label="Location", id=slug(mention.text), name=mention.text,
                   kind="city", role=f"in:{mention.id}",
                   rule="place.city_of_state" if stated else mention.rule)


COMPASS_BEFORE = re.compile(r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Nn]orth-?[Ee]ast|"
                            r"[Nn]orth-?[Ww]est|[Ss]outh-?[Ee]ast|[Ss]outh-?[Ww]est)(?:ern)?"
                            r"[ -]$")


def _compass(text: str, mention: Mention) -> Mention:
    """An ocean or sea with a compass word before it names that part of it: ``the South
    Atlantic``, ``the western Pacific`` (not the whole ocean)."""
    if mention.label != "Location" or mention.kind != "sea":
        return mention
    before = COMPASS_BEFORE.search(text, max(0, mention.start - 16), mention.start)
    if before is None:
        return mention
    name = " ".join(text[before.start():mention.end].split())
    return replace(mention, start=before.start(), text=text[before.start():mention.end],
                   id=slug(name), name=name)


MODIFYING = re.compile(r"[ \t]+(?!(?:in|on|at|of|and|or|to|for|with|from|by|before|after|since|"
                       r"is|was|are|were|has|have|had|the|as|that|which|where|when|but|into|"
                       r"off|near|across|over|around|between|under|towards?|within|without|"
                       r"alongside|later|next|this|last|regions?|provinces?)\b)[A-Za-z]")
"""After a one-word sea or region that modifies the word after it (``Pacific islands``,
``Caribbean states``, ``Atlantic Shield 26``): a word that is no preposition, verb or
place word of its own (``the Kaliningrad region``)."""


def _modifier(text: str, mention: Mention) -> bool:
    """Whether a one-word sea or region of no one state only qualifies what follows (``seven
    Caribbean states``, ``its largest Pacific deployment``): a word used as an adjective, not
    a mention of the place (a state's own region names its war: ``the Karabakh war``)."""
    return mention.label == "Location" and mention.kind in ("sea", "region") and \
        mention.rule == "gazetteer" and not any(c.isspace() for c in mention.text) and \
        MODIFYING.match(text, mention.end) is not None and \
        ("Location", mention.id) not in extras()


STATE_PART_BEFORE = re.compile(r"\b(?:Western|Northern|Southern|Eastern|Central|North|South|"
                               r"East|West) $")
"""A compass word that, before a state's name, may name a province of it (``Western
Australia``)."""


def _state_part(text: str, mention: Mention) -> Mention:
    """A state's name after a compass word that together name a province of that state
    (``Western Australia``, ``South Australia``): the province, a place in the state."""
    if mention.label != "Country" or mention.role != "name":
        return mention
    before = STATE_PART_BEFORE.search(text, max(0, mention.start - 10), mention.start)
    if before is None:
        return mention
    name = text[before.start():mention.end]
    if region_states().get(fold_name(name), ())[:1] != (mention.id,):
        return mention
    return Mention(before.start(), mention.end, name, "Location", slug(name), name, "region",
                   f"in:{mention.id}", "place.state_part", 0.8)


REGION_BEFORE = re.compile(r"\b(?:Central|Latin|South|North|Meso|Ibero|Pan|Anglo|Afro)[ -]$")
"""A region word before ``American``: ``Central American armed forces`` are the region's."""


def _regional(text: str, mention: Mention) -> bool:
    """Whether ``American`` is a region's (``Central American``, ``Latin American``), not the
    United States' demonym."""
    return mention.label == "Country" and mention.text in ("American", "Americans") and \
        REGION_BEFORE.search(text, max(0, mention.start - 8), mention.start) is not None


def _currency(text: str, mention: Mention) -> bool:
    """Whether a state's abbreviation only marks a currency (``US$105 million``, ``NZ$40
    million``): a sum, not the state."""
    return mention.label == "Country" and text.startswith("$", mention.end)


NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*(?<!['’]s)[ \t]$")
NAME_AFTER = re.compile(r"[ \t][A-Z][\w’'-]*\w")


def _inside_name(text: str, mention: Mention, heads: list[tuple[int, int]]) -> bool:
    """Whether a town of the big list is only a word of a longer name nobody knows (``Cerro
    Moreno``, ``Super Tucano``, ``Kato Pyrgos``): a capitalised word right before or after it
    in running text (titles capitalise every word)."""
    if mention.label != "Location" or mention.confidence >= 0.9 or mention.rule != "gazetteer" \
            or any(a <= mention.start < b for a, b in heads):
        return False
    before = NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if before is not None and not re.search(r"(?:^|[.!?\n]\s*)\S+\s$",
                                            text[max(0, before.start() - 3):mention.start]):
        return True
    return NAME_AFTER.match(text, mention.end) is not None


EPOCH_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$")
EPOCH_AFTER = re.compile(r"\s*[.,;]")


def _epoch(text: str, mention: Mention) -> bool:
    """A war named only to date something (``the first deployment abroad since the Second
    World War.``): a time marker, not an event the report tells of."""
    return mention.label == "Operation" and mention.kind == "war" and \
        EPOCH_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None and \
        EPOCH_AFTER.match(text, mention.end) is not None


def _dated(text: str, mention: Mention) -> Mention | None:
    """A named exercise with its edition's year (``Cobra Gold 2024``); left to the exercise
    patterns when quoted or hyphenated (``"Vostok-2022"``), as is an operation's short name
    written with an edition's year (``Sea Guardian-2026`` is an exercise's edition)."""
    if mention.label == "Operation" and not mention.text.startswith("Operation") and \
            text[mention.end:mention.end + 1] in "-–" and YEAR_AFTER.match(text, mention.end):
        return None
    if mention.label != "Exercise":
        return mention
    year = YEAR_AFTER.match(text, mention.end)
    quoted = text[mention.start - 1:mention.start] in ("\"", "“", "‘")
    if quoted or (year and year.group()[0] != " "):
        return None
    if year is None:
        return mention
    name = text[mention.start:year.end()]
    return replace(mention, end=year.end(), text=name, id=slug(name), name=name)


class Owned:
    """Disjoint stretches of text, each owned by the mention chosen last for it."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.owners: dict[int, Mention] = {}

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The owners of stretches overlapping ``[start, end)``."""
        if start >= end:
            return []
        low, high = bisect_right(self.ends, start), bisect_left(self.starts, end)
        return [self.owners[at] for at in self.starts[low:high]]

    def take(self, mention: Mention) -> None:
        """Give ``mention`` its stretch (free, or held by a mention of the same span)."""
        if mention.start >= mention.end:
            return
        if mention.start not in self.owners:
            at = bisect_left(self.starts, mention.start)
            self.starts.insert(at, mention.start)
            self.ends.insert(at, mention.end)
        self.owners[mention.start] = mention


def _credit(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is the agency credited in a dateline: ``Aktau (Reuters) -``."""
    return mention.label == "Organization" and text[mention.start - 1:mention.start] == "(" \
        and CREDIT.match(text, mention.end) is not None


PUBLICATION = re.compile(
    rf"(?m)(?:^|\()[ \t]*(?P<name>[{names.UPPER}][\w’'.-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+|de[ \t]+|"
    rf"la[ \t]+)?[{names.UPPER}][\w’'.-]*){{0,6}}[ \t]+(?:News|Press|Times|Post|Tribune|Herald|"
    r"Agency|Wire|Journal|Gazette|Monitor|Review|Digest|Dispatch|Bulletin|Brief|Observer|"
    r"Report|Ledger|Daily|Defensa))(?=[ \t]*(?:$|\||[—–]|\)|,))")
"""A publication named where a report names its source: a line opening with the name (the
masthead ``Levant Security Wire | Baghdad | 12 May 2026``) or in brackets in a dateline
(``PORT MORESBY (Pacific Islands Defence News) —``); the places in it are no facts."""


BYLINE = re.compile(rf"(?m)(?:^|\|)[ \t]*By[ \t]+(?P<name>{names.FULL_NAME.format('1,3')})")
"""The author named in a byline (``By Ramon dela Cruz``, ``| By Anand Ramgoolam``)."""


def _published(text: str) -> list[tuple[int, int]]:
    """The spans of the publications a report names as its source, and of its authors."""
    return [match.span("name") for pattern in (PUBLICATION, BYLINE)
            for match in pattern.finditer(text)]


def _choose(candidates: Iterable[Mention]) -> list[Mention]:
    """Longest first, no overlaps; countries inside a chosen phrase kept as qualifiers, places
    inside a chosen event's name kept as they are."""
    chosen: list[Mention] = []
    owned = Owned()
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, -m.confidence)):
        overlapping = owned.overlapping(mention.start, mention.end)
        if not overlapping or all(m.span == mention.span and m.rule == mention.rule
                                  and m.role.startswith("of:") for m in overlapping):
            chosen.append(mention)
            owned.take(mention)
        elif mention.label == "Country" and all(
                m.start <= mention.start and mention.end <= m.end for m in overlapping):
            chosen.append(replace(mention, role="qualifier"))
        elif mention.label == "Location" and all(
                m.start <= mention.start and mention.end <= m.end
                and m.label in JOINABLE_LABELS for m in overlapping):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.role == "qualifier"))


HONORIFIC = re.compile(r"(?:Brigade|Division|Regiment|Battalion|Squadron|Wing|Corps|Fleet|Force|"
                       r"Group|Unit)\s+[\"“]$")
"""Before a unit's honorific name in quotes (``Mechanised Infantry Brigade "Iron Wolf"``),
which names the unit, not the exercise or operation of that name."""


def _honorific(text: str, mention: Mention) -> bool:
    """Whether a dictionary event name is a unit's honorific in quotes."""
    return mention.label in ("Exercise", "Operation") and \
        bool(HONORIFIC.search(text, max(0, mention.start - 12), mention.start)) and \
        text[mention.end:mention.end + 1] in ('"', "”")


QUOTED_HONORIFIC = re.compile(r"\s+[\"“](?P<name>[A-Z][\w’'-]*(?:\s(?:[A-Z][\w’'-]*|de|del|la|"
                              r"el|do|da|di)){0,3})[\"”]")
UNIT_WORD = re.compile(r"\b(?:Brigade|Division|Regiment|Battalion|Squadron|Wing|Corps|Fleet|"
                       r"Force|Group|Unit)\b")


def _with_honorific(text: str, mention: Mention) -> Mention:
    """A unit named with its honorific in quotes keeps it in its name: ``Mechanised
    Infantry Brigade "Iron Wolf"``, ``Task Force Air "Northern Lightning"``."""
    if mention.label != "Unit" or not UNIT_WORD.search(mention.text):
        return mention
    found = QUOTED_HONORIFIC.match(text, mention.end)
    if found is None:
        return mention
    name = f'{mention.name} "{found["name"]}"'
    return replace(mention, end=found.end(), text=text[mention.start:found.end()], name=name,
                   id=slug(name))


def resolve_mentions(text: str, sentences: list[Sentence], gazetteer: Gazetteer,
                     terms: list[Mention] | None = None) -> list[Mention]:
    """Every entity mention in the report's sentences, resolved and ordered (``terms``: the
    dictionaries' terms in ``text``, when the caller has looked them up)."""
    hits = gazetteer.find(text) if terms is None else terms
    states = {m.start for m in hits if m.label == "Country" and m.role != "capital"}
    heads = [(s.start, s.end) for s in sentences if s.heading]
    hits = [m for m in (_dated(text, _compass(text, _state_part(text, _capital(text, m, states))))
                        for m in hits)
            if m and not _inside_name(text, m, heads) and not _regional(text, m)
            and not _currency(text, m)
            and not _epoch(text, m)]
    countries = sorted((m for m in hits if m.label == "Country"), key=lambda m: m.start)
    country_starts = [m.start for m in countries]
    body = [s for s in sentences if not s.heading]
    titled = {i for m in hits if m.label == "Title" for i in range(m.start, m.end)}
    forces = list(names.armed_forces(text, countries))
    bodies = {m.end: m for m in (*hits, *forces) if m.label in ("Organization", "Unit")}
    exercises = {m.span: m for m in hits if m.label == "Exercise"}
    phrases = [_exercise(_detached(text, _qualified(text, m, countries, country_starts),
                                   bodies), exercises)
               for s in body
               for whole in names.phrases(text, s.start, s.end)
               if not (whole.start in titled and whole.end - 1 in titled)
               for m in _unit_of(text, whole)]
    operations = {m.end: m for m in hits if m.label in ("Operation", "Organization")}
    phrases = [m for m in phrases if not _led_operation(text, m, operations)]
    starts = [s.start for s in sentences]
    home = Counter(m.id for m in countries if _inside(m, sentences, starts)).most_common(1)
    cues = Cues(text, (DESCRIBED_LEADS, *PLACE_LEADS, *names.LEADS))
    scene = Scene(text, body, countries,
                  next((m for m in countries if home and m.id == home[0][0]), None),
                  [m for m in hits if m.label == "Location"], cues)
    owners = sorted((*hits, *forces, *phrases), key=lambda m: m.start)
    candidates = [
        *_people(text, hits, cues), *forces, *phrases,
        *names.named_events(text, hits, cues), *names.editions(text, hits),
        *names.past_editions(text),
        *names.ships(text, hits, cues),
        *names.coordinated_units(text), *names.quoted_units(text), *names.battlegroups(text),
        *names.sectors(text),
        *names.teams(text, owners), *names.possessed(text, owners),
        *names.cities(text, countries), *described(scene), *places(scene),
        *implied.offices(text, hits, extras(), {**known("Organization"), **own_offices()}),
        *implied.headquarters(text, hits), *implied.described_headquarters(text),
        *implied.governments(text, hits),
        *implied.joint_staffs(text, hits),
        *implied.ministries(text, hits, {**known("Organization"), **own_offices()}),
        *implied.paired_ministries(text, hits, {**known("Organization"), **own_offices()}),
        *implied.quoted(text),
        *(m for m in hits if m.label in ENTITY_LABELS and not _honorific(text, m)
          and not _modifier(text, m)),
    ]
    sources = _published(text)
    # Bodies of three words or more named with a state somewhere (``mar-royal-armed-forces``):
    # named alone, they stay free of the home state, for ``coreference.unify`` to give them
    # that state; ministries and two-word names (``armed-forces``) are each state's own.
    owned = {m.id.split("-", 1)[1] for m in candidates
             if m.role.startswith("of:") and m.id.count("-") >= 3 and m.kind != "ministry"}
    chosen = []
    for mention in _choose(m for m in candidates if _inside(m, sentences, starts)
                           and not _credit(text, m) and not _epoch(text, m) and not any(
                               a <= m.start and m.end <= b for a, b in sources)):
        if mention.label in ("Organization", "Unit") and (
                mention.kind == "ministry" or _home_forces(text, mention)) \
                and not mention.role.startswith("of:") and home and \
                mention.id not in owned and \
                not (mention.rule == "gazetteer" and mention.id[3:4] == "-"):
            state = gazetteer.country(home[0][0])
            mention = replace(mention, id=f"{home[0][0].lower()}-{mention.id}",
                              name=f"{mention.name} of {state.name if state else home[0][0]}",
                              role=f"of:{home[0][0]}", confidence=0.5)
        chosen.append(mention)
    chosen = names.armies([_with_honorific(text, m) for m in chosen])
    chosen = coreference.share_out(text, coreference.places_again(
        text, coreference.exercises_again(text, coreference.ships_again(
        text, coreference.acronyms(text, chosen)))))
    chosen = coreference.unify(coreference.adopt(chosen, hits))
    return coreference.fullest(coreference.wars(_with_antecedents(chosen)))


def _with_antecedents(mentions: list[Mention]) -> list[Mention]:
    """Back-references (``the alliance``) of bodies the report names otherwise, as names of
    them; without such a name, ``the alliance`` may be any alliance (the CSTO, the AES) and is
    dropped."""
    named = {m.id for m in mentions if m.role != "reference"}
    return [replace(m, role="name") if m.role == "reference" else m for m in mentions
            if m.role != "reference" or m.id in named]
