"""``milcoop ingest``: propose reviewable, sourced facts from a folder of raw reports."""

from __future__ import annotations

from pathlib import Path

import click

from ingest.evaluate.score import Score
from ingest.run import (
    REVIEW,
    TEXTS,
    Result,
    ingest,
    load_into,
    read_decisions_at,
)
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option

DECISIONS = Path("data/decisions.yaml")


def _report(result: Result, out: Path, path: Path) -> None:
    """Print what the run read, proposed and wrote."""
    rate = result.words / result.seconds if result.seconds else 0.0
    click.echo(f"read {result.reports} report(s), {result.words:,} words; whole run "
               f"{result.seconds:.1f} s ({rate:,.0f} words/s); skipped {len(result.skipped)}")
    for skipped in result.skipped:
        click.echo(f"  skipped {skipped}")
    counts = result.counts
    click.echo(f"entities: {counts['entity', 'new']} new, {counts['entity', 'known']} known "
               f"(curated for another report), {counts['entity', 'curated']} already curated, "
               f"{counts['entity', 'rejected']} rejected")
    click.echo(f"relations: {counts['relation', 'new']} new, "
               f"{counts['relation', 'restated']} restated (curated for another report), "
               f"{counts['relation', 'curated']} already curated, "
               f"{counts['relation', 'rejected']} rejected")
    if result.scored:
        entities, relations = (Score.total(result.score.entities),
                               Score.total(result.score.relations))
        click.echo(f"against the curated facts of {result.scored} report(s): entities "
                   f"P {entities.precision:.3f} R {entities.recall:.3f} F1 {entities.f1:.3f}, "
                   f"relations P {relations.precision:.3f} R {relations.recall:.3f} "
                   f"F1 {relations.f1:.3f} (per type: milcoop score)")
    click.echo(f"files: {len(result.written)} changed, {len(result.unchanged)} unchanged"
               + (f", {len(result.removed)} stale removed" if result.removed else "")
               + f" in {out} (review: {out / REVIEW})")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    folders = [out / TEXTS] if (out / TEXTS).is_dir() else []
    folders.append(path if path.is_dir() else path.parent)
    corpora = " ".join(f"--corpus {folder}" for folder in folders)
    click.echo(f"check: milcoop validate {out} {corpora}")


@click.command(name="ingest")
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("--load", "load_store", is_flag=True,
              help="Also load the curated and proposed facts into a store.")
@click.option("--to", "target", type=click.Choice(["networkx", "neo4j"]), default="networkx",
              show_default=True, help="The store --load writes: out/graph.json, or Neo4j "
              "(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes extracting reports in parallel.")
@click.option("--follow-links", is_flag=True,
              help="Also read reports that links in PATH point to outside it (off: such "
                   "links are skipped and named).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              default=SETTINGS.out_dir / "proposed", show_default=True,
              help="Where the proposed facts files and REVIEW.md go.")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Merges, rejections and renames to apply (default: {DECISIONS} if it "
              "exists).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=SETTINGS.out_dir / "graph.json", show_default=True,
              help="Where --load --to networkx writes the node-link JSON graph.")
@facts_option
@corpus_option
def ingest_command(path: Path, load_store: bool, target: str, jobs: int, follow_links: bool,
                   out: Path,
                   decisions: Path | None, output: Path, facts: Path,
                   corpus: tuple[Path, ...]) -> None:
    """Read raw reports at PATH (file or folder) and propose their facts for review.

    Writes one facts file per report into --out (only facts not already curated, each with
    evidence spans, rule and confidence) and a review report, REVIEW.md, least confident
    first. Decisions (--decisions) are re-applied on every run; files are rewritten only
    when they change, so a second run changes nothing. A report whose extraction takes
    longer than MILCOOP_REPORT_SECONDS (default 60) is skipped and named.

    \b
    Example:
      milcoop ingest ../shared/corpus/seeds --jobs 4
      milcoop ingest reports/ --load --to neo4j
    """
    chosen = read_decisions_at(decisions or DECISIONS, required=decisions is not None)
    result = ingest(path, out, facts, corpus_of(corpus), chosen, jobs, follow_links,
                    SETTINGS.report_seconds, keep=load_store)
    _report(result, out, path)
    if load_store:
        summary, where = load_into(result, target, SETTINGS, output)
        click.echo(f"loaded into {where}: {summary.nodes_created} nodes created, "
                   f"{summary.nodes_updated} updated; {summary.edges_created} relationships "
                   f"created, {summary.edges_updated} updated")
