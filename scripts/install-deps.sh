#!/usr/bin/env bash
# Installs the Debian packages soxready builds with, when they are missing:
#   bash scripts/install-deps.sh          libedit-dev, libsqlite3-dev, libssl-dev, pkg-config
#   bash scripts/install-deps.sh --test   also what the tests use: tmux, sqlite3, chromium and
#                                         fonts-liberation (Arial metrics for the print tests),
#                                         poppler-utils, and python's pexpect, pytest, html5lib,
#                                         jsonschema, PyYAML and compliance-trestle 5.2.0 (the
#                                         OSCAL models the interchange tests validate against)
# Safe to run again; it touches apt and pip only when something is missing.
set -euo pipefail

packages=(libedit-dev libsqlite3-dev libssl-dev pkg-config)
[[ "${1:-}" == "--test" ]] && packages+=(tmux sqlite3 chromium fonts-liberation poppler-utils procps openssh-client)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "soxready: installing ${missing[*]}" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ "${1:-}" == "--test" ]] && ! python3 -c 'import pexpect, pytest, html5lib, jsonschema, yaml' >/dev/null 2>&1; then
    echo "soxready: installing python pexpect, pytest, html5lib, jsonschema and PyYAML (terminal, report and schema tests)" >&2
    # A Debian system python refuses pip installs (PEP 668) unless told it may.
    python3 -m pip install -q pexpect pytest html5lib jsonschema PyYAML 2>/dev/null \
        || python3 -m pip install -q --break-system-packages pexpect pytest html5lib jsonschema PyYAML
fi
if [[ "${1:-}" == "--test" ]] && ! python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("compliance-trestle") != "5.2.0")' >/dev/null 2>&1; then
    echo "soxready: installing python compliance-trestle 5.2.0 (OSCAL validation in the interchange tests)" >&2
    # Pinned: the OSCAL version soxready writes (1.2.1) is the one these models describe.
    python3 -m pip install -q compliance-trestle==5.2.0 2>/dev/null \
        || python3 -m pip install -q --break-system-packages compliance-trestle==5.2.0
fi
