/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests of pipeline/reconcile.c: the parsed citation against the
 * page's other copies of its facts.
 */
#include "pipeline/citation.h"
#include "pipeline/reconcile.h"
#include "pipeline/text.h"
#include "testutil.h"

/*
 * The citation's keys against the page's other copies. Inputs follow GB/T
 * 7714's journal form; the damage is what OCR did to the development pages'
 * citations (a stray mark read before the journal from the box rule above
 * it, a comma lost between English names, digits misread in the Chinese
 * citation's smaller type, a type code lost so the title ran into the journal).
 */
static folio_citation *parse_ok(const char *s)
{
    folio_citation *c = folio_citation_parse(s);
    ck_assert_msg(c != NULL, "no parse: %s", s);
    return c;
}

START_TEST(title_tail)
{
    /* the title block lost its last character; the citation kept it */
    char *t =
        folio_reconcile_title_tail("城市更新中的社区治理机制研", "城市更新中的社区治理机制研究");
    ck_assert_str_eq(t, "城市更新中的社区治理机制研究");
    free(t);
    /* must not change: the same text, a misread last character, three or Latin extras */
    ck_assert_ptr_null(folio_reconcile_title_tail("社区治理机制研究", "社区治理机制研究"));
    ck_assert_ptr_null(folio_reconcile_title_tail("社区治理机制研究", "社区治理机制研宄"));
    ck_assert_ptr_null(folio_reconcile_title_tail("社区治理机制", "社区治理机制研究方法"));
    ck_assert_ptr_null(folio_reconcile_title_tail("社区治理机制研究", "社区治理机制研究J]"));
    ck_assert_ptr_null(folio_reconcile_title_tail(NULL, "社区治理机制研究"));
}
END_TEST

START_TEST(cite_keys_names_read_as_title)
{
    /* d2-clinical fax: the author list read twice, the parser took its second copy for the
     * title; the title block's reading replaces it */
    folio_citation *c = parse_ok("刘建国, 赵前. 等 张慧敏. 刘建国, 赵前. 等. 二甲双且联台生活方式十预"
                                 "对2型糖尿病前期思者胰岛8细胞功能的影响Di中华医学杂志, 2022, "
                                 "102(42): 3321-3326.");
    ck_assert_msg(c->title && strstr(c->title, "二甲双") == NULL, "parsed title: %s", c->title);
    folio_cite_witness w = {.title = "二甲双胍联合生活方式干预对2型糖尿病前期患者胰岛β细胞功能的影响"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->title, w.title);
    folio_citation_destroy(&c);
    /* must not change: a title that names people among other words */
    c = parse_ok("王明. 李白、杜甫诗歌比较研究[J]. 文学评论, 2020, 3(2): 1-9.");
    w = (folio_cite_witness){.title = "城市更新中的社区治理机制研究"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->title, "李白、杜甫诗歌比较研究");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(cite_keys_title_journal)
{
    folio_citation *c = parse_ok(
        "王晓菩, 李明. 城市更新中的社区治理机副研究[J]. 上城市规划学刊, 2022, 12(3): 45-60.");
    folio_cite_witness w = {.title = "城市更新中的社区治理机制研究", .journal = "城市规划学刊"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->title, "城市更新中的社区治理机制研究"); /* the larger type's reading */
    ck_assert_str_eq(c->journal, "城市规划学刊");               /* the stray 上 gone */
    folio_citation_destroy(&c);
    /* must not change: a title far from the block's, a journal printed without the header's
     * parentheses, a journal that only starts like the header's name */
    c = parse_ok("李明. 乡村振兴的财政路径[J]. 重庆大学学报社会科学版, 2024, 30(4): 37-48.");
    w = (folio_cite_witness){.title = "城市更新中的社区治理机制研究",
                             .journal = "重庆大学学报(社会科学版)"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->title, "乡村振兴的财政路径");
    ck_assert_str_eq(c->journal, "重庆大学学报社会科学版");
    folio_citation_destroy(&c);
    c = parse_ok("李明. 乡村振兴的财政路径[J]. 城市规划学刊增刊, 2024, 30(4): 37-48.");
    w = (folio_cite_witness){.journal = "城市规划学刊"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->journal, "城市规划学刊增刊");
    folio_citation_destroy(&c);
    /* the code was lost and the title ran into the journal: the header cuts it, the block
     * gives the title */
    c = parse_ok("李明. 城市更新中的社区治理机制研究巴，城币规划学刊, 2022, 12(3): 45-60.");
    w = (folio_cite_witness){.title = "城市更新中的社区治理机制研究", .journal = "城市规划学刊"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->journal, "城市规划学刊");
    ck_assert_str_eq(c->title, "城市更新中的社区治理机制研究");
    folio_citation_destroy(&c);
    /* the English citation prints [J], the Chinese one lost it: its extra last character is
     * the garbled code, not a lost title character */
    c = parse_ok("李明. 城市更新中的社区治理机制研究四. 城市规划学刊, 2022, 12(3): 45-60.");
    folio_citation *en = parse_ok("LI M. Community governance in urban renewal[J]. Urban "
                                  "Planning Forum, 2022, 12(3): 45-60.");
    w = (folio_cite_witness){.en = en, .title = "城市更新中的社区治理机制研究"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->title, "城市更新中的社区治理机制研究");
    folio_citation_destroy(&en);
    folio_citation_destroy(&c);
    ck_assert_int_eq(folio_reconcile_cite_keys(NULL, &w), 0);
}
END_TEST

START_TEST(cite_keys_authors)
{
    folio_strlist a = {0};
    folio_strlist_push(&a, "王晓燕");
    folio_strlist_push(&a, "李明");
    folio_strlist_push(&a, "陈志强");
    folio_strlist_push(&a, "赵云");
    /* three names and 等; the English list lost a comma ("WANG X Y LI M") */
    const char *en_text = "WANG X Y LI M, CHEN Z Q, et al. Community governance in urban "
                          "renewal[J]. Urban Planning Forum, 2022, 12(3): 45-60.";
    folio_citation *en = parse_ok(en_text);
    folio_citation *c = parse_ok(
        "王晓菩, 李明, 陈志强, 等. 城市更新中的社区治理[J]. 城市规划学刊, 2022, 12(3): 45-60.");
    folio_cite_witness w = {.en = en, .en_text = en_text, .authors = &a, .page = ""};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_uint_eq(c->n_authors, 3);
    ck_assert_str_eq(c->authors[0], "王晓燕");
    ck_assert_str_eq(c->authors[2], "陈志强");
    ck_assert(c->et_al);
    folio_citation_destroy(&c);
    /* a full stop read for the comma ("YANG X. HE J F") still counts two names; Latin garbage
     * in the Chinese list is replaced */
    en_text = "WANG X. LI M. Community governance[J]. Urban Planning Forum, 2022, 12(3): 45-60.";
    c = parse_ok("HAN, 李明. 城市更新中的社区治理[J]. 城市规划学刊, 2022, 12(3): 45-60.");
    w.en = NULL;
    w.en_text = en_text;
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_uint_eq(c->n_authors, 2);
    ck_assert_str_eq(c->authors[0], "王晓燕");
    ck_assert_str_eq(c->authors[1], "李明");
    folio_citation_destroy(&c);
    /* must not change: a reading the page prints more often than the list's; a list holding
     * a name that is not one */
    c = parse_ok("王晓莹, 李明. 城市更新中的社区治理[J]. 城市规划学刊, 2022, 12(3): 45-60.");
    w.page = "王晓莹, 李明. 城市更新中的社区治理 作者简介：王晓莹(1990—)，女";
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->authors[0], "王晓莹");
    folio_citation_destroy(&c);
    folio_strlist_clear(&a);
    folio_strlist_push(&a, "Wale");
    folio_strlist_push(&a, "李明");
    c = parse_ok("王晓燕, 李明. 城市更新中的社区治理[J]. 城市规划学刊, 2022, 12(3): 45-60.");
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->authors[0], "王晓燕");
    folio_citation_destroy(&c);
    folio_strlist_clear(&a);
    folio_citation_destroy(&en);
}
END_TEST

