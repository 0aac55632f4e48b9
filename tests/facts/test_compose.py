"""Facts files read through libyaml give exactly what the round-trip reader gives (values,
record lines, key lines, errors); whatever libyaml would read differently goes the slow
way."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FACTS, FIXTURES
from ingest.facts import files
from ingest.facts.compose import compose_facts
from ingest.facts.files import FactsSyntaxError, parse_facts


def both(path: Path, text: str) -> tuple[object, object]:
    """The file read the round-trip way and the fast way (an error as its message)."""
    found = []
    for fast in (False, True):
        files.FAST = fast
        try:
            facts = parse_facts(path, text)
            found.append([(r.data, r.line, r.key_lines)
                          for r in (facts.article, *facts.entities, *facts.relations)])
        except FactsSyntaxError as error:
            found.append(str(error))
        finally:
            files.FAST = True
    return found[0], found[1]


@pytest.mark.parametrize("path", sorted(FACTS.glob("*.yaml")) + sorted(
    path for path in FIXTURES.rglob("*.yaml") if "holdout" not in path.parts),
    ids=lambda path: path.name)
def test_every_facts_file_reads_the_same_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    slow, fast = both(path, text)
    assert fast == slow


def test_the_curated_facts_take_the_fast_way() -> None:
    for path in sorted(FACTS.glob("*.yaml")):
        assert compose_facts(path.read_text(encoding="utf-8")) is not None, path


SCALARS = ["yes", "no", "on", "off", "y", "0777", "017", "0o17", "0x1F", "0b101", "1_000",
           "2023-10-23", "2023-1-5 10:00", "2023-10-23T10:00:00Z", "12:30", "1:20:30",
           ".inf", "-.inf", ".nan", "~", "null", "NULL", "", "1e3", "1.5", "-3", "+4", "0",
           "-0", "3.", ".5", "True", "FALSE", "<<", "=", "'quoted'", '"1992"', "1992",
           "!!str 12", "!custom x", "&anchor value", "a #not comment", "x: y"]


@pytest.mark.filterwarnings("ignore::ruamel.yaml.error.ReusedAnchorWarning")
@pytest.mark.parametrize("scalar", SCALARS)
def test_a_scalar_reads_as_yaml_1_2_reads_it(scalar: str) -> None:
    text = ("article:\n  id: r1\n  title: " + scalar + "\nentities:\n- id: AZE\n  label: "
            "Country\n  name: " + scalar + "\n  evidence: [[0, 1]]\nrelations: []\n")
    slow, fast = both(Path("r1.yaml"), text)
    assert repr(fast) == repr(slow)


@pytest.mark.parametrize("text", [
    "article:\n  id: a\n  id: b\n",
    "article: [1, 2]\n",
    "- just\n- a list\n",
    "article:\n  id: a\nentities: 3\n",
    "article:\n  id: a\nentities:\n- 3\n",
    "article:\n  id: a\nwhatever: 1\n",
    "entities: []\n",
    "article:\n  id: a\n  title: 'open\n",
    "article:\n  id: a\nentities:\n- {id: AZE, label: Country, name: Azerbaijan}\n",
    "article:\n  id: a\n  ? [complex]\n  : key\n",
    "article:\n  id: a\n  base: &b {x: 1}\n  <<: {y: 2}\n",
])
def test_an_odd_or_broken_file_reads_the_same_both_ways(text: str) -> None:
    slow, fast = both(Path("odd.yaml"), text)
    assert repr(fast) == repr(slow)


def test_a_merge_key_is_refused_in_words_not_a_traceback() -> None:
    text = "article:\n  id: a\n  base: &b {x: 1}\n  <<: {y: 2}\n"
    with pytest.raises(FactsSyntaxError, match=r"odd.yaml:2: error: a merge key \(<<\) is not "):
        parse_facts(Path("odd.yaml"), text)
