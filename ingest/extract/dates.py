"""Dates in report text, absolute or relative to the report's date, at the precision known.

Values are ISO strings: ``2023``, ``2023-10`` or ``2023-10-23``; a date that cannot be placed
(a bare month with no report date) is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.cues import Cues, matches

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names}
MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DATELINE_DATE = r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
"""The date a dateline may carry before its dash (``KISMAYO, Somalia, 14 May 2026 -``)."""
PATTERNS = [
    ("day_month_year", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{MONTH}\s+(?P<year>\d{{4}})\b")),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")),
    ("month_year", re.compile(rf"\b{MONTH}\s+(?:of\s+)?(?P<year>\d{{4}})\b")),
    ("month_relative_year", re.compile(rf"\b{MONTH}\s+(?P<rel>last|this|next)\s+year\b")),
    ("relative_month", re.compile(rf"\b(?P<rel>last|this|next)\s+{MONTH}")),
    ("month_day", re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})\b(?!,?\s+\d{{4}})")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{MONTH}\b(?!\s+\d{{4}})")),
    ("relative_year", re.compile(r"\b(?P<rel>last|this|next)\s+year\b", re.I)),
    ("today", re.compile(r"\b(?P<rel>today|yesterday|tomorrow)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|from|until|by|of|year)\s+(?P<year>(?:19|20)\d{2})\b")),
]
ANCHOR_OF = {"day_month_year": "digit", "month_day_year": "month", "month_year": "month",
             "month_relative_year": "month", "relative_month": "relative", "month_day": "month",
             "day_month": "digit", "relative_year": "relative", "today": "today",
             "year": "keyword"}
"""Where each pattern's matches can begin: at a month name, a run of digits, last/this/next,
today/yesterday/tomorrow, or the keyword before a year."""
LEADS = (("month", tuple(MONTHS)), ("relative", ("last", "this", "next")),
         ("today", ("today", "yesterday", "tomorrow")))
"""The words dates begin with, found in one pass by ``Cues``."""
DIGITS = re.compile(r"\d+")
YEAR_KEYWORDS = ("in", "since", "from", "until", "by", "of", "year")


@dataclass(frozen=True)
class DateMention:
    """A date found in text: where, the ISO value and the rule that read it."""

    start: int
    end: int
    value: str
    rule: str


def _shift(year: int, rel: str) -> int:
    return year + {"last": -1, "next": 1}.get(rel.lower(), 0)


def _value(rule: str, match: re.Match[str], ref: str | None) -> str | None:
    found = match.groupdict()
    month = MONTHS.get((found.get("month") or "").lower().rstrip("."))
    day = int(found["day"]) if found.get("day") else None
    ref_year = int(ref[:4]) if ref else None
    if found.get("year"):
        year = int(found["year"])
    elif rule in ("relative_month", "relative_year", "month_relative_year") and ref_year:
        year = _shift(ref_year, found["rel"])
        if rule == "relative_month" and found["rel"].lower() == "last" and len(ref or "") >= 7:
            year = ref_year if month and month < int((ref or "")[5:7]) else ref_year - 1
    elif rule == "today":
        return ref if ref and found["rel"].lower() == "today" else None
    elif ref_year and month:
        year = ref_year
    else:
        return None
    if day and month:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _anchors(text: str) -> dict[str, list[int]] | None:
    """The offsets where a date can begin, by kind: the words found by one pass of ``Cues``,
    the runs of digits, and the keyword before each (None when case folding fails)."""
    starts = Cues(text, LEADS).starts
    if starts is None:
        return None
    digits: list[int] = []
    keywords: list[int] = []
    for match in DIGITS.finditer(text):
        start = match.start()
        digits.append(start)
        gap = start
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        if gap < start:
            keywords.extend(gap - len(word) for word in YEAR_KEYWORDS
                            if text.endswith(word, 0, gap))
    return {**starts, "digit": digits, "keyword": sorted(keywords)}


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Every date in ``text``, relative ones placed against the ``reference`` ISO date.

    >>> [d.value for d in find_dates("on June 15, and in October last year", "2024-06-12")]
    ['2024-06-15', '2023-10']
    >>> [d.value for d in find_dates("last September", "2024-02-20")]
    ['2023-09']
    >>> [d.value for d in find_dates("signed on 10 November 2020 and in 1992")]
    ['2020-11-10', '1992']
    """
    anchors = _anchors(text)
    taken: list[DateMention] = []
    for rule, pattern in PATTERNS:
        starts = anchors[ANCHOR_OF[rule]] if anchors is not None else None
        for match in matches(pattern, text, starts):
            if any(match.start() < d.end and d.start < match.end() for d in taken):
                continue
            value = _value(rule, match, reference)
            if value:
                taken.append(DateMention(match.start(), match.end(), value, rule))
    return sorted(taken, key=lambda d: d.start)


def infer_published(text: str, lines: int = 12) -> str | None:
    """The report's date when its first lines state one (a dateline), else None.

    >>> infer_published("Title\\n\\nJune 12, 2024 at 3:46 pm\\nBody")
    '2024-06-12'
    """
    head = "\n".join(text.splitlines()[:lines])
    full = [d for d in find_dates(head) if len(d.value) == 10]
    return full[0].value if full else None


def dates_between(dates: list[DateMention], start: int, end: int) -> Iterator[DateMention]:
    """The dates lying within ``[start, end)``."""
    return (d for d in dates if start <= d.start and d.end <= end)
