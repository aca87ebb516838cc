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

# PostgreSQL, Node.js and tests/js's packages for the sync server's tests; quick when present.
install-test: $(TEST_STAMP)
	sh packaging/linux/server-test-deps.sh

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

# The sync server: latency under load against a bare relay, memory per room and connection, the
# automerge-paper trace through pycrdt, a 200-client reconnect storm (4-5 minutes on two cores;
# writes bench/results/sync.txt). `.venv/bin/python bench/sync.py --quick` for a short run.
.PHONY: bench-sync
bench-sync: install
	$(BIN)/python bench/sync.py

# The desktop app on the sync server (offscreen): a keystroke on one window to the text on
# another, a 1,000-prompt workspace to a new device, the UI heartbeat while a new window syncs
# it (7-9 minutes on two cores; writes bench/results/sync-desktop.txt).
# `.venv/bin/python bench/sync.py --desktop --quick` for a short run.
.PHONY: bench-sync-desktop
bench-sync-desktop: install
	$(BIN)/python bench/sync.py --desktop

# The WebSocket frame fuzzer at 10,000 cases (the test suite runs 500); writes
# bench/results/sync-fuzz.txt.
.PHONY: bench-sync-fuzz
bench-sync-fuzz: install-test
	PROMPTDESK_FUZZ_EXAMPLES=10000 $(BIN)/pytest tests/server/test_room_limits.py -k fuzz \
		-p no:cacheprovider -q -s --durations=1 > bench/results/sync-fuzz.txt; \
		status=$$?; cat bench/results/sync-fuzz.txt; exit $$status

# The sync convergence property test at 10,000 sequences (the test suite runs 1,000): three
# replicas, a real server, random edits, lost/repeated/reordered frames and disconnects; writes
# bench/results/sync-convergence.txt. `make bench-sync-convergence CONVERGENCE_SEQUENCES=200`
# for a short run; PROMPTDESK_CONVERGENCE_SEED=<seed> replays a seed's scripts.
CONVERGENCE_SEQUENCES ?= 10000
.PHONY: bench-sync-convergence
bench-sync-convergence: install-test
	PROMPTDESK_CONVERGENCE_SEQUENCES=$(CONVERGENCE_SEQUENCES) $(BIN)/pytest \
		tests/sync/test_convergence.py -p no:cacheprovider -q -s --durations=1 \
		> bench/results/sync-convergence.txt; \
		status=$$?; cat bench/results/sync-convergence.txt; exit $$status

# SIGKILLs of a desktop's `sync watch` and of the server in the middle of syncs, 50 of each
# (the test suite runs 10 of each); writes bench/results/sync-kills.txt.
SYNC_KILLS ?= 50
.PHONY: bench-sync-kills
bench-sync-kills: install-test
	PROMPTDESK_SYNC_KILLS=$(SYNC_KILLS) $(BIN)/pytest tests/sync/test_kills.py \
		-p no:cacheprovider -q -s --durations=2 > bench/results/sync-kills.txt; \
		status=$$?; cat bench/results/sync-kills.txt; exit $$status

# The eval engine: a 1,000-cell matrix on the local model (10 cases x 2 versions x 50 repeats,
# 8-token outputs), cells/s through the scheduler against the same cells one after another,
# the modes taking turns; the UI heartbeat while it runs (writes bench/results/evals.txt).
# `.venv/bin/python bench/evals.py --quick` for a short run.
.PHONY: bench-evals
bench-evals: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/evals.py

# The community gallery on the sync server, SQLite and PostgreSQL: search p50/p95 at 100,000
# entries (against the same queries at 10,000 and a lookup by id), an entry's page over HTTP
# against /healthz (7-10 minutes on two cores; writes bench/results/gallery.txt).
# `.venv/bin/python bench/gallery.py --entries 20000 --queries 160 --pages 100` for a short run.
.PHONY: bench-gallery
bench-gallery: install-test
	{ $(BIN)/python bench/gallery.py && $(BIN)/python bench/gallery_desktop.py; } \
		> bench/results/gallery.txt; \
		status=$$?; cat bench/results/gallery.txt; exit $$status

# 500 SIGKILLs of a committing writer (the test suite does 50).
stress: install-test
	$(BIN)/python bench/crash_stress.py --kills 500

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
