"""Find names the dictionaries cannot hold: people after a rank or title, and capitalised
phrases headed by a word that says what they are (Ministry, Command, Program, Declaration...).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from ingest.extract.cues import Cues, whole_words
from ingest.extract.facts import Mention
from ingest.extract.gazetteer import demonym_words, rows, split_list
from ingest.extract.slugs import slug

UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
NAME_WORD = rf"(?:(?:Jr|Sr)\.|[{UPPER}][\w’'-]*\w|[{UPPER}]\.)"
"""A capitalised word of a name, an initial, or the generational ``Jr.`` written with its
point (``Ferdinand Marcos Jr.``), as analysts write it."""
PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|del|dela|della|van|von|der|den|du|dos|la|le)"
JOINED = r"(?:(?:al|el|ad|ar|as|ash|at|az|abu|bin|ibn|ben)-)?"
"""A lower-case particle joined to a name by a hyphen: ``al-Sisi``, ``bin-Hamad``."""
FULL_NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{{{0,2}}}}{JOINED}{NAME_WORD}){{{{{{}}}}}}"
PERSON_AFTER = re.compile(rf"\s+(?P<name>{FULL_NAME.format('0,4')})")
APPOSITIVE = re.compile(
    rf"\b(?i:head|chief|commander|director|minister|chairman|chairwoman|secretary|spokesman|"
    rf"spokesperson|ambassador|attach[eé]|envoy|president|adviser|advisor|leader|founder|"
    rf"counterpart)\b[^,;.]{{0,120}},\s+(?P<name>{FULL_NAME.format('1,4')})"
    rf"(?=\s*[,.;]|\s+(?:said|says|told|noted))")
OWNER = re.compile(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2}['’]s\s+")
"""A possessive before a name, which is not part of it: ``Denmark's Anders Kjaer``."""
NAMED_AFTER = re.compile(rf"\bnamed\s+after\s+(?:the\s+late\s+)?"
                         rf"(?P<name>{FULL_NAME.format('1,4')})")
ROLE_AFTER = re.compile(
    rf"(?P<name>{FULL_NAME.format('1,4')}),\s+(?:(?:the|a|an|its|his|her|their)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,4}}?$")
"""``Selim Aydın, (the agency's) ...`` before a role word: a person introduced by the role
after the name."""
ROLE_WORDS = ("minister", "chief", "commander", "head", "director", "president", "ambassador",
              "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy", "adviser",
              "advisor", "chairman", "chairwoman", "leader", "deputy", "governor", "premier",
              "emir", "king", "sultan", "official", "officer", "chancellor", "founder")
ROLE_WORD = re.compile(rf"(?i:{'|'.join(ROLE_WORDS)})(?![\w’'-])")
"""A role word as a whole word: ``officials said`` or ``the ministry's headquarters`` after a
name introduce no person (``Espiritu Santo, officials said``)."""
COUNTERPART = re.compile(rf"counterparts?,?\s+(?P<name>{FULL_NAME.format('1,4')})")
"""``his Kenyan counterpart Ruth Chepkoech``: a person named right after ``counterpart``."""
EVENT_NAME = (rf"[“\"‘']?(?P<name>{NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{NAME_WORD}){{0,3}}"
              rf"(?:[-–](?:19|20)\d\d|\s(?:19|20)?\d\d)?)\b[”\"’']?")
NAME_AFTER_HEAD = re.compile(
    r"(?P<head>exercises?|drills?|war[\s-]?games?|manoeuvres?|maneuvers?|operation|mission|"
    r"campaign)(?P<called>,?\s+(?:code-?named|dubbed|called|named|titled|known\s+as))?\s+"
    + EVENT_NAME)
"""``the joint naval exercise Sea Shield 2025``, ``an operation code-named Linda Nchi``."""
OPERATION_APPOSED = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}),\s+(?:its|their|the|an?|{NAME_WORD}['’]s)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:operation|mission|campaign)\b(?![’'\w-])(?!\s+(?:commander|chief|"
    r"head|spokes\w+|staff|area|headquarters|said|says|added|told|reported|announced)\b)")
"""A name told to be an operation right after it: ``Eastern Sentry, its operation to
strengthen air defence``, ``Baltic Sentry, the operation it launched`` (not ``X, the mission
said``)."""
OWNER_END = re.compile(r".*['’]s\s+")
"""Everything up to the last possessive of a name before an exercise word: the owner's
(``the Indian Navy's MILAN multinational exercise``)."""
NAME_BEFORE_HEAD = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{NAME_WORD}){{0,3}}"
    r"(?:[-–](?:19|20)\d\d|\s(?:19|20)?\d\d)?)"
    r"[”\"’']?\s+(?:(?:joint|naval|military|annual|multinational|multilateral|bilateral|"
    r"trilateral|air|land|sea|maritime|tactical|command-staff|command|staff|live-fire|field|"
    r"combined|special|amphibious|large-scale|counter-terrorism|counter-terrorist|anti-terror|"
    r"anti-terrorism|search-and-rescue|peacekeeping|strategic|operational|training|"
    r"air-defen[cs]e|regional|international|biennial|mine|countermeasures?|readiness|snap|"
    r"combat|computer-assisted|warfare|multi-domain)\s+){0,3}$")
"""``the Zalmi Shield (naval) exercise``: a name before the exercise word."""
EDITION_NAME = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+(?:del?\s+|du\s+)?{NAME_WORD}){{0,3}}"
    r"(?:[-–]|\s)(?P<number>(?:19|20)?\d\d))\b(?![-–/.,]\d)")
"""A capitalised name with an edition's year or number: ``Fuerzas Comando 2026``."""
EDITION_VERB = re.compile(
    r"\b(?:beg[iau]n|begins|open(?:s|ed)?|start(?:s|ed)?|launch(?:es|ed)?|kick(?:s|ed)?\s+off|"
    r"(?:took|take|takes|taking)\s+part\s+in|hosted|hosts|hosting|held|holds|joined|joins|"
    r"conclude[sd]?|wrap(?:s|ped)\s+up|close[sd]|opening\s+of|closing\s+of)\s+$")
"""A verb that takes an event as its object: ``began Fuerzas Comando 2026``."""
EDITION_APPOSED = re.compile(
    r"(?:\s+(?:on|in|last|this|next)\s+\w+(?:\s+\d{1,2})?)?,\s+(?:an?|the)\s+"
    r"(?:[\w’'-]+\s+){0,5}?(?:exercises?|drills?|competition|manoeuvres|maneuvers|"
    r"war[\s-]?games?|edition)\b")
"""What a name is told to be right after it: ``Fuerzas Comando 2026 on Monday, a two-week
competition and exercise``, ``MILAN 26, the Indian Navy's biennial exercise``, ``Sea
Guardian-2026, the fourth edition``."""
EDITION_SUBJECT = re.compile(r"\s+(?:is|was|will\s+be)\s+(?:hosted|held|organi[sz]ed|"
                             r"conducted|directed|led|run)\s+by\b")
"""A name that is hosted, held or directed by someone: ``Caucasus Eagle-2026 is hosted by``."""
EDITION_AFTER_NOUN = re.compile(r"\b(?i:the|this)\s+(?i:exercise|drills),\s+$")
"""A name apposed to the exercise the sentence tells of: ``The exercise, Gulf Sweep 26, is
co-organised by``."""
EDITION_HOLDS = ("Country", "Location", "Exercise", "Operation")
"""What an edition's name may hold (``Caucasus Eagle-2026``) or be known as already."""
NOT_EDITION = frozenset((
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Since", "By", "Until", "From", "For", "Vision", "Agenda", "Strategy",
    "Plan", "Article", "Resolution", "Chapter", "Section", "COVID"))
"""Words that a dated name holding them is not an event's edition: dates, plans, clauses."""
DETERMINED = re.compile(r"\b(?i:the|this|these|that|those|its|their)\s+$")
"""A determiner right before the exercise word: ``the exercise X`` may rename an exercise
reported before, which the exercise patterns handle (as they do ``drills dubbed X``)."""
EXERCISE_HEADS = ("exercise", "drill", "war game", "war-game", "wargame", "manoeuvre",
                  "maneuver")
