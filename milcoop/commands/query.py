"""``milcoop query``: the analyst query library (cypher/queries/) on either store."""

from __future__ import annotations

from pathlib import Path

import click

from graph.queries.catalog import query_spec
from graph.queries.formats import FORMATS, render
from graph.queries.library import QUERY_VIEWS, catalog_frame
from graph.queries.params import bind, parse_assignments
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option, source_option
from milcoop.stores import reading_store


@click.command(name="query")
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeat for each); names and aliases work "
                   "wherever an entity is asked for.")
@click.option("--list", "show_list", is_flag=True,
              help="List the queries with their parameters (example values) and columns.")
@source_option
@facts_option
@corpus_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
              show_default=True)
def query_command(name: str | None, params: tuple[str, ...], show_list: bool, source: str,
          facts: Path, corpus: tuple[Path, ...], fmt: str) -> None:
    """Answer a named analyst question; the same rows from NetworkX or from Neo4j.

    \b
    Examples:
      milcoop query --list
      milcoop query partners --param country=Azerbaijan
      milcoop query exercises_in_period --param since=2023 --param until=2024-06 --format csv
      milcoop query shortest_path --param entity="Zakir Hasanov" --param other=Turkey --from neo4j
    """
    if show_list or name is None:
        listing = catalog_frame()
        click.echo(render(listing if fmt != "table" else
                          listing[["name", "parameters", "summary"]], fmt))
        return
    values = bind(query_spec(name), parse_assignments(params))
    with reading_store(SETTINGS, source, facts, corpus_of(corpus),
                       view=QUERY_VIEWS.get(name)) as store:
        answer = store.answer(name, **values)
        for notice in dict.fromkeys(store.notices):
            click.echo(f"{source}: {notice}", err=True)
    click.echo(render(answer, fmt))
