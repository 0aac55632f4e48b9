"""Site furniture in report texts (bylines, stamps, footers, link lines, captions, share bars).

Boilerplate is blanked, never deleted: each of its characters becomes a space (newlines kept),
so the text keeps its length and every evidence offset into the raw file stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME = r"[A-Z][\w.'’-]*"
CONNECTORS = frozenset({
    "and", "&", "in", "at", "for", "the", "of", "with", "from", "staff", "reporter", "reporters",
    "correspondent", "writer", "editor", "news", "agency", "am", "pm", "a.m.", "p.m.", "de", "da",
    "del", "van", "von", "al", "el", "bin", "ibn", "le", "la"})
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
DATE_WORD = re.compile(rf"\b(?:{MONTHS}|{WEEKDAYS}|at|on|am|pm|a\.m\.|p\.m\.|utc|gmt|cet|cest|"
                       r"est|edt|pst|msk|ast|ist|local\s+time|hrs|[0-9]+(?:st|nd|rd|th))\b\.?",
                       re.IGNORECASE)
SOCIAL = ("twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|whatsapp|threads|"
          "google\\s+news|vk|reddit|pinterest")
SHARE_WORDS = frozenset({
    "share", "shares", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x",
    "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "vk", "copy", "link", "comments",
    "comment", "messenger", "viber", "pocket", "flipboard", "save", "this", "article", "on"})
SHARE_BUTTONS = frozenset({"share", "tweet", "facebook", "twitter", "whatsapp", "telegram"})

BYLINE = re.compile(
    rf"^(?i:by|written\s+by|reported\s+by|text\s+by|story\s+by|posted\s+by|words\s+by)\s+"
    rf"(?P<rest>{NAME}.*)$")
CREDIT_LINE = re.compile(
    r"^(?:authors?|(?:staff\s+)?(?:writer|reporter|correspondent)|reporting|additional\s+"
    r"reporting|editing|edited|compiled|contributors?)(?:\s+by)?\s*[:|]|^(?:reporting|editing|writing|"
    r"additional\s+reporting)\s+by\s+[A-Z]", re.IGNORECASE)
STAMPED = rf"(?:\s+(?:on|at))?\s*(?:[:\-–—|]|(?=\d)|(?=(?:{MONTHS}|{WEEKDAYS})\b))"
"""What follows a stamp's label: a separator, or straight away the date or time."""
STAMP = re.compile(rf"^(?:last\s+)?(?:update[ds]?|modified|edited){STAMPED}", re.IGNORECASE)
PUBLISHED_STAMP = re.compile(
    rf"^(?:published|posted|first\s+published|date|dated|release\s+date){STAMPED}",
    re.IGNORECASE)
LINK_LINE = re.compile(
    r"^(?:read|read\s+also|read\s+more|also\s+read|see\s+also|related|related\s+(?:news|"
    r"articles?|stories|content|coverage|topics?)|more\s+(?:on|from|in)\b[^:|»>]{0,50}|"
    r"more\s+news|recommended|"
    r"you\s+may\s+also\s+like|don['’]t\s+miss|watch|listen|trending|latest|tags?|topics?)"
    r"\s*[:|»>]", re.IGNORECASE)
FOOTER = re.compile(
    rf"^(?:subscribe|sign\s+up|join\s+us|download\s+(?:our|the)\s+app|advertisement|"
    r"sponsored|thank\s+you(?:\s+for\s+reading)?[.!]*$)"
    rf"|\bsubscrib(?:e|ing)\s+(?:to\s+(?:our|us)\b|on\s+a\b|now\b|today\b|for\b)"
    rf"|\bby\s+subscribing\b|\bnewsletters?\b|\bsubscriptions?\b|\bpaywall\b"
    rf"|\bfollow\s+us\s+on\b|\bfollow\s+(?:him|her|them|(?:[A-Z][\w.'’-]*\s+){{1,5}})\s*on\s+"
    rf"(?:{SOCIAL})\b"
    rf"|\bjoin\s+(?:us|our\s+\w+)\s+on\s+(?:{SOCIAL})\b"
    rf"|\bsupport\b[^.]*\bjournalism\b|\ball\s+rights\s+reserved\b|^©|^copyright\b"
    rf"|\bclick\s+here\b|\bcookies?\s+policy\b|\bprivacy\s+policy\b|\bterms\s+of\s+use\b"
    rf"|\bis\s+(?:a|an|the|\w+['’]s?)\s+(?:staff\s+)?(?:senior\s+)?(?:journalist|reporter|"
    rf"correspondent|writer|columnist)\b[^.]*\b(?:follow|twitter|@)",
    re.IGNORECASE)
