"""Find names the dictionaries cannot hold: people after a rank or title, and capitalised
phrases headed by a word that says what they are (Ministry, Command, Program, Declaration...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.facts import Mention
from ingest.extract.slugs import slug

UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
NAME_WORD = rf"(?:[{UPPER}][\w’'-]*\w|[{UPPER}]\.)"
PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|del|dela|della|van|von|der|den|du|dos|la|le)"
FULL_NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{{{{{}}}}}}"
PERSON_AFTER = re.compile(rf"\s+(?P<name>{FULL_NAME.format('0,4')})")
APPOSITIVE = re.compile(
    rf"\b(?i:head|chief|commander|director|minister|chairman|chairwoman|secretary|spokesman|"
    rf"spokesperson|ambassador|attach[eé]|envoy|president|adviser|advisor|leader|founder|"
    rf"counterpart)\b[^,;.]{{0,120}},\s+(?P<name>{FULL_NAME.format('1,4')})"
    rf"(?=\s*[,.;]|\s+(?:said|says|told|noted))")
NAMED_AFTER = re.compile(rf"\bnamed\s+after\s+(?:the\s+late\s+)?"
                         rf"(?P<name>{FULL_NAME.format('1,4')})")
INITIAL = re.compile(r"^[A-Z]\.$")
NOT_NAME = {"The", "He", "She", "It", "They", "On", "In", "At", "And", "Of", "For", "Said",
            "This", "That", "His", "Her", "During", "After", "Before", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Today", "Yesterday", "Also", "However"}

CAP = rf"[{UPPER}](?:[\w’'.-]*[\w])?"
ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
CHUNK = re.compile(rf"(?:{CAP}|{ORDINAL})(?:(?:[ \t]+(?:of|for|and|on|de|the)){{0,2}}[ \t]+"
                   rf"(?:{CAP}|{ORDINAL}|\d{{1,4}}\b))*")
CONNECTORS = {"of", "for", "and", "on", "de", "the"}
LEADING = {"The", "A", "An", "This", "Its", "Their", "Signed", "Thus", "Today", "Currently",
           "Besides", "Moreover", "Meanwhile", "Also", "During", "In", "On", "At", "According",
           "While", "Under", "With", "Within", "Through", "Both", "Several", "Many"}
POSSESSIVE = ("’s", "'s")
MISSION_IN = re.compile(rf"\s+in\s+(?:the\s+)?{CAP}(?:\s+{CAP})?")
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
PLACE_HEADS = {
    **dict.fromkeys(("Region", "Province", "Oblast", "Governorate", "Valley", "Peninsula",
                     "Island", "Islands", "Mountains", "Desert", "Strait", "Sea", "Bay", "Lake",
                     "River", "Coast", "County", "Shoal", "Reef", "Atoll", "Canal"), "region"),
    "District": "district",
    **dict.fromkeys(("Base", "Airbase", "Airfield", "Polygon", "Port", "Range", "Ground",
                     "Barracks", "Airport", "Shipyard", "Harbour", "Harbor"), "territory"),
}
PLACE_FIRST = {"Lake", "Mount", "Camp", "Fort", "Cape"}
PLACE_OF = {"Bay", "Gulf", "Sea", "Strait", "Straits", "Isle", "Island", "Islands", "Lake",
            "Port"}
SHIPS = {"INS", "USS", "HMS", "HMAS", "HMCS", "HMNZS", "JS", "ROKS", "TCG", "KRI", "BRP", "ARC",
         "PNS", "RSS", "HTMS", "ORP", "NRP", "HNLMS", "ESPS", "BNS", "CNS", "RFS"}
BRANCH = {"Naval", "Navy", "Air", "Special", "Operations", "Rapid", "Reaction", "Marine",
          "Airborne", "Missile", "Rocket", "Border", "Coast", "Task",
          "Expeditionary", "Maritime", "Aerospace", "Space", "Strategic"}
MILITARY = BRANCH | {"Forces", "Operational", "Carrier", "Strike", "Battle", "Tactical", "Army",
                     "Guards", "Amphibious", "Ready", "Battalion", "Brigade", "Artillery"}
COMPANY = {"Systems", "Technologies", "Industries", "Corporation", "Shipbuilding",
           "Dynamics", "Electronics", "Holdings", "Ltd", "Inc", "LLC", "JSC", "PLC"}
KEEP_POSSESSIVE = ("People's", "People’s", "Workers'", "Workers’", "Lord's", "Lord’s")
GENERIC_PLACE = {"Air", "Naval", "Military", "Army", "Training", "Firing", "Base", "Region",
                 "Autonomous", "District", "Port", "Range", "Ground", "Sea", "Coast", "Island",
                 "Islands", "Bay", "Lake", "River", "Valley", "Province", "The", "Main", "Forward"}
ORG_HEADS = {
    "Ministry": ("Organization", "ministry"), "Department": ("Organization", "department"),
    "Directorate": ("Organization", "department"), "Service": ("Organization", "agency"),
    "Agency": ("Organization", "agency"), "Committee": ("Organization", "agency"),
    "Academy": ("Organization", "academy"), "College": ("Organization", "academy"),
    "University": ("Organization", "academy"), "School": ("Organization", "academy"),
    "Institute": ("Organization", "academy"), "Command": ("Organization", "command"),
    "Headquarters": ("Organization", "headquarters"),
    "Staff": ("Organization", "headquarters"), "Army": ("Organization", "armed_forces"),
    "Commission": ("Organization", "agency"),
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
              "air force": ("Unit", "air-force", "Air Force of {}", "formation"),
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
        yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                      canonical(name),
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


def canonical(name: str) -> str:
    """A person's name as an annotator writes it: middle initials left out.

    >>> canonical("Antony J. Blinken"), canonical("J. Smith")
    ('Antony Blinken', 'J. Smith')
    """
    words = name.split()
    kept = [words[0], *(w for w in words[1:-1] if not INITIAL.match(w)), *words[1:][-1:]]
    return " ".join(kept)


def appositives(text: str) -> Iterator[Mention]:
    """People set off by commas after a role (``the deputy head of X, Mehmet Erdogan,``) and
    people something is named after (``the Academy named after Heydar Aliyev``)."""
    for pattern, rule in ((APPOSITIVE, "person.appositive"), (NAMED_AFTER, "person.named_after")):
        for match in pattern.finditer(text):
            name = match["name"]
            words = name.split()
            while words and words[-1] in NOT_NAME:
                words.pop()
            if len(words) < 2 or words[0] in NOT_NAME:
                continue
            name = " ".join(words)
            start = match.start("name")
            yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                          canonical(name), rule=rule, confidence=0.6)


def _classify(words: list[str]) -> tuple[str, str | None] | None:
    """The label and kind a capitalised phrase's telling word gives it, if any."""
    if words[-1].isdigit() and len(words) > 2:
        unit = _classify(words[:-1])
        return unit if unit and unit[0] == "Unit" else None
    last, first = words[-1], words[0]
    if first in SHIPS:
        return ("Unit", None)
    if last in LAST_HEADS:
        return LAST_HEADS[last]
    if last in PLACE_HEADS and not set(words) <= GENERIC_PLACE:
        return ("Location", PLACE_HEADS[last])
    if first in PLACE_FIRST and len(words) > 1:
        return ("Location", "region")
    if first in ("Operation", "Exercise") and len(words) > 1:
        return ("Operation", "operation") if first == "Operation" else ("Exercise", None)
    if last in COMPANY:
        return ("Organization", None)
    head_part = words[:words.index("of")] if "of" in words else words
    head_part = head_part[:head_part.index("for")] if "for" in head_part else head_part
    if len(head_part) > 2 and head_part[-1].isdigit():
        head_part = head_part[:-1]
    if not head_part:
        return None
    return _forces(head_part) or (("Location", "region") if head_part[-1] in PLACE_OF and
                                  "of" in words else ORG_HEADS.get(head_part[-1]))


