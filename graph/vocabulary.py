"""The milcoop vocabulary: node labels, relationship types and their allowed endpoints.

Declared once here and read everywhere else: fact validation, both stores, the Cypher
whitelist, the map legend and the README table. Nothing that comes from input text may
name a label or a relationship type unless it is found in this module first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.errors import VocabularyError

COMMON_NODE_PROPERTIES = ("id", "name", "aliases", "description")
"""Every node may carry these; ``id`` and ``name`` are required."""

PROVENANCE_PROPERTIES = ("sources", "evidence")
"""Filled by the graph builder on every node and edge, never written by hand."""

EDGE_PROPERTIES = ("since", "until", "date", "role", "field", "note")
"""Properties any relationship may carry (dates are ISO strings at the known precision)."""

LIST_PROPERTIES = ("aliases", "field")
"""Properties holding lists that merge by union when a fact is seen again in another report."""

DATE_PROPERTIES = ("date", "start", "end", "since", "until", "published")
"""Properties whose values are ISO dates at the precision known: 2023, 2023-10, 2023-10-23."""


@dataclass(frozen=True)
class Label:
    """A node label, the properties it may carry, and its event code if it is an event."""

    name: str
    description: str
    properties: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    cameo: str | None = None
    kind_cameo: dict[str, str | None] = field(default_factory=dict)
    colour: str = "#97c2fc"
    shape: str = "dot"
    tie: str | None = None
    """The kind of country tie two countries make by joining a node of this label (an
    exercise, program, agreement, meeting or operation both take part in); None otherwise."""

    @property
    def allowed_properties(self) -> tuple[str, ...]:
        """All property names a node of this label may carry in a facts file."""
        return COMMON_NODE_PROPERTIES + self.properties + (("kind",) if self.kinds else ())

    def cameo_for(self, kind: str | None) -> str | None:
        """The CAMEO code of an event of this label and kind (None for non-events)."""
        return self.kind_cameo.get(kind or "", self.cameo)


@dataclass(frozen=True)
class RelType:
    """A relationship type with its allowed endpoints and nearest CAMEO event code."""

    name: str
    description: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    cameo: str | None
    cameo_name: str
    symmetric: bool = False
    colour: str = "#848484"
    joins: bool = False
    """Whether its source joins its target: actors joined to one event, program or agreement
    by such types share it, which ties their countries."""
    tie: str | None = None
    """The kind of country tie it makes directly between its ends' countries, if any."""
    upward: tuple[str, ...] = ()
    """The labels of sources it carries up to their country (an official to the state he
    leads, a unit to the army it is part of): how an actor's country is found."""
    hostile: bool = False
    """Whether it states hostility: no cooperation path runs through it."""

    def allows(self, source_label: str, target_label: str) -> bool:
        """True when this type may link a ``source_label`` node to a ``target_label`` node."""
        return source_label in self.sources and target_label in self.targets


ACTORS = ("Country", "Organization", "Unit", "Person")
EVENTS = ("Exercise", "Operation", "Meeting")
PLACES = ("Country", "Location")

LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label("Country", "A state; id is its ISO 3166-1 alpha-3 code.",
              colour="#e6194b", shape="diamond"),
        Label("Person", "An official, officer or politician.", ("rank", "title"),
              colour="#f58231", shape="dot"),
        Label("Organization",
              "A ministry, alliance, armed force, academy, headquarters or agency.",
              kinds=("ministry", "department", "agency", "government", "armed_forces",
                     "alliance", "international_organization", "academy",
                     "headquarters", "command", "armed_group", "forum",
                     "coalition", "media"),
              colour="#4363d8", shape="square"),
        Label("Unit", "A military formation, unit or contingent.",
              kinds=("corps", "formation", "commando", "special_forces", "contingent",
                     "naval_forces", "specialists", "units"),
              colour="#3cb44b", shape="triangle"),
        Label("Exercise", "A military exercise, drill or training event.",
              ("start", "end", "date", "personnel", "personnel_qualifier", "status"),
              kinds=("tactical", "tactical_special", "naval", "joint", "command_staff",
                     "training_course"),
              cameo="062", colour="#911eb4", shape="star", tie="exercise"),
        Label("Program", "A standing cooperation program, plan, model or project.",
              ("start", "end", "status"),
              kinds=("partnership", "training", "education", "science", "doctrine",
                     "plan", "planning", "reform", "defence_industry", "infrastructure",
                     "energy", "posting"),
              cameo="062", colour="#42d4f4", shape="hexagon", tie="program"),
        Label("Agreement", "A signed agreement, memorandum, declaration, statement or deal.",
              ("date", "status"),
              kinds=("agreement", "memorandum", "declaration", "ceasefire", "contract",
                     "statement", "decree"),
              cameo="057", kind_cameo={"ceasefire": "0871", "decree": None},
              colour="#f032e6", shape="box", tie="agreement"),
        Label("Operation", "A war, military operation, mobilisation or mission.",
              ("start", "end", "date", "status"),
              kinds=("war", "operation", "peacekeeping", "mobilization", "martial_law"),
              cameo="190", kind_cameo={"peacekeeping": "074", "mobilization": "154",
                                       "martial_law": "1724"},
              colour="#800000", shape="ellipse", tie="operation"),
        Label("Meeting", "A meeting, visit, call or round of talks.",
              ("date", "start", "end", "status"),
              kinds=("meeting", "visit", "call", "talks", "session"),
              cameo="040", kind_cameo={"visit": "042", "call": "041", "talks": "046"},
              colour="#ffe119", shape="dot", tie="meeting"),
        Label("Location", "A city, region, territory, sea or border area.",
              kinds=("city", "region", "territory", "sea", "border", "district", "country"),
              colour="#a9a9a9", shape="dot"),
        Label("Article", "A news report: the source of facts.",
              ("file", "title", "publisher", "author", "published", "published_inferred",
               "url"),
              colour="#ffffff", shape="text"),
    )
}

