# The two commands a new user runs: `make run` and `make test`. Both set everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV_ENV := DEBUG=1

.PHONY: run test install migrate demo lint messages clean

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py seed_demo

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

# Needs gettext; the compiled .mo files are committed so nobody else does.
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale ar --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/fixtures/*' --no-obsolete --no-location
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --locale ar --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
