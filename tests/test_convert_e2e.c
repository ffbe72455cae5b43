/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Integration: the real folio binary converts the committed samples with
 * the real Tesseract and Leptonica; assertions are on content.
 */
#include "pipeline/text.h"
#include "testutil.h"

#include <jansson.h>
#include <leptonica/allheaders.h>
#include <sys/stat.h>

/* Is there a space (or U+3000) with a Han character on both sides? */
static bool han_space_han(const char *s)
{
    size_t len = strlen(s);
    uint32_t prev = 0, cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (cp == ' ' || cp == 0x3000) {
            size_t j = i;
            uint32_t next = 0;
            while (j < len) {
                j += folio_utf8_decode(s + j, len - j, &next);
                if (next != ' ' && next != 0x3000)
                    break;
            }
            if (folio_is_han(prev) && folio_is_han(next))
                return true;
        }
        prev = cp;
    }
    return false;
}

START_TEST(seed_page_text)
{
    char *out = NULL, *err = NULL;
    char args[4200];
    snprintf(args, sizeof(args), "convert %s", sample_path("seed-head.png"));
    ck_assert_int_eq(run_folio(args, &out, &err), 0);
    ck_assert_msg(strstr(out, "国家战略腹地建设的内涵特征") != NULL, "title in: %s", out);
    ck_assert_msg(strstr(out, "10.11835/j.issn.1008-5831.zs.2024.04.016") != NULL, "DOI in: %s",
                  out);
    ck_assert(strstr(out, "School of Marxism, Chongqing University") != NULL);
    /* The page prints one space between two Chinese characters, in the
       affiliation (重庆大学 马克思主义学院); every other line prints none. */
    char *save = NULL;
    for (char *ln = strtok_r(out, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save))
        if (!strstr(ln, "400044"))
            ck_assert_msg(!han_space_han(ln), "no space between two Chinese characters: %s", ln);
    free(out);
    free(err);
}
END_TEST

START_TEST(seed_page_json_to_file)
{
    char *dir = make_tmpdir();
    char args[8400], path[4200];
    snprintf(path, sizeof(path), "%s/seed.json", dir);
    snprintf(args, sizeof(args), "convert %s -f json -o %s", sample_path("seed-head.png"), path);
    char *out = NULL;
    ck_assert_int_eq(run_folio(args, &out, NULL), 0);
    ck_assert_str_eq(out, ""); /* nothing on stdout with -o */
    free(out);
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    ck_assert_msg(doc != NULL, "%s", jerr.text);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "schema")), "folio/1");
    const char *sha = json_string_value(json_object_get(json_object_get(doc, "source"), "sha256"));
    ck_assert_uint_eq(strlen(sha), 64);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(doc, "image"), "width")),
                     2500);
    ck_assert_uint_ge(json_array_size(json_object_get(doc, "blocks")), 8);
    ck_assert(json_is_object(json_object_get(doc, "fields")));
    ck_assert(strstr(json_string_value(json_object_get(doc, "text")), "PU Qingping") != NULL);
    /* The default hands Tesseract the cleaned gray page, and the words of a
     * clean page account for nearly all of its print: no second reading. */
    json_t *pre = json_object_get(doc, "preprocess"), *rec = json_object_get(doc, "recognition");
    ck_assert_str_eq(json_string_value(json_object_get(pre, "binarize")), "none");
    json_int_t comps = json_integer_value(json_object_get(rec, "components"));
    json_int_t unread = json_integer_value(json_object_get(rec, "unread"));
    ck_assert_int_gt(comps, 300);
    ck_assert_msg(unread * 20 < comps, "unread %lld of %lld", (long long)unread, (long long)comps);
    ck_assert(json_is_false(json_object_get(rec, "reread")));
    ck_assert(json_is_null(json_object_get(doc, "note")));
    /* The sample is cut below the English affiliation: the English title is
     * a title (an author line follows it), not an unlabelled abstract. */
    json_t *f = json_object_get(doc, "fields");
    const char *title_en = json_string_value(json_object_get(f, "title_en"));
    ck_assert_msg(title_en && strstr(title_en, "strategic hinterland construction"), "%s",
                  title_en ? title_en : "null");
    ck_assert(json_is_null(json_object_get(f, "abstract_en")));
    ck_assert_uint_eq(json_array_size(json_object_get(f, "authors_en")), 2);
    json_decref(doc);
    unlink(path);
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(multipage_tiff_second_page)
{
    char args[4200];
    char *out = NULL;
    snprintf(args, sizeof(args), "convert --page 2 %s", sample_path("two-pages.tif"));
    ck_assert_int_eq(run_folio(args, &out, NULL), 0);
    ck_assert_msg(strstr(out, "English") != NULL, "page 2 is the English page: %s", out);
    free(out);
    snprintf(args, sizeof(args), "convert %s", sample_path("two-pages.tif"));
    ck_assert_int_eq(run_folio(args, &out, NULL), 0);
    ck_assert_msg(strstr(out, "多页扫描文档") != NULL, "page 1 is the Chinese page: %s", out);
    free(out);
}
END_TEST

