"""Dictionaries shipped as data (ingest/gazetteers/*.csv) and matching them in text.

All terms go into one Aho-Corasick automaton (pyahocorasick), which scans text in a single
pass whatever the size of the dictionaries; matches are kept on word boundaries and the
longest match wins where several overlap.
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import ahocorasick

from ingest.extract.facts import Mention

DATA = "ingest.gazetteers"
CONTAINERS = ("Organization", "Unit", "Program", "Operation", "Exercise", "Agreement")


@dataclass(frozen=True)
class Term:
    """What a dictionary term names: its label, id, canonical name, kind and role."""

    label: str
    id: str
    name: str
    kind: str | None = None
    role: str = "name"
    extra: str = ""
    confidence: float = 0.9


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one shipped gazetteer file."""
    with resources.files(DATA).joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def split_list(value: str | None) -> list[str]:
    """A ``|``-separated cell as a list (empty cells give [])."""
    return [item.strip() for item in (value or "").split("|") if item.strip()]


def ascii_fold(text: str) -> str:
    """``text`` without diacritics (Türkiye -> Turkiye), same length not guaranteed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_name(text: str) -> str:
    """A place name as the towns file keys it: composed, without diacritics, case-folded
    (``Sodankylä`` -> ``sodankyla``)."""
    return ascii_fold(unicodedata.normalize("NFC", text)).casefold()


def _packed(name: str) -> str:
    """The text of a gzipped table shipped with the gazetteers (the world's towns and
    regions: megabytes as plain CSV)."""
    return gzip.decompress(resources.files(DATA).joinpath(name).read_bytes()).decode("utf-8")


@cache
def town_states() -> dict[str, tuple[str, ...]]:
    """The states that have a town of each folded name, the most populous town's first
    (``hammerfest``: NOR): what tells the state of a place the report names that the
    other dictionaries do not hold (towns.csv.gz, built by tools/build_towns.py)."""
    lines = _packed("towns.csv.gz").splitlines()
    return {name: tuple(states.split("|"))
            for name, states in (line.split(",") for line in lines[1:])}


@cache
def _regions() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """The states and the towns of each folded region name (regions.csv.gz, built by
    tools/build_regions.py)."""
    lines = _packed("regions.csv.gz")
    states: dict[str, tuple[str, ...]] = {}
    towns: dict[str, frozenset[str]] = {}
    for name, held, inside in (line.split(",") for line in lines.splitlines()[1:]):
        if held:
            states[name] = tuple(held.split("|"))
        towns[name] = frozenset(inside.split("|"))
    return states, towns


def region_states() -> dict[str, tuple[str, ...]]:
    """The states that have a province, state or county of each folded name no other
    dictionary holds, the one with the most towns first (``finnmark``: NOR)."""
    return _regions()[0]


def region_towns() -> dict[str, frozenset[str]]:
    """The folded names of the towns and districts in the regions of each folded name
    (``finnmark``: Hammerfest, Karasjok ...): what tells that a town lies in a region."""
    return _regions()[1]


@cache
def capital_states() -> dict[str, str]:
    """The state of each folded capital (``tallinn``: EST): a capital the report names as a
    place lies in its state (countries.csv)."""
    return {fold_name(capital): row["iso3"] for row in rows("countries.csv")
            for capital in split_list(row["capital"])}


@cache
def sovereigns() -> dict[str, str]:
    """The state that holds each dependent territory, by the territory's ISO3 code (MTQ:
    FRA, GRL: DNK): a place in a territory lies in the state that holds it
    (territories.csv)."""
    return {row["iso3"]: row["sovereign"] for row in rows("territories.csv")}


@cache
def territories() -> dict[str, str]:
    """The ISO3 code of each dependent territory by its folded names (``martinique``:
    MTQ, ``greenland``: GRL), for the towns file's codes (``nuuk``: GRL)."""
    return {fold_name(name): row["iso3"] for row in rows("territories.csv")
            for name in (row["name"], *split_list(row["aliases"]))}


@cache
def state_names() -> dict[str, tuple[str, ...]]:
    """Each state's name and its other short names by ISO3 (``CZE``: Czechia, Czech
    Republic); formal names of more than three words left out."""
    return {row["iso3"]: (row["name"], *(a for a in split_list(row["aliases"])
                                         if len(a.split()) <= 3 and not a.isupper()))
            for row in rows("countries.csv")}


@cache
def demonyms() -> dict[str, str]:
    """Each state's first demonym by ISO3 (``NOR``: Norwegian), for its bodies' names."""
    return {row["iso3"]: split_list(row["demonyms"])[0] for row in rows("countries.csv")
            if split_list(row["demonyms"])}


