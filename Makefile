# The two commands a new user runs: `make run` and `make test`. Both set everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV_ENV := DEBUG=1

# Browser tests alone: .venv/bin/python -m pytest -m browser
.PHONY: run test install install-dev migrate demo lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What production runs.
$(BIN)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# That, plus tests and lint.
$(BIN)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(BIN)/.installed $@

install: $(BIN)/.installed
install-dev: $(BIN)/.installed-dev

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py seed_demo

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# axe-core for the browser tests, from package-lock.json (needs npm; without it the browser tests say so and skip).
CHROMIUM ?= /usr/bin/chromium
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; else echo "npm not found: browser tests will be skipped"; fi

test: install-dev node_modules/axe-core/axe.min.js
	@test -x $(CHROMIUM) || echo "== Chromium not found at $(CHROMIUM): browser tests (tests/browser) will be SKIPPED (apt-get install chromium)"
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs gettext; the compiled .mo files are committed so nobody else does.
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale ar --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/fixtures/*' --no-obsolete --no-location
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --locale ar --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media
