#!/usr/bin/env bash
# Installs the Debian packages soxready builds and tests with, when they are missing.
# Safe to run again; it touches apt only when something is missing.
set -euo pipefail

packages=(libedit-dev libsqlite3-dev libssl-dev pkg-config tmux sqlite3 chromium poppler-utils)
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
if ! python3 -c 'import pexpect, pytest, html5lib' >/dev/null 2>&1; then
    echo "soxready: installing python pexpect, pytest and html5lib (terminal and report tests)" >&2
    python3 -m pip install -q pexpect pytest html5lib
fi
