"""The Cypher files: the loader, the schema they apply, the parameters they declare, and the
one gate through which a label or relationship type enters query text."""

from __future__ import annotations

import re

import pytest

from graph.cypher_files import (
    CYPHER_DIR,
    cypher,
    cypher_paths,
    parameters,
    place,
    statements,
)
from graph.errors import VocabularyError
from graph.store.neo4j_rows import GRAPH_PROPERTY, MILCOOP_LABEL
from graph.vocabulary import LABELS, LIST_PROPERTIES

_USED_PARAMETER = re.compile(r"(?<![\w$])\$([A-Za-z_]\w*)")


def _code(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def test_the_schema_makes_each_id_unique_within_its_graph_for_every_label():
    schema = statements(cypher("schema"))
    for label in (MILCOOP_LABEL, *LABELS):
        assert any(f"FOR (n:{label}) REQUIRE (n.{GRAPH_PROPERTY}, n.id) IS UNIQUE" in statement
                   for statement in schema), label
    assert all("IF NOT EXISTS" in statement for statement in schema)


def test_the_schema_gives_every_label_a_text_index_on_names():
    schema = statements(cypher("schema"))
    for label in LABELS:
        assert any(statement.startswith("CREATE TEXT INDEX")
                   and f"FOR (n:{label}) ON (n.name)" in statement for statement in schema)
    assert len(schema) == 1 + 2 * len(LABELS)


@pytest.mark.parametrize("path", cypher_paths(),
                         ids=lambda path: str(path.relative_to(CYPHER_DIR)))
def test_every_parameter_a_file_uses_is_declared_with_an_example(path):
    text = path.read_text(encoding="utf-8")
    used = set(_USED_PARAMETER.findall(_code(text)))
    assert used <= set(parameters(text)), f"declare with // :param NAME => VALUE: {used}"


def test_the_merge_files_unite_every_list_property():
    for name, var in (("load/merge_nodes", "n"), ("load/merge_relationships", "r")):
        text = cypher(name)
        for key in LIST_PROPERTIES:
            assert f"{var}.{key} = CASE WHEN row.lists.{key} IS NULL" in text, (name, key)


def test_only_the_merge_files_carry_a_placeholder():
    holders = {str(path.relative_to(CYPHER_DIR)) for path in cypher_paths()
               if "__LABEL__" in path.read_text() or "__TYPE__" in path.read_text()}
    assert holders == {"load/merge_nodes.cypher", "load/merge_relationships.cypher"}


def test_place_puts_only_a_vocabulary_name_in_query_text():
    assert "ON CREATE SET n:Person" in place(cypher("load/merge_nodes"), "Person")
    assert "[r:SIGNED]" in place(cypher("load/merge_relationships"), "SIGNED")
    for hostile in ("Country) DETACH DELETE n //", "country", "MENTIONS", "Milcoop", ""):
        with pytest.raises(VocabularyError):
            place(cypher("load/merge_nodes"), hostile)
    with pytest.raises(VocabularyError):
        place(cypher("load/merge_relationships"), "Country")


def test_statements_split_at_semicolons_ending_a_line_only():
    text = "// head\nRETURN 'a;b' AS x;\n\n// only a comment;\nRETURN 2;"
    assert statements(text) == ["// head\nRETURN 'a;b' AS x", "RETURN 2"]


def test_parameters_read_the_browser_param_lines():
    text = "// what\n// :param rows => [{id: 'AZE'}]\n//   :param batch=>10;\nRETURN $rows"
    assert parameters(text) == {"rows": "[{id: 'AZE'}]", "batch": "10"}


def test_an_unknown_cypher_file_is_named():
    with pytest.raises(FileNotFoundError, match=r"nothing_here\.cypher"):
        cypher("nothing_here")
