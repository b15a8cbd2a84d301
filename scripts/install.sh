#!/usr/bin/env bash
# Installs soxready (release build) with its bundled questionnaires and plan templates:
#   PREFIX/bin/soxready, PREFIX/share/soxready/Questionnaires, PREFIX/share/soxready/templates
#   (the rules-2 plan, pack, portfolio and partials, their stylesheets, and the frozen rules-1 set in templates/rules-1)
# PREFIX defaults to /usr/local for root, else ~/.local. Then `soxready` works from any folder.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${PREFIX:-}" ]]; then
    if [[ $(id -u) -eq 0 ]]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi
fi
# SOXREADY_BINARY installs a binary built already (the tests install the debug build this way).
binary=${SOXREADY_BINARY:-}
if [[ -z $binary ]]; then
    swift build -c release --product soxready --static-swift-stdlib
    binary=.build/release/soxready
fi
install -d "$PREFIX/bin" "$PREFIX/share/soxready/Questionnaires/schema" "$PREFIX/share/soxready/templates/rules-1"
install -m 0755 "$binary" "$PREFIX/bin/soxready"
install -m 0644 Questionnaires/*.yaml "$PREFIX/share/soxready/Questionnaires/"
install -m 0644 Questionnaires/schema/questionnaire.schema.json "$PREFIX/share/soxready/Questionnaires/schema/"
install -m 0644 Reports/templates/*.mustache Reports/templates/*.css "$PREFIX/share/soxready/templates/"
install -m 0644 Reports/templates/rules-1/*.mustache Reports/templates/rules-1/plan.css "$PREFIX/share/soxready/templates/rules-1/"
echo "installed $PREFIX/bin/soxready"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "note: add $PREFIX/bin to PATH to run 'soxready' from anywhere" >&2 ;;
esac
