"""Entities named by common nouns rather than proper names: a state's units (commando units,
naval forces of X), operations and wars (the anti-terror operation, a 44-day war, martial
law) and programs (strategic partnership, the 2024 training plan, the Turkish army model).

One scan finds the head nouns; each head is then read with a small pattern over the few words
before or after it, so the cost stays linear in the report whatever the number of patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.cues import fold_case
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import default
from ingest.extract.scene import Scene
from ingest.extract.slugs import slug

HEADS = re.compile(
    r"\b(?:units|forces|troops|contingent|specialists|instructors|advisers|advisors|commandos|"
    r"corps|wars?|operations?|offensive|missions?|mobili[sz]ation|law|partnership|plans?|patrols?|"
    r"model|manufacturing|production|projects?|reforms?|system|moderni[sz]ation|programmes?|"
    r"programs?|initiatives?|package|ventures?|battalion|detachment|battery|unit|company|"
    r"facilit(?:y|ies)|centre|center|depot|wharf|hub|plant|range|harbour|dockyard|"
    r"deployments?|courses?|invasion|clashes|conflict|contingents|hospitals|companies|"
    r"battalions|platoons?|detachments|commission|committee|cell|working\s+group|"
    r"task\s+group|policing|vessels)\b",
    re.I)
LEADS = ("described", ("units", "forces", "troops", "contingent", "specialists", "instructors",
                       "advisers", "advisors", "commandos", "corps", "war", "operation",
                       "offensive", "mission", "mobili", "law", "partnership", "plan", "model",
                       "patrol", "program", "package", "venture", "initiative",
                       "manufacturing", "production", "project", "reform", "system", "moderni",
                       "battalion", "detachment", "battery", "unit", "company", "facilit",
                       "centre", "center", "depot", "wharf", "hub", "plant", "range", "harbour",
                       "dockyard", "deploy", "course", "invasion", "clashes", "conflict",
                       "hospitals", "companies", "battalions", "platoon", "commission",
                       "committee", "cell", "working", "task", "policing", "vessels"))
"""The words ``HEADS`` begins with, for ``Cues``."""
UNIT_LEFT = re.compile(
    r"(?:(?:all-)?new\s+(?:units\s+of\s+)?)?(?P<mod>(?:[Oo]perations\s+)?[Cc]ommando|"
    r"[Ss]pecial(?:\s+[Oo]perations)?|[Nn]aval|[Gg]round|[Ll]and|[Aa]irborne|[Aa]rtillery|"
    r"[Aa]ir[- ][Dd]efen[cs]e|[Pp]eacekeeping|[Mm]ilitary|[Ee]ngineering|[Tt]ank|"
    r"[Mm]echani[sz]ed|[Mm]otori[sz]ed(?:\s+[Rr]ifle)?|[Rr]apid[- ][Rr]eaction|[Mm]arine|"
    r"[Aa]rmy|[Bb]order)\s+$")
UNIT_ENDINGS = ("commando", "special", "operations", "naval", "ground", "land", "airborne",
                "artillery", "defence", "defense", "peacekeeping", "military", "engineering",
                "tank", "mechanised", "mechanized", "motorised", "motorized", "rifle",
                "reaction", "marine", "army", "border")
"""How the words ``UNIT_LEFT`` reads can end (a cheap test before the pattern)."""
OFFENSIVE_DESCRIBED = re.compile(r"\b[Aa]n?\s+(?:(?!(?:more|less|most|very|an?|the)\b)"
                                r"[a-z][\w-]*\s+){1,2}$")
"""``a coordinated offensive``, ``a new ground offensive``: an offensive told with what kind."""
OFFENSIVE_AFTER = re.compile(r"\s+(?:against|on|in|into|toward|towards|to|near|along|around|"
                             r"across|from|by)\b")
"""What follows an offensive told with its kind: where or whom it is against (not ``a more
offensive posture``)."""
OPERATION_HEADS = {"war", "wars", "operation", "operations", "mission", "missions", "offensive",
                   "law", "patrol", "patrols", "deployment", "deployments", "invasion", "clashes",
                   "conflict", "policing"}
"""The heads ``Operations`` reads (with mobilisation); ``programs`` reads the others."""
UNIT_HEADS = {"units", "forces", "troops", "contingent", "specialists", "instructors", "advisers",
              "advisors", "commandos", "corps", "vessels"}
SUBUNITS = {"battalion", "detachment", "battery", "unit", "company", "platoon",
            "task group"}
"""Heads of a state's unit named by its state alone: ``the Indian battalion``, ``an Egyptian
detachment`` (a company only with the arm it serves, ``a Bangladeshi engineer company``, not
a firm, or among troops; a platoon only with its arm, ``a Tanzanian engineer platoon``)."""
JOINT_HEADS = ("commission", "committee", "cell", "working group")
JOINT_BODY_LEFT = re.compile(r"\b(?P<what>(?:joint|binational|bilateral|trilateral)\s+"
                             r"(?:(?!(?:and|or|of|the)\s)[a-z][\w-]*\s+){0,3})$")
"""Before a body two or more states set up together: ``a joint ceasefire monitoring``, ``a
binational operations``."""
JOINT_ON = re.compile(r"\s+on\s+(?P<on>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=[,.;]|\s+(?:and|"
                      r"with|to|in|at|which|that|was|is|will|would|met)\b)")
"""What such a body is for, when said after it: ``a joint committee on defence industry``."""
LISTED_UNITS = {"contingents": "contingent", "hospitals": "field hospital",
                "companies": "companies", "battalions": "battalions", "platoons": "platoons",
                "detachments": "detachments"}
"""Plural heads of units listed by their states, and how each state's part is named: one
contingent or field hospital of each (``the Bangladeshi and Zambian contingents``), but
companies, battalions and platoons, which a state sends by the number, in the plural
(``Chilean and Argentine infantry companies``)."""
FIELD = re.compile(r"\b[Ff]ield\s+$")
LIST_GAP = re.compile(r"(?P<sep>,|,?\s+and)\s+$")
"""Between two states of a list: a comma, or ``and`` before the last."""
FIRM_NAMED = re.compile(r"\s+[A-Z\d]")
FIRM_APPOSED = re.compile(r",\s+(?:an?|the)\s+\S+\s+$")
TROOPS = re.compile(r"\b(?:troops|soldiers|peacekeep\w*|battalions?|contingents?|UN|United\s+"
                    r"Nations|mission|deployed|rotates?|rotation|serve[sd]?|serving|"
                    r"observers?)\b")
"""Words of a sentence that tells of soldiers sent or serving: a company there is a unit
(``officers serve as observers ..., and a Kazakh company has been in the Golan``)."""
ARM = re.compile(r"(?:(?:[Ee]ngineer(?:ing)?|[Ii]nfantry|[Mm]echani[sz]ed|[Mm]edical|[Aa]rtillery|"
                 r"[Ll]ogistics|[Ss]ignals|[Tt]ransport|[Aa]viation|[Cc]ommando|[Rr]ifle|"
                 r"[Pp]olice|[Pp]eacekeeping|[Rr]econnaissance|[Hh]elicopter|[Mm]otori[sz]ed|"
                 r"[Mm]ountain|[Aa]rmou?red|[Aa]irborne|[Pp]arachute|[Mm]ilitary\s+[Pp]olice|"
                 r"[Ff]orce\s+[Pp]rotection|(?:[Qq]uick|[Rr]apid)\s+[Rr]eaction|[Mm]arine|"
                 r"[Aa]ir[\s-][Dd]efen[cs]e|[Ss]pecial\s+[Ff]orces|[Cc]ombat)\s+){1,2}$")
"""The arm a unit serves in, between its state and its head noun."""
UNIT_KINDS = {
    "commando": ("commando-forces", "Commando forces", "commando"),
    "naval": ("naval-forces", "Naval Forces", "naval_forces"),
    "ground": ("ground-forces", "Ground forces", "units"),
    "land": ("ground-forces", "Ground forces", "units"),
    "peacekeeping": ("peacekeeping-contingent", "Peacekeeping contingent", "contingent"),
}
"""A state's forces named by what they are (``the Azerbaijani commando units``); not its
``special forces``, troops of a kind that reports name in passing for many states, where an
analyst annotates only the named command they belong to. Ground forces and troops named by
their arm (``artillery units``) are kept: the development gold leaves them out, but the
seed reports' curated facts, read from real news, hold them."""
WAR_LEFT = re.compile(
    r"(?:(?P<days>\d{1,3})-day\s+|(?:(?:19|20)\d\d[-–])?(?P<year>(?:19|20)\d\d)\s+|"
    r"(?P<adj>separatist|civil|"
    r"full-scale|full-blown|border)\s+|\b[Tt]he\s+(?P<dated>bloody|brutal|bitter|devastating|"
    r"deadly)\s+)(?:(?:[A-Z][\w’'-]*|first|second|third|\w+-\w+)\s+){0,4}$")
