"""Stable, readable ids for extracted entities: the same thing gets one id in every report."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.gazetteer import ascii_fold

SPELLING = {"defense": "defence", "programme": "program", "organisation": "organization",
            "organizations": "organization", "ministry's": "ministry"}


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, British/US spellings unified.

    >>> slug("Ministry of National Defense"), slug("Mustafa Kemal Atatürk-2023")
    ('ministry-of-national-defence', 'mustafa-kemal-ataturk-2023')
    """
    words = re.findall(r"[a-z0-9]+", ascii_fold(text).lower().replace("’", "'"))
    return "-".join(SPELLING.get(word, word) for word in words)
