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
    ck_assert_str_eq(pg->blocks[0].text, "面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段。");
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

static Suite *layout_suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, paragraphs_become_blocks);
    tcase_add_test(tc, new_paragraph_inside_a_block);
    tcase_add_test(tc, empty_page_has_empty_text);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(layout_suite)
