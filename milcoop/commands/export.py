"""``milcoop export``: the graph in the formats analysts' tools read."""

from __future__ import annotations

from pathlib import Path

import click

from graph.export import FORMATS, default_target, export
from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option, source_option
from milcoop.stores import reading_store

_FORMAT_HELP = "; ".join(f"{fmt.name}: {fmt.tools}" for fmt in FORMATS.values())


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help=f"What to write. {_FORMAT_HELP}.")
@source_option
@facts_option
@corpus_option
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
              help="File or folder to write; '-' for stdout (single-file formats). "
                   f"Default: {SETTINGS.out_dir}/export/<graph.graphml, graph.gexf, "
                   "graph.json, csv/, neo4j-import/, dyads.csv>.")
def export_command(fmt: str, source: str, facts: Path, corpus: tuple[Path, ...],
                   output: Path | None) -> None:
    """Write the graph for Gephi, yEd, spreadsheets, R, neo4j-admin or IR datasets.

    graphml, gexf, json and dyads are one file each; csv and neo4j-admin write a folder
    (neo4j-admin also prints the import command to run).

    \b
    Example:
      milcoop export --format gexf -o out/milcoop.gexf
      milcoop export --format neo4j-admin -o import/
      milcoop export --format dyads -o - > dyads.csv
    """
    target = output or default_target(fmt, SETTINGS.out_dir)
    to_stdout = str(target) == "-"
    if to_stdout and not FORMATS[fmt].single_file:
        raise click.UsageError(f"{fmt} writes a folder of files: give -o FOLDER, not '-'")
    with reading_store(SETTINGS, source, facts, corpus_of(corpus)) as store:
        graph = store.read()
    if to_stdout:
        with click.open_file("-", "wb") as stream:
            written = export(graph, fmt, stream)
    else:
        written = export(graph, fmt, target)
    where = ", ".join(map(str, written.paths)) if len(written.paths) < 3 else \
        f"{len(written.paths)} files in {target}"
    click.echo(f"wrote {fmt}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} "
               f"edges -> {where or 'stdout'}", err=to_stdout)
    for note in written.notes:
        click.echo(note, err=to_stdout)
