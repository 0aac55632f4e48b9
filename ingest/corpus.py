"""Find the text of a report in the corpus folders, when they are at hand."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path


class Corpus:
    """The folders that hold report texts; a missing text is None, never an error."""

    def __init__(self, dirs: Sequence[Path] = ()) -> None:
        self.dirs = tuple(dirs)

    def path(self, file_name: str) -> Path | None:
        """The first corpus file called ``file_name``, if any folder has it."""
        for folder in self.dirs:
            candidate = folder / file_name
            if candidate.is_file():
                return candidate
        return None

    def text(self, file_name: str) -> str | None:
        """The report's text exactly as stored (newlines kept), or None if not at hand."""
        path = self.path(file_name)
        return _read(path) if path else None


@cache
def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
