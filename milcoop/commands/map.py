"""`milcoop map`: the graph as one self-contained interactive HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from graph.lookup import resolve
from graph.maps.page import LAYOUTS, MAX_NODES, MapRequest, map_page
from graph.maps.sizes import MEASURES
from graph.model import Span
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES
from ingest.extract.gazetteer import place_of
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option, source_option
from milcoop.stores import reading_store


def _names(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    """Names given as repeated options or comma-separated lists."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@click.command(name="map")
@source_option
@facts_option
@corpus_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=SETTINGS.out_dir / "map.html", show_default=True,
              help="Where to write the HTML page ('-' for standard output).")
@click.option("--focus", metavar="NAME", help="Draw only what lies around this entity.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many relationships away from --focus to go.")
@click.option("--since", metavar="DATE", help="Only facts dated on or after DATE (ISO).")
@click.option("--until", metavar="DATE", help="Only facts dated on or before DATE (ISO).")
@click.option("--labels", multiple=True, callback=_names, metavar="LABEL[,LABEL]",
              help=f"Only nodes of these labels ({', '.join(ENTITY_LABELS)}).")
@click.option("--types", multiple=True, callback=_names, metavar="TYPE[,TYPE]",
              help=f"Only relationships of these types ({', '.join(FACT_TYPES)}).")
@click.option("--countries", is_flag=True,
              help="Draw the country-to-country cooperation projection instead.")
@click.option("--size", type=click.Choice(MEASURES), default="degree", show_default=True,
              help="Centrality measure that sizes the nodes.")
@click.option("--layout", type=click.Choice(LAYOUTS), default="auto", show_default=True,
              help="physics: settled in the browser, then frozen (slow past a few hundred "
                   "nodes); static: fixed positions; auto: physics up to 300 nodes; geo: "
                   "on the globe, states at their capitals, places at their coordinates.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=MAX_NODES, show_default=True,
              help="Refuse larger maps (suggesting a focus or a filter).")
def map_command(source: str, facts: Path, corpus: tuple[Path, ...], output: Path,
                focus: str | None, depth: int, since: str | None, until: str | None,
                labels: list[str], types: list[str], countries: bool, size: str, layout: str,
                max_nodes: int) -> None:
    """Write an interactive map of the graph: one HTML file that works offline.

    Colour and shape by label, edges by relationship type, node size by centrality; point
    at anything for its properties and sources (quoted when the corpus is at hand).

    \b
    Example:
      milcoop map -o out/map.html
      milcoop map --focus Azerbaijan --depth 2 --since 2020
      milcoop map --countries --until 2023
      milcoop map --countries --layout geo
    """
    texts = corpus_of(corpus)
    view = ("countries" if since or until else "pairs") if countries else None
    with reading_store(SETTINGS, source, facts, texts, view=view) as store:
        graph = store.read()

    def quote(span: Span) -> str | None:
        article = graph.nodes.get(span.article, {})
        text = texts.text(article.get("file", f"{span.article}.txt"))
        return text[span.start:span.end] if text else None

    request = MapRequest(focus=resolve(graph, focus) if focus else None, depth=depth,
                         since=since, until=until, labels=labels, types=types,
                         countries=countries, size=size, layout=layout, max_nodes=max_nodes)
    page = map_page(graph, request, quote, place_of if layout == "geo" else None)
    if str(output) != "-":
        output.parent.mkdir(parents=True, exist_ok=True)
    with click.open_file(str(output), "w", encoding="utf-8", atomic=str(output) != "-") as out:
        out.write(page.html)
    kind = "ties" if countries else "relationships"
    how = "settled in the browser, then frozen" if page.physics else "fixed positions"
    click.echo(f"map of {page.nodes:,} nodes and {page.edges:,} {kind} ({how}) -> {output}",
               err=str(output) == "-")
