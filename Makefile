# The two commands of the README: `make demo` (the main job) and `make test` (the tests).
# Both create the virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench docs clean

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

bench: $(BIN)/innoreg
	$(BIN)/python -m benchmarks

docs: $(BIN)/innoreg
	$(BIN)/python -m innoreg.cli.reference > docs/cli.md
	$(BIN)/innoreg rules interpretations --format markdown > docs/interpretations.md
	$(BIN)/python -m innoreg.engine.vocabulary_page > docs/vocabulary.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
