# The PRSS Resource Library. `make help` lists the targets.
PYTHON := .venv/bin/python
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
RUNTIME := .venv/.runtime-$(shell cksum < requirements/runtime.txt | cut -d' ' -f1)
TESTING := .venv/.test-$(shell cksum < requirements/test.txt | cut -d' ' -f1)
AXE := tests/axe/node_modules/.package-lock.json
VNU := tests/vnu/node_modules/.package-lock.json
FONTS := /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
# What the tests need from Debian: the browser, the PDF fonts, HarfBuzz's font subsetter (WeasyPrint
# warns on every PDF without it) and Java for the W3C Nu HTML checker.
DEBIAN := chromium fonts-liberation fonts-dejavu-core libharfbuzz-subset0 default-jre-headless

.DEFAULT_GOAL := help
.PHONY: help setup setup-test system-deps fonts site serve check lint test axe vnu node
.PHONY: new-practice new-mentor schemas pdf offline links ledger bench catalog-bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

.venv/bin/python:
	@python3.11 --version >/dev/null 2>&1 || { echo "error: Python 3.11 is needed (python3.11 was not found); install it, then run make again" >&2; exit 1; }
	python3.11 -m venv .venv

$(RUNTIME): requirements/runtime.txt | .venv/bin/python
	$(PIP) -r requirements/runtime.txt
	touch $@

$(TESTING): requirements/test.txt | .venv/bin/python
	$(PIP) -r requirements/test.txt
	touch $@

setup: $(RUNTIME) ## Install the locked packages the site needs into .venv
	@true

setup-test: $(TESTING) ## Install the locked packages the tests and linters need into .venv
	@true

system-deps: ## As root: install Debian's Chromium, PDF fonts, HarfBuzz subsetter and Java when missing
	@test "$$(id -u)" = 0 || { echo "error: make system-deps installs Debian packages and needs root: sudo make system-deps" >&2; exit 1; }
	@dpkg -s $(DEBIAN) >/dev/null 2>&1 || (apt-get update -q && apt-get install -y -q $(DEBIAN))

fonts: ## Stop with one clear line when the PDF fonts are missing
	@for f in $(FONTS); do test -f $$f || { echo "error: the PDF fonts are missing ($$f); install them with: sudo apt-get install fonts-liberation fonts-dejavu-core (or: sudo make system-deps)" >&2; exit 1; }; done

site: setup fonts ## Check the content, generate docs/ and build site/, PDFs included (PRSS_PDF=0: stand-ins)
	$(PYTHON) scripts/build.py

serve: setup ## Preview at http://127.0.0.1:8000/, regenerating when content/ changes (PDF stand-ins)
	PRSS_PDF=0 $(PYTHON) scripts/serve.py

check: setup ## Check every content file and explain each problem
	$(PYTHON) scripts/check_content.py

new-practice: setup ## Start content/practices/<slug>.md: make new-practice TITLE="..." [SLUG=...]
	$(PYTHON) scripts/new_content.py practice "$$TITLE" --slug "$$SLUG"

new-mentor: setup ## Start content/mentors/<slug>.md: make new-mentor NAME="..." [SLUG=...]
	$(PYTHON) scripts/new_content.py mentor "$$NAME" --slug "$$SLUG"

schemas: setup ## Write the editor schemas to docs/schemas/ (with the rest of docs/)
	$(PYTHON) scripts/build.py --generate-only

pdf: setup fonts ## Write site/downloads/prss-resource-library.pdf and the per-page PDFs (make site does too)
	$(PYTHON) scripts/pdf.py

offline: setup fonts ## Build dist/prss-resource-library-offline.zip: the whole site for file://, with search
	$(PYTHON) scripts/offline.py

links: setup ## Check every internal link, #fragment, asset and PDF link of the built site/
	$(PYTHON) scripts/check_links.py site

ledger: site ## Build, then add the site's new URLs to content/published-urls.txt (commit it)
	$(PYTHON) scripts/ledger.py

node: ## Install Debian's Node.js and npm (for axe-core), when they are missing
	@command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q npm)

$(AXE): tests/axe/package-lock.json | node
	npm ci --prefix tests/axe --no-audit --no-fund

axe: $(AXE) ## Install axe-core, pinned in tests/axe/package-lock.json, for the accessibility tests
	@true

# --ignore-scripts: vnu-jar's install script would download a Java runtime from GitHub; Debian's is used.
$(VNU): tests/vnu/package-lock.json | node
	npm ci --prefix tests/vnu --no-audit --no-fund --ignore-scripts

vnu: $(VNU) ## Install the Nu HTML Checker, pinned in tests/vnu/package-lock.json (Java: make system-deps)
	@true

lint: setup-test ## ruff and mypy on the code
	$(PYTHON) -m ruff check scripts tests
	$(PYTHON) -m mypy

test: setup-test system-deps axe vnu lint ## Run the whole test suite (installs what it needs first; root for Debian packages)
	$(PYTHON) -m pytest

bench: setup-test catalog-bench ## Time check/build/search/PDF/serve on synthetic libraries vs bare Material: bench-results.json
	$(PYTHON) scripts/bench.py $(BENCH_ARGS)

catalog-bench: setup-test ## Time the catalog's filter, sort and layout shift in Chromium at 1,000 and 3,000 practices
	$(PYTHON) tests/catalog_bench.py $(CATALOG_SIZES)

lock: setup-test ## Re-lock requirements/*.txt from pyproject.toml (after changing a dependency)
	$(PYTHON) -m uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --quiet -o requirements/runtime.txt
	$(PYTHON) -m uv pip compile pyproject.toml --group test --group lint --python-version 3.11 --generate-hashes --quiet -o requirements/test.txt

clean: ## Remove everything generated (docs/, site/, dist/)
	rm -rf docs site dist .pytest_cache
