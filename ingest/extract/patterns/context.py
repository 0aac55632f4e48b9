"""What a pattern sees of one sentence: its mentions, events, dates and the article's memory."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from graph.vocabulary import JOINABLE_LABELS
from ingest.extract.dates import DateMention
from ingest.extract.facts import Extraction, Mention
from ingest.extract.sentences import Sentence

FOLDED: dict[re.Pattern[str], re.Pattern[str]] = {}
"""Case-insensitive patterns and their case-sensitive twins for lower-cased text (see
``fold``)."""
UNFOLDABLE = re.compile(r"\\[A-Z]|\(\?-i|\(\?P<\w*[A-Z]")


def fold(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Register the case-sensitive twin of a case-insensitive ``pattern``, which finds the
    same matches at the same offsets in the lower-cased text much faster (re's
    case-insensitive scan is slow); ``Context.has``, ``scan`` and ``search`` use it. Matches
    of the twin hold lower-cased text: use their offsets, or their text lower-cased."""
    if not pattern.flags & re.I or UNFOLDABLE.search(pattern.pattern):
        raise ValueError(f"cannot fold {pattern.pattern[:40]!r}")
    source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    FOLDED[pattern] = re.compile(source, pattern.flags & ~re.I)
    return pattern


ACTOR_LABELS = ("Country", "Organization", "Unit")
BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?"
"""A bearing a place is given by from another: ``west`` (``west of Mindoro``), ``south-east``."""
LOCATIVE = re.compile(r"(?:\b(?:in|at|near|across|to|off|inside|within|into|outside|around|"
                      r"from)|\b" + BEARING + r"\s+of|"
                      r"\bthe\s+coast\s+of|\bheld\s+in)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
PLACED = re.compile(r"(?:\b(?:in|at|near|across|off|inside|within|throughout)|\bthe\s+coast\s+of|"
                    r"\bheld\s+in|\b(?:region|province|district|part|territory|territories|"
                    r"areas?|city|town|coast|north|south|east|west)\s+of)\s+(?:the\s+)?"
                    r"(?:\w+\s+)?$", re.I)
"""Words making a state named next a place rather than an actor (``drills in Kazakhstan``)."""
fold(PLACED)
VENUE = re.compile(r"(?:\b(?:in|at|near|across|inside|within|off|throughout|around|outside|"
                   r"along|(?:close\s+)?proximity\s+to|close\s+to|next\s+to|"
                   + BEARING + r"\s+of)|"
                   r"\b(?:coast|territory|territories|shores?|waters|outskirts|soil)\s+of|"
                   r"\b(?:regain|retake|restore|establish)\w*\s+(?:full\s+)?control\s+(?:of|over)|"
                   r"\b(?:run|conducted|directed|staged|held|operat(?:ed|ing))\s+from)"
                   r"\s+(?:the\s+)?(?:(?:[A-Z][\w’'-]*['’]s\s+)?"
                   r"(?-i:(?!(?:of|for|to|with|by|from|and|wake|face|name|light)\b)[a-z][\w’'-]*\s+)"
                   r"{0,2}|(?-i:[A-Z][\w’'-]*)\s+(?:port\s+)?(?:capital|city|town),\s*)$", re.I)
"""Words putting an event in the place named next: ``in the disputed Karabakh region``, ``in
the Kyrgyz capital, Bishkek``, ``a passing exercise west of Mindoro``."""
SUBJECT = re.compile(r"(?:['’]s)?\s+(?:is|are|was|were|has|have|had|will|would|can|could|"
                     r"said|says|also|then|did|does)\b")
"""Words after a name making it the subject of a new clause, not one more place listed."""
POSSESSOR = re.compile(r"['’]s\s+[a-z]")
"""After a state: its part is the place (``off India's east coast``), not the state."""
PLACE_NOUN = re.compile(r"\s+(?:port\s+)?(?:city|town|village|capital|port|coast|province|"
                        r"district)\b")
"""A place named only to qualify the one named next: ``the Caspian port city of Aktau``."""
LISTED = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|,?\s+(?:such\s+as|including|"
                    r"as\s+well\s+as|notably)\s+)(?!(?:with|by|from|for|to|while|after|before|"
                    r"since|until|when|where|near|outside|" + BEARING +
                    r"(?:ern)?\s+of)\b)(?:the\s+)?(?:[\w’'-]+\s+){0,2}", re.I)
"""What joins one place of a list to the next: ``in Baku, the Nakhchivan region and ...``;
not a place given as a landmark (``at Al Dhafra Air Base, south of Abu Dhabi``)."""
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
    "bombers", "helicopters", "gunboats", "militants", "insurgents", "gunmen", "shipbuilders",
    "technicians", "mechanics", "crews"
))
"""Nouns after a demonym that make it stand for its state's people or forces (Kazakh troops),
unlike ``the Armenian border`` or ``Azerbaijani territories``."""
CLAUSE_BREAK = re.compile(
    r";|\s[–—-]\s|,\s+where\s+|\b(?:comes?|came|coming)\s+as\s+|,?\s+(?:(?:amid|despite)\s+|"
    r"(?:while|whereas|although|though|but|since|after|following|before|because|when|until)\s+"
    r"(?!\w+ing\b|(?:19|20)\d\d\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b))", re.I)
