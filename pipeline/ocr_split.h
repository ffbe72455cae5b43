/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inside the ocr stage (ocr.c, ocr_split.c): the page geometry of
 * Tesseract's boxes, array growth, a word's script, and the cutting of
 * Tesseract "words" that run a misread Latin stretch into Chinese text.
 * Not for other stages.
 */
#ifndef FOLIO_OCR_SPLIT_H
#define FOLIO_OCR_SPLIT_H

#include "ocr.h"
#include "page.h"

#include <tesseract/capi.h>

/** The box l,t,r,b of the image Tesseract read, placed on the page by m. */
folio_box folio_ocr_map_box(const folio_ocr_map *m, int l, int t, int r, int b);

/**
 * Make room for element n of *arr (capacity *cap elements of elem bytes),
 * doubling it and zeroing the new part. \return 0 or FOLIO_ENOMEM (*arr kept).
 */
int folio_ocr_grow(void **arr, size_t *cap, size_t n, size_t elem);

/** Han when s has at least as many Han as Latin letters, Latin when fewer, else other. */
folio_script folio_word_script(const char *s);

/**
 * Cut ln's last word, the word ri is at (ri is not moved), at its unsure
 * Latin runs when it mixes Han and Latin, so the second pass (recheck.h)
 * can read those runs again; map places symbol boxes on the page;
 * *cap_words is ln->words' capacity. The word stays whole when its symbols
 * do not spell it exactly. \return 0 or FOLIO_ENOMEM.
 */
int folio_ocr_split_mixed_word(const TessResultIterator *ri, const folio_ocr_map *map,
                               folio_line *ln, size_t *cap_words);

#endif /* FOLIO_OCR_SPLIT_H */
