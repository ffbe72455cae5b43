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

/* Every line on stderr is Folio's own ("folio: ..."), none a library's. */
static void only_folio_lines(const char *err)
{
    for (const char *p = err; *p;) {
        ck_assert_msg(strncmp(p, "folio", 5) == 0, "a raw line on stderr: %s", p);
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
}

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

/* convert, batch and watch share one table of conversion options: the same
 * values are refused with the same message by all three. */
START_TEST(conversion_options_shared)
{
    static const char *const bad[][2] = {
        {"convert --dpi 10 x.png", "--dpi takes a resolution from 50 to 4800: 10"},
        {"batch --dpi 10 -o /nonexistent x.png", "--dpi takes a resolution from 50 to 4800: 10"},
        {"watch --dpi 10 -o /nonexistent in", "--dpi takes a resolution from 50 to 4800: 10"},
        {"convert --timeout 0 x.png", "--timeout takes whole seconds"},
        {"batch --timeout 1.5 -o /nonexistent x.png", "--timeout takes whole seconds"},
        {"watch --timeout -1 -o /nonexistent in", "--timeout takes whole seconds"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *err = NULL;
        ck_assert_int_eq(run_folio(bad[i][0], NULL, &err), 2);
        ck_assert_msg(strstr(err, bad[i][1]), "%s: %s", bad[i][0], err);
        free(err);
    }
    char *out = NULL;
    for (int i = 0; i < 3; i++) {
        static const char *const cmd[] = {"convert --help", "batch --help", "watch --help"};
        ck_assert_int_eq(run_folio(cmd[i], &out, NULL), 0);
        ck_assert_msg(strstr(out, "--no-binarize") && strstr(out, "--no-second-pass"), "%s", cmd[i]);
        free(out);
    }
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
    only_folio_lines(err); /* not Tesseract's "Error opening data file" */
    free(err);
}
END_TEST

/* A 200000 x 200000 PNG header: refused from the header, before the engine starts. */
START_TEST(pixel_bomb_refused_before_the_engine)
{
    static const unsigned char png[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 3, 0x0d, 0x40, 0, 3, 0x0d, 0x40, 8, 0, 0, 0, 0, 0xdc, 0x50, 0xd7, 0xd6,
        0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};
    char *dir = make_tmpdir();
    char path[4200], args[8600];
    snprintf(path, sizeof(path), "%s/bomb.png", dir);
    spit(path, png, sizeof(png));
    snprintf(args, sizeof(args), "convert %s -o %s/out.txt --lang xyz_nonexistent", path, dir);
    char *err = NULL;
    /* exit 3, not 4: the bad language would only be noticed by the engine */
    ck_assert_int_eq(run_folio(args, NULL, &err), 3);
    ck_assert_msg(strstr(err, "bomb.png: 200000 x 200000 pixels exceed the limit"), "%s", err);
    only_folio_lines(err);
    free(err);
    snprintf(args, sizeof(args), "%s/out.txt", dir);
    ck_assert(access(args, F_OK) != 0);
    unlink(path);
    rmdir(dir);
    free(dir);
}
END_TEST

/* Truncated files: Folio's message alone, no "libpng error" or libjpeg line. */
START_TEST(truncated_inputs_print_no_library_messages)
{
    char *dir = make_tmpdir();
    char path[4200], args[8600];
    size_t len = 0;
    char *png = slurp(sample_path("seed-head.png"), &len);
    snprintf(path, sizeof(path), "%s/cut.png", dir);
    spit(path, png, len / 3);
    free(png);
    snprintf(args, sizeof(args), "convert %s", path);
    char *err = NULL;
    ck_assert_int_eq(run_folio(args, NULL, &err), 3);
    ck_assert_msg(strstr(err, "cut.png: corrupt or truncated png"), "%s", err);
    only_folio_lines(err);
    free(err);
    unlink(path);
    static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                                        1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xDB, 0, 67, 0};
    snprintf(path, sizeof(path), "%s/cut.jpg", dir);
    spit(path, jpg, sizeof(jpg));
    snprintf(args, sizeof(args), "convert %s", path);
    ck_assert_int_eq(run_folio(args, NULL, &err), 3);
    ck_assert_msg(strstr(err, "cut.jpg: corrupt or truncated jpeg"), "%s", err);
    only_folio_lines(err);
    free(err);
    unlink(path);
    rmdir(dir);
    free(dir);
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
    tcase_add_test(tc, conversion_options_shared);
    tcase_add_test(tc, missing_input_exit_3_names_file);
    tcase_add_test(tc, missing_language_exit_4);
    tcase_add_test(tc, pixel_bomb_refused_before_the_engine);
    tcase_add_test(tc, truncated_inputs_print_no_library_messages);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(cli_suite)
