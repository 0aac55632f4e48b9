"""Saved news pages (.html, .htm): the main text and metadata, found offline by trafilatura.

trafilatura drops navigation, share bars, asides, comments and footers; its text (with the
title line first, as in .txt reports) then has its remaining boilerplate lines blanked.
Nothing is fetched: the page's bytes are all trafilatura is given.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from ingest.extract.dates import infer_published
from ingest.readers.boilerplate import clean
from ingest.readers.fields import plain, published_of
from ingest.readers.metadata import with_metadata
from ingest.readers.report import Report, UnreadableReport
from ingest.readers.text import read_bytes

DATES = {"original_date": True, "extensive_search": False}
"""The page's publication date from its markup and URL, not a date guessed from its text."""


def read_html(path: Path) -> Report:
    """A saved web page as a report; UnreadableReport if it holds no main text."""
    data = read_bytes(path)
    if not data.strip():
        raise UnreadableReport(f"{path}: empty file")
    if b"\x00" in data:
        raise UnreadableReport(f"{path}: binary file, not HTML")
    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_images=False,
        include_links=False, include_tables=True, date_extraction_params=DATES)
    found = document.as_dict() if document is not None else {}
    body = (found.get("text") or "").strip()
    if not body:
        raise UnreadableReport(f"{path}: no main text found in the page")
    title = plain(found.get("title"))
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    cleaned = clean(body)
    if not cleaned.text.strip():
        raise UnreadableReport(f"{path}: nothing but site boilerplate")
    report = Report(path.stem, cleaned.text, path.name, title,
                    published_of(found.get("date")) or infer_published(cleaned.dateline),
                    plain(found.get("sitename")), plain(found.get("author")) or cleaned.author,
                    plain(found.get("url")))
    return with_metadata(report, path)
