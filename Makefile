# Promptdesk's one runner. `make run` installs everything and starts the app; `make test`
# installs the test tools and runs every check CI runs (lint, format, types, the whole suite).
# The environment lives in .venv at the repository root.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# llama-cpp-python builds from source: portable code, and no AMX kernels (they segfault on
# some Intel CPUs, llama.cpp issue 20824).
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
export PIP_DISABLE_PIP_VERSION_CHECK := 1

APP_STAMP  := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install install-test run test check lint format typecheck pytest bench stress clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel

$(APP_STAMP): pyproject.toml | $(BIN)/python
	sh packaging/linux/system-deps.sh
	$(BIN)/python -m pip install -e .
	touch $@

$(TEST_STAMP): $(APP_STAMP)
	$(BIN)/python -m pip install -e ".[test]"
	touch $@

install: $(APP_STAMP)

install-test: $(TEST_STAMP)

run: install
	$(BIN)/promptdesk

test: install-test check

check: lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck:
	$(BIN)/mypy

pytest:
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: install
	$(BIN)/python bench/store.py

# 500 SIGKILLs of a committing writer (the test suite does 50).
stress: install-test
	$(BIN)/python bench/crash_stress.py --kills 500

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