OPERATION_LEFT = re.compile(
    r"(?P<det>\b(?:an?|the|brief|short|one-day|local|large-scale|full-scale)\s+)?"
    r"(?:(?:(?:one|two|three|\d+)-day|local|brief|large-scale|full-scale|joint)\s+)*"
    r"(?P<core>anti-?terror(?:ist|ism)?|counter-?terror(?:ist|ism)?|counter-?insurgency|"
    r"counter-?attack|counter-?offensive|peacekeeping|special\s+military|military|"
    r"stabili[sz]ation)\s+$", re.I)
OPERATION_ENDINGS = ("terror", "terrorist", "terrorism", "insurgency", "attack", "offensive",
                     "peacekeeping", "military", "stabilisation", "stabilization")
"""How the words ``OPERATION_LEFT`` reads can end."""
CORES = (("anti", "anti-terrorist operation"), ("counter-terror", "counter-terrorism operation"),
         ("counterterror", "counter-terrorism operation"),
         ("insurgency", "counter-insurgency operation"), ("attack", "counter-attack operation"),
         ("offensive", "counter-offensive operation"), ("peacekeeping", "peacekeeping mission"),
         ("special", "special military operation"), ("stabili", "stabilization mission"),
         ("military", "military operation"))
PATROL_LEFT = re.compile(
    r"(?P<mods>(?:(?:joint|coordinated|combined|mirrored|regular|anti-piracy|counter-piracy|"
    r"bilateral|"
    r"anti-smuggling|maritime|naval|river|riverine|air|border|army|navy|and|first|surveillance|"
    r"land|sea|security|EEZ|boundary)\s+){1,4})$",
    re.I)
PATROL_ENDINGS = ("joint", "coordinated", "combined", "mirrored", "regular", "piracy",
                  "bilateral", "smuggling", "maritime", "naval", "river", "riverine", "air",
                  "border", "army", "navy", "first", "surveillance", "land", "sea", "security",
                  "eez", "boundary")
"""How the words ``PATROL_LEFT`` reads can end."""
DEPLOYMENT_LEFT = re.compile(
    r"(?:\b(?:an?|its|their|on|into|resumed|began|begun|start(?:ed)?)\s+)(?P<mods>(?:(?:\w+-"
    r"(?:week|month|day)|operational|overseas|maiden|first|long-range|extended|regional)\s+)"
    r"{0,2})$", re.I)
"""What goes before a deployment that is an operation: an article or a verb of starting, and
its length or kind (``a ten-week deployment``, ``an operational deployment``)."""
DEPLOYMENT_RIGHT = re.compile(r"\s+(?:of\s+[^.;,]{3,80}?\s+)?to\s+(?:the\s+)?[A-Z]")
"""Where a deployment goes, a named place: ``to the South China Sea``, ``of P-8A aircraft to
Keflavík``."""
SHARED = re.compile(r"\b(?:joint|coordinated|combined|mirrored|anti-piracy|counter-piracy|"
                    r"bilateral|anti-smuggling|maritime|river|riverine)\b", re.I)
"""Modifiers that make patrols an operation, not a routine task (``on patrol``)."""
CRAFT = re.compile(r"\s+(?:boats?|vessels?|ships?|aircraft|craft|planes?|cars?|vehicles?|"
                   r"bases?|drills?|exercises?|sorties|flights?|missions?)\b", re.I)
MISSION_BODY = re.compile(
    r"(?P<body>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}|\b(?:its|their))(?P<own>['’]s)?\s+"
    r"(?P<mods>(?:(?:peacekeeping|stabili[sz]ation|training|military|partnership|police|"
    r"observer|monitoring|assistance|support|advisory|maritime|security|transition|"
    r"capacity-building|multidimensional|integrated|civilian|naval)\s+){0,3})$")
"""Who a mission in a state belongs to, and what kind it is: ``the UN mission``, ``the EU's
military partnership mission``, ``its training mission`` (an international body by name, or
``its`` for one the sentence named before)."""
MISSION_IN = re.compile(r"\s+in\s+(?P<the>the\s+)?")
AND_THE = re.compile(r"\s+and\s+(?P<the>the\s+)?")
MISSION_SHORT = re.compile(r",\s+(?P<short>[A-Z]{3,}[a-z]?(?:\s+[A-Z][a-z]+)?)(?=\s*[,.;)]|\s+"
                           r"(?:from|in|since|until|which|was|is|and)\b)")
"""A mission's short name set after it: ``the UN mission in Haiti, MINUSTAH, from 2004``."""
INVASION_LEFT = re.compile(r"\b(?:full-scale|large-scale|all-out)\s+$", re.I)
"""What makes an invasion a war of its own: ``full-scale``."""
CLASH_LEFT = re.compile(r"(?P<when>\b(?i:last|this)\s+year['’]s\s+)?(?P<mods>(?:(?:border|armed|"
                        r"deadly|bloody|heavy|infantry|renewed|internal)\s+){0,3})$")
"""Before clashes or a conflict, what makes them fighting of their own: ``border clashes``,
``deadly clashes``, ``an "internal armed conflict"`` (and ``last year's``, kept in the name)."""
CLASH_BETWEEN = re.compile(r"\s+(?:along\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3})?between\s+"
                           r"(?:the\s+)?")
CLASH_AND = re.compile(r"\s+and\s+(?:the\s+)?")
"""Between the two sides of clashes: ``clashes along the Blue Line between Israel and
Hezbollah``, ``the conflict between Iran and Israel``."""
SIDES = ("Country", "Organization", "Unit")
SIDE_NAME = re.compile(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\b")
"""The second side named by capitalised words the dictionaries do not hold: ``Hezbollah``."""
LASTED = re.compile(r"[^.;]{0,25}?\b(?:lasted|lasting|which\s+lasted|that\s+lasted)\s+"
                    r"(?P<n>\d+|[a-z]+)\s+(?P<unit>days?|weeks?|months?)\b")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
INTERNATIONAL = ("alliance", "international_organization")
"""The kinds of body whose missions are named after them."""
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MOBILIZATION_LEFT = re.compile(r"(?P<mod>partial|total|general|full|full-scale|mass)\s+"
                               r"(?:military\s+)?$", re.I)
PARTNERSHIP_LEFT = re.compile(
    r"(?:(?:comprehensive|enhanced|special|privileged|all-round|long-term)\s+)?(?:strategic|"
    r"defen[cs]e|military|security|military-technical|defen[cs]e-industrial|comprehensive|"
    r"allied)\s+$", re.I)
PLAN_LEFT = re.compile(r"(?:(?:(?:19|20)\d\d|annual|joint|combat|bilateral)\s+)*(?:training|"
                       r"exercises?|(?:military\s+|defen[cs]e\s+)?cooperation|action)\s+$",
                       re.I)
ACTIVITY_LEFT = re.compile(
    r"(?P<what>(?:(?:\w+-(?:year|month|week)|local|joint|new|basic|advanced)\s+)?(?:training|"
    r"assembly|housing|exchange|education|maintenance|construction|production|modernisation|"
    r"modernization|capacity-building|scholarship|mentoring|support)(?:\s+and\s+[a-z]+)?)\s+$",
    re.I)
"""What a programme or package does: ``a two-year training package``."""
PACKAGES = ("training", "support")
"""What a package named as a program does (``a training and basing package``, ``the support
package``): other packages are deals or aid (``a $2 billion package``)."""
VENTURE_LEFT = re.compile(r"(?P<what>(?:(?:second|third|new|planned|[a-z]+-calibre|ammunition|"
                          r"defen[cs]e|industrial)\s+){0,2}joint)\s+$", re.I)
INTRODUCED = re.compile(r"\b[Aa]n?\s+(?P<what>(?:[a-z][\w-]*\s+){0,3})$")
"""An unnamed programme introduced: ``a programme``, ``a new training and exchange
programme``."""
NAMED_PROGRAMME = re.compile(r"\b[A-Z][\w-]*\s+(?:Programme|Program)\b")
AIM = re.compile(r"\s+(?P<aim>to\s+[a-z]+\s[^,.;]{3,80}?)(?=[,.;]|\s+with\b|\s+and\b)")
"""What an unnamed programme is for: ``a programme to refit the Indian Navy's six
Kalvari-class submarines``."""
COURSE_MODS = re.compile(r"(?<![\w'’-])(?:(?!(?:at|in|for|on|with|and|of|to|by|the|an?)\s)"
                         r"(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,3}$")
"""What qualifies a course, right before it: ``staff``, ``Arctic``, ``cyber defence``."""
COURSE_LEFT = re.compile(
    r"\b(?:run|runs|ran|running|attend|attends|attended|attending|begin|begins|began|begun|"
    r"beginning|complete|completes|completed|completing|hold|holds|held|holding|offer|offers|"
    r"offered|offering|organi[sz]e[sd]?|organi[sz]ing|host|hosts|hosted|hosting|teach|teaches|"
    r"taught|teaching|conduct|conducts|conducted|conducting)\s+(?:(?:an?|the|its|their|two|"
    r"three|several|some|more|new|first|joint|specialised|specialized)\s+)*"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s?\s+)?"
    r"(?P<mods>(?:(?!(?:at|in|for|on|with|and|of|to|by)\s)(?:[a-z][\w-]*|[A-Z][a-z]+)\s+)"
    r"{0,3})$")