GENERIC_EVENT = {"Joint", "Military", "Naval", "Annual", "Combined", "Multinational",
                 "International", "Tactical", "Command", "Staff", "Field", "Training", "Live",
                 "Fire", "Regional", "Bilateral", "Trilateral", "Special", "Air", "Land", "Sea",
                 "Large-Scale", "Strategic", "Operational", "Exercise", "Exercises", "Drills",
                 "Operation", "Maritime", "Amphibious", "Army", "Navy", "Marine", "Defence",
                 "Defense", "Armed", "Forces", "Force", "Counter-Terrorism", "Peacekeeping",
                 "Allied", "First", "Second", "Third", "Last", "Next", "Previous", "Major",
                 "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                 "Central", "Phase", "Stage", "Part", "Round", "Edition"}
"""Capitalised words that alone do not name an exercise (``Joint Naval Exercise``)."""
INITIAL = re.compile(r"^[A-Z]\.$")
NOT_NAME = {"The", "He", "She", "It", "They", "On", "In", "At", "And", "Of", "For", "Said",
            "This", "That", "His", "Her", "During", "After", "Before", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Today", "Yesterday", "Also", "However"}

CAP = rf"[{UPPER}](?:[\w’'.-]*[\w])?"
ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
FIRST = rf"[{UPPER}\d](?:(?<=[{UPPER}])(?:[\w’'.-]*[\w])?|(?<=\d)\d{{0,2}}(?:st|nd|rd|th))"
"""``CAP`` or ``ORDINAL``, written to begin with one character class so a scan is fast."""
CHUNK = re.compile(rf"{FIRST}(?:(?:[ \t]+(?:of|for|and|on|de|du|del|the)){{0,2}}[ \t]+"
                   rf"(?:No\.[ \t]+\d{{1,4}}\b|{CAP}|{ORDINAL}|(?:19|20)\d\d[-–](?:19|20)\d\d\b|"
                   rf"\d{{1,4}}\b))*")
TOKEN = re.compile(r"\S+")
NUMBER_BEFORE = re.compile(r"(?<![\w.,’'-])(?:No\.[ \t]+)?\d{1,3}[ \t]+$")
"""A bare number before a formation's name: ``322 Squadron``, ``No. 12 Squadron``, ``1
Parachute Battalion`` (British and Commonwealth usage)."""
REGIMENT_AFTER = re.compile(
    rf"[ \t]*,[ \t]+(?:The[ \t]+)?(?:{CAP}[ \t]+){{0,4}}(?:Regiment|Artillery|Engineers|Rifles|"
    r"Guards|Signals|Fusiliers|Dragoons|Hussars|Lancers|Infantry)\b")
"""A regiment after a numbered battalion or battery and a comma, as Commonwealth armies name
their units: ``6th Battalion, Royal Australian Regiment``, ``1st Regiment, Royal Australian
Artillery``."""
SUBUNITS = {"Battalion", "Regiment", "Battery", "Squadron", "Company"}
NUMBERED_HEADS = {"Battalion", "Brigade", "Regiment", "Squadron", "Wing", "Flotilla",
                  "Division", "Group", "Rifles", "Commando"}
"""Singular formation words a bare number before the name may belong to."""
CONNECTORS = {"of", "for", "and", "on", "de", "du", "del", "the"}
WHEN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"}
"""Days and months: ``the Ministry of Defence on Tuesday`` ends before ``on Tuesday``."""
LEADING = {"The", "A", "An", "This", "Its", "Their", "Signed", "Thus", "Today", "Currently",
           "Besides", "Moreover", "Meanwhile", "Also", "During", "In", "On", "At", "According",
           "While", "Under", "With", "Within", "Through", "Both", "Several", "Many", "Two",
           "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Some", "Other",
           "All", "Each", "Most", "Few", "Eleven", "Twelve", "Fifteen", "Twenty", "Thirty",
           "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundreds", "Dozens",
           "Thousands", "About", "Around", "Nearly", "Almost", "Over"}
POSSESSIVE = ("’s", "'s")
MISSION_IN = re.compile(rf"\s+(?:in|to)\s+(?:the\s+)?{CAP}(?:\s+{CAP}){{0,2}}")
PROGRAM_IN = ("Programme", "Program", "Initiative")
ACRONYM_NEXT = re.compile(r"\s*\([A-Z]{2,}")
"""After ``Programme in Central Asia``: its short form (``(BOMCA 11)``) shows the place is
part of the program's name."""
LAST_HEADS = {
    **dict.fromkeys(("Program", "Programme", "Plan", "Plans", "Initiative", "Concept",
                     "Process", "Project", "Projects", "Doctrine", "Strategy"),
                    ("Program", None)),
    "Mechanism": ("Organization", None),
    **dict.fromkeys(("Declaration", "Agreement", "Treaty", "Accord", "Accords", "Memorandum",
                     "Pact", "Charter", "Protocol", "Convention"), ("Agreement", None)),
    "War": ("Operation", "war"), "Operation": ("Operation", "operation"),
    "Mission": ("Operation", "peacekeeping"),
    "Exercise": ("Exercise", None), "Exercises": ("Exercise", None),
    "Drills": ("Exercise", None), "Drill": ("Exercise", None),
}
SPACE_WORDS = frozenset({"Satellite", "Satellites", "Constellation", "Space", "Orbital",
                         "Lunar", "Broadband", "Radar", "Launch"})
"""Words that make a ``Mission`` a space programme (``Arctic Satellite Broadband Mission``,
``RADARSAT Constellation Mission``), not a deployment of forces."""
MONITORS = frozenset(("Team", "Mechanism", "Group", "Force", "Mission"))
"""Heads of a body sent to watch a ceasefire or a border, which is a mission of its own
(``International Monitoring Team``, ``Ceasefire Monitoring and Verification Mechanism``), not
an organisation or a unit."""
PLACE_HEADS = {
    **dict.fromkeys(("Region", "Province", "Oblast", "Governorate", "Valley", "Peninsula",
                     "Island", "Islands", "Mountains", "Desert", "Strait", "Sea", "Bay", "Lake",
                     "River", "Coast", "County", "Shoal", "Reef", "Atoll", "Canal"), "region"),
    "District": "district",
    **dict.fromkeys(("Base", "Airbase", "Airfield", "Polygon", "Port", "Range", "Ground",
                     "Barracks", "Airport", "Harbour", "Harbor"), "territory"),
}
PLACE_FIRST = {"Lake", "Mount", "Camp", "Fort", "Cape"}
BASE_FIRST = {("Naval", "Base"), ("Air", "Base"), ("Naval", "Station"), ("Air", "Station"),
              ("Joint", "Base"), ("Army", "Base"), ("Military", "Base")}
"""A base named after its kind: ``Naval Base Camilo Osias``, ``Air Base 104``."""
PLACE_OF = {"Bay", "Gulf", "Sea", "Strait", "Straits", "Isle", "Island", "Islands", "Lake",
            "Port"}
SHIP_STATES = {"INS": "IND", "USS": "USA", "HMS": "GBR", "HMAS": "AUS", "HMCS": "CAN",
               "HMNZS": "NZL", "JS": "JPN", "ROKS": "KOR", "TCG": "TUR", "KRI": "IDN",
               "BRP": "PHL", "ARC": "COL", "PNS": "PAK", "RSS": "SGP", "HTMS": "THA",
               "ORP": "POL", "NRP": "PRT", "HNLMS": "NLD", "ESPS": "ESP", "BNS": "BGD",
               "CNS": "CHL", "RFS": "RUS", "FS": "FRA", "SAS": "ZAF", "KD": "MYS",
               "HDMS": "DNK", "HNoMS": "NOR", "HSwMS": "SWE", "FGS": "DEU", "ITS": "ITA",
               "HS": "GRC", "ENS": "EGY", "NNS": "NGA", "ARA": "ARG", "ARM": "MEX",
               "BAP": "PER", "ROU": "URY", "VPNS": "VNM", "EML": "EST", "KNM": "NOR",
               "KDB": "BRN", "SLNS": "LKA", "FNS": "FIN", "LVNS": "LVA", "LNS": "LTU",
               "RFNS": "FJI"}
"""Ship prefixes and the state whose navy they name (``USS``: the United States)."""
SHIPS = set(SHIP_STATES)
BRANCH = {"Naval", "Navy", "Air", "Special", "Operations", "Rapid", "Reaction", "Marine",
          "Airborne", "Missile", "Rocket", "Border", "Coast", "Task",
          "Expeditionary", "Maritime", "Aerospace", "Space", "Strategic"}
MILITARY = BRANCH | {"Forces", "Operational", "Carrier", "Strike", "Battle", "Tactical", "Army",
                     "Guards", "Amphibious", "Ready", "Battalion", "Brigade", "Artillery",
                     "Countermeasures", "Standing"}
SERVICES = {"Air", "Naval", "Navy", "Maritime", "Aerospace", "Missile", "Rocket", "Mobile",
            "Airborne"}
"""Words that make forces a service or branch (a Unit), even when named for defence: ``Air
Defense Forces``, ``Mobile Forces``."""
COMPANY = {"Systems", "Technologies", "Industries", "Corporation", "Shipbuilding",
           "Dynamics", "Electronics", "Holdings", "Ltd", "Inc", "LLC", "JSC", "PLC", "Limited",
           "Company", "Co", "AG", "GmbH", "SpA", "ASA", "Aerospace", "Shipyards", "Shipbuilders",
           "Ordnance", "Motors", "Aviation", "Aeronautics", "Munitions", "Shipyard", "Dockyard",
           "Plant"}
ARMS = {"Commando", "Artillery", "Infantry", "Engineer", "Engineers", "Rifle", "Marine",
        "Marines", "Guards", "Mechanised", "Mechanized", "Reconnaissance", "Signals",
        "Parachute", "Special"}
"""The arms a company of soldiers serves in: ``601 Commando Company``, ``Honourable Artillery
Company`` are units, not firms."""
COMPANY_FIRST = {"PT", "JSC", "PJSC", "OJSC", "CJSC", "AO", "PAO", "OAO", "ZAO"}
"""Legal forms written before a company's name: ``PT Republik Aero``, ``JSC Rosoboronexport``."""
SHIP_TYPES = ("frigate", "destroyer", "corvette", "submarine", "carrier", "cruiser", "vessel",
              "boat", "ship", "minehunter", "minesweeper", "tanker", "icebreaker", "flagship",
              "warship", "minelayer", "dock", "cutter", "oiler")
SHIP_PARTICLE = r"(?:de|del|da|do|dos|du|la|le|of|the|von|van)"
"""A lower-case word inside a ship's name: ``HMCS Ville de Québec``, ``HMS Prince of Wales``,
``ROKS Jeongjo the Great``."""
SHIP_NAME = (rf"(?:(?:{'|'.join(sorted(SHIPS))})\s+)?{NAME_WORD}"
             rf"(?:\s+(?:(?!of\b){SHIP_PARTICLE}\s+)?{NAME_WORD}){{0,3}}")
"""A ship's name after its type, not run on through ``of`` (``INS Jyoti of India``)."""
SHIP_NAMED = re.compile(
    rf"(?:{'|'.join(SHIP_TYPES)})(?P<plural>s)?(?:,?\s+(?:to\s+be\s+)?(?:named|called|"
    rf"christened))?,?\s+[“\"‘']?(?P<name>{SHIP_NAME})\b"
    rf"(?P<more>(?:,\s+{SHIP_NAME})*\s+and\s+{SHIP_NAME}\b)?")
"""``the frigate Almirante Padilla``, ``the destroyer USS Dewey``, ``the patrol boats Agou
and Mono``, ``the boat, named Nafanua III``: ships named after their type."""
SHIP_STATE_GAP = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}")
"""Between a state and the type of its ship: ``the Togolese patrol boats``, ``Germany's
corvette``."""
MORE_SHIPS = re.compile(rf"(?:,|\s+and)\s+(?P<name>{SHIP_NAME})\b")
"""Each further ship in ``, B and C`` after a plural type."""
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
    "Commission": ("Organization", "agency"), "Office": ("Organization", "agency"),
    "Authority": ("Organization", "agency"), "Laboratory": ("Organization", "agency"),
    "Depot": ("Organization", "headquarters"), "Body": ("Organization", "agency"),
    "Council": ("Organization", "forum"), "Organization": ("Organization",
                                                             "international_organization"),
    "Organisation": ("Organization", "international_organization"),
    "Alliance": ("Organization", "alliance"), "Coalition": ("Organization", "coalition"),
    "Government": ("Organization", "government"), "Parliament": ("Organization", "government"),
    "Senate": ("Organization", "government"), "Congress": ("Organization", "government"),
    "Assembly": ("Organization", "government"), "Chamber": ("Organization", "government"),
    "Navy": ("Unit", "naval_forces"),
    "Corps": ("Unit", "corps"), "Brigade": ("Unit", "formation"),
    "Division": ("Unit", "formation"), "Regiment": ("Unit", "formation"),
    "Battalion": ("Unit", "formation"), "Fleet": ("Unit", "naval_forces"),
    "Flotilla": ("Unit", "naval_forces"), "Squadron": ("Unit", "formation"),
    "Wing": ("Unit", "formation"), "Rifles": ("Unit", "formation"),
    "Elements": ("Unit", "formation"),
}
ARMED = re.compile(r"\s*(?:['’]s\s+)?(?P<what>[Aa]rmed [Ff]orces|[Aa]rmy|[Tt]roops|[Ff]orces|"
                   r"[Ss]oldiers|[Nn]avy|[Nn]avies|[Nn]aval [Ff]orces|[Aa]ir [Ff]orces?|"
                   r"[Mm]arines|[Cc]ommando (?:units|forces)|[Ss]pecial [Ff]orces)\b"
                   r"(?!\s+model)")
