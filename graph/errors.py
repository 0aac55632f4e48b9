"""Errors of the graph package; the CLI turns any MilcoopError into one clear line."""


class MilcoopError(Exception):
    """Root of every expected milcoop error: shown to the user as one line, exit non-zero."""

    exit_code = 1


class VocabularyError(MilcoopError):
    """A label, relationship type or property that the vocabulary does not declare."""


class NotFoundError(MilcoopError):
    """A name or id that matches nothing in the graph."""


class StoreError(MilcoopError):
    """A store cannot be reached or refused an operation."""

    exit_code = 2