START_TEST(corrupt_input_leaves_no_output)
{
    char *dir = make_tmpdir();
    char bad[4200], outp[4200], args[8600];
    snprintf(bad, sizeof(bad), "%s/broken.png", dir);
    size_t len = 0;
    char *png = slurp(sample_path("seed-head.png"), &len);
    spit(bad, png, len / 4);
    free(png);
    snprintf(outp, sizeof(outp), "%s/out.txt", dir);
    snprintf(args, sizeof(args), "convert %s -o %s", bad, outp);
    char *err = NULL;
    ck_assert_int_eq(run_folio(args, NULL, &err), 3);
    ck_assert(strstr(err, bad) != NULL);
    ck_assert(access(outp, F_OK) != 0);
    free(err);
    unlink(bad);
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(timeout_fails_the_page_with_exit_7)
{
    char *dir = make_tmpdir();
    char outp[4200], args[8600];
    snprintf(outp, sizeof(outp), "%s/out.txt", dir);
    snprintf(args, sizeof(args), "convert %s --timeout 1 -o %s", sample_path("seed-head.png"),
             outp);
    char *err = NULL;
    ck_assert_int_eq(run_folio(args, NULL, &err), 7);
    ck_assert_msg(strstr(err, "seed-head.png") && strstr(err, "time limit"), "%s", err);
    ck_assert(access(outp, F_OK) != 0);
    free(err);
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(implausible_dpi_tag_gives_a_note_and_a_result)
{
    PIX *pix = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(pix);
    pixSetResolution(pix, 2000000, 2000000);
    char *dir = make_tmpdir();
    char in[4200], args[8600];
    snprintf(in, sizeof(in), "%s/huge-dpi.png", dir);
    ck_assert_int_eq(pixWrite(in, pix, IFF_PNG), 0);
    pixDestroy(&pix);
    snprintf(args, sizeof(args), "convert %s --no-second-pass", in);
    char *out = NULL, *err = NULL;
    ck_assert_int_eq(run_folio(args, &out, &err), 0);
    ck_assert_msg(strstr(err, "folio: note: ") && strstr(err, "huge-dpi.png: resolution tag"), "%s",
                  err);
    ck_assert(strstr(out, "400044") != NULL);
    free(out);
    free(err);
    /* the same note is in the JSON */
    snprintf(args, sizeof(args), "convert %s --no-second-pass -f json", in);
    ck_assert_int_eq(run_folio(args, &out, &err), 0);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    ck_assert_msg(doc != NULL, "%s", jerr.text);
    const char *note = json_string_value(json_object_get(doc, "note"));
    ck_assert_msg(note && strstr(note, "huge-dpi.png: resolution tag"), "%s", note ? note : "null");
    json_decref(doc);
    free(out);
    free(err);
    unlink(in);
    rmdir(dir);
    free(dir);
}
END_TEST

static Suite *e2e_suite(void)
{
    Suite *s = suite_create("convert_e2e");
    TCase *tc = tcase_create("binary");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, seed_page_text);
    tcase_add_test(tc, seed_page_json_to_file);
    tcase_add_test(tc, multipage_tiff_second_page);
    tcase_add_test(tc, corrupt_input_leaves_no_output);
    tcase_add_test(tc, timeout_fails_the_page_with_exit_7);
    tcase_add_test(tc, implausible_dpi_tag_gives_a_note_and_a_result);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(e2e_suite)