REGION_TAIL = {"Europe", "Africa", "Pacific", "Central", "South", "North", "East", "West",
               "Southern", "Northern", "Korea", "Japan", "Atlantic", "Asia"}
"""A region after a service names a command: ``US Naval Forces Europe``."""
CONTINUED = re.compile(r"[ \t]+(?:[A-Z][a-z]+\b(?<!Minister)(?<!Chief)(?<!Commander))")
"""A capitalised word after ``US Naval Forces``: the name goes on (``US Naval Forces
Europe``, ``US Army Europe and Africa``), a command of its own, not the service."""
BARE = ("troops", "forces", "soldiers")
"""``Turkish troops`` name no body: the state itself takes part (no Armed Forces node)."""
ARMED_KIND = {"navy": ("Unit", "naval-forces", "Naval Forces of {}", "naval_forces"),
              "naval forces": ("Unit", "naval-forces", "Naval Forces of {}", "naval_forces"),
              "air force": ("Unit", "air-force", "Air Force of {}", "formation"),
              "marines": ("Unit", "marine-corps", "Marine Corps of {}", "corps"),
              "commando units": ("Unit", "commando-forces", "Commando forces of {}",
                                 "commando"),
              "commando forces": ("Unit", "commando-forces", "Commando forces of {}",
                                  "commando"),
              "special forces": ("Unit", "special-forces", "Special forces of {}",
                                 "special_forces")}
SERVICE_PLURALS = {"navies": "navy", "air forces": "air force", "armies": "army",
                   "sailors": "navy", "submariners": "navy", "airmen": "air force",
                   "pilots": "air force", "soldiers": "army"}
SERVICE_GAP = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)")
"""Between states that share one service word after the last: ``Brazilian, Chilean and
Colombian marines``, ``the Ecuadorian and Peruvian navies``."""
"""Plural services that stand for one service of each state they are said of: ``the navies
of A and B``, ``the A and B air forces``; and the people only one service has, who stand
for it when the report names it (``Malagasy sailors``: the Malagasy Navy)."""
LEADS = (("appositive", ("head", "chief", "commander", "director", "minister", "chairman",
                         "chairwoman", "secretary", "spokesman", "spokesperson", "ambassador",
                         "attach", "envoy", "president", "adviser", "advisor", "leader",
                         "founder", "counterpart")),
         ("named_after", ("named",)), ("role_after", ROLE_WORDS),
         ("counterpart", ("counterpart",)),
         ("event_after", ("exercise", "drill", "war", "manoeuvre", "maneuver", "operation",
                          "mission", "campaign")),
         ("event_before", EXERCISE_HEADS), ("ship", SHIP_TYPES))
"""The words the person and event patterns begin with, for ``Cues``."""
TELLING = {*LAST_HEADS, *PLACE_HEADS, *PLACE_FIRST, *PLACE_OF, *ORG_HEADS, *COMPANY,
           *COMPANY_FIRST, *SHIPS, "Operation", "Exercise", "Forces", "Force", "Guard", "Group",
           "Battlegroup", "Centre", "Center", "Unit", "Area", "Zone"}
"""The words one of which a phrase needs to be classified at all (a quick test)."""
NOT_PERSON = {*ORG_HEADS, *LAST_HEADS, *PLACE_HEADS, *PLACE_FIRST, *MILITARY, *COMPANY, *SHIPS,
              "Minister", "President", "Secretary", "General", "Chief", "Commander", "Deputy",
              "Ambassador", "Director", "Head", "Admiral", "Colonel", "Captain", "Prince",
              "Defence", "Defense", "Foreign", "Affairs", "National", "Security", "State",
              "Republic", "Office", "Centre", "Center", "Company", "Group", "Guard", "Force",
              "Forces", "Military", "Ministry", "Exercise", "Operation", "Task", "Joint",
              "City", "Hospital", "Cyclone", "Hurricane", "Typhoon", "Storm"}
"""Words that make a capitalised phrase something other than a person's name."""


CALLED_BEFORE = re.compile(
    r"(?:\b(?:named|called|dubbed|code-?named)|\b(?:exercises?|drills?|patrols?|operation|"
    r"competition),|(?:^|\|)[ \t]*By)[ \t]+[\"“‘']?$", re.M)
"""What comes before a name given to an exercise, a patrol or an operation (``a joint
exercise, Keris Woomera,``, ``provisionally named Amani Africa III``), or before a byline's
author (``| By Carlo Dizon |``): not a person the report is about."""


def called_not_person(text: str, mention: Mention) -> bool:
    """Whether the NER's person is a name given to an event or a byline's author (see
    ``CALLED_BEFORE``)."""
    return mention.label == "Person" and mention.rule.startswith("ner.") and \
        CALLED_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None


def unlike_person(mention: Mention) -> bool:
    """Whether a person found by a title, rank or the NER holds a word no person's name
    holds (``Strike Eagles``, ``Cyclone Freddy``, ``King Hussein Medical City``); a name set
    off after a role may keep the role (``Executive Secretary Tendai Mhlanga``)."""
    return mention.label == "Person" and mention.rule != "person.appositive" and any(
        word in NOT_PERSON for word in mention.name.split())


def persons(text: str, anchors: list[Mention]) -> Iterator[Mention]:
    """People named right after a rank or a capitalised title (``Col-Gen Arzu Rahimov``,
    ``Chief of Staff General X``, ``Chief of the Naval Staff, Rear Admiral X``: the rank is
    not part of the name; ``the Minister of Defence, Ana Silva``: a full name set off by a
    comma)."""
    ranked = {anchor.start: anchor.end for anchor in anchors if anchor.label == "Rank"}
    for anchor in anchors:
        if anchor.label not in ("Rank", "Title") or not anchor.text[:1].isupper():
            continue
        match = PERSON_AFTER.match(text, anchor.end) or _after_of(text, anchor, anchors)
        if not match and anchor.label == "Title" and text.startswith(", ", anchor.end) and \
                anchor.end + 2 in ranked:
            match = PERSON_AFTER.match(text, ranked[anchor.end + 2])
        if match and match.start("name") in ranked:
            match = PERSON_AFTER.match(text, ranked[match.start("name")])
        set_off = not match and anchor.label == "Title" and text.startswith(", ", anchor.end)
        if set_off:
            match = PERSON_AFTER.match(text, anchor.end + 1)
        if not match:
            continue
        words = _unowned(match["name"].split())
        while words and words[-1] in NOT_NAME and not _family(words):
            words.pop()
        if not words or words[0] in NOT_NAME or (set_off and (
                len(words) < 2 or any(w in NOT_PERSON for w in words))):
            continue
        name = " ".join(words)
        start = match.start("name")
        rank = anchor.name if anchor.label == "Rank" else None
        title = anchor.name if anchor.label == "Title" else None
        yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                      canonical(name),
                      role=f"rank:{rank}" if rank else f"title:{title}", rule="person.after_"
                      + anchor.label.lower(), confidence=0.8 if len(words) > 1 else 0.5)
        if title and PLURAL_TITLE.search(anchor.text):
            yield from _sharing_title(text, start + len(name), title, anchors)


def _unowned(words: list[str]) -> list[str]:
    """A name's words without the possessive ending its last (``Prime Minister Narendra
    Modi's visit``: the person is Narendra Modi)."""
    if words and words[-1].endswith(POSSESSIVE) and not words[-1].endswith(KEEP_POSSESSIVE):
        return [*words[:-1], words[-1][:-2]]
    return words


def _family(words: list[str]) -> bool:
    """Whether the last word is a family name after ``Al`` or ``El`` (``Sayyid Shihab bin
    Tarik Al Said``), though alone it could end a sentence's name (``Said``)."""
    return len(words) > 2 and words[-2] in ("Al", "El")


PLURAL_TITLE = re.compile(r"\b(?i:ministers|secretaries|chiefs|commanders)\b")
"""A title in the plural, naming more than one person."""
SHARED_GAP = re.compile(r"(?:\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’'-]*"
                        r"(?:\s+[A-Z][\w’'-]*){0,2}))?(?:,\s+(?:and\s+)?|\s+and\s+)(?=[A-Z])")
"""After one of the people a plural title names (``Defence ministers X of A and``): the
next is named."""


def _sharing_title(text: str, end: int, title: str,
                   anchors: list[Mention]) -> Iterator[Mention]:
    """The others a plural title names after its first: ``Defence ministers X of Norway and
    Y of Finland``, ``the foreign ministers X, Y and Z``."""
    states = {(m.start, m.end) for m in anchors if m.label == "Country"}
    for _ in range(6):
        gap = SHARED_GAP.match(text, end)
        if not gap or (gap["state"] and (gap.start("state"), gap.end("state")) not in states):
            return
        match = PERSON_AFTER.match(text, gap.end() - 1)
        if not match:
            return
        words = match["name"].split()
        while words and words[-1] in NOT_NAME:
            words.pop()
        if len(words) < 2 or words[0] in NOT_NAME or any(w in NOT_PERSON for w in words):
            return
        name = " ".join(words)
        start = match.start("name")
        yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                      canonical(name), role=f"title:{title}", rule="person.after_title",
                      confidence=0.7)
        end = start + len(name)


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


