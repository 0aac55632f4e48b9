"""The optional metadata CSV beside plain report files (file,title,publisher,author,...)."""

from __future__ import annotations

import csv
from pathlib import Path

FIELDS = ("title", "publisher", "author", "published", "url")
NAMES = ("articles.csv", "metadata.csv")


def read_metadata(folder: Path) -> dict[str, dict[str, str | None]]:
    """Metadata by file name from the first metadata CSV in ``folder`` (empty if none)."""
    for name in NAMES:
        path = folder / name
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                return {row["file"]: {key: (row.get(key) or None) for key in FIELDS}
                        for row in csv.DictReader(handle) if row.get("file")}
    return {}
