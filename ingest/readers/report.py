"""A report as read from any format: its id, text and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.errors import IngestError

LONGEST_TEXT = 1_000_000
"""The most characters one report may hold (a long news report holds 20,000): a longer text
is skipped and named, never parsed (spaCy needs memory in proportion, and a minute a
million characters)."""


@dataclass(frozen=True)
class Report:
    """One news report: the id used in evidence spans, its text and its metadata."""

    id: str
    text: str
    file: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file or record left out, and why (``file`` names the line for record formats)."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


@dataclass
class Reading:
    """The reports read from a path and what was skipped on the way."""

    reports: list[Report] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class UnreadableReport(IngestError):
    """A report file that cannot be read as text (binary, empty or mis-encoded)."""
