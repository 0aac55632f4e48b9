"""Command and leadership: under the command of, head of, President of, Defence Minister.

A leader's title gives LEADS the state it names (``Azerbaijani President``, ``the President
of Azerbaijan``); an office title gives COMMANDS the office of that state (``US Secretary of
State`` heads the US Department of State); a role phrase next to a body (``the head of X,
Col-Gen Y``) gives COMMANDS that body. A leader whose state is never named leads the state
the report is most about that has no leader of that title yet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from ingest.extract.facts import Entity, Extraction, Mention
from ingest.extract.gazetteer import (
    default,
    extras,
    fold_name,
    junior,
    known,
    own_offices,
    rows,
    split_list,
)
from ingest.extract.identity import SERVICE_WORDS
from ingest.extract.names import SHIPS
from ingest.extract.patterns.context import Article, Context

DEPUTY = re.compile(r"(?:Deputy|Assistant|Vice|Under)[\s-](?!Admiral|Marshal)")
DEPUTY_BEFORE = re.compile(r"\b(?:Deputy|Assistant|Under|Vice)[\s-]+(?!Admiral|Marshal)"
                           r"(?:(?:[A-Z][\w-]*|of|the|for)\s+){0,4}[A-Z][\w-]*"
                           r"(?:,\s+(?:[A-Z][\w.-]*\s+){0,3}|\s+)$")
"""A deputy's or assistant's title right before a name (``Assistant Defence Minister``,
``the Vice Chief of the Naval Staff, Vice Admiral``)."""
UNDER_COMMAND = re.compile(r"\bunder\s+the\s+(?:command|leadership|direction)\s+of\b", re.I)
ROLE = (r"(?:(?:first\s+)?deputy\s+|acting\s+|vice[\s-]+)?(?:head|chief|(?:force\s+)?commander|"
        r"(?:executive\s+)?director(?:[\s-]+general)?|"
        r"chairman|chairwoman|chair|leader|secretary[\s-]+general|president|rector|"
        r"commandant|commanding\s+(?:general|officer)|flag\s+officer\s+commanding"
        r"(?:-in-chief)?|officer\s+commanding|commander-in-chief)")
ROLE_BEFORE = re.compile(rf"\b(?P<role>{ROLE})\s+of\s+[^,;.]{{0,80}}$", re.I)
ROLE_AFTER = re.compile(rf"^,?\s+(?:the\s+|who\s+is\s+(?:also\s+)?the\s+|as\s+(?:the\s+)?)?"
                        rf"(?:(?P<role>{ROLE})\s+of\s+(?:the\s+)?|"
                        rf"(?P<bare>(?:flag|general)\s+officer\s+commanding)\s+)$", re.I)
"""Between a person and the body he holds a role of: ``X, the commander of``, and the
Commonwealth titles that name the body with no ``of`` (``X, the Flag Officer Commanding
Eastern Fleet``, ``the General Officer Commanding 3rd Division``)."""
APPOSED_BODY_ROLE = re.compile(rf"^(?:['’]s?)?\s+(?P<role>{ROLE})\s*[,.;)]", re.I)
"""After a body named in apposition to a person, the role he holds in it: ``X, the MNJTF
force commander, said``."""
OWNER_OF_OFFICE = re.compile(r"['’]s?\s+(?:[\dA-Z][\w-]*)")
"""After ``commander of the Navy``: a possessive (``the Navy's Western Fleet``) puts the
office one level down, in a body the Navy owns."""
OFFICE_GAP = re.compile(r",?\s+(?:(?:[A-Z][\w.’'-]*\.?|of|the)\s+){0,5}")
"""Between an office (``Ghana's Chief of the Defence Staff``) and its holder's name."""
RANKED_GAP = re.compile(r"\)?[\s\w’'-]{0,60},\s*(?:(?:[A-Z][\w.’'-]*\.?|of|the)\s+){0,5}")
LARGER_BODY = re.compile(r"(?:['’]s?)?\s+(?!(?:of|and|in|at|on|for|from|based|which|who|"
                         r"whose|that)\b)[a-z][\w-]*")
"""After a body in a role phrase, a noun it only qualifies (``head of the EU delegation``,
``director of Leonardo's helicopters division``): the role is of that, not of the body."""
OWNED_ROLE = re.compile(rf"(?:['’]s?)?\s+(?:(?i:new|current|outgoing|incoming)\s+)?"
                        rf"(?P<role>(?i:chief\s+of\s+(?:the\s+)?(?:(?:general|naval|air|army)\s+)?"
                        rf"staff|{ROLE}|chief\s+executive(?:\s+officer)?|managing\s+"
                        rf"director|director[\s-]+general|general\s+manager|president\s+"
                        rf"director))(?:\s+and\s+(?i:{ROLE}|managing\s+director|chief\s+"
                        rf"executive))?,?\s+(?:(?:[A-Z][\w.’'()-]*\.?|of|the)\s+){{0,5}}")
"""Between a body and the name of the one who heads it: ``Eurosam's chief executive, ``,
``MDL's chairman and managing director, Captain (retd) ``, ``TKMS chief executive ``, ``the
Italian Navy's chief of staff, Admiral ``."""
DEPUTY_ROLE = re.compile(r"(?i:(?:first\s+)?deputy|vice|acting)\b")
"""A role that is not the head's own: a deputy's, an acting one's."""
SECOND = re.compile(r"(?i:(?:first\s+)?deputy|vice)\b")
"""A deputy's role, whose holder serves in the body he does not head (an acting head heads
it)."""
SERVES = re.compile(r",?\s+who\s+(?:also\s+)?(?:serves|served|is|was|acts)\s+as\s+(?:the\s+)?",
                    re.I)
COUNTERPART = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?P<states>(?:[A-Z][\w’'-]*"
                         r"(?:,?\s+and\s+|,\s+|\s+))*)counterparts?,?\s+(?P<names>(?:[A-Z][\w.’'-]*\.?,?\s+"
                         r"(?:and\s+)?){0,8})$")
"""``her Albanian and Montenegrin counterparts, Arben Hoxha and`` before a name."""
LEADER_TITLES = ("President", "Vice President", "Prime Minister", "King", "Queen", "Emir",
                 "Crown Prince", "Sultan", "Chancellor", "Supreme Leader")
TITLE_WORDS = tuple(title.lower() for title in LEADER_TITLES)
LEADER = "|".join(LEADER_TITLES)
STATE_TITLE_PERSON = re.compile(r",\s+(?:(?:[A-Z][\w.’'-]*\.?)\s+){0,3}$")
"""Between ``the Emir of Qatar`` and the name of its holder: ``, Sheikh``."""
PERSON_TITLE_STATE = re.compile(
    rf"^,\s+(?:(?:the|who\s+is\s+(?:also\s+)?the)\s+)?(?:(?P<title>{LEADER})\s+of\s+"
    rf"(?:the\s+)?$|$)", re.I)
"""Between a person and the state he leads: ``X, the President of Y`` or ``X, Y's``."""
STATE_OWN_TITLE = re.compile(rf"['’]s?\s+(?:new\s+|current\s+)?(?P<title>{LEADER}),\s+"
                             rf"(?:(?:[A-Z][\w.’'-]*\.?)\s+){{0,3}}")
"""Between a state and its leader named after the title: ``Vanuatu's Prime Minister, ``."""
POSSESSED_TITLE = re.compile(rf"^['’]s?\s+(?:new\s+|current\s+|former\s+)?"
                             rf"(?P<title>{LEADER})\b", re.I)
"""What a sentence holds one of when ``TITLED`` can match in it."""
ORG_LEADERS = ("Secretary General", "Chairman")
TITLED = re.compile(rf"\b(?P<title>{'|'.join(LEADER_TITLES)})\s+of\s+(?:the\s+)?$")
TITLE_THEN_RANK = re.compile(r"['’]s\s+[A-Z](?:[^\W\d_]|[\s-]){0,40},\s+[A-Z](?:[^\W\d_]|[\s-])"
                             r"{0,25}\s+")
"""Between a state and its officer named after his title and rank: ``'s Minister of Defence,
Lieutenant General``."""
STATE_TITLE_SET_OFF = re.compile(r"['’]s?\s+[A-Z][\w\s-]{0,50},\s+")
"""Between a state and its officer named after his title and a comma: ``'s Deputy Minister of
National Defence, ``."""
ITS_TITLE = re.compile(r"\s+(?:[a-z]+\s+){0,4}its\s+[A-Z][\w\s-]{0,50},?\s+")
"""Between a state and the officer it is represented by: ``New Zealand by its Minister of
Defence, ``, ``Fiji was represented by its Defence Minister ``."""
KINDS = (("ministry", "ministry"), ("department", "department"), ("staff", "headquarters"),
         ("navy", "armed_forces"), ("army", "armed_forces"), ("air-force", "armed_forces"),
         ("armed-forces", "armed_forces"))


COORDINATED_TITLE = re.compile(r"\s+and\s+(?:the\s+)?[A-Z][A-Za-z\s-]{0,50}?\s+")
"""Between a titled person and the next one, titled with no state of his own, that shares
the first's: ``US Secretary of Defense X and Secretary of State Y``."""
LISTED_STATE = re.compile(r",\s+(?:who\s[^,;.]{0,60},\s+)?(?:and\s+)?$")
"""Between one office-holder of a list and the state of the next: ``X, who chairs it this
year, `` before ``Denmark's Y``."""


def _shared_title(ctx: Context, person: Mention,
                  previous: tuple[Mention, str | None] | None) -> tuple[str, str] | None:
    """The title and state of a person listed after a titled one by his state alone:
    ``Norway's Defence Minister X, Denmark's Y, Finland's Z and Sweden's W``."""
    if previous is None or previous[1] is None:
        return None
    state = next((c for c in ctx.labelled("Country") if c.role == "name" and
                  re.fullmatch(r"['’]s?\s+", ctx.text[c.end:person.start])), None)
    if state is None or not LISTED_STATE.fullmatch(ctx.text, previous[0].end, state.start):
        return None
    return previous[1], state.id


@cache
def _leaders() -> dict[str, tuple[str, str]]:
    """Heads of state and government the dictionary knows: folded name -> (state, title)."""
    found: dict[str, tuple[str, str]] = {}
    for row in rows("leaders.csv"):
        for name in (row["name"], *split_list(row["aliases"])):
            found[fold_name(name)] = (row["country"], row["title"])
    return found


def known_leader(name: str) -> tuple[str, str] | None:
    """The state and title of a head of state or government the dictionary knows by name."""
    return _leaders().get(fold_name(name))


def _known_leads(ctx: Context, person: Mention, entity: Entity) -> bool:
    """LEADS of a known head of state or government (``President Daniel Noboa``) for his own
    state, which the report names: a leader named in passing (``during Prime Minister
    Narendra Modi's visit to Colombo``) is still his state's, whatever state the sentence
    is about; none for a former holder."""
    found = known_leader(entity.name)
    if found is None or FORMER.search(ctx.text, max(ctx.sentence.start, person.start - 60),
                                      person.start):
        return False
    state, title = found
    ctx.article.person_country[person.id] = state
    if state in ctx.out.entities:
        entity.properties.setdefault("title", title)
        ctx.out.relate("LEADS", person.id, state, ctx.span, "role.known_leader", 0.75,
                       role=title)
    return True


def _country_of_title(ctx: Context, person: Mention) -> str | None:
    """The state a titled person serves: ``Azerbaijani President X``, ``President of X`` or
    ``Defence Minister X of Italy``, ``the Australian Chief of Navy, Vice Admiral X``,
    ``Fiji by its Minister for Defence, X``."""
    office = next((org for org in ctx.labelled("Organization", "Unit")
                   if org.rule == "org.office_of_title" and org.role.startswith("of:") and
                   org.end <= person.start and OFFICE_GAP.fullmatch(ctx.text, org.end,
                                                                    person.start)), None)
    if office is not None:
        return office.role[3:]
    for country in ctx.labelled("Country"):
        gap = ctx.text[country.end:person.start]
        if (0 <= len(gap) <= 45 and re.fullmatch(r"['’]?s?\s+[A-Z][\w\s-]{0,40}\s+", gap)) or \
                (len(gap) <= 60 and (TITLE_THEN_RANK.fullmatch(gap) or
                                     STATE_TITLE_SET_OFF.fullmatch(gap) or
                                     ITS_TITLE.fullmatch(gap))):
            return country.id
        gap = ctx.text[:country.start][-60:]
        if country.end <= person.start and re.search(r"\bof\s+(?:the\s+)?$", gap) and \
                person.start - country.end < 4:
            return country.id
        if person.end <= country.start and country.role == "name" and re.fullmatch(
                r"\s+of\s+(?:the\s+)?", ctx.text[person.end:country.start]):
            return country.id
    return ctx.article.person_country.get(person.id)


def roles(ctx: Context) -> None:
    """COMMANDS and LEADS read from titles, ranks and role phrases around people."""
    orgs = ctx.labelled("Organization", "Unit") + [
        m for m in ctx.labelled("Operation") if m.kind == "peacekeeping"]
    orgs.sort(key=lambda m: m.start)
    previous: tuple[Mention, str | None] | None = None
    for person in ctx.persons():
        title = person.role.removeprefix("title:") if person.role.startswith("title:") else None
        shared = _shared_title(ctx, person, previous) if title is None else None
        if shared:
            title, state = shared
            ctx.article.person_country.setdefault(person.id, state)
        elif title and previous and previous[1] and previous[0].id in ctx.article.person_country \
                and _country_of_title(ctx, person) is None and \
                not _alike(title, previous[1]) and \
                COORDINATED_TITLE.fullmatch(ctx.text, previous[0].end, person.start):
            ctx.article.person_country.setdefault(
                person.id, ctx.article.person_country[previous[0].id])
        previous = (person, title)
        ctx.keep(person)
        entity = ctx.out.entities[person.id]
        known_state = _known_leads(ctx, person, entity)
        if person.role.startswith("rank:"):
            entity.properties.setdefault("rank", person.role.removeprefix("rank:"))
        _counterpart(ctx, person)
        country = _country_of_title(ctx, person)
        if country:
            ctx.article.person_country.setdefault(person.id, country)
        if title and not FORMER.search(ctx.text, max(ctx.sentence.start, person.start - 60),
                                       person.start):
            entity.properties.setdefault("title", title)
            _titled(ctx, person, title, None if known_state and title in LEADER_TITLES
                    else country)
        _serves_as(ctx, person)
        before = [org for org in orgs if org.end <= person.start][-1:]
        after = [org for org in orgs if org.start >= person.end][:1]
        for org in before + after:
            _role_phrase(ctx, person, org, title)
        _possessed_role(ctx, person, orgs)
        _described_body_role(ctx, person)
        _carrier_role(ctx, person)
    _title_of_state(ctx)
    _apposed_leaders(ctx)


def _office_kind(title: str) -> str | None:
    """The kind of office a title heads, whatever a state calls it (``Defense Secretary``
    and ``Defence Minister`` both head defence): one state has one head of each, so two
    people titled alike in a pair (``Philippine Defense Secretary X and Defense Minister Y``)
    are of two states."""
    target = extras().get(("Title", title))
    if target is None or target in ("country", "organization"):
        return None
    return re.sub(r"^(?:ministry|department)-of-(?:the-)?", "", target).replace("defense",
                                                                                "defence")


def _alike(title: str, other: str) -> bool:
    """Whether two titles head the same kind of office (see ``_office_kind``)."""
    kind = _office_kind(title)
    return kind is not None and kind == _office_kind(other)


def _apposed_leaders(ctx: Context) -> None:
    """LEADS from a leader's title and his state in apposition: ``the Emir of Qatar, Sheikh
    Tamim``, ``X, the President of Kenya``, ``X, Kenya's president``."""
    if not ctx.says(*TITLE_WORDS):
        return
    for person in ctx.persons():
        if known_leader(person.name):
            continue
        for country in ctx.labelled("Country"):
            if country.role == "qualifier":
                continue
            title = None
            if country.end <= person.start:
                titled = TITLED.search(ctx.text, max(ctx.sentence.start, country.start - 40),
                                       country.start)
                owned = STATE_OWN_TITLE.fullmatch(ctx.text, country.end, person.start)
                if titled and STATE_TITLE_PERSON.fullmatch(ctx.text, country.end, person.start):
                    title = titled["title"]
                elif owned:
                    title = owned["title"]
            elif person.end <= country.start:
                gap = PERSON_TITLE_STATE.match(ctx.text[person.end:country.start])
                possessed = POSSESSED_TITLE.match(ctx.text, country.end, ctx.sentence.end)
                owned = re.match(r"['’]s?\s", ctx.text[country.end:country.end + 3])
                if gap and gap["title"] and not owned:
                    title = gap["title"]
                elif gap and possessed and country.role == "name":
                    title = possessed["title"]
            if title is None:
                continue
            title = next(t for t in LEADER_TITLES if t.lower() == title.lower())
            ctx.keep(person)
            ctx.out.entities[person.id].properties.setdefault("title", title)
            ctx.article.person_country.setdefault(person.id, country.id)
            ctx.out.relate("LEADS", person.id, country.id, ctx.span, "role.leader_apposition",
                           0.75, role=title)


FORMER = re.compile(r"\b(?i:former|ex-)\s*(?:[A-Z][\w’'-]*\s+){1,5}$")
"""Before a title and name: a holder who no longer holds it (``former Kenyan President``)."""


def _titled(ctx: Context, person: Mention, title: str, country: str | None) -> None:
    """LEADS for a leader's title, COMMANDS of the office an office title names (none for
    a former holder: ``former Kenyan President X``)."""
    if title in LEADER_TITLES and country and country in ctx.out.entities:
        ctx.out.relate("LEADS", person.id, country, ctx.span, "role.leader_title", 0.75,
                       role=title)
    target = extras().get(("Title", title))
    if country is None:
        held = _held(ctx, person, title)
        country = next((state for state in (
            _service_state(ctx, target), _sentence_state(ctx, person, held),
            ctx.article.dateline, ctx.article.home,
            _sentence_state(ctx, person, held, owned=True),
            _sentence_state(ctx, person, held, owned=True, demonym=True)) if state and
            state not in held), None)
    if target and country and target not in ("country", "organization"):
        office = office_of(ctx.out, country, target, person.span)
        if office and (_deputy(ctx, person, title) or junior(country, title)):
            ctx.out.relate("MEMBER_OF", person.id, office, ctx.span, "role.deputy_title", 0.6,
                           role=title)
        elif office:
            ctx.out.relate("COMMANDS", person.id, office, ctx.span, "role.office_title", 0.7,
                           role=title)


NOT_OWN_STATE = re.compile(r"\b(?:visits?|trip|travel(?:led|ed)?|came|went|flew)\s+to\s+"
                           r"(?:the\s+)?$")
"""Before a state a titled person went to: it is not his (``a visit to France by Defence
Minister X``)."""
ATTRIBUTIVE = re.compile(r"\b(?:(?:a|an)\s+(?:[a-z]+\s+)?|the\s+[a-z]+\s+)$")
"""Before a state's name that only qualifies a noun: ``a permanent US base``."""


def _held(ctx: Context, person: Mention, title: str) -> frozenset[str]:
    """The states whose office of this title's kind another person already named holds:
    not a bare title's state (``Türkiye's Minister of National Defence, X ... held talks
    with Defence Minister Y``: Y is not Türkiye's)."""
    held = {state for other, state in ctx.article.person_country.items() if other != person.id
            and other in ctx.out.entities and
            _alike(title, ctx.out.entities[other].properties.get("title") or "")}
    return frozenset(held | _visited(ctx, person) | _counterparts_state(ctx, person))


HIS_COUNTERPART = re.compile(r",?\s+(?:and|with|met|meets|welcomed|received|hosted)\s+"
                             r"(?:his|her)\s+$")
"""Between a person and the state of his counterpart: ``X and his Danish counterpart``."""


def _counterparts_state(ctx: Context, person: Mention) -> set[str]:
    """The state of the counterpart a person is said to meet or act with (``Defence Minister
    X and his Danish counterpart, Y``): a counterpart is of another state, so not his."""
    return {c.id for c in ctx.labelled("Country") if c.start > person.end and
            HIS_COUNTERPART.fullmatch(ctx.text, person.end, c.start) and
            re.match(r"\s+counterparts?\b", ctx.text[c.end:c.end + 14])}


VISIT_TO = re.compile(r"\b(?:visits?|trip|tour|travel(?:led|ed)?|flew|arrived)\s+(?:to|in)\s+"
                      r"(?:the\s+)?$")
"""Before a state a person after his name goes to: ``X announced during a one-day visit to
the Fijian capital``."""


def _visited(ctx: Context, person: Mention) -> set[str]:
    """The states the sentence says a titled person goes to after his name, before any
    other person is named (who may be the one going): not his own."""
    end = min((p.start for p in ctx.persons() if p.start >= person.end), default=len(ctx.text))
    return {c.id for c in ctx.labelled("Country") if person.end <= c.start < end and
            VISIT_TO.search(ctx.text, max(person.end, c.start - 40), c.start)}


SIGNED_IN = re.compile(r"\bsign(?:ed|ing)\s+(?:[\w-]+\s+){0,3}in\s+$")
"""Before the city a signing took place in: one side signs abroad, so it tells no signer's
state (``signed in New Delhi by Deputy Defence Minister X``)."""


def _capitals(ctx: Context) -> list[Mention]:
    """The sentence's capitals named as places, as their states (``The contingent was seen
    off in Montevideo by the Minister``): an official at home in his capital is of its
    state; not a state the sentence has someone visit, nor where a signing was."""
    visited = {c.id for c in ctx.labelled("Country") if c.role != "capital" and
               NOT_OWN_STATE.search(ctx.text, max(0, c.start - 30), c.start)}
    return [replace(m, label="Country", id=m.role[3:], role="capital")
            for m in ctx.labelled("Location") if m.role.startswith("in:") and
            m.role[3:] not in visited and
            not SIGNED_IN.search(ctx.text, max(0, m.start - 40), m.start) and
            any(h.label == "Country" and h.role == "capital" and h.id == m.role[3:]
                for h in default().find(m.text))]


def _sentence_state(ctx: Context, person: Mention, held: frozenset[str] = frozenset(),
                    owned: bool = False, demonym: bool = False) -> str | None:
    """The state of a titled person given no state: the one the sentence names last before
    him, by name or capital, that is no other's (``Cambodia's minister``, ``Malaysian``) and
    not one he went to (``Indonesia signed during a visit to France by Defence Minister X``);
    one named after him is mostly his partner (``Defence Minister X thanked India``). With
    ``owned``, one owning a word counts too (``Somalia's delegation, led by Defence Minister
    X``): the last resort when the others' offices are held; with ``demonym``, a state
    named by its people too (``the German-Danish declaration signed by Defence Minister X
    and his Danish counterpart``). None of ``held`` (see ``_held``)."""
    roles = ("name", "capital", "demonym") if demonym else ("name", "capital")
    found = [c for c in ctx.labelled("Country") + _capitals(ctx) if c.role in roles and
             c.end <= person.start and c.id not in held and
             (owned or not re.match(r"['’]", ctx.text[c.end:c.end + 1])) and
             not NOT_OWN_STATE.search(ctx.text, max(0, c.start - 30), c.start) and
             not ATTRIBUTIVE.search(ctx.text, max(0, c.start - 20), c.start)]
    nearest = min(found, key=lambda c: abs(c.start - person.start), default=None)
    return nearest.id if nearest else None


def _deputy(ctx: Context, person: Mention, title: str) -> bool:
    """A deputy's or an assistant's title (``Deputy Defence Minister X``): a member of the
    office, not its head."""
    return bool(DEPUTY.match(title) or DEPUTY_BEFORE.search(
        ctx.text, max(ctx.sentence.start, person.start - 60), person.start))


def _service_state(ctx: Context, target: str | None) -> str | None:
    """The state of the one service of a chief's kind the sentence names: ``Chief of Navy X
    opened the drills of the Royal Malaysian Navy`` is Malaysia's."""
    words = SERVICE_WORDS.get(target or "")
    if not words:
        return None
    states = {state.id for body in ctx.labelled("Unit", "Organization")
              if any(word in body.name for word in words)
              for state in ctx.labelled("Country")
              if state.role == "qualifier" and body.start <= state.start < body.end}
    return states.pop() if len(states) == 1 else None


def office_of(out: Extraction, country: str, target: str, span: tuple[int, int]) -> str | None:
    """The id of a state's office an office title names, added when not yet named."""
    office = f"{country.lower()}-{target}"
    state = out.entities.get(country)
    if office not in out.entities and state is not None:
        kind = next((k for word, k in KINDS if word in target), "agency")
        name = " ".join(w if w in ("of", "and") else w.capitalize() for w in target.split("-"))
        name = own_offices().get(office) or known("Organization").get(
            office, f"{name} of {state.name}")
        out.entities[office] = Entity(office, "Organization", name,
                                      properties={"kind": kind}, spans=[span],
                                      rule="role.office", confidence=0.5)
        out.relate("PART_OF", office, country, span, "role.office", 0.5)
    return office if office in out.entities else None


def _serves_as(ctx: Context, person: Mention) -> None:
    """``X, who also serves as the Supreme Commander-in-Chief``: a second office."""
    serves = SERVES.match(ctx.text, person.end, ctx.sentence.end)
    if not serves:
        return
    hits = default().find(ctx.text[serves.end():min(ctx.sentence.end, serves.end() + 60)])
    title = next((m for m in hits if m.label == "Title" and m.start == 0), None)
    country = ctx.article.person_country.get(person.id, ctx.article.home)
    if title is None or country is None:
        return
    target = extras().get(("Title", title.id))
    if target and target not in ("country", "organization"):
        office = office_of(ctx.out, country, target, (serves.end(), serves.end() + title.end))
        if office:
            ctx.out.relate("COMMANDS", person.id, office, ctx.span, "role.serves_as", 0.65,
                           role=title.name)


def _counterpart(ctx: Context, person: Mention) -> None:
    """``his Romanian counterpart, Mihai Stanciu``, ``her Albanian and Montenegrin
    counterparts, A and B``: the same office as the person they are the counterparts of, in
    the state named for each (in order), or whose like body the sentence names."""
    match = COUNTERPART.search(ctx.text, max(ctx.sentence.start, person.start - 120),
                               person.start)
    if match is None:
        return
    states = [m.id for m in ctx.labelled("Country")
              if match.start("states") <= m.start < match.end("states")]
    before = [p for p in ctx.persons() if match.start("names") <= p.start < person.start]
    state = states[min(len(before), len(states) - 1)] if states else None
    if state is not None:
        ctx.article.person_country.setdefault(person.id, state)
    offices = [r.target for r in ctx.out.relations.values() if r.type == "COMMANDS" and
               r.source != person.id and ctx.out.entities[r.source].label == "Person" and
               ctx.out.entities[r.target].properties.get("kind") in ("ministry", "department")]
    if not offices:
        return
    office = ctx.out.entities[offices[-1]]
    if state is not None:
        target = office.id.split("-", 1)[1]
        made = office_of(ctx.out, state, target, person.span)
        if made:
            ctx.out.relate("COMMANDS", person.id, made, ctx.span, "role.counterpart", 0.55)
        return
    word = office.id.split("-")[-1]
    for entity in ctx.out.entities.values():
        if entity.id != office.id and entity.properties.get("kind") == office.properties.get(
                "kind") and entity.id.endswith(word) and \
                any(m.id == entity.id for m in ctx.mentions):
            ctx.out.relate("COMMANDS", person.id, entity.id, ctx.span, "role.counterpart", 0.55)
            return


def _role_phrase(ctx: Context, person: Mention, org: Mention, title: str | None) -> None:
    """COMMANDS when the words between a person and an organisation name a role."""
    if org.end <= person.start:
        gap = ctx.text[org.end:person.start]
        before = ctx.text[max(ctx.sentence.start, org.start - 140):org.start]
        role = ROLE_BEFORE.search(before)
        if org.rule == "org.office_of_title" and OFFICE_GAP.fullmatch(gap):
            _office_holder(ctx, person, org)
        elif len(gap) < 80 and UNDER_COMMAND.search(gap):
            _commands(ctx, person, org, "role.under_command", 0.75, None)
        elif role and RANKED_GAP.fullmatch(gap) and not LARGER_BODY.match(gap):
            _heads_or_serves(ctx, person, _role_object(ctx, org, org.start - len(before) +
                                                       role.end("role")), role["role"])
        elif title in ORG_LEADERS and re.fullmatch(r"(?:['’]s)?\s+", gap):
            _commands(ctx, person, org, "role.org_title", 0.7, title)
        elif (owned := OWNED_ROLE.fullmatch(gap)) and not DEPUTY_ROLE.match(owned["role"]):
            _commands(ctx, person, org, "role.owned_role", 0.65, owned["role"])
        return
    gap = ctx.text[person.end:org.start]
    role = ROLE_AFTER.match(gap)
    if role and not OWNER_OF_OFFICE.match(ctx.after(org, 6)):
        _heads_or_serves(ctx, person, org, role["role"] or role["bare"])
        for other in _coordinated(ctx, org):
            _heads_or_serves(ctx, person, other, role["role"] or role["bare"], 0.65)
    elif re.fullmatch(r",\s+the\s+", gap) and \
            (apposed := APPOSED_BODY_ROLE.match(ctx.text, org.end, ctx.sentence.end)):
        _heads_or_serves(ctx, person, org, apposed["role"])
    elif org.rule == "org.office_of_title" and re.fullmatch(r",\s+(?:the\s+)?", gap) and \
            not any(other.start >= org.end and OFFICE_GAP.fullmatch(ctx.text, org.end,
                                                                   other.start)
                    for other in ctx.persons()):
        _office_holder(ctx, person, org)


STAFF_TITLE = re.compile(r"\bStaff\b")
"""A staff in a head's title (``Chief of Defence Staff of the RDF``): the title of the
forces' head, whose body is the one named after it."""


def _role_object(ctx: Context, org: Mention, after: int) -> Mention:
    """The body a role phrase ending at ``after`` is of: the first one named after it when
    ``org`` only follows that one's ``of`` (``head of the Border Service of Kyrgyzstan's
    State Committee for National Security``: the Border Service, however much of it the
    name ``Border Service of Kyrgyzstan`` takes in), else ``org``."""
    first = next((m for m in ctx.labelled("Organization", "Unit") if after <= m.start and
                  m.end <= org.start and m.role != "qualifier"), None)
    if first is not None and STAFF_TITLE.search(first.text):
        return org
    between = ctx.text[first.end:org.start] if first is not None else ""
    if first is not None and (re.match(r"\s+of\s", between) or (
            " of " in first.text and re.fullmatch(r"['’]s?\s+", between))):
        return first
    return org


def _heads_or_serves(ctx: Context, person: Mention, org: Mention, role: str,
                     confidence: float = 0.7) -> None:
    """COMMANDS of the body a role phrase names (``the commander of X, General Y``); a
    deputy's role (``the deputy commander of X``) makes a member of it, not its head."""
    if not SECOND.match(role):
        _commands(ctx, person, org, "role.head_of", confidence, role)
    elif org.label == "Organization":
        ctx.keep(org)
        ctx.out.relate("MEMBER_OF", person.id, org.id, ctx.span, "role.deputy_of",
                       confidence - 0.1, role=" ".join(role.lower().split()))


def _office_holder(ctx: Context, person: Mention, org: Mention) -> None:
    """COMMANDS of the office an office title names (``Latvia's Defence Minister``); a
    deputy's (``Saudi Arabia's Deputy Defence Minister``) makes a member of it."""
    title = next((m.id for m in default().find(org.text) if m.label == "Title"), None)
    if DEPUTY.search(org.text) or (title and DEPUTY.match(title)) or \
            junior(org.role.removeprefix("of:"), title):
        ctx.keep(org)
        ctx.out.relate("MEMBER_OF", person.id, org.id, ctx.span, "role.deputy_title", 0.6)
    else:
        _commands(ctx, person, org, "role.office_title", 0.7, None)


POSSESSED_ROLE = re.compile(rf"\b(?i:(?:its|whose)\s+(?:new\s+)?(?P<role>{ROLE}|chief\s+executive|"
                            rf"managing\s+director))\s*,\s+(?:(?:[A-Z][\w.’'-]*\.?|of|the)\s+)"
                            rf"{{0,5}}$")
"""A role owned by a body named before: ``run by X and led by its commander, General``."""


def _possessed_role(ctx: Context, person: Mention, orgs: list[Mention]) -> None:
    """``the Armament Agency's headquarters, by its head, Major General X``, ``the 15th
    Brigade, based in Giżycko, whose commander, Colonel X``: COMMANDS of the body last named
    before the role, when no state comes between to own it instead."""
    role = POSSESSED_ROLE.search(ctx.text, max(ctx.sentence.start, person.start - 80),
                                 person.start)
    if role is None or DEPUTY.match(role["role"]):
        return
    at = role.start()
    owner = [m for m in orgs if m.end <= at and m.role != "qualifier"][-1:]
    if not owner and not ctx.text[ctx.sentence.start:at].strip():
        subject = _opening_body(ctx)
        if subject is not None:
            ctx.out.relate("COMMANDS", person.id, subject.id, ctx.span, "role.opening_body",
                           0.55, role=" ".join(role["role"].lower().split()))
        return
    if not owner or any(owner[0].end <= m.start < at and m.role != "qualifier"
                        for m in ctx.labelled("Country", "Person")):
        return
    _commands(ctx, person, owner[0], "role.possessed", 0.6, role["role"])


SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])|\n")
OPENING = re.compile(r"\s*(?:The\s+)?(?:[^.,;:()]{0,60}?['’]s\s+)?")
"""Before the body a sentence opens on, as its subject: ``The Philippine Army's``."""


def _opening_body(ctx: Context) -> Entity | None:
    """The body the sentence before this one opens on (``The Air Force's Air Logistics
    Command will oversee it.``), which a sentence opening on ``Its commander, X`` is about;
    none when that sentence opens on anything else (``The mobile training team, drawn from
    the 6th Battalion``)."""
    end = ctx.sentence.start
    breaks = [m.end() for m in SENTENCE_END.finditer(ctx.text, max(0, end - 400), end - 1)]
    start = breaks[-1] if breaks else max(0, end - 400)
    spans = sorted((span, entity.id) for entity in ctx.out.entities.values()
                   if entity.label in ("Organization", "Unit")
                   for span in entity.spans if start <= span[0] < end)
    head = next(((first, found) for (first, last), found in spans
                 if ctx.text[last:last + 2] not in ("'s", "’s")), None)
    if head is None or not OPENING.fullmatch(ctx.text, start, head[0]):
        return None
    return ctx.out.entities[head[1]]


BODY_NOUN = (r"(?P<noun>brigade|battalion|regiment|division|fleet|squadron|flotilla|"
             r"contingent|centre|center|directorate|academy|college|agency|command)")
BODY_ROLE = (r"(?P<role>commander|commanding\s+officer|head|chief|director|commandant|"
             r"chief\s+executive)")
BODY_ROLE_BEFORE = re.compile(rf"\b(?i:the)\s+(?i:{BODY_NOUN}(?:['’]s)?\s+(?:(?:first|new|current)"
                              rf"\s+)?{BODY_ROLE})\s*,\s+(?:[A-Z][\w.’'()-]*\.?\s+){{0,5}}$")
BODY_ROLE_AFTER = re.compile(rf",\s+the\s+{BODY_NOUN}['’]s\s+(?:(?:first|new|current)\s+)?"
                             rf"{BODY_ROLE}\b", re.I)
"""Around a name, a role of a body the report named before by the noun it ends in: ``the
brigade commander, Brig. Gen. X``, ``X, the directorate's head``."""


def _described_body_role(ctx: Context, person: Mention) -> None:
    """COMMANDS of the body ``the brigade`` stands for: the last one named before the
    sentence whose name has that noun."""
    role = BODY_ROLE_BEFORE.search(ctx.text, max(ctx.sentence.start, person.start - 90),
                                   person.start) or \
        BODY_ROLE_AFTER.match(ctx.text, person.end, ctx.sentence.end)
    if role is None:
        return
    noun = role["noun"].lower().replace("center", "centre")
    bodies = [e for e in ctx.out.entities.values()
              if e.label in ("Organization", "Unit") and e.spans and
              min(s for s, _ in e.spans) < ctx.sentence.start and
              noun in e.name.lower().replace("center", "centre")]
    if not bodies:
        return
    body = max(bodies, key=lambda e: max(s for s, _ in e.spans if s < ctx.sentence.start))
    ctx.out.relate("COMMANDS", person.id, body.id, ctx.span, "role.described_body", 0.55,
                   role=" ".join(role["role"].lower().split()))


CARRIER = r"(?P<noun>ship|vessel|frigate|destroyer|corvette|submarine|mission)"
CARRIER_ROLE = r"(?P<role>commanding\s+officer|(?:force\s+)?commander|captain|head)"
CARRIER_BEFORE = re.compile(rf"\b(?i:the)\s+(?i:{CARRIER}['’]s\s+(?:new\s+|current\s+)?"
                            rf"{CARRIER_ROLE})\s*,\s+(?:[A-Z][\w.’'()-]*\.?\s+){{0,5}}$")
CARRIER_AFTER = re.compile(rf",\s+(?:who\s+is\s+)?the\s+{CARRIER}['’]s\s+(?:new\s+|current\s+)?"
                           rf"{CARRIER_ROLE}\b", re.I)
"""Around a name, the head of a ship or mission the report named before and now calls by
what it is: ``The ship's commanding officer, Commander X``, ``with the mission's head, Y``,
``X, who is the mission's commander``."""


def _carrier_role(ctx: Context, person: Mention) -> None:
    """COMMANDS of the ship or mission ``the ship's``/``the mission's`` stands for: the last
    one named before the person (a ship by its prefix, a mission by its name)."""
    role = CARRIER_BEFORE.search(ctx.text, max(ctx.sentence.start, person.start - 90),
                                 person.start) or \
        CARRIER_AFTER.match(ctx.text, person.end, ctx.sentence.end)
    if role is None:
        return
    mission = role["noun"].lower() == "mission"
    carriers = [(max(s for s, _ in e.spans if s < person.start), e.id)
                for e in ctx.out.entities.values()
                if any(s < person.start for s, _ in e.spans) and (
                    (e.label == "Operation" and "mission" in e.name.lower()) if mission else
                    (e.label == "Unit" and (e.properties.get("kind") == "ship" or
                                            e.rule == "unit.ship" or
                                            e.name.split()[0] in SHIPS)))]
    if carriers:
        ctx.out.relate("COMMANDS", person.id, max(carriers)[1], ctx.span, "role.carrier",
                       0.55, role=" ".join(role["role"].lower().split()))


def _coordinated(ctx: Context, org: Mention) -> list[Mention]:
    """Bodies joined to ``org`` by ``and``: ``commander of X and the Y``."""
    found, last = [], org
    for mention in ctx.labelled("Organization", "Unit"):
        if mention.start < last.end or mention.role == "qualifier":
            continue
        if not re.fullmatch(r"\s+and\s+(?:the\s+)?(?:[A-Z]{2,}\s+)?", ctx.text[last.end:
                                                                              mention.start]):
            break
        found.append(mention)
        last = mention
    return found


def _commands(ctx: Context, person: Mention, org: Mention, rule: str, confidence: float,
              role: str | None) -> None:
    """COMMANDS an organisation or unit; LEADS an alliance or international body whose
    secretary general or chair the person is."""
    ctx.keep(org)
    if org.role.startswith("of:"):
        ctx.article.person_country.setdefault(person.id, org.role[3:])
    lowered = (role or "").lower()
    leads = org.kind in ("alliance", "international_organization", "forum", "coalition") and \
        any(word in lowered for word in ("secretary", "chair", "president", "leader"))
    ctx.out.relate("LEADS" if leads else "COMMANDS", person.id, org.id, ctx.span, rule,
                   confidence, role=" ".join(lowered.split()) or None)


def _title_of_state(ctx: Context) -> None:
    """``the President of Azerbaijan said``: the titled person already named leads it."""
    if not ctx.says(*TITLE_WORDS):
        return
    people = {m.start for m in ctx.persons()}
    for country in ctx.labelled("Country"):
        match = TITLED.search(ctx.text, max(ctx.sentence.start, country.start - 40),
                              country.start)
        if match is None or any(country.end <= at <= country.end + 2 for at in people):
            continue
        for person, entity in ctx.out.entities.items():
            if entity.label == "Person" and entity.properties.get("title") == match["title"] \
                    and ctx.article.person_country.get(person, country.id) == country.id:
                ctx.article.person_country[person] = country.id
                ctx.out.relate("LEADS", person, country.id, ctx.span, "role.title_of_state",
                               0.6, role=match["title"])
                break


def _hosts_met(out: Extraction, person: str) -> list[str]:
    """The states that hosted meetings ``person`` took part in."""
    met = {r.target for r in out.relations.values()
           if r.source == person and r.type == "PARTICIPATED_IN"}
    return list(dict.fromkeys(r.source if r.type == "HOSTED" else r.target
                              for r in out.relations.values()
                              if (r.type == "HOSTED" and r.target in met) or
                              (r.type == "HELD_IN" and r.source in met and
                               out.entities[r.target].label == "Country")))


def _guests_met(article: Article, out: Extraction, person: str) -> set[str]:
    """The states of the people ``person`` met: a leader receiving a visiting minister does
    not lead the minister's state."""
    met = {r.target for r in out.relations.values()
           if r.source == person and r.type == "PARTICIPATED_IN"
           and out.entities[r.target].label == "Meeting"}
    return {article.person_country[r.source] for r in out.relations.values()
            if r.type == "PARTICIPATED_IN" and r.target in met and r.source != person
            and r.source in article.person_country}


VISIT_OF = re.compile(r"\bvisit\s+of\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
"""Before a leader's name, a visit he pays: ``the state visit of Emir``."""
VISIT_AFTER = re.compile(r"(?:['’]s\s+(?:[\w-]+\s+){0,2}visit|\s+visited|\s+visits)\s+"
                         r"(?:to\s+|in\s+)?(?:the\s+)?$")
"""Between a leader's name and the place he visits: ``Modi's visit to``, ``X visited``."""
VISIT_TO_AFTER = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?$")
"""Between ``the visit of X`` and the place visited: `` to ``."""


def _visits(out: Extraction, person: str, mentions: list[Mention]) -> set[str]:
    """The states a leader is said to visit, by name or capital (``the state visit of Emir X
    to Paris``, ``during Prime Minister X's visit to Colombo``): a visitor does not lead
    the state he visits."""
    found = set()
    for start, end in out.entities[person].spans:
        before = VISIT_OF.search(out.text, max(0, start - 60), start) is not None
        place = next((m for m in mentions if m.label in ("Country", "Location") and
                      end < m.start <= end + 40), None)
        if place is None:
            continue
        state = place.id if place.label == "Country" else place.role.removeprefix("in:") \
            if place.role.startswith("in:") else None
        gap = (VISIT_TO_AFTER if before else VISIT_AFTER).fullmatch(out.text, end, place.start)
        if gap is not None and state:
            found.add(state)
    return found


def leaders(article: Article, out: Extraction, mentions: list[Mention]) -> None:
    """Leaders whose state the report never names lead the state whose meeting they joined,
    else the state of the report's dateline city (a local report's bare ``President X`` is
    its own), else the state it is most about, else the states it names most, one leader per
    title and state, with a low confidence."""
    counts = Counter(m.id for m in mentions if m.label == "Country")
    leads = [r for r in out.relations.values() if r.type == "LEADS"]
    led = {(out.entities[r.source].properties.get("title"), r.target) for r in leads}
    surnames = {out.entities[r.source].name.split()[-1] for r in leads}
    for person, entity in out.entities.items():
        title = entity.properties.get("title")
        if entity.label != "Person" or title not in LEADER_TITLES or \
                entity.name.split()[-1] in surnames or known_leader(entity.name):
            continue
        hosts = _hosts_met(out, person)
        guests = _guests_met(article, out, person) | _visits(out, person, mentions)
        home = [state for state in dict.fromkeys((article.dateline, article.home))
                if state and state not in guests]
        state = next((c for c in [*hosts, *home, *(c for c, _ in counts.most_common(2)
                                                   if c not in guests)]
                      if (title, c) not in led), None)
        if state is None:
            continue
        led.add((title, state))
        article.person_country.setdefault(person, state)
        out.relate("LEADS", person, state, entity.spans[0], "role.home_leader", 0.4,
                   role=title)
