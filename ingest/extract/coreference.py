"""Mentions of one report that name the same thing brought under one id: a national body named
with and without its state, a dictionary program inside a longer phrase, a war named once and
described elsewhere, and ``the Armed Forces of X and Y`` shared out to each state."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ingest.extract.cues import whole_words
from ingest.extract.facts import Mention
from ingest.extract.names import SHIPS

ACRONYM = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z0-9&-]{1,11}(?: \d{1,3})?)\)"
                     r"(?!\s*(?:[—–]|--|-\s))")
"""``(CSTO)`` right after a name: the short form the report will use, with the phase or
edition number it may carry (``(BOMCA 11)``); not a dateline's ``(AFP) -``."""
INTRODUCED_PLACES = ("place.described", "place.town_of", "place.apposed", "place.dateline")
LOWER_TAIL = re.compile(r"(?:\s+[a-z][\w-]*)+$")
"""The common nouns after a place's name: ``Cincu range`` is called ``Cincu`` too."""
NAME_OF = re.compile(r"[A-Z][\w’'-]*\s+(?:de|del|da|do|of)\s+$")
"""Before a place's name that ends a longer name: ``Puerto El Carmen de Putumayo``."""
RANGE = re.compile(r"\b(?:range|area|grounds?|polygon)$")
"""A training site: the town it is named after, named alone, is the site (``Krivolak``)."""
SHORTENED = ("Organization", "Unit", "Operation", "Program", "Agreement", "Exercise")
GENERIC = {"program", "programme", "initiative", "plan", "concept", "the", "of", "s"}
COORDINATED = re.compile(r"(?P<core>.+?)\s+of\s+(?:the\s+)?\S")


def acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body or event introduced with its acronym (``the Regional Anti-Terrorist Structure
    (RATS)``): the acronym, there and wherever else the report uses it alone, names it too."""
    taken = Owned(mentions)
    found: dict[str, Mention] = {}
    for mention in mentions:
        match = ACRONYM.match(text, mention.end)
        short = match["short"] if match else ""
        if mention.label in SHORTENED and sum(c.isupper() for c in short) >= 2 and \
                short not in found and not taken.overlaps(*match.span("short")):
            found[short] = mention
    found.update((short, body) for short, body in _initialled(text, mentions).items()
                 if short not in found)
    if not found:
        return mentions
    added = []
    for start, short in whole_words(text, found):
        if not taken.overlaps(start, start + len(short)):
            whole = found[short]
            added.append(replace(whole, start=start, end=start + len(short), text=short,
                                 rule="alias.acronym", confidence=min(whole.confidence, 0.7)))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.role == "qualifier"))


INITIALLED = ("Organization", "Unit")
"""Bodies a report may call by their initials without introducing them (``the AFP``)."""
SKIPPED = frozenset(("of", "the", "and", "for", "de", "del", "la", "des", "du"))
"""Words a body's initials leave out: ``Armed Forces of the Philippines`` is ``AFP``."""


