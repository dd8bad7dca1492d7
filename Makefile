# Two commands do everything on a fresh clone: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/thoisu digest examples/ --out thoisu-out
	@echo "Report: $(CURDIR)/thoisu-out/report.html"

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench eval train
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench eval train

# Slow, data-heavy evaluations against ../shared (not part of the unit suite).
eval: $(STAMP)
	$(PY) eval/summaries.py
	$(PY) eval/stories.py
	$(PY) eval/digest_vims.py
	$(PY) eval/threads_eval.py --quiet
	$(PY) eval/clean_eval.py
	$(PY) eval/actors_eval.py

bench: $(STAMP)
	$(PY) bench/throughput.py

clean:
	rm -rf thoisu-out .pytest_cache .ruff_cache
