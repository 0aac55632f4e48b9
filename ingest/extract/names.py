"""Find names the dictionaries cannot hold: people after a rank or title, and capitalised
phrases headed by a word that says what they are (Ministry, Command, Program, Declaration...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.facts import Mention
from ingest.extract.slugs import slug

NAME_WORD = r"(?:[A-Z][a-zà-ÿğışçöüəƏ’'-]+|[A-Z]\.)"
PERSON_AFTER = re.compile(rf"\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
APPOSITIVE = re.compile(
    rf"\b(?:head|chief|commander|director|minister|chairman|chairwoman|secretary|spokesman|"
    rf"spokesperson|ambassador|attach[eé]|envoy|president|adviser|advisor)\b[^,;.]{{0,120}},\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})(?=\s*[,.;]|\s+(?:said|says|told|noted))")
NOT_NAME = {"The", "He", "She", "It", "They", "On", "In", "At", "And", "Of", "For", "Said",
            "This", "That", "His", "Her", "During", "After", "Before", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Today", "Yesterday", "Also", "However"}

CAP = r"[A-Z][\w’'.-]*[\w]"
CHUNK = re.compile(rf"{CAP}(?:(?:[ \t]+(?:of|for|and|on|de|the)){{0,2}}[ \t]+(?:{CAP}|\d{{4}}))*")
LEADING = {"The", "A", "An", "This", "Its", "Their", "Signed", "Thus", "Today", "Currently",
           "Besides", "Moreover", "Meanwhile", "Also", "During", "In", "On", "At", "According",
           "While", "Under", "With", "Within", "Through", "Both", "Several", "Many"}
POSSESSIVE = ("’s", "'s")
LAST_HEADS = {
    **dict.fromkeys(("Program", "Programme", "Plan", "Plans", "Initiative", "Concept",
                     "Process", "Project", "Projects", "Mechanism", "Doctrine", "Strategy"),
                    ("Program", None)),
    **dict.fromkeys(("Declaration", "Agreement", "Treaty", "Accord", "Accords", "Memorandum",
                     "Pact", "Charter", "Protocol", "Convention"), ("Agreement", None)),
    "War": ("Operation", "war"), "Operation": ("Operation", "operation"),
    "Mission": ("Operation", "peacekeeping"),
    "Exercise": ("Exercise", None), "Exercises": ("Exercise", None),
    "Drills": ("Exercise", None), "Drill": ("Exercise", None),
}
ORG_HEADS = {
    "Ministry": ("Organization", "ministry"), "Department": ("Organization", "department"),
    "Directorate": ("Organization", "department"), "Service": ("Organization", "agency"),
    "Agency": ("Organization", "agency"), "Committee": ("Organization", "agency"),
    "Academy": ("Organization", "academy"), "College": ("Organization", "academy"),
    "University": ("Organization", "academy"), "School": ("Organization", "academy"),
    "Institute": ("Organization", "academy"), "Command": ("Organization", "command"),
    "Headquarters": ("Organization", "headquarters"),
    "Staff": ("Organization", "headquarters"), "Forces": ("Organization", "armed_forces"),
    "Army": ("Organization", "armed_forces"), "Guard": ("Organization", "armed_forces"),
    "Council": ("Organization", "forum"), "Organization": ("Organization",
                                                             "international_organization"),
    "Organisation": ("Organization", "international_organization"),
    "Alliance": ("Organization", "alliance"), "Coalition": ("Organization", "coalition"),
    "Government": ("Organization", "government"), "Navy": ("Unit", "naval_forces"),
    "Corps": ("Unit", "corps"), "Brigade": ("Unit", "formation"),
    "Division": ("Unit", "formation"), "Regiment": ("Unit", "formation"),
    "Battalion": ("Unit", "formation"), "Fleet": ("Unit", "naval_forces"),
    "Flotilla": ("Unit", "naval_forces"), "Squadron": ("Unit", "formation"),
}
ARMED = re.compile(r"\s*(?:['’]s\s+)?(?P<what>[Aa]rmed [Ff]orces|[Aa]rmy|[Tt]roops|[Ff]orces|"
                   r"[Ss]oldiers|[Nn]avy|[Nn]aval [Ff]orces|[Aa]ir [Ff]orce|"
                   r"[Cc]ommando (?:units|forces)|[Ss]pecial [Ff]orces)\b(?!\s+model)")
ARMED_KIND = {"navy": ("Unit", "naval-forces", "Naval Forces of {}", "naval_forces"),
              "naval forces": ("Unit", "naval-forces", "Naval Forces of {}", "naval_forces"),
              "air force": ("Organization", "air-force", "Air Force of {}", "armed_forces"),
              "commando units": ("Unit", "commando-forces", "Commando forces of {}",
                                 "commando"),
              "commando forces": ("Unit", "commando-forces", "Commando forces of {}",
                                  "commando"),
              "special forces": ("Unit", "special-forces", "Special forces of {}",
                                 "special_forces")}


def persons(text: str, anchors: list[Mention]) -> Iterator[Mention]:
    """People named right after a rank or a capitalised title (``Col-Gen Arzu Rahimov``)."""
    for anchor in anchors:
        if anchor.label not in ("Rank", "Title") or not anchor.text[:1].isupper():
            continue
        match = PERSON_AFTER.match(text, anchor.end) or _after_of(text, anchor, anchors)
        if not match:
            continue
        words = match["name"].split()
        while words and words[-1] in NOT_NAME:
            words.pop()
        if not words or words[0] in NOT_NAME:
            continue
        name = " ".join(words)
        start = match.start("name")
        rank = anchor.name if anchor.label == "Rank" else None
        title = anchor.name if anchor.label == "Title" else None
        yield Mention(start, start + len(name), name, "Person", slug(name), name,
                      role=f"rank:{rank}" if rank else f"title:{title}", rule="person.after_"
                      + anchor.label.lower(), confidence=0.8 if len(words) > 1 else 0.5)


def _after_of(text: str, anchor: Mention, anchors: list[Mention]) -> re.Match[str] | None:
    """A name after ``President of Azerbaijan``: the title, ``of``, a country, the name."""
    rest = text[anchor.end:anchor.end + 6]
    if not rest.startswith(" of "):
        return None
    country = next((m for m in anchors if m.start == anchor.end + 4 and m.label == "Country"),
                   None)
    return PERSON_AFTER.match(text, country.end) if country else None


def appositives(text: str) -> Iterator[Mention]:
    """People set off by commas after a role: ``the deputy head of X, Mehmet Erdogan,``."""
    for match in APPOSITIVE.finditer(text):
        name = match["name"]
        if name.split()[0] in NOT_NAME:
            continue
        yield Mention(match.start("name"), match.end("name"), name, "Person", slug(name), name,
                      rule="person.appositive", confidence=0.6)


def _classify(words: list[str]) -> tuple[str, str | None] | None:
    last = words[-1]
    if last in LAST_HEADS:
        return LAST_HEADS[last]
    head_part = words[:words.index("of")] if "of" in words else words
    head_part = head_part[:head_part.index("for")] if "for" in head_part else head_part
    return ORG_HEADS.get(head_part[-1]) if head_part else None


def _parts(match: re.Match[str]) -> Iterator[tuple[int, list[str]]]:
    """The words of a capitalised run, cut after possessives (``Ministry’s Department``)."""
    start, words = match.start(), []
    position = match.start()
    for word in match.group().split():
        position = match.string.index(word, position)
        if not words:
            start = position
        if word.endswith(POSSESSIVE):
            words.append(word[:-2])
            yield start, words
            words = []
        else:
            words.append(word)
        position += len(word)
    if words:
        yield start, words


def phrases(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Capitalised phrases headed by a telling word, classified by that word."""
    for match in CHUNK.finditer(text, start, len(text) if end is None else end):
        for first, words in _parts(match):
            while words and words[0] in LEADING:
                first = text.index(words[1], first + len(words[0])) if len(words) > 1 else first
                words = words[1:]
            if len(words) < 2:
                continue
            kind = _classify(words)
            if kind is None:
                continue
            surface = text[first:text.index(words[-1], first) + len(words[-1])]
            label, what = kind
            yield Mention(first, first + len(surface), surface, label, slug(surface),
                          " ".join(surface.split()), what, rule=f"phrase.{label.lower()}",
                          confidence=0.6)


def armed_forces(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """A state's forces named after it: ``Azerbaijani troops``, ``Armenia's forces``."""
    for country in countries:
        match = ARMED.match(text, country.end)
        if not match or country.role == "capital":
            continue
        what = match["what"].lower()
        label, suffix, pattern, kind = ARMED_KIND.get(
            what, ("Organization", "armed-forces", "Armed Forces of {}", "armed_forces"))
        yield Mention(country.start, match.end(), text[country.start:match.end()], label,
                      f"{country.id.lower()}-{suffix}", pattern.format(country.name), kind,
                      role=f"of:{country.id}", rule="org.armed_forces", confidence=0.75)


def cities(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """Cities given with their country in brackets: ``(Tampa, US)``."""
    for country in countries:
        match = re.search(rf"\((?P<city>{NAME_WORD}(?:\s+{NAME_WORD})?),\s*$",
                          text[max(0, country.start - 40):country.start])
        if match and text[country.end:country.end + 1] == ")":
            offset = max(0, country.start - 40)
            city = match["city"]
            start = offset + match.start("city")
            yield Mention(start, start + len(city), city, "Location", slug(city), city, "city",
                          role=f"in:{country.id}", rule="place.bracketed_city",
                          confidence=0.7)
