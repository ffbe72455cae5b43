/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Rows of print that recognition lost: Folio's text mask shows a row of
 * text-sized components where no recognized line lies (coverage.h). Each is
 * read alone as one line and inserted in reading order, far cheaper than
 * reading the whole page again and safe for the lines that were read.
 */
#ifndef FOLIO_ROWS_H
#define FOLIO_ROWS_H

#include "ocr.h"
#include "page.h"

#include <leptonica/allheaders.h>

typedef struct folio_rows_params {
    int dpi;                  /* resolution of the recognized image */
    const folio_ocr_map *map; /* page boxes to its pixels; not taken */
    double deadline_ms;       /* > 0: folio_ocr_now_ms() time to stop at (FOLIO_ELIMIT) */
    bool recheck;             /* run the second pass on what is read */
} folio_rows_params;

/**
 * Find the rows mask (1 bpp, not taken) shows and pg's lines miss, read
 * each from pix (the image recognition read; not taken) with o, and insert
 * the lines read with confidence into pg->lines after the line above them.
 * *added (may be NULL) receives how many lines were inserted.
 * \return 0 or a negative folio_status with err set.
 */
int folio_rows_recover(folio_ocr *o, PIX *pix, PIX *mask, const folio_rows_params *p,
                       folio_page *pg, int *added, folio_error *err);

#endif /* FOLIO_ROWS_H */
