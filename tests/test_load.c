/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/load.c on real files: the committed samples, and bad
 * inputs made here (empty, text, truncated, pixel bombs in PNG, GIF and BMP, a
 * FIFO, an implausible resolution tag), bilevel pages that decode white on
 * black, and the memory entry point.
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

/* A GIF whose only frame claims w x h pixels (giflib would allocate them all). */
static size_t make_gif_header(unsigned char *b, unsigned w, unsigned h)
{
    static const unsigned char head[] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
                                         0, 0, 0, 255, 255, 255};
    memcpy(b, head, sizeof(head));
    size_t n = sizeof(head);
    const unsigned char desc[] = {0x2c, 0, 0, 0, 0, w & 255, w >> 8, h & 255, h >> 8, 0,
                                  2, 2, 0x44, 1, 0, 0x3b};
    memcpy(b + n, desc, sizeof(desc));
    return n + sizeof(desc);
}

START_TEST(refuses_gif_and_bmp_bombs_from_their_headers)
{
    unsigned char buf[64];
    char *dir = make_tmpdir();
    char path[4200];
    snprintf(path, sizeof(path), "%s/bomb.gif", dir);
    spit(path, buf, make_gif_header(buf, 65535, 65535)); /* screen 1 x 1, frame 65535^2 */
    expect_refused(path, "65535 x 65535 pixels exceed the limit");
    static const unsigned char bmp[54] = {
        'B', 'M', 54, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0,
        0x60, 0xea, 0, 0, 0x60, 0xea, 0, 0, 1, 0, 24, 0}; /* 60000 x 60000 x 24 */
    snprintf(path, sizeof(path), "%s/bomb.bmp", dir);
    spit(path, bmp, sizeof(bmp));
    expect_refused(path, "60000 x 60000 pixels exceed the limit");
    unlink(path);
    snprintf(path, sizeof(path), "%s/bomb.gif", dir);
    unlink(path);
    rmdir(dir);
    free(dir);
}
END_TEST

static void put16le(unsigned char *p, unsigned v)
{
    p[0] = v & 255, p[1] = v >> 8;
}

static void put32le(unsigned char *p, uint32_t v)
{
    p[0] = v & 255, p[1] = (v >> 8) & 255, p[2] = (v >> 16) & 255, p[3] = v >> 24;
}

/* An uncompressed 1-bit TIFF, directory first, then its one strip. \return its length. */
static size_t make_tiff_strip(unsigned char *b, unsigned w, unsigned h)
{
    static const unsigned short tags[][3] = {
        {256, 3, 0}, {257, 3, 0}, {258, 3, 1}, {259, 3, 1}, {262, 3, 0},
        {273, 4, 0}, {277, 3, 1}, {278, 3, 0}, {279, 4, 0},
    };
    size_t n = sizeof(tags) / sizeof(tags[0]), data = 8 + 2 + 12 * n + 4;
    uint32_t bytes = (w + 7) / 8 * h;
    memcpy(b, "II*\0", 4);
    put32le(b + 4, 8);
    put16le(b + 8, (unsigned)n);
    for (size_t i = 0; i < n; i++) {
        unsigned char *e = b + 10 + 12 * i;
        uint32_t v = tags[i][2];
        switch (tags[i][0]) {
        case 256: v = w; break;
        case 257: case 278: v = h; break;
        case 273: v = (uint32_t)data; break;
        case 279: v = bytes; break;
        }
        put16le(e, tags[i][0]);
        put16le(e + 2, tags[i][1]);
        put32le(e + 4, 1);
        put32le(e + 8, 0);
        if (tags[i][1] == 3)
            put16le(e + 8, v);
        else
            put32le(e + 8, v);
    }
    put32le(b + 10 + 12 * n, 0);
    memset(b + data, 0x0f, bytes);
    return data + bytes;
}

