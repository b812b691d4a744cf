# leaflint: `make run` (whole pipeline into output/) and `make test`. Both install what is missing.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
LEAFLINT := $(BIN)/leaflint
PYTEST_ARGS ?=
SIZES ?= 100,1000,10000
BENCH_ARGS ?=

.PHONY: help install install-test run test check release lint bench fresh-check clean

help:
	@echo "make run      whole pipeline over sources/ into output/ (exit 0 unless the pipeline broke)"
	@echo "make test     the test suite"
	@echo "make check    release gate: exit 1 while any error-level finding remains"
	@echo "make release  render release PDFs/HTML; refused (exit 1) while errors remain"
	@echo "make lint     findings on the terminal"
	@echo "make bench    benchmark (SIZES=100,1000 for fewer sizes; BENCH_ARGS=--relint-only: only re-lint and editor)"
	@echo "make fresh-check  make test + make run on a bare Debian 12 root (as root, ~15 min)"

install:
	@scripts/bootstrap.sh run

install-test:
	@scripts/bootstrap.sh test

run: install
	$(LEAFLINT) run

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: install
	$(LEAFLINT) check

release: install
	$(LEAFLINT) build --release

lint: install
	$(LEAFLINT) lint

bench: install-test
	$(BIN)/python -m pipeline.bench --sizes $(SIZES) $(BENCH_ARGS)

fresh-check:
	scripts/fresh-debian-check.sh

clean:
	find output -mindepth 1 ! -name README.md -exec rm -rf {} +
