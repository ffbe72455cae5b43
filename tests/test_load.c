/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/load.c on real files: the committed samples, and bad
 * inputs made here (empty, text, truncated, a pixel bomb, a FIFO).
 */
#include "pipeline/load.h"
#include "testutil.h"

#include <sys/stat.h>

static folio_load_limits lim;
static folio_error *err;

static void setup(void)
{
    folio_load_limits_init(&lim);
    err = folio_error_create();
}

static void teardown(void)
{
    folio_error_destroy(&err);
}

static uint32_t crc32_png(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

/* A PNG that claims w x h pixels and holds none. */
static size_t make_png_header(unsigned char *buf, uint32_t w, uint32_t h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    memcpy(buf, sig, 8);
    put32(buf + 8, 13);
    memcpy(buf + 12, "IHDR", 4);
    put32(buf + 16, w);
    put32(buf + 20, h);
    buf[24] = 8, buf[25] = 0, buf[26] = 0, buf[27] = 0, buf[28] = 0;
    put32(buf + 29, crc32_png(buf + 12, 17));
    put32(buf + 33, 0);
    memcpy(buf + 37, "IEND", 4);
    put32(buf + 41, crc32_png(buf + 37, 4));
    return 45;
}

static void expect_refused(const char *path, const char *reason)
{
    folio_loaded img;
    ck_assert_int_eq(folio_load_page(path, 0, &lim, &img, err), FOLIO_EINPUT);
    ck_assert_ptr_null(img.pix);
    ck_assert_msg(strstr(folio_error_message(err), path) != NULL, "message names the file: %s",
                  folio_error_message(err));
    ck_assert_msg(strstr(folio_error_message(err), reason) != NULL, "reason '%s' in: %s",
                  reason, folio_error_message(err));
}

START_TEST(loads_gray_png_with_its_dpi)
{
    folio_loaded img;
    ck_assert_int_eq(folio_load_page(sample_path("seed-head.png"), 0, &lim, &img, err), 0);
    ck_assert_ptr_nonnull(img.pix);
    ck_assert_int_eq(img.width, 2500);
    ck_assert_int_eq(img.depth, 8);
    ck_assert_int_eq(img.dpi, 300);
    ck_assert_int_eq(img.pages, 1);
    ck_assert_str_eq(img.format, "png");
    ck_assert_uint_eq(strlen(img.sha256), 64);
    pixDestroy(&img.pix);
}
END_TEST

START_TEST(multipage_tiff_pages)
{
    const char *p = sample_path("two-pages.tif");
    ck_assert_int_eq(folio_load_count_pages(p, &lim, err), 2);
    folio_loaded a, b;
    ck_assert_int_eq(folio_load_page(p, 0, &lim, &a, err), 0);
    ck_assert_int_eq(folio_load_page(p, 1, &lim, &b, err), 0);
    ck_assert_int_eq(a.depth, 1);
    ck_assert_int_eq(a.dpi, 200);
    ck_assert_int_ne(a.height, b.height); /* two different pages */
    ck_assert_str_eq(a.sha256, b.sha256);  /* one file */
    pixDestroy(&a.pix);
    pixDestroy(&b.pix);
    folio_loaded c;
    ck_assert_int_eq(folio_load_page(p, 2, &lim, &c, err), FOLIO_EINPUT);
    ck_assert(strstr(folio_error_message(err), "has 2 page(s)") != NULL);
}
END_TEST

START_TEST(sha256_known_vector)
{
    char hex[65];
    ck_assert_int_eq(folio_sha256_hex("abc", 3, hex), 0);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(refuses_bad_files)
{
    char *dir = make_tmpdir();
    char path[4200];
    snprintf(path, sizeof(path), "%s/missing.png", dir);
    expect_refused(path, "cannot open");
    snprintf(path, sizeof(path), "%s/empty.png", dir);
    spit(path, "", 0);
    expect_refused(path, "empty file");
    snprintf(path, sizeof(path), "%s/notes.png", dir);
    spit(path, "this is a text file, not a picture\n", 35);
    expect_refused(path, "not an image");
    expect_refused(dir, "not a regular file");
    snprintf(path, sizeof(path), "%s/fifo.png", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    expect_refused(path, "not a regular file");
    unlink(path);
    size_t len = 0;
    char *png = slurp(sample_path("seed-head.png"), &len);
    snprintf(path, sizeof(path), "%s/truncated.png", dir);
    spit(path, png, len / 3);
    expect_refused(path, "corrupt or truncated");
    free(png);
    remove(path);
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(refuses_pixel_bomb_before_decoding)
{
    unsigned char buf[64];
    size_t n = make_png_header(buf, 200000, 200000);
    char *dir = make_tmpdir();
    char path[4200];
    snprintf(path, sizeof(path), "%s/bomb.png", dir);
    spit(path, buf, n);
    expect_refused(path, "exceed the limit");
    n = make_png_header(buf, 9000, 14000); /* 126 Mpx: over the pixel budget */
    spit(path, buf, n);
    expect_refused(path, "exceed the limit");
    unlink(path);
    rmdir(dir);
    free(dir);
}
END_TEST

static Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, loads_gray_png_with_its_dpi);
    tcase_add_test(tc, multipage_tiff_pages);
    tcase_add_test(tc, sha256_known_vector);
    tcase_add_test(tc, refuses_bad_files);
    tcase_add_test(tc, refuses_pixel_bomb_before_decoding);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(load_suite)
