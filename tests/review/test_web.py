"""The review server refuses what a hostile page or request would try: no token, a forged
one, another Host, a path for a proposal, a type or label outside the vocabulary; and it
hands every text to the page as JSON, never as markup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from conftest import HOSTILE
from ingest.corpus import Corpus
from ingest.review.desk import Desk
from ingest.review.web import HEADER, create_app

PORT = 8765
TOKEN = "t" * 43
HOST = {"Host": f"127.0.0.1:{PORT}"}


@pytest.fixture
def folder(seed_desk: Desk) -> Path:
    """Where the desk writes: an empty facts folder and a decisions file beside it."""
    return seed_desk.decisions_path.parent


@pytest.fixture
def client(seed_desk: Desk) -> FlaskClient:
    return create_app(seed_desk, PORT, TOKEN).test_client()


def post(client: FlaskClient, url: str, body: object, token: str | None = TOKEN,
         host: dict[str, str] = HOST) -> tuple[int, dict[str, object]]:
    headers = {**host, **({HEADER: token} if token is not None else {})}
    response = client.post(url, json=body, headers=headers)
    return response.status_code, response.get_json(silent=True) or {}


def files(folder: Path) -> list[tuple[str, bytes]]:
    return [(str(path), path.read_bytes()) for path in sorted(folder.rglob("*.yaml"))]


def test_the_page_carries_its_token_and_a_strict_content_policy(client: FlaskClient) -> None:
    page = client.get("/", headers=HOST)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'"token": "{TOKEN}"' in html
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "https://" not in html.split("</head>")[0] and "<script src" not in html


def test_a_decision_is_taken_with_the_token(client: FlaskClient, folder: Path) -> None:
    items = client.get("/api/items", headers=HOST).get_json()["items"]
    status, answer = post(client, "/api/decide", {"item": items[0]["number"],
                                                  "action": "reject", "seen": "undecided"})
    assert status == 200 and str(answer["done"]).startswith("rejected")
    assert client.get("/api/items", headers=HOST).get_json()["items"][0]["state"] == "rejected"
    status, answer = post(client, "/api/decide", {"item": items[0]["number"],
                                                  "action": "accept", "seen": "undecided"})
    assert status == 409 and "another tab" in str(answer["error"])
    assert post(client, "/api/undo", {})[0] == 200


@pytest.mark.parametrize(("token", "host", "status"), [
    (None, HOST, 403),
    ("forged", HOST, 403),
    (TOKEN.upper(), HOST, 403),
    (TOKEN, {"Host": "evil.example"}, 421),
    (TOKEN, {"Host": f"evil.example:{PORT}"}, 421),
])
def test_a_request_without_the_token_or_from_another_host_writes_nothing(
        client: FlaskClient, folder: Path, token: str | None, host: dict[str, str],
        status: int) -> None:
    before = files(folder)
    assert post(client, "/api/decide", {"item": 0, "action": "reject", "seen": "undecided"},
                token, host)[0] == status
    assert post(client, "/api/undo", {}, token, host)[0] == status
    assert files(folder) == before


def test_a_form_post_is_refused(client: FlaskClient, folder: Path) -> None:
    before = files(folder)
    response = client.post("/api/decide", data={"item": "0", "action": "reject"},
                           headers={**HOST, HEADER: TOKEN})
    assert response.status_code == 415
    assert files(folder) == before


@pytest.mark.parametrize(("body", "message"), [
    ({"item": "../../etc/passwd", "action": "accept", "seen": "undecided"}, "proposal number"),
    ({"item": 10_000, "action": "accept", "seen": "undecided"}, "no proposal number"),
    ({"item": True, "action": "accept", "seen": "undecided"}, "proposal number"),
    ({"item": 0, "action": "delete", "seen": "undecided"}, "unknown action"),
    ({"item": 0, "action": "accept", "seen": "<script>"}, "unknown state"),
    ({"item": 0, "action": "retype", "seen": "undecided", "value": "DETONATES"},
     "cannot link"),
    ({"item": 0, "action": "rename", "seen": "undecided", "value": "x" * 501}, "at most"),
    (["not", "an", "object"], "JSON object"),
])
def test_a_hostile_decision_is_refused_in_words(client: FlaskClient, folder: Path,
                                               body: object, message: str) -> None:
    before = files(folder)
    status, answer = post(client, "/api/decide", body)
    assert status == 400 and message in str(answer["error"])
    assert files(folder) == before


def test_an_unknown_label_is_refused_in_the_entity_search(client: FlaskClient) -> None:
    response = client.get("/api/entities?q=a&label=Bomb", headers=HOST)
    assert response.status_code == 400
    found = client.get("/api/entities?q=azerbaijan&label=Country", headers=HOST).get_json()
    assert found[0]["id"] == "AZE"


def test_hostile_names_reach_the_page_as_json_text(seed_proposals: Path, folder: Path,
                                                   seed_corpus: Corpus, tmp_path: Path
                                                   ) -> None:
    hostile = tmp_path / "hostile"
    shutil.copytree(seed_proposals, hostile)
    item = next(item for item in Desk(seed_proposals, folder / "facts",
                                      folder / "decisions.yaml", seed_corpus).queue.items
                if item.kind == "relation")
    path = hostile / f"{item.article}.yaml"
    text = path.read_text("utf-8")
    head = f'- id: "{item.data["source"]}"'
    at = text.index('  name: "', text.index(head)) + len('  name: "')
    path.write_text(text[:at] + HOSTILE[3].replace('"', '\\"') + " " + text[at:],
                    encoding="utf-8")
    desk = Desk(hostile, folder / "facts", folder / "decisions.yaml", seed_corpus)
    client = create_app(desk, PORT, TOKEN).test_client()
    page = client.get("/", headers=HOST).get_data(as_text=True)
    assert HOSTILE[3] not in page
    items = client.get("/api/items", headers=HOST)
    assert items.mimetype == "application/json"
    assert HOSTILE[3] in items.get_json()["items"][item.number]["fact"]