ENTITY_LABELS = tuple(name for name in LABELS if name != "Article")
ARTICLE_KEYS = ("id", *LABELS["Article"].properties)
"""A facts file's ``article`` keys, in the order they are written."""

REL_TYPES: dict[str, RelType] = {
    rel.name: rel
    for rel in (
        RelType("PARTICIPATED_IN", "Took part in an event, program or agreement's framework.",
                ACTORS, (*EVENTS, "Program"), "062", "Cooperate militarily",
                colour="#911eb4", joins=True),
        RelType("SIGNED", "Signed an agreement.", ACTORS, ("Agreement",),
                "057", "Sign formal agreement", colour="#f032e6", joins=True),
        RelType("COMMANDS", "Commands, heads or directs an organisation, unit or event.",
                ("Person", "Organization", "Unit"),
                ("Organization", "Unit", *EVENTS), None, "no event: a standing role",
                colour="#f58231", upward=("Person",)),
        RelType("LEADS", "Is the political leader of a country or organisation.",
                ("Person",), ("Country", "Organization"), None,
                "no event: a standing role", colour="#ffd8b1", upward=("Person",)),
        RelType("MEMBER_OF", "Is a member of, or serves in, an organisation.",
                ("Country", "Organization", "Person", "Unit"), ("Organization",),
                None, "no event: a standing tie", colour="#4363d8", upward=("Person",)),
        RelType("PART_OF", "Is a component of a larger whole.",
                ("Organization", "Unit", "Exercise", "Program", "Agreement", "Operation",
                 "Meeting"),
                ("Country", "Organization", "Unit", "Exercise", "Program", "Agreement",
                 "Operation", "Meeting"),
                None, "no event: structure", colour="#000075",
                upward=("Organization", "Unit")),
        RelType("HELD_IN", "Took place in a location.", (*EVENTS, "Agreement", "Program"),
                PLACES, None, "no event: where an event happened", colour="#a9a9a9"),
        RelType("LOCATED_IN", "Is located in a place.",
                ("Location", "Organization", "Unit"), PLACES, None,
                "no event: geography", colour="#dcdcdc"),
        RelType("SUPPORTS", "Gives military, political or material support to.",
                ACTORS, (*ACTORS, "Operation", "Program", "Exercise"),
                "070", "Provide aid", colour="#3cb44b", tie="support"),
        RelType("TRAINED", "Trained or educated the target.", (*ACTORS, "Program"),
                ("Person", "Unit", "Organization", "Country"), "072",
                "Provide military aid", colour="#aaffc3", tie="training"),
        RelType("HOSTED", "Hosted an event on its ground.",
                ("Country", "Organization", "Location"), EVENTS, "043",
                "Host a visit", colour="#ffe119", joins=True),
        RelType("RUNS", "Runs, organises or sponsors a program or event.",
                ("Country", "Organization", "Unit"), ("Program", *EVENTS),
                "062", "Cooperate militarily", colour="#42d4f4", joins=True),
        RelType("COOPERATES_WITH", "Has a cooperation relationship with.",
                ("Country", "Organization", "Unit"), ("Country", "Organization", "Unit"), "062",
                "Cooperate militarily", symmetric=True, colour="#469990", tie="cooperation"),
        RelType("DEPLOYED_TO", "Sent personnel to serve in an organisation, mission or place.",
                ACTORS, ("Organization", "Operation", "Location", "Country"), "074",
                "Provide military protection or peacekeeping", colour="#9a6324",
                tie="deployment"),
        RelType("MEDIATED", "Brokered or mediated an agreement or event.",
                ("Country", "Organization", "Person"), ("Agreement", "Meeting"), "045",
                "Mediate", colour="#bfef45"),
        RelType("FOUGHT", "Was at war or in armed conflict with.",
                ("Country", "Organization", "Unit"), ("Country", "Organization", "Unit"),
                "190", "Use conventional military force", symmetric=True,
                colour="#800000", hostile=True),
        RelType("MENTIONS", "Provenance: the article states facts about the entity.",
                ("Article",), ENTITY_LABELS, None, "provenance, not an event",
                colour="#eeeeee"),
    )
}

