# The two commands of the README: `make run` (the main job: the site on the embedded default) and
# `make test` (the tests).
# Both create the virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench docs clean run screenshots bench-http translations

$(BIN)/innoreg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(BIN)/innoreg

demo: $(BIN)/innoreg
	$(BIN)/innoreg demo

lint: $(BIN)/innoreg
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1

run: $(BIN)/innoreg
	$(BIN)/innoreg db upgrade
	$(BIN)/innoreg db demo
	@echo "innoreg: open http://$(HOST):$(PORT)/ (API docs at http://$(HOST):$(PORT)/docs)"
	$(BIN)/innoreg serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

screenshots: $(BIN)/innoreg
	$(BIN)/python -m tests.service.screenshots docs/screenshots

bench-http: $(BIN)/innoreg
	$(BIN)/python -m benchmarks.bench_http

translations: $(BIN)/innoreg
	$(BIN)/pybabel extract -F src/innoreg/service/web/babel.cfg -k N_ -o /tmp/innoreg-messages.pot src/innoreg/service/web
	$(BIN)/pybabel update -i /tmp/innoreg-messages.pot -d src/innoreg/service/web/translations --no-fuzzy-matching

bench: $(BIN)/innoreg
	$(BIN)/python -m benchmarks

docs: $(BIN)/innoreg
	$(BIN)/python -m innoreg.cli.reference > docs/cli.md
	$(BIN)/innoreg rules interpretations --format markdown > docs/interpretations.md
	$(BIN)/python -m innoreg.engine.vocabulary_page > docs/vocabulary.md
	$(BIN)/python -m innoreg.service.auth.policy_page docs/security.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
