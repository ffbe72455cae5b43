/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/ocr.c with the real Tesseract on a committed sample:
 * words, lines and boxes come out, the handle is reusable, a missing
 * language is an engine error, a deadline cancels a page.
 */
#include "pipeline/ocr.h"
#include "pipeline/text.h"
#include "testutil.h"

static bool any_word_contains(const folio_page *pg, const char *needle)
{
    for (size_t i = 0; i < pg->n_lines; i++)
        for (size_t j = 0; j < pg->lines[i].n_words; j++)
            if (strstr(pg->lines[i].words[j].text, needle))
                return true;
    return false;
}

static folio_page *recognize(folio_ocr *o, PIX *pix)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("seed-head.png");
    folio_ocr_map map = {1, 0, 0};
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_ocr_recognize(o, pix, 300, &map, 0, true, pg, err), 0);
    folio_error_destroy(&err);
    return pg;
}

START_TEST(recognizes_sample_with_boxes)
{
    folio_error *err = folio_error_create();
    folio_ocr *o = folio_ocr_create(NULL, "chi_sim+eng", NULL, err);
    ck_assert_msg(o != NULL, "%s", folio_error_message(err));
    PIX *pix = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(pix);
    folio_page *pg = recognize(o, pix);
    ck_assert_uint_ge(pg->n_lines, 12);
    ck_assert(any_word_contains(pg, "Chongqing"));
    ck_assert(any_word_contains(pg, "400044"));
    ck_assert(pg->conf > 60);
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_box b = pg->lines[i].box;
        ck_assert(b.x >= 0 && b.y >= 0 && b.w > 0 && b.h > 0);
        ck_assert(b.x + b.w <= pixGetWidth(pix) && b.y + b.h <= pixGetHeight(pix));
        ck_assert_int_ge(pg->lines[i].block, 0);
        ck_assert_int_lt(pg->lines[i].block, (int)pg->n_blocks);
    }
    /* the same handle, reused, reads the same page the same way */
    folio_page *again = recognize(o, pix);
    ck_assert_uint_eq(again->n_lines, pg->n_lines);
    folio_page_destroy(&again);
    folio_page_destroy(&pg);
    pixDestroy(&pix);
    folio_ocr_destroy(&o);
    ck_assert_ptr_null(o);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(blank_page_has_no_lines)
{
    folio_error *err = folio_error_create();
    folio_ocr *o = folio_ocr_create(NULL, "chi_sim+eng", NULL, err);
    ck_assert_ptr_nonnull(o);
    PIX *pix = pixCreate(800, 600, 8);
    pixSetAllArbitrary(pix, 255);
    folio_page *pg = recognize(o, pix);
    ck_assert_uint_eq(pg->n_lines, 0);
    ck_assert(pg->conf < 0);
    folio_page_destroy(&pg);
    pixDestroy(&pix);
    folio_ocr_destroy(&o);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(missing_language_is_engine_error)
{
    folio_error *err = folio_error_create();
    folio_ocr *o = folio_ocr_create(NULL, "xyz_nonexistent", NULL, err);
    ck_assert_ptr_null(o);
    ck_assert_int_eq(folio_error_code(err), FOLIO_EENGINE);
    ck_assert(strstr(folio_error_message(err), "xyz_nonexistent") != NULL);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(deadline_cancels_recognition)
{
    folio_error *err = folio_error_create();
    folio_ocr *o = folio_ocr_create(NULL, "chi_sim+eng", NULL, err);
    ck_assert_ptr_nonnull(o);
    PIX *pix = pixRead(sample_path("seed-head.png"));
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("seed-head.png");
    folio_ocr_map map = {1, 0, 0};
    /* a deadline already past: refused before Tesseract starts */
    ck_assert_int_eq(folio_ocr_recognize(o, pix, 300, &map, folio_ocr_now_ms() - 1, true, pg, err),
                     FOLIO_ELIMIT);
    ck_assert(strstr(folio_error_message(err), "seed-head.png") != NULL);
    /* 50 ms: Tesseract's monitor cancels the page (it needs seconds) */
    double t0 = folio_ocr_now_ms();
    ck_assert_int_eq(folio_ocr_recognize(o, pix, 300, &map, t0 + 50, true, pg, err), FOLIO_ELIMIT);
    ck_assert(strstr(folio_error_message(err), "time limit") != NULL);
    ck_assert_msg(folio_ocr_now_ms() - t0 < 3000, "cancelled in %.0f ms", folio_ocr_now_ms() - t0);
    folio_page_destroy(&pg);
    /* the handle still works after a cancelled page */
    pg = recognize(o, pix);
    ck_assert(any_word_contains(pg, "Chongqing"));
    folio_page_destroy(&pg);
    pixDestroy(&pix);
    folio_ocr_destroy(&o);
    folio_error_destroy(&err);
}
END_TEST

static Suite *ocr_suite(void)
{
    Suite *s = suite_create("ocr");
    TCase *tc = tcase_create("tesseract");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, recognizes_sample_with_boxes);
    tcase_add_test(tc, blank_page_has_no_lines);
    tcase_add_test(tc, missing_language_is_engine_error);
    tcase_add_test(tc, deadline_cancels_recognition);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(ocr_suite)
