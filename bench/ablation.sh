#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Ablation of Folio's preprocessing and second pass: the dev corpus converted with
# the defaults and with each step switched off in turn, scored side by side.
#
#   bench/ablation.sh [FOLIO] [CORPUS] [OUT] [RUNS]
#
# RUNS is a space-separated list of NAME=FLAGS (FLAGS joined with '+'), default:
#   default= no-orient=--no-orient no-deskew=--no-deskew no-crop=--no-crop
#   no-background=--no-background binarize=--binarize no-rescale=--no-rescale
#   no-second-pass=--no-second-pass
# Each run is `folio batch CORPUS -o OUT/NAME -j 2 -f json FLAGS`; the table comes
# from bench/score_runs.py (content / reader CER by profile, then per page).
set -eu
HERE=$(dirname "$(readlink -f "$0")")
FOLIO=$(readlink -f "${1:-build/folio}")
CORPUS=$(readlink -f "${2:-../shared/corpus/dev}")
OUT=${3:-bench/out/ablation}
RUNS=${4:-"default= no-orient=--no-orient no-deskew=--no-deskew no-crop=--no-crop no-background=--no-background binarize=--binarize no-rescale=--no-rescale no-second-pass=--no-second-pass"}
mkdir -p "$OUT"
set --
for run in $RUNS; do
    name=${run%%=*}
    flags=$(printf '%s' "${run#*=}" | tr '+' ' ')
    rm -rf "${OUT:?}/$name"
    t0=$(date +%s)
    # shellcheck disable=SC2086
    "$FOLIO" batch "$CORPUS" -o "$OUT/$name" -j 2 -f json -q $flags || true
    echo "$name ($flags): $(( $(date +%s) - t0 )) s" >&2
    set -- "$@" "$name=$OUT/$name"
done
/usr/bin/python3 "$HERE/score_runs.py" "$CORPUS" "$@" --pages
