"""``milcoop stats``, ``show`` and ``vocabulary``: the graph and its vocabulary read."""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph import stats as graph_stats
from graph.describe import describe, render
from graph.schema_doc import vocabulary_markdown
from milcoop.options import (
    SETTINGS,
    corpus_of,
    corpus_option,
    facts_option,
    source_option,
    table,
)
from milcoop.stores import entity_graph, tallied


@click.command()
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
    graph = tallied(SETTINGS, source, facts, corpus_of(corpus))
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


@click.command()
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
    graph, node = entity_graph(SETTINGS, source, facts, texts, name_or_id)

    def quote(span: object) -> str | None:
        article = graph.nodes.get(span.article, {})
        text = texts.text(article.get("file", f"{span.article}.txt"))
        return text[span.start:span.end] if text else None

    click.echo(render(describe(graph, node), quote))


@click.command()
def vocabulary() -> None:
    """Print the labels and relationship types (with endpoints and CAMEO codes) as Markdown.

    \b
    Example:
      milcoop vocabulary > vocabulary.md
    """
    click.echo(vocabulary_markdown(), nl=False)
