"""Places the dictionaries cannot hold: ``the Armenian border``, ``liberated territories``,
``the frontline zone``, ``the X region``, ``the Y training ground`` and the towns listed in
``the cities of A, B and C`` or ``the A, B and C districts``.

Like the common-noun patterns, one scan finds the head words and a small pattern reads the
words around each, so the cost stays linear in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.dates import DATELINE_DATE
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import default, fold_name, region_states, town_states
from ingest.extract.names import NOT_NAME, UPPER
from ingest.extract.scene import Scene
from ingest.extract.slugs import slug

NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
PARTICLES = r"de|del|dela|da|do|dos|das|di|la|le|bin|ibn|al|el|van|von"
"""Lower-case words inside a person's or place's name that a place may be named after."""
HEADS = re.compile(
    r"\b(?:territories|lands|areas|border|front[\s-]?line|line\s+of\s+contact|contact\s+line|"
    r"cities|towns|villages|settlements|districts|regions|provinces|region|province|district|"
    r"department|soum|forest|fjord|desert|(?:military|army)\s+training\s+(?:area|grounds?)|"
    r"oblast|governorate|prefecture|county|valley|peninsula|islands?|(?:training|firing)\s+"
    r"(?:ground|range)s?|polygon|(?:air|naval|military|army)\s+base|airbase|airfield|"
    r"(?:such\s+as|including)|(?:training|firing|shooting|exercise)\s+(?:areas?|grounds?)|range|"
    r"(?:manoeuvre|maneuver)\s+areas?|base|"
    r"(?:marine|navy|naval\s+air|air\s+force|logistics|support)\s+base|"
    r"(?:air|naval|naval\s+air)\s+station|port|river|barracks|garrison|airport|shipyard|camp|"
    r"wharf|regency)\b")
LEADS = (("places", ("territories", "lands", "areas", "border", "front", "line", "contact",
                    "cities", "towns", "villages", "settlements", "district", "region",
                    "province", "oblast", "governorate", "prefecture", "county", "valley",
                    "peninsula", "island", "training", "firing", "polygon", "air", "naval",
                    "military", "army", "such", "including", "shooting", "exercise", "range",
                    "marine", "navy", "logistics", "support", "port", "river", "barracks",
                    "garrison", "airport", "shipyard", "department", "soum", "forest", "fjord",
                    "desert", "camp", "wharf", "regency", "manoeuvre", "maneuver", "base")),
         ("towns", ("town", "city", "village", "port", "settlement", "municipality",
                     "base", "garrison")))
"""The words ``HEADS`` and the town patterns begin with, for ``Cues``."""
HELD = re.compile(r"(?P<adv>(?:recently|newly|formerly|temporarily|illegally)\s+)?"
                  r"(?P<adj>liberated|occupied|reclaimed|disputed|annexed|contested|seized|"
                  r"captured|recaptured|de-occupied)\s+(?:(?P<state>[A-Z][\w’'-]+)\s+)?$")
HELD_AFTER = re.compile(r"\s+(?P<adj>reclaimed|liberated|occupied|seized|captured|recaptured)\b")
HELD_AS = {"reclaimed": "liberated", "recaptured": "liberated", "de-occupied": "liberated",
           "seized": "occupied", "captured": "occupied", "annexed": "occupied",
           "contested": "disputed"}
BETWEEN = re.compile(rf"\s+(?:with|between)\s+(?:the\s+)?(?P<a>{NAME})"
                     rf"(?:\s+and\s+(?:the\s+)?(?P<b>{NAME}))?")
BORDER_NOUN = re.compile(r"[ \t]+(?!(?:and|or|in|of|with|between|near|on|at|to|from|for|"
                         r"where|which|that|since|along|area|region|zone|crossings?)\b)[a-z]")
"""After ``border`` that qualifies the noun after it (``border guards``, ``border services``)."""
BORDER_NEAR = re.compile(r"\b(?:near|close\s+to|towards?|from)\s+the\s+(?:[\w’'-]+\s+){0,2}$",
                         re.I)
"""Before a border named only to tell where something else lies (``near the Mauritanian
border``, ``15 kilometres from the Afghan border``)."""
FRONT_AFTER = re.compile(r"(?:\s+(?:zone|area|region)s?)?(?=\s*(?:[,.;:)]|$|\s(?:in|of|near|"
                         r"along|between|and|with|where|that|which)\b))")
LIST_OF = re.compile(rf"\s+of\s+(?P<list>(?:the\s+)?{NAME}(?:,\s+(?:and\s+)?(?:the\s+)?{NAME})*"
                     rf"(?:,?\s+and\s+(?:the\s+)?{NAME})?)")
LIST_BEFORE = re.compile(rf"(?P<list>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})\s+$")
SUCH_AS = re.compile(r"\b(?:locations|cities|towns|places|areas|settlements|ports|bases|regions|"
                     r"provinces|districts)\b(?:\s+\w+){0,4},?\s+$")
ITEM = re.compile(rf"(?:,?\s+(?:and\s+)?)?(?:the\s+)?(?P<name>{NAME})")
NAMED_LEFT = re.compile(rf"(?P<name>[{UPPER}][\w’'-]+\s+(?:(?:(?:{PARTICLES})\s+)?"
                        rf"[{UPPER}][\w’'-]+\s+){{0,2}})$")
"""A proper name before a place word, with the particles names hold (``the Miguel de
Cervantes base``, ``the Al-Hussein bin Abdullah II training area``)."""
NOT_PLACE = {"The", "A", "An", "In", "On", "At", "Of", "This", "That", "Its", "Their", "His",
             "Her", "Our", "Both", "Each", "Every", "Some", "Many", "Several", "Other", "Whole",
             "Entire", "Border", "Military", "Special", "Administrative"}
DIRECTIONS = {"Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East",
              "West", "Autonomous", "Upper", "Lower"}
OFFICES = {"Defence", "Defense", "State", "Foreign", "Justice", "Treasury", "Interior", "Health",
           "Police", "Army", "Navy", "Finance", "Energy", "Transport", "Education"}
"""Words that make a capitalised name before ``department`` a government office (``the
Defence department``), not a province."""
KINDS = {"district": "district", "soum": "district", "department": "district",
         "base": "territory", "airbase": "territory",
         "airfield": "territory", "ground": "territory", "range": "territory",
         "polygon": "territory", "grounds": "territory", "ranges": "territory",
         "area": "territory", "areas": "territory", "station": "territory",
         "barracks": "territory",
         "garrison": "territory", "airport": "territory", "shipyard": "territory",
         "port": "city", "river": "river", "camp": "territory", "wharf": "territory",
         "regency": "district"}
"""The kind of place a lower-case head word names; a territory or river is named with its
head (``the Cincu range``, ``the Olt river``), a city or region without it."""
WITH_HEAD = ("territory", "district", "river")
PLACE_NAME = rf"[{UPPER}][\w’'.-]*\w(?:\s+[{UPPER}][\w’'.-]*\w){{0,3}}"
TOWN_OF = re.compile(rf"(?:town|city|village|port|settlement|municipality)(?:\s+city)?\s+of\s+"
                     rf"(?P<name>{PLACE_NAME})")
"""``the town of Zaamin``, ``the port city of Aktau``."""
APPOSED = re.compile(rf"(?P<name>{PLACE_NAME}),\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?$")
"""``Zaamin, a mountain town ...``: a place introduced by what it is."""
SITED = re.compile(r"\s+(?:in|on|near|outside|north|south|east|west|north-?east|north-?west|"
                   r"south-?east|south-?west|close|some|about|located|situated|along|"
                   r"bordering|by)\b")
STATE_AFTER = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
                         r"northern|southern|eastern|western|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western)\s+)?)")
AGENCY = (r"Reuters|AFP|AP|dpa|DPA|Xinhua|TASS|Anadolu|IANS|PTI|ANI|Bernama|Yonhap|Kyodo|WAM|"
          r"SPA|QNA|KUNA|BNA|Interfax|Sputnik|Trend|APA|Kazinform|AKIpress|Antara|PNA|VNA|EFE|"
          r"ANSA|Ukrinform|Agerpres|MENA|AA|IRNA|Tasnim|Fars|Al\s+Jazeera|Nation|Defense\s+News")
DATELINE = re.compile(
    rf"(?P<city>[{UPPER}][{UPPER}’'.-]+(?:\s+[{UPPER}][{UPPER}’'.-]+){{0,2}}|"
    rf"[{UPPER}][\w’'.-]*\w(?:\s+[{UPPER}][\w’'.-]*\w){{0,2}})"
    rf"(?:,\s+(?P<where>[{UPPER}][\w’'. ]{{1,30}}?))?"
    rf"(?:,\s+{DATELINE_DATE})?"
    rf"\s*(?:\((?:{AGENCY})\)\s*)?"
    r"(?:[—–]|--|-(?=\s))\s")
"""A dateline opening a report's paragraph: ``AKTAU, Kazakhstan —``, ``Aktau, May 3
(Reuters) -``, ``TAMALE (AFP) —``, ``KISMAYO, Somalia, 14 May 2026 -``."""
SINGULAR = {"cities": "city", "towns": "city", "villages": "city", "settlements": "city",
            "districts": "district", "regions": "region", "provinces": "region"}


def _make(scene: Scene, start: int, end: int, id_: str, name: str, kind: str,
          state: Mention | None = None, confidence: float = 0.55,
          rule: str = "place.described") -> Mention:
    return Mention(start, end, scene.text[start:end], "Location", id_, name, kind,
                   f"in:{state.id}" if state else "name", rule, confidence)


class Places:
    """The described places of one report, each state's held territories under one id."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.held: dict[str, tuple[str, str]] = {}

    def __call__(self, start: int, end: int) -> Iterator[Mention]:
        head = self.scene.text[start:end]
        if head in ("territories", "lands", "areas"):
            yield from self._held(start, end, head)
        elif head == "border":
            yield from self._border(start, end)
        elif "line" in head:
            yield from self._front(start, end)
        elif head in SINGULAR:
            yield from self._listed(start, end, head)
        elif head.endswith(" areas"):
            yield from self._areas(start, end, head)
        elif head in ("such as", "including"):
            yield from self._examples(start, end)
        else:
            yield from self._named(start, end, head)

    def _held(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """Territories a state lost or regained: ``Azerbaijan’s liberated territories``."""
        text = self.scene.text
        left = HELD.search(text, max(0, start - 60), start)
        state = self.scene.ends.get(start - 1) if left and left["state"] else None
        if left and left["state"] and state is None:
            return
        begin = left.start() if left else start
        adjective = left["adj"] if left else None
        if left is None:
            state = self.scene.ends.get(start - 1)
            after = HELD_AFTER.match(text, end, end + 14)
            if state is None or not (after or head == "lands"):
                return
            begin, adjective = state.start, after["adj"] if after else "occupied"
            end = after.end() if after else end
        state = state or self.scene.state(begin, end)
        if state is None or (head == "areas" and left is None):
            return
        if state.start < begin and self.scene.country_before(begin) is state:
            begin = state.start
        adjective = HELD_AS.get(adjective, adjective)
        first = self.held.setdefault(state.id, (adjective, f"{adjective.capitalize()} "
                                                f"territories of {state.name}"))
        yield _make(self.scene, begin, end, slug(f"{state.id} {first[0]} territories"),
                    first[1], "territory", state)

    def _border(self, start: int, end: int) -> Iterator[Mention]:
        """A border between two states: ``the Armenian border``, ``the Iran-Iraq border``;
        not one that only qualifies a noun (``Tajik border guards``) or only tells where
        something else lies (``near the Mauritanian border``)."""
        scene = self.scene
        if BORDER_NOUN.match(scene.text, end) or \
                BORDER_NEAR.search(scene.text, max(0, start - 60), start):
            return
        side = scene.ends.get(start - 1)
        between = BETWEEN.match(scene.text, end, end + 60)
        if side is not None:
            other = scene.ends.get(side.start - 1) if scene.text[side.start - 1] in "-–" \
                else None
            begin = (other or side).start
            pair = [other or self._other(start, side), side]
        elif between and between.start("a") in scene.at:
            side = scene.at[between.start("a")]
            second = scene.at.get(between.start("b")) if between["b"] else None
            pair = [side, second] if second else [self._other(start, side), side]
            begin, end = start, between.end()
        else:
            return
        if pair[0] is None or pair[0].id == pair[1].id:
            return
        name = f"{pair[0].name}–{pair[1].name} border"
        yield _make(scene, begin, end, slug(name), name, "border")

    def _other(self, start: int, side: Mention) -> Mention | None:
        """The state on the other side: the report's own state when the sentence names it,
        else the nearest state named before."""
        sentence = self.scene.sentence(start)
        named = [m for m in (self.scene.in_sentence(sentence.start, start) if sentence else [])
                 if m.id != side.id]
        home = self.scene.home
        if home is not None and any(m.id == home.id for m in named):
            return home
        return named[-1] if named else home

    def _front(self, start: int, end: int) -> Iterator[Mention]:
        """``the frontline zone (in the X region)``, named after the place it runs through."""
        if self.scene.text[max(0, start - 4):start].lower() != "the ":
            return
        after = FRONT_AFTER.match(self.scene.text, end, end + 12)
        if after is None:
            return
        end = after.end()
        sentence = self.scene.sentence(start)
        place = self.scene.place_after(end, sentence.end if sentence else end)
        where = place.name if place else (self.scene.home.name if self.scene.home else "")
        name = f"{where} frontline zone".strip()
        yield _make(self.scene, start, end, slug(name), name, "border")

    def _areas(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """Training areas named together before their plural head: ``the Pabradė and
        Gaižiūnai training areas``, each ``Gaižiūnai training area``."""
        before = LIST_BEFORE.search(self.scene.text, max(0, start - 120), start)
        if before is None:
            yield from self._named(start, end, head)
            return
        for at, name in self._items(before["list"], before.start("list")):
            if name.split()[0] in NOT_PLACE or self.scene.at.get(at) is not None:
                continue
            label = f"{name} {head[:-1]}"
            yield _make(self.scene, at, at + len(name), slug(label), label, "territory",
                        self.scene.home, 0.6, "place.listed")

    def _items(self, text: str, offset: int) -> Iterator[tuple[int, str]]:
        position = 0
        while True:
            item = ITEM.match(text, position)
            if item is None or (position and item.start("name") == item.start()):
                return
            yield offset + item.start("name"), item["name"]
            position = item.end()

    def _listed(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """Towns listed around a plural head: ``the cities of A, B and C``, ``the A and B
        districts``."""
        text, kind = self.scene.text, SINGULAR[head]
        after = LIST_OF.match(text, end, end + 200)
        before = LIST_BEFORE.search(text, max(0, start - 120), start)
        if after:
            found = self._items(after["list"], after.start("list"))
        elif before:
            found = self._items(before["list"], before.start("list"))
        else:
            return
        state = self.scene.country_after(end) or self._located(end)
        for at, name in found:
            yield from self._place(at, name, kind, state)

    def _located(self, end: int) -> Mention | None:
        """The state a list of places is said to lie in: ``... in Kenya``."""
        match = re.match(r"[^.;]{0,80}?\bin\s+(?:the\s+)?", self.scene.text[end:end + 90])
        return self.scene.at.get(end + match.end()) if match else None

    def _examples(self, start: int, end: int) -> Iterator[Mention]:
        """Places given as examples: ``various locations in X, such as A, B and C``."""
        if not SUCH_AS.search(self.scene.text, max(0, start - 60), start):
            return
        items = re.match(rf"\s+(?P<list>(?:the\s+)?{NAME}(?:,?\s+(?:and\s+)?(?:the\s+)?{NAME})*)",
                         self.scene.text[end:end + 200])
        if items:
            state = self.scene.state(start, end, nearest=True)
            for at, name in self._items(items["list"], end + items.start("list")):
                yield from self._place(at, name, "city", state)

    def _place(self, at: int, name: str, kind: str, state: Mention | None) -> Iterator[Mention]:
        known = self.scene.at.get(at)
        if known is not None and known.role != "capital":
            return
        if name.split()[0] in NOT_PLACE:
            return
        if known is not None:
            state = known
        label = f"{name} district" if kind == "district" else name
        yield _make(self.scene, at, at + len(name), slug(label), label, kind, state,
                    0.95 if known else 0.6, "place.listed")

    def _named(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """A proper name before a lower-case place word: ``the Tillabéri region`` (an owner's
        is no name: ``Navantia's shipyard``)."""
        left = NAMED_LEFT.search(self.scene.text, max(0, start - 50), start)
        if left is None:
            return
        words = left["name"].split()
        while words and words[0] in NOT_PLACE:
            words = words[1:]
        if not words or set(words) <= DIRECTIONS or words[-1].endswith(("'s", "’s")) or \
                (head == "base" and (len(words) == 1 and words[0].isupper())) or \
                (head == "department" and OFFICES & set(words)):
            return
        begin = start - len(left["name"]) + left["name"].index(words[0])
        name = " ".join(words)
        known = self.scene.location_at(begin)
        kind = KINDS.get(head.split()[-1], "region")
        if known is not None and known.end == begin + len(name) and kind not in WITH_HEAD:
            yield _make(self.scene, begin, end, known.id, known.name, known.kind or "region")
            return
        if self.scene.at.get(begin) is not None:
            return
        label = f"{name} {head}" if kind in WITH_HEAD else name
        yield _make(self.scene, begin, end, slug(label), label,
                    "region" if kind == "river" else kind, self.scene.home)


def places(scene: Scene) -> Iterator[Mention]:
    """Every described place of the report."""
    reader = Places(scene)
    for match in scene.matches(HEADS, "places"):
        if scene.sentence(match.start()) is not None:
            yield from reader(*match.span())
    yield from towns(scene)
    yield from datelines(scene)
    yield from regions(scene)


def _town(scene: Scene, start: int, name: str, kind: str, rule: str,
          later: int | None = None) -> Iterator[Mention]:
    """A town named ``name`` at ``start`` (sentence words around it left out), placed in the
    state named right after it (``Rukla, Lithuania``, ``Zaamin in Uzbekistan``) or, for a
    town described after its name, after that description (``later``: ``Rukla, a town in
    central Lithuania``)."""
    words = [(start + w.start(), w.group()) for w in re.finditer(r"\S+", name)]
    while words and (words[0][1] in NOT_PLACE or words[0][1] in NOT_NAME):
        words.pop(0)
    while words and words[-1][1] in NOT_NAME:
        words.pop()
    if not words:
        return
    start, end = words[0][0], words[-1][0] + len(words[-1][1])
    known = scene.at.get(start)
    if (known is not None and known.role != "capital") or scene.sentence(start) is None:
        return
    name = " ".join(scene.text[start:end].split())
    after = STATE_AFTER.match(scene.text, end if later is None else later)
    state = scene.at.get(after.end()) if after else None
    state = state if state is not None and state.role != "capital" else None
    label = f"{name} base" if kind == "territory" else name
    yield _make(scene, start, end, slug(label), label, kind, state, 0.6, rule)


def towns(scene: Scene) -> Iterator[Mention]:
    """Towns named by what they are: ``the town of Zaamin``, ``Rukla, a garrison town in
    central Lithuania``."""
    for match in scene.matches(TOWN_OF, "towns"):
        yield from _town(scene, match.start("name"), match["name"], "city", "place.town_of")
    starts = scene.cues.starts if scene.cues is not None else None
    for head in (starts or {}).get("towns", ()):
        word = re.match(r"\w+", scene.text[head:head + 14])
        if word is None or not SITED.match(scene.text, head + len(word.group())):
            continue
        left = APPOSED.search(scene.text, max(0, head - 80), head)
        if left is not None:
            kind = "territory" if word.group().lower() == "base" else "city"
            yield from _town(scene, left.start("name"), left["name"], kind, "place.apposed",
                             head + len(word.group()))


def own_case(text: str, city: str) -> str:
    """A dateline's city as the report writes it elsewhere (``DAR ES SALAAM`` is ``Dar es
    Salaam`` in the masthead), else in title case: the gazetteers know names as written."""
    if not city.isupper():
        return city
    for match in re.finditer(re.escape(city), text, re.I):
        if not match.group().isupper() and match.group()[0].isupper():
            return match.group()
    return city.title()


def datelines(scene: Scene) -> Iterator[Mention]:
    """The city of a dateline opening a paragraph: ``AKTAU, Kazakhstan —``, ``Aktau, May 3
    (Reuters) -``."""
    for sentence in scene.sentences:
        if sentence.start and scene.text[sentence.start - 1] != "\n":
            continue
        match = DATELINE.match(scene.text, sentence.start, sentence.end)
        if match is None or scene.at.get(match.start()) is not None:
            continue
        city = match["city"]
        if city.split()[0] in NOT_PLACE or city.split()[0] in NOT_NAME:
            continue
        name = own_case(scene.text, city)
        where = scene.at.get(match.start("where")) if match["where"] else None
        yield _make(scene, match.start("city"), match.end("city"), slug(name), name, "city",
                    where if where is not None and where.role != "capital" else None, 0.6,
                    "place.dateline")


REGION_SITED = re.compile(
    r"(?:\b(?P<prep>in|on|off|near|at|from|across|of|and)|,)\s+(?:the\s+)?(?P<name>"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]*\w(?:\s+(?:(?:de|del|do|da|dos)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]*\w){0,3})"
    r"(?![\w’'-]|\s+(?:of\b|[A-ZÀ-ÖØ-Þ]))")
"""A whole capitalised name after a locative preposition, ``of`` or a list's comma or ``and``
(``west of Spitsbergen``, ``Fort Magsaysay in Nueva Ecija``, ``Chimborazo and Cotopaxi``)."""
OF_PLACE = re.compile(r"\b(?:north|south|east|west|[a-z]+-(?:east|west)|island|islands|"
                      r"province|region|state|coast|waters|fjords|glaciers|mountains|"
                      r"minister|governor|capital|city|town|parts?)\s+of\s+(?:the\s+)?$")
"""What ``of`` follows before a place, not a name's own ``of`` (``the Strait of Sicily``)."""
NOT_REGIONS = frozenset(("gulf", "unity", "union", "centre", "center", "maritime", "camp",
                         "island", "ocean", "lake", "delta", "valley", "county", "park",
                         "mountain", "frontier", "brig", "tata", "clark", "wales", "bay",
                         "littoral", "mobile", "victoria", "centro", "capital", "north",
                         "south", "east", "west", "central"))
"""Names of regions that are as often common words or people's names."""


def regions(scene: Scene) -> Iterator[Mention]:
    """Provinces, states and islands of the regions table named as places that no dictionary
    holds and that are no towns (their own readers place those): ``the waters off Rio Grande
    do Sul``, ``west of Spitsbergen``, ``Fort Magsaysay in Nueva Ecija``, ``the glaciers of
    Chimborazo and Cotopaxi``."""
    table, towns = region_states(), town_states()
    for sentence in scene.sentences:
        for match in REGION_SITED.finditer(scene.text, sentence.start, sentence.end):
            name = " ".join(match["name"].split())
            folded = fold_name(name)
            if folded not in table or folded in NOT_REGIONS or folded in towns or \
                    default().knows(name) or (
                    match["prep"] == "of" and not OF_PLACE.search(
                        scene.text, max(0, match.start() - 30), match.end("prep") + 1)):
                continue
            yield _make(scene, match.start("name"), match.end("name"), slug(name), name,
                        "region", confidence=0.6, rule="place.region")
