/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/rows.c with the real Tesseract on a committed sample:
 * a line that recognition lost is found in the text mask, read alone and
 * put back where it was read; a full reading gains nothing.
 */
#include "pipeline/ocr.h"
#include "pipeline/preprocess.h"
#include "pipeline/rows.h"
#include "pipeline/text.h"
#include "testutil.h"
#include "seedfixture.h"

/* Every test reads the sample with the second pass. */
#define fixture_open(f) fixture_open_read((f), true)

static int recover(fixture *f)
{
    folio_rows_params p = {300, &identity, 0, true};
    folio_error *err = folio_error_create();
    int added = -1;
    ck_assert_int_eq(folio_rows_recover(f->ocr, f->gray, f->mask, &p, f->pg, &added, err), 0);
    folio_error_destroy(&err);
    return added;
}

START_TEST(full_reading_gains_no_rows)
{
    fixture f;
    fixture_open(&f);
    size_t n = f.pg->n_lines;
    ck_assert_int_eq(recover(&f), 0);
    ck_assert_uint_eq(f.pg->n_lines, n);
    fixture_close(&f);
}
END_TEST

/* Drop line k of the page, as page segmentation does; its text is returned (caller frees). */
static char *lose_line(folio_page *pg, size_t k)
{
    folio_line *ln = &pg->lines[k];
    char *text = ln->text;
    for (size_t j = 0; j < ln->n_words; j++)
        free(ln->words[j].text);
    free(ln->words);
    memmove(pg->lines + k, pg->lines + k + 1, (pg->n_lines - k - 1) * sizeof(*ln));
    pg->n_lines--;
    return text;
}

/* Is line k a middle line of a Chinese paragraph: Han text, its left edge
 * shared by the lines above and below? */
static bool paragraph_middle(const folio_page *pg, size_t k)
{
    uint32_t cp = 0;
    const char *t = pg->lines[k].text;
    folio_utf8_decode(t, strlen(t), &cp);
    int x = pg->lines[k].box.x;
    return folio_is_han(cp) && abs(pg->lines[k - 1].box.x - x) < 20 &&
           abs(pg->lines[k + 1].box.x - x) < 20;
}

START_TEST(lost_line_is_read_back_in_place)
{
    fixture f;
    fixture_open(&f);
    size_t k = 1;
    while (k + 1 < f.pg->n_lines && !paragraph_middle(f.pg, k))
        k++;
    ck_assert_uint_lt(k + 1, f.pg->n_lines);
    folio_box was = f.pg->lines[k].box;
    char *text = lose_line(f.pg, k);
    ck_assert_int_eq(recover(&f), 1);
    const folio_line *back = &f.pg->lines[k];
    ck_assert_msg(abs(back->box.y - was.y) < was.h / 2, "line came back at y %d, was %d",
                  back->box.y, was.y);
    /* its words, read alone, are the words it had (the first few characters) */
    ck_assert_msg(folio_utf8_len(back->text) + 2 >= folio_utf8_len(text) &&
                      strncmp(back->text, text, 12) == 0,
                  "read back '%s' for '%s'", back->text, text);
    free(text);
    fixture_close(&f);
}
END_TEST

START_TEST(bad_arguments)
{
    folio_page *pg = folio_page_new();
    folio_rows_params p = {300, &identity, 0, false};
    int added = 5;
    ck_assert_int_eq(folio_rows_recover(NULL, NULL, NULL, &p, pg, &added, NULL), FOLIO_EUSAGE);
    ck_assert_int_eq(added, 0);
    folio_page_destroy(&pg);
}
END_TEST

static Suite *rows_suite(void)
{
    Suite *s = suite_create("rows");
    TCase *tc = tcase_create("rows");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, full_reading_gains_no_rows);
    tcase_add_test(tc, lost_line_is_read_back_in_place);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(rows_suite)
