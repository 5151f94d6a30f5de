#!/usr/bin/env bash
# Validates the sample store and ior's JSON output against docs/schema/*.schema.json with a real
# validator (check-jsonschema), on a temporary copy of store/ so the repository is never touched.
#
#   bash Tests/schema/validate.sh PATH/TO/ior
#
# Prints one line per check and, for each that failed, the validator's report; exits 1 when any
# check failed, 64 when it was called wrongly.
set -uo pipefail

ior=${1:-}
if [ -z "$ior" ] || [ ! -x "$ior" ]; then
  echo "usage: bash Tests/schema/validate.sh PATH/TO/ior (an executable ior binary)" >&2
  exit 64
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
schemas="$root/docs/schema"

# The validator: on PATH, or installed now. pip may put it where PATH does not reach
# (~/.local/bin), so fall back to running the module.
if ! command -v check-jsonschema >/dev/null 2>&1; then
  pip install --quiet check-jsonschema >&2 || python3 -m pip install --quiet check-jsonschema >&2
fi
if command -v check-jsonschema >/dev/null 2>&1; then
  check=(check-jsonschema)
elif python3 -m check_jsonschema --version >/dev/null 2>&1; then
  check=(python3 -m check_jsonschema)
else
  echo "FAIL: check-jsonschema is not installed and could not be installed with pip" >&2
  exit 1
fi

# A temporary copy of the store, and a home for everything ior might write.
work=$(mktemp -d "${TMPDIR:-/tmp}/ior-schema.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -R "$root/store" "$work/store"
export HOME="$work/home" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export XDG_CONFIG_HOME="$work/config"
export IOR_USER=schema-check NO_COLOR=1
unset IOR_STORE IOR_TODAY

failures=()

# pass NAME: records a check that held.
pass() { echo "ok: $1"; }

# fail NAME OUTPUT: records a check that did not hold, with what was said.
fail() {
  echo "FAIL: $1"
  [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'
  failures+=("$1")
}

# validate NAME SCHEMA FILE...: every FILE must be valid under SCHEMA.
validate() {
  local name=$1 schema=$2 output
  shift 2
  if output=$("${check[@]}" --schemafile "$schemas/$schema" "$@" 2>&1); then
    pass "$name"
  else
    fail "$name" "$output"
  fi
}

# reject NAME SCHEMA FILE: FILE must fail validation (and not merely make the validator fail).
reject() {
  local name=$1 schema=$2 file=$3 output
  if output=$("${check[@]}" --schemafile "$schemas/$schema" "$file" 2>&1); then
    fail "$name" "the validator accepted it"
  elif grep -q "Schema validation errors" <<<"$output"; then
    pass "$name"
  else
    fail "$name" "the validator failed for another reason: $output"
  fi
}

# run_ior NAME OUTPUT-FILE ARGS...: runs ior on the copy, standard output to OUTPUT-FILE.
run_ior() {
  local name=$1 out=$2 errors
  shift 2
  if ! "$ior" --store "$work/store" "$@" >"$out" 2>"$work/stderr"; then
    errors=$(cat "$work/stderr")
    fail "$name" "ior $* failed: $errors"
    return 1
  fi
}

# journal_lines DIR: writes each line of the copy's journal to DIR/line-N.json.
journal_lines() {
  local number=0 line
  mkdir -p "$1"
  rm -f "$1"/line-*.json
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    printf '%s\n' "$line" >"$1/line-$number.json"
  done <"$work/store/journal.jsonl"
}

# The schemas themselves are valid draft 2020-12 schemas.
if output=$("${check[@]}" --check-metaschema "$schemas"/*.schema.json 2>&1); then
  pass "the schemas are valid JSON Schema"
else
  fail "the schemas are valid JSON Schema" "$output"
fi

# export.schema.json embeds partner and review so it validates on its own: the copies must
# be the files.
if output=$(python3 - "$schemas" <<'EOF'
import json, sys
folder = sys.argv[1]
export = json.load(open(folder + "/export.schema.json"))
for name in ("partner", "review"):
    own = json.load(open(f"{folder}/{name}.schema.json"))
    if export["$defs"][name] != own:
        print(f"$defs.{name} of export.schema.json differs from {name}.schema.json")
        sys.exit(1)
EOF
); then
  pass "export.schema.json embeds partner and review unchanged"
else
  fail "export.schema.json embeds partner and review unchanged" "$output"
fi

# The sample store's documents.
validate "partners/*.json" partner.schema.json "$work/store/partners/"*.json
validate "reviews/*.json" review.schema.json "$work/store/reviews/"*.json
validate "store.json" store.schema.json "$work/store/store.json"
journal_lines "$work/journal"
validate "journal.jsonl, each line" journal-entry.schema.json "$work/journal/"line-*.json

# What ior writes for people and programs.
run_ior "summary fy 2025 format=json" "$work/summary.json" -c 'summary fy 2025 format=json' \
  && validate "summary fy 2025 format=json" summary.schema.json "$work/summary.json"
IOR_TODAY=2026-11-15 run_ior "due format=json" "$work/due.json" -c 'due format=json' \
  && validate "due format=json (IOR_TODAY=2026-11-15)" due.schema.json "$work/due.json"
run_ior "export" "$work/export.json" -c 'export' \
  && validate "export" export.schema.json "$work/export.json"

# Documents and journal lines ior writes now: a new partner and changes to it and to a review,
# then undos that restore previous content and, last, delete the new partner.
changes='add partner schema-check name="Schema Check" state=tn
add officer "A. Tester" authorized=2026-01-05 partner=schema-check
open review cedar-hollow-so-2026
add deficiency "Roster not reconciled" cite="MOA Article X"
add action D1 "Reconcile monthly" owner="Sgt. B" due=2026-12-01 agree=yes'
if run_ior "changes for the journal" "$work/changes.out" -c "$changes"; then
  validate "a partner ior just wrote" partner.schema.json "$work/store/partners/schema-check.json"
  validate "a review ior just changed" review.schema.json \
    "$work/store/reviews/cedar-hollow-so-2026.json"
  run_ior "undo, four times" "$work/undo.out" -c 'undo; undo; undo; undo' \
    && journal_lines "$work/journal" \
    && validate "journal.jsonl after changes and undos" journal-entry.schema.json \
      "$work/journal/"line-*.json
fi

# The validator really validates: wrong partner documents must fail.
python3 - "$work/store/partners/cedar-hollow-so.json" "$work" <<'EOF'
import json, sys
partner = json.load(open(sys.argv[1]))
bad_date = dict(partner, moaSigned="2019-13-45")
no_name = {key: value for key, value in partner.items() if key != "name"}
json.dump(bad_date, open(sys.argv[2] + "/bad-date.json", "w"))
json.dump(no_name, open(sys.argv[2] + "/no-name.json", "w"))
EOF
reject "a partner signed on 2019-13-45 is refused" partner.schema.json "$work/bad-date.json"
reject "a partner without a name is refused" partner.schema.json "$work/no-name.json"

if [ ${#failures[@]} -gt 0 ]; then
  echo "${#failures[@]} schema check(s) failed:" >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "every schema check passed"
