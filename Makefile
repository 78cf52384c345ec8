# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.coder-installed

.PHONY: demo test test-quick install bench clean

demo: $(STAMP)  ## set up, then code the bundled corpus into output/events.parquet
	$(BIN)/coder code examples/corpus.jsonl -o output/events.parquet

test: $(STAMP)  ## set up, then run the whole test suite (slow parser tests included)
	$(BIN)/python -m pytest -q

test-quick: $(STAMP)  ## skip the tests that run a real parser
	$(BIN)/python -m pytest -q -m "not slow"

install: $(STAMP)

# The CPU build of torch first: otherwise stanza pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[spacy,test]'
	touch $(STAMP)

bench: $(STAMP)
	$(BIN)/python bench/bench_coding.py
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_memory.py

clean:
	rm -rf $(VENV) build *.egg-info output/*.parquet output/*/
