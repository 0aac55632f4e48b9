# Two commands on a fresh machine with Python 3.11: `make demo` (build the seed graph)
# and `make test` (lint and the test suite). Each target installs what it needs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/milcoop build
	$(BIN)/milcoop show "Mustafa Kemal Atatürk-2023"

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint
	$(BIN)/pytest

clean:
	rm -rf out .pytest_cache