@cache
def demonym_words() -> frozenset[str]:
    """Every state's demonyms (``Guatemalan``, ``Kittitian``)."""
    return frozenset(d for row in rows("countries.csv") for d in split_list(row["demonyms"]))


def _country_terms() -> Iterator[tuple[str, Term]]:
    for row in rows("countries.csv"):
        base = dict(label="Country", id=row["iso3"], name=row["name"])
        for surface in [row["name"], *split_list(row["aliases"])]:
            yield surface, Term(**base, role="name")
        for surface in split_list(row["demonyms"]):
            yield surface, Term(**base, role="demonym")
        for surface in split_list(row["capital"]):
            yield surface, Term(**base, role="capital", extra=surface)


SHORT_FORMS = (("African Union ", "AU "), ("United Nations ", "UN "), ("European Union ", "EU "))
"""Organisations whose names open a body's name and are as often written short: the
``AU Support and Stabilization Mission in Somalia`` is the African Union's."""


def short_forms(surface: str) -> list[str]:
    """``surface`` and its other form with the opening organisation written long or short.

    >>> short_forms("African Union Transition Mission in Somalia")
    ['African Union Transition Mission in Somalia', 'AU Transition Mission in Somalia']
    """
    found = [surface]
    for long, short in SHORT_FORMS:
        for this, other in ((long, short), (short, long)):
            if surface.startswith(this) and len(surface) > len(this) + 3:
                found.append(other + surface[len(this):])
    return found


SPELLINGS = re.compile(r"(?<=[a-z])i([sz])(ations?)\b")
"""The British and American endings of one word: ``Stabilisation``, ``Stabilization``."""


def spellings(surface: str) -> list[str]:
    """``surface`` and its other spelling, -isation for -ization or the other way, as reports
    write a body's name either way whatever the dictionary holds.

    >>> spellings("Support and Stabilization Mission")
    ['Support and Stabilization Mission', 'Support and Stabilisation Mission']
    """
    other = SPELLINGS.sub(lambda m: f"i{'s' if m[1] == 'z' else 'z'}{m[2]}", surface)
    return [surface] if other == surface else [surface, other]


COMMON_HEADS = ("Project", "Programme", "Program", "Initiative", "Mission")
"""Head nouns a program's or operation's name may end with in capitals or not."""


def _entry_terms(file: str, label: str, extra: str = "") -> Iterator[tuple[str, Term]]:
    """An entry's name and aliases; an alias the file also writes in lower case after ``the``
    (``the alliance``) describes the body rather than names it: a back-reference (role
    ``reference``), which stands for it only where the report names it too."""
    for row in rows(file):
        term = Term(label, row["id"], row["name"], row.get("kind") or None,
                    extra=row.get(extra, "") if extra else "")
        names = [row["name"], *split_list(row["aliases"])]
        described = {name for name in names if name.startswith("the ") and name == name.lower()}
        for surface in dict.fromkeys(spelled for name in names for form in short_forms(name)
                                     for form in (form, *_common_head(form, label))
                                     for spelled in spellings(form)):
            yield surface, (replace(term, role="reference") if surface.lower() in described
                            else term)


def _common_head(name: str, label: str) -> tuple[str, ...]:
    """A program's or operation's name with its head noun in lower case, as reports also write
    it (``the Deep Blue project``, ``the Multinational Security Support mission``)."""
    words = name.rsplit(" ", 1)
    if label not in ("Program", "Operation") or len(words) < 2 or words[1] not in COMMON_HEADS:
        return ()
    return (f"{words[0]} {words[1].lower()}",)


def _city_terms() -> Iterator[tuple[str, Term]]:
    """The world's larger cities: less sure than the curated places, so a person of the same
    name (``Kaya``, ``Jackson``) named in the report wins over the city."""
    for row in rows("cities.csv"):
        term = Term("Location", row["id"], row["name"], "city", extra=row["country"],
                    confidence=0.55)
        for surface in [row["name"], *split_list(row["aliases"])]:
            yield surface, term


def _rank_terms() -> Iterator[tuple[str, Term]]:
    for row in rows("ranks.csv"):
        term = Term("Rank", row["name"], row["name"])
        for surface in [row["name"], *split_list(row["aliases"])]:
            yield surface, term


PLURAL_HEADS = {"Minister": "Ministers", "Secretary": "Secretaries", "Chief": "Chiefs",
                "Commander": "Commanders"}
