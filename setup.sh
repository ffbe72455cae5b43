#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install the Debian packages
# Folio needs, build it, and convert a sample page to the screen.
#   ./setup.sh            (as root, or a user with sudo)
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

mapfile -t pkgs < <(grep -v '^\s*#' packaging/debian-packages.txt | grep -v '^\s*$')
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update
as_root apt-get install -y --no-install-recommends "${pkgs[@]}"

if [ ! -f build/build.ninja ]; then
    meson setup build
fi
ninja -C build

echo "== folio convert samples/seed-head.png"
./build/folio convert samples/seed-head.png
