"""Reviewer decisions as edits of YAML text: a fact added to a curated facts file, a merge,
rejection or rename added to the decisions file.

Pure functions from text to text, so every edit is tested without files. Comments, key
order and the file's own indentation are kept (the round-trip loader re-emits everything it
read); a new item takes the style of the curated files: block mappings, flow lists.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from graph.vocabulary import ARTICLE_KEYS

INDENTS = ((2, 2, 0), (2, 4, 2))
"""The (mapping, sequence, offset) indentations tried, in turn, to re-emit a file as read:
``- id:`` at the left margin (the facts files) or ``  - into:`` (the decisions file)."""

FACTS_HEADER = ("# Curated facts of one report, written by `milcoop review` as a reviewer "
                "accepted them.\n")
DECISIONS_HEADER = "# Decisions about extracted facts, re-applied by `milcoop ingest`.\n"


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.preserve_quotes = True
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(root: Any, indent: tuple[int, int, int]) -> str:
    out = io.StringIO()
    _yaml(indent).dump(root, out)
    return out.getvalue()


def _load(text: str, default: tuple[int, int, int]) -> tuple[Any, tuple[int, int, int]]:
    """The document and the indentation that re-emits it unchanged (else ``default``)."""
    root = _yaml(default).load(text)
    for indent in INDENTS:
        if _dump(_yaml(indent).load(text), indent) == text:
            return root, indent
    return root, default


def flow(value: Any) -> Any:
    """A value as the curated files write it: lists (and lists of spans) in flow style.

    >>> print(_dump(CommentedMap(evidence=flow([[1, 4], [9, 12]])), INDENTS[0]), end="")
    evidence: [[1, 4], [9, 12]]
    """
    if isinstance(value, list):
        seq = CommentedSeq(flow(item) for item in value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        mapping = CommentedMap((key, flow(item)) for key, item in value.items())
        mapping.fa.set_flow_style()
        return mapping
    return value


def _item(data: dict[str, Any]) -> CommentedMap:
    """A block mapping whose list and mapping values are in flow style."""
    return CommentedMap((key, flow(value)) for key, value in data.items())


def _append(root: CommentedMap, section: str, items: Iterable[dict[str, Any]]) -> None:
    """Append ``items`` to the list ``section`` of ``root`` (made a block list if empty or
    missing); the blank line or comment that followed the old last item moves after the new
    last one, so sections stay apart."""
    items = [_item(data) for data in items]
    if not items:
        return
    current = root.get(section)
    if not isinstance(current, CommentedSeq) or current.fa.flow_style():
        seq = CommentedSeq(current or [])
        if section in root:
            root[section] = seq
        else:
            root.insert(len(root), section, seq)
        current = seq
    trailing = None
    if current and isinstance(current[-1], CommentedMap) and current[-1]:
        last = current[-1]
        key = list(last)[-1]
        comments = last.ca.items.get(key)
        if comments and len(comments) > 2 and comments[2] is not None:
            trailing = comments[2]
            comments[2] = None
    current.extend(items)
    if trailing is not None:
        new = current[-1]
        new.ca.items.setdefault(list(new)[-1], [None, None, None, None])[2] = trailing


def add_facts(text: str | None, article: dict[str, Any], entities: list[dict[str, Any]],
              relations: list[dict[str, Any]]) -> str:
    """A curated facts file's text with ``entities`` and ``relations`` appended; a new file
    for ``article`` (its article section) when ``text`` is None.

    >>> text = add_facts(None, {"id": "r1", "file": "r1.txt"},
    ...                  [{"id": "AZE", "label": "Country", "name": "Azerbaijan",
    ...                    "evidence": [[0, 10]]}], [])
    >>> print(text, end="")
    # Curated facts of one report, written by `milcoop review` as a reviewer accepted them.
    article:
      id: r1
      file: r1.txt
    entities:
    - id: AZE
      label: Country
      name: Azerbaijan
      evidence: [[0, 10]]
    relations: []
    """
    if text is None:
        root = CommentedMap()
        root["article"] = CommentedMap((key, article[key]) for key in ARTICLE_KEYS
                                       if article.get(key) is not None)
        root["entities"] = CommentedSeq()
        root["relations"] = flow([])
        _append(root, "entities", entities)
        _append(root, "relations", relations)
        return FACTS_HEADER + _dump(root, INDENTS[0])
    root, indent = _load(text, INDENTS[0])
    _append(root, "entities", entities)
    _append(root, "relations", relations)
    return _dump(root, indent)


def add_decision(text: str | None, section: str, decision: dict[str, Any]) -> str:
    """The decisions file's text with one decision added to ``section`` (merge, reject or
    rename); a new file when ``text`` is None.

    >>> print(add_decision(None, "reject", {"entity": "x", "article": "r1"}), end="")
    # Decisions about extracted facts, re-applied by `milcoop ingest`.
    reject:
      - entity: x
        article: r1
    """
    if text is None or not text.strip() or _yaml(INDENTS[1]).load(text) is None:
        root, indent, head = CommentedMap(), INDENTS[1], (text or DECISIONS_HEADER)
        _append(root, section, [decision])
        return head + _dump(root, indent)
    root, indent = _load(text, INDENTS[1])
    _append(root, section, [decision])
    return _dump(root, indent)


def drop_decisions(text: str, section: str, matches: dict[str, Any]) -> str:
    """The decisions file's text without the decisions of ``section`` whose keys hold the
    values in ``matches`` (a rename made moot once its entity is curated)."""
    root, indent = _load(text, INDENTS[1])
    items = root.get(section) if isinstance(root, CommentedMap) else None
    if not isinstance(items, CommentedSeq):
        return text
    gone = [index for index, item in enumerate(items) if isinstance(item, dict) and all(
        item.get(key) == value for key, value in matches.items())]
    for index in reversed(gone):
        del items[index]
    return _dump(root, indent) if gone else text