def appositives(text: str, cues: Cues | None = None) -> Iterator[Mention]:
    """People set off by commas after a role (``the deputy head of X, Mehmet Erdogan,``) and
    people something is named after (``the Academy named after Heydar Aliyev``); ``cues``
    (from ``LEADS``) lets the patterns run only where they can match."""
    for pattern, rule, group in ((APPOSITIVE, "person.appositive", "appositive"),
                                 (NAMED_AFTER, "person.named_after", "named_after")):
        found = cues.matches(pattern, group) if cues else pattern.finditer(text)
        for match in found:
            name = match["name"]
            start = match.start("name")
            owner = OWNER.match(name)
            if owner:
                name, start = name[owner.end():], start + owner.end()
            words = name.split()
            while words and words[-1] in NOT_NAME:
                words.pop()
            if len(words) < 2 or words[0] in NOT_NAME or words[-1] in ORG_HEADS:
                continue
            name = " ".join(words)
            yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                          canonical(name), rule=rule, confidence=0.6)


def introduced(text: str, hits: list[Mention], cues: Cues) -> Iterator[Mention]:
    """People introduced by their role after the name (``Selim Aydın, president of the
    agency,``) or right after ``counterpart`` (``his Kenyan counterpart Ruth Chepkoech``); a
    rank, title or other dictionary name opening the name is left out of it."""
    starts = cues.starts or {}
    found = [(match.start("name"), match.end("name"), "person.role_after")
             for role in starts.get("role_after", ())
             if ROLE_WORD.match(text, role)
             and (match := ROLE_AFTER.search(text, max(0, role - 120), role))]
    found += [(match.start("name"), match.end("name"), "person.counterpart")
              for match in cues.matches(COUNTERPART, "counterpart")]
    hits = sorted(hits, key=lambda hit: hit.start)
    starts = [hit.start for hit in hits]
    reach = max((hit.end - hit.start for hit in hits), default=0)
    for start, end, rule in found:
        start = _past_titles(start, end, hits[bisect_left(starts, start - reach):
                                              bisect_left(starts, end)])
        if start is None:
            continue
        words = text[start:end].split()
        while words and words[0] in NOT_NAME:
            words.pop(0)
        yield from _person(text, start, words, rule)


def _past_titles(start: int, end: int, hits: list[Mention]) -> int | None:
    """Where a name found at ``[start, end)`` begins once ranks, titles and states before it
    are left out (``Kazakh Defence Minister Ruslan ...``); None when another dictionary name
    stands inside it (a city of the big list may: ``Selim Aydın``)."""
    for hit in hits:
        if hit.start >= end or hit.end <= start:
            continue
        if hit.label in ("Rank", "Title") or (hit.start <= start and hit.label == "Country"):
            start = max(start, hit.end)
        elif not (hit.label == "Location" and hit.confidence < 0.9):
            return None
    return start


def _person(text: str, start: int, words: list[str], rule: str) -> Iterator[Mention]:
    """A person named by ``words`` from ``start``, when they look like a person's name."""
    while words and words[-1] in NOT_NAME and not _family(words):
        words.pop()
    if len(words) < 2 or any(word in NOT_PERSON or (word.isupper() and len(word) > 1)
                             for word in words):
        return
    start = text.index(words[0], start)
    name = " ".join(words)
    if text[start:start + len(name)] != name:
        return
    yield Mention(start, start + len(name), name, "Person", slug(canonical(name)),
                  canonical(name), rule=rule, confidence=0.6)


def named_events(text: str, hits: list[Mention], cues: Cues) -> Iterator[Mention]:
    """Exercises and operations named beside their common noun: after it (``the joint naval
    exercise Sea Shield 2025``, ``drills dubbed Iron Falcon``, ``an operation code-named Linda
    Nchi``) or before it (``the Zalmi Shield exercise``); an operation's name must be given
    as such (code-named, dubbed, called) or in apposition (``Eastern Sentry, its
    operation``)."""
    for match in cues.matches(NAME_AFTER_HEAD, "event_after"):
        head = match["head"].lower()
        operation = head in ("operation", "mission", "campaign")
        if operation != bool(match["called"]) or DETERMINED.search(
                text, max(0, match.start() - 12), match.start()):
            continue
        yield from _event(text, hits, match.start("name"), match["name"],
                          "Operation" if operation else "Exercise", "event.named_after")
    for match in OPERATION_APPOSED.finditer(text):
        yield from _event(text, hits, match.start("name"), match["name"], "Operation",
                          "event.named_apposed")
    starts = cues.starts or {}
    for head in starts.get("event_before", ()):
        before = NAME_BEFORE_HEAD.search(text, max(0, head - 80), head)
        if before is not None and "\n" not in before.group():
            owner = OWNER_END.search(before["name"])
            cut = owner.end() if owner else 0
            yield from _event(text, hits, before.start("name") + cut, before["name"][cut:],
                              "Exercise", "event.named_before")


def editions(text: str, hits: list[Mention]) -> Iterator[Mention]:
    """Names shaped as an event's edition (capitalised words and a year or number) that the
    text uses as an event: the object of ``began`` or ``took part in``, told to be ``a
    competition and exercise`` right after, or hosted or held by someone; the name then
    names that edition wherever else the report writes it."""
    ordered = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in ordered]
    reach = max((h.end - h.start for h in ordered), default=0)

    def inside(start: int, end: int) -> list[Mention]:
        return [h for h in ordered[bisect_left(starts, start - reach):bisect_left(starts, end)]
                if h.end > start]

    found: dict[str, Mention] = {}
    for match in EDITION_NAME.finditer(text):
        start, end = match.span("name")
        words = match["name"].replace("–", " ").replace("-", " ").split()
        if any(word in NOT_EDITION for word in words) or "\n" in match["name"] or \
                match["name"] in found:
            continue
        if not (EDITION_VERB.search(text, max(0, start - 24), start) or
                EDITION_APPOSED.match(text, end) or EDITION_SUBJECT.match(text, end) or
                (EDITION_AFTER_NOUN.search(text, max(0, start - 16), start) and
                 text.startswith(",", end))):
            continue
        parts = match["name"].split()
        if parts[0] in LEADING or parts[0] in NOT_NAME:
            if len(parts) < 3:
                continue
            start = text.index(parts[1], start + len(parts[0]))
        series = match.start("number") - 1
        if any(h.label not in EDITION_HOLDS or (h.start <= start and h.end >= series)
               for h in inside(start, end)):
            continue
        name = " ".join(text[start:end].split())
        found[text[start:end]] = Mention(start, end, text[start:end], "Exercise", slug(name),
                                         name, rule="event.edition", confidence=0.7)
    if not found:
        return
    for start, written in whole_words(text, found):
        end = start + len(written)
        if all(h.label in EDITION_HOLDS for h in inside(start, end)):
            yield replace(found[written], start=start, end=end)


SERIES_HELD = re.compile(
    rf"(?P<series>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})(?:(?P<apposed>,\s+)(?:first|last)|\s+(?:was|were)"
    r"(?:\s+(?:first|last))?)\s+(?:held|hosted|staged|conducted)\b(?P<rest>[^.;]{0,80})")
"""A series told of as held at a past date: ``Desert Flag was first held in 2016``,
``Northern Coasts was hosted by Sweden last year``; after a comma (``the bilateral exercise
Hermandad, last held in 2019``) the series stays named and the words telling the past date
name the edition."""
HELD_YEAR = re.compile(r"\bin\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b|"
                       r"\b(?P<last>last\s+year)\b")
EDITION_APPOSITION = re.compile(
    rf"\b(?i:an?|the|its)\s+(?i:first|second|third|fourth|fifth|previous|last|earlier|"
    rf"{ORDINAL})\s+edition,\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
    r"(?:-\d{1,4}|\s+(?:[IVXL]{2,6}|\d{1,4})))\b")
"""An edition named right after the words telling it: ``the previous edition, Surya Kiran
XVIII``, ``a second edition, Nile Eagles-2``."""


def past_editions(text: str) -> Iterator[Mention]:
    """Past editions of an exercise series that the text names: a series (one the report
    names with an edition number, or after ``exercise``) said to have been held in a year,
    which names that year's edition (``Desert Flag 2016``; ``last year`` counts back from
    the edition reported), and an edition named in apposition to ``the previous edition``."""
    for match in SERIES_HELD.finditer(text):
        series = match["series"]
        words = series.split()
        if words[0] in LEADING or words[0] in NOT_NAME or all(w in GENERIC_EVENT for w in words):
            continue
        editions = [int(m[1]) for m in re.finditer(
            rf"(?<![\w-]){re.escape(series)}[-–\s]((?:19|20)?\d\d?)\b", text)]
        named = re.search(rf"\b(?i:exercise|drills)\s+{re.escape(series)}\b", text)
        when = HELD_YEAR.search(match["rest"])
        if when is None or not (editions or named):
            continue
        if when["year"]:
            year = int(when["year"])
        else:
            dated = [n if n > 1900 else 2000 + n for n in editions if n >= 10]
            if not dated:
                continue
            year = max(dated) - 1
        name = f"{series} {year}"
        start, end = match.span("series")
        if match["apposed"]:
            if not when["year"]:
                continue
            start, end = match.end("apposed"), match.start("rest") + when.end()
        yield Mention(start, end, text[start:end], "Exercise", slug(name), name,
                      rule="event.past_edition", confidence=0.95)
    for match in EDITION_APPOSITION.finditer(text):
        start, end = match.span("name")
        name = " ".join(match["name"].split())
        yield Mention(start, end, text[start:end], "Exercise", slug(name), name,
                      rule="event.past_edition", confidence=0.8)


TEAM = re.compile(
    r"[ \t]+(?P<what>(?:(?!(?:a|an|the|and|or|of|to|in|on|at|for|with|from|by|as|is|was|are|"
    r"were|will|would|has|had|have|its|their|his|her|football|volleyball|basketball|rugby|"
    r"cricket|sports?|national|negotiating|legal)\b)[a-z][\w-]*[ \t]+){0,3}team)\b(?![\w’'-])")
"""A team after the state, force or body it belongs to (``a US Army mobile training team``,
``the Moroccan team``), not a sports team."""
TEAM_OWNERS = ("Country", "Organization", "Unit")


def teams(text: str, owners: list[Mention]) -> Iterator[Mention]:
    """Teams named by their owner and what they do (``Royal Navy diving team``, ``PLA medical
    team``): units, named as the report names them, the owner's name first; the mention
    covers only the words after the owner, which stays a mention of its own."""
    for owner in owners:
        if owner.label not in TEAM_OWNERS or owner.kind == "company" or \
                owner.role == "capital" or not owner.text[:1].isupper():
            continue
        match = TEAM.match(text, owner.end)
        if match is None:
            continue
        start = owner.start
        while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
            start = text.rfind(" ", 0, start - 1) + 1
        name = " ".join(text[start:match.end()].split())
        yield Mention(match.start("what"), match.end(), match["what"], "Unit", slug(name),
                      name, "team", rule="unit.team", confidence=0.6)


