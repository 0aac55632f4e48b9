"""Commands beyond the core ones, one module per area; each module lists its commands here."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
