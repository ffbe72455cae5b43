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

START_TEST(close_readings)
{
    ck_assert(folio_vote_close("国家战略腹地建设的内涵特征", "国家战略腹地建设的内洱特征"));
    ck_assert(folio_vote_close("李明远，王晓燕", "李明远, 王晓燕")); /* width and spaces */
    /* the 楷体 author line read as Latin letters is no reading of the names */
    ck_assert(!folio_vote_close("tat SR", "蒲清平，马害"));
    ck_assert(!folio_vote_close(NULL, "蒲清平"));
    ck_assert(!folio_vote_close("", ""));
}
END_TEST

/* The page text of seed-web-clean's neighbourhood with both readings of its citation line. */
#define WEB_FIRST                                                                                                                          \
    "消清平,马壹.国家战略腹地建设的内疗特征、重大意义和推进策略帮.重庆大学学报社会科学版，2024, " \
    "30(4):37-48."
#define WEB_SECOND                                                                                                                      \
    "蒲清平,马壮.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,2024," \
    "30(4):37-48."

#define SEED_CITE                                                                                                                       \
    "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,2024," \
    "30(4):37-48."

START_TEST(line_vote)
{
    /* seed-web-clean: the citation line read at 31 in the page, at 81 alone; the page prints
     * each name and the title once, so the surer reading is the base and keeps its 蒲, 内涵 and
     * [J]; the name both misread (马壹, 马壮) stays the base's */
    char *m =
        folio_vote_line(WEB_FIRST, 31, WEB_SECOND, 81, "在线发布日期\n" WEB_FIRST "\n" WEB_SECOND);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m, WEB_SECOND);
    free(m);
    /* d4-economics-journal-clean: the first reading (78) is the base, the second (86) not surer
     * by the margin; its stray 了 goes, as the author line prints 罗晓梅, and its [J] stays
     * against the second's 由 */
    m = folio_vote_line("[1]钱志鹏，罗了晓梅. 数字经济发展与区域创新能力[J]. 经济研究，2024", 78,
                        "[1]钱志鹏，罗晓梅. 数字经济发展与区域创新能力由. 经济研究，2024", 86,
                        "钱志鹏，罗晓梅\n[1]钱志鹏，罗了晓梅. 数字经济发展与区域创新能力[J]."
                        "\n[1]钱志鹏，罗晓梅. 数字经济发展与区域创新能力由.\n钱志鹏，罗晓梅");
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m, "[1]钱志鹏，罗晓梅. 数字经济发展与区域创新能力[J]. 经济研究，2024");
    free(m);
    /* seed-journal-citetop-scan: the first (85) right where the second (80) misread 蒲 as 消,
     * the author line's second reading printing 蒲清平: nothing changes */
    ck_assert_ptr_null(folio_vote_line("蒲清平,马守.国家战略腹地建设的内涵特征", 85,
                                       "消清平,马贮.国家战略腹地建设的内涵特征", 80,
                                       "蒲清平，马害\n蒲清平,马守.\n消清平,马贮."));
    /* seed-journal-clean: the first reading (52) repeats the citation's end; the second (86)
     * is the base, and the repeat's pieces, which the page's English citation and dates
     * support, must not scatter into it ("2024,2024,30(4)") */
    m = folio_vote_line(SEED_CITE " 2024,30(4):37-48.", 52, SEED_CITE, 86,
                        SEED_CITE " 2024,30(4):37-48.\nCitation: PU Q P, MA R. The connotation "
                                  "[J]. Journal of Chongqing University, 2024, 30(4): 37-48.\n"
                                  "收稿日期：2022-06-18\n" SEED_CITE);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m, SEED_CITE);
    free(m);
    /* d4-economics-journal-citetop-rotated: the base (84) repeats the journal's name; its other
     * misreadings (了, KA for 来自) still go, the repeat stays (a stretch), and with it the 四
     * for [J] beside it (one gap; the citation repair reads a code after the title) */
#define D4_FIRST                                                                                                         \
    "[1]钱志鹏，罗了晓梅. 数字经济发展与区域创新能力：KA成渝地区双城经济圈的证据四. " \
    "经济研究，经济研究，2024，59(3)：45-61."
#define D4_SECOND                                                                                                         \
    "[1]钱志鹏，罗晓梅. 数字经济发展与区域创新能力：来自成渝地区双城经济圈的证据[J]. " \
    "经济研究，2024，59(3)：45-61."
    m = folio_vote_line(D4_FIRST, 84, D4_SECOND, 85,
                        "数字经济发展与区域创新能力：来自成渝地区双城经\n钱志鹏，罗晓梅\n" D4_FIRST
                        "\nCitation: QIAN Z P, LUO X M. Digital economy[J]. Economic Research "
                        "Journal, 2024, 59(3): 45-61.\n" D4_SECOND);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(
        m, "[1]钱志鹏，罗晓梅. 数字经济发展与区域创新能力：来自成渝地区双城经济圈的证据四. "
           "经济研究，经济研究，2024，59(3)：45-61.");
    free(m);
    /* too far apart to vote: the first stands whatever the confidences */
    ck_assert_ptr_null(folio_vote_line("tat SR", 60, "蒲清平，马害", 95, NULL));
    ck_assert_ptr_null(folio_vote_line(NULL, 0, "蒲清平", 90, NULL));
}
END_TEST

static Suite *vote_suite(void)
{
    Suite *s = suite_create("vote");
    TCase *units = tcase_create("units");
    tcase_add_test(units, dictionary_words);
    tcase_add_test(units, page_decides);
    tcase_add_test(units, block_kept);
    tcase_add_test(units, close_readings);
    tcase_add_test(units, line_vote);
    suite_add_tcase(s, units);
    return s;
}

FOLIO_TEST_MAIN(vote_suite)
