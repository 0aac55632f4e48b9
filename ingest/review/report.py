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


def rows(proposals: list[Proposal]) -> list[Row]:
    """Every proposed fact (new entities, new and restated relations), least confident
    first, then by report and fact."""
    found = []
    for proposal in proposals:
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
    return sorted(found, key=lambda row: (row.confidence, row.article, row.fact))


def _counts(proposals: list[Proposal]) -> list[str]:
    totals: Counter[tuple[str, str, str]] = Counter()
    for proposal in proposals:
        totals.update(proposal.counts)
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


def review_markdown(proposals: list[Proposal], limit: int = LIMIT) -> str:
    """The review report of a run, as Markdown (at most ``limit`` facts listed)."""
    found = rows(proposals)
    lines = ["# Proposed facts to review", "",
             f"{len(proposals)} report(s), {len(found)} proposed fact(s), least confident "
             "first. Accept a fact by moving it into `data/facts`; reject or merge with "
             "`data/decisions.yaml` so the next run does not propose it again.", "",
             "## Counts", "",
             "new: not curated; known/restated: curated for another report (a new source); "
             "curated: already in this report's curated facts; rejected: by a decision.",
             *_counts(proposals), "", "## Facts", "",
             "| confidence | fact | rule | status | article | evidence |",
             "| ---: | --- | --- | --- | --- | --- |"]
    lines += [f"| {row.confidence:.2f} | {escape(row.fact)} | {escape(row.rule)} | "
              f"{row.status} | {escape(row.article)} | {row.evidence} |"
              for row in found[:limit]]
    if len(found) > limit:
        lines += ["", f"… and {len(found) - limit} more confident fact(s), in the facts files."]
    return "\n".join(lines) + "\n"