POSSESSED = re.compile(
    r"['’]s?[ \t]+(?P<what>(?:(?!(?:and|or|of|with|its|their|own|new|existing|former|first|"
    r"second|third|largest|main|chief|head|commander|director|minister|deputy|ambassador)\b)"
    r"[a-z][\w-]*[ \t]+){0,3}(?P<head>academy|school|college|command|division|department|"
    r"directorate|centre|center|secretariat|service|agency|units?|squadron|contingent|battalion|"
    r"company|detachment|element|brigade|regiment|field[ \t]+hospital|task[ \t]+force|marines|"
    r"commandos))\b(?![ \t]+[A-Z\d])(?!['’-])")
"""A body named by what it is after the force or body it belongs to: ``the Indian Coast
Guard's academy``, ``the Zambia Army's peace mission training centre``, ``the GKNB's mobile
units`` (not followed by its own name: ``the Navy's frigate Almirante Padilla``)."""
POSSESSED_UNITS = ("unit", "units", "squadron", "contingent", "battalion", "company",
                   "detachment", "element", "brigade", "regiment", "hospital", "force",
                   "marines", "commandos")
"""Heads ``POSSESSED`` reads as units; the others name offices, schools and commands."""
APPOSED_BEFORE = re.compile(r"[\w)],[ \t]+(?:the|a|an)[ \t]+$")
"""Before an owner whose body describes the name just written (``ASMAR, the Chilean Navy's
shipbuilding company``): a description of that name, not a body of its own."""


def possessed(text: str, owners: list[Mention]) -> Iterator[Mention]:
    """Bodies named by their owner's possessive and what they are (``the Kenya Army's peace
    mission training centre``): an Organization or a Unit named after the owner (``Kenya Army
    peace mission training centre``), the mention covering only the words after it (the
    owner stays a mention of its own); a state's only as its contingent (``Kenya's
    contingent``), states' descriptions of named bodies being most often the body's name."""
    for owner in owners:
        if owner.label not in TEAM_OWNERS or owner.kind == "company" or \
                owner.role == "capital" or not owner.text[:1].isupper() or \
                APPOSED_BEFORE.search(text, max(0, owner.start - 30), owner.start):
            continue
        match = POSSESSED.match(text, owner.end)
        if match is None or (owner.label == "Country" and match["head"] != "contingent") or \
                (match.group()[1:2] != "s" and owner.text[-1:] != "s"):
            continue
        what = " ".join(match["what"].split())
        head = match["head"].split()[-1]
        label = "Unit" if head in POSSESSED_UNITS else "Organization"
        name = f"{owner.text}'s {what}" if owner.label == "Country" else f"{owner.text} {what}"
        yield Mention(match.start("what"), match.end(), match["what"], label, slug(name), name,
                      "units" if label == "Unit" else None, rule="unit.possessed",
                      confidence=0.55)


QUOTED_UNIT = re.compile(
    r"[\"“](?P<name>[A-Z][\w’'-]*(?:\s(?:[A-Z][\w’'-]*|de|del|la|el|do|da|di)){0,4})[\"”]\s+"
    r"(?P<head>Brigade|Division|Regiment|Battalion|Squadron|Wing|Flotilla)\b")
"""A formation named by its honorific in quotes before its kind: ``the Legion's "Rey Alfonso
XIII" Brigade``."""


def quoted_units(text: str) -> Iterator[Mention]:
    """Formations named by a quoted honorific before the formation word (``"Rey Alfonso XIII"
    Brigade``), the quotes kept in the name as the unit writes it."""
    for match in QUOTED_UNIT.finditer(text):
        surface = match.group()
        name = f'"{match["name"]}" {match["head"]}'
        yield Mention(match.start(), match.end(), surface, "Unit", slug(name), name,
                      "formation", rule="unit.quoted", confidence=0.6)


BATTLEGROUP = re.compile(
    r"(?P<owner>\bNATO(?:['’]s)?\s+)?(?P<core>(?:[Ee]nhanced\s+Forward\s+Presence|[Mm]ultinational)"
    r"\s+[Bb]attle-?group)\b(?!\s+[A-Z])")
"""A multinational battlegroup, NATO's as its forward presence is: ``NATO's enhanced Forward
Presence battlegroup``, ``the French-led multinational battlegroup`` (not one named after its
host, ``Enhanced Forward Presence Battlegroup Poland``, whose words name the operation)."""


SECTOR = re.compile(r"(?<![\w-])Sector\s+(?:[1-9]\d?|North|South|East|West|Centre|Center|"
                    r"Central)\b(?![\w-])")
"""A named sector of a peace operation's area: ``Sector 2``, ``UNIFIL's Sector East`` (not
``the Southern Sector``, a stretch of ground)."""


def sectors(text: str) -> Iterator[Mention]:
    """Sectors of a mission named by number or compass point (``Sector 2 of AUSSOM``,
    ``UNMISS Sector North``): units of the mission that hold them, under their own words."""
    for match in SECTOR.finditer(text):
        name = " ".join(match.group().split())
        yield Mention(match.start(), match.end(), match.group(), "Unit", slug(name), name,
                      "sector", rule="unit.sector", confidence=0.6)


def battlegroups(text: str) -> Iterator[Mention]:
    """Multinational battlegroups named by what they are (``the multinational battlegroup``),
    under that name, and as written with their owner (``NATO's ...``), whose own mention
    stays."""
    for match in BATTLEGROUP.finditer(text):
        start, end = match.span("core")
        name = " ".join(match["core"].split())
        yield Mention(start, end, " ".join(match.group().split()), "Unit", slug(name), name,
                      "formation", rule="unit.battlegroup", confidence=0.6)


COORDINATED_UNITS = re.compile(
    rf"\b(?P<a>{ORDINAL})\s+and\s+(?P<b>{ORDINAL})\s+(?P<name>(?:{CAP}\s+){{0,3}})"
    r"(?P<head>Battalions|Brigades|Regiments|Squadrons|Divisions|Fleets|Wings|Companies)\b")
"""``the 1st and 2nd Quick Reaction Battalions``: two units, named by one plural."""


def coordinated_units(text: str) -> Iterator[Mention]:
    """Each unit of ``the 1st and 2nd Quick Reaction Battalions``, the first named at its
    ordinal, the second over the rest."""
    for match in COORDINATED_UNITS.finditer(text):
        head = "Company" if match["head"] == "Companies" else match["head"][:-1]
        rest = " ".join([*match["name"].split(), head])
        for group, end in (("a", match.end("a")), ("b", match.end())):
            name = f"{match[group]} {rest}"
            yield Mention(match.start(group), end, text[match.start(group):end], "Unit",
                          slug(name), name, "formation", rule="unit.coordinated",
                          confidence=0.6)


def ships(text: str, hits: list[Mention], cues: Cues) -> Iterator[Mention]:
    """Ships named after their type: ``the frigate Almirante Padilla``, ``the large
    anti-submarine ship Admiral Panteleyev`` (a rank begins many ships' names), each of ``the
    patrol boats Agou and Mono``, with the state named before the type (``the Togolese patrol
    boats``)."""
    for match in cues.matches(SHIP_NAMED, "ship"):
        names = [(match.start("name"), match["name"])]
        if match["plural"] and match["more"]:
            names += [(m.start("name"), m["name"])
                      for m in MORE_SHIPS.finditer(text, match.end("name"), match.end("more"))]
        state = next((h.id for h in hits if h.label == "Country" and h.role != "capital" and
                      SHIP_STATE_GAP.fullmatch(text, h.end, match.start())), None)
        for start, surface in names:
            surface = surface.split("\n")[0].rstrip()
            words = surface.split()
            end = start + len(surface)
            named = start + len(words[0]) + 1 if words[0] in SHIPS else start
            if words[0] in NOT_NAME or words[0] in LEADING or all(
                    w in GENERIC_EVENT or w in NOT_PERSON for w in words) or any(
                    h.start < end and start < h.end and not (
                        (h.label == "Location" and h.confidence < 0.9) or
                        (h.label == "Rank" and h.start == named and len(words) > 1))
                    for h in hits):
                continue
            name = " ".join(words)
            yield Mention(start, end, surface, "Unit", slug(name), name,
                          role=f"of:{state}" if state else "name", rule="unit.ship",
                          confidence=0.65)


def _event(text: str, hits: list[Mention], start: int, name: str, label: str,
           rule: str) -> Iterator[Mention]:
    """A named exercise or operation, unless its words are a state's, a body's, a place's or
    a person's name, or all generic (``Joint Naval Exercise``)."""
    words = [(start + w.start(), w.group()) for w in re.finditer(r"\S+", name)]
    while words and (words[0][1] in NOT_NAME or words[0][1] in LEADING or
                     words[0][1] in ("These", "Those", "Such", "Other", "All", "Some")):
        words.pop(0)
    while words and words[-1][1] in ("of", "the"):
        words.pop()
    if not words or all(all(part in GENERIC_EVENT for part in w.split("-")) or w in NOT_NAME
                        or w.isdigit() for _, w in words):
        return
    start, end = words[0][0], words[-1][0] + len(words[-1][1])
    name = " ".join(text[start:end].split())
    if any(h.start < end and start < h.end and h.label not in ("Exercise", "Operation")
           and not (h.label == "Location" and h.confidence < 0.9) for h in hits):
        return
    kind = "operation" if label == "Operation" else None
    yield Mention(start, end, text[start:end], label, slug(name), name, kind, rule=rule,
                  confidence=0.7)