START_TEST(refuses_truncated_files_before_decoding)
{
    char *dir = make_tmpdir();
    char path[4200];
    size_t len = 0;
    unsigned char tif[1024];
    size_t tlen = make_tiff_strip(tif, 64, 40); /* 64 x 40, 1 bit: 122 + 320 bytes */
    snprintf(path, sizeof(path), "%s/cut.tif", dir);
    spit(path, tif, tlen);
    folio_loaded img;
    ck_assert_int_eq(folio_load_page(path, 0, &lim, &img, err), 0); /* whole: fine */
    pixDestroy(&img.pix);
    spit(path, tif, tlen - 100); /* the directory kept, the strip cut */
    expect_refused(path, "corrupt or truncated tiff data (its pixel data runs past");
    char *png = slurp(sample_path("seed-head.png"), &len);
    snprintf(path, sizeof(path), "%s/flipped.png", dir);
    png[len / 2] ^= 0x10; /* one bit of IDAT: the chunk's CRC no longer matches */
    spit(path, png, len);
    expect_refused(path, "CRC");
    png[len / 2] ^= 0x10;
    spit(path, png, 64);
    expect_refused(path, "no IEND");
    ck_assert_int_eq(folio_load_check(path, 0, &lim, err), FOLIO_EINPUT); /* no decoding */
    free(png);
    /* a JPEG without its end: the framing walk refuses it, libjpeg never prints */
    static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                                        1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xDB, 0, 67, 0};
    snprintf(path, sizeof(path), "%s/cut.jpg", dir);
    spit(path, jpg, sizeof(jpg));
    expect_refused(path, "corrupt or truncated jpeg");
    unlink(path);
    snprintf(path, sizeof(path), "%s/cut.tif", dir);
    unlink(path);
    snprintf(path, sizeof(path), "%s/flipped.png", dir);
    unlink(path);
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(implausible_dpi_tag_is_ignored_with_a_note)
{
    PIX *pix = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(pix);
    pixSetResolution(pix, 2000000, 2000000);
    l_uint8 *png = NULL;
    size_t len = 0;
    ck_assert_int_eq(pixWriteMem(&png, &len, pix, IFF_PNG), 0);
    folio_loaded img;
    ck_assert_int_eq(folio_load_page_mem("huge-dpi.png", png, len, 0, &lim, &img, err), 0);
    ck_assert_int_eq(img.dpi, 0);
    ck_assert_msg(strstr(img.note, "huge-dpi.png") && strstr(img.note, "ignored"), "%s", img.note);
    pixDestroy(&img.pix);
    ck_assert_int_eq(folio_load_page(sample_path("seed-head.png"), 0, &lim, &img, err), 0);
    ck_assert_int_eq(img.dpi, 300);
    ck_assert_str_eq(img.note, "");
    pixDestroy(&img.pix);
    free(png);
    pixDestroy(&pix);
}
END_TEST

START_TEST(memory_entry_point_and_work_budget)
{
    size_t len = 0;
    char *png = slurp(sample_path("seed-head.png"), &len);
    folio_loaded img;
    ck_assert_int_eq(folio_load_page_mem("mem.png", (unsigned char *)png, len, 0, &lim, &img, err),
                     0);
    ck_assert_int_eq(img.width, 2500);
    ck_assert_uint_eq(strlen(img.sha256), 64);
    pixDestroy(&img.pix);
    ck_assert_int_eq(folio_load_page_mem("mem.png", NULL, 0, 0, &lim, &img, err), FOLIO_EINPUT);
    ck_assert(strstr(folio_error_message(err), "mem.png: empty") != NULL);
    /* 2500 x 1800 8-bit: about 4.5 Mpx x 13 bytes = 55 MiB, over a 32 MiB budget */
    lim.max_work_bytes = 32 << 20;
    ck_assert_int_eq(folio_load_page_mem("mem.png", (unsigned char *)png, len, 0, &lim, &img, err),
                     FOLIO_EINPUT);
    ck_assert_ptr_null(img.pix);
    ck_assert_msg(strstr(folio_error_message(err), "per-worker budget") != NULL, "%s",
                  folio_error_message(err));
    free(png);
}
END_TEST

/* Read an unsigned 16- or 32-bit TIFF value at p in the file's byte order. */
static uint32_t tif_get(const unsigned char *p, int bytes, int le)
{
    uint32_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint32_t)p[le ? i : bytes - 1 - i] << (8 * (le ? i : bytes - 1 - i));
    return v;
}

/* Swap the first directory's PhotometricInterpretation (262) between
   WhiteIsZero (0) and BlackIsZero (1), leaving the pixel data as it is. */
static void flip_photometric(unsigned char *tif, size_t len)
{
    ck_assert_uint_ge(len, 8);
    int le = tif[0] == 'I';
    uint32_t ifd = tif_get(tif + 4, 4, le);
    ck_assert_uint_le(ifd + 2, len);
    uint32_t n = tif_get(tif + ifd, 2, le);
    for (uint32_t i = 0; i < n; i++) {
        unsigned char *e = tif + ifd + 2 + 12 * i;
        ck_assert_uint_le(ifd + 2 + 12 * (i + 1), len);
        if (tif_get(e, 2, le) != 262)
            continue;
        uint32_t v = tif_get(e + 8, 2, le);
        ck_assert_uint_le(v, 1);
        e[8 + (le ? 0 : 1)] = (unsigned char)(1 - v);
        return;
    }
    ck_abort_msg("no photometric tag");
}

/* pix as a 1-bit G4 TIFF in memory (caller frees). */
static unsigned char *g4_tiff(PIX *pix, size_t *plen)
{
    l_uint8 *tif = NULL;
    ck_assert_int_eq(pixWriteMemTiff(&tif, plen, pix, IFF_TIFF_G4), 0);
    return tif;
}

