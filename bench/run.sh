#!/usr/bin/env bash
# The ior benchmark: builds release, generates the national store if missing, then measures.
#
#   bash bench/run.sh
#
# Environment:
#   IOR_BIN      a prebuilt ior to measure (skips the build; ior-generate is looked for beside it)
#   BENCH_RUNS   timed runs per measurement (default 5; start-up uses 4x, replays at most 3)
#   BENCH_SEED   the generator's seed (default 42)
# Results: a table on stdout and bench/out/results.json.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/out"
store="$out/national-store"
mkdir -p "$out"

# Build release, unless a binary was given.
if [[ -n "${IOR_BIN:-}" ]]; then
  ior="$IOR_BIN"
  bin_dir="$(cd "$(dirname "$ior")" && pwd)"
else
  (cd "$root" && swift build -c release --disable-index-store --product ior)
  (cd "$root" && swift build -c release --disable-index-store --product ior-generate)
  bin_dir="$(cd "$root" && swift build -c release --show-bin-path)"
  ior="$bin_dir/ior"
fi

# Generate the national store once: 2,000 partners, 10,000 reviews.
if [[ ! -f "$store/store.json" ]]; then
  generator="$bin_dir/ior-generate"
  if [[ ! -x "$generator" ]]; then
    (cd "$root" && swift build -c release --disable-index-store --product ior-generate)
    generator="$(cd "$root" && swift build -c release --show-bin-path)/ior-generate"
  fi
  rm -rf "$store"
  echo "bench: generating the national store into $store"
  time "$generator" --seed "${BENCH_SEED:-42}" --partners 2000 --reviews 10000 "$store"
fi

python3 "$root/bench/bench.py" --ior "$ior" --store "$store" --out "$out" \
  --runs "${BENCH_RUNS:-5}"
