# Two commands on a fresh machine with Python 3.11: `make demo` (build the seed graph, then
# propose facts from the seed reports)
# `make test` (lint and the test suite). Each target installs what it needs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint install clean chromium screenshot bench-map linker

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

SEEDS ?= ../shared/corpus/seeds

demo: $(STAMP)
	$(BIN)/milcoop build
	$(BIN)/milcoop show "Mustafa Kemal Atatürk-2023"
	@if [ -d "$(SEEDS)" ]; then $(BIN)/milcoop ingest "$(SEEDS)"; \
	  else echo "no reports at $(SEEDS): skipping milcoop ingest"; fi

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint chromium
	$(BIN)/pytest

# Headless Chromium for the map's browser tests: Debian's package, installed as root when
# missing; the browser tests skip, saying so, when it cannot be installed.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] \
	  && apt-get update -qq >/dev/null \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium could not be installed: the browser tests will be skipped"

# The README's pictures of the seed map (docs/map*.png) and of the review page
# (docs/review.png), taken in headless Chromium.
screenshot: $(STAMP) chromium
	$(BIN)/milcoop map -o out/map.html
	$(BIN)/python tools/map_browser.py out/map.html docs/map.png mehmet-erdogan
	$(BIN)/python tools/map_browser.py out/map.html docs/map-time.png --years 1992 2021
	$(BIN)/python tools/map_browser.py out/map.html docs/map-reported.png --years 2024 2024 \
	  --clock reported
	$(BIN)/milcoop map --countries --layout geo -o out/map-geo.html
	$(BIN)/python tools/map_browser.py out/map-geo.html docs/map-geo.png
	PYTHONPATH=tools $(BIN)/python tools/review_browser.py docs/review.png

# The map at 5,000 nodes: seconds to build in Python and to draw and answer in Chromium.
bench-map: $(STAMP) chromium
	PYTHONPATH=tools $(BIN)/python benchmarks/map_scale.py

# The learned linker's model (ingest/extract/learned/linker.json), trained anew on dev
# reports 1-348 (about ten minutes): after a change to the rules or the linker's features.
linker: $(STAMP)
	$(BIN)/python -m ingest.evaluate.train_linker

clean:
	rm -rf out .pytest_cache