def _initialled(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Bodies the report names in full and then by their initials alone, never introduced
    (``the Armed Forces of Liberia``, then ``the Chief of Staff of the AFL``): each set of
    three or more initials that only one named body has and the report writes as a word (not
    a numbered body's: ``CTF`` of ``Combined Task Force 150`` is also ``CTF 151``'s)."""
    bodies: dict[str, dict[str, Mention]] = {}
    for mention in mentions:
        if mention.label not in INITIALLED or mention.role == "qualifier" or \
                any(c.isdigit() for c in mention.text):
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", mention.text)
                 if w.lower() not in SKIPPED]
        if len(words) >= 3 and all(w[0].isupper() for w in words):
            bodies.setdefault("".join(w[0] for w in words), {})[mention.id] = mention
    return {short: next(iter(named.values())) for short, named in bodies.items()
            if len(named) == 1 and re.search(rf"\b{short}\b", text)}


def places_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place the report introduced by what it is (``the Cincu range``, ``the town of
    Zaamin``) keeps its id where the report later names it alone (``Cincu``)."""
    cores: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label == "Location" and mention.rule in INTRODUCED_PLACES:
            core = LOWER_TAIL.sub("", mention.name)
            if len(core) >= 4 and core[0].isupper():
                cores.setdefault(core, mention)
    if not cores:
        return mentions
    added = [m for m in _named_again(text, cores, Owned(mentions), "place.again", 0.5)
             if not NAME_OF.search(text, max(0, m.start - 40), m.start)]
    sites: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label == "Location" and mention.rule == "place.described" and \
                mention.kind == "territory":
            sites.setdefault(LOWER_TAIL.sub("", mention.name), mention)
    same = [_same_place(m, cores, sites) for m in mentions]
    return sorted([*same, *added], key=lambda m: (m.start, m.role == "qualifier"))


def ships_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """A ship named with its prefix (``INS Trikand``) is the ship where the report later
    names it without (``Trikand and Deepak conducted``, ``aboard America``), not a place nor
    a person (``the commanding officer of Te Kaha``)."""
    cores: dict[str, Mention] = {}
    for mention in mentions:
        prefix, _, bare = mention.name.partition(" ")
        if mention.label == "Unit" and prefix in SHIPS and len(bare) >= 4 and bare[0].isupper():
            cores.setdefault(bare, mention)
    if not cores:
        return mentions
    taken = Owned([m for m in mentions if not _misread_ship(m, cores)])
    found = {m.span: m for m in _named_again(text, cores, taken, "unit.ship_again", 0.6)}
    kept = [m for m in mentions if not (_misread_ship(m, cores) and m.span in found)]
    return sorted([*kept, *found.values()], key=lambda m: (m.start, m.role == "qualifier"))


def _misread_ship(mention: Mention, cores: dict[str, Mention]) -> bool:
    """Whether ``mention`` took a ship's bare name for a place, or for a person's name."""
    return mention.label == "Location" or (mention.label == "Person" and mention.text in cores)


CONTEXT_NAMED = ("event.named_after", "event.named_before")
"""Exercise names told as such only by the words around one mention (``the joint exercise
KAZIND``)."""


def exercises_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """An exercise named as such once (``the joint exercise KAZIND``) is that exercise where
    the report writes its name again without an exercise word (``The eighth edition of
    KAZIND, a counter-terrorism exercise``)."""
    cores: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label == "Exercise" and mention.rule in CONTEXT_NAMED and \
                len(mention.text) >= 4 and mention.text == mention.name:
            cores.setdefault(mention.text, mention)
    if not cores:
        return mentions
    found = list(_named_again(text, cores, Owned(mentions), "event.named_again", 0.6))
    if not found:
        return mentions
    return sorted([*mentions, *found], key=lambda m: (m.start, m.role == "qualifier"))


def _named_again(text: str, cores: dict[str, Mention], taken: Owned, rule: str,
                 confidence: float) -> Iterator[Mention]:
    """Each place ``text`` writes a core name alone again, outside the mentions ``taken``:
    the core's entity there, by ``rule`` (the one search the ``*_again`` passes share)."""
    for start, core in whole_words(text, cores):
        if not taken.overlaps(start, start + len(core)):
            yield replace(cores[core], start=start, end=start + len(core), text=core, rule=rule,
                          confidence=confidence)


def _same_place(mention: Mention, cores: dict[str, Mention],
                sites: dict[str, Mention]) -> Mention:
    """A town a unit is based in is the place introduced under that name; a site described
    again with another common noun (``the Krivolak military training area``, then ``the
    Krivolak range``) is the site described first (``sites``: by name without the noun), and
    a training site is the place its name alone stands for."""
    if mention.label != "Location":
        return mention
    if mention.rule == "place.based_in" and mention.name in cores:
        first = cores[mention.name]
    elif mention.rule == "place.described" and mention.kind == "territory":
        core = LOWER_TAIL.sub("", mention.name)
        first = cores[core] if RANGE.search(mention.name) and core in cores else sites[core]
    else:
        return mention
    return replace(mention, id=first.id, name=first.name)


class Owned:
    """The stretches of text the chosen mentions cover, for overlap tests."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.spans = sorted(m.span for m in mentions)
        self.starts = [start for start, _ in self.spans]
        self.reach = max((end - start for start, end in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a mention covers any of ``[start, end)``."""
        low = bisect_left(self.starts, start - self.reach)
        return any(s < end and start < e for s, e in self.spans[low:bisect_left(self.starts,
                                                                                  end)])


def unify(mentions: list[Mention]) -> list[Mention]:
    """An unqualified national body takes the id of the same body named with its state."""
    qualified = {m.id.split("-", 1)[1]: m for m in mentions
                 if m.role.startswith("of:") and "-" in m.id}
    return [replace(m, id=qualified[m.id].id, name=qualified[m.id].name,
                    role=qualified[m.id].role)
            if m.id in qualified and not m.role.startswith("of:") else m for m in mentions]


def adopt(mentions: list[Mention], hits: list[Mention]) -> list[Mention]:
    """A phrase holding a dictionary entry of its label plus only owners and generic words
    (``NATO Operational Capabilities Concept Program``) is that entry."""
    found = []
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    for mention in mentions:
        if mention.rule.startswith("phrase.") and mention.label in ("Program", "Organization"):
            inside = [h for h in hits[bisect_left(starts, mention.start):
                                      bisect_left(starts, mention.end)]
                      if h.end <= mention.end]
            entry = next((h for h in inside if h.label == mention.label), None)
            if entry is not None:
                rest = mention.text
                for hit in inside:
                    rest = rest.replace(hit.text, " ")
                if set(re.findall(r"\w+", rest.lower())) <= GENERIC:
                    mention = replace(mention, id=entry.id, name=entry.name, kind=entry.kind)
        found.append(mention)
    return found


def share_out(text: str, mentions: list[Mention]) -> list[Mention]:
    """``the Armed Forces of X and Y``: one national body for each state named."""
    found = []
    qualifiers = [m for m in mentions if m.role == "qualifier"]
    for mention in mentions:
        match = COORDINATED.match(mention.text)
        if match is None or not mention.rule.startswith("phrase.") or \
                mention.label not in ("Organization", "Unit"):
            found.append(mention)
            continue
        states = [m for m in qualifiers if mention.start < m.start and m.end <= mention.end]
        if len(states) < 2:
            found.append(mention)
            continue
        core = match["core"]
        for number, state in enumerate(states):
            start = mention.start if number == 0 else state.start
            found.append(Mention(start, state.end, text[start:state.end], mention.label,
                                 f"{state.id.lower()}-{mention.id.split('-of-')[0]}",
                                 f"{core} of {state.name}", mention.kind, f"of:{state.id}",
                                 mention.rule, mention.confidence))
    return sorted(found, key=lambda m: (m.start, m.role == "qualifier"))


def wars(mentions: list[Mention]) -> list[Mention]:
    """Wars described by their year or length (``the 44-day war``, ``the 2020 war``) are the
    one war a report names, when it names exactly one (``the Second Karabakh War``); of
    several described wars, the one mentioned most often is."""
    named = {m.id: m for m in mentions if m.label == "Operation" and m.kind == "war"
             and m.rule.startswith("phrase.")}
    described = Counter(m.id for m in mentions if m.label == "Operation" and m.kind == "war"
                        and m.rule.startswith("described."))
    ranked = described.most_common(2)
    if len(named) != 1 or not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return mentions
    war, main = next(iter(named.values())), ranked[0][0]
    return [replace(m, id=war.id, name=war.name, kind="war") if m.id == main else m
            for m in mentions]


def fullest(mentions: list[Mention]) -> list[Mention]:
    """The mentions of one described operation all take its most informative name
    (``2023 Karabakh anti-terrorist operation`` over ``Anti-terrorist operation``)."""
    best: dict[str, str] = {}
    for mention in mentions:
        if mention.rule == "described.operation" and \
                len(mention.name) > len(best.get(mention.id, "")):
            best[mention.id] = mention.name
    return [replace(m, name=best[m.id]) if m.id in best and m.rule == "described.operation"
            else m for m in mentions]
