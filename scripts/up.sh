#!/usr/bin/env bash
# One command: install aduan with the local emulator and start the whole pipeline on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh local
exec .venv/bin/aduan up "$@"
