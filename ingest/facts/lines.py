"""A facts file as milcoop writes it, read line by line: the same records and lines as
libyaml's reader (``ingest.facts.compose``), several times sooner.

``ingest.facts.writer`` puts one key on a line and writes every value as JSON (a scalar or a
flow list), which YAML reads back unchanged, so such a line is read by splitting off its key
and giving its value to orjson. Whatever is not exactly that shape (another indentation, a
value over several lines, a plain scalar, a flow mapping, an escape JSON and YAML read apart,
a character YAML takes for a line break, a duplicate key) makes this reader give up, and the
caller reads the file the next way down.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import orjson

from ingest.facts.compose import SECTIONS

_KEY = re.compile(r"[a-z_]+\Z")
"""A key this reader takes (YAML reads it as the same text)."""
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
"""A double-quoted string at the start of a value (one its comment may follow)."""
_COMMENT = re.compile(r"[ \t]+#")
"""What a comment after a value starts with."""
_UNSAFE = re.compile("\\\\u|[\x00-\x09\x0b-\x1f{\x7f-\x9f\u2028\u2029\ud800-\udfff"
                     "\ufeff\ufffe\uffff]")
"""What this reader leaves to libyaml's: a ``\\u`` escape (JSON pairs surrogates, YAML does
not), characters YAML reads as line breaks or refuses, a byte-order mark, tabs and flow
mappings."""
_TYPED_KEYS = frozenset(("null", "true", "false"))
"""Keys YAML would read as other than text."""
Item = tuple[dict[str, Any], int, dict[str, int]]


@cache
def _plain_key(key: str) -> bool:
    """Whether this reader takes ``key`` (lower-case words YAML reads as the same text)."""
    return bool(_KEY.match(key)) and key not in _TYPED_KEYS


class _GiveUp(Exception):
    """The text is not in the writer's shape."""


def _value(text: str) -> Any:
    """A line's value: JSON, maybe followed by a comment."""
    if "#" in text:
        quoted = _STRING.match(text)
        if quoted is not None and quoted.end() < len(text):
            if not _COMMENT.match(text, quoted.end()):
                raise _GiveUp
            text = quoted.group()
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        raise _GiveUp from None


def _section(line: str, sections: dict[str, list[Item]]) -> str:
    """The section a top-level line opens (``entities:`` or ``entities: []``)."""
    name, colon, rest = line.partition(":")
    if not colon or name not in SECTIONS or name in sections or rest not in ("", " []"):
        raise _GiveUp
    sections[name] = []
    return name if not rest else ""


def read_lines(text: str) -> dict[str, Any] | None:
    """The article record and the entity and relation records of a facts file in the
    writer's shape (each as data, line, key lines), or None when it is not in that shape."""
    if _UNSAFE.search(text):
        return None
    sections: dict[str, list[Item]] = {}
    current = ""
    try:
        for number, line in enumerate(text.split("\n"), 1):
            if not line or line[0] == "#":
                continue
            if line[0] not in " -":
                current = _section(line, sections)
                continue
            lead, key, rest = line[:2], *line[2:].partition(": ")[::2]
            if lead not in ("- ", "  ") or not current or not _plain_key(key):
                raise _GiveUp
            records = sections[current]
            if current == "article" and lead != "  ":
                raise _GiveUp
            if lead == "- ":
                records.append(({}, number, {}))
            elif not records:
                if current != "article":
                    raise _GiveUp
                records.append(({}, number, {}))
            data, _, lines = records[-1]
            if key in data:
                raise _GiveUp
            data[key] = _value(rest)
            lines[key] = number
    except _GiveUp:
        return None
    if not sections.get("article"):
        return None
    return {"article": sections["article"][0], "entities": sections.get("entities", []),
            "relations": sections.get("relations", [])}
