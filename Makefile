# Two commands bring polgraph up on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test install lint pytest browsers screenshots vendor bench stop clean-neo4j quality

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,engine]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## Install, fetch and start Neo4j, apply the schema, ingest data/, print the URLs and serve the API.
run: install
	$(BIN)/polgraph up

## The whole suite against a Neo4j of its own (ports 17687/17474), never the demo's data.
test: install lint browsers pytest

## Debian's chromium and chromium-driver for tests/browser/, installed when missing and apt-get can (as root);
## without them those tests are skipped and say why.
browsers:
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } \
		|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
			&& apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; } \
		|| echo "chromium or chromium-driver missing and not installable here: the browser tests will be skipped"

## The browser tests, also copying their screenshots into docs/screenshots/ for the README.
screenshots: install browsers
	POLGRAPH_SCREENSHOTS_TO_DOCS=1 $(BIN)/python -m pytest tests/browser

## Copy the explorer's browser libraries from the exact npm releases of api/static/vendor/package-lock.json.
vendor:
	cd api/static/vendor && npm ci --ignore-scripts --no-audit --no-fund \
		&& cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE . \
		&& mv LICENSE cytoscape.LICENSE && rm -rf node_modules
	@echo "integrity: sha384-$$(openssl dgst -sha384 -binary api/static/vendor/cytoscape.min.js | base64 -w0)" \
		"(the value api/static/explore/index.html must carry)"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest

## Benchmarks on a Neo4j of their own (ports 37687/37474); writes bench/RESULTS.md.
## The API's load comes from wrk (Debian's package, installed here when apt-get can); without it, from Python.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -q wrk >/dev/null; } || echo "wrk not found: the API load will come from Python threads"
	$(BIN)/python -m bench.run $(BENCH_ARGS)

## The quality figures alone: recall and precision per type on the development corpus (quality/devcorpus), then the seeds and PLOVER dev gold (../shared/gold), with every miss.
quality: install
	$(BIN)/python -m scripts.gold_figures -v

stop:
	-$(BIN)/polgraph neo4j stop
