"""What a pattern sees of one sentence: its mentions, dates and the article's memory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ingest.extract.dates import DateMention
from ingest.extract.facts import Extraction, Mention
from ingest.extract.sentences import Sentence

ACTOR_LABELS = ("Country", "Organization", "Unit")
LOCATIVE = re.compile(r"(?:\b(?:in|at|near|across|to|off|inside|within|into)|"
                      r"\bthe\s+coast\s+of|\bheld\s+in)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


@dataclass
class Article:
    """Memory kept across the sentences of one report."""

    home: str | None = None
    published: str | None = None
    last_event: dict[str, str] = field(default_factory=dict)
    person_country: dict[str, str] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)
    exercises: dict[str, set[str]] = field(default_factory=dict)

    def remember(self, countries: list[Mention]) -> None:
        """Keep the last distinct states named, for ``the two countries``."""
        for country in countries:
            self.recent = [m for m in self.recent if m.id != country.id] + [country]


@dataclass
class Context:
    """One sentence with its resolved mentions and dates, and where to put facts."""

    text: str
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateMention]
    article: Article
    out: Extraction
    memory: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        """The sentence's span: the evidence of relations read from it."""
        return (self.sentence.start, self.sentence.end)

    def before(self, mention: Mention, width: int = 40) -> str:
        """The sentence text right before ``mention``."""
        return self.text[max(self.sentence.start, mention.start - width):mention.start]

    def is_place(self, mention: Mention) -> bool:
        """Whether the mention stands as a place (after in/at/near...), not an actor."""
        return mention.label == "Location" or bool(LOCATIVE.search(self.before(mention)))

    def actors(self) -> list[Mention]:
        """Countries, organisations and units acting in the sentence, first mention each."""
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.label in ACTOR_LABELS and mention.role != "qualifier" \
                    and not self.is_place(mention):
                seen.setdefault(mention.id, mention)
        return list(seen.values())

    def countries(self) -> list[Mention]:
        """The acting countries of the sentence."""
        return [mention for mention in self.actors() if mention.label == "Country"]

    def places(self) -> list[Mention]:
        """Places the sentence puts something in."""
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.label in ("Country", "Location") and self.is_place(mention):
                seen.setdefault(mention.id, mention)
        return list(seen.values())

    def persons(self) -> list[Mention]:
        """People named in the sentence, first mention each."""
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.label == "Person":
                seen.setdefault(mention.id, mention)
        return list(seen.values())

    def labelled(self, *labels: str) -> list[Mention]:
        """Mentions of the given labels, in order."""
        return [mention for mention in self.mentions if mention.label in labels]

    def date(self) -> str | None:
        """The first date stated in the sentence."""
        return self.dates[0].value if self.dates else None

    def has(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the sentence."""
        return pattern.search(self.sentence.text)