"""Title head words and their plurals: ``Defence ministers X of A and Y of B`` names two
(office titles only: a leader's plural title says too little of whose leader each is)."""


def plural_title(surface: str) -> str | None:
    """A title's plural (``Defence Ministers``, ``Ministers of Defence``), if it has one."""
    words = surface.split()
    head = next((i for i, word in enumerate(words) if word == "of"), len(words)) - 1
    if head < 0 or words[head] not in PLURAL_HEADS or words[0] in ("Deputy", "Vice"):
        return None
    return " ".join([*words[:head], PLURAL_HEADS[words[head]], *words[head + 1:]])


def _title_terms() -> Iterator[tuple[str, Term]]:
    for row in rows("titles.csv"):
        term = Term("Title", row["title"], row["title"], row["relation"], extra=row["target"])
        for surface in [row["title"], *split_list(row["aliases"])]:
            yield surface, term
            yield surface.lower(), term
            plural = plural_title(surface) if row["relation"] == "COMMANDS" else None
            if plural:
                yield plural, term
                yield plural[:1] + plural[1:].lower(), term


def all_terms() -> Iterator[tuple[str, Term]]:
    """Every (surface, term) pair of the shipped dictionaries."""
    yield from _country_terms()
    yield from _entry_terms("organizations.csv", "Organization", extra="part_of")
    yield from _entry_terms("programs.csv", "Program", extra="owner")
    yield from _entry_terms("places.csv", "Location", extra="country")
    yield from _city_terms()
    yield from _entry_terms("units.csv", "Unit", extra="part_of")
    yield from _entry_terms("operations.csv", "Operation", extra="owner")
    yield from _entry_terms("exercises.csv", "Exercise")
    yield from _entry_terms("agreements.csv", "Agreement")
    yield from _rank_terms()
    yield from _title_terms()


