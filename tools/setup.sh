#!/usr/bin/env bash
# Installs what a fresh Debian machine with the Swift toolchain lacks. Safe to run again.
set -euo pipefail

need=()
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update
  $SUDO apt-get install -y "${need[@]}"
fi