"""Where a sentence turns to another state of affairs (``..., while Turkey ...``)."""
fold(CLAUSE_BREAK)
BREAK_WORDS = (";", "–", "—", "-", "where", "com", "came", "amid", "despite", "while", "though",
               "but", "since", "after", "following", "before", "because", "when", "until")
"""What a sentence holds one of when it has a clause break (a cheap gate before the regex)."""
BOTH_WORDS = ("both", "two", "neighbo")
BOTH_NOUNS = ("countries", "nations", "states", "sides", "governments", "armies", "neighbo",
              "navies", "forces", "militaries", "guards", "allies")
BOTH = fold(re.compile(r"\b(?:both|the\s+two|the\s+neighbouring|the\s+neighboring)\s+"
                       r"(?:countries|nations|states|sides|governments|armies|neighbou?rs|"
                       r"navies|(?:armed\s+|air\s+)?forces|militaries|coast\s+guards|allies)\b",
                       re.I))


CUES: set[str] = set()
"""Every cue word patterns gate on (see ``Context.says``)."""
REGISTERED: set[tuple[str, ...]] = set()
"""The tuples of cue words ``Context.says`` has been asked about (all in ``CUES``)."""
BROKER = re.compile(r"-(?:brokered|mediated|backed|sponsored|led|made|built|supplied)\b")


