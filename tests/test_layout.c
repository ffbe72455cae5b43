/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/layout.c: paragraphs become blocks, lines join by the
 * script rules, the page text separates paragraphs with a blank line.
 */
#include "pipeline/layout.h"
#include "testutil.h"

typedef struct spec {
    const char *text;
    int block, para;
    bool para_start;
} spec;

static folio_page *page_of(const spec *s, size_t n)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic");
    pg->lines = calloc(n, sizeof(folio_line));
    pg->n_lines = n;
    for (size_t i = 0; i < n; i++) {
        pg->lines[i].text = folio_strdup(s[i].text);
        pg->lines[i].block = s[i].block;
        pg->lines[i].para = s[i].para;
        pg->lines[i].para_start = s[i].para_start;
        pg->lines[i].box = (folio_box){10, 10 + 50 * (int)i, 500, 40};
        pg->lines[i].conf = 90;
        pg->lines[i].n_words = 0;
    }
    return pg;
}

START_TEST(paragraphs_become_blocks)
{
    const spec s[] = {
        {"面对复杂的国际政治环境和全球产业", 0, 0, true},
        {"竞争，立足我国新发展阶段。", 0, 0, false},
        {"The strategic concept of", 1, 1, true},
        {"building the hinterland.", 1, 1, false},
    };
    folio_page *pg = page_of(s, 4);
    folio_repair *r = folio_repair_create(NULL);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    ck_assert_uint_eq(pg->n_blocks, 2);
    ck_assert_str_eq(pg->blocks[0].text,
                     "面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段。");
    ck_assert_str_eq(pg->blocks[1].text, "The strategic concept of building the hinterland.");
    ck_assert_uint_eq(pg->blocks[1].first_line, 2);
    ck_assert_int_eq(pg->blocks[0].box.h, 90); /* union of two line boxes */
    ck_assert_ptr_nonnull(strstr(pg->text, "阶段。\n\nThe strategic"));
    folio_error_destroy(&err);
    folio_repair_destroy(&r);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(new_paragraph_inside_a_block)
{
    const spec s[] = {
        {"中图分类号：D61", 0, 0, true},
        {"DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016", 0, 1, true},
    };
    folio_page *pg = page_of(s, 2);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_uint_eq(pg->n_blocks, 2);
    ck_assert_str_eq(pg->text, "中图分类号：D61\n\nDOI: 10.11835/j.issn.1008-5831.zs.2024.04.016");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(empty_page_has_empty_text)
{
    folio_page *pg = page_of(NULL, 0);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_uint_eq(pg->n_blocks, 0);
    ck_assert_str_eq(pg->text, "");
    folio_page_destroy(&pg);
}
END_TEST

/* A word of a synthetic line: text at x, width w, on a line at y of height 40. */
static folio_word word_at(const char *text, int x, int w, int y)
{
    folio_word wd = {folio_strdup(text), {x, y, w, 40}, 90, FOLIO_SCRIPT_HAN, false};
    return wd;
}

/*
 * d1-concrete-citetop-scan and d1-bad (folio): the heading "0 引言" at the top
 * of the left column and the first line of the right column came back as one
 * line with a column-wide gap; the right column's line must follow the left
 * column, not the heading. column_lines: justified lines under the heading.
 */
static folio_page *straddling_page(size_t column_lines, bool justified)
{
    const char *body[] = {
        "我国每年产生的建筑垃圾超过20亿吨，其中废弃", "混凝土约占40%。将废弃混凝土破碎后制备再生",
        "骨料，既能减少天然砂石的开采，又能缓解建筑", "本文通过快速冻融试验，系统分析"};
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic");
    pg->n_lines = column_lines + 1;
    pg->lines = calloc(pg->n_lines, sizeof(folio_line));
    folio_line *h = &pg->lines[0];
    h->n_words = 3;
    h->words = calloc(3, sizeof(folio_word));
    h->words[0] = word_at("0", 200, 20, 100);
    h->words[1] = word_at("引言", 240, 80, 100);
    h->words[2] = word_at("了取代率对损伤演化的影响。", 1300, 500, 100);
    h->words[2].space_before = true;
    h->box = (folio_box){200, 100, 1600, 40};
    h->text = folio_strdup("0 引言  了取代率对损伤演化的影响。");
    h->para_start = true;
    for (size_t i = 1; i <= column_lines; i++) {
        folio_line *ln = &pg->lines[i];
        ln->text = folio_strdup(body[(i - 1) % 4]);
        int w = justified || i % 2 ? 1000 : 600;
        ln->box = (folio_box){200, 100 + 60 * (int)i, w, 40};
        ln->para = 1;
        ln->para_start = i == 1;
    }
    return pg;
}

START_TEST(straddling_line_goes_to_its_column)
{
    folio_page *pg = straddling_page(4, true);
    folio_repair *r = folio_repair_create(NULL);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    ck_assert_str_eq(pg->blocks[0].text, "0 引言");
    ck_assert_ptr_nonnull(strstr(pg->text, "系统分析了取代率对损伤演化的影响。"));
    ck_assert_uint_eq(pg->n_lines, 6);
    folio_page_destroy(&pg);
    /* keep: two lines below are no column (a running head over a DOI line) */
    pg = straddling_page(2, true);
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    ck_assert_ptr_nonnull(strstr(pg->text, "引言  了取代率"));
    folio_page_destroy(&pg);
    /* keep: ragged lines below (a title block, centred lines) are no column */
    pg = straddling_page(4, false);
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    ck_assert_ptr_nonnull(strstr(pg->text, "引言  了取代率"));
    folio_page_destroy(&pg);
    folio_error_destroy(&err);
    folio_repair_destroy(&r);
}
END_TEST

static Suite *layout_suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, paragraphs_become_blocks);
    tcase_add_test(tc, new_paragraph_inside_a_block);
    tcase_add_test(tc, empty_page_has_empty_text);
    tcase_add_test(tc, straddling_line_goes_to_its_column);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(layout_suite)
