#!/usr/bin/env bash
# One command from a fresh machine: installs what is missing, builds soxready (release), and
# runs it on the bundled questionnaire.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product soxready
bin=.build/release/soxready
"$bin" questionnaire validate Questionnaires/sox-azure-migration.yaml
"$bin" questionnaire show sox-azure-migration
