"""The optional metadata CSV beside plain report files (file,title,publisher,author,...)."""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ingest.readers.fields import published_of
from ingest.readers.report import Report, UnreadableReport

FIELDS = ("title", "publisher", "author", "published", "url")
NAMES = ("articles.csv", "metadata.csv")


def metadata_path(folder: Path) -> Path | None:
    """The metadata CSV in ``folder``, if it has one."""
    return next((folder / name for name in NAMES if (folder / name).is_file()), None)


def read_metadata(folder: Path) -> dict[str, dict[str, str | None]]:
    """Metadata by file name from the metadata CSV in ``folder`` (empty if none);
    UnreadableReport naming the CSV if it cannot be read."""
    path = metadata_path(folder)
    if path is None:
        return {}
    try:
        stat = path.stat()
        return _read(path, stat.st_mtime_ns, stat.st_size)
    except OSError as error:
        raise UnreadableReport(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise UnreadableReport(f"{path}: not UTF-8 text (byte {error.start})") from None
    except csv.Error as error:
        raise UnreadableReport(f"{path}: not a valid CSV ({error})") from None


@lru_cache(maxsize=64)
def _read(path: Path, mtime: int, size: int) -> dict[str, dict[str, str | None]]:
    """The CSV's rows by file, read once per version of the file (mtime and size)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "file" not in (reader.fieldnames or []):
            raise UnreadableReport(f"{path}: metadata CSV without a 'file' column")
        return {row["file"].strip(): {key: ((row.get(key) or "").strip() or None)
                                      for key in FIELDS}
                for row in reader if (row.get("file") or "").strip()}


def with_metadata(report: Report, path: Path) -> Report:
    """The report with what the metadata CSV beside ``path`` says of it (the CSV wins); an
    unreadable CSV is ignored here (read_reports counts it among the skipped)."""
    try:
        meta = read_metadata(path.parent).get(path.name)
    except UnreadableReport:
        return report
    if not meta:
        return report
    found = {key: value for key, value in meta.items() if value}
    if "published" in found:
        found["published"] = published_of(found["published"]) or found["published"]
    return replace(report, **found)
