#!/usr/bin/env bash
# Runs every test: the Swift unit and end-to-end tests, then the wizard's pseudo-terminal tests,
# the HTML plan checks (HTML5 parser, headless Chromium printing) and the interchange formats
# (OSCAL validated with compliance-trestle, the PBC list and Boards CSV read back). Both parts always run;
# the script fails if either does.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test || exit 1
# The compiled-questionnaire cache of every soxready the tests start: a fresh folder, never the home's.
SOXREADY_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/soxready-test-cache.XXXXXX") || exit 1
export SOXREADY_CACHE
trap 'rm -rf "$SOXREADY_CACHE"' EXIT
swift build --product soxready || exit 1
swift test "$@"
swift_status=$?
SOXREADY_BIN="$PWD/.build/debug/soxready" python3 -m pytest Tests/pty Tests/reports Tests/schema Tests/interchange -q -p no:cacheprovider
python_status=$?
if [[ $swift_status -ne 0 || $python_status -ne 0 ]]; then
    echo "FAILED: swift test exit $swift_status, pytest exit $python_status" >&2
    exit 1
fi
