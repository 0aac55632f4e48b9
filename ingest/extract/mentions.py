"""All mentions of one report: dictionary hits, people, named phrases and forces, resolved
into one non-overlapping list with stable ids (qualifying countries kept apart)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ingest.extract import names
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.patterns.context import LOCATIVE
from ingest.extract.sentences import Sentence
from ingest.extract.slugs import slug

ENTITY_LABELS = ("Country", "Person", "Organization", "Unit", "Exercise", "Program",
                 "Agreement", "Operation", "Meeting", "Location")
NATIONAL = ("ministry", "department", "agency", "armed_forces", "command", "headquarters",
            "academy", "government", "corps", "formation", "naval_forces", "commando",
            "special_forces", "units")


def _inside(mention: Mention, sentences: list[Sentence]) -> bool:
    return any(s.start <= mention.start and mention.end <= s.end for s in sentences)


def _people(text: str, hits: list[Mention]) -> list[Mention]:
    """People after ranks and titles or in appositions, then their later mentions."""
    found = [*names.persons(text, hits), *names.appositives(text)]
    full = {m.name: m for m in found if len(m.name.split()) > 1}
    by_surname = {name.split()[-1]: m for name, m in full.items()}
    resolved = []
    for mention in found:
        if mention.name in full:
            resolved.append(mention)
        elif mention.name in by_surname:
            whole = by_surname[mention.name]
            resolved.append(replace(mention, id=whole.id, name=whole.name, confidence=0.7))
    for surface, whole in [*full.items(), *by_surname.items()]:
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            resolved.append(Mention(match.start(), match.end(), surface, "Person", whole.id,
                                    whole.name, rule="person.repeat", confidence=0.6))
    return resolved


def _qualified(text: str, phrase: Mention, countries: list[Mention]) -> Mention:
    """A national organisation's phrase given its state: id ``aze-ministry-of-defence``."""
    if phrase.label not in ("Organization", "Unit") or phrase.kind not in NATIONAL:
        return phrase
    core, state = phrase.text, None
    for country in countries:
        if country.start == phrase.start and country.end < phrase.end:
            core, state = text[country.end:phrase.end].strip(), country
        elif country.end <= phrase.start and re.fullmatch(r"['’]s\s+(?:the\s+)?",
                                                          text[country.end:phrase.start]):
            state = country
        elif phrase.start < country.start and country.end == phrase.end and \
                re.search(r"\bof\s+(?:the\s+)?$", text[phrase.start:country.start]):
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


def _capital(text: str, mention: Mention) -> Mention:
    """A capital is a city after in/at/near, else it stands for its state (Ankara = Türkiye)."""
    if mention.role != "capital" or not LOCATIVE.search(text[max(0, mention.start - 40):
                                                            mention.start]):
        return mention
    return replace(mention, label="Location", id=slug(mention.text), name=mention.text,
                   kind="city", role=f"in:{mention.id}")


def _choose(candidates: Iterable[Mention]) -> list[Mention]:
    """Longest first, no overlaps; countries inside a chosen phrase kept as qualifiers."""
    chosen: list[Mention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), -m.confidence)):
        overlapping = [m for m in chosen if mention.start < m.end and m.start < mention.end]
        if not overlapping:
            chosen.append(mention)
        elif mention.label == "Country" and all(
                m.start <= mention.start and mention.end <= m.end for m in overlapping):
            chosen.append(replace(mention, role="qualifier"))
    return sorted(chosen, key=lambda m: (m.start, m.role == "qualifier"))


def resolve_mentions(text: str, sentences: list[Sentence], gazetteer: Gazetteer) -> list[Mention]:
    """Every entity mention in the report's sentences, resolved and ordered."""
    hits = gazetteer.find(text)
    countries = [m for m in hits if m.label == "Country"]
    body = [s for s in sentences if not s.heading]
    phrases = [_qualified(text, m, countries) for s in body
               for m in names.phrases(text, s.start, s.end)]
    candidates = [
        *_people(text, hits), *names.armed_forces(text, countries), *phrases,
        *names.cities(text, countries),
        *(_capital(text, m) for m in hits if m.label in ENTITY_LABELS),
    ]
    home = Counter(m.id for m in countries if _inside(m, sentences)).most_common(1)
    chosen = []
    for mention in _choose(m for m in candidates if _inside(m, sentences)):
        if mention.label in ("Organization", "Unit") and mention.kind == "ministry" \
                and not mention.role.startswith("of:") and home:
            state = gazetteer.country(home[0][0])
            mention = replace(mention, id=f"{home[0][0].lower()}-{mention.id}",
                              name=f"{mention.name} of {state.name if state else home[0][0]}",
                              role=f"of:{home[0][0]}", confidence=0.5)
        chosen.append(mention)
    return _unify(chosen)


def _unify(mentions: list[Mention]) -> list[Mention]:
    """An unqualified national body takes the id of the same body named with its state."""
    qualified = {m.id.split("-", 1)[1]: m for m in mentions
                 if m.role.startswith("of:") and "-" in m.id}
    return [replace(m, id=qualified[m.id].id, name=qualified[m.id].name,
                    role=qualified[m.id].role)
            if m.id in qualified and not m.role.startswith("of:") else m for m in mentions]