def _classify(words: list[str]) -> tuple[str, str | None] | None:
    """The label and kind a capitalised phrase's telling word gives it, if any."""
    if not words:
        return None
    if len(words) > 2 and tuple(words[:2]) in BASE_FIRST and "of" not in words:
        return ("Location", "territory")
    if len(words) == 2 and words[1].isdigit() and COMPOUND_FORMATION.fullmatch(words[0]):
        return ("Unit", "formation")
    if len(words) == 2 and words[0] in FORMATION_FIRST and words[1] in QUARTERS:
        return ("Unit", "formation")
    if words[-1].isdigit() and len(words) > 2:
        numbered = words[-2] == "No."
        unit = _classify(words[:-2] if numbered else words[:-1])
        if numbered and unit is None and words[-3] in ("Group", "Wing", "Squadron", "Unit") \
                and "of" not in words:
            return ("Unit", "formation")
        return unit if unit and unit[0] in ("Unit", "Exercise", "Operation") else None
    last, first = words[-1], words[0]
    if first in SHIPS and "of" in words[2:] and (_classify(words[words.index("of") + 1:]) or
                                                 ("", ""))[0] in ("Organization", "Unit"):
        return None
    if first in SHIPS and len(words) > 1:
        return ("Unit", "ship") if words[-1][:1].isupper() and all(
            w[:1].isupper() or (w[:1].isdigit() and w.isalnum()) or
            (re.fullmatch(SHIP_PARTICLE, w) and words[i + 1][:1].isupper())
            for i, w in enumerate(words)) else None
    if len(words) > 1 and last == "Aviation" and words[-2] in ("Army", "Navy", "Naval"):
        return ("Unit", "formation")
    company = words[:words.index("of")] if "of" in words else words
    if len(company) > 1 and company[-1] == "Company" and (
            company[0][:1].isdigit() or ARMS & set(company)):
        return ("Unit", "formation")
    if len(company) > 1 and (company[0] in COMPANY_FIRST or company[-1] in COMPANY):
        return ("Organization", "company")
    if last == "Mission" and SPACE_WORDS & set(words):
        return ("Program", None)
    if "Monitoring" in words and last in MONITORS:
        return ("Operation", "peacekeeping")
    if last in LAST_HEADS:
        return LAST_HEADS[last]
    if first == "Special" and last == "Service" and len(words) > 2:
        return ("Unit", "special_forces")
    if words[-2:] == ["Naval", "Service"]:
        return ("Unit", "naval_forces")
    if words[-2:] == ["Naval", "Infantry"]:
        return ("Unit", "corps")
    if last in ("Base", "Airbase") and re.fullmatch(ORDINAL, first):
        return ("Unit", "formation")
    if _command_area(words):
        return ("Unit", "formation")
    if last in AREA_HEADS and "of" in words and \
            _command_area([w for w in words[len(words) - words[::-1].index("of"):] if w != "the"]):
        return None
    if last in PLACE_HEADS and not set(words) <= GENERIC_PLACE:
        return ("Location", PLACE_HEADS[last])
    if first in PLACE_FIRST and len(words) > 1:
        return ("Location", "region")
    served = words[:-2] if len(words) > 4 and words[-2] == "and" else words
    if last in REGION_TAIL and len(served) > 2 and "of" not in words and \
            served[-1] in REGION_TAIL and \
            served[-2] in ("Forces", "Force", "Army", "Navy", "Corps"):
        return ("Organization", "command")
    if words[:2] == ["Task", "Force"] and len(words) > 2:
        return ("Unit", "formation")
    if first in ("Operation", "Exercise") and len(words) > 1:
        return ("Operation", "operation") if first == "Operation" else ("Exercise", None)
    head_part = words[:words.index("of")] if "of" in words else words
    head_part = head_part[:head_part.index("for")] if "for" in head_part else head_part
    at = head_part.index("on") if "on" in head_part else 0
    if at > 0 and head_part[at - 1] in ON_HEADS and not TIMES & set(head_part[at + 1:]):
        head_part = head_part[:at]
    if len(head_part) > 2 and head_part[-1].isdigit():
        head_part = head_part[:-1]
    if not head_part:
        return None
    if head_part[-2:] == ["Working", "Group"]:
        return ("Organization", "forum")
    return _forces(head_part) or (("Location", "region") if head_part[-1] in PLACE_OF and
                                  "of" in words else ORG_HEADS.get(head_part[-1]))


TIMES = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                   "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"))
"""Words after ``on`` that date a name's run (``the Security Council on Monday``), not what a
body is for (``Cabinet Committee on Security``)."""
ON_HEADS = frozenset(("Committee", "Commission", "Council", "Group"))
"""Bodies named with what they are for after ``on`` (``Cabinet Committee on Security``,
``Joint Working Group on Defence Cooperation``)."""
AREA_HEADS = frozenset(("District", "Area", "Region", "Zone"))
"""The heads of an area a military command holds, as well as of a civil one."""
AREA_SERVICES = frozenset(("Military", "Naval", "Navy", "Army", "Air"))
ORDINAL_WORDS = frozenset(("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
                           "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth"))


def _command_area(words: list[str]) -> bool:
    """Whether a district, area, region or zone is a military command's, named by its
    service or its number (``Eastern Military District``, ``Western Naval Area``, ``Second
    Army Area``, ``5th Naval Region``, the Coast Guard's ``Seventh District``): a formation,
    not a place (``Savannah Region``, ``Bradshaw Field Training Area``)."""
    if len(words) < 2 or words[-1] not in AREA_HEADS or "of" in words:
        return False
    return bool(AREA_SERVICES & set(words)) or words[0] in ORDINAL_WORDS or \
        re.fullmatch(ORDINAL, words[0]) is not None


def classify(surface: str) -> tuple[str, str | None] | None:
    """The label and kind a capitalised name's telling word gives it, if any."""
    return _classify(surface.split())


COMPOUND_FORMATION = re.compile(r"[A-Z][a-zäöü]+(?:brigade|bataillon|regiment|division|geschwader|"
                                r"flottille)")
"""A formation named in one compound word and its number, as German names them
(``Panzerbrigade 45``, ``Panzergrenadierbataillon 122``)."""


FORMATION_FIRST = frozenset(("Brigade", "Division", "Regiment", "Battalion"))
QUARTERS = frozenset(("North", "South", "East", "West", "Nord", "Sud", "Süd", "Ost", "Vest"))
"""A formation named by its head and the quarter it guards, head first (``Brigade North``,
``Brigade Nord``)."""


@cache
def _state_names() -> tuple[str, ...]:
    """Every state's name and other names as the gazetteer writes them (``Cyprus``, ``US``,
    ``Republic of Korea``, ``Antigua and Barbuda``)."""
    return tuple(name for row in rows("countries.csv")
                 for name in (row["name"], *split_list(row["aliases"])))


@cache
def _state_words() -> frozenset[str]:
    """The names, short names and demonyms of every state (``Cyprus``, ``US``, ``Tunisian``)."""
    return frozenset(_state_names()) | demonym_words()


def _national_guard(words: list[str]) -> bool:
    """Whether a national guard is a whole state's (``the National Guard``, ``Cyprus National
    Guard``, ``Tunisian National Guard``): a body of its own beside or as its armed forces, not
    a federated state's guard (``Utah National Guard``), which is a formation."""
    return words[-2:] == ["National", "Guard"] and (
        len(words) == 2 or " ".join(words[:-2]) in _state_words())


def _forces(words: list[str]) -> tuple[str, str | None] | None:
    """Service branches, task forces, military groups and coast guards (a state's maritime
    service beside its navy) are units; armed and defence forces, border guards and forces,
    police forces and police or civil guards (law-enforcement agencies: ``Spanish Civil Guard``,
    ``Police Coast Guard``) are organisations."""
    last, found = words[-1], set(words)
    if last not in ("Forces", "Force", "Guard", "Group", "Battlegroup", "Centre", "Center",
                    "Unit"):
        return None
    if last in ("Force", "Forces", "Guard") and found & {"Police", "Civil", "Border",
                                                        "Frontier"}:
        return ("Organization", "agency")
    naval = "naval_forces" if found & {"Naval", "Navy", "Maritime", "Coast", "Marine"} else \
        "special_forces" if "Special" in found else "formation"
    if last == "Guard" and "Coast" in found:
        return ("Unit", "naval_forces")
    if last == "Guard" and _national_guard(words):
        return ("Organization", "armed_forces")
    if last == "Guard" and "Border" in found:
        return ("Organization", "agency")
    if last in ("Centre", "Center") and found & VENUE_WORDS:
        return ("Location", "territory")
    if last in ("Centre", "Center"):
        return ("Organization", "academy" if found & {"Training", "Education", "Studies"}
                else "headquarters")
    if last in ("Forces", "Force") and found & SERVICES and "Armed" not in found:
        return ("Unit", naval)
    if last in ("Forces", "Force") and found & {"Armed", "Defence", "Defense", "Self-Defense",
                                                "Self-Defence", "Democratic"}:
        return ("Organization", "armed_forces")
    if last == "Forces" and not found & BRANCH:
        return ("Organization", "armed_forces")
    if last == "Group" and not found & MILITARY:
        return None
    return ("Unit", naval)


VENUE_WORDS = frozenset({"Convention", "Conference", "Congress", "Exhibition", "Expo",
                         "Trade", "Shopping"})
"""Words that make a centre a building events are held in (``Qatar National Convention
Centre``), a place, not a body."""


Word = tuple[int, str]
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$")
"""Before a run that names the two sides of ``between A and B`` (``a contract between the
Department of Defence and Rheinmetall Defence Australia``): ``and`` parts them."""


def _parts(match: re.Match[str]) -> Iterator[list[Word]]:
    """The words of a capitalised run with their offsets, cut after possessives (``Ministry’s
    Department``) and at ``and`` unless it joins words after ``of``/``for`` (``State Service
    for Mobilization and Conscription``)."""
    words: list[Word] = []
    between = BETWEEN.search(match.string, max(0, match.start() - 12), match.start())
    for found in TOKEN.finditer(match.group()):
        word, start = found.group(), match.start() + found.start()
        rest = match.group()[found.end():]
        if word == "and" and (_splits(words, rest) or (
                between and words and not _fields(words, rest))):
            between = None
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


STAFF_COLLEGE = re.compile(r"[ \t]+(?:General[ \t]+)?Staff[ \t]+College\b")
"""``Command and (General) Staff College``: one school's name, not two bodies; so are two
regions after a service (``US Army Europe and Africa``), one command's."""


ACRONYM = re.compile(r"[A-Z][A-Z\d&-]+")


def _new_name(right: list[str]) -> bool:
    """Whether the words after ``and`` begin another name: an owner's (``and Italy's
    Ministry of Defence``), or alone an acronym or a state's demonym (``Ministry of Defence
    Production and ASFAT``, ``Centre for Higher Military Studies and Guatemalan cadets``)."""
    if not right:
        return False
    if right[0].endswith(POSSESSIVE) and not right[0].endswith(KEEP_POSSESSIVE):
        return True
    return len(right) == 1 and (ACRONYM.fullmatch(right[0]) is not None or
                                right[0] in demonym_words())


