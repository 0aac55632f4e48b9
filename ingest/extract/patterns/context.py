"""What a pattern sees of one sentence: its mentions, events, dates and the article's memory."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import ahocorasick

from ingest.extract.dates import DateMention
from ingest.extract.facts import Extraction, Mention
from ingest.extract.sentences import Sentence

ACTOR_LABELS = ("Country", "Organization", "Unit")
EVENT_LABELS = ("Exercise", "Operation", "Meeting", "Agreement", "Program")
LOCATIVE = re.compile(r"(?:\b(?:in|at|near|across|to|off|inside|within|into)|"
                      r"\bthe\s+coast\s+of|\bheld\s+in)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
PLACED = re.compile(r"(?:\b(?:in|at|near|across|off|inside|within|throughout)|\bthe\s+coast\s+of|"
                    r"\bheld\s+in|\b(?:region|province|district|part|territory|territories|"
                    r"areas?|city|town|coast|north|south|east|west)\s+of)\s+(?:the\s+)?"
                    r"(?:\w+\s+)?$", re.I)
"""Words making a state named next a place rather than an actor (``drills in Kazakhstan``)."""
VENUE = re.compile(r"(?:\b(?:in|at|near|across|inside|within|off|throughout|around|outside|"
                   r"along|(?:close\s+)?proximity\s+to|close\s+to|next\s+to)|"
                   r"\b(?:coast|territory|territories|shores?|waters|outskirts|soil)\s+of|"
                   r"\b(?:regain|retake|restore|establish)\w*\s+(?:full\s+)?control\s+(?:of|over))"
                   r"\s+(?:the\s+)?(?:[A-Z][\w’'-]*['’]s\s+)?"
                   r"(?-i:(?!(?:of|for|to|with|by|from|and|wake|face|name|light)\b)[a-z][\w’'-]*\s+)"
                   r"{0,2}$", re.I)
"""Words putting an event in the place named next: ``in the disputed Karabakh region``."""
SUBJECT = re.compile(r"(?:['’]s)?\s+(?:is|are|was|were|has|have|had|will|would|can|could|"
                     r"said|says|also|then|did|does)\b")
"""Words after a name making it the subject of a new clause, not one more place listed."""
POSSESSOR = re.compile(r"['’]s\s+[a-z]")
"""After a state: its part is the place (``off India's east coast``), not the state."""
PLACE_NOUN = re.compile(r"\s+(?:port\s+)?(?:city|town|village|capital|port|coast|province|"
                        r"district)\b")
"""A place named only to qualify the one named next: ``the Caspian port city of Aktau``."""
LISTED = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|,?\s+(?:such\s+as|including|"
                    r"as\s+well\s+as|notably)\s+)(?:the\s+)?(?:[\w’'-]+\s+){0,2}", re.I)
"""What joins one place of a list to the next: ``in Baku, the Nakhchivan region and ...``."""
FOLLOWING = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w’'-]*)*\s+(?P<noun>[a-z][\w-]*)"
                       r"(?:\s+(?P<next>[a-z][\w-]*))?")
ACTOR_NOUNS = frozenset((
    "troops", "forces", "force", "army", "armies", "armed", "military", "militaries", "navy",
    "naval", "air", "servicemen", "soldiers", "personnel", "officers", "officials",
    "delegation", "delegations", "side", "sides", "government", "governments", "leader",
    "leaders", "leadership", "unit", "units", "specialists", "commandos", "commando",
    "counterparts", "counterpart", "peacekeepers", "contingent", "contingents", "marines",
    "sailors", "pilots", "instructors", "experts", "defence", "defense", "president", "prime",
    "minister", "ministers", "authorities", "security", "special", "border", "coast",
    "national", "partners", "colleagues", "battalion", "battalions", "brigade", "brigades",
    "division", "divisions", "regiment", "regiments", "company", "companies", "squadron",
    "squadrons", "warships", "ships", "vessels", "aircraft", "jets", "fighters", "drones",
    "crews", "crew", "guards", "guard", "engineers", "medics", "cadets", "staff", "general",
    "generals", "commanders", "commander", "chief", "chiefs", "envoy", "envoys", "ambassador",
    "paratroopers", "infantry", "artillery", "tank", "tanks", "team", "teams",
    "servicemembers", "militia", "militias", "rebels", "fighters", "police", "gendarmerie",
    "ground", "land", "sea", "frigate", "frigates", "submarine", "submarines", "corps",
    "delegates", "representatives", "counter-terrorism", "counterterrorism", "anti-terrorist",
    "rescue", "intelligence", "divers", "trainers", "advisers", "advisors", "mentors",
    "cadets", "recruits", "students", "operators", "snipers", "paratroopers", "warplanes",
    "bombers", "helicopters", "gunboats", "militants", "insurgents", "gunmen"
))
"""Nouns after a demonym that make it stand for its state's people or forces (Kazakh troops),
unlike ``the Armenian border`` or ``Azerbaijani territories``."""
CLAUSE_BREAK = re.compile(
    r";|\s[–—-]\s|,\s+where\s+|\b(?:comes?|came|coming)\s+as\s+|,?\s+(?:amid|despite)\s+|"
    r",?\s+(?:while|whereas|although|though|but|since|after|following|before|"
    r"because|when|until)\s+(?!\w+ing\b|(?:19|20)\d\d\b|(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b)", re.I)
