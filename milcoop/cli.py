"""The milcoop command line: thin wrappers over ingest and graph, one line per expected error.

Each command's module is imported when that command runs, so ``milcoop --help`` and a
command that needs no heavy library start at once.
"""

from __future__ import annotations

import importlib
import signal

import click

from graph.errors import MilcoopError
from ingest.errors import InvalidFacts
from milcoop.commands import COMMANDS


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops a command as Ctrl-C does."""
    raise KeyboardInterrupt


class MilcoopGroup(click.Group):
    """A click group that loads each command when it is run, shows expected errors as one
    line and a non-zero exit code, and Ctrl-C or SIGTERM as one line and exit code 130."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(f"milcoop.commands.{module}"), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table, without importing a single command."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        with formatter.section("Commands"):
            formatter.write_dl([(name, click.Command(name, help=COMMANDS[name][2])
                                 .get_short_help_str(limit)) for name in sorted(COMMANDS)])

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
            errors = sum(problem.level == "error" for problem in error.problems)
            click.echo(f"error: {errors} error(s) in the facts, listed above", err=True)
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
