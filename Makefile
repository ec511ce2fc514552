# The two commands of the README: `make run` and `make test`. Both set everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The exact versions (and hashes) `make run` and `make test` install: `make lock` refreshes it.
LOCK := requirements.lock
# The same versions, without the test extra: what the Debian package's venv holds (`make deb`).
RUNTIME_LOCK := requirements-runtime.lock
# Compiled translations are built from the .ts sources, never committed.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
# The tests start some forty Python processes (xdist workers, `kiosk` and bench runs): each would
# compile every module again without the bytecode cache (__pycache__, ignored by git).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test lint typecheck contracts pytest system-deps test-system-deps translations bench fuzz screenshots lock wheel deb clean

run: system-deps $(STAMP) $(QM)
	$(BIN)/kiosk run $(ARGS)

test: system-deps test-system-deps $(STAMP) $(QM) lint typecheck contracts pytest

translations: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# One worker more than the machine has cores: the tests wait on processes they start and on the
# server's answers part of the time, and a core would otherwise idle then; more workers than that
# cost more CPU than they save since the PostgreSQL half of the suite (pytest on two cores,
# measured: 4:24 with two workers, 3:33 with three, 3:48 with four).
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(TEST_WORKERS) --durations=25 $(PYTEST_ARGS)

bench: system-deps test-system-deps $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench --out bench-out

# Every codec fed 100,000 mutated inputs (fuzz/); fails on anything but the codecs' own errors.
fuzz: $(STAMP)
	$(BIN)/python -m fuzz --cases 100000 --out fuzz-out

screenshots: system-deps $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/kiosk screenshots --out screenshots

system-deps:
	@sh installer/system-deps.sh installer/debian-packages.txt

test-system-deps:
	@sh installer/system-deps.sh installer/debian-packages-test.txt

# The venv is (re)built when the lock or the project's dependency list changes; idempotent
# otherwise. It holds exactly the locked versions, each checked against its hash (a new release
# upstream changes nothing here until `make lock`), then the project itself; `pip check` fails on
# a lock that no longer covers pyproject.toml's dependencies, naming what is missing. The project
# is built with the venv's locked setuptools and PySide6 (its build requirements), not with fresh
# downloads into an isolated build environment.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# The lock resolved afresh from pyproject.toml's ranges (with the test extra), for Python 3.11 on
# every platform (markers keep what one platform needs), with the hash of every file: uv, which
# resolves in about a second; installing from the lock needs only pip.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --quiet --output-file $(LOCK)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
		--generate-hashes --quiet --constraint $(LOCK) --output-file $(RUNTIME_LOCK)

# dist/lobby_kiosk-VERSION-py3-none-any.whl: runs by itself (resources inside, translations
# compiled: installer/build_resources.py), built with the locked setuptools and PySide6; build/
# removed first, or files deleted from the sources would linger in the wheel.
wheel: $(STAMP)
	rm -rf build
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w dist .

# dist/lobby-kiosk_VERSION_ARCH.deb: the program as a venv in /opt/lobby-kiosk from the runtime lock
# and the wheel, its services, udev rules and maintainer scripts (installer/debian/build.py).
deb: wheel
	$(BIN)/python installer/debian/build.py --wheel dist/lobby_kiosk-$$($(BIN)/python -c 'import kiosk; print(kiosk.__version__)')-py3-none-any.whl

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache bench-out fuzz-out screenshots $(QM)
