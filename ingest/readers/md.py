"""Markdown reports with YAML front matter (title, date, url, publisher, author).

The report's text is the body after the front matter, its markup made plain (links keep their
words, images and HTML tags go); evidence offsets point into that text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ingest.extract.dates import infer_published
from ingest.readers.boilerplate import clean
from ingest.readers.fields import first, plain, published_of
from ingest.readers.metadata import with_metadata
from ingest.readers.report import Report, UnreadableReport
from ingest.readers.text import decode, read_bytes
from ingest.yaml_safety import ALIASES, first_alias

FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                   re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
MARKUP = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]"), ""),
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE), ""),
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)|\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1\2"),
    (re.compile(r"<(?:https?://|mailto:)[^>\s]+>"), ""),
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$|^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE),
     ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
]
KEYS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "publisher": ("publisher", "source", "site", "site_name", "sitename"),
    "author": ("author", "authors", "byline"),
}


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """The front matter (a mapping, empty if none) and the body after it."""
    match = FRONT.match(text)
    if not match:
        return {}, text
    alias = first_alias(match["yaml"])
    if alias is not None:
        raise UnreadableReport(f"{path}: front matter line {alias + 1}: {ALIASES}")
    try:
        meta = YAML(typ="safe", pure=True).load(match["yaml"])
    except RecursionError:
        raise UnreadableReport(f"{path}: front matter nested too deeply to read") from None
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise UnreadableReport(f"{path}: front matter is not valid YAML{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, Mapping):
        raise UnreadableReport(f"{path}: front matter is not a mapping of fields")
    return dict(meta), text[match.end():]


def plain_markdown(body: str) -> str:
    """The body's words without Markdown markup.

    >>> plain_markdown("## Drills\\n\\n**Oman** and [Qatar](https://q.example) train. ![x](y.png)")
    'Drills\\n\\nOman and Qatar train. '
    """
    for pattern, replacement in MARKUP:
        body = pattern.sub(replacement, body)
    return body


def read_markdown(path: Path) -> Report:
    """A .md report: metadata from its front matter, text from its body, boilerplate blanked."""
    meta, body = split_front_matter(decode(read_bytes(path), path), path)
    cleaned = clean(plain_markdown(body))
    if not cleaned.text.strip():
        raise UnreadableReport(f"{path}: no text after the front matter")
    heading = HEADING.search(body)
    title = plain(first(meta, KEYS["title"])) or (
        plain_markdown(heading["title"]).strip() if heading else None)
    report = Report(
        plain(meta.get("id")) or path.stem, cleaned.text, path.name,
        title or next((line.strip() for line in cleaned.text.splitlines() if line.strip()), None),
        published_of(first(meta, KEYS["published"])) or infer_published(cleaned.dateline),
        plain(first(meta, KEYS["publisher"])),
        plain(first(meta, KEYS["author"])) or cleaned.author,
        plain(first(meta, KEYS["url"])))
    return with_metadata(report, path)
