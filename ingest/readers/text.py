"""Plain-text reports: UTF-8 text, the title on the first non-empty line."""

from __future__ import annotations

from pathlib import Path

from ingest.readers.metadata import read_metadata
from ingest.readers.report import Report, UnreadableReport


def decode(data: bytes, path: Path) -> str:
    """The UTF-8 text of a file; UnreadableReport if binary, empty or not UTF-8."""
    if not data.strip():
        raise UnreadableReport(f"{path}: empty file")
    if b"\x00" in data[:4096]:
        raise UnreadableReport(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableReport(f"{path}: not UTF-8 text (byte {error.start})") from None


def title_of(text: str) -> str | None:
    """The first non-empty line.

    >>> title_of("\\n  Iran, Azerbaijan hold drills\\nBody")
    'Iran, Azerbaijan hold drills'
    """
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def read_text(path: Path) -> Report:
    """A .txt report, with the metadata CSV beside it when there is one."""
    try:
        text = decode(path.read_bytes(), path)
    except OSError as error:
        raise UnreadableReport(f"{path}: cannot read ({error.strerror})") from None
    meta = read_metadata(path.parent).get(path.name, {})
    return Report(path.stem, text, path.name, meta.get("title") or title_of(text),
                  meta.get("published"), meta.get("publisher"), meta.get("author"),
                  meta.get("url"))
