/* SPDX-License-Identifier: Apache-2.0 */
/* Tests for pipeline/text.c: UTF-8 coding, script classes, the string buffer. */
#include "pipeline/text.h"
#include "testutil.h"

START_TEST(decode_each_length)
{
    uint32_t cp;
    ck_assert_uint_eq(folio_utf8_decode("A", 1, &cp), 1);
    ck_assert_uint_eq(cp, 'A');
    ck_assert_uint_eq(folio_utf8_decode("\xc3\xa9", 2, &cp), 2); /* é */
    ck_assert_uint_eq(cp, 0xE9);
    ck_assert_uint_eq(folio_utf8_decode("国", 3, &cp), 3);
    ck_assert_uint_eq(cp, 0x56FD);
    ck_assert_uint_eq(folio_utf8_decode("\xf0\xa0\x80\x80", 4, &cp), 4); /* Ext B */
    ck_assert_uint_eq(cp, 0x20000);
}
END_TEST

START_TEST(decode_invalid_is_replacement_one_byte)
{
    uint32_t cp;
    /* a lone continuation byte, a truncated 3-byte sequence, an overlong '/' */
    ck_assert_uint_eq(folio_utf8_decode("\x80", 1, &cp), 1);
    ck_assert_uint_eq(cp, 0xFFFD);
    ck_assert_uint_eq(folio_utf8_decode("\xe5\x9b", 2, &cp), 1);
    ck_assert_uint_eq(cp, 0xFFFD);
    ck_assert_uint_eq(folio_utf8_decode("\xc0\xaf", 2, &cp), 1);
    ck_assert_uint_eq(cp, 0xFFFD);
    ck_assert_uint_eq(folio_utf8_decode("", 0, &cp), 0);
}
END_TEST

START_TEST(encode_roundtrip)
{
    const uint32_t cps[] = {0x24, 0xA2, 0x20AC, 0x56FD, 0x3000, 0x10348};
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        char buf[4];
        uint32_t back;
        size_t n = folio_utf8_encode(cps[i], buf);
        ck_assert_uint_eq(folio_utf8_decode(buf, n, &back), n);
        ck_assert_uint_eq(back, cps[i]);
    }
}
END_TEST

/* A Chinese line misread as Latin ("tat SR" for 马睿) is told from a real one
 * by these counts (altread.c, recheck.c, ocr_split.c). */
START_TEST(script_counts_add_up)
{
    size_t han = 1, latin = 2;
    folio_count_scripts("蒲清平 + SA，β-细胞 2024", &han, &latin);
    ck_assert_uint_eq(han, 1 + 5);   /* 蒲清平 细胞 */
    ck_assert_uint_eq(latin, 2 + 3); /* S A β */
    folio_count_scripts(NULL, &han, &latin);
    ck_assert_uint_eq(han, 6);
    ck_assert_uint_eq(latin, 5);
}
END_TEST

START_TEST(script_classes)
{
    ck_assert(folio_is_han(0x56FD));     /* 国 */
    ck_assert(!folio_is_han('A'));
    ck_assert(folio_is_cjk_punct(0xFF0C)); /* ， */
    ck_assert(folio_is_cjk_punct(0x3001)); /* 、 */
    ck_assert(!folio_is_cjk_punct(0x3000)); /* ideographic space is a space */
    ck_assert(folio_is_space(0x3000));
    ck_assert(folio_is_cjk(0xFF1A));       /* ： */
    ck_assert(!folio_is_cjk(','));
    ck_assert(folio_is_latin('q'));
    ck_assert(folio_is_latin(0x3B1));      /* α */
    ck_assert(!folio_is_latin('7'));
}
END_TEST

START_TEST(length_and_trim)
{
    ck_assert_uint_eq(folio_utf8_len("国家A"), 3);
    char *t = folio_strtrim("\u3000 摘要 \n");
    ck_assert_str_eq(t, "摘要");
    free(t);
    t = folio_strtrim("   ");
    ck_assert_str_eq(t, "");
    free(t);
    ck_assert_ptr_null(folio_strtrim(NULL));
}
END_TEST

START_TEST(buffer_grows_and_hands_over)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        folio_buf_printf(&b, "%d,", i);
    folio_buf_put_cp(&b, 0x56FD);
    ck_assert(!b.oom);
    char *s = folio_buf_take(&b);
    ck_assert_ptr_nonnull(s);
    ck_assert(strncmp(s, "0,1,2,", 6) == 0);
    ck_assert(strstr(s, "999,国") != NULL);
    ck_assert_ptr_null(b.data);
    free(s);
    s = folio_buf_take(&b); /* an empty buffer still hands over "" */
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(valid_copy_replaces_bad_bytes)
{
    char *v = folio_utf8_valid("ok \xb9\xfa 国\xe5\x9b");
    ck_assert_str_eq(v, "ok \xef\xbf\xbd\xef\xbf\xbd 国\xef\xbf\xbd\xef\xbf\xbd");
    free(v);
    ck_assert_ptr_null(folio_utf8_valid(NULL));
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decode_each_length);
    tcase_add_test(tc, decode_invalid_is_replacement_one_byte);
    tcase_add_test(tc, encode_roundtrip);
    tcase_add_test(tc, script_classes);
    tcase_add_test(tc, script_counts_add_up);
    tcase_add_test(tc, length_and_trim);
    tcase_add_test(tc, buffer_grows_and_hands_over);
    tcase_add_test(tc, valid_copy_replaces_bad_bytes);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(text_suite)
