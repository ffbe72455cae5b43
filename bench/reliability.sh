#!/usr/bin/env bash
# Feed the real folio binary every bad input we know of and write the table
# of what it did into docs/RELIABILITY.md (between the table markers).
#
#   bench/reliability.sh [FOLIO_BIN] [DOC]     default: build/folio docs/RELIABILITY.md
#
# The inputs are made in a temporary directory by bench/reliability_inputs.py
# (plus links, a FIFO, tmpfs mounts here). Each case runs the binary once
# under `timeout 60` and checks: the exit code is the expected one (always
# below 124), a refusal says why on stderr naming the file, nothing is left
# in the case's output directory (no file, no .part temporary) unless the
# case is a success, a success gives the expected text, and it takes under
# 20 s. Needs python3 and pdftoppm; the full-disk and read-only rows need
# root for `mount -t tmpfs`, the unreadable-file row `setpriv` (root ignores
# permission bits, so that one runs folio as nobody).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$(realpath "${1:-build/folio}")
DOC=${2:-docs/RELIABILITY.md}
T=$(mktemp -d /tmp/folio-reliability.XXXXXX)
chmod 755 "$T"
MOUNTS=()
cleanup() {
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

python3 bench/reliability_inputs.py "$T/in" samples >/dev/null
IN=$T/in
ROWS=$T/rows.md
: >"$ROWS"
N=0
FAILS=0
SEED_TEXT=$T/seed.txt
"$BIN" convert "$IN/seed.png" >"$SEED_TEXT" 2>/dev/null

# case NAME "how made" EXPECT_RC CHECK -- folio args (use $OUT for the case's output dir)
#   CHECK: none | empty (stdout or -o file has no words) | seed (same text as seed.png)
#          | words (some words) | note (exit 0 and a "folio: note:" line)
#          | kept (a batch: what it converted stays, nothing else)
#          | devnull (/dev/null is still a character device afterwards)
#          | bilevel (an inversion note, and the same text as bilevel-ok.tif)
run_case() {
    local name=$1 how=$2 want=$3 check=$4
    shift 5
    local out=$T/out/$name
    mkdir -p "$out"
    local args=("${@//@OUT@/$out}")
    local t0 t1 rc
    t0=$(date +%s.%N)
    ${RUNAS:-} timeout 60 "$BIN" "${args[@]}" >"${STDOUT:-$T/stdout}" 2>"$T/stderr"
    rc=$?
    t1=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    local msg
    msg=$(grep -v '^$' "$T/stderr" | head -2 | sed "s|$T/in/||g; s|$T/out/$name/|OUT/|g; s|$T/||g" |
        tr '\n' ' ' | sed 's/|/\\|/g; s/ *$//')
    local left
    left=$(find "$out/" -mindepth 1 ! -name fill -printf '%P ' 2>/dev/null | sed 's/ *$//')
    local ok=yes why=""
    [ "$rc" -eq "$want" ] || { ok=no; why+="exit $rc, wanted $want; "; }
    [ "$rc" -lt 124 ] || { ok=no; why+="killed or hung; "; }
    awk -v s="$secs" 'BEGIN { exit !(s < 20) }' || { ok=no; why+="over 20 s; "; }
    if [ "$want" -ne 0 ]; then
        [ -s "$T/stderr" ] || { ok=no; why+="no message; "; }
        case "$left" in *.part*) ok=no; why+="temporary left; " ;; esac
        if [ "$check" = kept ]; then
            left="$left (the good pages' results)"
        else
            [ -z "$left" ] || { ok=no; why+="output left; "; }
        fi
    else
        case "$left" in *.part*) ok=no; why+="temporary left; " ;; esac
        local text=$T/stdout
        [ -f "$out/page.txt" ] && text=$out/page.txt
        case $check in
        empty) [ "$(wc -w <"$text")" -eq 0 ] || { ok=no; why+="text on a blank page; "; } ;;
        seed) cmp -s "$text" "$SEED_TEXT" || { ok=no; why+="text differs from seed.png's; "; } ;;
        words) [ "$(wc -w <"$text")" -gt 0 ] || { ok=no; why+="no text; "; } ;;
        note) grep -q '^folio: note:' "$T/stderr" || { ok=no; why+="no note; "; }
              grep -q '400044' "$text" || { ok=no; why+="the seed page's postcode not read; "; } ;;
        devnull) [ -c /dev/null ] || { ok=no; why+="/dev/null is no longer a device; "; } ;;
        bilevel) grep -q '^folio: note:.*inverted' "$T/stderr" || { ok=no; why+="no inversion note; "; }
                 cmp -s "$text" "$T/out/bilevel-ok.tif/page.txt" ||
                     { ok=no; why+="text differs from bilevel-ok.tif's; "; } ;;
        esac
        [ -n "$left" ] && left="$left (the result)"
    fi
    [ "$ok" = yes ] || FAILS=$((FAILS + 1))
    N=$((N + 1))
    [ -n "$msg" ] || msg="(none)"
    printf '| %d | %s | %s | %d | %s | %s | %s | %s |\n' "$N" "$name" "$how" "$rc" "$secs" \
        "\`$msg\`" "${left:-none}" "${ok}${why:+ (${why%; })}" >>"$ROWS"
    printf '%-28s exit %3d  %6ss  %s\n' "$name" "$rc" "$secs" "$ok${why:+ ($why)}" >&2
}

