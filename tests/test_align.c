/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests of pipeline/align.c: a title found inside a citation, the edit
 * distance of two readings.
 */
#include "pipeline/align.h"
#include "testutil.h"

#include <stdint.h>

/* The non-space code points of s (folded) into a malloc'd array. */
static uint32_t *cps(const char *s, size_t *n)
{
    folio_ustr u;
    ck_assert_int_eq(folio_align_fold(s, &u), 0);
    uint32_t *v = malloc((u.n + 1) * sizeof(*v));
    memcpy(v, u.cp, u.n * sizeof(*v));
    *n = u.n;
    folio_ustr_free(&u);
    return v;
}

START_TEST(title_in_citation)
{
    size_t m, n, s, e;
    uint32_t *t = cps("冻融循环作用下再生骨料", &m);
    uint32_t *c = cps("李明远. 冻融循环作用下再生上骨料[J]. 学报", &n);
    /* one character OCR added inside the title: found, from 冻 to 料 */
    ck_assert(folio_align_span(t, m, c, n, &s, &e));
    ck_assert_uint_eq(s, 4);
    ck_assert_uint_eq(e, 4 + m + 1);
    ck_assert_uint_eq(c[0], 0x674E); /* reversed and restored */
    free(c);
    c = cps("李明远. 完全不同的一个题目[J]. 学报", &n);
    ck_assert(!folio_align_span(t, m, c, n, &s, &e));
    ck_assert_uint_eq(folio_align_end(t, m, c, n), SIZE_MAX);
    free(c);
    free(t);
}
END_TEST

START_TEST(distance_and_folding)
{
    size_t m, n;
    uint32_t *a = cps("４５(２)：112-120", &m); /* full-width forms fold to ASCII */
    uint32_t *b = cps("45(2): 122-120", &n);
    ck_assert_uint_eq(m, n);
    ck_assert_uint_eq(folio_align_distance(a, m, b, n), 1);
    ck_assert_uint_eq(folio_align_distance(a, m, a, m), 0);
    ck_assert_uint_eq(folio_align_distance(a, FOLIO_ALIGN_MAX + 1, b, n), SIZE_MAX);
    ck_assert(folio_align_stop(0xFF0C) && folio_align_stop('.') && !folio_align_stop(':'));
    free(a);
    free(b);
}
END_TEST

static Suite *align_suite(void)
{
    Suite *s = suite_create("align");
    TCase *units = tcase_create("units");
    tcase_add_test(units, title_in_citation);
    tcase_add_test(units, distance_and_folding);
    suite_add_tcase(s, units);
    return s;
}

FOLIO_TEST_MAIN(align_suite)
