# The PRSS Resource Library. `make help` lists the targets.
PYTHON := .venv/bin/python
STAMP := .venv/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help setup browser site serve check test clean

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

site: setup ## Check the content, generate docs/ and build site/
	$(PYTHON) scripts/build.py

serve: setup ## Preview at http://127.0.0.1:8000/, regenerating when content/ changes
	$(PYTHON) scripts/serve.py

check: setup ## Check every content file and explain each problem
	$(PYTHON) scripts/check_content.py

test: setup browser ## Run the whole test suite
	$(PYTHON) -m pytest

clean: ## Remove everything generated (docs/, site/, dist/)
	rm -rf docs site dist .pytest_cache
