"""Text made safe where it lands outside milcoop: a spreadsheet cell that would run as a
formula (``=HYPERLINK(...)``), a terminal that would obey escape sequences or show text
reordered by a right-to-left override."""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's CSV injection list)."""
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional controls, which reorder the text shown after them."""
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI)) + "]")
"""What ``terminal`` shows as a code: the C0 and C1 controls (Unicode's ``Cc``) but the
line break, and the bidirectional controls; one regular expression, not a look-up per
character (it checks every text of every facts file)."""


def csv_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it but never runs it: a leading quote before a
    formula's first character.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Türkiye"), csv_cell("-")
    ("'=HYPERLINK(1)", 'Türkiye', "'-")
    """
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_text(cell: str) -> str:
    """A cell written by ``csv_cell`` read back as the text it holds.

    >>> csv_text("'=HYPERLINK(1)"), csv_text("'quoted"), csv_text("plain")
    ('=HYPERLINK(1)', "'quoted", 'plain')
    """
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_START and cell[1:2] \
        else cell


def terminal(text: str) -> str:
    """``text`` safe to print: control characters (escape sequences, carriage returns,
    bidirectional overrides) shown as ``\\x1b``-style codes instead of acting.

    >>> terminal("Azer\\u202eexe.png Brigade"), terminal("a\\x1b]0;pwned\\x07b")
    ('Azer\\\\u202eexe.png Brigade', 'a\\\\x1b]0;pwned\\\\x07b')
    """
    return _UNSAFE.sub(lambda found: _code(found.group()), text)


def _code(char: str) -> str:
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"
