# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when missing
# and install the pinned dependencies (again only when a requirements file changed).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test bench clean sample template

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Without SCORECARD_AUTH (local mode: no sign-in, everyone an admin) the app listens on this
# computer only; with SCORECARD_AUTH=oidc it listens where Streamlit's server.address says.
run: $(STAMP)
	$(PY) -m streamlit run app.py --server.port $(PORT) --browser.gatherUsageStats false \
		$(if $(SCORECARD_AUTH),,--server.address 127.0.0.1)

# Lint and format first (seconds), then every test.
test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/ingest.py
	$(PY) bench/compute.py
	$(PY) bench/cascade.py
	$(PY) bench/app.py
	$(PY) bench/views.py
	$(PY) bench/pages.py
	$(PY) bench/store.py

sample: $(STAMP)
	$(PY) -m scorecard sample sample_data/sample_company.xlsx

template: $(STAMP)
	$(PY) -m scorecard template template.xlsx

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
