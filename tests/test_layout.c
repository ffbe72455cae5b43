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

/* A line of one or more words (all at y, height 40); its box their union, its text as given. */
/* A page with n zeroed lines for a test to fill. */
static folio_page *page_with_lines(size_t n)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic");
    pg->n_lines = n;
    pg->lines = calloc(n, sizeof(folio_line));
    return pg;
}

static void set_line(folio_line *ln, const char *text, const folio_word *w, size_t n)
{
    ln->n_words = n;
    ln->words = calloc(n, sizeof(folio_word));
    memcpy(ln->words, w, n * sizeof(folio_word));
    folio_box u = {0, 0, 0, 0};
    for (size_t k = 0; k < n; k++)
        u = folio_box_union(u, w[k].box);
    ln->box = u;
    ln->text = folio_strdup(text);
    ln->para = 1;
}

/*
 * d1-concrete-bad and d4-economics-bad (folio, 468eab2): on a bad scan the
 * heading line and the two lines under it were each read across the gutter
 * into the right column's first three lines; only the heading's line has a
 * wide gap, the next has a mark read in the gutter ("废弃”的研究"), the
 * third none. The right column's three lines must follow the left column's
 * last line, in order, and stay out of the rule under the column; a line
 * does not start with a closing mark, so the gutter's ” goes.
 */
START_TEST(straddling_run_goes_to_its_column)
{
    folio_page *pg = page_with_lines(8);
    folio_word h[] = {word_at("0", 134, 17, 100), word_at("引言", 170, 51, 100),
                      word_at("已开展了大量研究", 853, 665, 100)};
    set_line(&pg->lines[0], "0 引言  已开展了大量研究", h, 3);
    pg->lines[0].para_start = true;
    folio_word a[] = {word_at("我国每年产生的建筑垃圾", 190, 568, 142), word_at("废弃", 758, 58, 142),
                      word_at("”的", 829, 47, 142), word_at("研究仍不充分", 880, 638, 142)};
    set_line(&pg->lines[1], "我国每年产生的建筑垃圾废弃”的研究仍不充分", a, 4);
    folio_word b[] = {word_at("混凝土约占四成将废弃混凝土", 135, 660, 184),
                      word_at("了取代率的影响。", 855, 340, 184)};
    set_line(&pg->lines[2], "混凝土约占四成将废弃混凝土了取代率的影响。", b, 2);
    const char *col[] = {"生骨料既能减少天然砂石的开采", "圾围城的问题具有显著的效益", "再生骨料表面附着旧砂浆使",
                         "目前国内外学者对其力学性能"};
    for (int i = 0; i < 4; i++) {
        folio_word w = word_at(col[i], 135, 667, 226 + 42 * i);
        set_line(&pg->lines[3 + i], col[i], &w, 1);
    }
    pg->lines[7].box = (folio_box){133, 420, 468, 3}; /* the rule under the column, no text */
    pg->lines[7].text = folio_strdup("");
    pg->lines[7].para = 2;
    pg->lines[7].para_start = true;
    folio_repair *r = folio_repair_create(NULL);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_layout_run(r, pg, err), 0);
    ck_assert_uint_eq(pg->n_lines, 11);
    ck_assert_str_eq(pg->lines[0].text, "0 引言");
    ck_assert_str_eq(pg->lines[6].text, "目前国内外学者对其力学性能");
    ck_assert_str_eq(pg->lines[7].text, "已开展了大量研究");
    ck_assert_str_eq(pg->lines[8].text, "的研究仍不充分"); /* the gutter's mark dropped */
    ck_assert_str_eq(pg->lines[9].text, "了取代率的影响。");
    ck_assert_str_eq(pg->lines[10].text, "");
    folio_page_destroy(&pg);
    folio_error_destroy(&err);
    folio_repair_destroy(&r);
}
END_TEST

/* A synthetic line with its own block, paragraph and box. */
static folio_line line_at(const char *text, int block, int x, int y, int w, int h)
{
    folio_line ln = {0};
    ln.text = folio_strdup(text);
    ln.block = block;
    ln.para = block;
    ln.para_start = true;
    ln.box = (folio_box){x, y, w, h};
    ln.conf = 90;
    return ln;
}

static folio_page *page_of_lines(const folio_line *l, size_t n)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic");
    pg->lines = calloc(n, sizeof(folio_line));
    memcpy(pg->lines, l, n * sizeof(folio_line));
    pg->n_lines = n;
    return pg;
}

/*
 * d4-economics-citetop-rotated (folio, 9669b0f): the boxed citation's second
 * English line came back as a block of its own before its first line, with
 * the box's frame (an empty line) between them.
 */