FIELDS = frozenset((
    "Peace", "Security", "Defence", "Defense", "Doctrine", "Training", "Control", "Research",
    "Development", "Science", "Technology", "Education", "Search", "Rescue", "Escape",
    "Logistics", "Planning", "Policy", "Strategy", "Reporting", "Procurement", "Acquisition",
    "Sustainment", "Maintenance", "Engineering", "Innovation", "Analysis", "Evaluation",
    "Test", "Testing", "Communications", "Information", "Mobilization", "Mobilisation",
    "Shipbuilding", "Convention", "Exhibition", "Verification", "Monitoring", "Cooperation",
    "Co-operation", "Coordination", "Standards", "Safety", "Simulation", "Readiness"))
"""Fields an office or a venue is named for: two joined by ``and`` are one name's modifier
(``Peace and Security Department``, ``Doctrine and Training Command``, ``Convention and
Exhibition Centre``), not two names."""


def _fields(words: list[Word], rest: str) -> bool:
    """Whether ``and`` joins two fields inside one name: a field word on each side."""
    right = rest.split()[:1]
    return bool(words) and words[-1][1] in FIELDS and bool(right) and \
        right[0].rstrip(",.;:") == right[0] and right[0] in FIELDS


@cache
def _joined_states() -> tuple[tuple[tuple[str, ...], str], ...]:
    """States whose names join two names with ``and`` (``Antigua and Barbuda``), as the words
    before ``and`` and the text after it."""
    return tuple((tuple(before.split()), after) for before, _, after in
                 (name.partition(" and ") for name in _state_names() if " and " in name))


def _in_state_name(words: list[Word], rest: str) -> bool:
    """Whether ``and`` joins the two halves of a state's name (``Antigua and Barbuda Coast
    Guard``): one name, not two."""
    said = tuple(w for _, w in words)
    return any(said[-len(before):] == before and re.match(rf"{re.escape(after)}\b", rest.lstrip())
               for before, after in _joined_states())


def _splits(words: list[Word], rest: str) -> bool:
    """Whether ``and`` starts a new name: after a single word or a complete name, before
    ``the`` or before a company's name (``Hyundai Rotem and Hanwha Aerospace``), unless it
    joins words after ``of``/``for`` (``Service for X and Y``) that are not names on both
    sides (``jets of Aviation Group No. 7 and Aviation Group No. 8``) or joins two fields
    (``Doctrine and Training Command``)."""
    if words and words[-1][1] == "Command" and STAFF_COLLEGE.match(rest):
        return False
    if _fields(words, rest) or _in_state_name(words, rest):
        return False
    if _new_name(rest.split()):
        return True
    right = rest.split()[:1]
    if len(words) > 2 and words[-1][1] in REGION_TAIL and right and \
            right[0].rstrip(",.;:") in REGION_TAIL and \
            words[-2][1] in ("Forces", "Force", "Army", "Navy", "Corps"):
        return False
    if rest.lstrip().startswith("the ") or (
            len(words) > 1 and _classify(rest.split()) == ("Organization", "company")):
        return True
    if any(w in ("of", "for") for _, w in words):
        right = rest.split()
        right = right[:right.index("of")] if "of" in right else right
        while len(right) > 2 and DESIGNATION.fullmatch(right[-1]):
            right = right[:-1]
        last = max(i for i, (_, w) in enumerate(words) if w in ("of", "for"))
        both = _classify([w for _, w in words[last + 1:]]) is not None and \
            _classify(right) is not None
        return len(right) > 1 and (both or _classify(right) == ("Organization", "company"))
    trimmed = _trim(words)
    return len(trimmed) <= 1 or _named(trimmed) is not None


def _trim(words: list[Word]) -> list[Word]:
    """Without leading sentence words (The, During...), a date before ``the`` (``In August
    2025 the UN Security Council``), a sector or troops named before the mission they are of
    (``Sector 2 of the African Union ... Mission in Somalia``, ``Troops of the ...``: the
    sector is a mention of its own), a broker (``US-brokered Abraham Accords``) and dangling
    connectors."""
    if len(words) > 2 and words[0][1] in PART_BEFORE_OF and words[1][1] == "of":
        words = words[2:]
    if len(words) > 3 and words[0][1] == "Sector" and words[2][1] == "of":
        words = words[3:]
    while words and (words[0][1] in LEADING or words[0][1] in CONNECTORS or
                     (words[0][1] in WHEN and len(words) > 2 and words[1][1] == "the") or
                     (words[0][1] in WHEN and len(words) > 3 and words[1][1].isdigit()
                      and words[2][1] == "the") or
                     (words[0][1].isdigit() and len(words) > 2 and words[1][1] == "the") or
                     (len(words) > 1 and words[0][1].endswith(("-brokered", "-mediated")))):
        words = words[1:]
    while words and (words[-1][1] in CONNECTORS or (
            (words[-1][1].isdigit() or YEARS.fullmatch(words[-1][1])) and len(words) > 1
            and words[-2][1] in CONNECTORS) or (words[-1][1] in WHEN and len(words) > 1
                                                and words[-2][1] in CONNECTORS)):
        words = words[:-1]
    return words


PART_BEFORE_OF = frozenset(("Troops", "Soldiers", "Peacekeepers", "Contingents", "Units"))
"""Plural nouns opening a sentence before the body they are of: ``Troops of the ... Mission``."""
YEARS = re.compile(r"(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?")
"""The years a plan runs for, written after its name: ``Defence Cooperation Plan
2025-2027``."""
DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d+[A-Za-z\d]*s?")
"""An aircraft's or vehicle's model after the name of the force flying it: ``F-16s``, ``C-17``,
``Su-30MK2``."""


@cache
def _states_with_of() -> frozenset[tuple[str, ...]]:
    """States' formal names with ``of`` in them (``Republic of Korea``), as words."""
    return frozenset(tuple(name.split()) for name in _state_names()
                     if " of " in name and "," not in name)


def _state_opening(words: list[Word]) -> int:
    """How many words a state's formal name with ``of`` in it takes at the start of a
    phrase (``Republic of Korea Navy``: 3), else 0."""
    said = tuple(w for _, w in words)
    return max((len(name) for name in _states_with_of()
                if len(said) > len(name) and said[:len(name)] == name), default=0)


def _named(words: list[Word]) -> tuple[list[Word], tuple[str, str | None]] | None:
    """The words and class of a telling phrase, or of its part after a role (``Acting Chief
    of the Main Department for Personnel``) or after the state a ship's prefix follows (``the
    Polish ORP Kormoran``), or before the model of its craft (``Royal Thai Air
    Force F-16s``), or a program named before the body it is of (``Global Maritime Crime
    Programme of the United Nations Office on Drugs and Crime``)."""
    if len(words) > 2 and words[1][1] in SHIPS and words[0][1] not in SHIPS:
        words = words[1:]
    while len(words) >= 2:
        kind = _classify([w for _, w in words])
        if kind == ("Organization", "company") and any(w == "of" for _, w in words):
            return words[:next(i for i, (_, w) in enumerate(words) if w == "of")], kind
        if kind is not None:
            return words, kind
        if YEARS.fullmatch(words[-1][1]) and \
                _classify([w for _, w in words[:-1]]) == ("Program", None):
            return words, ("Program", None)
        if DESIGNATION.fullmatch(words[-1][1]):
            words = words[:-1]
            continue
        state = _state_opening(words)
        kind = _classify([w for _, w in words[state:]]) if state else None
        if kind is not None and kind[0] in ("Organization", "Unit"):
            return words, kind
        cut = next((i for i, (_, w) in enumerate(words) if w == "of"), None)
        if cut is None:
            return None
        if cut + 1 < len(words) and words[cut + 1][1] == "the" and \
                LAST_HEADS.get(words[cut - 1][1]) == ("Program", None) and cut >= 2:
            return words[:cut], ("Program", None)
        words = _trim(words[cut + 1:])
    return None


def _based(text: str, word: Word) -> Iterator[Mention]:
    """``the Ivanovo-based 98th ... Division``: the town a unit is based in."""
    name = word[1].removesuffix("-based")
    if name[:1].isupper():
        yield Mention(word[0], word[0] + len(name), name, "Location", slug(name), name, "city",
                      rule="place.based_in", confidence=0.6)


CHIEF_OF_STAFF = (("Chief", "of", "Staff", "of"), ("Chiefs", "of", "Staff", "of"))
"""A title naming the service its holder heads (``Chief of Staff of the Iraqi Army``): the
service is the body, not a ``Staff of the Iraqi Army``; so does a flag officer's post
(``the Flag Officer Commanding Eastern Fleet``: the Eastern Fleet)."""


COMMAND_REGION = re.compile(rf"[ \t]*,[ \t]+(?P<region>{'|'.join(sorted(REGION_TAIL))})"
                            r"(?=[ \t]*\(|[ \t]+(?:commander|headquarters)\b|['’]s\b)")
"""The region a command serves, written after a comma (``US Army Southern European Task
Force, Africa (SETAF-AF)``, ``the US Army Medical Readiness Command, Europe commander``):
part of its name, a command of its own."""


SERVICE_OWNER = re.compile(r"\b(?:[Nn]avy|Air\s+Force|Self-Defen[cs]e\s+Force|Marine\s+Corps|"
                           r"Reserve)(?:['’]s?)\s+$")
"""A service owning a command (``the Brazilian Navy's Fleet Command``, ``the Air Force's
Tactical Air Command``): a formation within the service, a Unit; not a regional naval
command (``the Indian Navy's Eastern Naval Command``), which commands across services."""
ABBREVIATED = frozenset(("Inc", "Ltd", "Corp", "Co"))
"""A company's legal form, written with its point (``Leonardo PADC Helicopter Services
Inc.``), which is part of the name."""
PORTFOLIOS = re.compile(r"(?:,[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})+"
                        r"[ \t]+and[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}"
                        r"(?=[ \t]*[,.;)]|[ \t]+[a-z(])")
"""The rest of a ministry's list of portfolios (``Ministry of Police, Prisons and Fire
Services``): part of its name; not a list of people (``, and X`` with its serial comma)."""
PORTFOLIO_HEADS = ("Ministry", "Office", "Department", "Centre", "Center", "Committee",
                   "Commission")
"""Bodies named for a list of fields: ``Office of the Presidential Adviser on Peace,
Reconciliation and Unity``, ``Federal Department of Defence, Civil Protection and Sport``
(the head word before ``of``, ``for`` or ``on``)."""


