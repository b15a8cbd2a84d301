#!/usr/bin/env bash
# Runs every test: the Swift unit and end-to-end tests, then the wizard's pseudo-terminal tests
# and the HTML plan checks (HTML5 parser, headless Chromium printing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product soxready
swift test "$@"
SOXREADY_BIN="$PWD/.build/debug/soxready" python3 -m pytest Tests/pty Tests/reports -q -p no:cacheprovider
