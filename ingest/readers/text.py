"""Plain-text reports: UTF-8 text, the title on the first non-empty line.

The report's text is the file's text with boilerplate blanked to spaces (same length), so
evidence offsets are offsets into the file.
"""

from __future__ import annotations

from pathlib import Path

from ingest.extract.dates import infer_published
from ingest.readers.boilerplate import clean
from ingest.readers.metadata import with_metadata
from ingest.readers.report import Report, UnreadableReport


def decode(data: bytes, path: Path) -> str:
    """The UTF-8 text of a file; UnreadableReport if binary, empty or not UTF-8."""
    if not data.strip():
        raise UnreadableReport(f"{path}: empty file")
    if b"\x00" in data:
        raise UnreadableReport(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableReport(f"{path}: not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise UnreadableReport(f"{path}: empty file")
    return text


def read_bytes(path: Path) -> bytes:
    """The bytes of a file; UnreadableReport (naming the file) if it cannot be opened."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableReport(f"{path}: cannot read ({error.strerror})") from None


TITLE = 300
"""The most characters a title taken from the first line keeps."""


def title_of(text: str) -> str | None:
    """The first non-empty line, cut to ``TITLE`` characters (a run-on first line is no
    title).

    >>> title_of("\\n  Iran, Azerbaijan hold drills\\nBody")
    'Iran, Azerbaijan hold drills'
    """
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return title if title is None or len(title) <= TITLE else f"{title[:TITLE].rstrip()}…"


def read_text(path: Path) -> Report:
    """A .txt report, with the metadata CSV beside it when there is one."""
    cleaned = clean(decode(read_bytes(path), path))
    if not cleaned.text.strip():
        raise UnreadableReport(f"{path}: nothing but site boilerplate")
    report = Report(path.stem, cleaned.text, path.name, title_of(cleaned.text),
                    infer_published(cleaned.dateline), author=cleaned.author)
    return with_metadata(report, path)