START_TEST(line_read_after_the_line_below_goes_back)
{
    const folio_line l[] = {
        line_at("引用格式：钱志鹏，罗晓梅. 数字经济发展与区域创新能力[J]. 经济研究，2024", 4, 223,
                309, 1882, 35),
        line_at("Research Journal, 2024, 59(3): 45-61.", 5, 222, 412, 494, 28),
        line_at("", 6, 199, 289, 5, 181),
        line_at("Citation: QIAN Z P, LUO X M. Digital economy[J]. Economic", 7, 221, 364, 2035, 30),
        line_at("数字经济发展与区域创新能力", 8, 380, 550, 1721, 73),
    };
    folio_page *pg = page_of_lines(l, 5);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_ptr_nonnull(strstr(
        pg->text, "Citation: QIAN Z P, LUO X M. Digital economy[J]. Economic Research Journal"));
    ck_assert_ptr_nonnull(strstr(pg->text, "45-61.\n\n数字经济"));
    folio_page_destroy(&pg);
    /* keep: a short line above is a paragraph of its own (收稿日期 over 基金项目) */
    const folio_line m[] = {
        line_at("基金项目：国家自然科学基金(52078063)", 1, 200, 3207, 1202, 36),
        line_at("收稿日期：2022-06-18", 0, 200, 3161, 298, 32),
    };
    pg = page_of_lines(m, 2);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_str_eq(pg->text, "收稿日期：2022-06-18\n\n基金项目：国家自然科学基金(52078063)");
    folio_page_destroy(&pg);
    /* keep: a line that is not directly above (a column's top) stays where it is */
    const folio_line k[] = {
        line_at("左栏最后一行", 0, 200, 3000, 1000, 40),
        line_at("右栏第一行", 1, 1280, 2400, 1000, 40),
    };
    pg = page_of_lines(k, 2);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_str_eq(pg->text, "左栏最后一行\n\n右栏第一行");
    folio_page_destroy(&pg);
}
END_TEST

/*
 * d1-concrete-citetop-rotated, read line by line (folio, routing): the
 * boxed citation's Chinese line wrapped its last words onto the next row,
 * and the layout put that row in a block with the English citation, read
 * before the Chinese line. The Chinese line goes back on top of the block
 * whose first line it stands directly above, and that row joins it.
 */
START_TEST(wrapped_line_read_after_its_block_goes_on_top)
{
    folio_line l[] = {
        line_at(": 112-120.", 3, 226, 365, 144, 22),
        line_at("Citation: LI M Y, WANG X Y. Damage evolution[J]. Journal of Civil", 3, 222, 412,
                1959, 30),
        line_at("", 4, 199, 289, 5, 229),
        line_at("引用格式：李明远，王晓燕．冻融循环作用下再生骨料混凝土的损伤演化[J]．土木与环境工程学报，2023，45(2)",
                5, 223, 309, 2038, 35),
    };
    folio_page *pg = page_of_lines(l, 4);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_msg(strncmp(pg->text, "引用格式：", strlen("引用格式：")) == 0, "%s", pg->text);
    ck_assert_msg(strstr(pg->text, "45(2)") < strstr(pg->text, "112-120.") &&
                      strstr(pg->text, "112-120.\n\nCitation:"),
                  "%s", pg->text);
    folio_page_destroy(&pg);
    /* keep: a line above a block but not at its first line's left edge stays */
    folio_line k[] = {
        line_at("右栏第一行", 1, 1280, 400, 1000, 40),
        line_at("右栏第二行", 1, 1280, 450, 1000, 40),
        line_at("左上角的一行", 2, 200, 340, 600, 40),
    };
    pg = page_of_lines(k, 3);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_msg(strncmp(pg->text, "右栏第一行", strlen("右栏第一行")) == 0, "%s", pg->text);
    folio_page_destroy(&pg);
}
END_TEST

/*
 * d1-concrete-citetop-scan and -rotated (folio, 9669b0f): the right column's
 * first line came back inside the left column's first paragraph, and the
 * left column went on in the next block; it belongs after the column's last
 * line, whose sentence it ends.
 */
