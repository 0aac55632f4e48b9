"""Headless Chromium for the map tests and the README screenshot: pages opened offline.

Debian's ``chromium`` (installed by ``make test``) is driven through Playwright's Python
package with ``executable_path``, so no browser is downloaded. Each page records its
JavaScript errors, any request that is not a local file, and any dialog it tried to open.

Run as a script to screenshot a map: ``python tools/map_browser.py out/map.html docs/map.png
[NODE] [--years 1992 2023] [--clock reported]``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage"]
"""Chromium flags: headless on a CI box, nothing fetched in the background."""


def chromium_path() -> str | None:
    """Where Debian's chromium is, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def launch() -> Iterator[Browser]:
    """A headless Chromium with a fresh profile (Playwright gives each launch its own)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class MapPage:
    """A map page loaded from file:// with the network off, and what happened in it."""

    def __init__(self, browser: Browser, path: Path, width: int = 1400,
                 height: int = 900) -> None:
        self.context = browser.new_context(offline=True,
                                           viewport={"width": width, "height": height})
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(message.text))
        self.page.on("request", lambda request: not request.url.startswith("file:")
                     and self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, function: str, arg: Any = None) -> Any:
        """The value of a JS function run in the page (a function: the page forbids eval)."""
        return self.page.evaluate(function, arg)

    def wait_ready(self, timeout: float = 60.0) -> float:
        """Seconds until the map says it is drawn (settled and frozen, or fixed)."""
        start = time.monotonic()
        while not self.js("() => Boolean(window.milcoopMap && window.milcoopMap.ready)"):
            if self.errors or time.monotonic() - start > timeout:
                raise AssertionError(f"map not ready: errors={self.errors}")
            self.page.wait_for_timeout(25)
        return time.monotonic() - start

    def counts(self) -> tuple[int, int]:
        """Nodes and edges the map shows now (legend filters and time window applied)."""
        return tuple(self.js("() => milcoopMap.counts()"))

    def hover(self, node: str) -> str:
        """Rest the pointer on ``node`` and return the tooltip's text."""
        return self._point("id => milcoopMap.network.canvasToDOM("
                           "milcoopMap.network.getPosition(id))", node)

    def hover_edge(self, source: str, kind: str, target: str) -> str:
        """Rest the pointer on an edge, half-way along it or, where another edge crosses
        there, at another point of it, and return the tooltip's text."""
        text = ""
        for fraction in (0.5, 0.35, 0.65, 0.2, 0.8):
            text = self._point("""([from, kind, to, fraction]) => {
                const edge = milcoopMap.edges.get({filter: e =>
                    e.from === from && e.to === to && e.category === kind})[0];
                const curve = milcoopMap.network.body.edges[edge.id].edgeType;
                return milcoopMap.network.canvasToDOM(curve.getPoint(fraction));
            }""", [source, kind, target, fraction])
            if f" → {kind} → " in text.split("\n", 1)[0]:
                return text
            self.page.mouse.move(0, 0)
        return text

    def _point(self, where: str, arg: Any) -> str:
        box = self.page.locator("#map").bounding_box()
        spot = self.js(where, arg)
        self.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
        tooltip = self.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        return tooltip.inner_text()

    def close(self) -> None:
        self.context.close()


def screenshot(page_path: Path, png: Path, hover: str | None = None,
               years: tuple[int, int] | None = None, clock: str | None = None) -> None:
    """Save a PNG of a map once drawn, with the time slider at ``years`` on ``clock`` when
    given, pointing at ``hover`` to show a tooltip.

    The PNG is reduced to 256 colours (a third of the bytes) to be kept in the repository.
    """
    from PIL import Image

    with launch() as browser:
        page = MapPage(browser, page_path, width=1280, height=820)
        page.wait_ready()
        if clock:
            page.page.select_option("#clock", clock)
        if years:
            page.js("([first, last]) => milcoopMap.setWindow(first, last)", list(years))
        if hover:
            page.hover(hover)
        page.page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(png))
        page.close()
    colours = Image.open(png).convert("RGB").quantize(256, Image.Quantize.FASTOCTREE)
    colours.save(png, optimize=True)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Screenshot a map page.")
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("hover", nargs="?")
    parser.add_argument("--years", type=int, nargs=2, metavar=("FIRST", "LAST"))
    parser.add_argument("--clock", choices=("happened", "reported"))
    options = parser.parse_args()
    screenshot(options.page, options.png, options.hover,
               tuple(options.years) if options.years else None, options.clock)
