"""``milcoop review`` in the browser: a Flask application over one review desk.

Served on 127.0.0.1 only. The page is one document with its script and styles inline
(nothing fetched). Every text reaches the page as JSON and is put in place as text, never
as markup. A request that changes a file needs the session's token in a header (a page
from another site can neither read the token nor send the header), JSON as its body, and a
Host header naming this server (no DNS rebinding); requests name proposals by number, types
and labels are checked against the vocabulary, and no request names a path.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
import socket
from importlib import resources
from typing import Any

from flask import Flask, Response, abort, jsonify, request
from werkzeug.serving import BaseWSGIServer, make_server

from graph.vocabulary import LABELS, REL_TYPES
from ingest.review.desk import ACTIONS, Desk, ReviewError, StaleDecision
from ingest.review.state import STATES

HEADER = "X-Milcoop-Token"
"""The header every state-changing request carries the session token in."""

LONGEST_VALUE = 500
"""Longest name or type a request may carry."""


def _asset(name: str) -> str:
    return resources.files("ingest.review").joinpath("page", name).read_text("utf-8")


def _page(token: str, nonce: str) -> str:
    """The review page with its token, styles and script in place."""
    page = _asset("review.html")
    meta = {"token": token, "states": list(STATES), "actions": list(ACTIONS),
            "labels": [name for name in LABELS if name != "Article"],
            "types": list(REL_TYPES)}
    data = json.dumps(meta).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")
    return (page.replace("{{nonce}}", nonce)
            .replace("{{style}}", _asset("review.css"))
            .replace("{{script}}", _asset("review.js"))
            .replace("{{meta}}", data))


def create_app(desk: Desk, port: int, token: str | None = None) -> Flask:
    """The review application for ``desk``, answering as ``127.0.0.1:port``."""
    app = Flask("milcoop-review")
    app.config["TOKEN"] = token or secrets.token_urlsafe(32)
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}

    @app.before_request
    def _guard() -> None:
        if request.host not in hosts:
            abort(421)
        if request.method == "POST":
            given = request.headers.get(HEADER, "")
            if not hmac.compare_digest(given.encode(), app.config["TOKEN"].encode()):
                abort(403)
            if not request.is_json:
                abort(415)

    @app.after_request
    def _headers(response: Response) -> Response:
        nonce = getattr(request, "nonce", "")
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(ReviewError)
    def _refused(error: ReviewError) -> tuple[Response, int]:
        return jsonify(error=str(error)), 409 if isinstance(error, StaleDecision) else 400

    @app.get("/")
    def _index() -> Response:
        request.nonce = secrets.token_urlsafe(16)  # type: ignore[attr-defined]
        return Response(_page(app.config["TOKEN"], request.nonce),  # type: ignore[attr-defined]
                        mimetype="text/html")

    @app.get("/api/items")
    def _items() -> Response:
        return jsonify(desk.overview())

    @app.get("/api/items/<int:number>")
    def _item(number: int) -> Response:
        return jsonify(desk.evidence(number))

    @app.get("/api/entities")
    def _entities() -> Response:
        label = request.args.get("label") or None
        if label is not None and label not in LABELS:
            raise ReviewError(f"unknown label {label!r}")
        return jsonify(desk.search(request.args.get("q", "")[:LONGEST_VALUE], label))

    @app.post("/api/decide")
    def _decide() -> Response:
        body = _body()
        number, action, seen = body.get("item"), body.get("action"), body.get("seen")
        value = body.get("value")
        if not isinstance(number, int) or isinstance(number, bool):
            raise ReviewError("'item' must be a proposal number")
        if action not in ACTIONS:
            raise ReviewError(f"unknown action {action!r}")
        if seen not in STATES:
            raise ReviewError(f"unknown state {seen!r}")
        if value is not None and (not isinstance(value, str) or len(value) > LONGEST_VALUE):
            raise ReviewError(f"'value' must be a text of at most {LONGEST_VALUE} characters")
        return jsonify(done=desk.decide(number, action, seen, value))

    @app.post("/api/undo")
    def _undo() -> Response:
        _body()
        return jsonify(done=desk.undo())

    return app


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ReviewError("the request body must be a JSON object")
    return body


def review_server(desk: Desk, port: int) -> BaseWSGIServer:
    """A threaded server for ``desk`` bound to 127.0.0.1:``port`` (0: a free port), not
    yet serving; OSError when the port cannot be had."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    listening = socket.create_server(("127.0.0.1", port))
    try:
        server = make_server("127.0.0.1", listening.getsockname()[1], _unready,
                             threaded=True, fd=listening.fileno())
    finally:
        listening.close()
    server.app = create_app(desk, server.port)
    return server


def _unready(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


def serve(desk: Desk, port: int, ready: Any = None) -> None:
    """Serve the review application on 127.0.0.1:``port`` until interrupted; ``ready`` is
    called with the URL once the server listens."""
    server = review_server(desk, port)
    if ready is not None:
        ready(f"http://127.0.0.1:{server.port}/")
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
