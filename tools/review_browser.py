"""The README's picture of `milcoop review`: the seed reports ingested into a scratch folder
against a copy of the curated facts, without the decisions file (so the proposals a
reviewer rejected are proposed again and the page has something to show), one proposal
selected. Nothing in data/ or out/ changes.

Run: ``python tools/review_browser.py docs/review.png``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from ingest.corpus import Corpus
from ingest.review.desk import Desk
from ingest.review.web import review_server
from ingest.run import ingest
from map_browser import launch

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def main() -> None:
    """Screenshot the review page of the seed proposals."""
    png = Path(sys.argv[1])
    corpus = Corpus([SEEDS])
    with tempfile.TemporaryDirectory() as scratch:
        facts, proposed = Path(scratch) / "facts", Path(scratch) / "proposed"
        shutil.copytree(ROOT / "data" / "facts", facts)
        ingest(SEEDS, proposed, facts, corpus)
        desk = Desk(proposed, facts, Path(scratch) / "decisions.yaml", corpus)
        number = next((item.number for item in desk.queue.items if item.kind == "relation"
                       and item.data.get("type") == "PARTICIPATED_IN"), 0)
        server = review_server(desk, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with launch() as browser:
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(f"http://127.0.0.1:{server.port}/#{number}")
                page.wait_for_selector(f".row.selected[data-number='{number}']")
                page.wait_for_selector(".report-text mark")
                page.wait_for_timeout(300)
                page.screenshot(path=str(png))
        finally:
            server.shutdown()
    print(f"wrote {png}")


if __name__ == "__main__":
    main()