START_TEST(column_top_read_early_goes_after_its_column)
{
    const folio_line l[] = {
        line_at("我国每年产生的建筑垃圾超过20亿吨，其中废弃", 1, 284, 2430, 920, 46),
        line_at("生骨料混凝土在冻融环境中的耐久性明显低于普通混", 1, 201, 2742, 1003, 41),
        line_at("凝土。", 1, 202, 2806, 96, 40),
        line_at("了取代率对损伤演化的影响。", 1, 1279, 2363, 514, 63),
        line_at("目前，国内外学者对再生骨料混凝土的力学性能", 2, 290, 2867, 913, 45),
        line_at("的研究仍不充分。本文通过快速冻融试验，系统分析", 2, 202, 2930, 1001, 46),
        line_at("", 3, 199, 3134, 703, 4),
        line_at("收稿日期：2022-06-18", 4, 200, 3161, 298, 32),
    };
    folio_page *pg = page_of_lines(l, 8);
    pg->lines[1].para_start = pg->lines[2].para_start = pg->lines[5].para_start = false;
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_ptr_nonnull(strstr(pg->text, "普通混凝土。\n\n目前"));
    ck_assert_ptr_nonnull(strstr(pg->text, "系统分析了取代率对损伤演化的影响。\n\n收稿日期"));
    folio_page_destroy(&pg);
    /* keep: in reading order, the right column's top follows the left column's end */
    const folio_line k[] = {
        line_at("的研究仍不充分。本文通过快速冻融试验，系统分析", 2, 202, 2930, 1001, 46),
        line_at("了取代率对损伤演化的影响。", 3, 1279, 2363, 514, 46),
        line_at("1 试验概况", 3, 1279, 2430, 300, 46),
    };
    pg = page_of_lines(k, 3);
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_str_eq(pg->text, "的研究仍不充分。本文通过快速冻融试验，系统分析\n\n"
                               "了取代率对损伤演化的影响。\n\n1 试验概况");
    folio_page_destroy(&pg);
}
END_TEST

/*
 * d2-clinical-fax (folio): the footnote labels came back as a column of
 * their own, 13 pixels left of their values, so every value was read after
 * all the labels and the received and funding fields came out empty. Each
 * label takes in the value on its row and starts a paragraph.
 */
START_TEST(label_column_takes_its_values)
{
    folio_page *pg = page_with_lines(7);
    const char *labels[] = {"收稿日期：", "基金项目：", "作者简介："};
    const char *values[] = {"2022-03-09", "四川省科技计划项目(2020YFS0186)", "通信作者：孙鹏"};
    for (int i = 0; i < 3; i++) {
        folio_word l = word_at(labels[i], 134, 90, 1991 + 31 * i);
        set_line(&pg->lines[i], labels[i], &l, 1);
        pg->lines[i].block = 1;
        folio_word v = word_at(values[i], 237, 300, 1993 + 31 * i);
        set_line(&pg->lines[3 + i], values[i], &v, 1);
        pg->lines[3 + i].block = pg->lines[3 + i].para = 2;
    }
    pg->lines[0].para_start = pg->lines[3].para_start = true;
    folio_word c = word_at("本文引用格式：张慧敏", 134, 1299, 2081);
    set_line(&pg->lines[6], "本文引用格式：张慧敏", &c, 1);
    pg->lines[6].block = pg->lines[6].para = 3;
    pg->lines[6].para_start = true;
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_uint_eq(pg->n_lines, 4);
    ck_assert_str_eq(pg->lines[0].text, "收稿日期：2022-03-09");
    ck_assert_str_eq(pg->lines[1].text, "基金项目：四川省科技计划项目(2020YFS0186)");
    ck_assert_str_eq(pg->lines[2].text, "作者简介：通信作者：孙鹏");
    ck_assert_uint_eq(pg->n_blocks, 4);
    ck_assert_ptr_nonnull(strstr(pg->text, "2022-03-09\n\n基金项目："));
    folio_page_destroy(&pg);
}
END_TEST

/* A short line ending in a colon that is no field label keeps to its column. */
START_TEST(plain_line_ending_in_colon_is_no_label)
{
    folio_page *pg = page_with_lines(2);
    folio_word a = word_at("主要贡献如下：", 135, 250, 500),
               b = word_at("的研究仍不充分", 420, 600, 500);
    set_line(&pg->lines[0], "主要贡献如下：", &a, 1);
    set_line(&pg->lines[1], "的研究仍不充分", &b, 1);
    pg->lines[0].para_start = true;
    pg->lines[1].block = pg->lines[1].para = 2;
    pg->lines[1].para_start = true;
    ck_assert_int_eq(folio_layout_run(NULL, pg, NULL), 0);
    ck_assert_uint_eq(pg->n_lines, 2);
    ck_assert_str_eq(pg->lines[0].text, "主要贡献如下：");
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
    tcase_add_test(tc, straddling_line_goes_to_its_column);
    tcase_add_test(tc, straddling_run_goes_to_its_column);
    tcase_add_test(tc, line_read_after_the_line_below_goes_back);
    tcase_add_test(tc, wrapped_line_read_after_its_block_goes_on_top);
    tcase_add_test(tc, column_top_read_early_goes_after_its_column);
    tcase_add_test(tc, label_column_takes_its_values);
    tcase_add_test(tc, plain_line_ending_in_colon_is_no_label);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(layout_suite)
