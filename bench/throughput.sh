#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Throughput of `folio batch` against the Tesseract CLI and OCRmyPDF on the same
# pages, one after the other in one run, so the figures compare as ratios.
#
#   bench/throughput.sh [FOLIO] [CORPUS] [TOOLS]
#
# FOLIO defaults to build/folio, CORPUS to ../shared/corpus/dev, TOOLS to
# "folio2 cli2 folio1 ocrmypdf2" (any subset, in the order given):
#   folio2    folio batch --jobs 2 -f txt,json
#   folio1    folio batch --jobs 1 -f txt,json
#   cli2      tesseract PAGE out -l chi_sim+eng, two processes at a time, OMP_THREAD_LIMIT=1
#   ocrmypdf2 ocrmypdf -l chi_sim+eng --rotate-pages --deskew --clean --sidecar,
#             two processes at a time, each --jobs 1, OMP_THREAD_LIMIT=1
# Prints one Markdown table row per run: wall seconds, pages/min, CPU seconds a
# page, peak RSS of the largest process (GNU time's "Maximum resident set size").
set -eu
FOLIO=$(readlink -f "${1:-build/folio}")
CORPUS=$(readlink -f "${2:-../shared/corpus/dev}")
TOOLS=${3:-"folio2 cli2 folio1 ocrmypdf2"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/folio-tp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

ls "$CORPUS" | grep -E '\.(png|jpg|jpeg|tif|tiff)$' > "$WORK/pages"
N=$(wc -l < "$WORK/pages")
echo "pages: $N  corpus: $CORPUS  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall s | pages/min | CPU s/page | peak RSS (largest process) |"
echo "|---|---|---|---|---|"

measure() { # name, then the command
    name=$1; shift
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" > "$WORK/$name.log" 2>&1 \
        || echo "($name exited non-zero; see its log)" >&2
    read -r wall user sys rss < "$WORK/time"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v p="$N" \
        'BEGIN { printf "| %s | %.0f | %.2f | %.2f | %.0f MB |\n", n, w, p*60/w, (u+s)/p, r/1024 }'
}


for t in $TOOLS; do
    out="$WORK/out-$t"; mkdir -p "$out"
    case $t in
    folio2) measure "folio batch --jobs 2" "$FOLIO" batch "$CORPUS" -o "$out" -j 2 -f txt,json -q ;;
    folio1) measure "folio batch --jobs 1" "$FOLIO" batch "$CORPUS" -o "$out" -j 1 -f txt,json -q ;;
    cli2) measure "tesseract CLI, 2 at a time" sh -c \
        "cd '$CORPUS' && xargs -P2 -I{} env OMP_THREAD_LIMIT=1 tesseract {} '$out'/{} -l chi_sim+eng < '$WORK/pages'" ;;
    ocrmypdf2) measure "ocrmypdf, 2 at a time" sh -c \
        "cd '$CORPUS' && xargs -P2 -I{} env OMP_THREAD_LIMIT=1 ocrmypdf -q -j 1 -l chi_sim+eng --rotate-pages --deskew --clean --image-dpi 300 --sidecar '$out'/{}.txt {} '$out'/{}.pdf < '$WORK/pages'" ;;
    *) echo "unknown run: $t" >&2; exit 2 ;;
    esac
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
