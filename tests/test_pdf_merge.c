/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/pdf_merge.c on tiny PDFs written by the test, each page
 * printing its own word: the merged file has every page in the order given
 * (pdftotext, `qpdf --show-npages`, `qpdf --check`), and a missing or
 * damaged input names itself and leaves nothing at the output path.
 * (Leptonica 1.82's PDFs are not used: their /Pages object lacks its
 * "endobj", which qpdf warns about and the merge refuses.)
 */
#include "folio/folio.h"
#include "pipeline/pdf_merge.h"
#include "testutil.h"

#include <dirent.h>
#include <stdbool.h>

/* A PDF at path with one page per word, printing it in Helvetica. */
static void write_pdf(const char *path, const char *const *words, int n)
{
    char buf[16384];
    long off[64];
    int len = 0, obj = 0;
    ck_assert_int_le(3 + 2 * n, 63);
#define PUT(...) (len += snprintf(buf + len, sizeof(buf) - (size_t)len, __VA_ARGS__))
    PUT("%%PDF-1.4\n");
    off[++obj] = len;
    PUT("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    off[++obj] = len;
    PUT("2 0 obj\n<< /Type /Pages /Count %d /Kids [", n);
    for (int i = 0; i < n; i++)
        PUT(" %d 0 R", 4 + 2 * i);
    PUT(" ] >>\nendobj\n");
    off[++obj] = len;
    PUT("3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
    for (int i = 0; i < n; i++) {
        char content[256];
        int clen =
            snprintf(content, sizeof(content), "BT /F1 24 Tf 20 40 Td (%s) Tj ET\n", words[i]);
        off[++obj] = len;
        PUT("%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>\nendobj\n",
            obj, obj + 1);
        off[++obj] = len;
        PUT("%d 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n", obj, clen, content);
    }
    long xref = len;
    PUT("xref\n0 %d\n0000000000 65535 f \n", obj + 1);
    for (int i = 1; i <= obj; i++)
        PUT("%010ld 00000 n \n", off[i]);
    PUT("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", obj + 1, xref);
#undef PUT
    ck_assert_int_lt(len, (int)sizeof(buf));
    spit(path, buf, (size_t)len);
}

/* The standard output of a shell command, which must exit 0; caller frees. */
static char *capture(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char *s = calloc(1, 65536);
    size_t n = fread(s, 1, 65535, p);
    s[n] = '\0';
    ck_assert_msg(pclose(p) == 0, "`%s` succeeds", cmd);
    return s;
}

/* The words pdftotext finds in the PDF at path, one space between them; caller frees. */
static char *pdf_words(const char *path)
{
    char cmd[4400];
    snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - | tr -s ' \\n\\f' '   '", path);
    char *s = capture(cmd);
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

START_TEST(pages_in_the_order_given)
{
    char *dir = make_tmpdir();
    char a[4200], b[4200], out[4200], cmd[8600];
    snprintf(a, sizeof(a), "%s/a.pdf", dir);
    snprintf(b, sizeof(b), "%s/b.pdf", dir);
    snprintf(out, sizeof(out), "%s/merged.pdf", dir);
    write_pdf(a, (const char *[]){"alpha"}, 1);
    write_pdf(b, (const char *[]){"bravo", "charlie"}, 2);
    snprintf(cmd, sizeof(cmd),
             "qpdf --check '%s' >/dev/null 2>&1 && qpdf --check '%s' >/dev/null 2>&1", a, b);
    ck_assert_msg(system(cmd) == 0, "the test's own PDFs are clean");

    const char *paths[] = {b, a};
    folio_error *err = folio_error_create();
    ck_assert_msg(folio_pdf_merge(paths, 2, out, err) == 0, "merged: %s", folio_error_message(err));
    char *words = pdf_words(out);
    ck_assert_str_eq(words, "bravo charlie alpha");
    free(words);
    snprintf(cmd, sizeof(cmd), "qpdf --show-npages '%s'", out);
    char *npages = capture(cmd);
    ck_assert_int_eq(atoi(npages), 3);
    free(npages);
    snprintf(cmd, sizeof(cmd), "qpdf --check '%s' >/dev/null 2>&1", out);
    ck_assert_msg(system(cmd) == 0, "qpdf --check passes on %s", out);

    /* Same pages in, same bytes out (no random /ID). */
    size_t len1 = 0, len2 = 0;
    char *first = slurp(out, &len1);
    ck_assert_int_eq(folio_pdf_merge(paths, 2, out, err), 0);
    char *second = slurp(out, &len2);
    ck_assert(len1 == len2 && memcmp(first, second, len1) == 0);
    /* It declares its inputs' PDF version ("%PDF-1.x"), not qpdf's empty document's. */
    char *input = slurp(a, NULL);
    ck_assert_msg(!strncmp(first, input, 8), "header %.8s, input's %.8s", first, input);
    free(input);
    free(first);
    free(second);
    ck_assert_int_eq(count_entries(dir), 3); /* a, b, merged: no temporary file left */
    folio_error_destroy(&err);
    rm_rf(dir);
}
END_TEST

/* Merging paths into out fails with FOLIO_EINPUT naming bad, and leaves the
 * folder as it was. */
static void assert_refused(const char *dir, const char *const *paths, size_t n, const char *out,
                           const char *bad)
{
    int before = count_entries(dir);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_pdf_merge(paths, n, out, err), FOLIO_EINPUT);
    ck_assert_int_eq(folio_error_code(err), FOLIO_EINPUT);
    ck_assert_msg(strstr(folio_error_message(err), bad) != NULL, "the message names %s: %s", bad,
                  folio_error_message(err));
    ck_assert_int_eq(count_entries(dir), before);
    folio_error_destroy(&err);
}

START_TEST(missing_or_damaged_input_writes_nothing)
{
    char *dir = make_tmpdir();
    char a[4200], missing[4200], cut[4200], out[4200];
    snprintf(a, sizeof(a), "%s/a.pdf", dir);
    snprintf(missing, sizeof(missing), "%s/missing.pdf", dir);
    snprintf(cut, sizeof(cut), "%s/cut.pdf", dir);
    snprintf(out, sizeof(out), "%s/merged.pdf", dir);
    write_pdf(a, (const char *[]){"alpha"}, 1);
    write_pdf(cut, (const char *[]){"bravo", "charlie"}, 2);
    size_t len = 0;
    char *whole = slurp(cut, &len);
    spit(cut, whole, len / 2); /* no cross-reference table, no trailer */
    free(whole);

    const char *with_missing[] = {a, missing};
    assert_refused(dir, with_missing, 2, out, missing);
    ck_assert(access(out, F_OK) != 0);
    const char *with_cut[] = {a, cut};
    assert_refused(dir, with_cut, 2, out, cut);
    ck_assert(access(out, F_OK) != 0);

    /* A merged file from before stays as it was. */
    spit(out, "old", 3);
    assert_refused(dir, with_cut, 2, out, cut);
    char *kept = slurp(out, NULL);
    ck_assert_str_eq(kept, "old");
    free(kept);
    rm_rf(dir);
}
END_TEST

START_TEST(bad_arguments)
{
    folio_error *err = folio_error_create();
    const char *one[] = {"x.pdf"};
    ck_assert_int_eq(folio_pdf_merge(NULL, 1, "/tmp/x.pdf", err), FOLIO_EUSAGE);
    ck_assert_int_eq(folio_pdf_merge(one, 0, "/tmp/x.pdf", err), FOLIO_EUSAGE);
    ck_assert_int_eq(folio_pdf_merge(one, 1, NULL, err), FOLIO_EUSAGE);
    folio_error_destroy(&err);
}
END_TEST

static Suite *pdf_merge_suite(void)
{
    Suite *s = suite_create("pdf_merge");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, pages_in_the_order_given);
    tcase_add_test(tc, missing_or_damaged_input_writes_nothing);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(pdf_merge_suite)