"""A verb of running or attending a course, and what qualifies the course: ``run a staff``,
``attend the Turkish Armed Forces' cyber defence``, ``complete the full four-year``."""
COURSE_FOR = re.compile(r"\s+(?:for|on)\s+(?!the\b)(?:[\w-]+\s+){0,3}?[a-z][\w-]*"
                        r"(?=\s+(?:at|in|from|under|and|since|this|next|last|early|late)\b|"
                        r"[,.;])")
"""Whom or what a course is for: ``for Ukrainian staff officers``, ``on mass-casualty care``."""
YEARS_LONG = re.compile(r"\b\w+-years?\b")
"""How long one course lasts, when it is years: ``a four-year course``, an education."""
ATTENDED = re.compile(r"^attend", re.I)
TRAINEES = re.compile(r"\b(?:officers|cadets|personnel|sailors|soldiers|pilots|students|"
                      r"instructors|trainees|planners|engineers|technicians|troops|staff)\b")
"""Whom a course without a verb is for: ``courses for mid-ranking officers``."""
TITLED_PROGRAM = re.compile(
    r"(?:\b(?:the|its|their|under|a|an)\s+|['’]s\s+|-funded\s+|[\"“])[\"“]?(?P<name>"
    r"(?:[A-Z]\w*|\d\w*)(?:-[A-Z\d]\w*)*(?:\s+(?:(?:[A-Z]\w*|\d\w*)(?:-[A-Z\d]\w*)*|"
    r"and|for|of|on))*?)[\"”]?"
    r"(?:\s+\((?P<short>[A-Z][\w-]*(?:\s+\d+)?)\))?\s+"
    r"(?:(?!(?:the|a|an|this|that|its|their)\s)[a-z][\w-]*\s+){0,4}$")
"""A name written before a lower-case program noun: ``the LAND 400 Phase 3 project``, ``the
Self-Reliant Defense Posture programme``, ``the "Achilles Shield" air-defence programme``,
``the Wisła air and missile defence programme``;
not a name an article parts from it (``Colombia's Ministry of National Defence said the
programme``)."""
TITLED_HEADS = ("programme", "program", "project", "plan", "initiative")
ACRONYM_NAME = re.compile(r"[A-Z]{3,6}")
NOT_PROGRAM_NAME = re.compile(
    r"(?:^|\s)(?:Army|Navy|Forces?|Guard|Ministry|Department|Command|Council|Union|Agency|"
    r"Nations|Government|Company|Group|Corporation|Industries|Office|Administration|Service|"
    r"Staff|Corps|Fleet|Academy|University|College|Institute|Centre|Center|Committee|"
    r"Commission|Organi[sz]ation|Alliance|Coalition|Parliament|Senate|Congress|States|"
    r"Pentagon|Kremlin|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)$|^(?:The|A|An|This|That|These|Its|Their|Our|Under|In|Each|Every|"
    r"Both|Such)\b|\s(?:and|for|of|on)$")
"""Names a program noun is said of but that name no program: a body's (``the Indian Navy
programme``) or a date's."""
PLANNED_VENTURE = re.compile(r"\b(?:would|could|might|may|plans?\s+to|intends?\s+to|"
                             r"aims?\s+to)\s+(?:\w+\s+){0,2}?(?:form|set\s+up|create|"
                             r"establish|launch)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$", re.I)