def _forces(words: list[str]) -> tuple[str, str | None] | None:
    """Service branches, task forces and military groups are units; armed and defence forces
    are organisations."""
    last, found = words[-1], set(words)
    if last not in ("Forces", "Force", "Guard", "Group", "Battlegroup", "Centre", "Center",
                    "Unit"):
        return None
    naval = "naval_forces" if found & {"Naval", "Navy", "Maritime", "Coast", "Marine"} else \
        "special_forces" if "Special" in found else "formation"
    if last in ("Centre", "Center"):
        return ("Organization", "academy" if found & {"Training", "Education", "Studies"}
                else "headquarters")
    if last in ("Forces", "Force") and found & {"Armed", "Defence", "Defense", "Self-Defense",
                                                "Self-Defence", "Democratic"}:
        return ("Organization", "armed_forces")
    if last == "Forces" and not found & BRANCH:
        return ("Organization", "armed_forces")
    if last == "Group" and not found & MILITARY:
        return None
    return ("Unit", naval)


Word = tuple[int, str]


def _parts(match: re.Match[str]) -> Iterator[list[Word]]:
    """The words of a capitalised run with their offsets, cut after possessives (``Ministry’s
    Department``) and at ``and`` unless it joins words after ``of``/``for`` (``State Service
    for Mobilization and Conscription``)."""
    words: list[Word] = []
    for found in re.finditer(r"\S+", match.group()):
        word, start = found.group(), match.start() + found.start()
        if word == "and" and _splits(words, match.group()[found.end():]):
            yield words
            words = []
        elif word.endswith(POSSESSIVE) and not word.endswith(KEEP_POSSESSIVE):
            words.append((start, word[:-2]))
            yield words
            words = []
        else:
            words.append((start, word))
    if words:
        yield words


