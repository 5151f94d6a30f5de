#!/bin/bash
# Two writers and two readers on one store for SOAK_SECONDS (default 60), through the real ior.
#
#   SOAK_SECONDS=60 Fuzz/soak.sh [IOR_BINARY]
#
# Each writer, in a loop, runs one --atomic ior run that adds a concern "wW-N" to review
# lake-so-2025 and sets the names of partners lake-so and pine-so both to "wW-N": three
# documents in one transaction. A run that exits 0 is an acknowledged write; 75 (another
# session changed a document first) is retried; anything else is a failure.
# Each reader, in a loop, lists the partners (one command, one consistent read) and checks the
# two names agree, and lists the findings and checks their number never goes down.
# At the end: every acknowledged concern is in the review, the names are the last write of one
# writer, and verify is clean. Exits 0 when all holds, 1 with the reasons when not.
set -u

seconds=${SOAK_SECONDS:-60}
binary=${1:-${IOR_BINARY:-}}
if [ -z "$binary" ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  binary="$here/.build/debug/ior"
fi
work=$(mktemp -d /tmp/ior-soak-XXXXXX)
trap 'rm -rf "$work"' EXIT
store="$work/store"
export IOR_TODAY=2025-12-01 IOR_USER=soak NO_COLOR=1
ior() { "$binary" --store "$store" "$@"; }

ior -c 'add partner lake-so name=start state=FL; add partner pine-so name=start state=GA
new review lake-so type=program date=2025-05-12' || { echo "soak: setup failed"; exit 1; }
end=$(( $(date +%s) + seconds ))

writer() {
  local w=$1 n=0 status
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    while :; do
      ior --atomic -c "open review lake-so-2025; add concern \"w$w-$n\"; open partner lake-so
set partner name=\"w$w-$n\"; open partner pine-so; set partner name=\"w$w-$n\"" \
        2>>"$work/writer-$w.err"
      status=$?
      [ $status -eq 75 ] && { echo x >>"$work/conflicts-$w"; continue; }
      break
    done
    if [ $status -eq 0 ]; then echo "w$w-$n" >>"$work/acknowledged-$w"
    else echo "writer $w: w$w-$n exit $status" >>"$work/violations"; fi
  done
}

reader() {
  local r=$1 last=0 names count reads=0
  while [ "$(date +%s)" -lt "$end" ]; do
    names=$(ior --format csv -c 'list partners' 2>>"$work/reader-$r.err" | awk -F, 'NR > 1 { print $2 }' | sort -u)
    [ "$(printf '%s\n' "$names" | wc -l)" -eq 1 ] \
      || echo "reader $r: partners disagree: $(echo $names)" >>"$work/violations"
    count=$(ior --format csv -c 'open review lake-so-2025; list findings' 2>>"$work/reader-$r.err" | tail -n +2 | wc -l)
    [ "$count" -ge "$last" ] \
      || echo "reader $r: findings went from $last to $count" >>"$work/violations"
    last=$count
    reads=$((reads + 1))
  done
  echo "$reads" >"$work/reads-$r"
}

writer 1 & writer 2 & reader 1 & reader 2 &
wait

# Every acknowledged write is there; the store verifies clean.
touch "$work/violations" "$work/acknowledged-1" "$work/acknowledged-2"
ior --format csv -c 'open review lake-so-2025; list findings' | awk -F, 'NR > 1 { print $3 }' \
  | sort >"$work/present"
for w in 1 2; do
  sort "$work/acknowledged-$w" | comm -23 - "$work/present" | sed "s/^/lost: /" \
    >>"$work/violations"
done
names=$(ior --format csv -c 'list partners' | awk -F, 'NR > 1 { print $2 }' | sort -u)
[ "$(printf '%s\n' "$names" | wc -l)" -eq 1 ] || echo "final: partners disagree" >>"$work/violations"
last1=$(tail -1 "$work/acknowledged-1"); last2=$(tail -1 "$work/acknowledged-2")
[ "$names" = "$last1" ] || [ "$names" = "$last2" ] \
  || echo "final: names '$names' are no writer's last write" >>"$work/violations"
ior -c verify >"$work/verify" 2>&1 || { echo "verify failed:"; cat "$work/verify"; } >>"$work/violations"
# A writer's conflicts (exit 75) are expected; any other failure was counted above.
for f in "$work"/reader-*.err; do
  [ -s "$f" ] && sed "s|^|$(basename "$f"): |" "$f" >>"$work/violations"
done

writes=$(cat "$work/acknowledged-1" "$work/acknowledged-2" | wc -l)
conflicts=$(cat "$work"/conflicts-* 2>/dev/null | wc -l)
reads=$(( $(cat "$work/reads-1" 2>/dev/null || echo 0) + $(cat "$work/reads-2" 2>/dev/null || echo 0) ))
echo "soak: ${seconds} s, $writes acknowledged writes, $conflicts conflicts retried, $reads reads"
if [ -s "$work/violations" ]; then
  echo "soak: FAILED"; head -50 "$work/violations"; exit 1
fi
echo "soak: all acknowledged writes present, readers saw only whole commits, verify clean"