CAPTION = re.compile(
    r"^[(\[]?\s*(?:(?:file\s+)?(?:photos?|images?|pictures?|video)(?:\s+(?:caption|credit|"
    r"courtesy))?|pictured|credits?|caption|illustration|graphic|gallery)\b\s*"
    r"(?:[:/|(\]\-–—]|$)",
    re.IGNORECASE)
CREDIT_END = re.compile(
    r"(?:\[[^\]\n]*(?:/|photo|agency|images|afp|reuters|\bap\b|getty|press\s+service)[^\]\n]*\]"
    r"|\([^)\n]*(?:/|photo|images|getty|credit)[^)\n]*\)"
    r"|\s/\s*[\w.]+(?:\s+[\w.]+){0,3}|\b(?:getty|shutterstock|afp|reuters)\s+images?)\s*$",
    re.IGNORECASE)
LOGO = re.compile(r"^\S+(?:\s+\S+){0,3}\s+logo$", re.IGNORECASE)
FOOTER_HINTS = ("subscri", "newsletter", "paywall", "follow", "join us", "join our", "journalis",
                "rights reserved", "©", "copyright", "click here", "cookie", "privacy",
                "terms of", "reporter", "correspondent", "writer", "columnist", "thank you",
                "sign up", "download", "advertis", "sponsored")
"""Words one of which every footer line holds: a cheap test before the full FOOTER pattern."""
DATELINE_CHARS = 64
CREDIT_CHARS = 120
MAX_WORDS = 45
"""Longer lines are reporting, whatever they contain."""
RULE = re.compile(r"^[-–—_*=~#•·.]{2,}$")
SEPARATOR = re.compile(r"\s+[|–—•·]\s+|\s+-\s+")
HANDLE = re.compile(r"(?:^|\s)@\w{2,}\s*$")
MARKER = re.compile(
    r"[\[(](?:photos?|videos?|gallery|infographic|updated?|watch|listen|audio|interactive)"
    r"[\])]", re.IGNORECASE)


@dataclass(frozen=True)
class Cleaned:
    """A text with its boilerplate blanked, the blanked spans, the lines dating it (bylines
    with a date, "Published:" stamps and datelines, then "Updated:" stamps as a last resort)
    and the byline's names."""

    text: str
    spans: tuple[tuple[int, int], ...]
    dateline: str
    author: str | None = None


def is_byline(line: str) -> bool:
    """A "By Name ..." line: the names, then at most a date, place or role; no sentence.

    >>> is_byline("By Jane Roe, March 3, 2025"), is_byline("By agreement with Oman, drills began.")
    (True, False)
    """
    match = BYLINE.match(line)
    if not match or (line.endswith(".") and not re.search(r"\b[A-Z]\.$", line)):
        return False
    rest = match["rest"]
    if re.match(rf"(?i:{MONTHS}|{WEEKDAYS})\b", rest):
        return False
    words = re.findall(r"[^\s,|;:/()]+", rest)
    return len(words) <= 14 and all(
        word[:1].isupper() or word[:1].isdigit() or word.lower() in CONNECTORS
        or not word[:1].isalnum() for word in words)


def is_dateline(line: str) -> bool:
    """A line that only states a date or time (the report's dateline).

    >>> is_dateline("June 12, 2025 at 3:46 pm"), is_dateline("3 March 2025 10:15 (UTC+04:00)")
    (True, True)
    >>> is_dateline("Talks began on June 12, 2025.")
    False
    """
    if len(line) > DATELINE_CHARS or not re.search(r"\d", line):
        return False
    return not re.search(r"[^\W\d_]", DATE_WORD.sub(" ", line))


def is_source_dateline(line: str) -> bool:
    """A dateline joined to a source or byline ("Gulf Wire | March 3, 2025").

    >>> is_source_dateline("Gulf Wire — Monday 3 March 2025"), is_source_dateline("Oman | Qatar")
    (True, False)
    """
    parts = SEPARATOR.split(line, maxsplit=1)
    if len(parts) != 2 or len(line) > 2 * DATELINE_CHARS:
        return False
    for date, source in (parts, parts[::-1]):
        words = source.split()
        if is_dateline(date.strip()) and 0 < len(words) <= 6 and all(
                word[:1].isupper() or word.lower() in CONNECTORS for word in words):
            return True
    return False


