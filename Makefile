# military-exercises: `make help` lists the targets. Real file targets: an unchanged tree rebuilds nothing.
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RELEASE := dataset/release/datapackage.json
SOURCES := $(shell find dataset/sources -name '*.yaml' -o -name '*.yml' 2>/dev/null | sort)
MAPPINGS := $(wildcard dataset/mappings/*.csv) dataset/allowlist.csv
CODE := $(shell find src -name '*.py' 2>/dev/null | sort)

.PHONY: help venv dataset check test test-fast lint typecheck codebook report figures notebooks ipynb lab bench eval-extract wheel clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

venv: $(STAMP) ## Create .venv and install the package with its development tools

$(RELEASE): $(STAMP) $(SOURCES) $(MAPPINGS) $(CODE)
	$(BIN)/military-exercises build
	@touch $@

dataset: $(RELEASE) ## Build and validate the release (dataset/release/*.parquet + datapackage.json)

check: $(STAMP) ## Validate every source record without publishing
	$(BIN)/military-exercises check

codebook: $(STAMP) ## Regenerate CODEBOOK.md from the pandera models
	$(BIN)/military-exercises codebook -o CODEBOOK.md

lint: $(STAMP) ## ruff (lint) on src, tests and benchmarks
	$(BIN)/ruff check src tests $(wildcard benchmarks)

typecheck: $(STAMP) ## mypy --strict on src
	$(BIN)/mypy

test: $(RELEASE) lint typecheck ## Build the dataset, then run ruff, mypy and the whole test suite
	$(BIN)/python -m pytest -q

test-fast: $(RELEASE) ## Tests without the slow ones (notebooks, crash safety)
	$(BIN)/python -m pytest -q -m "not slow"

report: $(RELEASE) ## Coverage report: reports/coverage.md + PNG charts in reports/figures/
	$(BIN)/military-exercises report --out reports

figures: $(RELEASE) ## The standard analysis figures as PNG in reports/figures/
	$(BIN)/military-exercises figures --out reports/figures

notebooks: $(RELEASE) ## Execute the notebooks top to bottom (as the test suite does)
	$(BIN)/python -m pytest -q -m notebooks

ipynb: $(STAMP) ## Write notebooks/*.ipynb from the reviewed .py scripts (to open in plain Jupyter)
	$(BIN)/jupytext --to ipynb notebooks/[0-9]*.py

lab: $(RELEASE) ipynb ## Install JupyterLab into .venv and open the notebooks
	$(BIN)/python -m pip install --quiet jupyterlab
	$(BIN)/jupyter lab notebooks/

bench: $(RELEASE) ## Benchmarks (build, validation, panels, loading, extraction); see benchmarks/README.md
	$(BIN)/python benchmarks/run.py

eval-extract: $(STAMP) ## Precision / recall / F1 of the extractor per corpus split, marking splits below target
	$(BIN)/military-exercises eval-extract

wheel: $(RELEASE) ## Build a wheel that carries the release
	$(BIN)/python -m build --wheel --outdir dist .

clean: ## Remove the virtualenv, the release and caches (sources are never touched)
	rm -rf $(VENV) dataset/release dataset/.releases dataset/.build.lock dist .pytest_cache .mypy_cache .ruff_cache
