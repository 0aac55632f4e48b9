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


class ExportError(MilcoopError):
    """A graph cannot be written in the format asked for (bad target, unwritable file)."""


class AnalysisError(MilcoopError):
    """An analysis asked for something it cannot compute (unknown measure or tie kind)."""


class QueryError(MilcoopError):
    """A named query that does not exist, or parameters it cannot take."""


class MapError(MilcoopError):
    """A map that cannot be drawn as asked: too many nodes, an empty view, a bad date."""
