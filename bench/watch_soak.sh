#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak test for `folio watch`: N unique small pages arrive at random intervals
# while the service is killed with SIGKILL and restarted KILLS times; at the
# end every input must be in done/ with one complete output set, with no
# duplicate conversion, no partial file and nothing left in the work area.
# Usage: bench/watch_soak.sh [FOLIO_BIN]   (env: N=200 KILLS=3 JOBS=2)
set -euo pipefail
FOLIO=${1:-build/folio}
N=${N:-200}
KILLS=${KILLS:-3}
JOBS=${JOBS:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d /tmp/folio-soak-XXXXXX)
mkdir -p "$root/in" "$root/stage"
convert "$here/samples/seed-head.png" -crop 2500x200+0+300 +repage -depth 8 "$root/base.pgm"
hdr=$(($(stat -c %s "$root/base.pgm") - 2500 * 200))

start() { "$FOLIO" watch "$root/in" -o "$root/out" --jobs "$JOBS" 2>>"$root/log" & pid=$!; }

produce() { # unique content: one byte of pixel data set to 0x80 at position k
    for k in $(seq 1 "$N"); do
        f="$root/stage/s$(printf %04d "$k").pgm"
        cp "$root/base.pgm" "$f"
        printf '\x80' | dd of="$f" bs=1 seek=$((hdr + k)) conv=notrunc status=none
        mv "$f" "$root/in/"
        sleep "0.$((RANDOM % 40))"
    done
}

t0=$(date +%s)
produce &
producer=$!
start
for i in $(seq 1 "$KILLS"); do
    sleep $((10 + RANDOM % 15))
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
    echo "kill -9 #$i after $(($(date +%s) - t0)) s: $(ls "$root/done" 2>/dev/null | wc -l) done"
    start
done
wait "$producer"
for _ in $(seq 1 1200); do
    [ "$(ls "$root/done" | wc -l)" -ge "$N" ] && break
    sleep 0.5
done
kill -TERM "$pid"; wait "$pid" && rc=0 || rc=$?
elapsed=$(($(date +%s) - t0))

done_n=$(ls "$root/done" | wc -l)
txt=$(find "$root/out" -name '*.txt' | wc -l)
json=$(find "$root/out" -name '*.json' | wc -l)
conv=$(grep -c '"event":"converted"' "$root/out/watch.jsonl" || true)
stems=$(grep '"event":"converted"' "$root/out/watch.jsonl" | sed 's/.*"stem":"\([^"]*\)".*/\1/' | sort -u | wc -l)
dups=$(grep -c '"event":"duplicate"' "$root/out/watch.jsonl" || true)
empty=$(find "$root/out" -name '*.txt' -empty | wc -l)
part=$(find "$root" -name '*.part' | wc -l)
work=$(find "$root/in/.folio-work" -mindepth 1 | wc -l)
left=$(find "$root/in" -maxdepth 1 -type f | wc -l)
failed=$(find "$root/failed" -type f | wc -l)
echo "inputs $N, kills $KILLS, jobs $JOBS, ${elapsed} s, last exit $rc"
echo "done/ $done_n, txt $txt, json $json, converted lines $conv ($stems stems), duplicates $dups"
echo "empty txt $empty, .part $part, work area $work, left in inbox $left, failed $failed"
ok=1
[ "$done_n" -eq "$N" ] && [ "$txt" -eq "$N" ] && [ "$json" -eq "$N" ] && [ "$stems" -eq "$N" ] || ok=0
[ "$dups" -eq 0 ] && [ "$part" -eq 0 ] && [ "$work" -eq 0 ] && [ "$left" -eq 0 ] && [ "$failed" -eq 0 ] || ok=0
if [ "$ok" = 1 ]; then echo "PASS ($root)"; else echo "FAIL (kept $root)"; exit 1; fi
rm -rf "$root"
