/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests of pipeline/vote.c: two readings of a title settled by the
 * page. The readings are the development pages' damage: a character misread
 * in the title block's larger type that the citation kept (数子/数字,
 * 文子/文字, 冬和李/冬季, 内洱/内涵, a lost 预), with the page's abstract or keywords
 * repeating the term, or silent about it.
 */
#include "pipeline/labels.h"
#include "pipeline/text.h"
#include "pipeline/vote.h"
#include "testutil.h"

static int words(const char *s)
{
    folio_ustr u;
    ck_assert_int_eq(folio_ustr_init(&u, s), 0);
    int n = folio_vote_words(u.cp, u.n);
    folio_ustr_free(&u);
    return n;
}

START_TEST(dictionary_words)
{
    /* a misread character falls out of the word it belonged to */
    ck_assert_int_eq(words("的内涵特征"), 3);
    ck_assert_int_eq(words("的内洱特征"), 4);
    ck_assert_int_eq(words("地区冬季PM2.5"), 3);
    ck_assert_int_gt(words("地区冬和李PM2.5"), 3);
    ck_assert_int_eq(folio_vote_words(NULL, 0), -1);
}
END_TEST

static void merged_to(const char *a, const char *b, const char *page, const char *want)
{
    char *m = folio_vote_merge(a, b, page);
    ck_assert_msg(m != NULL, "no merge: %s / %s", a, b);
    ck_assert_str_eq(m, want);
    free(m);
}

START_TEST(page_decides)
{
    /* the keywords and the abstract repeat the citation's reading */
    merged_to("数子经济发展与区域创新能力：来自成渝地区双城经济圈的证据",
              "数字经济发展与区域创新能力:来自成渝地区双城经济圈的证据",
              "关键词：数字经济；区域创新\n研究发现，数字经济的创新效应",
              "数字经济发展与区域创新能力：来自成渝地区双城经济圈的证据");
    /* one character read as two; the block's punctuation and spaces are kept */
    merged_to("成渝地区冬和李PM2.5化学组分特征及来源解析",
              "成渝地区冬季PM2.5化学组分特征及来源解析", "但冬季重污染过程频发",
              "成渝地区冬季PM2.5化学组分特征及来源解析");
    /* a character the block lost, the page's other mention printing it; the citation's stray
     * 上 stays out (the page prints 生骨 only) */
    merged_to("冻融循环作用下再生骨料混凝土的损伤演化与寿命测",
              "冻融循环作用下再生上骨料混凝土的损伤演化与寿命预测",
              "再生骨料混凝土的损伤机理及寿命预测的研究",
              "冻融循环作用下再生骨料混凝土的损伤演化与寿命预测");
    /* the page says nothing: the reading that makes dictionary words */
    merged_to("国家战略腹地建设的内洱特征、重大意义和推进策略",
              "国家战略腹地建设的内涵特征、重大意义和推进策略", NULL,
              "国家战略腹地建设的内涵特征、重大意义和推进策略");
}
END_TEST

START_TEST(block_kept)
{
    /* must not change: the block right and the citation wrong, the page repeating the block */
    ck_assert_ptr_null(folio_vote_merge("面向历史文献的混合文字识别方法",
                                        "面向历史文献的混合文子识别方法",
                                        "混合文字识别方法的精度"));
    /* must not change: a page that prints the block's reading more often than the citation's */
    ck_assert_ptr_null(
        folio_vote_merge("数字经济发展与区域创新", "数子经济发展与区域创新", "数字经济；数字经济"));
    /* must not change: the ends (a lost or garbled end is the tail rule's), far apart, the same */
    ck_assert_ptr_null(
        folio_vote_merge("城市更新中的社区治理机制研", "城市更新中的社区治理机制研究", "机制研究"));
    ck_assert_ptr_null(folio_vote_merge("城市更新", "乡村振兴", "乡村振兴"));
    ck_assert_ptr_null(folio_vote_merge("城市更新中的社区治理", "城市更新中的社区治理", NULL));
    ck_assert_ptr_null(folio_vote_merge(NULL, "城市更新", NULL));
}
END_TEST

static Suite *vote_suite(void)
{
    Suite *s = suite_create("vote");
    TCase *units = tcase_create("units");
    tcase_add_test(units, dictionary_words);
    tcase_add_test(units, page_decides);
    tcase_add_test(units, block_kept);
    suite_add_tcase(s, units);
    return s;
}

FOLIO_TEST_MAIN(vote_suite)
