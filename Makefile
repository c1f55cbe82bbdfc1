# Two commands set up a fresh Debian machine: `make run` and `make test`.
# Everything they need is installed here, so CI (.ci/run -> make test) on a
# clean checkout exercises the same steps a new user runs.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: Qt's xcb/EGL libraries, a CJK font, Xvfb for screenshots,
# Chromium for checking the HTML export.
APT_RUN := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	libxcb-randr0 libxcb-render-util0 libxcb-image0 libglib2.0-0 fonts-wqy-microhei
APT_TEST := $(APT_RUN) xvfb xauth chromium desktop-file-utils shared-mime-info
# bench_ocr's baseline only (the app reads scans with RapidOCR from PyPI, never with these)
APT_BENCH := tesseract-ocr tesseract-ocr-chi-sim

.PHONY: run test setup system-deps system-deps-test system-deps-bench lint-imports bench package clean

run: system-deps $(STAMP)
	$(PY) -m explorer gui --sample

test: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

setup: $(STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# Install the missing Debian packages only (dpkg -s is fast when all are there).
system-deps:
	@missing=$$(for p in $(APT_RUN); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

system-deps-test:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

lint-imports: $(STAMP)
	$(VENV)/bin/lint-imports

system-deps-bench:
	@missing=$$(for p in $(APT_BENCH); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

bench: system-deps-bench $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

package: system-deps-test $(STAMP)
	$(PY) -m pip install -q -e '.[test,package]'
	$(PY) packaging/build.py

clean:
	rm -rf build dist .pytest_cache
