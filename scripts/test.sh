#!/usr/bin/env bash
# One command: install everything the tests need, then run all of them (unit, integration, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh test
# The slowest tests are printed so that the 20-minute budget can be kept (README "Tests").
exec .venv/bin/python -m pytest --durations=30 "$@"
