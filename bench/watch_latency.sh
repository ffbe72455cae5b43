#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Latency of `folio watch`: one unique small page at a time is renamed into
# the inbox (inotify IN_MOVED_TO); the time until its outputs are complete
# (the source has moved to done/) is compared with the page's conversion
# time as the service logs it. Prints the medians over N files.
# Usage: bench/watch_latency.sh [FOLIO_BIN]   (env: N=20)
set -euo pipefail
FOLIO=${1:-build/folio}
N=${N:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d /tmp/folio-latency-XXXXXX)
mkdir -p "$root/in"
convert "$here/samples/seed-head.png" -crop 2500x200+0+300 +repage -depth 8 "$root/base.pgm"
hdr=$(($(stat -c %s "$root/base.pgm") - 2500 * 200))
"$FOLIO" watch "$root/in" -o "$root/out" --jobs 1 2>"$root/log" &
pid=$!
sleep 2
for k in $(seq 1 "$N"); do
    f="$root/l$(printf %03d "$k").pgm"
    cp "$root/base.pgm" "$f"
    printf '\x80' | dd of="$f" bs=1 seek=$((hdr + k)) conv=notrunc status=none
    t0=$(date +%s%N)
    mv "$f" "$root/in/"
    while [ ! -e "$root/done/$(basename "$f")" ]; do sleep 0.005; done
    echo $((($(date +%s%N) - t0) / 1000000)) >>"$root/latency"
done
kill -TERM "$pid"; wait "$pid" || true
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
conv=$(sed -n 's/.*page(s) in \([0-9]*\) ms.*/\1/p' "$root/log" | median)
lat=$(median <"$root/latency")
echo "files $N: median latency (rename into inbox -> source in done/, outputs complete) $lat ms"
echo "median conversion time logged by the worker (inspect + convert + write) $conv ms"
echo "overhead $((lat - conv)) ms"
rm -rf "$root"
