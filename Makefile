# `make run` and `make test` work on a fresh clone: each creates .venv when missing and installs
# what it needs (again only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test lint bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[charts]'
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	@touch $(VENV)/.runtime $@

# Telegram when TELEGRAM_BOT_TOKEN is set, otherwise a chat in this terminal.
run: $(VENV)/.runtime
	$(BIN)/pilates-bot

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

# About 45 minutes on 2 cores (half of it the bare fuzzy calls at 10 000 exercises);
# docs/PERFORMANCE.md has the results and what they mean.
bench: $(VENV)/.dev
	$(BIN)/python -m bench
	$(BIN)/python -m bench.throughput
	$(BIN)/python -m bench.favourites_scale
	$(BIN)/python -m bench.flood
	$(BIN)/python -m bench.webhook_memory

# requirements.lock: the exact versions and hashes deploy/Dockerfile installs. Run after changing
# the dependencies in pyproject.toml, and commit the result.
lock: $(VENV)/.dev
	$(PIP) pip-tools
	$(BIN)/pip-compile --no-emit-find-links --allow-unsafe --generate-hashes --no-emit-index-url \
		--output-file=requirements.lock --strip-extras --extra charts pyproject.toml

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
