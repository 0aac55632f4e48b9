"""YAML read from users' files (facts, decisions, front matter) refused before it is built
when it uses aliases: a one-kilobyte file of nested aliases expands to gigabytes."""

from __future__ import annotations

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.events import AliasEvent


def first_alias(text: str) -> int | None:
    """The line (from 1) of the first alias (``*name``) in ``text``, or None; a text that
    is not valid YAML is left to the loader to report.

    >>> first_alias("a: &x [1, 2]\\nb: *x\\n"), first_alias("a: [1, 2]\\n")
    (2, None)
    """
    if "*" not in text:
        return None
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, AliasEvent):
                return event.start_mark.line + 1
    except (YAMLError, RecursionError):
        return None
    return None


ALIASES = "YAML aliases (*name) are not accepted: they can make a small file expand without bound"
"""What is said of a file that uses them."""
