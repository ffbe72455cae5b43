/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/dark_ground.c: a page with a dark band measures its
 * band, pages of print on paper (however dense or bold) measure none, and
 * the real Tesseract reads the band's white print only when asked to try
 * lines inverted, which is why the measure exists.
 */
#include "pipeline/dark_ground.h"
#include "pipeline/ocr.h"
#include "pipeline/text.h"
#include "testutil.h"

#define DPI 300
#define MM(v) ((int)((v) * DPI / 25.4 + 0.5))

/* A white 8 bpp page of w x h millimetres. Caller destroys. */
static PIX *paper(double w, double h)
{
    PIX *p = pixCreate(MM(w), MM(h), 8);
    ck_assert_ptr_nonnull(p);
    pixSetAll(p);
    return p;
}

static void fill(PIX *p, double x, double y, double w, double h, int gray)
{
    BOX *b = boxCreate(MM(x), MM(y), MM(w), MM(h));
    pixSetInRectArbitrary(p, b, gray);
    boxDestroy(&b);
}

START_TEST(a_dark_band_is_measured)
{
    PIX *p = paper(100, 60);
    fill(p, 10, 10, 60, 8, 30); /* 480 mm^2 of near-black band */
    double a = folio_dark_ground_mm2(p, DPI);
    ck_assert_msg(a > 380 && a < 560, "band 480 mm2 measured %.0f", a);
    ck_assert(a >= FOLIO_DARK_GROUND_MIN_MM2);
    pixDestroy(&p);
}
END_TEST

START_TEST(a_mid_gray_box_with_black_print_is_not_dark_ground)
{
    /* A light shaded abstract box (gray 200) is read normally. */
    PIX *p = paper(100, 60);
    fill(p, 10, 10, 80, 40, 200);
    ck_assert_double_lt(folio_dark_ground_mm2(p, DPI), FOLIO_DARK_GROUND_MIN_MM2);
    pixDestroy(&p);
}
END_TEST

START_TEST(dense_bold_strokes_are_not_dark_ground)
{
    /* Strokes 1 mm thick, 0.6 mm apart, over a 60 x 40 mm area: heavier
     * than any printed headline, still print on paper. */
    PIX *p = paper(100, 60);
    for (double y = 10; y < 50; y += 1.6)
        fill(p, 10, y, 60, 1.0, 0);
    ck_assert_double_lt(folio_dark_ground_mm2(p, DPI), FOLIO_DARK_GROUND_MIN_MM2);
    pixDestroy(&p);
}
END_TEST

START_TEST(a_1bpp_page_is_measured_too)
{
    PIX *g = paper(100, 60);
    fill(g, 10, 10, 60, 8, 0);
    PIX *b = pixThresholdToBinary(g, 128);
    double a = folio_dark_ground_mm2(b, DPI);
    ck_assert_msg(a > 380 && a < 560, "band 480 mm2 measured %.0f", a);
    pixDestroy(&b);
    pixDestroy(&g);
}
END_TEST

START_TEST(bad_arguments_are_refused)
{
    PIX *p = paper(10, 10);
    ck_assert_double_eq(folio_dark_ground_mm2(NULL, DPI), -1);
    ck_assert_double_eq(folio_dark_ground_mm2(p, 0), -1);
    pixDestroy(&p);
}
END_TEST

/* samples/banner.png: a journal head white on a dark band over body text. */
START_TEST(the_samples_measure_as_printed)
{
    PIX *banner = pixRead(sample_path("banner.png"));
    PIX *plain = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(banner);
    ck_assert_ptr_nonnull(plain);
    ck_assert_double_ge(folio_dark_ground_mm2(banner, DPI), FOLIO_DARK_GROUND_MIN_MM2);
    ck_assert_double_lt(folio_dark_ground_mm2(plain, DPI), FOLIO_DARK_GROUND_MIN_MM2);
    pixDestroy(&banner);
    pixDestroy(&plain);
}
END_TEST

/* The recognized text of banner.png, inverted tries on or off. Caller frees. */
static char *read_banner(bool invert)
{
    folio_error *err = folio_error_create();
    char config[4096];
    snprintf(config, sizeof(config), "%s/folio.config",
             getenv("FOLIO_MODELS") ? getenv("FOLIO_MODELS") : "models");
    folio_ocr *o = folio_ocr_create(NULL, "chi_sim+eng", config, err);
    ck_assert_msg(o != NULL, "%s", folio_error_message(err));
    folio_ocr_set_invert(o, invert);
    PIX *pix = pixRead(sample_path("banner.png"));
    ck_assert_ptr_nonnull(pix);
    folio_page *pg = folio_page_new();
    folio_ocr_map id = {1, 0, 0};
    ck_assert_int_eq(folio_ocr_recognize(o, pix, DPI, &id, 0, false, pg, err), 0);
    size_t cap = 1, len = 0;
    char *all = calloc(1, cap);
    for (size_t i = 0; i < pg->n_lines; i++) {
        const char *t = pg->lines[i].text ? pg->lines[i].text : "";
        cap += strlen(t) + 1;
        all = realloc(all, cap);
        ck_assert_ptr_nonnull(all);
        len += (size_t)sprintf(all + len, "%s\n", t);
    }
    folio_page_destroy(&pg);
    pixDestroy(&pix);
    folio_ocr_destroy(&o);
    folio_error_destroy(&err);
    return all;
}

START_TEST(white_print_is_read_only_with_inverted_tries)
{
    char *on = read_banner(true), *off = read_banner(false);
    ck_assert_msg(strstr(on, "Chongqing University"), "inverted tries on:\n%s", on);
    ck_assert_msg(!strstr(off, "Chongqing University"), "inverted tries off:\n%s", off);
    /* The black print below the band reads the same either way. */
    ck_assert(strstr(on, "国家战略腹地") && strstr(off, "国家战略腹地"));
    free(on);
    free(off);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dark_ground");
    TCase *tc = tcase_create("measure");
    tcase_add_test(tc, a_dark_band_is_measured);
    tcase_add_test(tc, a_mid_gray_box_with_black_print_is_not_dark_ground);
    tcase_add_test(tc, dense_bold_strokes_are_not_dark_ground);
    tcase_add_test(tc, a_1bpp_page_is_measured_too);
    tcase_add_test(tc, bad_arguments_are_refused);
    tcase_add_test(tc, the_samples_measure_as_printed);
    suite_add_tcase(s, tc);
    TCase *ocr = tcase_create("ocr");
    tcase_set_timeout(ocr, 600);
    tcase_add_test(ocr, white_print_is_read_only_with_inverted_tries);
    suite_add_tcase(s, ocr);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
