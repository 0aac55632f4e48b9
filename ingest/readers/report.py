"""A report as read from any format: its id, text and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.errors import IngestError


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


class UnreadableReport(IngestError):
    """A report file that cannot be read as text (binary, empty or mis-encoded)."""
