/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inside the ocr stage: which model reads a text line. With chi_sim+eng,
 * Tesseract reads a line with one language and tries the other whenever a
 * single character of the first reading is unsure, which on a journal page
 * is nearly every line: on d1 clean, 32 of 49 lines were read twice, and an
 * eng reading of a Chinese line costs about half a chi_sim reading. Folio
 * instead looks at a line's print first, reads it with the model it looks
 * like, and reads it with the other only when the first reading is in
 * doubt. Not for other stages.
 */
#ifndef FOLIO_OCR_ROUTE_H
#define FOLIO_OCR_ROUTE_H

#include "page.h"

#include <leptonica/allheaders.h>
#include <stdbool.h>

/**
 * Mean number of ink runs down each inked column of the 1-bpp line image
 * bin (ink = 1): about 1.7 for Latin print, 2.2 and more for Chinese,
 * whose characters stack several strokes. 0 for an empty or unusable image.
 */
double folio_route_strokes(PIX *bin);

/** Does a line with this stroke count look Latin, so eng reads it first? */
bool folio_route_looks_latin(double strokes);

/**
 * Is the first reading text (mean confidence conf) in doubt, so the line is
 * read with the other model too? latin_model: eng read it. A Latin reading
 * is in doubt when unsure (a Chinese line read by eng comes back as
 * confident-looking garbage only rarely: 0-50 on the dev pages); a chi_sim
 * reading when it is mostly Latin letters.
 */
bool folio_route_doubt(bool latin_model, const char *text, float conf);

/**
 * How good a reading of a line is, to choose between the two models'
 * readings (the higher wins): its mean confidence, plus a bonus when eng
 * read it and it is mostly Latin, as on a Latin line eng's confidence
 * runs no higher than chi_sim's while its text is better (d1 clean's DOI
 * line: "DOI: 10.1183S/..." from chi_sim at 75 against "DOT: 10.11835/..."
 * from eng at 76; the repair rules mend the label, not the digit).
 */
float folio_route_score(bool latin_model, const char *text, float conf);

/**
 * Mark paragraph starts in pg->lines[from..] by their shape. Read line by
 * line, a page has only Tesseract's paragraphs from layout alone, which
 * (without the text) leave a block one paragraph: the authors with their
 * affiliation, an abstract with its keywords. A line starts a paragraph
 * when the line before it in its paragraph ends well short of the
 * paragraph's right edge, or when it is indented against the line before
 * and runs to that edge (a centred line is not indented).
 */
void folio_route_split_paragraphs(folio_page *pg, size_t from);

#endif /* FOLIO_OCR_ROUTE_H */
