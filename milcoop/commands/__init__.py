"""Commands beyond the core ones, one module per area; each module lists its commands here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

from milcoop.commands.extract import extract_command, score_command  # noqa: E402

COMMANDS.extend([extract_command, score_command])

from milcoop.commands.neo4j import load, neo4j  # noqa: E402

COMMANDS.extend([load, neo4j])

from milcoop.commands.export import export_command  # noqa: E402

COMMANDS.append(export_command)

from milcoop.commands.centrality import centrality_command  # noqa: E402

COMMANDS.append(centrality_command)

from milcoop.commands.query import query_command  # noqa: E402

COMMANDS.append(query_command)

from milcoop.commands.map import map_command  # noqa: E402

COMMANDS.append(map_command)

from milcoop.commands.ingest import ingest_command  # noqa: E402

COMMANDS.append(ingest_command)