START_TEST(cite_keys_numbers)
{
    folio_citation *en = parse_ok("LI M. Community governance[J]. Urban Planning Forum, 2023, "
                                  "45(2): 112-120.");
    /* 2 and 1 confused in the smaller type: the English citation and the article number
     * (first page 112, nine pages) outvote it */
    folio_citation *c =
        parse_ok("李明. 城市更新中的社区治理[J]. 城市规划学刊, 2023, 45(2): 122-120.");
    folio_cite_witness w = {.en = en, .article_no = "2096-6717(2023)02-0112-09"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->pages, "112-120");
    ck_assert_str_eq(c->issue, "2");
    ck_assert_int_eq(c->year, 2023);
    folio_citation_destroy(&c);
    /* a malformed issue ("3?": the ")" misread) and a missing year: the English reading */
    c = parse_ok("李明. 城市更新中的社区治理[J]. 城市规划学刊, 45(2?: 112-120.");
    w.article_no = NULL;
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->issue, "2");
    ck_assert_str_eq(c->volume, "45");
    ck_assert_int_eq(c->year, 2023);
    folio_citation_destroy(&c);
    /* must not change: the two citations agree (an article number of another shape does not
     * outvote them); a well-formed reading with no witness against it */
    c = parse_ok("李明. 城市更新中的社区治理[J]. 城市规划学刊, 2023, 45(2): 112-120.");
    w.article_no = "2096-6717(2023)07-0300-02";
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->pages, "112-120");
    ck_assert_str_eq(c->issue, "2");
    folio_citation_destroy(&c);
    c = parse_ok("李明. 城市更新中的社区治理[J]. 城市规划学刊, 2023, 46(2): 112-120.");
    w = (folio_cite_witness){.article_no = "bad"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->volume, "46");
    folio_citation_destroy(&c);
    /* both citations lost the pages (cut at the line end): the article number's range */
    folio_citation_destroy(&en);
    en = parse_ok("LI M. Community governance[J]. Urban Planning Forum, 2023, 46(5)");
    c = parse_ok("李明. 城市更新中的社区治理[J]. 城市规划学刊, 2023, 46(5)");
    w = (folio_cite_witness){.en = en, .article_no = "0254-4164(2023)05-0988-14"};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->pages, "988-1001");
    folio_citation_destroy(&c);
    folio_citation_destroy(&en);
}
END_TEST

