"""A facts file read through libyaml's C parser: the same records and lines as the
round-trip reader, about thirty times faster.

ruamel.yaml's round-trip loader keeps every key's line for the validator's messages, but it
is pure Python and was nearly all of a cold build's time. libyaml (PyYAML's C binding)
composes the same node tree with the same marks. Plain scalars are resolved here by YAML
1.2's core schema, as ruamel.yaml resolves them; whatever this reader cannot give exactly as
the round-trip reader would (an explicit tag, a duplicate or complex key, an octal, hex or
underscored number, a date with a time, infinity, a merge key, a malformed file, a shape
the validator reports on) makes it give up, and the caller reads the file the slow way,
which also words every error.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

try:
    import yaml
    from yaml import CSafeLoader
except ImportError:  # pragma: no cover - PyYAML is a dependency; libyaml may be missing
    yaml = None  # type: ignore[assignment]
    CSafeLoader = None  # type: ignore[assignment,misc]

SECTIONS = ("article", "entities", "relations")

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True,
         "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+"
                    r"|\.[0-9]+(?:[eE][-+][0-9]+)?)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_OTHER = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
                    r"|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<|="
                    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+).*)$")
"""Plain scalars YAML 1.2 (as ruamel.yaml reads it) makes something this reader does not."""
_TAG = re.compile(r"(?:^|[\s\[{,:-])!")
"""Where a tag may stand: a file with one is left to the round-trip reader."""

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
_TYPED = frozenset("-+0123456789.~nNtTfF<=")
"""First characters of the plain scalars that YAML 1.2 may read as other than text."""


class GiveUp(Exception):
    """The file holds something this reader does not give exactly as the round-trip one."""


if CSafeLoader is not None:
    class _Untyped(CSafeLoader):  # type: ignore[misc,valid-type]
        """libyaml's loader with no implicit types: every scalar arrives as its text."""

        yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            """The default tag of a node with none given (no implicit types)."""
            return STR if kind is yaml.ScalarNode else SEQ if kind is yaml.SequenceNode \
                else MAP


def _scalar(node: Any) -> Any:
    """A scalar's value as YAML 1.2's core schema gives it."""
    if node.tag != STR:
        raise GiveUp
    text = node.value
    if node.style or (text and text[0] not in _TYPED):
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if _DATE.match(text):
        return text
    if _OTHER.match(text):
        raise GiveUp
    return text


def _value(node: Any) -> Any:
    """A node as plain Python values."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return _mapping(node)[0]
    raise GiveUp


def _mapping(node: Any) -> tuple[dict[str, Any], dict[str, int]]:
    """A mapping's values and the line of each key; duplicate or complex keys give up."""
    if node.tag != MAP:
        raise GiveUp
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise GiveUp
        key = str(_scalar(key_node))
        if key in data:
            raise GiveUp
        data[key] = _value(value_node)
        lines[key] = key_node.start_mark.line + 1
    return data, lines


def _record(node: Any) -> tuple[dict[str, Any], int, dict[str, int]]:
    if not isinstance(node, yaml.MappingNode):
        raise GiveUp
    data, lines = _mapping(node)
    return data, node.start_mark.line + 1, lines


def _records(node: Any) -> list[tuple[dict[str, Any], int, dict[str, int]]]:
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode) and not node.style and _NULL.match(node.value):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise GiveUp
    return [_record(item) for item in node.value]


def compose_facts(text: str) -> dict[str, Any] | None:
    """The article record and the entity and relation records of a well-formed facts file
    (each as data, line, key lines), or None when the round-trip reader must read it."""
    if CSafeLoader is None or _TAG.search(text):
        return None
    try:
        root = yaml.compose(text, Loader=_Untyped)
        if not isinstance(root, yaml.MappingNode):
            raise GiveUp
        sections: dict[str, Any] = {}
        for key_node, value_node in root.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key not in SECTIONS or key in sections:
                raise GiveUp
            sections[key] = value_node
        if "article" not in sections:
            raise GiveUp
        return {"article": _record(sections["article"]),
                "entities": _records(sections.get("entities")),
                "relations": _records(sections.get("relations"))}
    except (GiveUp, yaml.YAMLError, RecursionError, ValueError):
        return None


def available() -> bool:
    """Whether libyaml is at hand (else every file is read the round-trip way)."""
    return CSafeLoader is not None