def _splits(words: list[Word], rest: str) -> bool:
    """Whether ``and`` starts a new name: after a single word or a complete name, or before
    ``the``, unless it joins words after ``of``/``for`` (``Service for X and Y``)."""
    if rest.lstrip().startswith("the "):
        return True
    if any(w in ("of", "for") for _, w in words):
        return False
    trimmed = _trim(words)
    return len(trimmed) <= 1 or _named(trimmed) is not None


def _trim(words: list[Word]) -> list[Word]:
    """Without leading sentence words (The, During...) and dangling connectors."""
    while words and (words[0][1] in LEADING or words[0][1] in CONNECTORS):
        words = words[1:]
    while words and (words[-1][1] in CONNECTORS or (words[-1][1].isdigit() and len(words) > 1
                     and words[-2][1] in CONNECTORS)):
        words = words[:-1]
    return words


def _named(words: list[Word]) -> tuple[list[Word], tuple[str, str | None]] | None:
    """The words and class of a telling phrase, or of its part after a role (``Acting Chief
    of the Main Department for Personnel``)."""
    while len(words) >= 2:
        kind = _classify([w for _, w in words])
        if kind is not None:
            return words, kind
        cut = next((i for i, (_, w) in enumerate(words) if w == "of"), None)
        if cut is None:
            return None
        words = _trim(words[cut + 1:])
    return None


def _based(text: str, word: Word) -> Iterator[Mention]:
    """``the Ivanovo-based 98th ... Division``: the town a unit is based in."""
    name = word[1].removesuffix("-based")
    if name[:1].isupper():
        yield Mention(word[0], word[0] + len(name), name, "Location", slug(name), name, "city",
                      rule="place.based_in", confidence=0.6)


def phrases(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Capitalised phrases headed by a telling word, classified by that word."""
    for match in CHUNK.finditer(text, start, len(text) if end is None else end):
        for part in _parts(match):
            part = _trim(part)
            if part and part[0][1].endswith("-based"):
                yield from _based(text, part[0])
                part = part[1:]
            found = _named(part)
            if found is None:
                continue
            words, (label, what) = found
            first, last = words[0][0], words[-1][0] + len(words[-1][1])
            where = MISSION_IN.match(text, last) if words[-1][1] == "Mission" else None
            last = where.end() if where else last
            surface = text[first:last]
            yield Mention(first, last, surface, label, slug(surface), " ".join(surface.split()),
                          what, rule=f"phrase.{label.lower()}", confidence=0.6)


def armed_forces(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """A state's forces named after it: ``Azerbaijani troops``, ``Armenia's forces``."""
    for country in countries:
        match = ARMED.match(text, country.end)
        if not match or country.role == "capital":
            continue
        what = match["what"].lower()
        if text[max(0, country.start - 4):country.start].lower() == "pro-":
            name = f"Pro-{country.text} {what}"
            yield Mention(country.start - 4, match.end(), text[country.start - 4:match.end()],
                          "Organization", slug(name), name, "armed_group",
                          rule="org.proxy_forces", confidence=0.7)
            continue
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
