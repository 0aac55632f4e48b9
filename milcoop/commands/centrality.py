"""``milcoop centrality``: who sits at the centre of the network, as a ranked table."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.analysis.centrality import MEASURES, centrality, ranked, sample_size
from graph.analysis.projection import TIE_KINDS, country_projection
from graph.errors import AnalysisError
from graph.queries.formats import to_csv
from milcoop.options import (
    SETTINGS,
    corpus_of,
    corpus_option,
    facts_option,
    source_option,
    table,
)
from milcoop.stores import reading_store


@click.command(name="centrality")
@source_option
@facts_option
@corpus_option
@click.option("--measure", "measures", type=click.Choice(MEASURES), multiple=True,
              help="A measure to show (repeatable); the first one orders the rows. "
                   "Default: all.")
@click.option("--label", help="Show only nodes with this label, e.g. Country.")
@click.option("--projection", type=click.Choice(["countries"]),
              help="Measure the country-to-country projection instead of the whole graph.")
@click.option("--kind", "kinds", type=click.Choice(TIE_KINDS), multiple=True,
              help="With --projection: count only ties of this kind (repeatable).")
@click.option("--since", help="With --projection: only ties dated on or after (ISO date).")
@click.option("--until", help="With --projection: only ties dated on or before (ISO date).")
@click.option("--report-dates", is_flag=True,
              help="With --since/--until: date a tie with no event date by its first report.")
@click.option("--top", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many rows to show; 0 for all.")
@click.option("--sample", "k", type=click.IntRange(min=2),
              help="Sources sampled for betweenness and closeness "
                   "(default: exact up to 2,000 nodes, 500 above).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of that sample.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def centrality_command(source: str, facts: Path, corpus: tuple[Path, ...],
                       measures: tuple[str, ...], label: str | None, projection: str | None,
                       kinds: tuple[str, ...], since: str | None, until: str | None,
                       report_dates: bool, top: int, k: int | None, seed: int,
                       fmt: str) -> None:
    """Rank nodes by degree, betweenness, closeness, eigenvector and PageRank.

    Measures run on the facts graph collapsed to one weighted tie per pair of entities,
    or with --projection countries on country-to-country ties (shared exercises,
    programs, agreements, meetings, support, ...), optionally within --since/--until.

    \b
    Example:
      milcoop centrality --label Country --measure degree --measure betweenness
      milcoop centrality --projection countries --since 2023 --top 5 --format csv
    """
    if not projection and (kinds or since or until or report_dates):
        raise AnalysisError("--kind, --since, --until and --report-dates need "
                            "--projection countries")
    whole = not (kinds or since or until or report_dates)
    with reading_store(SETTINGS, source, facts, corpus_of(corpus),
                       view=(("pairs" if whole else "countries") if projection else "ties")
                       ) as store:
        graph = store.read()
    if projection:
        graph = country_projection(graph, since, until, kinds or TIE_KINDS, report_dates)
    measures = measures or MEASURES
    frame = ranked(centrality(graph, measures, k=k, seed=seed), measures[0], label, top)
    sampled = sample_size(len(graph), k) if {"betweenness", "closeness"} & set(measures) else None
    if sampled:
        click.echo(f"note: betweenness and closeness estimated from {sampled} sampled "
                   f"sources (seed {seed})", err=True)
    rows = frame.reset_index()
    rows.insert(0, "rank", rows.pop("rank"))
    if fmt == "json":
        click.echo(json.dumps(rows.to_dict("records"), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    else:
        click.echo(table(rows.round(4)))
