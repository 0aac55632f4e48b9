"""Split a report into sentences, leaving out site boilerplate (bylines, footers, captions:
the readers' one rule, ``ingest.readers.boilerplate``).

Offsets always point into the original text, so evidence spans stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.readers.boilerplate import is_boilerplate

END = re.compile(r"""(?<=[.!?])["”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])""")
LONGEST = 1500
"""The most characters one sentence holds (news sentences run to a few hundred)."""
ABBREVIATIONS = ("Gen.", "Col.", "Lt.", "Maj.", "Brig.", "Adm.", "Capt.", "Mr.", "Mrs.", "Ms.",
                 "Dr.", "St.", "No.", "U.S.", "U.K.", "U.N.", "E.U.", "Jan.", "Feb.", "Aug.",
                 "Sept.", "Oct.", "Nov.", "Dec.", "Sgt.", "Cpl.", "Cmdr.", "Vice Adm.", "Jr.",
                 "vs.", "Inc.", "Co.", "Corp.", "e.g.", "i.e.", "approx.")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report and where it lies in the text."""

    start: int
    end: int
    text: str
    heading: bool = False


def is_heading(line: str) -> bool:
    """A short title-case line without a final full stop (a title or section heading)."""
    words = line.split()
    if not words or len(words) > 16 or line.rstrip().endswith((".", "”", '"')):
        return False
    capital = sum(1 for word in words if word[:1].isupper() or not word[:1].isalpha())
    return capital / len(words) >= 0.6


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its offset."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _initial(before: str) -> bool:
    """Whether ``before`` ends with an initial (``J.``): a capital letter and a full stop
    after a non-word character, as ``\\b[A-Z]\\.$`` says."""
    return len(before) >= 2 and before[-1] == "." and "A" <= before[-2] <= "Z" and (
        len(before) == 2 or not (before[-3].isalnum() or before[-3] == "_"))


def _pieces(line: str) -> Iterator[tuple[int, int]]:
    """Sentence boundaries within a line, not splitting after common abbreviations, and no
    sentence longer than ``LONGEST`` characters (cut at a space)."""
    start = 0
    for match in END.finditer(line):
        before = line[start:match.start()]
        if before.endswith(ABBREVIATIONS) or _initial(before):
            continue
        yield from _bounded(line, start, match.start())
        start = match.end()
    yield from _bounded(line, start, len(line))


def _bounded(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``line[start:end]`` in pieces of at most ``LONGEST`` characters, cut at spaces: text
    without full stops (a run-on line, a table) cannot make one sentence of megabytes,
    whose pairs of names every pattern would try."""
    while end - start > LONGEST:
        cut = line.rfind(" ", start + LONGEST // 2, start + LONGEST)
        cut = cut if cut > start else start + LONGEST
        yield start, cut
        start = cut
    yield start, end


def split(text: str) -> list[Sentence]:
    """The sentences of a report, boilerplate lines left out, offsets into ``text``.

    >>> [s.text for s in split("Last update: May 1\\nIran and Iraq met. They signed a deal.")]
    ['Iran and Iraq met.', 'They signed a deal.']
    """
    found: list[Sentence] = []
    for offset, line in lines(text):
        if not line.strip() or is_boilerplate(line):
            continue
        heading = is_heading(line)
        for start, end in _pieces(line):
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if piece:
                begin = offset + start + lead
                found.append(Sentence(begin, begin + len(piece), piece, heading))
    return found
