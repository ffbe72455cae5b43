/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A recognized sample page for the suites that test what Folio does after
 * recognition (coverage, rows): samples/seed-head.png read by the real
 * Tesseract, with Folio's text mask of it. Include after testutil.h.
 */
#ifndef FOLIO_SEEDFIXTURE_H
#define FOLIO_SEEDFIXTURE_H

#include "pipeline/ocr.h"
#include "pipeline/preprocess.h"
#include "pipeline/text.h"

typedef struct fixture {
    folio_ocr *ocr;
    PIX *gray, *mask; /* the page and its 1 bpp text mask, 300 dpi */
    folio_page *pg;   /* its reading */
} fixture;

static const folio_ocr_map identity = {1, 0, 0};

/* Read seed-head.png into f, with the second pass when second_pass. */
static inline void fixture_open_read(fixture *f, bool second_pass)
{
    folio_error *err = folio_error_create();
    f->ocr = folio_ocr_create(NULL, "chi_sim+eng", NULL, err);
    ck_assert_msg(f->ocr != NULL, "%s", folio_error_message(err));
    f->gray = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(f->gray);
    f->mask = folio_binarize_text(f->gray, 300);
    ck_assert_ptr_nonnull(f->mask);
    f->pg = folio_page_new();
    f->pg->source_path = folio_strdup("seed-head.png");
    ck_assert_int_eq(
        folio_ocr_recognize(f->ocr, f->gray, 300, &identity, 0, second_pass, f->pg, err), 0);
    ck_assert_uint_ge(f->pg->n_lines, 8);
    folio_error_destroy(&err);
}

static inline void fixture_close(fixture *f)
{
    folio_page_destroy(&f->pg);
    pixDestroy(&f->gray);
    pixDestroy(&f->mask);
    folio_ocr_destroy(&f->ocr);
}

#endif /* FOLIO_SEEDFIXTURE_H */