def _portfolio_head(words: list[Word]) -> bool:
    """Whether a name's head, the word before its first ``of``, ``for`` or ``on``, is a body
    named for a list of fields (``National Centre for Peacekeeping Forces``)."""
    at = next((i for i, (_, w) in enumerate(words) if w in ("of", "for", "on")), 0)
    return at > 0 and words[at - 1][1] in PORTFOLIO_HEADS


def phrases(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Capitalised phrases headed by a telling word, classified by that word."""
    for match in CHUNK.finditer(text, start, len(text) if end is None else end):
        chunk = match.group()
        number = NUMBER_BEFORE.search(text, max(0, match.start() - 10), match.start())
        if " " not in chunk and "\t" not in chunk and "-based" not in chunk and not (
                number and chunk in NUMBERED_HEADS):
            continue
        for part in _parts(match):
            part = _trim(part)
            if part and part[0][1].endswith("-based"):
                yield from _based(text, part[0])
                part = part[1:]
            if tuple(w for _, w in part[:4]) in CHIEF_OF_STAFF:
                part = _trim(part[4:])
            if tuple(w for _, w in part[:2]) == ("Flag", "Officer"):
                part = part[3:] if part[2:3] and part[2][1] == "Commanding" else part[2:]
            if not part:
                continue
            found = _named(part) if any(w in TELLING for _, w in part) or \
                COMPOUND_FORMATION.fullmatch(part[0][1]) else None
            if found is None and number and part[0][1] in NUMBERED_HEADS and (
                    len(part) == 1 or part[1][1] in CONNECTORS):
                found = part[:1], ("Unit", "formation")
            if found is None:
                continue
            words, (label, what) = found
            if len(words) > 1 and words[0][1].endswith("-led"):
                words = words[1:]
            if label == "Location" and any(w == "on" for _, w in words[1:-1]):
                yield from _places_on(text, words)
                continue
            first, last = words[0][0], words[-1][0] + len(words[-1][1])
            if number and first == match.start() and label == "Unit" and \
                    words[-1][1] in NUMBERED_HEADS:
                first = number.start()
            where = MISSION_IN.match(text, last) if words[-1][1] in ("Mission", "Elements") \
                else None
            if words[-1][1] in PROGRAM_IN:
                where = MISSION_IN.match(text, last)
                where = where if where and ACRONYM_NEXT.match(text, where.end()) else None
            last = where.end() if where else last
            regiment = REGIMENT_AFTER.match(text, last) if label == "Unit" and len(words) == 2 \
                and words[-1][1] in SUBUNITS and words[0][1][:1].isdigit() else None
            last = regiment.end() if regiment else last
            if words[-1][1] in ABBREVIATED and text.startswith(".", last):
                last += 1
            if label == "Organization" and words[-1][1] == "Command" and \
                    words[-2][1] != "Naval" and SERVICE_OWNER.search(text, max(0, first - 40),
                                                                     first):
                label, what = "Unit", "formation"
            portfolio = PORTFOLIOS.match(text, last) if _portfolio_head(words) and \
                label == "Organization" and len(words) > 2 else None
            last = portfolio.end() if portfolio else last
            region = COMMAND_REGION.match(text, last) if label in ("Organization", "Unit") \
                and words[-1][1] in ("Command", "Force", "Forces") else None
            if region:
                last, label, what = region.end("region"), "Organization", "command"
            surface = text[first:last]
            if surface.endswith(("'s", "’s")):
                last -= 2
                surface = surface[:-2]
            yield Mention(first, last, surface, label, slug(surface), " ".join(surface.split()),
                          None if what == "company" else what,
                          rule=f"phrase.{label.lower()}", confidence=0.6)


def _places_on(text: str, words: list[Word]) -> Iterator[Mention]:
    """``Berenice on the Red Sea``, ``Lombrum Naval Base on Manus Island``: two places, the
    one before ``on`` lying on the other; words that name no kind of place (``International
    Conference on the Great Lakes Region``) are no place."""
    cut = next(i for i, (_, w) in enumerate(words) if w == "on" and i)
    for part in (words[:cut], _trim(words[cut + 1:])):
        if not part:
            continue
        kind = _classify([w for _, w in part]) if len(part) > 1 else None
        if (kind is not None and kind[0] != "Location") or (kind is None and len(part) > 1):
            continue
        first, last = part[0][0], part[-1][0] + len(part[-1][1])
        surface = text[first:last]
        yield Mention(first, last, surface, "Location", slug(surface), " ".join(surface.split()),
                      kind[1] if kind else None, rule="phrase.location", confidence=0.6)


def armed_forces(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """A state's forces named after it: ``Azerbaijani troops``, ``Armenia's forces``."""
    for at, country in enumerate(countries):
        match = ARMED.match(text, country.end)
        if not match or country.role == "capital":
            continue
        what = match["what"].lower()
        if match["what"] in BARE or _continued(text, match.end()):
            continue
        plural = what in SERVICE_PLURALS
        what = SERVICE_PLURALS.get(what, what)
        if what in ARMED_KIND:
            yield from _sharing_service(text, countries[max(0, at - 12):at], country, what)
        if text[max(0, country.start - 4):country.start].lower() == "pro-":
            name = f"Pro-{country.text} {what}"
            yield Mention(country.start - 4, match.end(), text[country.start - 4:match.end()],
                          "Organization", slug(name), name, "armed_group",
                          rule="org.proxy_forces", confidence=0.7)
            continue
        posted = POSTED.match(text, match.end()) if match["what"] == "Armed Forces" else None
        if posted:
            surface = text[country.start:posted.end()]
            yield Mention(country.start, posted.end(), surface, "Organization", slug(surface),
                          surface, "command", role=f"of:{country.id}",
                          rule="org.forces_posted", confidence=0.7)
            continue
        if MINISTER_AFTER.match(text, match.end()):
            continue
        surface = f"{country.text} {what}" if plural else text[country.start:match.end()]
        yield service_of(country, what, country.start, match.end(), surface,
                         "org.armed_forces")


def _sharing_service(text: str, countries: list[Mention], last: Mention,
                     what: str) -> Iterator[Mention]:
    """The services of the states coordinated before ``last`` (``countries``: the few named
    right before it, in order) that share its service word (``Brazilian, Chilean and
    Colombian marines``: Brazil's and Chile's marines), each at its state's name, written as
    the state's alone would be (``Brazilian marines``)."""
    start = last.start
    for before in reversed([c for c in countries if c.end <= last.start]):
        if before.role == "capital" or not SERVICE_GAP.fullmatch(text, before.end, start):
            return
        yield replace(service_of(before, what, before.start, before.end,
                                 f"{before.text} {what}", "org.shared_service"),
                      confidence=0.95)
        start = before.start


def service_of(country: Mention, what: str, start: int, end: int, surface: str,
               rule: str) -> Mention:
    """The mention of a state's service of the kind ``what`` names (``navy``, ``army``)."""
    label, suffix, pattern, kind = ARMED_KIND.get(
        what, ("Organization", "armed-forces", "Armed Forces of {}", "armed_forces"))
    return Mention(start, end, surface, label, f"{country.id.lower()}-{suffix}",
                   pattern.format(country.name), kind, role=f"of:{country.id}", rule=rule,
                   confidence=0.75)


ARMY_NAME = re.compile(r"^(?:the\s+)?(?P<name>(?:[A-Z][\w-]*\s+){1,3}Army)$")
"""A state's army by its proper name, capitalised: ``the Philippine Army`` (not ``the Sudanese
army``, which reports use for the military as a whole)."""
WHOLE_FORCES = re.compile(r"\b(?:Armed|Defen[cs]e|Self-Defen[cs]e)\s+Forces?\b")
"""A name of a state's forces as a whole: ``Armed Forces of the Philippines``."""
IMPLIED_RULES = ("org.office_of_title", "role.office")
"""Forces implied by their chief's title (``the Lithuanian Chief of Defence``)."""
ARMY_WORD = re.compile(r"\b[Aa]rmy\b")
"""An army chief's title (``Chief of the Army Staff``), which implies the army, not the
forces as a whole."""


def armies(mentions: list[Mention]) -> list[Mention]:
    """A state's Army named as such (``the Philippine Army``) is a body of its own, PART_OF
    the armed forces, when the report also names the forces as a whole (``Armed Forces of
    the Philippines``, ``AFP``) or their chief (``the Lithuanian Chief of Defence``)."""
    whole = {m.id[:3].upper() for m in mentions if m.id[3:] == "-armed-forces" and (
        WHOLE_FORCES.search(m.text) or m.rule == "alias.acronym" or
        (m.rule in IMPLIED_RULES and not ARMY_WORD.search(m.text)))}
    out = []
    for mention in mentions:
        state = mention.role[3:] if mention.role.startswith("of:") else ""
        named = ARMY_NAME.match(mention.text)
        if state in whole and named and mention.id == f"{state.lower()}-armed-forces":
            mention = replace(mention, id=f"{state.lower()}-army", name=named["name"])
        out.append(mention)
    return out


POSTED = re.compile(rf"\s+in\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}")
"""A state's forces posted in a named place, a command of their own: ``the French Armed
Forces in New Caledonia``."""
MINISTER_AFTER = re.compile(r"\s+Minister\b")
"""``French Armed Forces Minister``: the title of the minister, not the forces."""
EQUIPMENT = re.compile(r"[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?[ \t]+(?:[a-z]|[A-Z][\w-]*s\b)")
"""Capitalised words after a service that name its equipment, not more of its name: ``Air
Force Eurofighter Typhoons``, ``Air Force F-16 jets``."""


def _continued(text: str, end: int) -> bool:
    """Whether a service's name goes on after ``end`` (``US Naval Forces Europe``), unless
    what follows names equipment (``Italian Air Force Eurofighter Typhoons arrived``)."""
    return bool(CONTINUED.match(text, end)) and not EQUIPMENT.match(text, end)


BRACKETED_CITY = re.compile(rf"\((?P<city>{NAME_WORD}(?:\s+{NAME_WORD})?),\s*$")


def cities(text: str, countries: list[Mention]) -> Iterator[Mention]:
    """Cities given with their country in brackets: ``(Tampa, US)``."""
    for country in countries:
        if text[country.end:country.end + 1] != ")":
            continue
        match = BRACKETED_CITY.search(text[max(0, country.start - 40):country.start])
        if match:
            offset = max(0, country.start - 40)
            city = match["city"]
            start = offset + match.start("city")
            yield Mention(start, start + len(city), city, "Location", slug(city), city, "city",
                          role=f"in:{country.id}", rule="place.bracketed_city",
                          confidence=0.7)
