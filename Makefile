# One command to run CareerNet and one to test it; both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run demo test check lint bench clean css echarts

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

# Tailwind's compiler, the version NiceGUI's in-browser one is (see careernet_ui/styles.py).
TAILWIND := build/tailwind
TAILWIND_VERSION := 4.1.13

css:  ## Recompile careernet_ui/static/careernet.css after writing a new Tailwind class (needs Node and npm)
	npm install --silent --no-audit --no-fund --prefix $(TAILWIND) \
		@tailwindcss/cli@$(TAILWIND_VERSION) tailwindcss@$(TAILWIND_VERSION)
	NODE_PATH=$(TAILWIND)/node_modules $(TAILWIND)/node_modules/.bin/tailwindcss --minify \
		-i careernet_ui/static/tailwind.css -o careernet_ui/static/careernet.css

# The ECharts version NiceGUI's own bundle has (nicegui/elements/echart/package-lock.json), cut to the
# chart types CareerNet draws (careernet_ui/echarts/entry.mjs).
ECHARTS := build/echarts
ECHARTS_VERSION := 6.1.0
ESBUILD_VERSION := 0.28.2

echarts:  ## Rebuild careernet_ui/echarts/bundle after changing which chart types it has (needs Node and npm)
	npm install --silent --no-audit --no-fund --prefix $(ECHARTS) echarts@$(ECHARTS_VERSION) esbuild@$(ESBUILD_VERSION)
	NODE_PATH=$(ECHARTS)/node_modules $(ECHARTS)/node_modules/.bin/esbuild careernet_ui/echarts/entry.mjs \
		--bundle --format=esm --minify --target=es2020 --define:process.env.NODE_ENV='"production"' \
		--banner:js='/*! Apache ECharts $(ECHARTS_VERSION) (funnel, canvas) | Apache-2.0, see LICENSE and NOTICE here */' \
		--outfile=careernet_ui/echarts/bundle/index.js
	cp $(ECHARTS)/node_modules/echarts/LICENSE $(ECHARTS)/node_modules/echarts/NOTICE careernet_ui/echarts/bundle/
	cp $(ECHARTS)/node_modules/zrender/LICENSE careernet_ui/echarts/bundle/LICENSE-zrender

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
