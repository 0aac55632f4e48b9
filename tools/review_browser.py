"""The README's picture of `milcoop review`: the seed proposals served over a scratch copy
of the curated facts and decisions (nothing in data/ changes), one proposal selected.

Run: ``python tools/review_browser.py out/proposed docs/review.png [NUMBER]``.
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
from map_browser import launch

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Screenshot the review page of a proposals folder."""
    proposed, png = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as scratch:
        facts = Path(scratch) / "facts"
        shutil.copytree(ROOT / "data" / "facts", facts)
        shutil.copy(ROOT / "data" / "decisions.yaml", Path(scratch) / "decisions.yaml")
        desk = Desk(proposed, facts, Path(scratch) / "decisions.yaml",
                    Corpus([ROOT.parent / "shared" / "corpus" / "seeds"]))
        number = int(sys.argv[3]) if len(sys.argv) > 3 else next(
            (item.number for item in desk.queue.items if item.kind == "relation"
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
