"""Geography from what we know: a place the report names is LOCATED_IN its state when the
dictionaries know the state (``Aktau`` → Kazakhstan) and the report names that state,
though the text does not say it; marked as inferred by its rule and a lower confidence."""

from __future__ import annotations

from ingest.extract.facts import Extraction
from ingest.extract.gazetteer import extras
from ingest.extract.syntax import Annotated

KNOWN = 0.45
"""Confidence of a place's state taken from the dictionaries."""
GUESSED = frozenset(("place.described",))
"""Rules whose place's state is only the report's home state, not known."""


def locate(annotated: Annotated, out: Extraction) -> None:
    """LOCATED_IN for every place of the report whose state the dictionaries know."""
    for place in annotated.mentions:
        if place.label != "Location" or place.id not in out.entities or \
                place.role == "qualifier":
            continue
        guessed = place.rule in GUESSED
        state = place.role[3:] if place.role.startswith("in:") and not guessed else \
            extras().get(("Location", place.id))
        if state in out.entities:
            out.relate("LOCATED_IN", place.id, state, place.span, "geography.dictionary",
                       KNOWN)
