/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/cli.c: argument validation in-process, and the real
 * folio binary's help, version, usage errors and exit codes.
 */
#include "pipeline/cli.h"
#include "testutil.h"

START_TEST(parse_int_bounds)
{
    long v = 0;
    ck_assert_int_eq(folio_cli_parse_int("300", 50, 4800, &v), 0);
    ck_assert_int_eq(v, 300);
    ck_assert_int_eq(folio_cli_parse_int("49", 50, 4800, &v), -1);
    ck_assert_int_eq(folio_cli_parse_int("30O", 50, 4800, &v), -1);
    ck_assert_int_eq(folio_cli_parse_int("", 0, 10, &v), -1);
    ck_assert_int_eq(folio_cli_parse_int(NULL, 0, 10, &v), -1);
    ck_assert_int_eq(folio_cli_parse_int("99999999999999999999", 0, 10, &v), -1);
}
END_TEST

START_TEST(parse_formats_lists)
{
    folio_format f[FOLIO_FMT_COUNT];
    ck_assert_int_eq(folio_cli_parse_formats("json", f), 1);
    ck_assert_int_eq(f[0], FOLIO_FMT_JSON);
    ck_assert_int_eq(folio_cli_parse_formats("txt,json,txt", f), 2); /* repeats dropped */
    ck_assert_int_eq(f[1], FOLIO_FMT_JSON);
    ck_assert_int_eq(folio_cli_parse_formats("docx", f), -1);
    ck_assert_int_eq(folio_cli_parse_formats(",", f), -1);
}
END_TEST

START_TEST(help_and_version)
{
    char *out = NULL;
    ck_assert_int_eq(run_folio("--help", &out, NULL), 0);
    ck_assert(strstr(out, "convert") && strstr(out, "Exit codes"));
    free(out);
    ck_assert_int_eq(run_folio("convert --help", &out, NULL), 0);
    ck_assert(strstr(out, "--format") && strstr(out, "--tessdata") && strstr(out, "--dpi"));
    free(out);
    ck_assert_int_eq(run_folio("--version", &out, NULL), 0);
    ck_assert(strstr(out, "folio ") && strstr(out, "tesseract 5") && strstr(out, "leptonica"));
    ck_assert(strstr(out, "tessdata /"));
    free(out);
}
END_TEST

START_TEST(usage_errors_exit_2)
{
    char *err = NULL;
    ck_assert_int_eq(run_folio("", NULL, &err), 2);
    free(err);
    ck_assert_int_eq(run_folio("frobnicate", NULL, &err), 2);
    ck_assert(strstr(err, "unknown command 'frobnicate'"));
    free(err);
    ck_assert_int_eq(run_folio("convert --bogus x.png", NULL, &err), 2);
    ck_assert(strstr(err, "--bogus"));
    free(err);
    ck_assert_int_eq(run_folio("convert", NULL, &err), 2);
    ck_assert(strstr(err, "no PAGE"));
    free(err);
    ck_assert_int_eq(run_folio("convert --dpi 3 x.png", NULL, &err), 2);
    free(err);
    ck_assert_int_eq(run_folio("convert -f txt,json x.png", NULL, &err), 2);
    free(err);
    ck_assert_int_eq(run_folio("convert -f docx x.png", NULL, &err), 2);
    ck_assert(strstr(err, "docx"));
    free(err);
}
END_TEST

START_TEST(missing_input_exit_3_names_file)
{
    char *err = NULL, *out = NULL;
    ck_assert_int_eq(run_folio("convert /nonexistent/page-17.png", &out, &err), 3);
    ck_assert(strstr(err, "/nonexistent/page-17.png"));
    ck_assert(strstr(err, "No such file"));
    ck_assert_str_eq(out, "");
    free(err);
    free(out);
}
END_TEST

START_TEST(missing_language_exit_4)
{
    char *err = NULL;
    char args[4200];
    snprintf(args, sizeof(args), "convert --lang xyz_nonexistent %s",
             sample_path("seed-head.png"));
    ck_assert_int_eq(run_folio(args, NULL, &err), 4);
    ck_assert(strstr(err, "xyz_nonexistent"));
    free(err);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, parse_int_bounds);
    tcase_add_test(tc, parse_formats_lists);
    tcase_add_test(tc, help_and_version);
    tcase_add_test(tc, usage_errors_exit_2);
    tcase_add_test(tc, missing_input_exit_3_names_file);
    tcase_add_test(tc, missing_language_exit_4);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(cli_suite)