class cached_property:
    """``functools.cached_property`` without its lock: a Context lives in one thread, and the
    lock's cost shows on every sentence."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


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
    dateline: str | None = None
    """The state of the report's dateline city (``KARACHI —``): whose officials a bare
    title names when nothing else does."""
    published: str | None = None
    lower: str | None = None
    """The report's text lower-cased, when that keeps its length (see ``fold``)."""
    last_event: dict[str, str] = field(default_factory=dict)
    person_country: dict[str, str] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)
    exercises: dict[str, set[str]] = field(default_factory=dict)
    parties: dict[str, set[str]] = field(default_factory=dict)
    places: dict[str, set[str]] = field(default_factory=dict)
    number: dict[str, set[bool]] = field(default_factory=dict)
    place_state: dict[str, str | None] = field(default_factory=dict)
    last_visit: str | None = None
    last_ceremony: str | None = None
    last_sitting: str | None = None
    """The latest numbered meeting or session of a body (``the 22nd session of X``)."""
    last_group: str | None = None
    people: list[Mention] = field(default_factory=list)
    visits: dict[str, tuple[set[str], str | None]] = field(default_factory=dict)
    sentence: int = 0
    seen_at: dict[str, int] = field(default_factory=dict)
    told: dict[str, int] = field(default_factory=dict)
    """In how many sentences each event was named or referred to so far."""
    main_event: dict[str, str] = field(default_factory=dict)
    """By label, the event told of in the most sentences so far (the first one on a tie)."""

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
            self.events = [m for m in self.mentions if m.label in JOINABLE_LABELS]

    def keep(self, mention: Mention) -> None:
        """Make sure the entity of ``mention`` is among the extraction's (mentions of the
        report are recorded up front; this adds those patterns make up)."""
        if mention.id not in self.out.entities and mention.text:
            self.out.add(mention)

    @property
    def span(self) -> tuple[int, int]:
        """The sentence's span: the evidence of relations read from it."""
        return (self.sentence.start, self.sentence.end)

    def in_headline(self) -> bool:
        """Whether the sentence is the report's title: its first line, with no full stop."""
        return not self.text[:self.sentence.start].strip() and \
            not self.sentence.text.rstrip().endswith((".", "”", '"'))

    def before(self, mention: Mention, width: int = 40) -> str:
        """The sentence text right before ``mention``."""
        return self.text[max(self.sentence.start, mention.start - width):mention.start]

    def after(self, mention: Mention, width: int = 40) -> str:
        """The sentence text right after ``mention``."""
        return self.text[mention.end:min(self.sentence.end, mention.end + width)]

    def is_place(self, mention: Mention) -> bool:
        """Whether the mention stands as a place (after in/at/near...), not an actor."""
        return mention.label == "Location" or (
            mention.label == "Country" and bool(self.ends(PLACED, mention)))

    def ends(self, pattern: re.Pattern[str], mention: Mention, width: int = 40
             ) -> re.Match[str] | None:
        """A match of ``pattern`` (anchored at its end) in the sentence text right before
        ``mention`` (lower-cased when ``pattern`` is folded)."""
        twin = FOLDED.get(pattern)
        lower = self.article.lower
        start = max(self.sentence.start, mention.start - width)
        if twin is not None and lower is not None:
            return twin.search(lower[start:mention.start])
        return pattern.search(self.text[start:mention.start])

    def is_modifier(self, mention: Mention) -> bool:
        """Whether a state's demonym only qualifies a thing (``the Armenian border``) or a
        state is named as a broker (``Russia-brokered``) rather than acting itself."""
        if mention.label != "Country":
            return False
        rest = self.after(mention, 60)
        if rest[:1] == "-" and BROKER.match(rest):
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
        """Countries, organisations and units acting in the sentence, first mention each
        (not to be changed by the caller)."""
        return self._actors

    def actor_mentions(self) -> list[Mention]:
        """Every mention of an acting country, organisation or unit, in order (not to be
        changed by the caller)."""
        return self._all_actors

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
        """People named in the sentence, first mention each (not to be changed by the
        caller)."""
        return self._persons

    @cached_property
    def _persons(self) -> list[Mention]:
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.label == "Person":
                seen.setdefault(mention.id, mention)
        return list(seen.values())

    def labelled(self, *labels: str) -> list[Mention]:
        """Mentions of the given labels, in order (not to be changed by the caller)."""
        found = self._labelled.get(labels)
        if found is None:
            found = self._labelled[labels] = [m for m in self.mentions if m.label in labels]
        return found

    @cached_property
    def _labelled(self) -> dict[tuple[str, ...], list[Mention]]:
        return {}

    def date(self) -> str | None:
        """The first date stated in the sentence."""
        return self.dates[0].value if self.dates else None

    def has(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the sentence (offsets in the sentence)."""
        twin = FOLDED.get(pattern)
        if twin is not None and self.lower is not None:
            return twin.search(self.lower)
        return pattern.search(self.sentence.text)

    def scan(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the sentence (offsets in the sentence)."""
        twin = FOLDED.get(pattern)
        if twin is not None and self.lower is not None:
            return list(twin.finditer(self.lower))
        return list(pattern.finditer(self.sentence.text))

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """The first match of ``pattern`` in the report's text between two offsets (offsets
        in the text)."""
        twin = FOLDED.get(pattern)
        if twin is not None and self.article.lower is not None:
            return twin.search(self.article.lower, start, end)
        return pattern.search(self.text, start, end)

    @cached_property
    def lower(self) -> str | None:
        """The sentence lower-cased (None when lower-casing changes its length)."""
        lower = self.article.lower
        return lower[self.sentence.start:self.sentence.end] if lower is not None else None

    @cached_property
    def cues(self) -> set[str]:
        """The cue words (see ``says``) the sentence holds, found in one pass."""
        lower = self.lower if self.lower is not None else self.sentence.text.lower()
        return {word for _, word in cue_automaton().iter(lower)}

    def says(self, *words: str) -> bool:
        """Whether the sentence holds any of ``words`` (lower case, anywhere in a word): a
        cheap gate before costlier patterns."""
        if words not in REGISTERED:
            REGISTERED.add(words)
            if not CUES.issuperset(words):
                CUES.update(words)
                cue_automaton.cache_clear()
                self.__dict__.pop("cues", None)
        return not self.cues.isdisjoint(words)

    @cached_property
    def breaks(self) -> list[int]:
        """Text offsets where the sentence turns to another clause."""
        if not self.says(*BREAK_WORDS):
            return []
        return [self.sentence.start + m.start() for m in self.scan(CLAUSE_BREAK)]

    def clause(self, position: int) -> int:
        """The number of the clause holding text offset ``position``."""
        breaks = self.breaks
        return bisect_right(breaks, position) if breaks else 0

    def same_clause(self, first: Mention, second: Mention) -> bool:
        """Whether two mentions lie in one clause of the sentence."""
        breaks = self.breaks
        return not breaks or bisect_right(breaks, first.start) == bisect_right(breaks,
                                                                               second.start)

    def both(self) -> list[Mention]:
        """The two states ``both countries`` or ``the two sides`` stand for, if said."""
        return self.article.pair() if self.pairs else []

    @cached_property
    def pairs(self) -> list[re.Match[str]]:
        """Every ``both countries`` or ``the two sides`` of the sentence (offsets in the
        sentence; lower-cased text)."""
        if not self.says(*BOTH_WORDS) or not self.says(*BOTH_NOUNS):
            return []
        return self.scan(BOTH)
