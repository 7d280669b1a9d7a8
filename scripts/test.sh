#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, starts
# PostgreSQL 15, checks lint, format and layers, then runs the whole suite.
# Extra arguments go to pytest. Day to day, the fast lane is
#   python -m pytest -m "not browser and not postgres" -n 2
set -euo pipefail
cd "$(dirname "$0")/.."

# pip 25.1+ installs PEP 735 dependency groups (the dev tools in pyproject.toml).
python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
python -m pip install --quiet --disable-pip-version-check -r requirements.txt --group dev

# Debian's Chromium drives the browser tests and kaleido's chart images.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# LibreOffice re-saves a filled template in the template tests, as a clerk's Calc would.
if ! command -v soffice >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui >/dev/null
fi

# The storage tests run on SQLite and on a real PostgreSQL.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='dashboard'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE dashboard LOGIN PASSWORD 'dashboard'\""
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='dashboard_test'\"" | grep -q 1 \
    || su postgres -c "createdb -O dashboard dashboard_test"
  # Tests that need more databases (restore targets, migrations, several app
  # processes) create and drop <test database>_<name> themselves.
  su postgres -c "psql -qc 'ALTER ROLE dashboard CREATEDB'"
  export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgresql://dashboard:dashboard@localhost/dashboard_test}"
fi

# House rules before the tests: lint, format, layer contracts.
python -m ruff check .
python -m ruff format --check .
lint-imports --no-cache

mkdir -p artifacts
python -m pytest "$@"
