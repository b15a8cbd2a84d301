#!/usr/bin/env bash
# Runs every test: the Swift unit and end-to-end tests, then the wizard's pseudo-terminal tests,
# the HTML plan checks (HTML5 parser, headless Chromium printing) and the interchange formats
# (OSCAL validated with compliance-trestle, the PBC list and Boards CSV read back), and the house
# rules (`swift format lint --strict` with .swift-format). All three always run; the script fails
# if any does.
#
# The store tests run against SQLite and against a real PostgreSQL server: unless
# SOXREADY_TEST_PG already names one, a throw-away server is started on a loopback port in a
# temporary folder (scripts/pg-test-server.sh installs PostgreSQL from Debian's packages when it
# is missing) and stopped when the script ends, also on failure. SOXREADY_TEST_PG=off skips the
# PostgreSQL variants (they are then reported as skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test || exit 1
# The compiled-questionnaire cache of every soxready the tests start: a fresh folder, never the home's.
SOXREADY_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/soxready-test-cache.XXXXXX") || exit 1
export SOXREADY_CACHE
pg_dir=""
stop_pg() { [[ -n $pg_dir ]] && { bash scripts/pg-test-server.sh stop "$pg_dir" || rmdir "$pg_dir"; } 2>/dev/null; pg_dir=""; }
clean_up() { stop_pg; rm -rf "$SOXREADY_CACHE"; }
trap clean_up EXIT
swift format lint --strict --recursive Sources Tests
lint_status=$?
swift build --product soxready || exit 1

trap 'exit 130' INT
trap 'exit 143' TERM
if [[ ${SOXREADY_TEST_PG:-} == off ]]; then
    unset SOXREADY_TEST_PG
    echo "soxready: SOXREADY_TEST_PG=off: the PostgreSQL variants of the store tests are skipped" >&2
elif [[ -z ${SOXREADY_TEST_PG:-} ]]; then
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/soxready-pg.XXXXXX") || exit 1
    pg_env=$(bash scripts/pg-test-server.sh start --tls "$pg_dir") || { echo "FAILED: could not start a PostgreSQL test server" >&2; exit 1; }
    eval "$pg_env"
    # Only the URLs go to the tests: libpq's PG* variables would fill in what a test leaves out.
    unset PGHOST PGPORT PGUSER PGDATABASE PGPASSFILE
fi

swift test "$@"
swift_status=$?
SOXREADY_BIN="$PWD/.build/debug/soxready" python3 -m pytest Tests/pty Tests/reports Tests/schema Tests/interchange -q -p no:cacheprovider
python_status=$?
if [[ $swift_status -ne 0 || $python_status -ne 0 || $lint_status -ne 0 ]]; then
    echo "FAILED: swift test exit $swift_status, pytest exit $python_status, swift format lint exit $lint_status" >&2
    exit 1
fi
