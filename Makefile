# The PRSS Resource Library. `make help` lists the targets.
PYTHON := .venv/bin/python
STAMP := .venv/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
AXE := tests/axe/node_modules/.package-lock.json
VNU := tests/vnu/node_modules/.package-lock.json

.DEFAULT_GOAL := help
.PHONY: help setup browser site serve check test clean node axe vnu
.PHONY: ledger
.PHONY: new-practice new-mentor schemas
.PHONY: fonts pdf offline
.PHONY: bench
.PHONY: links

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

setup: $(STAMP) ## Install the pinned Python packages into .venv
	@true

browser: ## Install Debian's Chromium for the browser tests, when it is missing
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

site: setup fonts ## Check the content, generate docs/ and build site/, PDFs included (PRSS_PDF=0: stand-ins)
	$(PYTHON) scripts/build.py

serve: setup ## Preview at http://127.0.0.1:8000/, regenerating when content/ changes (PDF stand-ins)
	PRSS_PDF=0 $(PYTHON) scripts/serve.py

check: setup ## Check every content file and explain each problem
	$(PYTHON) scripts/check_content.py

ledger: site ## Build, then add the site's new URLs to content/published-urls.txt (commit it)
	$(PYTHON) scripts/ledger.py

# Authoring (issue 9). TITLE, NAME and SLUG reach the script through the environment, so quotes are safe.
new-practice: setup ## Start content/practices/<slug>.md: make new-practice TITLE="..." [SLUG=...]
	$(PYTHON) scripts/new_content.py practice "$$TITLE" --slug "$$SLUG"

new-mentor: setup ## Start content/mentors/<slug>.md: make new-mentor NAME="..." [SLUG=...]
	$(PYTHON) scripts/new_content.py mentor "$$NAME" --slug "$$SLUG"

schemas: setup ## Write the editor schemas to docs/schemas/ (with the rest of docs/)
	$(PYTHON) scripts/build.py --generate-only

node: ## Install Debian's Node.js and npm (for axe-core), when they are missing
	@command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q npm)

$(AXE): tests/axe/package-lock.json | node
	npm ci --prefix tests/axe --no-audit --no-fund

axe: $(AXE) ## Install axe-core, pinned in tests/axe/package-lock.json, for the accessibility tests
	@true

# --ignore-scripts: vnu-jar's install script would download a Java runtime from GitHub; Debian's is used.
$(VNU): tests/vnu/package-lock.json | node
	npm ci --prefix tests/vnu --no-audit --no-fund --ignore-scripts

vnu: $(VNU) ## Install the Nu HTML Checker, pinned in tests/vnu/package-lock.json, and Debian's Java when missing
	@command -v java >/dev/null || (apt-get update -q && apt-get install -y -q default-jre-headless)

# Issue 6: the offline editions. WeasyPrint embeds these Debian fonts in every PDF.
fonts: ## Install the PDF fonts (Debian's fonts-liberation and fonts-dejavu-core), when they are missing
	@test -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf -a -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf || (apt-get update -q && apt-get install -y -q fonts-liberation fonts-dejavu-core)

pdf: setup fonts ## Write site/downloads/prss-resource-library.pdf and the per-page PDFs (make site does too)
	$(PYTHON) scripts/pdf.py

offline: setup fonts ## Build dist/prss-resource-library-offline.zip: the whole site for file://, with search
	$(PYTHON) scripts/offline.py

test: setup browser axe vnu fonts ## Run the whole test suite
	$(PYTHON) -m pytest

# Trust gates (issue 7): make site runs the same link check; this reruns it on an existing site/.
links: setup ## Check every internal link, #fragment, asset and PDF link of the built site/
	$(PYTHON) scripts/check_links.py site

# Performance (issue 8): not part of `make test`; tests/test_bench.py runs it at 20 practices.
bench: setup ## Time check/build/search/PDF/serve on synthetic libraries vs bare Material: bench-results.json
	$(PYTHON) scripts/bench.py $(BENCH_ARGS)

clean: ## Remove everything generated (docs/, site/, dist/)
	rm -rf docs site dist .pytest_cache