START_TEST(cite_keys_authors_pinyin)
{
    folio_pinyin *py = folio_pinyin_create();
    ck_assert_ptr_nonnull(py);
    folio_strlist a = {0}, latin = {0};
    folio_strlist_push(&latin, "ZHOU Wenjie");
    folio_strlist_push(&latin, "HUANG Ruoxi");
    folio_strlist_push(&a, "周文杰");
    folio_strlist_push(&a, "黄若曦");
    /* the citation's misreading is printed twice (the authors line read it too), the list's
     * reading once: the list's agrees with HUANG Ruoxi, so it is taken */
    const char *page = "周文杰，黄若陪 作者简介：黄若曦 周文杰, 黄若陪. 题名";
    folio_citation *c =
        parse_ok("周文杰, 黄若陪. 城市更新中的社区治理[J]. 计算机学报, 2023, 46(5): 1-9.");
    folio_cite_witness w = {.authors = &a, .page = page, .latin = &latin, .pinyin = py};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->authors[1], "黄若曦");
    folio_citation_destroy(&c);
    /* must not change: without the transliterator the count decides as before */
    c = parse_ok("周文杰, 黄若陪. 城市更新中的社区治理[J]. 计算机学报, 2023, 46(5): 1-9.");
    w.pinyin = NULL;
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->authors[1], "黄若陪");
    folio_citation_destroy(&c);
    /* the citation's own reading agrees and the list's does not: it stays */
    folio_strlist_clear(&a);
    folio_strlist_push(&a, "周文杰");
    folio_strlist_push(&a, "黄若赚");
    c = parse_ok("周文杰, 黄若曦. 城市更新中的社区治理[J]. 计算机学报, 2023, 46(5): 1-9.");
    w = (folio_cite_witness){.authors = &a, .page = "黄若赚 黄若赚", .latin = &latin, .pinyin = py};
    ck_assert_int_eq(folio_reconcile_cite_keys(c, &w), 0);
    ck_assert_str_eq(c->authors[1], "黄若曦");
    folio_citation_destroy(&c);
    folio_strlist_clear(&a);
    folio_strlist_clear(&latin);
    folio_pinyin_destroy(&py);
}
END_TEST

START_TEST(english_stands_for_chinese)
{
    /* the Chinese citation was lost: the English one with the page's Chinese title and
     * journal; its pages cut by OCR come from the article number */
    folio_citation *c = parse_ok("ZHOU W J, HUANG R X. A lightweight method. Chinese Journal of "
                                 "Computers, 2023, 46(5)");
    folio_strlist a = {0};
    folio_strlist_push(&a, "周文杰");
    folio_strlist_push(&a, "黄若曦");
    folio_citation *en = parse_ok("ZHOU W J, HUANG R X. A lightweight method. Chinese Journal of "
                                  "Computers, 2023, 46(5)");
    folio_cite_witness w = {.en = en,
                            .en_text = "ZHOU W J, HUANG R X. A lightweight method.",
                            .title = "面向历史文献的轻量级中英文混合文字识别方法",
                            .journal = "计算机学报",
                            .authors = &a,
                            .article_no = "0254-4164(2023)05-0988-14"};
    ck_assert_int_eq(folio_reconcile_english(c, &w), 0);
    ck_assert_str_eq(c->title, "面向历史文献的轻量级中英文混合文字识别方法");
    ck_assert_str_eq(c->journal, "计算机学报");
    ck_assert_uint_eq(c->n_authors, 2);
    ck_assert_str_eq(c->authors[0], "周文杰");
    ck_assert_str_eq(c->pages, "988-1001");
    ck_assert_int_eq(c->year, 2023);
    folio_citation_destroy(&c);
    /* must not change: no Chinese title on the page */
    c = parse_ok("ZHOU W J. A lightweight method. Chinese Journal of Computers, 2023, 46(5)");
    w.title = NULL;
    ck_assert_int_eq(folio_reconcile_english(c, &w), 0);
    ck_assert_str_eq(c->journal, "Chinese Journal of Computers");
    ck_assert_int_eq(folio_reconcile_english(NULL, &w), 0);
    folio_citation_destroy(&c);
    folio_citation_destroy(&en);
    folio_strlist_clear(&a);
}
END_TEST

static Suite *reconcile_suite(void)
{
    Suite *s = suite_create("reconcile");
    TCase *units = tcase_create("units");
    tcase_add_test(units, title_tail);
    tcase_add_test(units, cite_keys_title_journal);
    tcase_add_test(units, cite_keys_names_read_as_title);
    tcase_add_test(units, cite_keys_authors);
    tcase_add_test(units, cite_keys_numbers);
    tcase_add_test(units, cite_keys_authors_pinyin);
    tcase_add_test(units, english_stands_for_chinese);
    suite_add_tcase(s, units);
    return s;
}

FOLIO_TEST_MAIN(reconcile_suite)
