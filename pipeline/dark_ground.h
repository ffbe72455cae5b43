/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Does the page print anything on a dark ground? A journal head set white
 * on a dark band, a dark title box, a photograph. Tesseract reads white
 * print only when it also tries each doubtful line inverted
 * (tessedit_do_invert), which costs about 8% of recognition time on pages
 * without such ground (measured: BENCHMARKS.md). Folio turns that try on
 * only for pages where this measure finds dark ground.
 */
#ifndef FOLIO_DARK_GROUND_H
#define FOLIO_DARK_GROUND_H

#include <leptonica/allheaders.h>

/* Dark ground, in square millimetres, from which Tesseract is asked to try
 * lines inverted: a band 6 mm high (one white line of body text with its
 * margins) and 20 mm long. */
#define FOLIO_DARK_GROUND_MIN_MM2 120.0

/**
 * Measure the area of pix (8 bpp gray or 1 bpp, not taken) at dpi that lies
 * on dark ground: 1 mm cells at least two-thirds ink, in patches at least
 * 3 mm across both ways. Printed text on paper stays well under that ink
 * share, whatever its size.
 * \return the area in square millimetres, or -1 when pix cannot be measured.
 */
double folio_dark_ground_mm2(PIX *pix, int dpi);

#endif /* FOLIO_DARK_GROUND_H */
