"""What the common-noun patterns see of a report: its text, body sentences, the countries named
and the report's home state, with quick look-ups around any stretch of text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from ingest.extract.cues import Cues
from ingest.extract.facts import Mention
from ingest.extract.sentences import Sentence

GAP = re.compile(r"(?:['’]s?|s['’])?\s+(?:the\s+)?$")
BOTH = re.compile(r"\s+of\s+(?:the|both)\s+(?:two\s+)?(?:neighbou?ring\s+|two\s+)?"
                  r"(?:countries|nations|states|sides)\b")
PAIR = re.compile(r"\b(?:(?:the\s+)?two|both|joint(?:ly)?|bilateral|their)\b", re.I)


@dataclass
class Scene:
    """A report as the common-noun patterns read it."""

    text: str
    sentences: list[Sentence]
    countries: list[Mention]
    home: Mention | None = None
    locations: list[Mention] = field(default_factory=list)
    cues: Cues | None = None
    starts: list[int] = field(init=False)
    ends: dict[int, Mention] = field(init=False)
    at: dict[int, Mention] = field(init=False)
    openings: list[int] = field(init=False)
    located: dict[int, Mention] = field(init=False)

    def __post_init__(self) -> None:
        self.countries = sorted(self.countries, key=lambda m: m.start)
        self.starts = [m.start for m in self.countries]
        self.ends = {m.end: m for m in self.countries}
        self.at = {m.start: m for m in self.countries}
        self.openings = [s.start for s in self.sentences]
        self.located = {m.start: m for m in self.locations}

    def matches(self, pattern: re.Pattern[str], group: str) -> Iterator[re.Match[str]]:
        """The matches of a word-led ``pattern`` in the report, tried only where a word of
        ``group`` begins when the report's ``cues`` are known."""
        if self.cues is None:
            return pattern.finditer(self.text)
        return self.cues.matches(pattern, group)

    def sentence(self, offset: int) -> Sentence | None:
        """The body sentence holding ``offset`` (None in headings and boilerplate)."""
        index = bisect_right(self.openings, offset) - 1
        if index < 0:
            return None
        found = self.sentences[index]
        return found if found.start <= offset < found.end and not found.heading else None

    def country_before(self, start: int) -> Mention | None:
        """The country named right before ``start``: ``Azerbaijani``, ``Armenia’s (the)``."""
        window = self.text[max(0, start - 8):start]
        match = GAP.search(window)
        found = self.ends.get(start - len(window) + match.start()) if match else None
        return found if found is not None and found.role != "capital" else None

    def country_after(self, end: int) -> Mention | None:
        """The country named in ``of (the) X`` right after ``end``."""
        match = re.match(r"\s+of\s+(?:the\s+)?", self.text[end:end + 12])
        return self.at.get(end + match.end()) if match else None

    def shared_after(self, end: int) -> list[Mention]:
        """The two states meant by ``of the two (neighbouring) countries`` right after ``end``."""
        match = BOTH.match(self.text, end, end + 45)
        return self.last_states(end) if match else []

    def location_at(self, start: int) -> Mention | None:
        """The place from the dictionaries named at ``start``."""
        return self.located.get(start)

    def place_after(self, end: int, limit: int) -> Mention | None:
        """The first place from the dictionaries named between ``end`` and ``limit``."""
        return next((m for m in self.locations if end <= m.start < limit), None)

    def in_sentence(self, start: int, end: int) -> list[Mention]:
        """The countries named between ``start`` and ``end``, capitals left out."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.countries[low:high] if m.role != "capital"]

    def last_states(self, before: int, count: int = 2) -> list[Mention]:
        """The last ``count`` distinct states named before ``before``, oldest first."""
        found: dict[str, Mention] = {}
        for mention in reversed(self.countries[:bisect_left(self.starts, before)]):
            if mention.id not in found:
                found[mention.id] = mention
            if len(found) == count:
                break
        return list(reversed(found.values()))

    def parties(self, start: int, end: int) -> list[Mention]:
        """The states a shared thing belongs to: those named in its sentence, or the last
        two named when the sentence says ``the two countries``, ``joint`` or ``their``."""
        sentence = self.sentence(start)
        if sentence is None:
            return []
        named = list({m.id: m for m in self.in_sentence(sentence.start, sentence.end)}.values())
        if len(named) < 2 and PAIR.search(self.text, sentence.start, sentence.end):
            return self.last_states(end)
        return named

    def state(self, start: int, end: int, nearest: bool = False) -> Mention | None:
        """The state a national thing belongs to: named before it, after it (``of X``), the
        nearest before it in the sentence (``nearest``), else the report's home state."""
        found = self.country_before(start) or self.country_after(end)
        if found is None and nearest:
            sentence = self.sentence(start)
            before = self.in_sentence(sentence.start, start) if sentence else []
            found = before[-1] if before else None
        return found or self.home
