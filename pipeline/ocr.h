/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The recognition stage: Tesseract handles created once per worker and
 * reused for every page (the page handle for layout, and chi_sim and eng
 * alone for single lines), and the walk over their results that turns
 * Tesseract's blocks, paragraphs, lines and words into Folio's page model.
 */
#ifndef FOLIO_OCR_H
#define FOLIO_OCR_H

#include "page.h"

#include <leptonica/allheaders.h>

typedef struct folio_ocr folio_ocr;

/**
 * Create and initialize a Tesseract handle. tessdata NULL: Tesseract's
 * default; config: a Tesseract config file to apply (NULL: none).
 * \return a new handle (destroy with folio_ocr_destroy) or NULL with err set
 *         (FOLIO_EENGINE naming the missing language data).
 */
folio_ocr *folio_ocr_create(const char *tessdata, const char *lang, const char *config,
                            folio_error *err);
void folio_ocr_destroy(folio_ocr **po);
/** \return the tessdata directory Tesseract uses (owned by the handle). */
const char *folio_ocr_datapath(const folio_ocr *o);

/* How boxes in the recognized image map back to page coordinates. */
typedef struct folio_ocr_map {
    float scale; /* recognized image pixels per page pixel */
    int off_x, off_y;
} folio_ocr_map;

/**
 * Does the word hold Han and at least two Latin letters? Such words are cut
 * at their unsure Latin runs before the second pass. s may be NULL (false).
 */
bool folio_word_mixes_scripts(const char *s);

/**
 * Whether a page is read line by line, each line with the model its print
 * looks like, chi_sim or eng (ocr_route.h), instead of Tesseract reading
 * every line with one and, when unsure, the other. On by default; only
 * possible when the languages are chi_sim+eng (otherwise ignored).
 */
void folio_ocr_set_routing(folio_ocr *o, bool on);

/**
 * Whether recognition also tries each doubtful line inverted, for white
 * print on dark ground (dark_ground.h); off in models/folio.config. Applies
 * to the following folio_ocr_recognize calls.
 */
void folio_ocr_set_invert(folio_ocr *o, bool on);

/** \return a monotonic clock in milliseconds, the clock of deadlines. */
double folio_ocr_now_ms(void);

/**
 * Recognize pix (not taken) at dpi and append its lines and words to pg
 * (pg->lines, pg->blocks, pg->conf). deadline_ms > 0 (folio_ocr_now_ms()
 * time) cancels recognition, first or second pass, once it has passed
 * (FOLIO_ELIMIT). recheck: run the second pass (recheck.h) over spans that
 * look misread. \return 0 or a negative folio_status with err set.
 */
int folio_ocr_recognize(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
                        double deadline_ms, bool recheck, folio_page *pg, folio_error *err);

/**
 * Read the page box row of pix (not taken) alone, as one line, and append
 * what was read to pg as folio_ocr_recognize does (its boxes in page
 * coordinates). For a row that page segmentation dropped (coverage.h).
 * \return 0 (also when the box is empty) or a negative folio_status with
 * err set.
 */
int folio_ocr_read_row(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map, folio_box row,
                       double deadline_ms, bool recheck, folio_page *pg, folio_error *err);

/**
 * Read each page box of pix (not taken) again alone, as one line, with the
 * Chinese-only handle of the second pass (made on first use, shared with
 * it and with line routing: no further engine). Measured: reading these
 * lines with the chi_sim+eng handle instead, on pages read line by line,
 * made the citation's names worse ("黄若曦" read "BERR"; citation_zh 0.969
 * -> 0.957 on the dev pages). texts[i] gets the raw reading (caller
 * frees each; NULL when nothing was read), confs[i] its mean confidence;
 * both arrays hold n entries. deadline_ms as for folio_ocr_recognize.
 * \return 0, FOLIO_ELIMIT once the deadline has passed, or FOLIO_EENGINE
 *         when the handle cannot be had (every texts[i] NULL).
 */
int folio_ocr_read_lines(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
                         const folio_box *boxes, size_t n, double deadline_ms, char **texts,
                         float *confs);

#endif /* FOLIO_OCR_H */
