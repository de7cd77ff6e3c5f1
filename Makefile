# One command to run CareerNet and one to test it; both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run demo test check lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed  ## Serve the dashboard on http://127.0.0.1:8080 with your data file
	$(BIN)/python app.py $(ARGS)

demo: $(BIN)/.installed  ## Start on a made-up network, in a temporary file
	$(BIN)/python app.py --demo $(ARGS)

test: $(BIN)/.installed  ## Lint, type-check and run every test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q $(ARGS)

check: $(BIN)/.installed  ## Lint and type-check only
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
