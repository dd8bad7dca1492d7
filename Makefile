# Two commands do everything on a fresh clone: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint eval bench bench-scale clean serve chromium

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/thoisu digest examples/ --out thoisu-out
	@echo "Report: $(CURDIR)/thoisu-out/report.html"
	@echo "Web app: make serve, then open http://127.0.0.1:8000/ (THOISU_TOKEN=... make serve allows uploads)"

# The browser tests (tests/test_web_browser.py) drive Debian's Chromium through its
# ChromeDriver; installed here the project's own way when missing (CI runs as root).
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "chromium: installing Debian's chromium and chromium-driver"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "chromium: could not be installed; the browser tests will be skipped"; \
	  else \
	    echo "chromium: missing and not root (or no apt-get); the browser tests will be skipped"; \
	  fi; \
	fi

test: $(STAMP) chromium
	$(VENV)/bin/ruff check src tests bench eval train
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench eval train

# Slow, data-heavy evaluations against ../shared (not part of the unit suite).
eval: $(STAMP)
	$(PY) eval/summaries.py
	$(PY) eval/summaries_loco.py
	$(PY) eval/summaries_incremental.py
	$(PY) eval/stories.py
	$(PY) eval/digest_vims.py
	$(PY) eval/order_independence.py
	$(PY) eval/events_incremental.py
	$(PY) eval/threads_eval.py --split dev
	$(PY) eval/threads_eval.py --split test
	$(PY) eval/clean_eval.py
	$(PY) eval/cleaneval2/score.py --split dev
	$(PY) eval/cleaneval2/score.py --split test
	$(PY) eval/page_split.py
	$(PY) eval/actors_eval.py
	$(PY) eval/actors_eval.py --gold eval/gold/actors_dev2.jsonl
	$(PY) eval/actors_eval.py --gold eval/gold/actors_dev3.jsonl
	$(PY) eval/actors_eval.py --gold eval/gold/actors_dev4.jsonl
	$(PY) eval/actors_eval.py --gold eval/gold/actors_dev5.jsonl
	$(PY) eval/actors_eval.py --gold eval/gold/actors_test.jsonl
	$(PY) eval/quotes_eval.py --split dev
	$(PY) eval/quotes_eval.py --split test
	$(PY) eval/dates_eval.py --split both
	$(PY) eval/duplicates_eval.py
	$(PY) eval/events_eval.py --split dev
	$(PY) eval/events_eval.py --split dev --batch 7
	$(PY) eval/events_eval.py --split test
	$(PY) eval/segmentation_check.py

# The web app over the demo's store (make demo first); THOISU_TOKEN=... enables uploads.
serve: $(STAMP)
	$(VENV)/bin/thoisu serve --db thoisu-out/thoisu.db

bench: $(STAMP)
	$(PY) bench/throughput.py
	$(PY) bench/end_to_end.py
	$(PY) bench/dask_bench.py
	$(PY) bench/summaries.py

# Grows one store to 20,000 articles in runs of 1,000 pages, then adds 10 pages (about a
# quarter of an hour on a quiet 2-core machine); the store is kept for the web app's bench.
bench-scale: $(STAMP)
	$(PY) bench/scale.py --keep bench/out/scale-store --json bench/out/scale.json
	$(PY) bench/web_bench.py --db bench/out/scale-store/thoisu.db

clean:
	rm -rf thoisu-out .pytest_cache .ruff_cache
