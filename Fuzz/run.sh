#!/bin/sh
# Builds one libFuzzer target and runs it for a while.
#
#   Fuzz/run.sh TARGET SECONDS     TARGET is json, tokenizer or store
#
# The binary goes to ${FUZZ_BUILD:-/tmp/ior-fuzz}/TARGET; the corpus grows in
# Fuzz/corpus/TARGET (seeds are committed there); crashes are written to
# ${FUZZ_BUILD:-/tmp/ior-fuzz}/crashes/TARGET/ as crash-<sha1>. Extra arguments after SECONDS
# go to libFuzzer. Exits non-zero when libFuzzer found a crash.
set -eu

target=${1:?usage: Fuzz/run.sh json|tokenizer|store SECONDS}
seconds=${2:?usage: Fuzz/run.sh json|tokenizer|store SECONDS}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${FUZZ_BUILD:-/tmp/ior-fuzz}
mkdir -p "$build/crashes/$target" "$build/corpus/$target"

case "$target" in
  json) sources="$here/JSONFuzz.swift $root/Sources/IORStore/*.swift" ;;
  store) sources="$here/StoreFuzz.swift $root/Sources/IORStore/*.swift" ;;
  tokenizer) sources="$here/TokenizerFuzz.swift $root/Sources/IORShell/Tokenizer.swift" ;;
  *) echo "run.sh: unknown target '$target' (json, tokenizer or store)" >&2; exit 64 ;;
esac

# The store's C shim (syncfs), built the way SwiftPM would.
shim="$root/Sources/CFileSystemShim"
clang -O2 -c "$shim/file_system_shim.c" -I "$shim/include" -o "$build/file_system_shim.o"

# shellcheck disable=SC2086 # the source lists are meant to split
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$shim/include" $sources \
  "$build/file_system_shim.o" -o "$build/$target" \
  2>"$build/$target.build.log" || { cat "$build/$target.build.log" >&2; exit 1; }

# -max_len: documents are small, but room for deep nesting and long strings is wanted.
exec "$build/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$build/crashes/$target/" "$@" "$build/corpus/$target" "$here/corpus/$target"
