# PeakDesk: two commands on a fresh machine — `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.peakdesk-installed
QM     := resources/translations/peakdesk_zh_CN.qm

.PHONY: run test bench lint reliability translations screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(QM): resources/translations/peakdesk_zh_CN.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	$(PY) -m desktop_app gui --demo

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not bench" $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -m bench tests/bench $(PYTEST_ARGS)

reliability: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen PEAKDESK_FUZZ_EXAMPLES=10000 $(PY) -m tests.reliability.run

# The README's pictures of the window, taken from the demo database (offscreen when there is no display).
SHOTS := dashboard-zh ledger-zh assessment-zh warnings-zh ledger-en
screenshots: $(STAMP) $(QM)
	for shot in $(SHOTS); do \
		$(PY) -m desktop_app gui --demo --view $${shot%-*} --lang $${shot##*-} \
			--screenshot resources/screenshots/app-$$shot.png || exit 1; \
	done

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests
	$(VENV)/bin/mypy desktop_app

clean:
	rm -rf $(VENV) build *.egg-info
