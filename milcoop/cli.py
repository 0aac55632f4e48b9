"""The milcoop command line: thin wrappers over ingest and graph, one line per expected error."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import click

from graph import stats as graph_stats
from graph.describe import describe, render
from graph.errors import MilcoopError
from graph.lookup import resolve
from graph.schema_doc import vocabulary_markdown
from graph.store.door import built_graph
from ingest.corpus import Corpus
from ingest.errors import InvalidFacts
from ingest.facts.build import build as build_graph
from ingest.facts.build import check, facts_key, save_built
from ingest.spans import locate
from milcoop.commands import COMMANDS
from milcoop.options import (
    SETTINGS,
    corpus_of,
    corpus_option,
    facts_option,
    source_option,
    table,
)
from milcoop.stores import reading_store


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops a command as Ctrl-C does."""
    raise KeyboardInterrupt


class MilcoopGroup(click.Group):
    """A click group that shows expected errors as one line and a non-zero exit code, and
    Ctrl-C or SIGTERM as one line and exit code 130."""

    def invoke(self, ctx: click.Context) -> object:
        signal.signal(signal.SIGTERM, _stop)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted: stopped before finishing; files it was writing are left "
                       "as they were", err=True)
            ctx.exit(130)
        except InvalidFacts as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)
        except MilcoopError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=MilcoopGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="milcoop")
def main() -> None:
    """milcoop: a graph database of military cooperation built from news reports.

    \b
    Example:
      milcoop build && milcoop show Azerbaijan
    """


@main.command()
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


@main.command()
@facts_option
@corpus_option
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=SETTINGS.out_dir / "graph.json", show_default=True,
              help="Where to write the node-link JSON graph.")
def build(facts: Path, corpus: tuple[Path, ...], output: Path) -> None:
    """Validate the facts, build the graph and write it as node-link JSON (the reading
    commands then read it without building again until the facts change).

    \b
    Example:
      milcoop build --facts data/facts -o out/graph.json
    """
    texts = corpus_of(corpus)
    key = facts_key(facts, texts)
    store, checked = build_graph(facts, texts)
    for problem in checked.problems:
        click.echo(str(problem), err=True)
    store.save(output)
    save_built(store, built_graph(SETTINGS), key)
    graph = store.read()
    totals = graph_stats.summary(graph)
    click.echo(f"built {totals['entities']} entities and {totals['relationships']} "
               f"relationships from {totals['articles']} reports -> {output}")
    click.echo("\nnodes by label:\n" + table(graph_stats.nodes_by_label(graph)))
    click.echo("\nedges by type:\n" + table(graph_stats.edges_by_type(graph)))


@main.command()
@source_option
@facts_option
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def stats(source: str, facts: Path, corpus: tuple[Path, ...], fmt: str) -> None:
    """Counts of the graph: nodes by label, edges by type, facts by report.

    \b
    Example:
      milcoop stats --format json
    """
    with reading_store(SETTINGS, source, facts, corpus_of(corpus)) as store:
        graph = store.read()
    tables = {
        "nodes_by_label": graph_stats.nodes_by_label(graph),
        "edges_by_type": graph_stats.edges_by_type(graph),
        "facts_by_article": graph_stats.facts_by_article(graph),
    }
    if fmt == "json":
        payload = {"summary": graph_stats.summary(graph)}
        payload |= {name: frame.to_dict("records") for name, frame in tables.items()}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(" ".join(f"{k}={v}" for k, v in graph_stats.summary(graph).items()))
    for name, frame in tables.items():
        click.echo(f"\n{name.replace('_', ' ')}:\n{table(frame)}")


@main.command()
@click.argument("name_or_id")
@source_option
@facts_option
@corpus_option
def show(name_or_id: str, source: str, facts: Path, corpus: tuple[Path, ...]) -> None:
    """Show an entity, its relationships and the source of each.

    NAME_OR_ID may be an id, a name or an alias, in any case, with or without accents.

    \b
    Example:
      milcoop show "President Aliyev"
      milcoop show turkiye
    """
    texts = corpus_of(corpus)
    with reading_store(SETTINGS, source, facts, texts) as store:
        graph = store.read()
    node = resolve(graph, name_or_id)

    def quote(span: object) -> str | None:
        article = graph.nodes.get(span.article, {})
        text = texts.text(article.get("file", f"{span.article}.txt"))
        return text[span.start:span.end] if text else None

    click.echo(render(describe(graph, node), quote))


@main.command(name="locate")
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


@main.command()
def vocabulary() -> None:
    """Print the labels and relationship types (with endpoints and CAMEO codes) as Markdown.

    \b
    Example:
      milcoop vocabulary > vocabulary.md
    """
    click.echo(vocabulary_markdown(), nl=False)


for command in COMMANDS:
    main.add_command(command)