/* Load a TIFF from memory; \return its page (caller destroys), note in note[256]. */
static PIX *load_tiff_mem(const char *name, const unsigned char *tif, size_t len, char *note)
{
    folio_loaded img;
    ck_assert_int_eq(folio_load_page_mem(name, tif, len, 0, &lim, &img, err), 0);
    ck_assert_int_eq(img.depth, 1);
    memcpy(note, img.note, sizeof(img.note));
    return img.pix;
}

START_TEST(inverted_bilevel_page_is_detected_and_inverted)
{
    PIX *page = pixReadTiff(sample_path("two-pages.tif"), 0);
    ck_assert_ptr_nonnull(page);
    char note[256];
    size_t len = 0;
    /* the page itself: mostly paper, loaded as it is, no note */
    unsigned char *tif = g4_tiff(page, &len);
    PIX *got = load_tiff_mem("ok.tif", tif, len, note);
    l_int32 same = 0;
    pixEqual(got, page, &same);
    ck_assert_msg(same, "a normal page is left alone");
    ck_assert_str_eq(note, "");
    pixDestroy(&got);
    /* the same bits tagged BlackIsZero: decodes white on black, comes back whole */
    flip_photometric(tif, len);
    got = load_tiff_mem("flipped.tif", tif, len, note);
    pixEqual(got, page, &same);
    ck_assert_msg(same, "the wrongly tagged page is inverted back to the page");
    ck_assert_msg(strstr(note, "flipped.tif") && strstr(note, "inverted"), "%s", note);
    pixDestroy(&got);
    free(tif);
    /* a negative stored faithfully (white text on black, tagged correctly) */
    PIX *neg = pixInvert(NULL, page);
    tif = g4_tiff(neg, &len);
    got = load_tiff_mem("negative.tif", tif, len, note);
    pixEqual(got, page, &same);
    ck_assert_msg(same, "a negative page is inverted to the page");
    ck_assert_msg(strstr(note, "inverted") != NULL, "%s", note);
    pixDestroy(&got);
    free(tif);
    pixDestroy(&neg);
    pixDestroy(&page);
}
END_TEST

START_TEST(dark_borders_alone_do_not_invert_a_page)
{
    /* 1000 x 1000, black but for a white 600 x 600 middle: 64% ink over the
       page, 44% over its central 800 x 800, so only the margins are dark */
    PIX *pix = pixCreate(1000, 1000, 1);
    pixSetAll(pix);
    pixRasterop(pix, 200, 200, 600, 600, PIX_CLR, NULL, 0, 0);
    size_t len = 0;
    unsigned char *tif = g4_tiff(pix, &len);
    char note[256];
    PIX *got = load_tiff_mem("borders.tif", tif, len, note);
    l_int32 same = 0;
    pixEqual(got, pix, &same);
    ck_assert_msg(same, "a page with dark borders is not inverted");
    ck_assert_str_eq(note, "");
    pixDestroy(&got);
    free(tif);
    pixDestroy(&pix);
}
END_TEST

START_TEST(inverted_bilevel_page_reads_like_the_page)
{
    PIX *page = pixReadTiff(sample_path("two-pages.tif"), 0);
    ck_assert_ptr_nonnull(page);
    size_t len = 0;
    unsigned char *tif = g4_tiff(page, &len);
    flip_photometric(tif, len);
    char *dir = make_tmpdir(), path[4200], args[8600];
    snprintf(path, sizeof(path), "%s/flipped.tif", dir);
    spit(path, tif, len);
    char *want = NULL, *got = NULL, *msg = NULL;
    snprintf(args, sizeof(args), "convert '%s' --page 1", sample_path("two-pages.tif"));
    ck_assert_int_eq(run_folio(args, &want, NULL), 0);
    snprintf(args, sizeof(args), "convert '%s'", path);
    ck_assert_int_eq(run_folio(args, &got, &msg), 0);
    ck_assert_msg(strlen(want) > 20, "the page has text: '%s'", want);
    ck_assert_str_eq(got, want);
    ck_assert_msg(strstr(msg, "folio: note:") && strstr(msg, "inverted"), "%s", msg);
    free(want);
    free(got);
    free(msg);
    free(tif);
    rm_rf(dir);
    pixDestroy(&page);
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
    tcase_add_test(tc, refuses_gif_and_bmp_bombs_from_their_headers);
    tcase_add_test(tc, refuses_truncated_files_before_decoding);
    tcase_add_test(tc, implausible_dpi_tag_is_ignored_with_a_note);
    tcase_add_test(tc, memory_entry_point_and_work_budget);
    tcase_add_test(tc, inverted_bilevel_page_is_detected_and_inverted);
    tcase_add_test(tc, dark_borders_alone_do_not_invert_a_page);
    tcase_add_test(tc, inverted_bilevel_page_reads_like_the_page);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(load_suite)
