"""Specification of the seed graph: what the five curated reports must say."""

from __future__ import annotations

import networkx as nx

from graph.describe import describe, render
from graph.stats import summary
from graph.vocabulary import PROVENANCE_TYPES

MKA = "mustafa-kemal-ataturk-2023"
ARTICLE_000 = "000_a9e083a6abf19069"
ARTICLE_001 = "001_36621d79170f857f"


def edge(graph: nx.MultiDiGraph, source: str, kind: str, target: str) -> dict:
    assert graph.has_edge(source, target, key=kind), f"missing {source} -{kind}-> {target}"
    return graph.edges[source, target, kind]


def test_the_seed_graph_is_large_enough_to_be_useful(seed_graph):
    totals = summary(seed_graph)
    assert totals["articles"] == 5
    assert totals["entities"] > 100
    assert totals["relationships"] > 150


def test_azerbaijan_and_turkey_took_part_in_mustafa_kemal_ataturk_2023(seed_graph):
    exercise = seed_graph.nodes[MKA]
    assert exercise["label"] == "Exercise"
    assert (exercise["start"], exercise["end"]) == ("2023-10-23", "2023-10-25")
    assert exercise["personnel"] == 3000
    assert exercise["personnel_qualifier"] == "about"
    assert exercise["status"] == "held"
    assert edge(seed_graph, "AZE", "PARTICIPATED_IN", MKA)["role"] == "host"
    assert edge(seed_graph, "TUR", "PARTICIPATED_IN", MKA)["role"] == "participant"


def test_one_exercise_reported_twice_is_one_node_holding_both_sources(seed_graph):
    assert seed_graph.nodes[MKA]["sources"] == [ARTICLE_000, ARTICLE_001]
    assert edge(seed_graph, "TUR", "PARTICIPATED_IN", MKA)["sources"] == [ARTICLE_000,
                                                                          ARTICLE_001]


def test_a_symmetric_fact_is_one_edge_citing_every_report_either_way_round(seed_graph):
    fought = [(a, b) for a, b, kind in seed_graph.edges(keys=True)
              if kind == "FOUGHT" and {a, b} == {"ARM", "AZE"}]
    assert fought == [("ARM", "AZE")]
    assert len(edge(seed_graph, "ARM", "FOUGHT", "AZE")["sources"]) == 5


def test_zakir_hasanov_commands_the_ministry_of_defense(seed_graph):
    assert seed_graph.nodes["zakir-hasanov"]["rank"] == "Colonel General"
    assert edge(seed_graph, "zakir-hasanov", "COMMANDS", "aze-ministry-of-defense")
    assert edge(seed_graph, "aze-ministry-of-defense", "PART_OF", "AZE")


def test_azerbaijan_joined_partnership_for_peace_on_4_may_1994(seed_graph):
    joined = edge(seed_graph, "AZE", "PARTICIPATED_IN", "partnership-for-peace")
    assert joined["since"] == "1994-05-04"
    assert edge(seed_graph, "nato", "RUNS", "partnership-for-peace")


def test_the_shusha_declaration_was_signed_by_both_states_on_15_june_2021(seed_graph):
    assert seed_graph.nodes["shusha-declaration"]["date"] == "2021-06-15"
    for country in ("AZE", "TUR"):
        assert edge(seed_graph, country, "SIGNED", "shusha-declaration")["cameo"] == "057"


def test_aliases_keep_every_form_the_reports_use(seed_graph):
    assert {"Türkiye", "Turkey", "Turkish", "Ankara"} <= set(seed_graph.nodes["TUR"]["aliases"])
    assert "President Aliyev" in seed_graph.nodes["ilham-aliyev"]["aliases"]
    assert "Col-Gen Arzu Rahimov" in seed_graph.nodes["arzu-rahimov"]["aliases"]


def test_when_it_happened_and_when_it_was_reported_are_kept_apart(seed_graph):
    assert seed_graph.nodes[ARTICLE_001]["published"] == "2024-02-20"
    visit = seed_graph.nodes["aliyev-official-visit-turkiye-2024-02"]
    assert (visit["date"], visit["kind"], visit["cameo"]) == ("2024-02-19", "visit", "042")
    assert seed_graph.nodes[ARTICLE_000]["published_inferred"] is True


def test_every_fact_has_a_source_and_evidence(seed_graph):
    for node, data in seed_graph.nodes(data=True):
        if data["label"] != "Article":
            assert data["sources"] and data["evidence"], node
            assert seed_graph.has_edge(data["sources"][0], node, key="MENTIONS"), node
    for source, target, kind, data in seed_graph.edges(keys=True, data=True):
        assert data["sources"] and data["evidence"], (source, kind, target)
        assert all(span.split(":")[0] in data["sources"] for span in data["evidence"])


def test_every_relationship_type_records_its_cameo_code_when_it_is_an_event(seed_graph):
    for _, _, kind, data in seed_graph.edges(keys=True, data=True):
        if kind in ("PARTICIPATED_IN", "RUNS", "COOPERATES_WITH"):
            assert data["cameo"] == "062"
        if kind in (*PROVENANCE_TYPES, "PART_OF", "HELD_IN"):
            assert "cameo" not in data


def test_every_span_lies_inside_its_report(seed_graph, seed_corpus):
    for _, data in seed_graph.nodes(data=True):
        if data["label"] == "Article":
            text = seed_corpus.text(data["file"])
            assert text, data["file"]
    spans = [span for _, data in seed_graph.nodes(data=True) for span in data.get("evidence", [])]
    spans += [span for *_, data in seed_graph.edges(keys=True, data=True)
              for span in data["evidence"]]
    for span in spans:
        article, offsets = span.rsplit(":", 1)
        start, end = map(int, offsets.split("-"))
        text = seed_corpus.text(f"{article}.txt")
        assert 0 <= start < end <= len(text), span
        assert text[start:end].strip(), span


def test_a_description_prints_control_characters_in_names_as_codes(seed_graph):
    graph = seed_graph.copy()
    graph.nodes["AZE"]["name"] = "Azer\u202eexe.png \x1b]0;pwned\x07"
    text = render(describe(graph, "AZE"), lambda span: None)
    assert "\x1b" not in text and "\u202e" not in text
    assert text.startswith("Azer\\u202eexe.png \\x1b]0;pwned\\x07 [Country] id=AZE")
