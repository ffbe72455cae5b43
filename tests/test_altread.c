/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/altread.c with the real Tesseract on the committed
 * seed-head.png: the page's 楷体 author line "蒲清平　马睿" comes out of the
 * first pass unsure with a Latin tail ("蒲清平 + SA" at about 49); read
 * again alone with chi_sim it gives both names. Lines read sure, and Latin
 * lines (which chi_sim reads worse), are not read again; a passed deadline
 * stops the stage.
 */
#include "pipeline/altread.h"
#include "pipeline/layout.h"
#include "pipeline/ocr.h"
#include "pipeline/repair.h"
#include "pipeline/text.h"
#include "testutil.h"

/* seed-head.png through recognition, repair and layout, as convert.c runs them. */
static folio_page *read_head(folio_ocr *o, PIX *pix, folio_repair *r)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("seed-head.png");
    pg->width = pixGetWidth(pix);
    pg->height = pixGetHeight(pix);
    pg->dpi = 300;
    folio_ocr_map map = {1, 0, 0};
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_ocr_recognize(o, pix, 300, &map, 0, true, pg, err), 0);
    ck_assert_int_eq(folio_repair_page(r, pg, err), 0);
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    folio_error_destroy(&err);
    return pg;
}

static size_t han_count(const char *s)
{
    size_t len = s ? strlen(s) : 0, n = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        n += folio_is_han(cp);
    }
    return n;
}

START_TEST(unsure_author_line_is_read_again)
{
    folio_error *err = folio_error_create();
    folio_ocr *o = folio_ocr_create(NULL, "chi_sim+eng", NULL, err);
    ck_assert_msg(o != NULL, "%s", folio_error_message(err));
    folio_repair *r = folio_repair_create(NULL);
    PIX *pix = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(pix);
    folio_page *pg = read_head(o, pix, r);
    folio_ocr_map map = {1, 0, 0};
    ck_assert_int_eq(folio_altread_run(o, pix, 300, &map, 0, pg, err), 0);
    size_t again = 0;
    bool names = false;
    for (size_t i = 0; i < pg->n_lines; i++) {
        const folio_line *ln = &pg->lines[i];
        if (!ln->alt_text)
            continue;
        again++;
        /* only lines classified Chinese title, authors or citation, and here unsure */
        ck_assert_msg(ln->conf < 80, "a sure line was read again: %s", ln->text);
        ck_assert_msg(han_count(ln->text) > 0, "a Latin line was read again: %s", ln->text);
        names |= strstr(ln->alt_text, "蒲清平") && strstr(ln->alt_text, "马睿");
    }
    ck_assert_uint_ge(again, 1);
    ck_assert_uint_le(again, 3); /* a few lines, not the page */
    ck_assert_msg(names, "the author line's second reading lacks 蒲清平 and 马睿");
    folio_page_destroy(&pg);

    /* a deadline already past stops the stage with FOLIO_ELIMIT */
    pg = read_head(o, pix, r);
    ck_assert_int_eq(folio_altread_run(o, pix, 300, &map, folio_ocr_now_ms() - 1, pg, err),
                     FOLIO_ELIMIT);
    folio_page_destroy(&pg);
    pixDestroy(&pix);
    folio_repair_destroy(&r);
    folio_ocr_destroy(&o);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(no_first_page_no_second_readings)
{
    /* a page without front matter: nothing is chosen, and no engine is needed */
    folio_page *pg = folio_page_new();
    pg->n_lines = 1;
    pg->lines = calloc(1, sizeof(folio_line));
    pg->lines[0].text = folio_strdup("混凝土约占40%。将废弃混凝土破碎、筛分后制备");
    pg->lines[0].box = (folio_box){200, 1500, 1000, 40};
    pg->lines[0].conf = 30;
    bool chosen[1] = {true};
    ck_assert_int_eq(folio_altread_choose(pg, chosen), 0);
    ck_assert(!chosen[0]);
    folio_error *err = folio_error_create();
    folio_ocr_map map = {1, 0, 0};
    ck_assert_int_eq(folio_altread_run(NULL, NULL, 300, &map, 0, pg, err), 0);
    ck_assert_ptr_null(pg->lines[0].alt_text);
    folio_error_destroy(&err);
    folio_page_destroy(&pg);
}
END_TEST

static Suite *altread_suite(void)
{
    Suite *s = suite_create("altread");
    TCase *tc = tcase_create("tesseract");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, unsure_author_line_is_read_again);
    tcase_add_test(tc, no_first_page_no_second_readings);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(altread_suite)
