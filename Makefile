# The README's two commands: `make run` and `make test`. Nothing else needs to be installed
# beforehand but Python 3.11+, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := meidanhame.settings

.PHONY: run test test-browser test-api-schema bench lint messages install install-dev migrate demo clean loadtest

# Reinstall only when pyproject.toml changes, so that a second `make run` starts at once.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled translations are build output (not committed); rebuilt when a .po file changes.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
%.mo: %.po | $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --locale $(word 2,$(subst /, ,$<)) --ignore=.venv > /dev/null

run: export DEBUG ?= 1
run: $(VENV)/.installed $(MO_FILES)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Meidän Häme is running at http://127.0.0.1:$(PORT)/fi/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins (username / password):"
	@echo "    admin  / hame-admin-2026   (superuser)"
	@echo "    editor / hame-editor-2026  (editor: publishes and approves)"
	@echo "    member / hame-member-2026  (member: submits for approval)"
	@echo "  The worker beside it sends the emails and runs the background tasks."
	@echo ""
	@# The worker runs beside the server; stopping the server (Ctrl-C) stops it too.
	@$(BIN)/python manage.py run_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: export TESTING = 1
test: $(VENV)/.installed-dev $(MO_FILES)
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} --ignore=tests/browser --ignore=tests/bench --ignore=tests/concurrency $(PYTEST_ARGS)
	@# Concurrency tests commit real transactions from threads, so they get a database of their own.
	$(BIN)/python -m pytest tests/concurrency -p no:xdist $(PYTEST_ARGS); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]

test-browser: export TESTING = 1
test-browser: $(VENV)/.installed-dev $(MO_FILES)
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# schemathesis only talks HTTP to the server, so it lives in a virtualenv of its own.
.venv-schema/.installed: pyproject.toml
	$(PYTHON) -m venv .venv-schema
	.venv-schema/bin/pip install --quiet "$$($(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["schema"])')"
	touch $@

test-api-schema: export DEBUG ?= 1
test-api-schema: $(VENV)/.installed .venv-schema/.installed $(MO_FILES)
	scripts/api-schema-check

bench: export TESTING = 1
bench: $(VENV)/.installed-dev $(MO_FILES)
	$(BIN)/python -m pytest tests/bench -s -p no:xdist $(PYTEST_ARGS)

# Bounded load on 127.0.0.1: gunicorn (2 workers) on PostgreSQL and Redis, demo at LOAD_SCALE
# (tests/load/loadtest.py says how). Fails if any response is a 5xx.
loadtest: $(VENV)/.installed $(MO_FILES)
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 || \
		echo "wrk could not be installed: using the Python load client"
	$(BIN)/python tests/load/loadtest.py

lint: export TESTING = 1
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages --locale fi --locale sv --ignore=.venv --ignore=tests --no-obsolete
	$(BIN)/python manage.py makemessages --locale fi --locale sv --domain djangojs --ignore=.venv --ignore=tests --ignore=staticfiles --no-obsolete

clean:
	rm -rf $(VENV) .venv-schema staticfiles db.sqlite3
