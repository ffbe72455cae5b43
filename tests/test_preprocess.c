/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for the preprocessing stage (pipeline/preprocess.c and its family)
 * on pages made here with Leptonica's own fonts: measured properties, never
 * pixels. A page turned by a known angle must come back within 0.2 degree,
 * quarter turns must be found, blank and noise pages must be left alone,
 * borders must go without taking text, and the resolution must be read off
 * the text within 15%. When the development corpus sits beside the checkout
 * (../shared), orientation and skew are also checked on its real pages.
 */
#include "pipeline/preprocess.h"
#include "testutil.h"

#include <jansson.h>
#include <math.h>

static folio_error *err;
static folio_preprocess *pre;

static void setup(void)
{
    err = folio_error_create();
    pre = folio_preprocess_create(NULL, err);
    ck_assert_ptr_nonnull(pre);
}

static void teardown(void)
{
    folio_preprocess_destroy(&pre);
    ck_assert_ptr_null(pre);
    folio_error_destroy(&err);
}

static const char *const TEXT[] = {
    "Confronted with the intricate international political landscape and global industrial "
    "competition, China must promptly optimize and adjust the distribution of its major "
    "productive forces in light of the new characteristics of its development stage.",
    "This involves expanding strategic depth in the vast central and western inland hinterland "
    "to fortify national security. The strategic concept of building the national strategic "
    "hinterland was first introduced at the Central Economic Work Conference in December 2023.",
    "Objective To investigate the effect of metformin combined with lifestyle intervention on "
    "islet function in patients with prediabetes. Methods A total of 216 patients with "
    "prediabetes treated from January 2019 to June 2021 were randomly divided into two groups.",
};

/*
 * An upright 8 bpp page at 300 dpi: paragraphs of body-sized type (Leptonica
 * fonts 10 and 12, whose line height matches 10.5 pt journal type), lines
 * 1.5 apart, slightly blurred like a scan. Caller destroys.
 */
static PIX *make_page(int w, int h)
{
    PIX *pixb = pixCreate(w, h, 1);
    ck_assert_ptr_nonnull(pixb);
    int y = h / 12, k = 0;
    while (y < h - h / 8) {
        L_BMF *bmf = bmfCreate(NULL, k % 2 ? 12 : 10);
        ck_assert_ptr_nonnull(bmf);
        l_int32 th = 0; /* 1.82 writes it unconditionally */
        SARRAY *lines = bmfGetLineStrings(bmf, TEXT[k % 3], w - w / 5, 0, &th);
        ck_assert_ptr_nonnull(lines);
        for (int i = 0; i < sarrayGetCount(lines) && y < h - h / 8; i++) {
            pixSetTextline(pixb, bmf, sarrayGetString(lines, i, L_NOCOPY), 1, w / 10, y, NULL,
                           NULL);
            y += bmf->lineheight * 3 / 2;
        }
        y += bmf->lineheight;
        sarrayDestroy(&lines);
        bmfDestroy(&bmf);
        k++;
    }
    PIX *gray = pixConvert1To8(NULL, pixb, 235, 20); /* paper a little gray, ink not black */
    PIX *pixd = pixBlockconv(gray, 1, 1);
    pixSetResolution(pixd, 300, 300);
    pixDestroy(&pixb);
    pixDestroy(&gray);
    return pixd;
}

/* The text mask of any page, for measuring. Caller destroys. */
static PIX *mask_of(PIX *pix, int dpi)
{
    PIX *gray = folio_pre_to_gray(pix);
    PIX *mask = folio_binarize_text(gray, dpi);
    pixDestroy(&gray);
    ck_assert_ptr_nonnull(mask);
    return mask;
}

static PIX *run(PIX *pix, int dpi, const folio_preprocess_params *p, folio_preprocess_report *rep)
{
    PIX *out = folio_preprocess_run(pre, pix, dpi, p, rep, err);
    ck_assert_msg(out != NULL, "preprocess failed: %s", folio_error_message(err));
    return out;
}

START_TEST(params_default_every_step)
{
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    ck_assert(p.orient && p.deskew && p.crop && p.background && p.rescale);
    ck_assert(!p.binarize); /* measured: the clean gray page reads better */
    ck_assert_int_eq(p.dpi_override, 0);
}
END_TEST

