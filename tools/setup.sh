#!/usr/bin/env bash
# Installs what a fresh Debian machine with the Swift toolchain lacks. Safe to run again.
set -euo pipefail

need=()
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update
  $SUDO apt-get install -y "${need[@]}"
fi

# The JSON Schema validator the schema test uses (Tests/schema/validate.sh).
# Where pip may not install (a Python managed by apt), say so and let the other tests run.
if ! command -v check-jsonschema >/dev/null 2>&1; then
  python3 -m pip install --quiet check-jsonschema \
    || echo "setup: could not pip install check-jsonschema; the schema test needs it" \
      "(pipx install check-jsonschema)" >&2
fi
