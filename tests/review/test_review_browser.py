"""A reviewer in headless Chromium decides every proposal of one seed report with the
keyboard (one merge, accepts and rejects), reloads and sees them decided; the next ingest
proposes none of them again and the next build holds what was accepted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import SEEDS
from ingest.corpus import Corpus
from ingest.facts.build import build
from ingest.review.decisions import read_decisions
from ingest.review.desk import Desk
from ingest.run import ingest


@pytest.fixture
def desk(seed_desk: Desk) -> Desk:
    """A desk over the seed proposals, nothing curated yet."""
    return seed_desk


@pytest.fixture
def page(browser: Any, desk: Desk) -> Iterator[Any]:
    """The review page, served on a free port of 127.0.0.1."""
    from ingest.review.web import review_server

    server = review_server(desk, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    tab = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"http://127.0.0.1:{server.port}/")
    tab.wait_for_selector(".row.selected")
    yield tab
    tab.close()
    server.shutdown()
    server.server_close()
    assert not errors


def progress(tab: Any) -> str:
    return tab.text_content("#progress")


def decide(tab: Any, key: str) -> None:
    """Press ``key`` and wait until the page shows the decision taken."""
    before = progress(tab)
    tab.keyboard.press(key)
    tab.wait_for_function("before => document.getElementById('progress').textContent "
                          "!== before", arg=before, timeout=10_000)


def test_a_reviewer_decides_a_whole_report_in_the_browser(page: Any, desk: Desk,
                                                          seed_corpus: Corpus) -> None:
    sizes = {report: sum(item.article == report for item in desk.queue.items)
             for report in desk.queue.reports}
    report = min(sizes, key=lambda report: (sizes[report], report))
    items = [item for item in desk.queue.items if item.article == report]
    entity, into = next(
        (item, other) for item in items if item.kind == "entity"
        for other, record in desk.queue.reports[report].entities.items()
        if record["label"] == item.data["label"] != "Country" and other != item.data["id"])
    page.select_option("#f-report", report)
    page.click(f".row[data-number='{entity.number}']")
    page.wait_for_selector(f".row.selected[data-number='{entity.number}']")
    page.wait_for_selector("button[data-action='merge']")
    page.keyboard.press("m")
    name = desk.queue.reports[report].entities[into]["name"]
    page.fill("#merge-query", name)
    page.click(f".results button[data-id='{into}']")
    page.wait_for_function("() => document.getElementById('message').textContent"
                           ".startsWith('merged')")
    relations = 0
    while True:
        left = [row for row in desk.overview()["items"]
                if row["article"] == report and row["state"] == "undecided"]
        if not left:
            break
        page.wait_for_selector(f".row.selected[data-number='{left[0]['number']}']")
        if left[0]["kind"] == "relation":
            relations += 1
        decide(page, "x" if left[0]["kind"] == "relation" and relations % 3 == 0 else "a")
    assert page.text_content("#list") == "No proposal matches the filters."
    page.select_option("#f-state", "")
    heading = page.text_content("#list h2")
    assert heading.endswith(f"{len(items)} decided, 0 left")

    page.reload()
    page.wait_for_selector("#f-state")
    page.select_option("#f-state", "")
    page.select_option("#f-report", report)
    badges = page.eval_on_selector_all(".row .badge", "nodes => nodes.map(n => n.textContent)")
    assert len(badges) == len(items) and "undecided" not in badges
    assert badges.count("merged") == 1 and "accepted" in badges and "rejected" in badges

    states = {row["number"]: row["state"] for row in desk.overview()["items"]}
    again = ingest(SEEDS, desk.facts.parent / "again", desk.facts, seed_corpus,
                   read_decisions(desk.decisions_path))
    proposal = next(proposal for proposal in again.proposals if proposal.id == report)
    assert [entity for entity, status in proposal.entities if status in ("new", "known")] == []
    assert [relation for relation, _ in proposal.relations] == []
    assert again.counts["relation", "rejected"] == list(states.values()).count("rejected")
    graph = build(desk.facts, seed_corpus)[0].read()
    for item in items:
        if item.kind == "relation" and states[item.number] == "accepted":
            ends = [into if end == entity.data["id"] else end
                    for end in (item.data["source"], item.data["target"])]
            assert any(data.get("type") == item.data["type"]
                       for data in graph.get_edge_data(*ends, default={}).values())
