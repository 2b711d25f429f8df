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
VNU := node_modules/vnu-jar/build/dist/vnu.jar
DEMO_SCALE ?= 400000

PROD := DJANGO_SETTINGS_MODULE=udsat.web.settings.production $(PY) -m django

.PHONY: serve backup restore install demo demo-data messages test test-fast test-postgres lint bench docs clean browser-deps

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

demo-data: install messages
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(UDSAT) reference-bundle --out var/bundles/reference
	$(MANAGE) load_bundle var/bundles/reference
	rm -rf var/microdata/synthetic
	$(UDSAT) synth --persons $(DEMO_SCALE) --years 2010-2024 --seed 1 --out var/microdata/synthetic
	$(UDSAT) compute --microdata var/microdata/synthetic --out var/bundles/synthetic
	$(MANAGE) load_bundle var/bundles/synthetic
	$(MANAGE) seed_site
	$(MANAGE) ensure_roles
	$(MANAGE) seed_reports

# Production: migrate, collect the static files, then gunicorn (README "Running in production"
# lists the environment it needs; the settings refuse to start without it).
serve: install messages
	$(PROD) migrate --noinput
	$(PROD) collectstatic --noinput
	$(VENV)/bin/gunicorn -c python:udsat.web.gunicorn_config udsat.web.wsgi

# Backup and restore: the database and the uploaded documents in one archive (docs/operations.md).
backup: install
	$(PROD) backup --out $(or $(OUT),var/backups)

restore: install
	$(PROD) restore $(ARCHIVE)

# Translations are compiled from the .po files (the .mo files are build output, not in git).
messages: install
	command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null)
	find src/udsat -name '*.po' -print0 | xargs -0 -r -n1 sh -c 'msgfmt --check-format -o "$${1%.po}.mo" "$$1"' _

browser-deps: $(CHROMIUM) $(AXE) $(VNU)

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

$(AXE) $(VNU): package.json
	command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
	npm install --no-audit --no-fund --silent
	touch $(AXE) $(VNU)

test: install messages browser-deps
	$(VENV)/bin/pytest -q

test-fast: install messages
	$(VENV)/bin/pytest -q -m "not browser"

test-postgres: install messages
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/udsat_test $(VENV)/bin/pytest -q tests/web

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/lint-imports

bench: install
	$(PY) -m pip install --quiet 'pandas>=2.2'  # the [bench] extra: the pipeline's baseline
	$(PY) benchmarks/pipeline.py --scale small
	$(PY) benchmarks/area_page.py --rounds 10
	$(PY) benchmarks/import_csv.py --rows 10000,100000

docs: install
	$(UDSAT) docs --out docs

clean:
	rm -rf $(VENV) var node_modules .pytest_cache
