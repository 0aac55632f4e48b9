"""Run the CLI as ``python -m milcoop``."""

from milcoop.cli import main

main()
