#!/usr/bin/env bash
# Runs every test: unit and end-to-end (Swift Testing), including the pseudo-terminal tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product soxready
swift test "$@"
