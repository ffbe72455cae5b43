/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The second recognition pass: spans of a line that look misread (Latin
 * "words" of low confidence where the text is Chinese, the typical result of
 * the eng model winning on 楷体 author lines or damaged labels) are read
 * again alone with the Chinese model, and the better reading is kept.
 */
#ifndef FOLIO_RECHECK_H
#define FOLIO_RECHECK_H

#include "ocr.h"

#include <tesseract/capi.h>

typedef struct folio_recheck_stats {
    int spans;    /* spans re-read */
    int replaced; /* spans whose second reading was kept */
} folio_recheck_stats;

/** \return true when the word looks misread: Latin script, low confidence. */
bool folio_recheck_suspicious(const folio_word *w);

/**
 * Is alt (the second reading, confidence alt_conf) better than the words it
 * would replace (old_text, their words joined by spaces, mean confidence
 * old_conf)? Mostly Han, it must be as sure as the old words (a little less
 * in a line whose other words are Chinese: han_line); with some Han, surer
 * by a margin; without Han, far surer, with the same marks in the same order
 * and no more spaces. alt and old_text may be NULL. Takes no ownership.
 */
bool folio_recheck_accept(const char *old_text, const char *alt, float alt_conf, float old_conf,
                          bool han_line);

/**
 * Read the page box b of pix alone with zh (its image already set to pix;
 * map turns page boxes into pix's pixels), padded by a share of line_h.
 * \return the trimmed text (caller frees) or NULL when the box is empty or
 *         nothing was read; *conf is Tesseract's mean confidence.
 */
char *folio_recheck_read(TessBaseAPI *zh, PIX *pix, const folio_ocr_map *map, folio_box b,
                         float line_h, float *conf);

/**
 * Re-read every suspicious span of pg's lines from pix (the image the first
 * pass read; map turns page boxes into its pixels) with zh, a handle
 * initialized for Chinese alone, and replace the span's words when the new
 * reading is better. deadline_ms > 0 (folio_ocr_now_ms() time): stop with
 * FOLIO_ELIMIT when it passes. \return 0, FOLIO_ELIMIT or FOLIO_ENOMEM.
 */
int folio_recheck_page(TessBaseAPI *zh, PIX *pix, const folio_ocr_map *map, double deadline_ms,
                       folio_page *pg, folio_recheck_stats *stats);

#endif /* FOLIO_RECHECK_H */
