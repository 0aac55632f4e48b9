"""``milcoop review``: decide the proposed facts in the browser, written back at once."""

from __future__ import annotations

from pathlib import Path

import click

from milcoop.options import SETTINGS, corpus_of, corpus_option, facts_option

DECISIONS = Path("data/decisions.yaml")


@click.command(name="review")
@click.option("--proposed", type=click.Path(path_type=Path, file_okay=False),
              default=SETTINGS.out_dir / "proposed", show_default=True,
              help="The folder milcoop ingest wrote its proposals into.")
@click.option("--decisions", type=click.Path(path_type=Path, dir_okay=False),
              default=DECISIONS, show_default=True,
              help="Where rejections, merges and renames are written.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@facts_option
@corpus_option
def review_command(proposed: Path, decisions: Path, port: int, facts: Path,
                   corpus: tuple[Path, ...]) -> None:
    """Review the proposed facts in the browser: accept, reject, merge, rename.

    Serves a page on 127.0.0.1 listing every proposal of the last milcoop ingest, least
    confident first, with its evidence highlighted in the report's text. Accepted facts go
    into the report's file in --facts; rejections, merges and renames into --decisions,
    which the next milcoop ingest re-applies. Every decision is written at once. Ctrl-C
    stops the server.

    \b
    Example:
      milcoop ingest ../shared/corpus/seeds && milcoop review
    """
    from ingest.review.desk import Desk
    from ingest.review.web import serve

    desk = Desk(proposed, facts, decisions, corpus_of(corpus))
    items = len(desk.queue.items)
    for skipped in desk.queue.skipped:
        click.echo(f"skipped {skipped}", err=True)

    def ready(url: str) -> None:
        click.echo(f"reviewing {items} proposal(s) of {len(desk.queue.reports)} report(s) "
                   f"from {proposed}")
        click.echo(f"open {url} (Ctrl-C stops)")

    try:
        serve(desk, port, ready)
    except OSError as error:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {error.strerror}") \
            from None
    except KeyboardInterrupt:
        pass
    click.echo("stopped")
