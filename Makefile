# Every developer command, one line each. `make demo` and `make test` work on a fresh machine.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UDSAT := $(VENV)/bin/udsat
MANAGE := DJANGO_SETTINGS_MODULE=udsat.web.settings.dev $(PY) -m django
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
DEMO_SCALE ?= 20000

.PHONY: install demo demo-data test test-fast test-postgres lint bench docs clean browser-deps

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[analytics,web,dev]'
	touch $(STAMP)

demo: install demo-data
	$(MANAGE) ensure_admin
	@echo "Serving udsat on http://127.0.0.1:$(PORT)/  (stop with Ctrl-C)"
	$(MANAGE) runserver 127.0.0.1:$(PORT) --noreload

demo-data: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) compilemessages --ignore=.venv >/dev/null 2>&1 || true
	$(UDSAT) reference-bundle --out var/bundles/reference
	$(MANAGE) load_bundle var/bundles/reference

browser-deps: $(CHROMIUM) $(AXE)

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

$(AXE): package.json
	npm install --no-audit --no-fund --silent
	touch $(AXE)

test: install browser-deps
	$(VENV)/bin/pytest -q

test-fast: install
	$(VENV)/bin/pytest -q -m "not browser"

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/lint-imports

bench: install
	$(PY) benchmarks/pipeline.py --scale small

docs: install
	$(UDSAT) docs --out docs

clean:
	rm -rf $(VENV) var node_modules .pytest_cache