"""Where a sentence turns to another state of affairs (``..., while Turkey ...``)."""
BOTH_WORDS = ("both", "two", "neighbo")
BOTH = re.compile(r"\b(?:both|the\s+two|the\s+neighbouring|the\s+neighboring)\s+"
                  r"(?:countries|nations|states|sides|governments|armies|neighbou?rs)\b", re.I)


CUES: set[str] = set()
"""Every cue word patterns gate on (see ``Context.says``)."""


@cache
def cue_automaton() -> ahocorasick.Automaton:
    """One automaton finding every cue word of a sentence in a single pass."""
    automaton = ahocorasick.Automaton()
    for word in CUES:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@dataclass
class Article:
    """Memory kept across the sentences of one report."""

    home: str | None = None
    published: str | None = None
    last_event: dict[str, str] = field(default_factory=dict)
    person_country: dict[str, str] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)
    exercises: dict[str, set[str]] = field(default_factory=dict)
    parties: dict[str, set[str]] = field(default_factory=dict)
    places: dict[str, set[str]] = field(default_factory=dict)
    number: dict[str, set[bool]] = field(default_factory=dict)
    place_state: dict[str, str | None] = field(default_factory=dict)
    last_visit: str | None = None
    last_group: str | None = None
    people: list[Mention] = field(default_factory=list)
    visits: dict[str, tuple[set[str], str | None]] = field(default_factory=dict)
    sentence: int = 0
    seen_at: dict[str, int] = field(default_factory=dict)

    def remember(self, countries: list[Mention]) -> None:
        """Keep the last distinct states named (or whose bodies are), for ``the two
        countries``."""
        for country in countries:
            self.recent = [m for m in self.recent if m.id != country.id] + [country]

    def remember_people(self, people: list[Mention]) -> None:
        """Keep the last distinct people named, for ``the two ministers``."""
        for person in people:
            self.people = [m for m in self.people if m.id != person.id] + [person]

    def pair(self) -> list[Mention]:
        """The two states named last, standing for ``both countries``."""
        return self.recent[-2:] if len(self.recent) >= 2 else []