START_TEST(refuses_missing_arguments)
{
    folio_preprocess_params p;
    folio_preprocess_report rep;
    folio_preprocess_params_init(&p);
    ck_assert_ptr_null(folio_preprocess_run(pre, NULL, 300, &p, &rep, err));
    ck_assert_int_eq(folio_error_code(err), FOLIO_EUSAGE);
    ck_assert_ptr_nonnull(strstr(folio_error_message(err), "preprocess"));
}
END_TEST

/* Skew: the page turned clockwise by a (Leptonica's sense) has a skew of -a. */
static const float ANGLES[] = {-5.0f, -3.0f, -1.2f, -0.3f, 0.3f, 0.8f, 2.5f, 5.0f};

START_TEST(deskews_known_angles)
{
    PIX *page = make_page(1748, 2480);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    float a = ANGLES[_i];
    PIX *turned =
        pixRotate(page, a * (float)M_PI / 180.0f, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    pixSetResolution(turned, 300, 300);
    folio_preprocess_report rep;
    PIX *out = run(turned, 300, &p, &rep);
    ck_assert_msg(fabsf(rep.skew_deg + a) <= 0.2f, "turned %.2f, measured skew %.3f", a,
                  rep.skew_deg);
    ck_assert(rep.skew_applied);
    ck_assert_int_eq(rep.rotation, 0);
    PIX *mask = mask_of(out, rep.dpi_used);
    float rest = 0, conf = 0;
    ck_assert_int_eq(folio_deskew_find(mask, rep.dpi_used, &rest, &conf), 0);
    ck_assert_msg(fabsf(rest) <= 0.2f, "turned %.2f, %.3f left after deskew", a, rest);
    pixDestroy(&mask);
    pixDestroy(&out);
    pixDestroy(&turned);
    pixDestroy(&page);
}
END_TEST

/* Quarter turns: content turned clockwise q times needs (4 - q) more. */
START_TEST(finds_quarter_turns)
{
    PIX *page = make_page(1748, 2480);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    int q = _i;
    PIX *turned = pixRotateOrth(page, q);
    folio_preprocess_report rep;
    PIX *out = run(turned, 300, &p, &rep);
    ck_assert_int_eq(rep.rotation, (360 - 90 * q) % 360);
    ck_assert(rep.orient_applied);
    ck_assert_int_eq(pixGetWidth(out), pixGetWidth(page));
    ck_assert_int_eq(pixGetHeight(out), pixGetHeight(page));
    pixDestroy(&out);
    pixDestroy(&turned);
    pixDestroy(&page);
}
END_TEST

START_TEST(osd_reads_what_leptonica_reads)
{
    if (!folio_preprocess_has_osd(pre))
        return; /* osd.traineddata not installed: nothing to compare */
    folio_osd *osd = folio_osd_create(NULL);
    ck_assert_ptr_nonnull(osd);
    PIX *page = make_page(1748, 2480);
    for (int q = 0; q < 4; q++) {
        PIX *turned = pixRotateOrth(page, q);
        PIX *mask = mask_of(turned, 300);
        int rl = -1, ro = -1;
        float cl = 0, co = 0;
        ck_assert_int_eq(folio_orient_leptonica(mask, 300, &rl, &cl), 0);
        ck_assert_int_eq(rl, (360 - 90 * q) % 360);
        if (folio_orient_osd(osd, mask, 300, &ro, &co) == 0 && co >= 4.0f)
            ck_assert_int_eq(ro, rl);
        pixDestroy(&mask);
        pixDestroy(&turned);
    }
    pixDestroy(&page);
    folio_osd_destroy(&osd);
    ck_assert_ptr_null(osd);
}
END_TEST

START_TEST(blank_page_left_alone)
{
    PIX *page = pixCreate(1748, 2480, 8);
    pixSetAllArbitrary(page, 230);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    folio_preprocess_report rep;
    PIX *out = run(page, 300, &p, &rep);
    ck_assert(!rep.orient_applied);
    ck_assert_int_eq(rep.rotation, 0);
    ck_assert(!rep.skew_applied);
    ck_assert_int_eq(rep.dpi_est, 0);
    ck_assert_int_eq(rep.dpi_used, 300);
    ck_assert_float_eq(rep.scale, 1.0f);
    ck_assert_int_eq(pixGetWidth(out), 1748);
    pixDestroy(&out);
    pixDestroy(&page);
}
END_TEST

/* Gaussian noise with dark blotches: no text, so no turn and no rescale. */
START_TEST(noise_page_left_alone)
{
    PIX *page = pixCreate(1748, 2480, 8);
    pixSetAllArbitrary(page, 170);
    PIX *noisy = pixAddGaussianNoise(page, 40.0f);
    for (int i = 0; i < 12; i++) {
        BOX *b =
            boxCreate((i * 397) % 1500, (i * 613) % 2200, 60 + (i * 37) % 200, 40 + (i * 53) % 160);
        pixSetInRectArbitrary(noisy, b, 30);
        boxDestroy(&b);
    }
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    folio_preprocess_report rep;
    PIX *out = run(noisy, 0, &p, &rep);
    ck_assert_msg(!rep.orient_applied || rep.rotation == 0, "noise turned by %d (conf %.2f)",
                  rep.rotation, rep.orient_conf);
    ck_assert(!rep.skew_applied || fabsf(rep.skew_deg) <= 10.0f);
    ck_assert_float_eq(rep.scale, 1.0f);
    pixDestroy(&out);
    pixDestroy(&noisy);
    pixDestroy(&page);
}
END_TEST

/* Boxes of the text lines of a gray page: ink closed along the lines. */
static BOXA *line_boxes(PIX *gray)
{
    PIX *mask = folio_binarize_text(gray, 300);
    PIX *lines = pixCloseBrick(NULL, mask, 61, 1);
    BOXA *boxa = pixConnComp(lines, NULL, 8);
    pixDestroy(&lines);
    pixDestroy(&mask);
    return boxa;
}

START_TEST(border_removal_keeps_text_lines)
{
    PIX *page = make_page(1748, 2480);
    BOXA *before = line_boxes(page);
    PIX *scan = pixCopy(NULL, page);
    /* A black scanner-lid band left and top, a dark edge shadow right. */
    BOX *left = boxCreate(0, 0, 70, 2480), *top = boxCreate(0, 0, 1748, 45);
    pixSetInRectArbitrary(scan, left, 25);
    pixSetInRectArbitrary(scan, top, 40);
    for (int x = 1700; x < 1748; x++) {
        BOX *col = boxCreate(x, 0, 1, 2480);
        pixSetInRectArbitrary(scan, col, 230 - 4 * (x - 1700));
        boxDestroy(&col);
    }
    int crop[4];
    PIX *border = folio_border_mask(scan, 300, crop);
    ck_assert_ptr_nonnull(border);
    ck_assert_int_ge(crop[0], 70);
    ck_assert_int_ge(crop[1], 45);
    folio_binarize_whiten(scan, border, 1);
    BOXA *after = line_boxes(scan);
    ck_assert_int_eq(boxaGetCount(after), boxaGetCount(before));
    for (int i = 0; i < boxaGetCount(before); i++) {
        l_int32 x, y, w, h, x2, y2, w2, h2;
        boxaGetBoxGeometry(before, i, &x, &y, &w, &h);
        boxaGetBoxGeometry(after, i, &x2, &y2, &w2, &h2);
        ck_assert_msg(abs(x - x2) <= 2 && abs(y - y2) <= 2 && abs(w - w2) <= 2 && abs(h - h2) <= 2,
                      "line %d moved: %d,%d %dx%d -> %d,%d %dx%d", i, x, y, w, h, x2, y2, w2, h2);
    }
    boxaDestroy(&before);
    boxaDestroy(&after);
    boxDestroy(&left);
    boxDestroy(&top);
    pixDestroy(&border);
    pixDestroy(&scan);
    pixDestroy(&page);
}
END_TEST

START_TEST(no_border_no_mask)
{
    PIX *page = make_page(1748, 2480);
    int crop[4] = {1, 1, 1, 1};
    PIX *border = folio_border_mask(page, 300, crop);
    ck_assert_ptr_null(border);
    ck_assert_int_eq(crop[2], 0);
    pixDestroy(&page);
}
END_TEST

/* The same page "scanned" at 150, 200, 300 and 400 dpi, tag stripped. */
static const int DPIS[] = {150, 200, 300, 400};

START_TEST(estimates_resolution_from_text)
{
    PIX *page = make_page(1748, 2480);
    int dpi = DPIS[_i];
    float s = dpi / 300.0f;
    PIX *scaled = pixScale(page, s, s);
    pixSetResolution(scaled, 0, 0);
    PIX *mask = mask_of(scaled, dpi);
    int est = folio_resolution_estimate(mask, NULL);
    ck_assert_msg(fabsf((float)est / dpi - 1.0f) <= 0.15f, "true %d dpi, estimated %d", dpi, est);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    folio_preprocess_report rep;
    PIX *out = run(scaled, 0, &p, &rep);
    ck_assert_int_eq(rep.dpi_in, 0);
    ck_assert_msg(fabsf((float)rep.dpi_est / dpi - 1.0f) <= 0.15f, "true %d, report %d", dpi,
                  rep.dpi_est);
    /* Small text is brought up, the rest is left at its size. */
    if (dpi < 175)
        ck_assert_float_gt(rep.scale, 1.2f);
    else
        ck_assert_float_eq(rep.scale, 1.0f);
    ck_assert_int_eq(pixGetXRes(out), rep.dpi_used);
    pixDestroy(&out);
    pixDestroy(&mask);
    pixDestroy(&scaled);
    pixDestroy(&page);
}
END_TEST

START_TEST(wrong_tag_overruled_by_text)
{
    ck_assert_int_eq(folio_resolution_choose(300, 310), 300); /* agree: the tag */
    ck_assert_int_eq(folio_resolution_choose(96, 362), 350);  /* wrong tag: snapped estimate */
    ck_assert_int_eq(folio_resolution_choose(0, 196), 200);
    ck_assert_int_eq(folio_resolution_choose(0, 0), 0);
    ck_assert_int_eq(folio_resolution_choose(200, 0), 200);
}
END_TEST

/* A 1-bit fax at 200 dpi goes to Tesseract as gray at 300 dpi. */
START_TEST(bilevel_page_scaled_to_gray)
{
    PIX *page = make_page(1748, 2480);
    PIX *small = pixScale(page, 2.0f / 3, 2.0f / 3);
    PIX *fax = pixThresholdToBinary(small, 128);
    pixSetResolution(fax, 200, 200);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    folio_preprocess_report rep;
    PIX *out = run(fax, 200, &p, &rep);
    ck_assert_int_eq(pixGetDepth(out), 8);
    ck_assert_str_eq(rep.binarize, "input-1bpp");
    ck_assert_int_eq(rep.dpi_in, 200);
    ck_assert_int_eq(rep.dpi_used, 300);
    ck_assert_float_eq_tol(rep.scale, 1.5f, 0.01f);
    pixDestroy(&out);
    pixDestroy(&fax);
    pixDestroy(&small);
    pixDestroy(&page);
}
END_TEST

START_TEST(every_step_off_keeps_the_page)
{
    PIX *page = make_page(1748, 2480);
    PIX *turned = pixRotate(page, 0.03f, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    folio_preprocess_params p = {0};
    folio_preprocess_report rep;
    PIX *out = run(turned, 300, &p, &rep);
    ck_assert(!rep.orient_applied && !rep.skew_applied && !rep.background);
    ck_assert_str_eq(rep.orient_method, "off");
    ck_assert_int_eq(rep.crop[2], 0);
    ck_assert_float_eq(rep.scale, 1.0f);
    ck_assert_int_eq(rep.dpi_used, 300);
    ck_assert_int_eq(pixGetWidth(out), 1748);
    ck_assert_int_eq(pixGetHeight(out), 2480);
    ck_assert(rep.ms > 0);
    pixDestroy(&out);
    pixDestroy(&turned);
    pixDestroy(&page);
}
END_TEST

START_TEST(binarize_hands_over_the_mask)
{
    PIX *page = make_page(1748, 2480);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    p.binarize = true;
    folio_preprocess_report rep;
    PIX *out = run(page, 300, &p, &rep);
    ck_assert_int_eq(pixGetDepth(out), 1);
    ck_assert_str_eq(rep.binarize, "hysteresis");
    pixDestroy(&out);
    pixDestroy(&page);
}
END_TEST

START_TEST(without_osd_data_leptonica_decides)
{
    folio_preprocess *lone = folio_preprocess_create("/nonexistent-tessdata", err);
    ck_assert_ptr_nonnull(lone);
    ck_assert(!folio_preprocess_has_osd(lone));
    PIX *page = pixCreate(800, 1000, 8);
    pixSetAllArbitrary(page, 255);
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    folio_preprocess_report rep;
    PIX *out = folio_preprocess_run(lone, page, 300, &p, &rep, err);
    ck_assert_ptr_nonnull(out);
    ck_assert_str_eq(rep.orient_method, "leptonica (no osd data)");
    ck_assert(!rep.orient_applied);
    pixDestroy(&out);
    pixDestroy(&page);
    PIX *text = make_page(1748, 2480), *turned = pixRotateOrth(text, 2);
    out = folio_preprocess_run(lone, turned, 300, &p, &rep, err);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(rep.rotation, 180);
    pixDestroy(&out);
    pixDestroy(&turned);
    pixDestroy(&text);
    folio_preprocess_destroy(&lone);
}
END_TEST

/* ../shared/corpus/dev beside the checkout, or NULL. */
static const char *corpus_dir(void)
{
    static char buf[4096];
    const char *samples = getenv("FOLIO_SAMPLES");
    snprintf(buf, sizeof(buf), "%s/../../shared/corpus/dev", samples ? samples : "samples");
    return access(buf, R_OK) == 0 ? buf : NULL;
}

/* Orientation and skew of every page of the development corpus, against its truth. */
START_TEST(corpus_orientation_and_skew)
{
    const char *dir = corpus_dir();
    if (!dir)
        return; /* not beside the checkout: the made-up pages above must do */
    char path[4600];
    snprintf(path, sizeof(path), "%s/manifest.tsv", dir);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char line[512], name[256];
    int pages = 0;
    folio_preprocess_params p;
    folio_preprocess_params_init(&p);
    p.rescale = false;
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "%255s", name) != 1 || !strchr(name, '.') || !strcmp(name, "file"))
            continue;
        snprintf(path, sizeof(path), "%s/%.*s.truth.json", dir, (int)(strrchr(name, '.') - name),
                 name);
        json_t *truth = json_load_file(path, 0, NULL);
        ck_assert_ptr_nonnull(truth);
        json_t *scan = json_object_get(truth, "scan");
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        PIX *pix = pixRead(path);
        ck_assert_ptr_nonnull(pix);
        folio_preprocess_report rep;
        PIX *out = run(pix, pixGetXRes(pix), &p, &rep);
        int rot = (int)json_integer_value(json_object_get(scan, "rotated"));
        double skew = json_number_value(json_object_get(scan, "skew"));
        ck_assert_msg(rep.rotation == rot, "%s: turned %d, truth %d", name, rep.rotation, rot);
        ck_assert_msg(fabs(rep.skew_deg - skew) <= 0.2, "%s: skew %.3f, truth %.3f", name,
                      rep.skew_deg, skew);
        pixDestroy(&out);
        pixDestroy(&pix);
        json_decref(truth);
        pages++;
    }
    fclose(f);
    ck_assert_int_ge(pages, 30);
}
END_TEST

static Suite *preprocess_suite(void)
{
    Suite *s = suite_create("preprocess");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, params_default_every_step);
    tcase_add_test(tc, refuses_missing_arguments);
    tcase_add_loop_test(tc, deskews_known_angles, 0, sizeof(ANGLES) / sizeof(ANGLES[0]));
    tcase_add_loop_test(tc, finds_quarter_turns, 1, 4);
    tcase_add_test(tc, osd_reads_what_leptonica_reads);
    tcase_add_test(tc, blank_page_left_alone);
    tcase_add_test(tc, noise_page_left_alone);
    tcase_add_test(tc, border_removal_keeps_text_lines);
    tcase_add_test(tc, no_border_no_mask);
    tcase_add_loop_test(tc, estimates_resolution_from_text, 0, sizeof(DPIS) / sizeof(DPIS[0]));
    tcase_add_test(tc, wrong_tag_overruled_by_text);
    tcase_add_test(tc, bilevel_page_scaled_to_gray);
    tcase_add_test(tc, every_step_off_keeps_the_page);
    tcase_add_test(tc, binarize_hands_over_the_mask);
    tcase_add_test(tc, without_osd_data_leptonica_decides);
    tcase_add_test(tc, corpus_orientation_and_skew);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(preprocess_suite)
