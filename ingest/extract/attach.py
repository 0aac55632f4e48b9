"""Facts a report states across its sentences about an event: whoever signed an agreement at
a meeting (``the ministers signed the Bodø Declaration at the autumn meeting of NORDEFCO``)
took part in that meeting, however many sentences later the signatories are named."""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.extract.facts import Extraction
from ingest.extract.sentences import Sentence

SIGNED_AT = re.compile(r"\b(?:at|during|(?:sidelines|margins|close|end) of)\s+"
                       r"(?:[\w’'-]+\s+){0,6}$", re.I)
"""What joins a signing to the meeting it took place at: ``at (the close of) the ...``,
``during``, ``on the sidelines of``, a few words at most before the meeting's name."""
SIGNATORIES = ("Person", "Country")
"""Who is said to take part in the meeting where they signed (a body that signs at its own
meeting holds it rather than attends it)."""
GATHERINGS = ("meeting", "talks")
"""Kinds of meeting attended by everyone who signs there: at a visit the hosts sign too,
but only the visitors take part in the visit."""


def _sentence(openings: list[int], sentences: list[Sentence], offset: int) -> int | None:
    index = bisect_right(openings, offset) - 1
    if index < 0 or offset >= sentences[index].end:
        return None
    return index


def signed_at_meetings(out: Extraction, sentences: list[Sentence]) -> None:
    """Each signatory of an agreement that a sentence says was signed at a meeting
    (the agreement named first, the meeting right after ``at``/``during``) PARTICIPATED_IN
    that meeting."""
    body = [s for s in sentences if not s.heading]
    openings = [s.start for s in body]
    meetings = [e for e in out.entities.values() if e.label == "Meeting" and
                e.properties.get("kind", "meeting") in GATHERINGS]
    if not meetings:
        return
    signatories: dict[str, list[str]] = {}
    for relation in out.relations.values():
        if relation.type == "SIGNED" and out.entities[relation.source].label in SIGNATORIES:
            signatories.setdefault(relation.target, []).append(relation.source)
    for agreement, signers in signatories.items():
        for start, end in out.entities[agreement].spans:
            where = _sentence(openings, body, start)
            if where is None:
                continue
            for meeting in meetings:
                for m_start, _ in meeting.spans:
                    if not end <= m_start < body[where].end or \
                            not SIGNED_AT.search(out.text, end, m_start):
                        continue
                    span = (body[where].start, body[where].end)
                    for signer in signers:
                        out.relate("PARTICIPATED_IN", signer, meeting.id, span,
                                   "meeting.signed_at", 0.55)
