#!/usr/bin/env bash
# Regenerate the sample pages from the texts in src/ (needs ImageMagick with
# its Pango coder and fonts-noto-cjk). The committed images are the output;
# CI does not run this. Each sample's truth is its src/*.txt text.
set -euo pipefail
cd "$(dirname "$0")"
FONT_ZH="Noto Serif CJK SC"

# render SRC.txt WIDTH_PX DPI POINTSIZE OUT: wrap and render a text as a page
render() {
    local src=$1 width=$2 dpi=$3 pt=$4 out=$5
    local markup
    # ImageMagick's Pango coder does not wrap here: wrap by width in ems
    # (Han and full-width = 1, other = 0.55) before rendering.
    markup=$(python3 -c '
import sys, unicodedata
em = float(sys.argv[2]) * 72 / float(sys.argv[3]) / float(sys.argv[4]) * 0.95
for para in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    line, w = "", 0.0
    for ch in para:
        cw = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55
        if w + cw > em and line:
            if " " in line and not ch.isspace() and ord(line[-1]) < 0x2E80:
                head, _, tail = line.rpartition(" ")
                print(head); line, w = tail, len(tail) * 0.55
            else:
                print(line); line, w = "", 0.0
        line += ch; w += cw
    print(line)
' "$src" "$width" "$dpi" "$pt" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g')
    convert -density "$dpi" -size "${width}x" -background white -fill black \
        -bordercolor white -border $((dpi / 3)) \
        pango:"<span font=\"$FONT_ZH $pt\">$markup</span>" \
        -colorspace Gray -depth 8 -units PixelsPerInch -density "$dpi" "$out"
}

# The seed article's first-page head (../shared/seed), 300 dpi 8-bit gray PNG.
render src/seed-head.txt 2300 300 10.5 seed-head.png
optipng -quiet -o2 seed-head.png 2>/dev/null || true

# A journal head printed white on a dark band above black-on-white text
# (banner.png): Tesseract reads such a band only when it also tries lines
# inverted, which Folio asks for on pages that have dark regions.
render src/banner-body.txt 2000 300 10.5 banner-body.tmp.png
convert -density 300 \
    \( -background gray12 -fill white \
       pango:"<span font=\"$FONT_ZH Bold 12\">$(sed -n 1p src/banner-head.txt)</span>" \
       pango:"<span font=\"$FONT_ZH 10\">$(sed -n 2p src/banner-head.txt)</span>" \
       -gravity west -append -bordercolor gray12 -border 40x30 \) \
    banner-body.tmp.png -background white -gravity west -append \
    -bordercolor white -border 100 +repage \
    -colorspace Gray -depth 8 -units PixelsPerInch -density 300 banner.png
rm -f banner-body.tmp.png
optipng -quiet -o2 banner.png 2>/dev/null || true

# A two-page bilevel G4 TIFF at 200 dpi: Chinese page, then English page.
render src/page2-zh.txt 1500 200 11 /tmp/folio-p1.png
render src/page2-en.txt 1500 200 11 /tmp/folio-p2.png
convert /tmp/folio-p1.png /tmp/folio-p2.png -threshold 50% -type bilevel \
    -compress Group4 -units PixelsPerInch -density 200 two-pages.tif
rm -f /tmp/folio-p1.png /tmp/folio-p2.png