PROVENANCE_TYPES = ("MENTIONS",)
"""Relationship types the builder adds from provenance; analysis leaves them out."""

FACT_TYPES = tuple(name for name in REL_TYPES if name not in PROVENANCE_TYPES)
"""Relationship types that state facts (everything but provenance)."""

JOINABLE_LABELS = tuple(name for name, node in LABELS.items() if node.tie)
"""Labels actors join: events, programs and agreements (what a report's facts hang on)."""
JOINING_TYPES = tuple(name for name, rel in REL_TYPES.items() if rel.joins)
"""Relationship types through which actors share an event, program or agreement."""
DIRECT_TIES = {name: rel.tie for name, rel in REL_TYPES.items() if rel.tie}
"""Relationship types that tie two actors' countries directly, and the kind of tie."""
UPWARD_TYPES = {label: tuple(name for name, rel in REL_TYPES.items() if label in rel.upward)
                for label in LABELS if any(label in rel.upward for rel in REL_TYPES.values())}
"""By label, the types that lead an actor of that label towards its country."""
TIE_KINDS = (*(LABELS[name].tie for name in JOINABLE_LABELS), *DIRECT_TIES.values())
"""Every kind of country-to-country tie: shared (by label), then direct (by type)."""
ADVERSARIAL_ROLES = ("belligerent", "opponent", "target")
"""Roles that make joining an event a confrontation rather than cooperation."""

DERIVED_TYPES: dict[str, RelType] = {
    "TIES_WITH": RelType(
        "TIES_WITH", "Derived, not a fact: one tie between two countries (a shared event, "
        "program or agreement, or a direct tie), computed from the facts by every load.",
        ("Country",), ("Country",), None, "derived from the facts", symmetric=True,
        colour="#469990"),
    "BELONGS_TO": RelType(
        "BELONGS_TO", "Derived, not a fact: the country an official, body or unit belongs to "
        "(the nearest along upward types), computed from the facts by every load.",
        tuple(UPWARD_TYPES), ("Country",), None, "derived from the facts", colour="#dcdcdc"),
}
"""Relationships a store holds that no report states, computed from the facts by
graph.analysis.projection and written to Neo4j by every load, so that the Browser's queries
read an actor's country and two countries' ties in a line instead of restating the rule."""

UNSTATED_TYPES = (*PROVENANCE_TYPES, *DERIVED_TYPES)
"""Relationship types no report states as a fact: provenance and the derived ones."""
PATH_BLOCKING_TYPES = (*PROVENANCE_TYPES, *(n for n, r in REL_TYPES.items() if r.hostile),
                       *DERIVED_TYPES)
"""Relationship types no cooperation path runs through: provenance, hostility, derived."""


def label(name: str) -> Label:
    """The declared label called ``name``; raises VocabularyError for anything else."""
    try:
        return LABELS[name]
    except KeyError:
        raise VocabularyError(f"unknown label {name!r} (known: {', '.join(LABELS)})") from None


def rel_type(name: str) -> RelType:
    """The declared relationship type ``name``; raises VocabularyError for anything else."""
    try:
        return REL_TYPES[name]
    except KeyError:
        known = ", ".join(REL_TYPES)
        raise VocabularyError(f"unknown relationship type {name!r} (known: {known})") from None


RelKey = tuple[str, str, str]
"""A relation's identity: (source, type, target), endpoints sorted for symmetric types."""


def relation_key(type_: str, source: str, target: str) -> RelKey:
    """The identity of a relation, with symmetric types' endpoints in sorted order.

    >>> relation_key("COOPERATES_WITH", "TUR", "AZE"), relation_key("LEADS", "b", "a")
    (('AZE', 'COOPERATES_WITH', 'TUR'), ('b', 'LEADS', 'a'))
    """
    rel = REL_TYPES.get(type_)
    if rel is not None and rel.symmetric and target < source:
        source, target = target, source
    return (source, type_, target)
