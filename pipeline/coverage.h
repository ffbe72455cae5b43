/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Did recognition read all the text the page shows? Tesseract's page
 * segmentation sometimes drops a printed row, or returns a word whose box
 * spans a whole row (or two) while its text is one or two characters,
 * depending on small differences in the image it is given (gray or
 * black-and-white, a slightly different rotation). Folio's own text mask
 * knows where the print is: text-sized connected components outside every
 * recognized word, or far more of them inside a word than its characters
 * can account for, are print that was not read.
 */
#ifndef FOLIO_COVERAGE_H
#define FOLIO_COVERAGE_H

#include "ocr.h"
#include "page.h"

#include <leptonica/allheaders.h>

typedef struct folio_coverage {
    int components; /* text-sized components of the mask */
    int uncovered;  /* of them, outside every recognized word */
    int excess;     /* inside words, beyond FOLIO_COVERAGE_PER_CHAR per character */
    int unread;     /* uncovered + excess: print recognition did not account for */
} folio_coverage;

/* Components one recognized character may account for: most Han
 * characters are one to four connected pieces at print resolution. */
#define FOLIO_COVERAGE_PER_CHAR 4

/**
 * Measure how much of mask's text pg's recognized words account for. mask
 * is the 1 bpp text mask in the geometry of the image Tesseract read (not
 * taken); map places page boxes in it (ocr.h); dpi sizes the filters.
 * \return 0 with *out filled, or -1 (bad arguments, Leptonica failure).
 */
int folio_coverage_measure(PIX *mask, const folio_page *pg, const folio_ocr_map *map, int dpi,
                           folio_coverage *out);

/**
 * Find rows of print that no recognized line accounts for: at least a few
 * characters' worth of text-sized components of mask outside every word,
 * side by side, at a height where no recognized line lies. Arguments as
 * for folio_coverage_measure. *rows receives their boxes in page
 * coordinates (caller frees with free(); NULL when none), *n_rows their
 * count. \return 0, or -1 (bad arguments, Leptonica or memory failure).
 */
int folio_coverage_lost_rows(PIX *mask, const folio_page *pg, const folio_ocr_map *map, int dpi,
                             folio_box **rows, size_t *n_rows);

#endif /* FOLIO_COVERAGE_H */
