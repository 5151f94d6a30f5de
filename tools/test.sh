#!/usr/bin/env bash
# Runs every test: the libraries' unit tests, the end-to-end tests of the built binary, and the
# pseudo-terminal tests. Swift Testing's own summary is the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

swift test --disable-xctest
