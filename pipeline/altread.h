/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Second readings of the few lines the fields stage cross-checks: the lines
 * of the printed Chinese citation, and the Chinese title and author lines
 * when they were read unsure. Each is read again alone, as one line, with
 * the Chinese-only model of the second pass; the reading is kept on the
 * line (folio_line.alt_text) as another copy for the fields stage to vote
 * with, never in place of the first. Runs between layout and fields, so the
 * fields stage stays free of OCR.
 */
#ifndef FOLIO_ALTREAD_H
#define FOLIO_ALTREAD_H

#include "ocr.h"
#include "page.h"

/**
 * Which lines of pg are read again: out[i] set for line i. Finds the lines
 * by the classifier the fields stage uses (classify.h). out holds
 * pg->n_lines entries. \return how many were chosen, or -1 when out of memory.
 */
long folio_altread_choose(const folio_page *pg, bool *out);

/**
 * Read the chosen lines of pg again from pix (the image recognition read;
 * map turns page boxes into its pixels) and store each reading, repaired,
 * on its line. deadline_ms as for folio_ocr_recognize. A page without the
 * Chinese model gets no second readings and no error.
 * \return 0, or a negative folio_status (FOLIO_ELIMIT, FOLIO_ENOMEM) with err set.
 */
int folio_altread_run(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map, double deadline_ms,
                      folio_page *pg, folio_error *err);

#endif /* FOLIO_ALTREAD_H */
