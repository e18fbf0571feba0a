# The two front doors: `make run` (set up and serve the demo site) and `make test` (the suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run setup test test-fast test-browser lint format messages compilemessages demo clean bench \
	system-packages screenshots lighthouse validate-html

# What the tests need from Debian: Chromium (browser tests), redis-server (login limits across
# server processes) and gettext (the catalogue check). As root they are installed with apt-get,
# as .ci/run does; otherwise make stops at once with the command to run. BROWSER=no skips
# Chromium (test-fast); WRK=yes adds wrk, the load generator of the page benchmark (bench).
BROWSER ?= yes
WRK ?= no
system-packages:
	@missing=""; \
	if [ "$(BROWSER)" = yes ] && [ ! -x /usr/bin/chromium ]; then missing="$$missing chromium"; fi; \
	if [ "$(WRK)" = yes ] && ! command -v wrk >/dev/null 2>&1; then missing="$$missing wrk"; fi; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing from Debian:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || exit 1; \
	  else \
	    echo "The tests need Debian packages that are not installed. Run:" >&2; \
	    echo "  sudo apt-get install$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changes, so a second `make run` is quick.
$(VENV)/.installed: requirements.txt requirements-test.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

compilemessages: $(VENV)/.installed
	$(MANAGE) compile_catalogue

setup: $(VENV)/.installed compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

run: setup
	$(MANAGE) runserver $(HOST)

test: system-packages $(VENV)/.installed compilemessages
	$(PY) -m pytest

test-fast: $(VENV)/.installed compilemessages
	@$(MAKE) --no-print-directory system-packages BROWSER=no
	$(PY) -m pytest -m "not browser"

test-browser: system-packages $(VENV)/.installed compilemessages
	$(PY) -m pytest -m browser

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Extract every gettext string into locale/da/LC_MESSAGES/django.po (then translate the new ones).
messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale da --no-obsolete --add-location file \
		--ignore ".venv/*" --ignore "staticfiles/*" --ignore "media/*" --ignore "tests/*"

# The matching solver against the greedy baseline on 1,000 × 1,000 made-up people, then the
# outcomes report and a message to 2,000 people on a scratch SQLite database, then the pages
# under gunicorn and the production settings measured with wrk at 1× and 100× the demo's data
# (bench/pages.py; the table goes to bench-results/pages.md; README).
BENCH_DB := /tmp/hostprogramme-bench.sqlite3
bench: $(VENV)/.installed
	@$(MAKE) --no-print-directory system-packages BROWSER=no WRK=yes
	$(MANAGE) bench_matching $(ARGS)
	rm -f $(BENCH_DB)
	DATABASE_URL=sqlite:///$(BENCH_DB) $(MANAGE) migrate --noinput > /dev/null
	DATABASE_URL=sqlite:///$(BENCH_DB) $(MANAGE) bench_outcomes
	rm -f $(BENCH_DB)
	$(PY) bench/pages.py $(PAGES_ARGS)

# PNGs of home, a guide step, the calendar and an event page at 390 px and 1280 px, in English
# and Danish, into screenshots/ (README). Starts the demo site on a free port and stops it.
screenshots: setup
	$(MANAGE) screenshots $(ARGS)

# Lighthouse (mobile) against the site under the production settings (gunicorn), on a scratch
# SQLite copy of the demo; fails when a score is below 95 (README). Not part of `make test`.
LIGHTHOUSE_DB := /tmp/hostprogramme-lighthouse.sqlite3
LIGHTHOUSE_BIN := tools/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE_BIN): tools/lighthouse/package.json
	cd tools/lighthouse && npm install --no-audit --no-fund --no-package-lock
	touch $@
lighthouse: $(VENV)/.installed compilemessages $(LIGHTHOUSE_BIN)
	rm -f $(LIGHTHOUSE_DB)
	DATABASE_URL=sqlite:///$(LIGHTHOUSE_DB) $(MANAGE) migrate --noinput > /dev/null
	DATABASE_URL=sqlite:///$(LIGHTHOUSE_DB) $(MANAGE) load_demo > /dev/null
	DATABASE_URL=sqlite:///$(LIGHTHOUSE_DB) $(MANAGE) lighthouse $(ARGS)
	rm -f $(LIGHTHOUSE_DB)

# Every public page's HTML in both languages through the Nu HTML Checker (vnu.jar from npm;
# needs Java and npm), on the demo (README). Not part of `make test`.
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tools/vnu/package.json
	cd tools/vnu && npm install --no-audit --no-fund --no-package-lock
	touch $@
validate-html: setup $(VNU_JAR)
	$(MANAGE) validate_html

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media bench-results
