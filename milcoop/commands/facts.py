"""``milcoop validate``, ``build`` and ``locate``: the curated facts checked, built, written."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import stats as graph_stats
from graph.files import copy_file
from graph.store.door import built_graph
from ingest.corpus import Corpus
from ingest.facts.build import build as build_graph
from ingest.facts.build import check, facts_key, save_built
from ingest.spans import locate
from ingest.workers import JOBS
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option, table


@click.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@corpus_option
def validate(path: Path | None, corpus: tuple[Path, ...]) -> None:
    """Check facts files against the vocabulary and the report texts.

    Prints every problem as FILE:LINE: level: message; exits 1 on any error.

    \b
    Example:
      milcoop validate data/facts --corpus ../shared/corpus/seeds
    """
    checked = check(path or SETTINGS.facts_dir, corpus_of(corpus))
    for problem in checked.problems:
        click.echo(str(problem), err=problem.level == "error")
    entities = sum(len(facts.entities) for facts in checked.files)
    relations = sum(len(facts.relations) for facts in checked.files)
    warnings = len(checked.problems) - len(checked.errors)
    click.echo(f"{len(checked.files)} file(s), {entities} entities, {relations} relations: "
               f"{len(checked.errors)} error(s), {warnings} warning(s)")
    if checked.errors:
        sys.exit(1)


@click.command()
@facts_option
@corpus_option
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=SETTINGS.out_dir / "graph.json", show_default=True,
              help="Where to write the node-link JSON graph.")
@click.option("--jobs", type=click.IntRange(min=1), default=JOBS, show_default=True,
              help="Processes that parse the facts files (used from 200 files).")
def build(facts: Path, corpus: tuple[Path, ...], output: Path, jobs: int) -> None:
    """Validate the facts, build the graph and write it as node-link JSON (the reading
    commands then read it without building again until the facts change; a facts file
    parsed before with the same bytes is not parsed again).

    \b
    Example:
      milcoop build --facts data/facts -o out/graph.json
    """
    texts = corpus_of(corpus)
    key = facts_key(facts, texts)
    store, checked = build_graph(facts, texts, built_graph(SETTINGS).parent / "parsed", jobs)
    for problem in checked.problems:
        click.echo(str(problem), err=True)
    kept = built_graph(SETTINGS)
    save_built(store, kept, key)
    if output.resolve() != kept.resolve():
        copy_file(kept, output)
    graph = store.read()
    totals = graph_stats.summary(graph)
    click.echo(f"built {totals['entities']} entities and {totals['relationships']} "
               f"relationships from {totals['articles']} reports -> {output}")
    click.echo("\nnodes by label:\n" + table(graph_stats.nodes_by_label(graph)))
    click.echo("\nedges by type:\n" + table(graph_stats.edges_by_type(graph)))


@click.command(name="locate")
@click.argument("report", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("phrase")
def locate_command(report: Path, phrase: str) -> None:
    """Print the [start, end] spans of PHRASE in REPORT, for writing evidence.

    \b
    Example:
      milcoop locate ../shared/corpus/seeds/004_d8bdd8c15c7bfc71.txt "Arzu Rahimov"
    """
    text = Corpus([report.parent]).text(report.name) or ""
    for start, end in locate(text, phrase):
        click.echo(f"[{start}, {end}]")
