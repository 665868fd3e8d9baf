# PeakDesk: two commands on a fresh machine — `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.peakdesk-installed
QM     := resources/translations/peakdesk_zh_CN.qm

.PHONY: run test bench lint reliability translations screenshots clean sysdeps-run sysdeps-test

# The Debian/Ubuntu packages PeakDesk needs — the one list (`.ci/run` gets them through `make test`).
# Running the window: Qt's runtime libraries (Chinese comes from the bundled fonts, no font package);
# Liberation Serif, metric-compatible with Times New Roman, sets English reports as on Windows.
DEBS_RUN  := fonts-liberation libglib2.0-0 libgl1 libxkbcommon0 libegl1 libfreetype6 libfontconfig1 libdbus-1-3 \
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
             libxcb-render-util0 libxcb-image0 libxcb-randr0
# The tests: a real X display for the window, and the real clients clerks fill workbooks with
# (LibreOffice Calc driven through UNO; Gnumeric's ssconvert), and Writer, which reads .doc/.wps plans.
DEBS_TEST := $(DEBS_RUN) xvfb xauth xdotool libreoffice-calc-nogui libreoffice-writer-nogui python3-uno gnumeric

# Installs the missing ones: apt-get as root, `sudo -n` where that needs no password, else stops at once
# with the one command to run. Asks dpkg only (about 50 ms), so a second run installs nothing.
# Also python3-venv when this python3 cannot make a venv (Debian splits ensurepip out).
define install_debs
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  want="$(1)"; \
	  $(PYTHON) -c 'import ensurepip' 2>/dev/null || want="$$want python3-venv"; \
	  have=$$(dpkg-query -W -f='$${Package} $${Status}\n' $$want 2>/dev/null | awk '/ ok installed$$/{print $$1}'); \
	  missing=$$(for p in $$want; do echo "$$have" | grep -qx "$$p" || printf '%s ' "$$p"; done); \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then sudo=""; \
	    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	    else echo "PeakDesk needs system packages. Run:  sudo apt-get install -y --no-install-recommends $$missing"; exit 1; fi; \
	    echo "Installing system packages PeakDesk needs: $$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    $$sudo apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends $$missing >/dev/null 2>&1 || { \
	      $$sudo apt-get update -qq -o DPkg::Lock::Timeout=600 && $$sudo apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends $$missing >/dev/null; } || exit 1; \
	  fi; \
	fi
endef

sysdeps-run:
	$(call install_debs,$(DEBS_RUN))

sysdeps-test:
	$(call install_debs,$(DEBS_TEST))

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(QM): resources/translations/peakdesk_zh_CN.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: sysdeps-run
	@$(MAKE) --no-print-directory $(STAMP) $(QM)
	$(PY) -m desktop_app gui --demo

# PEAKDESK_REQUIRE_TOOLS: the tools above are installed, so a test that needs one fails rather than skips.
test: sysdeps-test
	@$(MAKE) --no-print-directory $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen PEAKDESK_REQUIRE_TOOLS=1 PEAKDESK_JOB_NICENESS=0 $(PY) -m pytest -q -m "not bench" $(PYTEST_ARGS)

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
