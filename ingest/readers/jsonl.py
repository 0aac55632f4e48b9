"""Report records in .json (one record or a list) and .jsonl (one record a line).

A record has ``text`` (or ``body``/``content``) and may have ``title``, ``date``/``published``,
``url``, ``publisher``/``source``, ``author`` and ``id``. The report's text is the record's
text with boilerplate blanked (same length); its id is the record's ``id``, else
``<file stem>-<n>`` (n: the line, or the place in the list, from 1). A bad record is skipped
with its place and the reason; the file's other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ingest.extract.dates import infer_published
from ingest.readers.boilerplate import clean
from ingest.readers.fields import first, plain, published_of
from ingest.readers.report import Reading, Report, Skipped, UnreadableReport
from ingest.readers.text import decode, read_bytes

KEYS = {
    "text": ("text", "body", "content", "maintext", "article"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publishedAt", "date_publish",
                  "pubDate", "datePublished"),
    "url": ("url", "link", "source_url"),
    "publisher": ("publisher", "source", "site", "sitename", "site_name", "source_domain"),
    "author": ("author", "authors", "byline"),
    "id": ("id", "_id", "uuid"),
}
LISTS = ("records", "reports", "articles", "items", "data")
"""Keys under which a .json object may hold its list of records."""


class BadRecord(ValueError):
    """A record that cannot be a report (not an object, no text)."""


def record_report(record: Any, default_id: str, file: str) -> Report:
    """The report of one record; BadRecord saying why it cannot be one.

    >>> record_report({"title": "T", "body": "Oman trains.", "date": "2025-03-04"}, "f-1", "f")
    Report(id='f-1', text='Oman trains.', file='f', title='T', published='2025-03-04', \
publisher=None, author=None, url=None)
    """
    if not isinstance(record, Mapping):
        raise BadRecord(f"not a JSON object but {type(record).__name__}")
    text = first(record, KEYS["text"])
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("no text (expected a non-empty 'text', 'body' or 'content')")
    cleaned = clean(text)
    if not cleaned.text.strip():
        raise BadRecord("nothing but site boilerplate")
    return Report(plain(first(record, KEYS["id"])) or default_id, cleaned.text, file,
                  plain(first(record, KEYS["title"])),
                  published_of(first(record, KEYS["published"]))
                  or infer_published(cleaned.dateline),
                  plain(first(record, KEYS["publisher"])),
                  plain(first(record, KEYS["author"])) or cleaned.author,
                  plain(first(record, KEYS["url"])))


def _collect(path: Path, places: Iterator[tuple[str, Any]]) -> Reading:
    """Reports from ``(place, record)`` pairs; a BadRecord, given or raised, is skipped."""
    out = Reading()
    for place, record in places:
        try:
            if isinstance(record, BadRecord):
                raise record
            out.reports.append(record_report(record, f"{path.stem}-{place}", path.name))
        except BadRecord as problem:
            out.skipped.append(Skipped(f"{path}:{place}", str(problem)))
    return out


def read_jsonl(path: Path) -> Reading:
    """The reports of a .jsonl file, one record a line (blank lines ignored)."""
    text = decode(read_bytes(path), path)

    def places() -> Iterator[tuple[str, Any]]:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield str(number), json.loads(line)
            except json.JSONDecodeError as error:
                yield str(number), BadRecord(f"not valid JSON ({error.msg}, column {error.colno})")
            except RecursionError:
                yield str(number), BadRecord("nested too deeply to read")

    return _collect(path, places())


def read_json(path: Path) -> Reading:
    """The reports of a .json file: one record, a list of them, or a list under "records"."""
    text = decode(read_bytes(path), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableReport(f"{path}: not valid JSON ({error.msg}, line {error.lineno}, "
                               f"column {error.colno})") from None
    except RecursionError:
        raise UnreadableReport(f"{path}: nested too deeply to read") from None
    if isinstance(data, Mapping) and first(data, KEYS["text"]) is None:
        data = next((data[key] for key in LISTS if isinstance(data.get(key), list)), data)
    if isinstance(data, list):
        return _collect(path, ((str(n), record) for n, record in enumerate(data, start=1)))
    report = _collect(path, iter([("1", data)]))
    if report.skipped:
        raise UnreadableReport(f"{path}: {report.skipped[0].reason}")
    return report

