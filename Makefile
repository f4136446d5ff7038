# Two commands on a fresh machine:  `make chat` (set up, ingest, run)  and  `make test` (set up, run the tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kaia-installed
PIP    := $(BIN)/python -m pip install --disable-pip-version-check --quiet

.PHONY: setup chat test bench eval ingest clean browser screenshot

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	# torch first and pinned: an unpinned torch resolves to a CUDA build of several GB.
	$(PIP) torch==2.13.0
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

ingest: setup
	$(BIN)/kaia ingest

chat: setup
	$(BIN)/kaia ingest
	$(BIN)/kaia ui

# The browser test drives Debian's Chromium (Playwright itself comes from requirements.lock; it never downloads
# a browser), with Noto CJK so that Korean renders in screenshots. Installed only when missing; CI runs as root,
# elsewhere sudo is used.
browser: setup
	@if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; \
	fi

test: setup browser
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

# Refresh the README's picture of the chat page (the browser test, saving its capture to docs/).
screenshot: setup browser
	KAIA_SCREENSHOT=docs/screenshot.png $(BIN)/python -m pytest -q tests/test_browser.py -k screenshot

bench: setup
	$(BIN)/python eval/bench_ingest.py
	$(BIN)/kaia ingest --quiet
	$(BIN)/python eval/bench.py

# The evaluation reports (the project's question set and every held-out set, in numeric order, each beside the
# baseline) and the README's table of their figures (the first runs are kept apart, in report-heldout*-first).
eval: setup
	$(BIN)/kaia ingest
	$(BIN)/kaia eval --baseline
	$(BIN)/kaia eval --baseline --questions eval/heldout.jsonl --out eval/report-heldout
	for f in $$(ls eval/heldout[0-9]*.jsonl | sort -V); do \
		n=$$(basename $$f .jsonl); $(BIN)/kaia eval --baseline --questions $$f --out eval/report-$$n || exit 1; \
	done
	$(BIN)/python eval/readme_tables.py

clean:
	rm -rf $(VENV) data
