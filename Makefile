# Thin wrappers: tasks.py does the work, so plain `python3 tasks.py ...` works without make.
PYTHON ?= python3

.PHONY: demo test setup
demo:
	$(PYTHON) tasks.py demo
test:
	$(PYTHON) tasks.py test
setup:
	$(PYTHON) tasks.py setup
