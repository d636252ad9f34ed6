# military-exercises: `make help` lists the targets. Real file targets: an unchanged tree rebuilds nothing.
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Make never names a file inside the published release (a failed or killed make would delete it
# under .DELETE_ON_ERROR): the release is tracked by a stamp, and its inputs by a manifest of
# content hashes that changes only when an input is added, removed, moved or edited (whatever its
# mtime). File names never reach make, so spaces in them are harmless.
INPUTS := dataset/.build/inputs.sha256
RELEASE := dataset/.build/release.stamp
INPUT_PATHS := dataset/sources dataset/mappings dataset/upstream dataset/allowlist.csv src pyproject.toml

.PHONY: FORCE help venv dataset verify release site check test test-fast lint typecheck codebook report figures notebooks ipynb lab bench eval-extract wheel site clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

venv: $(STAMP) ## Create .venv and install the package with its development tools

$(INPUTS): FORCE
	@mkdir -p $(@D)
	@{ find $(INPUT_PATHS) -type f ! -name '*.pyc' -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 -r sha256sum; \
	   find $(INPUT_PATHS) ! -type f ! -type d -printf '%y %p\n' 2>/dev/null | LC_ALL=C sort; } > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(RELEASE): $(STAMP) $(INPUTS)
	$(BIN)/military-exercises build
	@touch $@

dataset: $(RELEASE) ## Build and validate the release (dataset/release/*.parquet + datapackage.json)
	@$(BIN)/military-exercises verify --quiet || $(BIN)/military-exercises build

verify: $(STAMP) ## Check dataset/release against its datapackage.json (sizes and sha256 of every file)
	$(BIN)/military-exercises verify

check: $(STAMP) ## Validate every source record without publishing
	$(BIN)/military-exercises check

codebook: $(STAMP) ## Regenerate CODEBOOK.md from the pandera models
	$(BIN)/military-exercises codebook -o CODEBOOK.md

lint: $(STAMP) ## ruff (lint) on src, tests and benchmarks
	$(BIN)/ruff check src tests $(wildcard benchmarks)

typecheck: $(STAMP) ## mypy --strict on src
	$(BIN)/mypy

test: dataset lint typecheck ## Build the dataset, then run ruff, mypy and the whole test suite
	$(BIN)/python -m pytest -q

test-fast: dataset ## Tests without the slow ones (notebooks, crash safety)
	$(BIN)/python -m pytest -q -m "not slow"

report: dataset ## Coverage report: reports/coverage.md + PNG charts in reports/figures/
	$(BIN)/military-exercises report --out reports

figures: dataset ## The standard analysis figures as PNG in reports/figures/
	$(BIN)/military-exercises figures --out reports/figures

notebooks: dataset ## Execute the notebooks top to bottom (as the test suite does)
	$(BIN)/python -m pytest -q -m notebooks

ipynb: $(STAMP) ## Write notebooks/*.ipynb from the reviewed .py scripts (to open in plain Jupyter)
	$(BIN)/jupytext --to ipynb notebooks/[0-9]*.py

lab: dataset ipynb ## Install JupyterLab into .venv and open the notebooks
	$(BIN)/python -m pip install --quiet jupyterlab
	$(BIN)/jupyter lab notebooks/

bench: dataset ## Benchmarks (build, validation, panels, loading, extraction, site); see benchmarks/README.md
	$(BIN)/python benchmarks/run.py

# The site is rebuilt when the release or the code, templates and basemap that draw it change.
SITE_MARKER := site/.military-exercises-site
SITE_INPUTS := $(shell find src/military_exercises/site src/military_exercises/analysis/explain.py dataset/upstream/naturalearth -type f ! -name '*.pyc' 2>/dev/null)

$(SITE_MARKER): $(RELEASE) $(SITE_INPUTS)
	$(BIN)/military-exercises site --out site

site: dataset $(SITE_MARKER) ## Static website in site/ (open site/index.html; any static host); see docs/site.md

eval-extract: $(STAMP) ## Precision / recall / F1 of the extractor per corpus split, marking splits below target
	$(BIN)/military-exercises eval-extract

release: dataset report ## The release bundle dist/military-exercises-<version>.zip (data, codebook, citation, coverage, checksums)
	$(BIN)/military-exercises bundle --out dist

wheel: dataset ## Build a wheel that carries the release
	$(BIN)/python -m build --wheel --outdir dist .

clean: ## Remove the virtualenv, the release and caches (sources are never touched)
	rm -rf $(VENV) dataset/release dataset/.releases dataset/.build.lock dataset/.build dist site .pytest_cache .mypy_cache .ruff_cache
