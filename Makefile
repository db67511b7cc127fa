# Set-up and everyday commands. Works on a fresh Debian 12 machine (system packages via apt-get;
# run as root or with sudo available).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: run test bench lint clean system-run-deps system-test-deps

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { bash scripts/install-run-deps.sh && $(PYTHON) -m venv $(VENV); }
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

system-run-deps:
	bash scripts/install-run-deps.sh

system-test-deps:
	bash scripts/install-test-deps.sh

## Open the app on its embedded defaults (SQLite in the user's data folder, no keys, no Docker).
run: system-run-deps $(VENV)/.installed-run
	$(VENV)/bin/gastro-hub

## Install everything the tests need and run the whole suite (CI runs exactly this).
test: system-test-deps $(VENV)/.installed-test
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(PY) -m pytest

## Repeatable speed measurements, each printed beside a floor from the same run.
bench: system-test-deps $(VENV)/.installed-test
	$(PY) benchmarks/run_all.py

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) build dist artifacts .pytest_cache benchmarks/.cache
