#!/usr/bin/env bash
# One command from a fresh machine: installs what is missing (libedit-dev and the rest), builds
# soxready in release mode, checks the bundled questionnaire and assesses the example General
# Ledger application in a demo store (.soxready/quickstart.sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product soxready
bin=.build/release/soxready
"$bin" questionnaire validate Questionnaires/sox-azure-migration.yaml
"$bin" assess --store .soxready/quickstart.sqlite --answers Questionnaires/examples/general-ledger.yaml
echo
echo "Next: $bin report --store .soxready/quickstart.sqlite --app 'General Ledger' --output -"
