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

# The evaluation reports (the project's question set and the nine held-out sets, each beside the baseline) and the
# README's table of their figures (the first runs of held-out 2 to 15 are kept apart, in report-heldout*-first).
eval: setup
	$(BIN)/kaia ingest
	$(BIN)/kaia eval --baseline
	$(BIN)/kaia eval --baseline --questions eval/heldout.jsonl --out eval/report-heldout
	$(BIN)/kaia eval --baseline --questions eval/heldout2.jsonl --out eval/report-heldout2
	$(BIN)/kaia eval --baseline --questions eval/heldout3.jsonl --out eval/report-heldout3
	$(BIN)/kaia eval --baseline --questions eval/heldout4.jsonl --out eval/report-heldout4
	$(BIN)/kaia eval --baseline --questions eval/heldout5.jsonl --out eval/report-heldout5
	$(BIN)/kaia eval --baseline --questions eval/heldout6.jsonl --out eval/report-heldout6
	$(BIN)/kaia eval --baseline --questions eval/heldout7.jsonl --out eval/report-heldout7
	$(BIN)/kaia eval --baseline --questions eval/heldout8.jsonl --out eval/report-heldout8
	$(BIN)/kaia eval --baseline --questions eval/heldout9.jsonl --out eval/report-heldout9
	$(BIN)/kaia eval --baseline --questions eval/heldout10.jsonl --out eval/report-heldout10
	$(BIN)/kaia eval --baseline --questions eval/heldout11.jsonl --out eval/report-heldout11
	$(BIN)/kaia eval --baseline --questions eval/heldout12.jsonl --out eval/report-heldout12
	$(BIN)/kaia eval --baseline --questions eval/heldout13.jsonl --out eval/report-heldout13
	$(BIN)/kaia eval --baseline --questions eval/heldout14.jsonl --out eval/report-heldout14
	$(BIN)/kaia eval --baseline --questions eval/heldout15.jsonl --out eval/report-heldout15
	$(BIN)/kaia eval --baseline --questions eval/heldout16.jsonl --out eval/report-heldout16
	$(BIN)/kaia eval --baseline --questions eval/heldout17.jsonl --out eval/report-heldout17
	$(BIN)/kaia eval --baseline --questions eval/heldout18.jsonl --out eval/report-heldout18
	$(BIN)/kaia eval --baseline --questions eval/heldout19.jsonl --out eval/report-heldout19
	$(BIN)/kaia eval --baseline --questions eval/heldout20.jsonl --out eval/report-heldout20
	$(BIN)/kaia eval --baseline --questions eval/heldout21.jsonl --out eval/report-heldout21
	$(BIN)/kaia eval --baseline --questions eval/heldout22.jsonl --out eval/report-heldout22
	$(BIN)/kaia eval --baseline --questions eval/heldout23.jsonl --out eval/report-heldout23
	$(BIN)/kaia eval --baseline --questions eval/heldout24.jsonl --out eval/report-heldout24
	$(BIN)/kaia eval --baseline --questions eval/heldout25.jsonl --out eval/report-heldout25
	$(BIN)/kaia eval --baseline --questions eval/heldout26.jsonl --out eval/report-heldout26
	$(BIN)/kaia eval --baseline --questions eval/heldout27.jsonl --out eval/report-heldout27
	$(BIN)/kaia eval --baseline --questions eval/heldout28.jsonl --out eval/report-heldout28
	$(BIN)/kaia eval --baseline --questions eval/heldout29.jsonl --out eval/report-heldout29
	$(BIN)/kaia eval --baseline --questions eval/heldout30.jsonl --out eval/report-heldout30
	$(BIN)/kaia eval --baseline --questions eval/heldout31.jsonl --out eval/report-heldout31
	$(BIN)/kaia eval --baseline --questions eval/heldout32.jsonl --out eval/report-heldout32
	$(BIN)/kaia eval --baseline --questions eval/heldout33.jsonl --out eval/report-heldout33
	$(BIN)/kaia eval --baseline --questions eval/heldout34.jsonl --out eval/report-heldout34
	$(BIN)/kaia eval --baseline --questions eval/heldout35.jsonl --out eval/report-heldout35
	$(BIN)/kaia eval --baseline --questions eval/heldout36.jsonl --out eval/report-heldout36
	$(BIN)/kaia eval --baseline --questions eval/heldout37.jsonl --out eval/report-heldout37
	$(BIN)/kaia eval --baseline --questions eval/heldout38.jsonl --out eval/report-heldout38
	$(BIN)/kaia eval --baseline --questions eval/heldout39.jsonl --out eval/report-heldout39
	$(BIN)/kaia eval --baseline --questions eval/heldout40.jsonl --out eval/report-heldout40
	$(BIN)/kaia eval --baseline --questions eval/heldout41.jsonl --out eval/report-heldout41
	$(BIN)/kaia eval --baseline --questions eval/heldout42.jsonl --out eval/report-heldout42
	$(BIN)/kaia eval --baseline --questions eval/heldout43.jsonl --out eval/report-heldout43
	$(BIN)/kaia eval --baseline --questions eval/heldout44.jsonl --out eval/report-heldout44
	$(BIN)/kaia eval --baseline --questions eval/heldout45.jsonl --out eval/report-heldout45
	$(BIN)/kaia eval --baseline --questions eval/heldout46.jsonl --out eval/report-heldout46
	$(BIN)/kaia eval --baseline --questions eval/heldout47.jsonl --out eval/report-heldout47
	$(BIN)/kaia eval --baseline --questions eval/heldout48.jsonl --out eval/report-heldout48
	$(BIN)/kaia eval --baseline --questions eval/heldout49.jsonl --out eval/report-heldout49
	$(BIN)/kaia eval --baseline --questions eval/heldout50.jsonl --out eval/report-heldout50
	$(BIN)/kaia eval --baseline --questions eval/heldout51.jsonl --out eval/report-heldout51
	$(BIN)/kaia eval --baseline --questions eval/heldout52.jsonl --out eval/report-heldout52
	$(BIN)/kaia eval --baseline --questions eval/heldout53.jsonl --out eval/report-heldout53
	$(BIN)/kaia eval --baseline --questions eval/heldout54.jsonl --out eval/report-heldout54
	$(BIN)/kaia eval --baseline --questions eval/heldout55.jsonl --out eval/report-heldout55
	$(BIN)/kaia eval --baseline --questions eval/heldout56.jsonl --out eval/report-heldout56
	$(BIN)/kaia eval --baseline --questions eval/heldout57.jsonl --out eval/report-heldout57
	$(BIN)/kaia eval --baseline --questions eval/heldout58.jsonl --out eval/report-heldout58
	$(BIN)/kaia eval --baseline --questions eval/heldout59.jsonl --out eval/report-heldout59
	$(BIN)/kaia eval --baseline --questions eval/heldout60.jsonl --out eval/report-heldout60
	$(BIN)/kaia eval --baseline --questions eval/heldout61.jsonl --out eval/report-heldout61
	$(BIN)/kaia eval --baseline --questions eval/heldout62.jsonl --out eval/report-heldout62
	$(BIN)/kaia eval --baseline --questions eval/heldout63.jsonl --out eval/report-heldout63
	$(BIN)/kaia eval --baseline --questions eval/heldout64.jsonl --out eval/report-heldout64
	$(BIN)/kaia eval --baseline --questions eval/heldout65.jsonl --out eval/report-heldout65
	$(BIN)/kaia eval --baseline --questions eval/heldout66.jsonl --out eval/report-heldout66
	$(BIN)/kaia eval --baseline --questions eval/heldout67.jsonl --out eval/report-heldout67
	$(BIN)/kaia eval --baseline --questions eval/heldout68.jsonl --out eval/report-heldout68
	$(BIN)/kaia eval --baseline --questions eval/heldout69.jsonl --out eval/report-heldout69
	$(BIN)/kaia eval --baseline --questions eval/heldout70.jsonl --out eval/report-heldout70
	$(BIN)/kaia eval --baseline --questions eval/heldout71.jsonl --out eval/report-heldout71
	$(BIN)/kaia eval --baseline --questions eval/heldout72.jsonl --out eval/report-heldout72
	$(BIN)/kaia eval --baseline --questions eval/heldout73.jsonl --out eval/report-heldout73
	$(BIN)/kaia eval --baseline --questions eval/heldout74.jsonl --out eval/report-heldout74
	$(BIN)/kaia eval --baseline --questions eval/heldout75.jsonl --out eval/report-heldout75
	$(BIN)/kaia eval --baseline --questions eval/heldout76.jsonl --out eval/report-heldout76
	$(BIN)/kaia eval --baseline --questions eval/heldout77.jsonl --out eval/report-heldout77
	$(BIN)/kaia eval --baseline --questions eval/heldout78.jsonl --out eval/report-heldout78
	$(BIN)/kaia eval --baseline --questions eval/heldout79.jsonl --out eval/report-heldout79
	$(BIN)/kaia eval --baseline --questions eval/heldout80.jsonl --out eval/report-heldout80
	$(BIN)/kaia eval --baseline --questions eval/heldout81.jsonl --out eval/report-heldout81
	$(BIN)/kaia eval --baseline --questions eval/heldout82.jsonl --out eval/report-heldout82
	$(BIN)/kaia eval --baseline --questions eval/heldout83.jsonl --out eval/report-heldout83
	$(BIN)/kaia eval --baseline --questions eval/heldout84.jsonl --out eval/report-heldout84
	$(BIN)/kaia eval --baseline --questions eval/heldout85.jsonl --out eval/report-heldout85
	$(BIN)/kaia eval --baseline --questions eval/heldout86.jsonl --out eval/report-heldout86
	$(BIN)/kaia eval --baseline --questions eval/heldout87.jsonl --out eval/report-heldout87
	$(BIN)/kaia eval --baseline --questions eval/heldout88.jsonl --out eval/report-heldout88
	$(BIN)/kaia eval --baseline --questions eval/heldout89.jsonl --out eval/report-heldout89
	$(BIN)/kaia eval --baseline --questions eval/heldout90.jsonl --out eval/report-heldout90
	$(BIN)/kaia eval --baseline --questions eval/heldout91.jsonl --out eval/report-heldout91
	$(BIN)/kaia eval --baseline --questions eval/heldout92.jsonl --out eval/report-heldout92
	$(BIN)/kaia eval --baseline --questions eval/heldout93.jsonl --out eval/report-heldout93
	$(BIN)/kaia eval --baseline --questions eval/heldout94.jsonl --out eval/report-heldout94
	$(BIN)/kaia eval --baseline --questions eval/heldout95.jsonl --out eval/report-heldout95
	$(BIN)/kaia eval --baseline --questions eval/heldout96.jsonl --out eval/report-heldout96
	$(BIN)/kaia eval --baseline --questions eval/heldout97.jsonl --out eval/report-heldout97
	$(BIN)/kaia eval --baseline --questions eval/heldout98.jsonl --out eval/report-heldout98
	$(BIN)/kaia eval --baseline --questions eval/heldout99.jsonl --out eval/report-heldout99
	$(BIN)/kaia eval --baseline --questions eval/heldout100.jsonl --out eval/report-heldout100
	$(BIN)/kaia eval --baseline --questions eval/heldout101.jsonl --out eval/report-heldout101
	$(BIN)/kaia eval --baseline --questions eval/heldout102.jsonl --out eval/report-heldout102
	$(BIN)/kaia eval --baseline --questions eval/heldout103.jsonl --out eval/report-heldout103
	$(BIN)/kaia eval --baseline --questions eval/heldout104.jsonl --out eval/report-heldout104
	$(BIN)/kaia eval --baseline --questions eval/heldout105.jsonl --out eval/report-heldout105
	$(BIN)/kaia eval --baseline --questions eval/heldout106.jsonl --out eval/report-heldout106
	$(BIN)/kaia eval --baseline --questions eval/heldout107.jsonl --out eval/report-heldout107
	$(BIN)/kaia eval --baseline --questions eval/heldout108.jsonl --out eval/report-heldout108
	$(BIN)/kaia eval --baseline --questions eval/heldout109.jsonl --out eval/report-heldout109
	$(BIN)/kaia eval --baseline --questions eval/heldout110.jsonl --out eval/report-heldout110
	$(BIN)/kaia eval --baseline --questions eval/heldout111.jsonl --out eval/report-heldout111
	$(BIN)/kaia eval --baseline --questions eval/heldout112.jsonl --out eval/report-heldout112
	$(BIN)/kaia eval --baseline --questions eval/heldout113.jsonl --out eval/report-heldout113
	$(BIN)/kaia eval --baseline --questions eval/heldout114.jsonl --out eval/report-heldout114
	$(BIN)/kaia eval --baseline --questions eval/heldout115.jsonl --out eval/report-heldout115
	$(BIN)/kaia eval --baseline --questions eval/heldout116.jsonl --out eval/report-heldout116
	$(BIN)/kaia eval --baseline --questions eval/heldout117.jsonl --out eval/report-heldout117
	$(BIN)/kaia eval --baseline --questions eval/heldout118.jsonl --out eval/report-heldout118
	$(BIN)/kaia eval --baseline --questions eval/heldout119.jsonl --out eval/report-heldout119
	$(BIN)/kaia eval --baseline --questions eval/heldout120.jsonl --out eval/report-heldout120
	$(BIN)/kaia eval --baseline --questions eval/heldout121.jsonl --out eval/report-heldout121
	$(BIN)/kaia eval --baseline --questions eval/heldout122.jsonl --out eval/report-heldout122
	$(BIN)/kaia eval --baseline --questions eval/heldout123.jsonl --out eval/report-heldout123
	$(BIN)/kaia eval --baseline --questions eval/heldout124.jsonl --out eval/report-heldout124
	$(BIN)/kaia eval --baseline --questions eval/heldout125.jsonl --out eval/report-heldout125
	$(BIN)/kaia eval --baseline --questions eval/heldout126.jsonl --out eval/report-heldout126
	$(BIN)/kaia eval --baseline --questions eval/heldout127.jsonl --out eval/report-heldout127
	$(BIN)/kaia eval --baseline --questions eval/heldout128.jsonl --out eval/report-heldout128
	$(BIN)/kaia eval --baseline --questions eval/heldout129.jsonl --out eval/report-heldout129
	$(BIN)/kaia eval --baseline --questions eval/heldout130.jsonl --out eval/report-heldout130
	$(BIN)/kaia eval --baseline --questions eval/heldout131.jsonl --out eval/report-heldout131
	$(BIN)/kaia eval --baseline --questions eval/heldout132.jsonl --out eval/report-heldout132
	$(BIN)/kaia eval --baseline --questions eval/heldout133.jsonl --out eval/report-heldout133
	$(BIN)/kaia eval --baseline --questions eval/heldout134.jsonl --out eval/report-heldout134
	$(BIN)/kaia eval --baseline --questions eval/heldout135.jsonl --out eval/report-heldout135
	$(BIN)/kaia eval --baseline --questions eval/heldout136.jsonl --out eval/report-heldout136
	$(BIN)/kaia eval --baseline --questions eval/heldout137.jsonl --out eval/report-heldout137
	$(BIN)/kaia eval --baseline --questions eval/heldout138.jsonl --out eval/report-heldout138
	$(BIN)/kaia eval --baseline --questions eval/heldout139.jsonl --out eval/report-heldout139
	$(BIN)/kaia eval --baseline --questions eval/heldout140.jsonl --out eval/report-heldout140
	$(BIN)/kaia eval --baseline --questions eval/heldout141.jsonl --out eval/report-heldout141
	$(BIN)/kaia eval --baseline --questions eval/heldout142.jsonl --out eval/report-heldout142
	$(BIN)/kaia eval --baseline --questions eval/heldout143.jsonl --out eval/report-heldout143
	$(BIN)/kaia eval --baseline --questions eval/heldout144.jsonl --out eval/report-heldout144
	$(BIN)/kaia eval --baseline --questions eval/heldout145.jsonl --out eval/report-heldout145
	$(BIN)/kaia eval --baseline --questions eval/heldout146.jsonl --out eval/report-heldout146
	$(BIN)/python eval/readme_tables.py

clean:
	rm -rf $(VENV) data
