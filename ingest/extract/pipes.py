"""Put milcoop's own component in the place of one of a spaCy pipeline's, same annotations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


def in_place_of(nlp: Language, pipe: str, factory: str, make: Callable[[Any], Any]) -> Language:
    """``nlp`` with its component ``pipe`` replaced, where it stood, by the one ``make``
    builds from it (registered with spaCy as ``factory`` on first use)."""
    from spacy.language import Language

    if not Language.has_factory(factory):
        Language.factory(factory, func=lambda nlp, name: make(nlp.get_pipe(pipe)))
    nlp.add_pipe(factory, before=pipe)
    nlp.remove_pipe(pipe)
    return nlp