C="convert"
run_case empty.png "0 bytes" 3 none -- $C "$IN/empty.png" -o @OUT@/page.txt
run_case truncated.png "seed page, first third" 3 none -- $C "$IN/truncated.png" -o @OUT@/page.txt
run_case header-only.png "seed page, first 64 bytes" 3 none -- $C "$IN/header-only.png" -o @OUT@/page.txt
run_case truncated.jpg "200 dpi text page (pdftoppm), first half" 3 none -- $C "$IN/truncated.jpg" -o @OUT@/page.txt
run_case truncated-header.jpg "same JPEG, first 100 bytes" 3 none -- $C "$IN/truncated-header.jpg" -o @OUT@/page.txt
run_case truncated.tif "1-bit TIFF, first half (directory kept, strip cut)" 3 none -- $C "$IN/truncated.tif" -o @OUT@/page.txt
run_case truncated-header.tif "same TIFF, first 20 bytes" 3 none -- $C "$IN/truncated-header.tif" -o @OUT@/page.txt
run_case truncated.pdf "one-page PDF, first 300 bytes" 3 none -- $C "$IN/truncated.pdf" -o @OUT@/page.txt
run_case seed-named.jpg "PNG page named .jpg (wrong extension)" 0 seed -- $C "$IN/seed-named.jpg" -o @OUT@/page.txt
run_case notes.png "a text file named .png" 3 none -- $C "$IN/notes.png" -o @OUT@/page.txt
run_case bomb-200000.png "PNG header claiming 200,000 x 200,000 px, no pixels" 3 none -- $C "$IN/bomb-200000.png" -o @OUT@/page.txt
run_case bomb-126mpx.png "PNG header claiming 9,000 x 14,000 px (126 Mpx)" 3 none -- $C "$IN/bomb-126mpx.png" -o @OUT@/page.txt
run_case bomb.gif "GIF whose frame claims 65,535 x 65,535 px" 3 none -- $C "$IN/bomb.gif" -o @OUT@/page.txt
run_case bomb.bmp "BMP header claiming 60,000 x 60,000 x 24 bit" 3 none -- $C "$IN/bomb.bmp" -o @OUT@/page.txt
run_case pdf-too-many-pages.pdf "PDF of 5,001 blank pages (limit 5,000)" 3 none -- $C "$IN/pdf-too-many-pages.pdf" -o @OUT@/page.txt
run_case one-pixel.png "1 x 1 gray PNG" 0 empty -- $C "$IN/one-pixel.png" -o @OUT@/page.txt
run_case all-black.png "A4 at 300 dpi, every pixel 0" 0 empty -- $C "$IN/all-black.png" -o @OUT@/page.txt
run_case all-white.png "A4 at 300 dpi, every pixel 255" 0 empty -- $C "$IN/all-white.png" -o @OUT@/page.txt
run_case bilevel-ok.tif "1-bit TIFF of a 300 dpi text page (pdftoppm -mono), WhiteIsZero (control)" 0 words -- $C "$IN/bilevel-ok.tif" -o @OUT@/page.txt
run_case bilevel-wrong-photometric.tif "same bits tagged BlackIsZero: the page decodes white on black, is detected (over half of it ink) and inverted with a note" 0 bilevel -- $C "$IN/bilevel-wrong-photometric.tif" -o @OUT@/page.txt
run_case dpi-huge.png "seed page with a 2,000,000 dpi pHYs tag" 0 note -- $C "$IN/dpi-huge.png" -o @OUT@/page.txt
run_case dpi-tiny.png "seed page with a 1 dpi pHYs tag" 0 note -- $C "$IN/dpi-tiny.png" -o @OUT@/page.txt
run_case dpi-4g.tif "the text TIFF with XResolution 4294967295/1 per inch" 0 words -- $C "$IN/dpi-4g.tif" -o @OUT@/page.txt
run_case dpi-div0.tif "the text TIFF with XResolution 4294967295/0 (division by zero)" 0 words -- $C "$IN/dpi-div0.tif" -o @OUT@/page.txt
ln -s "$IN/seed.png" "$IN/link.png"
run_case symlink "symbolic link to the seed page" 0 seed -- $C "$IN/link.png" -o @OUT@/page.txt
ln -s "$IN/nowhere.png" "$IN/dangling.png"
run_case dangling-symlink "symbolic link to nothing" 3 none -- $C "$IN/dangling.png" -o @OUT@/page.txt
mkfifo "$IN/fifo.png"
run_case fifo "a FIFO nobody writes to" 3 none -- $C "$IN/fifo.png" -o @OUT@/page.txt
run_case directory "a directory as the page" 3 none -- $C "$IN" -o @OUT@/page.txt
run_case missing.png "a path that does not exist" 3 none -- $C "$IN/missing.png" -o @OUT@/page.txt
run_case page-3-of-2 "--page 3 of a two-page TIFF" 3 none -- $C "$ROOT/samples/two-pages.tif" --page 3 -o @OUT@/page.txt
run_case timeout "seed page with --timeout 1" 7 none -- $C "$IN/seed.png" --timeout 1 -o @OUT@/page.txt
STDOUT=/dev/full run_case stdout-full "seed page, standard output to /dev/full" 5 none -- $C "$IN/seed.png"
run_case o-dev-full "seed page, -o /dev/full (a device: written, not replaced)" 5 none -- $C "$IN/seed.png" -o /dev/full
run_case o-dev-null "seed page, -o /dev/null" 0 devnull -- $C "$IN/seed.png" -o /dev/null

