# Kennisplatform Wijkaanpak. `make run` serves the demo site; `make test` runs the whole suite.
# Only Python 3.11 and make are needed; everything else is installed into .venv/.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

export DEBUG ?= 1
export SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run serve backup restore test lint format bench bench-search bench-import install chromium migrate demo reindex lock messages check-deploy clean manage import-cases import-dialogue demo-code nlds

$(INSTALLED): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is needed, found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: $(INSTALLED)
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py update_index
	$(BIN)/python manage.py build_open_data

# Rebuild the search index from the database (after a restore, or a change of search fields).
reindex: $(INSTALLED)
	$(BIN)/python manage.py update_index

run: demo
	@echo "Het kennisplatform draait op http://$(HOST):$(PORT)/ (stoppen: Ctrl+C)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Any manage.py command on this machine, with DEBUG=1 like the rest of make (without it,
# manage.py stops: no SECRET_KEY). make manage ARGS="import_cases cases.json"
manage: $(INSTALLED)
	@test -n "$(ARGS)" || { echo 'Usage: make manage ARGS="command [options]"'; exit 2; }
	$(BIN)/python manage.py $(ARGS)

# make import-cases FILE=cases.json
import-cases: $(INSTALLED)
	@test -n "$(FILE)" || { echo "Usage: make import-cases FILE=path/to/cases.json"; exit 2; }
	$(BIN)/python manage.py import_cases $(FILE)

# make import-dialogue FILE=path FORMAT=workbook|polis [SPACE=slug] [REPLACE=1] [PUBLISH=1]
FORMAT ?= workbook
import-dialogue: $(INSTALLED)
	@test -n "$(FILE)" || { echo "Usage: make import-dialogue FILE=path FORMAT=workbook|polis"; exit 2; }
	$(BIN)/python manage.py import_dialogue $(FILE) --format $(FORMAT) $(if $(SPACE),--space $(SPACE)) $(if $(REPLACE),--vervang) $(if $(PUBLISH),--publiceer)

# The demo editor's current 6-digit code for the second login step.
demo-code: $(INSTALLED)
	@$(BIN)/python manage.py load_demo --code

# Production-like on this machine: DEBUG=0, gunicorn and the task worker (scripts/serve).
serve: $(INSTALLED)
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve

# The database and the uploaded media in one archive (BACKUP=path to choose the file).
BACKUP ?= var/backups/kennisplatform-$(shell date +%Y%m%d-%H%M%S).tar.gz
backup: $(INSTALLED)
	$(BIN)/python manage.py backup_site $(BACKUP)

# Restore an archive into an empty install: make restore FILE=var/backups/....tar.gz
restore: $(INSTALLED)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=path/to/backup.tar.gz"; exit 2; }
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py restore_site $(FILE)

chromium:
	@sh scripts/ensure-chromium

# The whole suite on SQLite; with DATABASE_URL=postgres://... the same suite on PostgreSQL.
test: $(INSTALLED) chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(INSTALLED)
	$(BIN)/python bench/bench_pages.py

# Search page response times over 100,000 generated cases (BENCH_SEARCH_CASES to change).
bench-search: $(INSTALLED)
	$(BIN)/python bench/bench_search.py

# Importing a Pol.is export of 100,000 votes, against parsing its CSV files.
bench-import: $(INSTALLED)
	$(BIN)/python bench/bench_import.py

check-deploy: $(INSTALLED)
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	ALLOWED_HOSTS=kennisplatform.example.nl $(BIN)/python manage.py check --deploy --fail-level WARNING

messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages --locale en --ignore '.venv/*' --ignore 'var/*'
	$(BIN)/python manage.py compilemessages --locale en --ignore '.venv/*'

# Regenerate the lock file after changing the dependencies in pyproject.toml.
lock: $(INSTALLED)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --no-emit-index-url --strip-extras \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) var staticfiles

# The API against the REST API Design Rules (Spectral) and its own OpenAPI document
# (Schemathesis), on a demo site served on a free local port.
.PHONY: api-conformance
api-conformance: $(INSTALLED)
	scripts/api-conformance

# The NL Design System CSS in static/vendor/nlds/ (maintainers only: needs Node and npm; the
# result is committed, so `make run` needs Python alone).
nlds:
	node scripts/build-nlds