"""Before a joint venture only planned: ``announced that X and Y would form a``."""
COMPANY = re.compile(r"(?:\bis|\bwas|,)\s+(?:an?|the)\s+$", re.I)
"""Before ``a joint venture`` describing a company (``Eurosam, a joint venture of``)."""
PAIR_BEFORE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?[-–](?P<second>[A-Z][\w’'-]*"
                         r"(?:\s+[A-Z][a-z]+)?)\s+$")
"""The two states a partnership's name opens with: ``the Japan-Australia Special Strategic
Partnership``."""
SIGNED = re.compile(r"\bsign(?:s|ed|ing)?\b", re.I)
"""A plan signed is a document, read as an agreement (``signed a military cooperation plan
for 2026-2027``), not a program of its own."""
AGREEMENT_NEXT = re.compile(r"\s+(?:agreement|treaty|accord|pact|charter|declaration)s?\b",
                            re.I)
"""After a partnership that only qualifies an agreement: ``strategic partnership treaty``."""
TITLED = re.compile(r"\b(?:Statement|Declaration|Agreement|Memorandum|Treaty|Charter)\s+on\s+"
                    r"(?:the\s+)?(?:[\w-]+\s+){0,3}$")
"""Before a partnership named in a document's title: ``Joint Vision Statement on India-Vietnam
Defence Partnership``."""
JOINT_LEFT = re.compile(r"joint\s+(?:defen[cs]e\s+|military\s+|defen[cs]e-industrial\s+)?$",
                        re.I)
REFORM_LEFT = re.compile(r"(?:military|defen[cs]e|army|security[- ]sector|armed\s+forces|"
                         r"personnel\s+management|military\s+education)\s+$", re.I)
FACILITY_HEADS = ("facility", "facilities", "centre", "center", "depot", "wharf", "hub", "plant",
                  "range", "harbour", "dockyard")
FACILITY_LEFT = re.compile(
    r"\b(?:build|builds|built|building|set\s+up|sets\s+up|setting\s+up|establish|establishes|"
    r"established|establishing|construct|constructs|constructed|constructing|create|creates|"
    r"creating|fund|funds|funded|funding|finance|finances|financed|financing|open|opens|"
    r"opening|run|runs|running)\s+(?:an?|the)\s+"
    r"(?P<what>(?:new\s+)?(?:(?:[a-z][a-z-]*|and),?\s+){0,5})$")
"""A facility set up, built, funded or run as a cooperation project: ``KSSL agreed to set up
a service facility``, ``Australia will fund a new police training centre``; its lower-case
words only (a named base or school is a place or a body)."""
FACILITY_AFTER = re.compile(r"\s+and\s+(?:[a-z][a-z-]*\s+){0,2}?(?:facility|facilities|"
                            r"workshop|dockyard|depot|wharf|hub)\b")
"""A second facility of the same project: ``a new wharf and fuel facility``."""
MODERNIZATION = re.compile(r"(?:(?:restructuring|reform)\s+and\s+)?moderni[sz]ation\s+of\s+"
                           r"(?:the\s+)?(?:[A-Z][\w’'-]+\s+)?(?:armed\s+forces|army|military|"
                           r"troops)\b", re.I)


AIR_POLICING_LEFT = re.compile(r"(?:(?P<nato>\bNATO(?:['’]s)?)\s+)?(?:(?P<region>[A-Z][a-z]+)\s+)?"
                               r"(?P<air>\b[Aa]ir)[- ]$")
"""Before ``policing``: air, perhaps after the region it covers and NATO, whose it is."""
POLICING_MISSION = re.compile(r"\s+mission\b")
POLICING_TASK = re.compile(r"\s+(?:commitments?|duties|duty|tasks?|capabilit(?:y|ies)|roles?|"
                           r"assets|aircraft|fighters|jets|needs)\b")
POLICING_OVER = re.compile(r"\s+(?:over|of)\s+(?:the\s+)?")


WAR_IN = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\b")
"""After ``the war``: the place it is fought in (``in Yemen``, ``in the Gaza Strip``)."""


def _left(pattern: re.Pattern[str], text: str, start: int, width: int,
          endings: tuple[str, ...]) -> re.Match[str] | None:
    """``pattern`` (ending in ``\\s+$``) searched in the ``width`` characters before
    ``start``, skipped when no whitespace precedes ``start`` or the word before it cannot end a
    match (checked against ``endings``, in lower case)."""
    window = text[max(0, start - width):start]
    tail = window.rstrip()
    folded = fold_case(tail[-20:])
    if len(tail) == len(window) or (folded is not None and not folded.endswith(endings)):
        return None
    return pattern.search(text, max(0, start - width), start)


def _make(scene: Scene, start: int, end: int, label: str, id_: str, name: str, kind: str,
          role: str = "name", confidence: float = 0.55) -> Mention:
    return Mention(start, end, scene.text[start:end], label, id_, name, kind, role,
                   f"described.{label.lower()}", confidence)


def _national(scene: Scene, start: int, end: int, label: str, suffix: str, display: str,
              kind: str, states: list[Mention]) -> Iterator[Mention]:
    """One mention per state the thing belongs to (``naval forces of the two countries``)."""
    if not states:
        yield _make(scene, start, end, label, suffix, display, kind)
        return
    for state in states:
        yield _make(scene, start, end, label, f"{state.id.lower()}-{suffix}",
                    f"{display} of {state.name}", kind, f"of:{state.id}",
                    0.55 if len(states) == 1 else 0.5)


def units(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """A state's units named by what they are: commando units, naval forces of X; its border
    troops are a law-enforcement body (an Organization, as border guards are). Naval units
    listed by their states are one unit of each (``Djiboutian and Kenyan naval units``: the
    Kenyan naval units, not the Kenyan navy; ``South African and Tanzanian naval vessels``)."""
    head = scene.text[start:end].lower()
    if head not in UNIT_HEADS:
        return
    left = _left(UNIT_LEFT, scene.text, start, 40, UNIT_ENDINGS)
    if left is None:
        if head == "commandos" and scene.text[start - 4:start].lower() == "the ":
            yield from _national(scene, start - 4, end, "Unit", *UNIT_KINDS["commando"],
                                 _states(scene, start, end))
        elif head == "contingent" and scene.country_before(start):
            yield from _specialists(scene, start, end, head, start)
        return
    mod = left["mod"].lower().split()[-1].replace("-", " ")
    begin = left.start()
    listed = _listed_states(scene, begin) if mod == "naval" and head in ("units", "vessels") \
        else []
    for state in listed:
        yield _make(scene, listed[0].start, end, "Unit", f"{state.id.lower()}-naval-{head}",
                    f"{state.text} naval {head}", "units", f"of:{state.id}", 0.5)
    if listed or head == "vessels":
        return
    if mod in UNIT_KINDS and head != "corps":
        suffix, display, kind = UNIT_KINDS[mod]
    elif mod == "military" and head == "units":
        suffix, display, kind = "military-units", "Military units", "units"
    elif mod == "military" and head in ("specialists", "instructors", "advisers", "advisors"):
        yield from _specialists(scene, start, end, head, begin)
        return
    elif mod == "army" and head == "corps":
        suffix, display, kind = "army-corps", "Army Corps", "corps"
    elif mod not in ("military", "army") and head in ("units", "forces", "troops") and \
            not left["mod"].lower().startswith("special"):
        words = left["mod"].lower().replace("operations ", "")
        suffix, display, kind = slug(f"{words} {head}"), f"{words.capitalize()} {head}", "units"
    else:
        return
    label, kind = ("Organization", "agency") if mod == "border" else ("Unit", kind)
    yield from _national(scene, begin, end, label, suffix, display, kind,
                         _states(scene, begin, end))


def subunits(scene: Scene, start: int, end: int, head: str) -> Iterator[Mention]:
    """A state's unit named by its state, the arm it serves in and what it is: ``the Indian
    battalion``, ``a Vietnamese engineering company``; not where the report names units of
    that kind by name (``the 10th Rwandan Battalion``), one of which the words most likely
    describe again."""
    if scene.text[start:end] != head or \
            re.search(rf"\b{head.title()}\b", scene.text) is not None:
        return
    arm = ARM.search(scene.text, max(0, start - 40), start)
    begin = arm.start() if arm else start
    state = scene.country_before(begin)
    if state is None or (head == "company" and arm is None and
                         not _military_company(scene, start, end)) or \
            (head == "platoon" and arm is None):
        return
    words = " ".join(scene.text[begin:end].lower().split())
    yield _make(scene, state.start, end, "Unit", f"{state.id.lower()}-{slug(words)}",
                f"{words.capitalize()} of {state.name}", "units", f"of:{state.id}")


def listed_units(scene: Scene, start: int, end: int, head: str) -> Iterator[Mention]:
    """Units listed by their states before one plural head: ``the Ugandan, Rwandan and
    Burundian field hospitals``, ``Chilean and Argentine infantry companies``, ``the mission's
    Bangladeshi and Zambian contingents``; one unit of each state, named as ``LISTED_UNITS``
    says (``Rwandan field hospital``, ``Chilean infantry companies``). A hospital only in the
    field, and a company, battalion, platoon or detachment only with the arm it serves
    (``Czech and Slovak companies`` are firms)."""
    text = scene.text
    begin = start
    if head == "hospitals":
        field = FIELD.search(text, max(0, start - 8), start)
        if field is None:
            return
        begin = field.start()
    arm = ARM.search(text, max(0, begin - 40), begin)
    if arm is None and head not in ("contingents", "hospitals"):
        return
    begin = arm.start() if arm else begin
    states = _listed_states(scene, begin)
    if len(states) < 2:
        return
    words = " ".join([*text[begin:start].lower().split(), LISTED_UNITS[head].split()[-1]])
    for state in states:
        name = f"{state.text} {words}"
        yield _make(scene, states[0].start, end, "Unit", f"{state.id.lower()}-{slug(words)}",
                    name, "units", f"of:{state.id}", 0.5)


def _listed_states(scene: Scene, end: int) -> list[Mention]:
    """The states listed right before ``end`` (``Saudi, Omani and Emirati``), first to last;
    none unless the last two are joined by ``and``."""
    found: list[Mention] = []
    gap = re.search(r"\s+$", scene.text[max(0, end - 4):end])
    at = end - len(gap.group()) if gap else end
    while (state := scene.ends.get(at)) is not None and state.role != "capital" and \
            state.id not in {m.id for m in found}:
        found.append(state)
        joined = LIST_GAP.search(scene.text, max(0, state.start - 8), state.start)
        if joined is None or (len(found) == 1 and joined["sep"] == ","):
            break
        at = joined.start()
    return list(reversed(found)) if len(found) > 1 else []


def _military_company(scene: Scene, start: int, end: int) -> bool:
    """Whether ``a Serbian company`` is a state's company of soldiers, not a firm: one not
    named after the noun (``the Emirati company EDGE``) nor set beside a firm's name (``Atlantic
    Marine Systems, a US company``; beside a state it is listed: ``battalions from India and
    Nepal, a Serbian company``), in a sentence of troops or missions (``a Kazakh company of
    about 120 troops``, ``also serves in the UN mission``)."""
    sentence = scene.sentence(start)
    apposed = FIRM_APPOSED.search(scene.text, max(0, start - 30), start)
    return sentence is not None and FIRM_NAMED.match(scene.text, end) is None and \
        (apposed is None or apposed.start() in scene.ends) and \
        TROOPS.search(sentence.text) is not None


def joint_body(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """A body states set up together, described in lower case: ``a joint ceasefire
    monitoring commission``, ``a binational operations cell``, ``a joint committee on
    defence industry`` (an Organization under those words; not one a capitalised name
    gives)."""
    text = scene.text
    if not text[start].islower():
        return
    left = JOINT_BODY_LEFT.search(text, max(0, start - 60), start)
    if left is None:
        return
    on = JOINT_ON.match(text, end)
    phrase = " ".join(text[left.start("what"):on.end() if on else end].split())
    yield _make(scene, left.start("what"), on.end() if on else end, "Organization",
                slug(phrase), phrase[:1].upper() + phrase[1:], "commission")


def _states(scene: Scene, start: int, end: int) -> list[Mention]:
    shared = scene.shared_after(end)
    if shared:
        return shared
    state = scene.state(start, end)
    return [state] if state else []


def _specialists(scene: Scene, start: int, end: int, head: str,
                 begin: int) -> Iterator[Mention]:
    """``Turkish military specialists``, ``the Azerbaijani contingent``: named with their state."""
    state = scene.country_before(begin)
    if state is None:
        return
    sentence = scene.sentence(start)
    peacekeeping = sentence is not None and "peacekeep" in sentence.text
    if head == "contingent":
        if not peacekeeping:
            return
        suffix, display, kind = "peacekeeping-contingent", "Peacekeeping contingent", "contingent"
    else:
        suffix, display, kind = "military-specialists", "Military specialists", "specialists"
    yield from _national(scene, state.start, end, "Unit", suffix, display, kind, [state])


class Operations:
    """Wars and operations of one report, the same one given one id however it is named:
    wars and operations of the same year or length are one (``a 44-day war in 2020``, ``the
    2020 war``, ``counter-attack operations, which lasted 44 days``)."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.keys: dict[str, str] = {}

    def _id(self, keys: list[str], fallback: str) -> str:
        found = next((self.keys[key] for key in keys if key in self.keys), fallback)
        for key in keys:
            self.keys.setdefault(key, found)
        return found

    def _facts(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The year a sentence gives and the length stated right after ``end``."""
        sentence = self.scene.sentence(start)
        years = set(YEAR.findall(sentence.text)) if sentence else set()
        lasted = LASTED.match(self.scene.text, end, end + 80)
        days = None
        if lasted:
            number = int(lasted["n"]) if lasted["n"].isdigit() else NUMBERS.get(lasted["n"], 0)
            days = str(number * {"d": 1, "w": 7, "m": 30}[lasted["unit"][0]])
        return (years.pop() if len(years) == 1 else None), days

    def __call__(self, start: int, end: int) -> Iterator[Mention]:
        head = self.scene.text[start:end]
        lowered = head.lower()
        if lowered in ("war", "wars"):
            yield from self._war(start, end, head)
        elif lowered in ("operation", "operations", "mission", "missions"):
            found = self._body_mission(start, end) if lowered.startswith("mission") else []
            yield from found or self._operation(start, end)
        elif lowered == "offensive":
            yield from self._offensive(start, end)
        elif lowered.startswith("mobili") or lowered == "law":
            yield from self._emergency(start, end, lowered)
        elif lowered.startswith("patrol"):
            yield from self._patrol(start, end)
        elif lowered.startswith("deployment"):
            yield from self._deployment(start, end)
        elif head == "invasion":
            yield from self._invasion(start, end)
        elif head in ("clashes", "conflict"):
            yield from self._clashes(start, end, head)
        elif lowered == "policing":
            yield from self._policing(start, end)

    def _policing(self, start: int, end: int) -> Iterator[Mention]:
        """Air policing, a standing operation (``NATO air policing over Albania and
        Montenegro``, ``the Baltic air policing mission``): its mention the words from ``air``
        (or the region named before it) to ``policing`` or ``mission``; named with NATO when
        NATO's, and with the states it covers when they follow (``over`` or ``of``); air
        policing told bare is the report's first (not in the title, nor a task's kind:
        ``air-policing commitments``)."""
        text = self.scene.text
        left = AIR_POLICING_LEFT.search(text, max(0, start - 30), start)
        if left is None or text[start:end] != "policing" or start < text.find("\n") or \
                POLICING_TASK.match(text, end):
            return
        mission = POLICING_MISSION.match(text, end)
        stop = mission.end() if mission else end
        begin = left.start("region") if left["region"] else left.start("air")
        words = text[begin:stop]
        gap = POLICING_OVER.match(text, stop)
        first = self.scene.at.get(gap.end()) if gap else None
        joint = AND_THE.match(text, first.end) if first is not None else None
        second = self.scene.at.get(joint.end()) if joint else None
        states = [m.name for m in (first, second) if m is not None and m.role != "capital"]
        owner = "NATO " if left["nato"] else ""
        name = f"{owner}{words}" + (f" of {' and '.join(states)}" if states else "")
        name = name[:1].upper() + name[1:]
        if states or left["region"] or mission:
            event = self._id([f"policing:{slug(name)}"], slug(name))
            self.keys.setdefault("policing", event)
        else:
            event = self._id(["policing"], slug(name))
        yield _make(self.scene, begin, stop, "Operation", event, name, "operation")

    def _clashes(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """Clashes or a conflict between two named sides, or told as armed, deadly or on a
        border (``last year's border clashes``, ``the conflict between Iran and Israel``, an
        ``internal armed conflict``): fighting of its own, an operation named by its
        phrase, its mention the head noun, one with a war of the report of the same year;
        not ``clashes`` alone, a conflict merely ``armed``, nor one between capitals (``the
        conflict between Baku and Yerevan``, a dispute's politics)."""
        text = self.scene.text
        left = CLASH_LEFT.search(text, max(0, start - 40), start)
        mods = " ".join(left["mods"].split()).lower() if left else ""
        sides: list[str] = []
        gap = CLASH_BETWEEN.match(text, end)
        first = self.scene.at.get(gap.end()) if gap else None
        joint = CLASH_AND.match(text, first.end) if first is not None else None
        second = self.scene.at.get(joint.end()) if joint else None
        named = SIDE_NAME.match(text, joint.end()) if joint and second is None else None
        if first is not None and first.label in SIDES and first.role != "capital" and (
                named or (second is not None and second.label in SIDES and
                          second.role != "capital")):
            sides = [first.name, second.name if second is not None else named.group()]
        if not sides and (not mods or (head == "conflict" and mods == "armed")):
            return
        when = " ".join(left["when"].split()) if left and left["when"] else ""
        core = " ".join(filter(None, (when, mods, head)))
        if sides:
            core += f" between {sides[0]} and {sides[1]}"
        year, _ = self._facts(start, end)
        keys = [f"war:{year}"] * bool(year) + [f"clashes:{'-'.join(sorted(map(slug, sides)))}"]
        event = self._id(keys, slug(core))
        yield _make(self.scene, start, end, "Operation", event, core[:1].upper() + core[1:],
                    "war")

    def _invasion(self, start: int, end: int) -> Iterator[Mention]:
        """A full-scale invasion, a war of its own (``Russia's full-scale invasion of
        Ukraine``), its mention the words with the state invaded, held in that state."""
        text = self.scene.text
        left = INVASION_LEFT.search(text, max(0, start - 30), start)
        if left is None:
            return
        of = re.match(r"\s+of\s+(?:the\s+)?", text[end:end + 12])
        victim = self.scene.at.get(end + of.end()) if of else None
        words = " ".join(text[left.start():end].split()).lower()
        invader = self.scene.country_before(left.start())
        owner = f"{invader.name}'s " if invader and invader.role != "demonym" else ""
        name = f"{owner}{words}" + (f" of {victim.name}" if victim else "")
        event = self._id([f"invasion:{victim.id if victim else ''}"], slug(name))
        yield _make(self.scene, left.start(), victim.end if victim else end, "Operation", event,
                    name[:1].upper() + name[1:], "war")

    def _deployment(self, start: int, end: int) -> Iterator[Mention]:
        """A deployment of forces to a named place, told as one event (``a ten-week deployment
        to the North Atlantic``, ``resumed deployments of P-8A aircraft to Keflavík``); not
        the deployment of a system, nor one with no destination."""
        text = self.scene.text
        left = DEPLOYMENT_LEFT.search(text, max(0, start - 40), start)
        if left is None or not DEPLOYMENT_RIGHT.match(text, end):
            return
        begin = left.start("mods")
        words = " ".join(text[begin:end].split())
        state = self.scene.state(begin, end)
        owner = f"{state.name} " if state else ""
        core = f"{owner}{words.lower()}".strip()
        name = core[:1].upper() + core[1:]
        yield _make(self.scene, begin, end, "Operation", self._id([slug(name)], slug(name)),
                    name, "deployment")

    FIRST_PATROL = re.compile(r"first\s+(?:(?:joint|coordinated|combined|bilateral|maritime|"
                              r"naval|river|border|surveillance|EEZ)\s+){0,2}$", re.I)
    """The words before a single first patrol: ``first``, ``first joint``."""

    def _patrol(self, start: int, end: int) -> Iterator[Mention]:
        """Joint, coordinated or anti-piracy patrols: one operation of the report however
        often it is named (``coordinated army and navy patrols``, ``the first joint
        patrols``); not patrol boats, nor a patrol that is only a task. A first patrol told
        in the singular (``the first joint patrol is expected in June``, ``its first patrol
        along the boundary``) is one outing, an operation of its own."""
        left = _left(PATROL_LEFT, self.scene.text, start, 50, PATROL_ENDINGS)
        text = self.scene.text
        first = left is not None and self.FIRST_PATROL.match(left["mods"]) is not None and \
            text[start:end].lower() == "patrol"
        if left is None or not (SHARED.search(left["mods"]) or first) or \
                CRAFT.match(text, end) or (start < text.find("\n") and
                                           text.find("Operation ") >= 0):
            return
        begin = left.start("mods")
        words = " ".join(self.scene.text[begin:end].split())
        if first:
            core = words[:1].upper() + words[1:]
            yield _make(self.scene, begin, end, "Operation",
                        self._id(["first-patrol"], slug(core)), core, "patrol")
            return
        if words.lower().startswith(("first ", "regular ")):
            words = words.split(" ", 1)[1]
        core = words[:1].upper() + words[1:]
        if not core.lower().endswith("s"):
            core += "s"
        event = self._id(["patrols"], slug(core))
        yield _make(self.scene, begin, end, "Operation", event, core, "patrol")

    def _war(self, start: int, end: int, head: str) -> Iterator[Mention]:
        left = WAR_LEFT.search(self.scene.text, max(0, start - 90), start)
        if head == "war" and left is None:
            yield from self._war_in(start, end)
            return
        if head != "war" or left is None:
            return
        year, days = self._facts(start, end)
        year = left["year"] or year
        days = left["days"] or days
        if left["dated"] and not year:
            return
        keys = [f"days:{days}"] * bool(days) + [f"war:{year}"] * bool(year)
        begin = left.start("dated") if left["dated"] else left.start()
        core = self.scene.text[begin:end]
        name = f"{core} ({year})" if year and year not in core else core
        event = self._id(keys, slug(f"{name} war") if not keys else slug("-".join(keys)))
        yield _make(self.scene, begin, end, "Operation", event, name, "war")

    def _war_in(self, start: int, end: int) -> Iterator[Mention]:
        """``the war in Yemen``: a war named by the place it is fought in, its mention the
        words from ``war`` to the place."""
        text = self.scene.text
        place = WAR_IN.match(text, end)
        if place is None or text[max(0, start - 4):start].lower() != "the ":
            return
        name = f"War in {place['place']}"
        event = self._id([f"war-in:{slug(place['place'])}"], slug(name))
        yield _make(self.scene, start, place.end(), "Operation", event, name, "war")

    def _operation(self, start: int, end: int) -> Iterator[Mention]:
        left = _left(OPERATION_LEFT, self.scene.text, start, 60, OPERATION_ENDINGS)
        if left is None:
            return
        word = left["core"].lower()
        core = next(name for key, name in CORES if key in word)
        plural = self.scene.text[end - 1] == "s"
        if word == "military" and (plural or not left["det"]):
            return
        if word == "peacekeeping":
            yield from self._mission(left.start(), end, plural)
            return
        if self.scene.text[start:end].lower().startswith("mission") and "mission" not in core:
            return
        year, days = self._facts(start, end)
        keys = [f"op:{core}"] + [f"days:{days}"] * bool(days)
        event = self._id(keys, slug(core))
        sentence = self.scene.sentence(start)
        place = self.scene.place_after(end, sentence.end) if sentence else None
        name = " ".join(filter(None, (year, place.name if place else None, core)))
        yield _make(self.scene, left.start("core"), end, "Operation", event,
                    name[0].upper() + name[1:], "operation")

    def _body_mission(self, start: int, end: int) -> list[Mention]:
        """An international body's mission in a state it names: ``the UN mission in Haiti,
        MINUSTAH``, ``UN missions in the Democratic Republic of Congo and the Central African
        Republic``, ``the EU's military partnership mission in Niger``; its short name when set
        after it, else its words (the dictionary's id kept for the body's mission in that
        state). The body stays a mention of its own, before the mission it runs."""
        text = self.scene.text
        left = MISSION_BODY.search(text, max(0, start - 70), start)
        if left is None:
            return []
        owned = bool(left["own"] or left["body"] in ("its", "their"))
        if left["body"] not in ("its", "their") and not any(
                m.start == 0 and m.end == len(left["body"]) and m.label == "Organization"
                and m.kind in INTERNATIONAL for m in default().find(left["body"])):
            return []
        gap = MISSION_IN.match(text, end)
        state = self.scene.at.get(gap.end()) if gap else None
        states: list[tuple[Mention, str]] = []
        while gap is not None and state is not None and state.role != "capital":
            states.append((state, gap["the"] or ""))
            if text[end - 1] != "s" or len(states) == 2:
                break
            gap = AND_THE.match(text, state.end)
            state = self.scene.at.get(gap.end()) if gap else None
        if not states:
            return []
        if left["body"] in ("its", "their") and not left["mods"]:
            return []
        begin = left.start("mods")
        words = " ".join(text[begin if owned else left.start():start].split())
        found = []
        for state, the in states:
            short = MISSION_SHORT.match(text, state.end) if len(states) == 1 else None
            name = f"{words} mission in {the}{state.text}".strip()
            known = self._known(left["body"], the, state) if not owned else None
            if short:
                term = next((m for m in default().find(short["short"])
                             if m.label == "Operation" and m.end == len(short["short"])), None)
                event, shown = (term.id, term.name) if term else (slug(short["short"]),
                                                                 short["short"])
            else:
                event, shown = (known.id if known else slug(name)), name
            event = self._id([f"mission:{state.id}"], event)
            first = begin if state is states[0][0] else state.start - len(the)
            found.append(Mention(first, state.end, text[first:state.end], "Operation", event,
                                 shown, "peacekeeping", "name", "described.operation", 0.55))
            if short:
                found.append(_make(self.scene, short.start("short"), short.end("short"),
                                   "Operation", event, shown, "peacekeeping"))
        return found

    @staticmethod
    def _known(body: str, the: str, state: Mention) -> Mention | None:
        """The dictionary's mission of ``body`` in ``state``: ``UN Mission in South Sudan``."""
        for owner in (body, "United Nations" if body == "UN" else body):
            for where in (f"{the}{state.text}", state.text):
                phrase = f"{owner} Mission in {where}"
                term = next((m for m in default().find(phrase) if m.label == "Operation" and
                             m.start == 0 and m.end == len(phrase)), None)
                if term is not None:
                    return term
        return None

    def _mission(self, start: int, end: int, plural: bool) -> Iterator[Mention]:
        """A peacekeeping mission, named after the place it serves in when stated."""
        place = re.match(r"\s+in\s+(?:the\s+)?", self.scene.text[end:end + 10])
        state = self.scene.at.get(end + place.end()) if place else None
        if state is not None:
            name = f"Peacekeeping mission in {state.name}"
            event = self._id([f"mission:{state.id}", "mission"], slug(name))
        elif plural or "mission" not in self.keys:
            return
        else:
            event, name = self.keys["mission"], ""
        yield _make(self.scene, start, end, "Operation", event, name, "peacekeeping")

    NAMED_NEXT = re.compile(
        r"\s*The\s+(?:operation|offensive),\s+(?:code-?named|named|called|dubbed)\s+"
        r"(?P<name>(?:Operation\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|[IVX]+|\d+))*)")
    """The next sentence naming the operation just told: ``The operation, named Operation
    Tempestade by the two commands, began``."""

    def _offensive(self, start: int, end: int) -> Iterator[Mention]:
        """``an offensive``, ``a counter-offensive``, ``a coordinated offensive against``: one
        of its own, unless the report has named an operation that ``the offensive`` refers
        to; the operation the next sentence names (``The operation, named Operation
        Tempestade``), when it does."""
        before = self.scene.text[max(0, start - 12):start].lower()
        if not re.search(r"\b(?:an?|the)\s+(?:counter-)?$", before):
            if not (OFFENSIVE_DESCRIBED.search(self.scene.text, max(0, start - 40), start) and
                    OFFENSIVE_AFTER.match(self.scene.text, end)):
                return
        elif before.endswith("the ") and self.scene.text.find("Operation ", 0, start) >= 0:
            return
        begin = start - 8 if before.endswith("counter-") else start
        core = "counter-offensive" if begin < start else "offensive"
        sentence = self.scene.sentence(start)
        named = self.NAMED_NEXT.match(self.scene.text, sentence.end) if sentence else None
        name = " ".join(named["name"].split()) if named else core.capitalize()
        event = self._id([f"op:{core}"], slug(name))
        yield _make(self.scene, begin, end, "Operation", event, name, "operation")

    def _emergency(self, start: int, end: int, head: str) -> Iterator[Mention]:
        """Mobilisations and martial law declared by a state."""
        if head == "law":
            if self.scene.text[max(0, start - 8):start].lower() != "martial ":
                return
            begin, core, kind = start - 8, "martial law", "martial_law"
        else:
            left = MOBILIZATION_LEFT.search(self.scene.text, max(0, start - 30), start)
            if left is None:
                return
            begin, kind = left.start(), "mobilization"
            core = f"{left['mod'].lower()} military mobilization"
        state = self.scene.state(begin, end, nearest=True)
        year, _ = self._facts(start, end)
        where = f" in {state.name}" if state else ""
        name = f"{core.capitalize()}{where}" + (f" ({year})" if year else "")
        event = self._id([f"{kind}:{core}:{state.id if state else ''}"],
                         slug(f"{state.id if state else ''} {core}"))
        yield _make(self.scene, begin, end, "Operation", event, name, kind)


def programs(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """Cooperation programs described in lower case: partnerships, plans, models, reforms."""
    head = scene.text[start:end].lower()
    text = scene.text
    titled = _titled_program(scene, start, end) if head in TITLED_HEADS and \
        text[start].islower() else None
    if titled is not None:
        yield titled
    elif head == "partnership":
        left = PARTNERSHIP_LEFT.search(text, max(0, start - 50), start)
        if left and not AGREEMENT_NEXT.match(text, end) and \
                not TITLED.search(text, max(0, left.start() - 60), left.start()):
            pair = PAIR_BEFORE.search(text, max(0, left.start() - 40), left.start())
            paired = pair is not None and scene.at.get(pair.start()) is not None and \
                scene.ends.get(pair.end("second")) is not None
            sentence = scene.sentence(start)
            agreed = PARTNERSHIP_NOT.match(text, end) is not None or (
                sentence is not None and PARTNERSHIP_AGREED.search(sentence.text) is not None)
            named = not paired and NAMED_BEFORE.search(text, max(0, left.start() - 30),
                                                       left.start()) is not None
            if (text[start].islower() and agreed) or named:
                return
            with_ = PARTNERSHIP_WITH.match(text, end)
            other = scene.at.get(with_.end()) if with_ else None
            yield _shared(scene, pair.start() if paired else left.start(),
                          other.end if other else end, "partnership",
                          core=" ".join(text[left.start():end].split()).lower())
    elif head in ("plan", "plans") and text[start].islower():
        left = PLAN_LEFT.search(text, max(0, start - 60), start)
        sentence = scene.sentence(start)
        if left and head == "plan" and not (sentence and SIGNED.search(sentence.text)):
            kind = "training" if "training" in left.group().lower() else "plan"
            yield _shared(scene, left.start(), end, kind, national=True)
        elif left is None and head == "plan":
            yield from _introduced(scene, start, end, aimed=True)
    elif head == "model":
        yield from _model(scene, start, end)
    elif head in ("manufacturing", "production", "projects"):
        left = JOINT_LEFT.search(text, max(0, start - 30), start)
        if left:
            yield _shared(scene, left.start(), end, "defence_industry")
    elif head in ("reform", "reforms", "system"):
        left = REFORM_LEFT.search(text, max(0, start - 30), start)
        if left and (head != "system" or left.group().lower().startswith("personnel")):
            core = f"{' '.join(left.group().lower().split())} reform"
            state = scene.state(left.start(), end)
            yield _make(scene, left.start(), end, "Program",
                        slug(f"{state.id if state else ''} {core}"),
                        core.capitalize() + (f" in {state.name}" if state else ""), "reform")
    elif head in ("programme", "package"):
        left = ACTIVITY_LEFT.search(text, max(0, start - 40), start)
        if left and (head == "programme" or left["what"].lower().startswith(PACKAGES)):
            yield _activity(scene, left.start("what"), end)
        elif head == "programme" and text[start].islower():
            yield from _introduced(scene, start, end)
        elif head == "package" and text[start].islower():
            yield from _package(scene, start, end)
    elif head in ("course", "courses"):
        yield from _course(scene, start, end)
    elif head == "venture" and text[start].islower():
        left = VENTURE_LEFT.search(text, max(0, start - 50), start)
        if left and not COMPANY.search(text, max(0, left.start() - 12), left.start()):
            yield _venture(scene, left.start("what"), end)
    elif head in FACILITY_HEADS and text[start].islower():
        left = FACILITY_LEFT.search(text, max(0, start - 90), start)
        if left:
            more = FACILITY_AFTER.match(text, end)
            yield _activity(scene, left.start("what"), more.end() if more else end)
    elif head.startswith("moderni"):
        begin = max(0, start - 30)
        match = MODERNIZATION.search(text, begin, end + 40)
        if match and match.start() <= start < match.end():
            yield _shared(scene, match.start(), match.end(), "reform",
                          core="armed forces modernization", national=True)


PARTNERSHIP_AGREED = re.compile(r"\b(?:sign(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|"
                                r"ratif(?:y|ies|ied)|entered\s+into\s+force)\b", re.I)
"""A partnership its sentence says was signed, ratified or upgraded to (``France and Qatar
signed a strategic partnership in 2024``) is a document, the agreement patterns' to read."""
PARTNERSHIP_NOT = re.compile(r"\s+(?:mission|on)\b")
"""After a partnership that is no program of its own: a mission's (``its military
partnership mission``), a document's subject (``a strategic partnership on naval
missiles``); one "between" its states stays a program (``the defense partnership between
Azerbaijan and Türkiye``, as the seed facts hold it)."""
NAMED_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+$")
"""A capitalised word right before a partnership: the end of a longer name (``a Vision for a
Comprehensive Economic and Maritime Security Partnership``)."""
PARTNERSHIP_WITH = re.compile(r"\s+with\s+(?:the\s+)?")
"""Before the partner a partnership is told with (``our strategic partnership with
Germany``), part of the phrase that names it."""


def _course(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """A course that someone runs, attends, begins or completes (``Egypt would run a staff
    course for standby force planners``, ``will attend Arctic courses at``), or one for a kind
    of trainee (``courses for mid-ranking officers``): a training program, its mention the
    course with what qualifies it, its name with whom or what it is for (``Courses on
    mass-casualty care``). One course is a program only when it lasts years (``a four-year
    course``): others are held once, as exercises are (see ``exercises``), and courses
    attended at a school are ``operations.courses``'."""
    text = scene.text
    left = COURSE_LEFT.search(text, max(0, start - 90), start)
    after = COURSE_FOR.match(text, end)
    if left is None and (after is None or not TRAINEES.search(after.group())):
        return
    if re.match(r"\s+of\b", text[end:end + 4]) or \
            re.search(r"\bof\s+$", text[max(0, start - 4):start]):
        return
    begin = left.start("mods") if left else start
    if left is None:
        mods = COURSE_MODS.search(text, max(0, start - 40), start)
        begin = mods.start() if mods else start
    phrase = " ".join(text[begin:(after.end() if after else end)].split())
    if (text[end - 1] != "s" and not YEARS_LONG.search(text, begin, end)) or \
            (left is not None and not left["mods"] and ATTENDED.search(left.group())):
        return
    yield _make(scene, begin, end, "Program", slug(phrase), phrase[:1].upper() + phrase[1:],
                "training")


def _free_acronym(scene: Scene, name: str) -> bool:
    """An acronym that is no body's: neither a dictionary term (``NATO``) nor one the report
    spells out in brackets (``United Nations Office on Drugs and Crime (UNODC)``)."""
    return ACRONYM_NAME.fullmatch(name) is not None and not default().knows(name) and \
        f"({name})" not in scene.text


def _titled_program(scene: Scene, start: int, end: int) -> Mention | None:
    """A program named before its lower-case noun (``the Re-Horizon 3 modernisation plan``),
    the name alone its mention (a name the dictionaries know keeps their reading); not a
    body's or a state's plan (``the Indian Navy programme``), nor an owner's name before a
    dictionary program (``a NATO Partnership for Peace initiative``). An acronym right before the
    noun names a program with it (``the MASE programme``) when it is no body's: neither a
    dictionary term (``the NATO programme``) nor one the report spells out in brackets
    (``United Nations Office on Drugs and Crime (UNODC)``)."""
    left = TITLED_PROGRAM.search(scene.text, max(0, start - 90), start)
    if left is not None and _free_acronym(scene, left["name"]) and \
            left.end("name") + 1 == start:
        name = f"{left['name']} {scene.text[start:end]}"
        return Mention(left.start("name"), end, scene.text[left.start("name"):end], "Program",
                       slug(name), name, "titled", "name", "described.program", 0.7)
    if left is None or NOT_PROGRAM_NAME.search(left["name"]) or \
            scene.at.get(left.start("name")) is not None or \
            (left["name"].isalpha() and left["name"].isupper() and
             not _free_acronym(scene, left["name"])):
        return None
    name = " ".join(left["name"].split())
    if len(name) < 3 or not any(c.isupper() for c in name) or any(
            m.label == "Program" and m.start > 0 and m.end == len(name)
            for m in default().find(name)):
        return None
    return Mention(left.start("name"), left.end("name"), left["name"], "Program", slug(name),
                   name, "titled", "name", "described.program", 0.75)


ADOPTED = re.compile(r"\b(?:approved|adopted|launched|unveiled|announced|agreed|drew\s+up|"
                     r"discuss(?:ed|ing)\s+with\s+[A-Z][\w-]*)\s+(?:in\s+(?:19|20)\d\d\s+)?$")
"""Before a programme or plan introduced with what it is for: ``the CSTO approved a programme
to reinforce the border``, ``adopted in 2024 a targeted programme to``."""


def _introduced(scene: Scene, start: int, end: int, aimed: bool = False) -> Iterator[Mention]:
    """A programme the report introduces unnamed and then calls ``the programme``: ``India
    and France have launched a programme to refit ...``, the noun its mention (what qualifies
    it may say more: ``a joint cooperation programme``); not where a programme is named
    before it or right after (``a ... programme ... . The Blue Horizon Programme``, see
    ``discourse``). A programme or plan approved, adopted or launched with what it is for
    (``the CSTO approved a programme to reinforce the border``) is one however it is named
    later; a plan (``aimed``) only then."""
    text = scene.text
    left = INTRODUCED.search(text, max(0, start - 80), start)
    aim = AIM.match(text, end)
    adopted = left is not None and aim is not None and \
        ADOPTED.search(text, max(0, left.start() - 50), left.start()) is not None
    if left is None or (not adopted and (aimed or not re.search(
            r"\b(?:the|this)\s+programme\b", text[end:], re.I) or
            NAMED_PROGRAMME.search(text, 0, min(len(text), end + 400)))):
        return
    core = " ".join(text[left.start("what"):end].split())
    name = f"{core} {' '.join(aim['aim'].split())}" if aim and core in ("programme", "plan") \
        else core
    yield _make(scene, start, end, "Program", slug(name), name[:1].upper() + name[1:],
                "activity")


PACKAGE_LEFT = re.compile(
    r"\b(?:an?|the|its|this|that|their)\s+(?P<what>(?:(?!(?:of|for|to|in|on|with|the|an?|by|"
    r"from|at|as|its|their|and|or|one|largest|biggest|single|whole|entire|new)\s)[\w’'-]+\s+)"
    r"(?:(?!(?:of|for|to|in|on|with|the|an?|by|from|at|as|its|their|or)\s)[\w’'-]+\s+){0,4})$")
"""A package named by what sets it apart, after its article: ``a second Arctic and North
Atlantic package``, ``the Arctic security package``, ``a previous FMF package``."""
NOT_PACKAGE = re.compile(r"[\d$€£]|\b(?:bn|billion|million|offset|aid|financial|financing|"
                         r"economic|stimulus|sanctions?|arms|weapons?)\b", re.I)
"""A package that is a sum, a deal or aid rather than a program: ``a $2 billion package``,
``the offset package``, ``a military aid package``."""


def _package(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """A package of measures a government runs, named by what sets it apart (``a second
    Arctic and North Atlantic package``): a program, its mention the whole phrase; one of
    training or support is ``ACTIVITY_LEFT``'s."""
    left = PACKAGE_LEFT.search(scene.text, max(0, start - 60), start)
    if left is None or NOT_PACKAGE.search(left["what"]) or \
            any(word in left["what"].lower() for word in PACKAGES):
        return
    yield _activity(scene, left.start("what"), end)


def _venture(scene: Scene, start: int, end: int) -> Mention:
    """A joint venture: the company it is once founded or agreed (``signed an agreement to
    form a joint venture``, ``The joint venture, set up in 2021``), a program while only
    planned (``would form a joint venture``, ``a second joint venture ... they intend to set
    up``)."""
    what = " ".join(scene.text[start:end].split())
    sentence = scene.sentence(start)
    planned = PLANNED_VENTURE.search(scene.text, sentence.start if sentence else 0, start)
    if what.lower() != "joint venture" or planned:
        return _activity(scene, start, end)
    return _make(scene, start, end, "Organization", slug(what), what[:1].upper() + what[1:],
                 "company")


def _activity(scene: Scene, start: int, end: int) -> Mention:
    """A program named by what it does (``training package``, ``local assembly
    programme``, ``second joint venture``): one per phrase in a report, whose actors the
    sentence does not tell (see ``operations.activities``)."""
    phrase = " ".join(scene.text[start:end].split())
    return _make(scene, start, end, "Program", slug(phrase), phrase[:1].upper() + phrase[1:],
                 "activity")


def _shared(scene: Scene, start: int, end: int, kind: str, core: str | None = None,
            national: bool = False) -> Mention:
    """A program of the states it names (or of the home state): ``aze-tur-strategic-
    partnership``, ``Azerbaijan–Türkiye strategic partnership``."""
    core = core or " ".join(scene.text[start:end].split()).lower()
    states = sorted(scene.parties(start, end), key=lambda m: m.id)
    if not states and national and scene.home:
        states = [scene.home]
    if len(states) == 1 and not national:
        states = []
    parties = "–".join(m.name for m in states)
    return _make(scene, start, end, "Program",
                 slug(" ".join(m.id for m in states) + f" {core}"),
                 f"{parties} {core}".strip(), kind)


def _model(scene: Scene, start: int, end: int) -> Iterator[Mention]:
    """``the Turkish (army|military) model``: a state's army taken as the model."""
    window = scene.text[max(0, start - 12):start]
    gap = re.search(r"\s+(?:(?:[Aa]rmy|[Mm]ilitary)\s+)?$", window)
    state = scene.ends.get(start - len(window) + gap.start()) if gap else None
    if state is None:
        return
    owner = state.text if state.role == "demonym" else state.name
    name = f"{owner} army model"
    yield _make(scene, state.start, end, "Program", slug(name), name, "doctrine")


WORKS = re.compile(r"\b(?:refit(?:s|ted)?|expansion|upgrade|joint\s+(?:[\w-]+\s+)?"
                   r"(?:procurement|order|purchase))\b", re.I)
"""Work done as a project, named by what it is: ``Navantia will refit both frigates``, ``the
expansion of the base``, ``the upgrade of the naval base``, ``a joint order for``."""
WORK_BY = re.compile(r"\b(?:will|would|shall|to)\s+(?:also\s+|first\s+|then\s+)?$", re.I)
"""Before a verb of work told as to come: ``will refit``, ``is to refit``."""
WORK_AIM = re.compile(r"\b(?:programmes?|programs?|plans?|projects?|initiatives?)\s+to\s+$",
                      re.I)
"""Before a verb that says what a programme is for (``a programme to refit``): the
programme's own aim, not a program of its own."""
WORK_OF = re.compile(r"\b(?:an?|the|its|whose)\s+(?:[a-z][\w-]*\s+){0,2}$")
"""Before a noun of work: ``a refit``, ``the planned expansion``."""
WORK_WHAT = re.compile(r"\s+(?:of\s+)?(?P<what>(?:the\s+|its\s+|their\s+)?[\w’'-]+(?:\s+(?!(?:at|"
                       r"in|on|for|from|by|before|after|under|with|to|and|which|that|as|over|"
                       r"until|into|within|while|since|during|is|was|will|would)\b)"
                       r"[\w’'-]+){0,6})")
"""What the work is done on: ``both frigates``, ``the AU Continental Logistics Base``."""
WORK_SITE = re.compile(r"\b(?:[A-Z][\w-]*|bases?|ports?|airfields?|runways?|airports?|"
                       r"facilit(?:y|ies)|harbours?|piers?|hospitals?|barracks|dockyards?|"
                       r"shipyards?|centres?|centers?|stations?|camps?|depots?|wharf|wharves)\b")
"""What an expansion or upgrade is of, when it is a project: a site or a named thing."""
NOT_WORK = re.compile(r"\s+(?:of\s+)?(?:(?:the|their|its|bilateral|defen[cs]e|military)\s+)*"
                      r"(?:relations?|ties|relationship|cooperation|trade|partnership|"
                      r"membership|NATO|alliance|dialogue|facility|facilities|yard|centre|"
                      r"center|package|contract|deal|agreement|programme|program)\b", re.I)
"""After a word that names no work of its own: ``the upgrade of relations``, ``a refit
facility``, ``a joint procurement agreement``."""
BIGGEST = re.compile(r"\b(?:largest|biggest|first|single)\s+$", re.I)
WORK_NAMES = {"refit": "Refit", "expansion": "Expansion", "upgrade": "Upgrade"}


def works(scene: Scene) -> Iterator[Mention]:
    """Programs told by the work they are (``WORKS``): a refit, the expansion or upgrade of
    a site, a joint procurement; a verb only when it tells of work to come (``will refit``),
    a noun only after its article (``the expansion``)."""
    text = scene.text
    for match in WORKS.finditer(text):
        start, end = match.span()
        word = " ".join(match.group().lower().split())
        if scene.sentence(start) is None or NOT_WORK.match(text, end) or \
                (text[start].isupper() and not word.startswith("joint")):
            continue
        before = text[max(0, start - 40):start]
        what = WORK_WHAT.match(text, end)
        if word.startswith("joint"):
            if BIGGEST.search(before):
                continue
        elif word == "refit" and WORK_BY.search(before):
            if WORK_AIM.search(before):
                continue
        elif word in WORK_NAMES:
            of = text.startswith(" of ", end)
            sited = word == "refit" or not of or (what and WORK_SITE.search(what["what"]))
            if not WORK_OF.search(before) or (word in ("refit", "upgrade") and not of) or \
                    not sited:
                continue
        else:
            continue
        name = f"{WORK_NAMES[word]} of {' '.join(what['what'].split())}" if \
            word in WORK_NAMES and what else WORK_NAMES.get(word) or \
            word[:1].upper() + word[1:]
        yield _make(scene, start, end, "Program", slug(name), name, "activity")


def described(scene: Scene) -> Iterator[Mention]:
    """Every unit, operation and program the report names with common nouns."""
    operations = Operations(scene)
    yield from works(scene)
    for match in scene.matches(HEADS, "described"):
        start, end = match.span()
        if scene.sentence(start) is None:
            continue
        head = match.group().lower()
        if head in UNIT_HEADS:
            yield from units(scene, start, end)
        elif " ".join(head.split()) in SUBUNITS:
            yield from subunits(scene, start, end, " ".join(head.split()))
        elif head in LISTED_UNITS:
            yield from listed_units(scene, start, end, head)
        elif " ".join(head.split()) in JOINT_HEADS:
            yield from joint_body(scene, start, end)
        elif head in OPERATION_HEADS or head.startswith("mobili"):
            yield from operations(start, end)
        else:
            yield from programs(scene, start, end)
