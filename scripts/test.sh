#!/usr/bin/env bash
# One command: install everything the tests need, then run all of them (unit, integration, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh test
pytest=(.venv/bin/python -m pytest --durations=30)
if (($#)); then  # a selection of tests: as asked, in one process
  exec "${pytest[@]}" "$@"
fi
# Everything but the whole-stack crash and outage tests on two processes (pytest-xdist, a test file at a
# time each: they share a file's fixtures), then those one at a time: each starts a whole `aduan up`
# stack, kills parts of it and times the recovery, which a second stack beside it would slow. The fault
# tests of one component (a worker, the indexer, the notifier, the dispatcher, the IMAP poller, the broker)
# start only what they kill and wait with generous deadlines, so they run in the first part. The slowest
# tests of each part are printed so that the 20-minute budget can be kept (README "Tests"). Both parts
# run; either failing fails.
status=0
"${pytest[@]}" -n "${ADUAN_TEST_PROCESSES:-2}" --dist loadfile -m "not (faults and e2e)" || status=$?
"${pytest[@]}" -m "faults and e2e" || status=$((status ? status : $?))
exit "$status"
