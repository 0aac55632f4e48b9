"""Bodies named around other names: the office behind a state's title (``US Secretary of State``
is the US Department of State), an organisation's headquarters (``NATO headquarters``), a
concept or program given in quotes and ``N+N`` formats of states (``the ‘3+3’ nations``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.cues import matches
from ingest.extract.facts import Mention
from ingest.extract.slugs import slug

OFFICE_GAP = re.compile(r"(?:['’]s?)?\s+$")
HOLDER = re.compile(r"\s+(?:[Cc]hief|[Cc]ommander|[Hh]ead)$")
"""The word for the holder ending a service chief's title (``Benin's navy chief``): the
service the title implies is named by the words before it (``Benin's navy``)."""
NOT_OFFICES = ("country", "organization")
BRANCHES = {"naval-forces": ("Unit", "naval_forces"), "air-force": ("Unit", "formation"),
            "army": ("Organization", "armed_forces")}
GOVERNMENT = re.compile(r"(?:['’]s)?\s+(?P<what>[Gg]overnment|[Ee]mbassy|[Pp]arliament|"
                        r"[Cc]ongress|[Ss]enate|[Cc]abinet|[Nn]ational\s+[Aa]ssembly)\b"
                        r"(?!\s+of\b|['’])")
"""After a state: ``the Lithuanian government``, ``Spain's government``, ``the Russian
embassy``, ``Micronesia's Congress``, ``the Danish parliament`` (not ``government of``, which
names its own state)."""
LEGISLATURES = {"parliament": "Parliament", "congress": "Congress", "senate": "Senate",
                "cabinet": "Cabinet", "national assembly": "National Assembly"}
"""A state's chamber or cabinet named after it, as its own body (a chamber that ratifies an
agreement signs it): ``Mozambique's parliament`` is the Parliament of Mozambique."""
MINISTRY_AFTER = re.compile(r"(?:['’]s)?\s+(?P<what>[Dd]efen[cs]e|[Ff]oreign|[Ii]nterior)\s+"
                            r"[Mm]inistry\b")
"""After a state: ``Turkey's defence ministry``, ``the Chinese defence ministry``."""
MINISTRIES = {"defence": "ministry-of-defence", "defense": "ministry-of-defence",
              "foreign": "ministry-of-foreign-affairs", "interior": "ministry-of-internal-affairs"}
"""The office a ministry named by its field is (as the minister's title gives it)."""
CITY_AFTER = re.compile(r"\s+in\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
"""Where an embassy is: ``the Italian embassy in Accra``."""
HEADQUARTERS = re.compile(r"\s+(?P<what>headquarters|HQ)\b|\s+(?P<secretariat>(?:(?i:permanent|"
                          r"general)\s+)?(?i:secretariat))\b(?!\s+of\b)")
"""After an organisation: its headquarters (``NATO headquarters``) or its secretariat (``the
SADC Secretariat``, ``the CFAC Permanent Secretariat``, ``the EAC secretariat``)."""
THE_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
QUOTED = re.compile(r"[“\"‘'](?P<name>[A-Z][^”\"’'\n]{2,60})[”\"’']\s+(?P<head>concept|"
                    r"program(?:me)?|initiative|project|plan|mechanism|strategy|doctrine)\b")
FORMAT = re.compile(r"(?P<quote>[‘'“\"])?(?P<name>(?:C)?\d\+\d)[’'”\"]?\s+(?P<head>format|"
                    r"platform|nations|countries|mechanism|group(?:ing)?)\b")
PROGRAM_KINDS = {"concept": "training", "strategy": "doctrine", "doctrine": "doctrine",
                 "plan": "plan", "project": "defence_industry"}


def _office_name(target: str, state: Mention, known: dict[str, str]) -> str:
    words = " ".join(w if w in ("of", "the") else w.capitalize() for w in target.split("-"))
    return known.get(f"{state.id.lower()}-{target}", f"{words} of {state.name}")


REMIT_TITLE = re.compile(r"Minister\s+(?:of|for)\s+(?P<remit>(?:National\s+)?Defen[cs]e\s+and\s+"
                         r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})$")
"""A defence minister's title naming a second field (``Minister of Defence and Security``)."""


def _remit_name(title: str, target: str, state: Mention, known: dict[str, str]) -> str | None:
    """The ministry a title naming two fields heads, named as the title names it (``Botswana's
    Minister of Defence and Security``: the Ministry of Defence and Security of Botswana),
    unless the dictionaries know the state's own name for it."""
    match = REMIT_TITLE.search(title)
    if match is None or target != "ministry-of-defence" or \
            f"{state.id.lower()}-{target}" in known:
        return None
    return f"Ministry of {' '.join(match['remit'].split())} of {state.name}"


def _office_kind(target: str) -> tuple[str, str]:
    """The label and kind of the body an office heads."""
    if target in BRANCHES:
        return BRANCHES[target]
    return ("Organization", "ministry" if target.startswith(("ministry", "department"))
            else "armed_forces" if target == "armed-forces" else "command")


def offices(text: str, hits: list[Mention], targets: dict[tuple[str, str], str],
            known: dict[str, str]) -> Iterator[Mention]:
    """The ministry or command a state's office-holder heads: ``Turkish Defence Minister``.

    ``targets`` maps ("Title", title) to the body it heads (``ministry-of-defence``);
    ``known`` maps dictionary ids to names (``usa-department-of-state`` keeps its name)."""
    ends = {m.end: m for m in hits if m.label == "Country" and m.role != "capital"}
    for title in hits:
        target = targets.get(("Title", title.id))
        if title.label != "Title" or not target or target in NOT_OFFICES:
            continue
        window = text[max(0, title.start - 4):title.start]
        gap = OFFICE_GAP.search(window)
        state = ends.get(title.start - len(window) + gap.start()) if gap else None
        if state is None:
            continue
        label, kind = _office_kind(target)
        holder = HOLDER.search(text, title.start, title.end) if target in BRANCHES else None
        end = holder.start() if holder else title.end
        yield Mention(state.start, end, text[state.start:end], label,
                      f"{state.id.lower()}-{target}",
                      _remit_name(text[title.start:title.end], target, state, known) or
                      _office_name(target, state, known), kind,
                      f"of:{state.id}", "org.office_of_title", 0.55)


JOINT_STAFF = re.compile(r"(?:['’]s)?\s+(?:(?:Chairman|Chief\s+of\s+Staff),?\s+)?"
                         r"(?P<body>Joint\s+(?P<chiefs>Chiefs\s+of\s+)?Staff"
                         r"(?P<committee>\s+Committee)?)\b")
"""After a state: its joint staff, the body over its services (``the US Joint Chiefs of
Staff``, ``Pakistan's Chairman Joint Chiefs of Staff Committee``, ``Japan's Chief of Staff,
Joint Staff``), which the chairman's or chief's title names too."""


def joint_staffs(text: str, hits: list[Mention]) -> Iterator[Mention]:
    """A state's joint staff named after it (see ``JOINT_STAFF``): a body of the state, which
    the ``Chairman`` or ``Chief of Staff`` between them heads."""
    for state in hits:
        if state.label != "Country" or state.role == "capital":
            continue
        match = JOINT_STAFF.match(text, state.end, state.end + 70)
        if match is None:
            continue
        body = "Joint Chiefs of Staff" if match["chiefs"] else "Joint Staff"
        body += " Committee" if match["committee"] else ""
        target = slug(body)
        titled = re.search(r"Chairman|Chief", text[match.start():match.start("body")])
        start = match.start("body") if titled else state.start
        yield Mention(start, match.end(), text[start:match.end()], "Organization",
                      f"{state.id.lower()}-{target}", f"{body} of {state.name}", "headquarters",
                      f"of:{state.id}", "org.office_of_title", 0.7)


def governments(text: str, hits: list[Mention]) -> Iterator[Mention]:
    """A state's government, embassy, chamber or cabinet named after it (``the Lithuanian
    government``, ``the US embassy``, ``Romania's Senate``): a body of the state, apart from
    the state itself."""
    for state in hits:
        if state.label != "Country" or state.role == "capital":
            continue
        match = GOVERNMENT.match(text, state.end, state.end + 16)
        if match is None:
            continue
        surface = text[state.start:match.end()]
        what = " ".join(match["what"].lower().split())
        if what in LEGISLATURES:
            body = LEGISLATURES[what]
            yield Mention(state.start, match.end(), surface, "Organization",
                          f"{state.id.lower()}-{slug(body)}", f"{body} of {state.name}",
                          "government", f"of:{state.id}", "org.legislature", 0.6)
        elif what == "government":
            yield Mention(state.start, match.end(), surface, "Organization",
                          f"{state.id.lower()}-government", f"Government of {state.name}",
                          "government", f"of:{state.id}", "org.government", 0.6)
        else:
            city = CITY_AFTER.match(text, match.end())
            name = f"{surface} in {city['city']}" if city else surface
            yield Mention(state.start, match.end(), surface, "Organization",
                          f"{state.id.lower()}-embassy", name, "agency", f"of:{state.id}",
                          "org.embassy", 0.6)


def ministries(text: str, hits: list[Mention], known: dict[str, str]) -> Iterator[Mention]:
    """A state's ministry named by its field (``Turkey's defence ministry``, ``Beijing's
    foreign ministry``): the office its minister's title names."""
    for state in hits:
        if state.label != "Country":
            continue
        match = MINISTRY_AFTER.match(text, state.end, state.end + 30)
        if match is None or (state.role == "capital" and not match.group().startswith(("'",
                                                                                     "’"))):
            continue
        target = MINISTRIES[match["what"].lower()]
        yield Mention(state.start, match.end(), text[state.start:match.end()], "Organization",
                      f"{state.id.lower()}-{target}", _office_name(target, state, known),
                      "ministry", f"of:{state.id}", "org.ministry_named", 0.6)


PAIRED_MINISTRIES = re.compile(r"\b[Tt]he\s+two\s+(?P<what>[Dd]efen[cs]e|[Ff]oreign)\s+"
                               r"ministries\b")
"""``the two defence ministries``: the ministry of that field of each of two states."""


def paired_ministries(text: str, hits: list[Mention],
                      known: dict[str, str]) -> Iterator[Mention]:
    """The ministries of two states told together (``signed by the two defence ministries``):
    one of each of the two states the report named last before them."""
    states = sorted((m for m in hits if m.label == "Country" and m.role != "capital"),
                    key=lambda m: m.start)
    for match in PAIRED_MINISTRIES.finditer(text):
        pair: dict[str, Mention] = {}
        for state in reversed([m for m in states if m.end <= match.start()]):
            pair.setdefault(state.id, state)
            if len(pair) == 2:
                break
        if len(pair) < 2:
            continue
        target = MINISTRIES[match["what"].lower()]
        for state in sorted(pair.values(), key=lambda m: m.start):
            yield Mention(match.start(), match.end(), match.group(), "Organization",
                          f"{state.id.lower()}-{target}", _office_name(target, state, known),
                          "ministry", f"of:{state.id}", "org.ministry_named", 0.55)


def headquarters(text: str, hits: list[Mention]) -> Iterator[Mention]:
    """An organisation's headquarters or secretariat named after it: ``NATO headquarters``,
    ``the IGAD Secretariat``; not ``the NATO headquarters in Szczecin``, ``MARCOM's
    headquarters`` nor ``the ministry's Pentagon headquarters``, which describe a site or a
    seat, not a body of their own (a secretariat is a body however it is introduced)."""
    for org in hits:
        if org.label != "Organization":
            continue
        match = HEADQUARTERS.match(text, org.end, org.end + 30)
        if match is None or (match["what"] and THE_BEFORE.search(text, max(0, org.start - 4),
                                                                 org.start)):
            continue
        if match["secretariat"]:
            office = " ".join(w.capitalize() for w in match["secretariat"].split())
            yield Mention(org.start, match.end(), text[org.start:match.end()], "Organization",
                          f"{org.id}-{slug(office)}", f"{org.name} {office}", "headquarters",
                          rule="org.secretariat", confidence=0.6)
        else:
            name = f"{org.name} headquarters"
            yield Mention(org.start, match.end(), text[org.start:match.end()], "Organization",
                          f"{org.id}-headquarters", name, "headquarters",
                          rule="org.headquarters", confidence=0.6)


DESCRIBED_HEADQUARTERS = re.compile(
    r"\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir)\s+(?P<name>(?:(?:mission|force|sector|team|brigade)"
    r"['’]s|(?:multinational\s+)?(?:force|sector|mission|combined|brigade|navy))\s+"
    r"headquarters)\b(?!\s+of\b)")
"""A headquarters described by what it commands: ``the mission's headquarters``, ``the force
headquarters``, ``a combined headquarters``, ``the navy headquarters``."""


def described_headquarters(text: str) -> Iterator[Mention]:
    """The headquarters of a mission, force, sector or brigade the report tells of, described
    rather than named (``the mission's headquarters in Maputo``): a body of its own, one
    however the possessive goes (``the force's headquarters``, ``the force headquarters``),
    a brigade's a unit."""
    for match in DESCRIBED_HEADQUARTERS.finditer(text):
        name = re.sub(r"['’]s\b", "", " ".join(match["name"].split()))
        label = "Unit" if "brigade" in name else "Organization"
        yield Mention(match.start("name"), match.end(), match["name"], label, slug(name),
                      name[:1].upper() + name[1:], "headquarters",
                      rule="org.described_headquarters", confidence=0.5)


def _plus_signs(text: str) -> list[int]:
    """Where a ``FORMAT`` match can begin: up to three characters before each ``+``."""
    starts: set[int] = set()
    plus = text.find("+")
    while plus >= 0:
        starts.update(range(max(0, plus - 3), plus))
        plus = text.find("+", plus + 1)
    return sorted(starts)


def quoted(text: str) -> Iterator[Mention]:
    """Programs and formats given a name in quotes: ``the "Partnership Staff Post" concept``,
    ``the ‘3+3’ nations``."""
    for match in QUOTED.finditer(text):
        name = match["name"].strip()
        yield Mention(match.start("name"), match.start("name") + len(name), name, "Program",
                      slug(name), name, PROGRAM_KINDS.get(match["head"].lower(), "partnership"),
                      rule="program.quoted", confidence=0.65)
    for match in matches(FORMAT, text, _plus_signs(text)):
        name = f"{match['name']} format"
        yield Mention(match.start(), match.end(), match.group(), "Organization",
                      slug(name.replace("+", " plus ")), name, "forum",
                      rule="org.format", confidence=0.6)


SPELLINGS = (("Defence", "Defense"), ("Defense", "Defence"))
OFFICE_WORDS = (("Ministry of ", "Ministry for "), ("Ministry of ", "Department of "),
                ("Department of ", "Ministry of "))
"""What a state's office is called by the title of its head (``Minister for Foreign Affairs``)
or by the state's usage (Australia's and Ireland's Department of Defence)."""


def office_spellings(name: str, state_names: list[str]) -> list[str]:
    """The spellings an analyst may give a state's office, as aliases: Defence or Defense,
    with or without National, Ministry of, for or Department of, the state by each of its
    names, with or without ``the``, or left unsaid (``Department of National Defense``).

    >>> office_spellings("Ministry of Defence of Czechia", ["Czechia", "Czech Republic"])[:3]
    ['Ministry of Defence of Czechia', 'Ministry of Defence of the Czechia', \
'Ministry of Defence of Czech Republic']
    """
    state = next((s for s in state_names if name.endswith(f" of {s}")), None)
    if state is None:
        return []
    office = name.removesuffix(f" of {state}")
    offices = [office]
    for old, new in SPELLINGS:
        offices += [o.replace(old, new) for o in offices if old in o]
    offices += [o.replace(" of National ", " of ") if " of National " in o else
                o.replace(" of Defen", " of National Defen") for o in list(offices)]
    offices += [o.replace(old, new, 1) for old, new in OFFICE_WORDS for o in list(offices)
                if o.startswith(old)]
    return list(dict.fromkeys([*(f"{o} of {the}{s}" for o in offices for s in state_names
                                 for the in ("", "the ")), *offices]))
