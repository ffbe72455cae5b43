/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/coverage.c with the real Tesseract on a committed
 * sample: a full reading accounts for nearly all of the page's print, a
 * reading that lost lines or returned a row-wide word with one character
 * does not, and the measure says by how much; a lost line is found as a
 * row where it was.
 */
#include "pipeline/coverage.h"
#include "pipeline/ocr.h"
#include "pipeline/preprocess.h"
#include "pipeline/text.h"
#include "testutil.h"
#include "seedfixture.h"

/* Every test reads the sample without the second pass. */
#define fixture_open(f) fixture_open_read((f), false)

static folio_coverage measure(const fixture *f)
{
    folio_coverage c;
    ck_assert_int_eq(folio_coverage_measure(f->mask, f->pg, &identity, 300, &c), 0);
    ck_assert_int_eq(c.unread, c.uncovered + c.excess);
    return c;
}

START_TEST(full_reading_accounts_for_the_print)
{
    fixture f;
    fixture_open(&f);
    folio_coverage c = measure(&f);
    ck_assert_int_gt(c.components, 300);
    ck_assert_msg(c.unread * 10 < c.components, "unread %d of %d", c.unread, c.components);
    fixture_close(&f);
}
END_TEST

START_TEST(lost_lines_are_unread)
{
    fixture f;
    fixture_open(&f);
    folio_coverage full = measure(&f);
    /* Hide the second half of the lines, as if segmentation had dropped them. */
    size_t n = f.pg->n_lines, kept = n / 2;
    int hidden_chars = 0;
    for (size_t i = kept; i < n; i++)
        for (size_t j = 0; j < f.pg->lines[i].n_words; j++)
            hidden_chars += (int)folio_utf8_len(f.pg->lines[i].words[j].text);
    f.pg->n_lines = kept;
    folio_coverage lost = measure(&f);
    f.pg->n_lines = n;
    ck_assert_msg(lost.uncovered >= full.uncovered + hidden_chars / 2,
                  "uncovered %d -> %d with %d characters hidden", full.uncovered, lost.uncovered,
                  hidden_chars);
    fixture_close(&f);
}
END_TEST

START_TEST(row_wide_word_with_one_character_is_unread)
{
    fixture f;
    fixture_open(&f);
    folio_coverage full = measure(&f);
    /* The widest line's first word claims the whole line but one character. */
    folio_line *widest = &f.pg->lines[0];
    for (size_t i = 1; i < f.pg->n_lines; i++)
        if (f.pg->lines[i].box.w > widest->box.w)
            widest = &f.pg->lines[i];
    ck_assert_uint_ge(widest->n_words, 1);
    folio_word saved = widest->words[0];
    size_t saved_n = widest->n_words;
    widest->words[0].box = widest->box;
    widest->words[0].text = "x";
    widest->n_words = 1;
    folio_coverage wide = measure(&f);
    widest->words[0] = saved;
    widest->n_words = saved_n;
    ck_assert_msg(wide.excess >= full.excess + 20, "excess %d -> %d", full.excess, wide.excess);
    fixture_close(&f);
}
END_TEST

START_TEST(lost_row_is_found_where_the_line_was)
{
    fixture f;
    fixture_open(&f);
    folio_box *rows = NULL;
    size_t n = 9;
    ck_assert_int_eq(folio_coverage_lost_rows(f.mask, f.pg, &identity, 300, &rows, &n), 0);
    ck_assert_uint_eq(n, 0);
    free(rows);
    /* Hide one line in the middle of the page, as if segmentation had dropped it. */
    size_t k = f.pg->n_lines / 2;
    folio_line hidden = f.pg->lines[k];
    f.pg->lines[k].n_words = 0;
    ck_assert_int_eq(folio_coverage_lost_rows(f.mask, f.pg, &identity, 300, &rows, &n), 0);
    f.pg->lines[k] = hidden;
    ck_assert_uint_eq(n, 1);
    const folio_box *r = &rows[0], *l = &hidden.box;
    ck_assert_msg(
        abs(r->y - l->y) < l->h / 2 && abs(r->y + r->h - l->y - l->h) < l->h / 2 && r->w > l->w / 2,
        "row %d,%d %dx%d for line %d,%d %dx%d", r->x, r->y, r->w, r->h, l->x, l->y, l->w, l->h);
    free(rows);
    ck_assert_int_eq(folio_coverage_lost_rows(NULL, f.pg, &identity, 300, &rows, &n), -1);
    ck_assert_ptr_null(rows);
    ck_assert_uint_eq(n, 0);
    fixture_close(&f);
}
END_TEST

START_TEST(bad_arguments)
{
    folio_coverage c = {1, 1, 1, 1};
    folio_page *pg = folio_page_new();
    PIX *gray = pixCreate(10, 10, 8);
    ck_assert_int_eq(folio_coverage_measure(NULL, pg, &identity, 300, &c), -1);
    ck_assert_int_eq(c.components + c.unread, 0);
    ck_assert_int_eq(folio_coverage_measure(gray, pg, &identity, 300, &c), -1);
    ck_assert_int_eq(folio_coverage_measure(gray, pg, &identity, 300, NULL), -1);
    PIX *blank = pixCreate(100, 100, 1);
    ck_assert_int_eq(folio_coverage_measure(blank, pg, &identity, 0, &c), 0);
    ck_assert_int_eq(c.components, 0);
    ck_assert_int_eq(c.unread, 0);
    pixDestroy(&blank);
    pixDestroy(&gray);
    folio_page_destroy(&pg);
}
END_TEST

static Suite *coverage_suite(void)
{
    Suite *s = suite_create("coverage");
    TCase *tc = tcase_create("coverage");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, full_reading_accounts_for_the_print);
    tcase_add_test(tc, lost_lines_are_unread);
    tcase_add_test(tc, row_wide_word_with_one_character_is_unread);
    tcase_add_test(tc, lost_row_is_found_where_the_line_was);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(coverage_suite)