class Gazetteer:
    """Case-sensitive whole-word dictionary matching over text with one automaton."""

    def __init__(self, terms: Iterator[tuple[str, Term]]) -> None:
        self.automaton = ahocorasick.Automaton()
        self.countries: dict[str, Term] = {}
        self.shared: dict[str, tuple[Term, ...]] = {}
        """Demonyms of more than one state (``Congolese``), to each state's term, the first
        file row's being the one a report naming neither gets."""
        for surface, term in terms:
            variants = {surface, ascii_fold(surface)}
            if term.label == "Country" and term.role == "demonym":
                found = self.automaton.get(surface, None)
                if found is not None and found[1].role == "demonym" and found[1].id != term.id:
                    for variant in variants:
                        self.shared[variant] = (*self.shared.get(variant, (found[1],)), term)
                    continue
            for variant in variants:
                self.automaton.add_word(variant, (len(variant), term))
            if term.label == "Country" and term.role == "name":
                self.countries.setdefault(term.id, term)
        self.automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """Longest non-overlapping whole-word matches in ``text`` (a city of the big list not
        inside a hyphened word: ``Al Madinah-class``).

        >>> [(m.text, m.id, m.role) for m in default().find("Türkiye and Turkish troops")]
        [('Türkiye', 'TUR', 'name'), ('Turkish', 'TUR', 'demonym')]
        """
        hits = []
        longest = 0
        size = len(text)
        for last, (length, term) in self.automaton.iter(text):
            start, end = last - length + 1, last + 1
            before = text[start - 1] if start else " "
            after = text[end] if end < size else " "
            if before.isalnum() or after.isalnum() or (before == "-" and after == "-") or (
                    term.confidence < 0.9 and "-" in (before, after)):
                continue
            hits.append((start, end, term))
            longest = max(longest, length)
        chosen: list[Mention] = []
        starts: list[int] = []
        for start, end, term in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            near = bisect_left(starts, start - longest), bisect_left(starts, end)
            inside = [m for m in chosen[near[0]:near[1]] if start < m.end]
            if inside and not _qualifies(term, start, end, inside):
                continue
            at = bisect_right(starts, start)
            starts.insert(at, start)
            chosen.insert(at, Mention(start, end, text[start:end], term.label, term.id,
                                      term.name, term.kind, "qualifier" if inside else term.role,
                                      "gazetteer", term.confidence))
        if self.shared:
            chosen = self._states_named(chosen)
        return sorted(chosen, key=lambda m: (m.start, m.role == "qualifier"))

    def _states_named(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with each demonym of several states (``Congolese``) read as the one
        of them the text names (the Democratic Republic of the Congo, or Kinshasa)."""
        named = {m.id for m in mentions if m.label == "Country" and m.role in ("name", "capital")}
        resolved = []
        for mention in mentions:
            states = self.shared.get(mention.text, ())
            picked = [term for term in states if term.id in named]
            if len(picked) == 1 and picked[0].id != mention.id:
                mention = replace(mention, id=picked[0].id, name=picked[0].name,
                                  kind=picked[0].kind)
            resolved.append(mention)
        return resolved

    def knows(self, text: str) -> bool:
        """Whether the whole of ``text`` is a dictionary term (``Sri Lanka``).

        >>> default().knows("Sri Lanka"), default().knows("Five Hills")
        (True, False)
        """
        return any(m.start == 0 and m.end == len(text) for m in self.find(text))

    def country(self, iso3: str) -> Term | None:
        """The country entry with code ``iso3``."""
        return self.countries.get(iso3)


def _qualifies(term: Term, start: int, end: int, around: list[Mention]) -> bool:
    """A state named inside a body's name (``US Air Force``) is kept as its qualifier."""
    return term.label == "Country" and term.role in ("name", "demonym") and all(
        m.start <= start and end <= m.end and m.label in CONTAINERS for m in around)


@cache
def default() -> Gazetteer:
    """The gazetteer of the shipped dictionaries, built once per process."""
    return Gazetteer(all_terms())


@cache
def known(label: str) -> dict[str, str]:
    """The dictionary names of one label by id (``usa-department-of-state``: its name)."""
    return {term.id: term.name for _, term in all_terms() if term.label == label}


@cache
def own_offices() -> dict[str, str]:
    """A state's ministry by the id a minister's title gives it, under the state's own name for
    it (``ltu-ministry-of-defence``: Ministry of National Defence of Lithuania): a title says
    only "Defence Minister", the state names its office its own way."""
    states = {row["iso3"]: row["name"] for row in rows("countries.csv")}
    return {f"{row['iso3'].lower()}-{row['office']}": f"{row['name']} of {states[row['iso3']]}"
            for row in rows("ministries.csv") if row["iso3"] in states}


@cache
def junior_titles() -> frozenset[tuple[str, str]]:
    """(state, title) pairs whose holder is a member of the office the title names, not its
    head: India's Defence Secretary is the ministry's senior civil servant, Spain's Secretary
    of State for Defence a junior minister under the Minister of Defence."""
    return frozenset((row["state"], row["title"]) for row in rows("junior_titles.csv"))


def junior(state: str | None, title: str | None) -> bool:
    """Whether the holder of ``title`` in ``state`` is a member of the office it names, not
    its head: by the state's own row, or by a row with no state, which holds for every
    state (a Minister of State or a State Secretary for Defence serves under the minister)."""
    return (state, title) in junior_titles() or ("", title) in junior_titles()


@cache
def extras() -> dict[tuple[str, str], str]:
    """Extra columns by (label, id): a program's owner, a place's country, a title's target,
    the state or body an organisation or unit belongs to."""
    found: dict[tuple[str, str], str] = {}
    for _, term in all_terms():
        if term.extra and term.role != "capital":
            found[(term.label, term.id)] = term.extra
    return found


@cache
def coordinates() -> dict[tuple[str, str], tuple[float, float]]:
    """Latitude and longitude by (label, id) and by ("name", folded name): each state at its
    capital, each city and curated place at its own (places first); what the map's
    geographic layout draws from (tools/add_coordinates.py fills them from GeoNames)."""
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for row in rows("countries.csv"):
        if row.get("latitude"):
            found[("Country", row["iso3"])] = (float(row["latitude"]), float(row["longitude"]))
    for file in ("places.csv", "cities.csv"):
        for row in rows(file):
            if not row.get("latitude"):
                continue
            spot = (float(row["latitude"]), float(row["longitude"]))
            found.setdefault(("Location", row["id"]), spot)
            for name in (row["name"], *split_list(row.get("aliases"))):
                found.setdefault(("name", ascii_fold(name).casefold()), spot)
    return found


def place_of(node: str, data: dict) -> tuple[float, float] | None:
    """Where a graph node is, when the gazetteers know: a state by its ISO3 id, a place by
    its id or any of its names (``graph.maps.geography.Place``)."""
    label = data.get("label")
    if label not in ("Country", "Location"):
        return None
    known = coordinates()
    spot = known.get((label, node))
    if spot is None and label == "Location":
        spot = next((known[("name", ascii_fold(str(name)).casefold())]
                     for name in (data.get("name", ""), *data.get("aliases", []))
                     if ("name", ascii_fold(str(name)).casefold()) in known), None)
    return spot
