/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests of pipeline/pinyin.c: the pinyin of Chinese names and their
 * agreement with the Latin spellings journals print.
 */
#include "pipeline/pinyin.h"
#include "testutil.h"

static folio_pinyin *py;

static void open_pinyin(void)
{
    py = folio_pinyin_create();
    ck_assert_ptr_nonnull(py);
}

static void close_pinyin(void)
{
    folio_pinyin_destroy(&py);
    ck_assert_ptr_null(py);
}

START_TEST(syllables)
{
    char *s = folio_pinyin_of(py, "黄若曦");
    ck_assert_str_eq(s, "huang ruo xi");
    free(s);
    s = folio_pinyin_of(py, "吕");
    ck_assert_str_eq(s, "lu"); /* tone and ü dropped */
    free(s);
    ck_assert_ptr_null(folio_pinyin_of(py, "Wale --"));
    ck_assert_ptr_null(folio_pinyin_of(py, "马睿1"));
    ck_assert_ptr_null(folio_pinyin_of(py, ""));
    ck_assert_ptr_null(folio_pinyin_of(py, NULL));
    ck_assert_ptr_null(folio_pinyin_of(NULL, "马睿"));
    folio_pinyin_destroy(NULL);
}
END_TEST

static void assert_agree(const char *zh, const char *en, int want, bool want_full)
{
    bool full = !want_full;
    int got = folio_pinyin_agreement(py, zh, en, &full);
    ck_assert_msg(got == want && full == want_full, "%s / %s: %d %d, want %d %d", zh, en, got, full,
                  want, want_full);
}

START_TEST(agreement)
{
    /* the forms journals print: surname first in capitals, given name whole, hyphenated or
     * as initials; surname last in title case */
    assert_agree("黄若曦", "HUANG Ruoxi", 3, true);
    assert_agree("黄若曦", "HUANG Ruo-Xi", 3, true);
    assert_agree("黄若曦", "HUANG R X", 3, true);
    assert_agree("黄若曦", "Ruoxi Huang", 3, true);
    assert_agree("马睿", "MA Rui", 2, true);
    assert_agree("欧阳修", "OUYANG Xiu", 3, true);
    /* a surname read otherwise in names; ü spelt v or yu */
    assert_agree("曾志强", "ZENG Zhiqiang", 3, true);
    assert_agree("吕文", "LYU Wen", 2, true);
    assert_agree("吕文", "LV Wen", 2, true);
    /* misreadings: the syllables that still agree, none when the surname does not */
    assert_agree("黄若赚", "HUANG Ruoxi", 2, false);
    assert_agree("马蹇", "MA Rui", 1, false);
    assert_agree("邓丽旭", "DENG Lijuan", 2, false);
    assert_agree("和孙鹏", "SUN Peng", 0, false);
    assert_agree("赵丽孙鹏", "ZHAO Li", 2, false); /* more syllables than the Latin name */
    assert_agree("马睿", "MA Rui Extra", 2, false);
    /* not names */
    assert_agree("马睿", "MA", 0, false);
    assert_agree("马睿", "MA 2024", 0, false);
    assert_agree("马睿", NULL, 0, false);
    bool full;
    ck_assert_int_eq(folio_pinyin_agreement(py, "Wale", "MA Rui", &full), -1);
}
END_TEST

static Suite *pinyin_suite(void)
{
    Suite *s = suite_create("pinyin");
    TCase *units = tcase_create("units");
    tcase_add_checked_fixture(units, open_pinyin, close_pinyin);
    tcase_add_test(units, syllables);
    tcase_add_test(units, agreement);
    suite_add_tcase(s, units);
    return s;
}

FOLIO_TEST_MAIN(pinyin_suite)
