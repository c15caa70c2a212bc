# Two commands set up everything: `make run` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= $(or $(STREAMLIT_SERVER_PORT),8501)

.PHONY: run dev test pytest test-snel e2e lint check bench serve-scaled site clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# The conventional command: app.py is an st.App (docs/adr/0001-streamlit-run-app-py.md).
run: $(VENV)/.runtime
	@echo "Toegangswijzer: http://localhost:$(PORT)/"
	$(BIN)/streamlit run app.py --server.port $(PORT)

# Development: rerun on save. Production defaults stay in .streamlit/config.toml. Streamlit watches the
# modules under the Streamlit script's folder (web/) or under PYTHONPATH: name the project root.
dev: $(VENV)/.runtime
	@echo "Toegangswijzer: http://localhost:$(PORT)/"
	PYTHONPATH=$(CURDIR) $(BIN)/streamlit run app.py --server.port $(PORT) --server.runOnSave true --server.fileWatcherType auto

check: $(VENV)/.runtime
	$(BIN)/python -m policy check

# Static checks, also run by `make test` and pre-commit (.pre-commit-config.yaml).
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/yamllint --strict policy/besluiten/

# Everything, browser tests included (they skip without /usr/bin/chromium unless TOEGANGSWIJZER_E2E_VEREIST=1).
# Screenshots and axe results are left in artifacts/ (git-ignored).
# Two workers (pytest-xdist; this machine has two cores), each with its own server and Chromium on a free port.
# worksteal: an idle worker takes tests from the busy one, so neither waits at the end (3m06 -> 2m23 here).
# The static checks run beside the tests, not before them: the two test workers leave about a tenth of both
# cores idle (waiting on the browser), which an uncached mypy (~20 s on a fresh clone) fills.
test: $(VENV)/.dev
	$(BIN)/python -m policy check
	$(MAKE) --no-print-directory -j2 --output-sync=target lint pytest

# Bytecode is written even where the environment says not to (PYTHONDONTWRITEBYTECODE): otherwise the
# controller and each worker compile the project and rewrite every test module again (8 s -> 4 s collection).
pytest: $(VENV)/.dev
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n 2 --dist worksteal

# Without the browser: quick feedback while editing.
test-snel: $(VENV)/.dev
	$(BIN)/python -m pytest -n 2 --dist worksteal -m "not e2e"

e2e: $(VENV)/.dev
	$(BIN)/python -m pytest -m e2e

# Performance benchmark (~15 min; issues 6 and 10, incl. Lighthouse from npm into bench/.lighthouse/ and the
# Streamlit pages before/after against a git archive of the baseline, ~4 min; then the 10-minute soak of issue 16):
# writes docs/performance.md. See bench/README.md.
bench: $(VENV)/.dev
	$(BIN)/python bench/run_all.py

# Two app processes (8502, 8503) behind nginx on 127.0.0.1:8080; Ctrl-C stops all. See docs/deploy.md.
serve-scaled: $(VENV)/.runtime
	BIN=$(BIN) deploy/serve_scaled.sh

# The light edition as static files (default site/; `make site SITE=pad APP_URL=https://...`). See docs/deploy.md.
SITE ?= site
site: $(VENV)/.runtime
	$(BIN)/python -m web.site $(SITE) $(if $(APP_URL),--app-url $(APP_URL))

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
