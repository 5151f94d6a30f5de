#!/bin/sh
# Deletes store/ and makes it again from make-sample-store.ior: the fictional sample store.
# Usage, from anywhere: scripts/sample/make-sample-store.sh [path/to/ior]
# (default: the ior on PATH). "Today" is fixed at 2026-11-15, just after FY2026 ended.
set -eu
ior=${1:-ior}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rm -rf store
mkdir store
# One transaction (--atomic): the journal then holds a single entry that made every document,
# instead of hundreds of entries each holding a growing partner document.
IOR_TODAY=2026-11-15 IOR_USER=sample "$ior" --store store --atomic \
  scripts/sample/make-sample-store.ior
cp scripts/sample/store-README.md store/README.md
echo "made the sample store in $root/store"