if command -v setpriv >/dev/null && [ "$(id -u)" -eq 0 ]; then
    cp "$IN/seed.png" "$IN/secret.png"
    chmod 000 "$IN/secret.png"
    chmod 777 "$T/out"
    RUNAS="setpriv --reuid=nobody --regid=nogroup --clear-groups" \
        run_case unreadable.png "mode 000, folio run as nobody (root reads anything)" 3 none -- $C "$IN/secret.png" -o @OUT@/page.txt
fi
if mkdir -p "$T/full" && mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
    MOUNTS+=("$T/full")
    dd if=/dev/zero of="$T/full/fill" bs=4k 2>/dev/null
    mkdir -p "$T/out" && rm -rf "$T/out/disk-full" && ln -s "$T/full" "$T/out/disk-full"
    run_case disk-full "-o on a full 64 KiB tmpfs" 5 none -- $C "$IN/seed.png" -o @OUT@/page.txt
fi
if mkdir -p "$T/ro" && mount -t tmpfs -o ro,size=64k tmpfs "$T/ro" 2>/dev/null; then
    MOUNTS+=("$T/ro")
    rm -rf "$T/out/read-only-outdir" && ln -s "$T/ro" "$T/out/read-only-outdir"
    run_case read-only-outdir "-o into a read-only tmpfs" 5 none -- $C "$IN/seed.png" -o @OUT@/page.txt
fi

# folio batch: one run over a folder of good and bad pages.
if "$BIN" batch --help >/dev/null 2>&1; then
    B=$T/batch-in
    mkdir -p "$B"
    cp "$IN/seed.png" "$IN/empty.png" "$IN/truncated.png" "$IN/bomb-200000.png" "$IN/notes.png" "$B/"
    cp "$IN/truncated.pdf" "$B/broken.pdf" # not truncated.*: one stem, one output name
    B2=$T/batch-timeout
    mkdir -p "$B2"
    cp "$IN/seed.png" "$IN/one-pixel.png" "$B2/"
    run_case batch-timeout "batch --timeout 1 over the seed page (seconds) and a 1 x 1 page (-j 1)" 8 kept -- batch "$B2" -o @OUT@ -j 1 --timeout 1 -f txt
    run_case batch "batch over a folder: seed.png and the empty, truncated PNG, PNG bomb, text and truncated PDF files (-j 2)" 8 kept -- batch "$B" -o @OUT@ -j 2 -f txt
fi

{
    echo "Made by \`bench/reliability.sh\` on $(date -u +%Y-%m-%d) with $("$BIN" --version | head -1)," \
        "$(getconf _NPROCESSORS_ONLN) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end:" \
        "$N inputs, $((N - FAILS)) as expected."
    echo
    echo "| # | input | how it is made | exit | time (s) | stderr | output left | as expected |"
    echo "|---|---|---|---|---|---|---|---|"
    cat "$ROWS"
} >"$T/table.md"

if [ -f "$DOC" ] && grep -q '<!-- reliability-table:start -->' "$DOC"; then
    awk -v table="$T/table.md" '
        /<!-- reliability-table:start -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
        /<!-- reliability-table:end -->/ { skip = 0 }
        !skip' "$DOC" >"$T/doc" && cat "$T/doc" >"$DOC"
else
    cat "$T/table.md"
fi
echo "$N inputs, $FAILS not as expected" >&2
[ "$FAILS" -eq 0 ]
