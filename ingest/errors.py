"""Errors of the ingest package and the problem records validation reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.errors import MilcoopError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or doubtful) in a facts file, with where it is."""

    path: Path
    line: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


class IngestError(MilcoopError):
    """Root of the ingest package's expected errors."""


class InvalidFacts(IngestError):
    """Facts that fail validation; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [problem for problem in problems if problem.level == "error"]
        super().__init__(f"{len(errors)} error(s) in the facts; first: {errors[0]}")