def _stamp(line: str) -> bool:
    """An "Updated: ..." or "Published on ..." stamp: short and carrying a date or time."""
    return (bool(STAMP.match(line) or PUBLISHED_STAMP.match(line))
            and bool(re.search(r"\d", line)) and len(line.split()) <= 12)


def _share_bar(line: str) -> bool:
    """A line made only of share buttons ("Share  Facebook  Twitter  Email")."""
    words = [word.lower().strip(":|•·") for word in line.split()]
    return any(word in SHARE_BUTTONS for word in words) and all(
        word in SHARE_WORDS or not word for word in words)


def _caption(line: str) -> bool:
    """A photo caption: labelled ("Photo: ..."), a bare marker, or ending in a photo credit."""
    if CAPTION.match(line) or MARKER.fullmatch(line):
        return True
    line = MARKER.sub("", line).rstrip() if "[" in line or "(" in line else line
    return bool(CREDIT_END.search(line[-CREDIT_CHARS:])) and not line.rstrip(")]").endswith(".")


def _hinted(lower: str) -> bool:
    """Whether a lower-cased line holds one of the FOOTER_HINTS."""
    return any(hint in lower for hint in FOOTER_HINTS)


def is_boilerplate(line: str) -> bool:
    """Whether a line is site furniture rather than reporting.

    >>> [is_boilerplate(line) for line in ("Last update: May 2, 2025 10:01", "By John Doe",
    ...  "READ: Oman and Qatar extend pact", "Follow us on Twitter @Example",
    ...  "Soldiers at the range [Army Press/Agency]", "Share  Facebook  Twitter")]
    [True, True, True, True, True, True]
    >>> is_boilerplate("Oman and Qatar held naval drills in May 2025.")
    False
    """
    stripped = line.strip()
    if not stripped or len(stripped.split()) > MAX_WORDS:
        return False
    return (is_byline(stripped) or bool(CREDIT_LINE.match(stripped)) or _stamp(stripped)
            or is_source_dateline(stripped)
            or bool(LINK_LINE.match(stripped) or LOGO.match(stripped) or RULE.match(stripped))
            or (_hinted(stripped.lower()) and FOOTER.search(stripped) is not None)
            or _caption(stripped) or _share_bar(stripped)
            or (bool(HANDLE.search(stripped)) and len(stripped.split()) <= 8))


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of the sorted, disjoint ``spans`` turned to spaces (newlines kept).

    >>> blank("By Jane Roe\\nOman held drills.", [(0, 11)])
    '           \\nOman held drills.'
    """
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += [text[done:start], re.sub(r"[^\r\n]", " ", text[start:end])]
        done = end
    return "".join([*pieces, text[done:]])


def byline_names(line: str) -> str | None:
    """The names a byline gives, without its date, place or role.

    >>> byline_names("By Jane Roe March 3, 2025"), byline_names("By John Doe | Gulf Wire")
    ('Jane Roe', 'John Doe')
    """
    match = BYLINE.match(line.strip())
    if not match:
        return None
    names = re.split(rf"\s*[,|;•·–—(]|\s+-\s|\s+(?=\d)|\s+(?=(?i:{MONTHS}|{WEEKDAYS})\b)",
                     match["rest"], maxsplit=1)[0]
    return names.strip() or None


def clean(text: str) -> Cleaned:
    """The text with boilerplate lines and inline markers ("[PHOTO]") blanked, same length.

    >>> cleaned = clean("Drills in Oman [PHOTO]\\nBy Jane Roe\\nOman held drills.\\n")
    >>> cleaned.text == "Drills in Oman        \\n           \\nOman held drills.\\n"
    True
    >>> cleaned.spans, cleaned.dateline, cleaned.author
    (((15, 22), (23, 34)), '', 'Jane Roe')
    """
    spans: list[tuple[int, int]] = []
    dated: list[str] = []
    updated: list[str] = []
    author: str | None = None
    offset = 0
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if is_boilerplate(line):
            spans.append((offset, offset + len(line)))
            byline = is_byline(stripped)
            if byline and author is None:
                author = byline_names(stripped)
            if re.search(r"\d", stripped) and (byline or PUBLISHED_STAMP.match(stripped)
                                                or is_source_dateline(stripped)):
                dated.append(stripped)
            elif STAMP.match(stripped):
                updated.append(stripped)
        else:
            if is_dateline(stripped):
                dated.append(stripped)
            spans.extend((offset + m.start(), offset + m.end()) for m in MARKER.finditer(line))
        offset += len(raw) + 1
    spans.sort()
    return Cleaned(blank(text, spans), tuple(spans), "\n".join(dated + updated), author)
