"""The review report: every proposed fact with its evidence, least confident first.

A reviewer reads down the list and stops when the facts become reliable; each row says what
is proposed, which rule proposed it, how confident it is, in which report, and quotes the
words it rests on (Markdown-escaped, the evidence in bold within a little context).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingest.review.proposals import ENTITY_STATUSES, RELATION_STATUSES, Proposal

CONTEXT = 40
"""Characters of text shown on each side of the evidence."""

LONGEST = 200
"""Longest evidence quoted whole; longer spans are cut in the middle."""

_ESCAPES = str.maketrans({char: f"\\{char}" for char in "\\`*_{}[]<>()#+!|~"})


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, markup characters escaped.

    >>> escape("NATO's *PfP* | <b>\\n2023")
    "NATO's \\\\*PfP\\\\* \\\\| \\\\<b\\\\> 2023"
    """
    return " ".join(text.split()).translate(_ESCAPES)


def quote(text: str, span: tuple[int, int]) -> str:
    """The evidence ``span`` of ``text`` in bold, with context cut at word boundaries.

    >>> quote("Azerbaijan and Türkiye held the Mustafa Kemal Atatürk-2023 drills.", (32, 58))
    'Azerbaijan and Türkiye held the **Mustafa Kemal Atatürk-2023** drills.'
    """
    start, end = span
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    if start > CONTEXT and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if end + CONTEXT < len(text) and " " in after:
        after = after[:after.rindex(" ")] + "…"
    words = text[start:end]
    if len(words) > LONGEST:
        words = words[:LONGEST // 2] + " … " + words[-LONGEST // 2:]
    gap_before = " " if before[-1:].isspace() or words[:1].isspace() else ""
    gap_after = " " if after[:1].isspace() or words[-1:].isspace() else ""
    return f"{escape(before)}{gap_before}**{escape(words)}**{gap_after}{escape(after)}"


@dataclass(frozen=True)
class Row:
    """One proposed fact as the review lists it, with the text and span it rests on."""

    confidence: float
    article: str
    fact: str
    rule: str
    status: str
    text: str
    span: tuple[int, int]

    @property
    def evidence(self) -> str:
        """The evidence quoted in its context."""
        return quote(self.text, self.span)


def proposal_rows(proposal: Proposal) -> list[Row]:
    """The proposed facts of one report (new entities, new and restated relations)."""
    found = []
    names = {entity.id: entity.name for entity, _ in proposal.entities}
    for entity, status in proposal.entities:
        if status == "new":
            found.append(Row(entity.confidence, proposal.id,
                             f"{entity.label} {entity.name} ({entity.id})", entity.rule,
                             status, proposal.text, entity.spans[0]))
    for relation, status in proposal.relations:
        fact = (f"{names.get(relation.source, relation.source)} -{relation.type}-> "
                f"{names.get(relation.target, relation.target)}")
        found.append(Row(relation.confidence, proposal.id, fact, relation.rule, status,
                         proposal.text, relation.spans[0]))
    return found


def _order(row: Row) -> tuple[float, str, str]:
    return (row.confidence, row.article, row.fact)


def rows(proposals: list[Proposal]) -> list[Row]:
    """Every proposed fact (new entities, new and restated relations), least confident
    first, then by report and fact."""
    return sorted((row for proposal in proposals for row in proposal_rows(proposal)),
                  key=_order)


def _count_lines(totals: Counter[tuple[str, str, str]]) -> list[str]:
    lines = []
    for kind, statuses in (("entity", ENTITY_STATUSES), ("relation", RELATION_STATUSES)):
        head = "label" if kind == "entity" else "type"
        lines += ["", f"| {head} | {' | '.join(statuses)} |",
                  "| --- |" + " ---: |" * len(statuses)]
        for name in sorted({name for k, name, _ in totals if k == kind}):
            counts = " | ".join(str(totals[kind, name, status]) for status in statuses)
            lines.append(f"| {name} | {counts} |")
    return lines


LIMIT = 10_000
"""Most facts listed; the rest (the most confident) are counted, and are in the files."""


class Review:
    """The review report, made one proposal at a time: it keeps the counts and only the
    least confident facts it may list (the whole list, sorted, then cut, keeps the same),
    never every proposal."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.reports = 0
        self.facts = 0
        self.totals: Counter[tuple[str, str, str]] = Counter()
        self.rows: list[Row] = []

    def add(self, proposal: Proposal) -> None:
        """Count one more report's proposal and keep its rows that may be listed."""
        self.reports += 1
        self.totals.update(proposal.counts)
        found = proposal_rows(proposal)
        self.facts += len(found)
        self.rows += found
        if len(self.rows) > 2 * self.limit + 1000:
            self._cut()

    def _cut(self) -> None:
        """Keep the ``limit`` first rows in review order (a stable sort: rows that tie
        stay in the order they came, as one sort of every row leaves them)."""
        self.rows.sort(key=_order)
        del self.rows[self.limit:]

    def markdown(self) -> str:
        """The review report, as Markdown (at most ``limit`` facts listed)."""
        self._cut()
        lines = ["# Proposed facts to review", "",
                 f"{self.reports} report(s), {self.facts} proposed fact(s), least confident "
                 "first. Accept a fact by moving it into `data/facts`; reject or merge with "
                 "`data/decisions.yaml` so the next run does not propose it again.", "",
                 "## Counts", "",
                 "new: not curated; known/restated: curated for another report (a new "
                 "source); curated: already in this report's curated facts; rejected: by a "
                 "decision.",
                 *_count_lines(self.totals), "", "## Facts", "",
                 "| confidence | fact | rule | status | article | evidence |",
                 "| ---: | --- | --- | --- | --- | --- |"]
        lines += [f"| {row.confidence:.2f} | {escape(row.fact)} | {escape(row.rule)} | "
                  f"{row.status} | {escape(row.article)} | {row.evidence} |"
                  for row in self.rows]
        if self.facts > self.limit:
            lines += ["", f"… and {self.facts - self.limit} more confident fact(s), in the "
                      "facts files."]
        return "\n".join(lines) + "\n"
