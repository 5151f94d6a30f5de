#!/usr/bin/env bash
# Quick start: installs what is missing, builds ior, and opens it on the embedded sample store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --disable-index-store --product ior
exec .build/debug/ior --store store "$@"