@dataclass
class Context:
    """One sentence with its resolved mentions and dates, and where to put facts."""

    text: str
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateMention]
    article: Article
    out: Extraction
    memory: dict[str, Any] = field(default_factory=dict)
    events: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.events:
            self.events = [m for m in self.mentions if m.label in EVENT_LABELS]

    def keep(self, mention: Mention) -> None:
        """Make sure the entity of ``mention`` is among the extraction's (mentions of the
        report are recorded up front; this adds those patterns make up)."""
        if mention.id not in self.out.entities and mention.text:
            self.out.add(mention)

    @property
    def span(self) -> tuple[int, int]:
        """The sentence's span: the evidence of relations read from it."""
        return (self.sentence.start, self.sentence.end)

    def before(self, mention: Mention, width: int = 40) -> str:
        """The sentence text right before ``mention``."""
        return self.text[max(self.sentence.start, mention.start - width):mention.start]

    def after(self, mention: Mention, width: int = 40) -> str:
        """The sentence text right after ``mention``."""
        return self.text[mention.end:min(self.sentence.end, mention.end + width)]

    def is_place(self, mention: Mention) -> bool:
        """Whether the mention stands as a place (after in/at/near...), not an actor."""
        return mention.label == "Location" or (
            mention.label == "Country" and bool(PLACED.search(self.before(mention))))

    def is_modifier(self, mention: Mention) -> bool:
        """Whether a state's demonym only qualifies a thing (``the Armenian border``) or a
        state is named as a broker (``Russia-brokered``) rather than acting itself."""
        if mention.label != "Country":
            return False
        rest = self.after(mention, 60)
        if re.match(r"-(?:brokered|mediated|backed|sponsored|led|made|built|supplied)\b", rest):
            return True
        if mention.role != "demonym":
            return False
        noun = FOLLOWING.match(rest)
        return bool(noun) and not self.people_noun(noun)

    @staticmethod
    def people_noun(noun: re.Match[str]) -> bool:
        """Whether the one or two words after a demonym name its people or forces."""
        return noun["noun"].lower() in ACTOR_NOUNS or (noun["next"] or "") in ACTOR_NOUNS

    def stands_for_people(self, mention: Mention) -> bool:
        """Whether a demonym names its state's people or forces (``Indian divers``,
        ``Japanese and Australian boarding teams``)."""
        noun = FOLLOWING.match(self.after(mention, 60))
        return bool(noun) and self.people_noun(noun)

    @cached_property
    def _all_actors(self) -> list[Mention]:
        venues = {id(m) for m in self.venues}
        found: list[Mention] = []
        for mention in self.mentions:
            if mention.label not in ACTOR_LABELS or mention.role == "qualifier" or \
                    mention.kind == "media" or id(mention) in venues or \
                    self.is_place(mention) or self.is_modifier(mention):
                continue
            if found and found[-1].id == mention.id and \
                    self.text[found[-1].end:mention.start].strip() == "(":
                continue
            found.append(mention)
        return found

    @cached_property
    def _actors(self) -> list[Mention]:
        seen: dict[str, Mention] = {}
        for mention in self._all_actors:
            seen.setdefault(mention.id, mention)
        return list(seen.values())

    def actors(self) -> list[Mention]:
        """Countries, organisations and units acting in the sentence, first mention each."""
        return list(self._actors)

    def actor_mentions(self) -> list[Mention]:
        """Every mention of an acting country, organisation or unit, in order."""
        return list(self._all_actors)

    def states_named(self) -> list[Mention]:
        """The acting states of the sentence, and the states of the national bodies named
        (``the Iranian Army``: Iran), in order; the latter as pseudo mentions."""
        found = []
        for mention in self.mentions:
            if mention.label not in ACTOR_LABELS or mention.role == "qualifier":
                continue
            state = self.out.entities.get(mention.role[3:]) \
                if mention.role.startswith("of:") else None
            if mention.label == "Country":
                if not self.is_modifier(mention):
                    found.append(mention)
            elif state is not None and state.label == "Country":
                found.append(Mention(mention.start, mention.end, mention.text, "Country",
                                     state.id, state.name, rule="pseudo"))
        return found

    @cached_property
    def venues(self) -> list[Mention]:
        """Places an event is put in: named after in/at/near, or listed after such a place
        (``in Azerbaijan, such as Baku, the Nakhchivan region``); not demonyms."""
        found: list[Mention] = []
        previous: Mention | None = None
        waiting: Mention | None = None
        for mention in self.mentions:
            if mention.label not in ("Country", "Location") or mention.role in (
                    "demonym", "qualifier"):
                continue
            governed = VENUE.search(self.before(mention, 50)) and not (
                mention.label == "Country" and POSSESSOR.match(self.after(mention, 20)))
            listed = previous is not None and LISTED.fullmatch(
                self.text[previous.end:mention.start]) and not SUBJECT.match(
                self.after(mention, 12))
            named = waiting is not None and mention.start - waiting.end <= 30
            waiting = None
            if (governed or listed or named) and PLACE_NOUN.match(self.after(mention, 30)):
                waiting = mention
            elif governed or listed or named:
                found.append(mention)
                previous = mention
        return found

    def persons(self) -> list[Mention]:
        """People named in the sentence, first mention each."""
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.label == "Person":
                seen.setdefault(mention.id, mention)
        return list(seen.values())

    def labelled(self, *labels: str) -> list[Mention]:
        """Mentions of the given labels, in order."""
        return [mention for mention in self.mentions if mention.label in labels]

    def date(self) -> str | None:
        """The first date stated in the sentence."""
        return self.dates[0].value if self.dates else None

    def has(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the sentence."""
        return pattern.search(self.sentence.text)

    @cached_property
    def cues(self) -> set[str]:
        """The cue words (see ``says``) the sentence holds, found in one pass."""
        return {word for _, word in cue_automaton().iter(self.sentence.text.lower())}

    def says(self, *words: str) -> bool:
        """Whether the sentence holds any of ``words`` (lower case, anywhere in a word): a
        cheap gate before costlier patterns."""
        if not CUES.issuperset(words):
            CUES.update(words)
            cue_automaton.cache_clear()
            self.__dict__.pop("cues", None)
        return not self.cues.isdisjoint(words)

    @cached_property
    def breaks(self) -> list[int]:
        """Text offsets where the sentence turns to another clause."""
        return [self.sentence.start + m.start()
                for m in CLAUSE_BREAK.finditer(self.sentence.text)]

    def clause(self, position: int) -> int:
        """The number of the clause holding text offset ``position``."""
        return bisect_right(self.breaks, position) if self.breaks else 0

    def same_clause(self, first: Mention, second: Mention) -> bool:
        """Whether two mentions lie in one clause of the sentence."""
        return self.clause(first.start) == self.clause(second.start)

    def both(self) -> list[Mention]:
        """The two states ``both countries`` or ``the two sides`` stand for, if said."""
        return self.article.pair() if self.says(*BOTH_WORDS) and self.has(BOTH) else []
