# newsint — `make run` analyses the bundled example, `make test` runs the test suite.
# Both create the virtual environment (.venv) and install the pinned dependencies first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PIP_VERSION := 26.3

.PHONY: run test lint typecheck check bench clean install

install: $(STAMP)

# pip's own lines (Collecting, Downloading with a bar, Installing) are the progress of the
# one slow step; the other steps say what they do.
$(STAMP): pyproject.toml requirements.lock
	@echo "make: [1/4] the virtual environment $(VENV)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "make: [2/4] pip $(PIP_VERSION)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==$(PIP_VERSION)"
	@echo "make: [3/4] the pinned dependencies of requirements.lock (about a minute the first time)"
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar on -r requirements.lock
	@echo "make: [4/4] newsint itself (editable)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)
	@echo "make: installed; run commands as .venv/bin/newsint, or activate once: source .venv/bin/activate"

run: $(STAMP)
	$(BIN)/newsint analyze examples/circa-iran-isis.txt --format md

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

bench: $(STAMP)
	$(BIN)/newsint bench extraction --input text
	$(BIN)/newsint bench extraction --input html
	$(BIN)/newsint bench attribution
	$(BIN)/newsint bench hedging

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
