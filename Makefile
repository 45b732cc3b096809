# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
# `make check` is the loop for every edit (lint, types and the fast tier); `make mutate` breaks the
# modules your branch changed, one line at a time, and lists the breaks no fast test catches.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Tiers: tests/support/tiers.py. The fast tier (in tests/unit) starts no process, server, browser or cluster.
FAST_TIER := not (integration or postgres or browser or dask or slow)
WORKERS ?= auto

.PHONY: run test check lint docs mutate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# Prefect's database migrated once per machine: a new data folder's server starts from a copy (5 s sooner).
	$(BIN)/python -m flows.prefect_server.template >/dev/null || true  # without it each new folder migrates its own
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tintuc run seeds

# The whole suite on every core (serial tests run alone: tests/support/serial_lock.py), after the docs.
test: $(STAMP) docs
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile

check: $(STAMP) lint
	$(BIN)/python -m pytest tests/unit -q -n $(WORKERS) -m "$(FAST_TIER)"

lint: $(STAMP)
	$(BIN)/ruff check flows schemas warehouse tests bench docs/hooks
	$(BIN)/mypy flows schemas warehouse

# The docs site; strict: a broken link, a missing anchor or a page left out of the nav fails it.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

mutate: $(STAMP)
	$(BIN)/python -m tests.support.mutate

clean:
	rm -rf $(VENV) data site
