#!/usr/bin/env bash
# One command from a fresh machine: installs what is missing (libedit-dev and the rest), builds
# soxready in release mode and installs it (scripts/install.sh), checks the bundled questionnaire
# and starts the wizard on it. Without a terminal it assesses the example General Ledger instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install.sh
PREFIX=${PREFIX:-$([[ $(id -u) -eq 0 ]] && echo /usr/local || echo "$HOME/.local")}
bin="$PREFIX/bin/soxready"
"$bin" questionnaire validate Questionnaires/sox-azure-migration.yaml
if [[ -t 0 && -t 1 ]]; then
    exec "$bin" assess --questionnaire sox-azure-migration "$@"
else
    "$bin" assess --store .soxready/quickstart.sqlite --answers Questionnaires/examples/general-ledger.yaml
fi
