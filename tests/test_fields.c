/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for the fields stage: pipeline/labels.c (tolerant label matching),
 * pipeline/values.c (value cleaning and list splitting), pipeline/crosscheck.c
 * (title block vs printed citation) and pipeline/classify.c + fields.c on
 * synthetic pages built line by line with boxes, one per layout of the
 * corpus (journal, journal-citetop, web), with labels damaged the way OCR
 * damages them, without the English block, and a page that is not a first
 * page. A fuzz case feeds random bytes and boxes.
 */
#include "pipeline/classify.h"
#include "pipeline/crosscheck.h"
#include "pipeline/fields.h"
#include "pipeline/labels.h"
#include "pipeline/pinyin.h"
#include "pipeline/text.h"
#include "pipeline/values.h"
#include "testutil.h"

#include <limits.h>

/* ---- building pages ---------------------------------------------------------------- */

typedef struct tl {
    const char *text;
    int x, y, w, h;
} tl;

#define PAGE_W 2480
#define PAGE_H 3508

/* One word per space-separated token, boxes spread over the line. */
static void add_words(folio_line *ln)
{
    const char *t = ln->text;
    size_t n = strlen(t), i = 0, count = 0;
    ln->words = calloc(n + 1, sizeof(folio_word));
    while (i < n) {
        while (i < n && t[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && t[j] != ' ')
            j++;
        if (j > i) {
            folio_word *w = &ln->words[count++];
            w->text = folio_strndup(t + i, j - i);
            long long x = (long long)ln->box.x + (long long)ln->box.w * (long long)i / (long long)n;
            w->box = (folio_box){(int)(x > INT_MAX ? INT_MAX : x), ln->box.y,
                                 (int)((long long)ln->box.w * (long long)(j - i) / (long long)n),
                                 ln->box.h};
            w->conf = 90;
        }
        i = j;
    }
    ln->n_words = count;
}

/* A page of the given lines, each its own block. */
static folio_page *page_of(const tl *l, size_t n)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic");
    pg->width = PAGE_W;
    pg->height = PAGE_H;
    pg->dpi = 300;
    pg->lines = calloc(n + 1, sizeof(folio_line));
    pg->blocks = calloc(n + 1, sizeof(folio_block));
    for (size_t i = 0; i < n; i++) {
        folio_line *ln = &pg->lines[i];
        ln->text = folio_strdup(l[i].text);
        ln->box = (folio_box){l[i].x, l[i].y, l[i].w, l[i].h};
        ln->conf = 90;
        ln->block = ln->para = (int)i;
        ln->para_start = true;
        add_words(ln);
        pg->blocks[i].text = folio_strdup(l[i].text);
        pg->blocks[i].box = ln->box;
        pg->blocks[i].first_line = i;
        pg->blocks[i].n_lines = 1;
    }
    pg->n_lines = pg->n_blocks = n;
    return pg;
}

/* Two columns of body text starting at y. */
static size_t body_lines(tl *out, int y, size_t rows)
{
    static const char *const text[] = {
        "我国每年产生的建筑垃圾超过20亿吨，其中废弃",
        "混凝土约占40%。将废弃混凝土破碎、筛分后制备",
        "骨料，既能减少天然砂石的开采，又能缓解建筑",
        "围城的问题，具有显著的经济与环境效益。然而",
    };
    size_t n = 0;
    for (size_t r = 0; r < rows; r++) {
        out[n++] = (tl){text[r % 4], 200, y + 62 * (int)r, 1000, 40};
        out[n++] = (tl){text[(r + 1) % 4], 1280, y + 62 * (int)r, 1000, 40};
    }
    return n;
}

static size_t add(tl *out, size_t n, const tl *more, size_t m)
{
    memcpy(out + n, more, m * sizeof(tl));
    return n + m;
}

static folio_page *extract(const tl *l, size_t n)
{
    folio_page *pg = page_of(l, n);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_fields_extract(pg, err), 0);
    folio_error_destroy(&err);
    return pg;
}

static void assert_list(const folio_strlist *l, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    ck_assert_msg(l->n == n, "list has %zu items, want %zu (first: %s)", l->n, n,
                  l->n ? l->items[0] : "-");
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(l->items[i], want[i]);
}

/* The label of the block holding the line whose text starts with prefix. */
static const char *label_of(const folio_page *pg, const char *prefix)
{
    for (size_t i = 0; i < pg->n_blocks; i++)
        if (pg->blocks[i].text && strncmp(pg->blocks[i].text, prefix, strlen(prefix)) == 0)
            return pg->blocks[i].label ? pg->blocks[i].label : "(null)";
    return "(no such block)";
}

/* ---- the journal layout --------------------------------------------------------------- */

/* Header, DOI, Chinese front, abstract, keywords, meta; damaged: OCR-damaged labels. */
static size_t journal_zh_part(tl *out, bool damaged)
{
    const tl l[] = {
        {"重庆大学学报(社会科学版) 2024年第30卷第4期", 200, 146, 2080, 48},
        {"Journal of Chongqing University (Social Science Edition) Vol. 30 No. 4 2024", 200, 210,
         2080, 32},
        {"", 200, 247, 2080, 6},
        {damaged ? "DOT: 10.11835/j.issn.1008-5831.zs. 2024.04.016"
                 : "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
         200, 295, 900, 30},
        {"国家战略腹地建设的内涵特征、重大意义和推进策略", 380, 398, 1720, 73},
        {damaged ? "ihe Ba" : "蒲清平\u3000马睿", 1000, 520, 480, 46},
        {"（重庆大学 马克思主义学院，重庆 400044）", 900, 590, 680, 40},
        {damaged ? "摘 要;面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段的新特征，我国"
                 : "摘　要：面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段的新特征，我国",
         290, 670, 1900, 40},
        {"亟需尽快优化调整重大生产力布局，在广大中西部内陆腹地拓展战略纵深，夯实国家安全", 290, 727,
         1900, 40},
        {"基石。", 290, 784, 200, 40},
        {damaged ? "RHA: 国家战略腹地；大后方；三线建设；重大生产力布局；国家安全"
                 : "关键词：国家战略腹地；大后方；三线建设；重大生产力布局；国家安全",
         290, 841, 1300, 40},
        {damaged ? "中图分类号 : D61 ”文献标志码 : A SESH: 1008-5831(2024)04-0037-12"
                 : "中图分类号：D61　文献标志码：A　文章编号：1008-5831(2024)04-0037-12",
         290, 898, 1400, 40},
    };
    return add(out, 0, l, sizeof(l) / sizeof(l[0]));
}

static size_t journal_en_part(tl *out, size_t n, bool damaged)
{
    const tl l[] = {
        {"The connotation characteristics, great significance and promotion strategy of", 306, 990,
         1870, 49},
        {"national strategic hinterland construction", 800, 1060, 880, 49},
        {"PU Qingping, MA Rui", 1000, 1140, 480, 39},
        {"(School of Marxism, Chongqing University, Chongqing 400044, P. R. China)", 600, 1200,
         1280, 34},
        {"Abstract: Confronted with the intricate international political landscape and global",
         290, 1280, 1900, 37},
        {"industrial competition, China must promptly optimize and adjust the distribution of its",
         290, 1337, 1900, 37},
        {"major productive forces.", 290, 1394, 500, 37},
        {damaged ? "Key word5: national strategic hinterland; rear area; third line construction"
                 : "Key words: national strategic hinterland; rear area; third line construction",
         290, 1451, 1500, 37},
    };
    return add(out, n, l, sizeof(l) / sizeof(l[0]));
}

static size_t journal_footnotes(tl *out, size_t n, bool citation, bool damaged)
{
    const tl notes[] = {
        {"", 200, 2960, 700, 3},
        {damaged ? "AMEN: 2022-06-18" : "收稿日期：2022-06-18", 200, 2988, 300, 30},
        {"基金项目：国家社会科学基金项目(20BZS112)", 200, 3033, 900, 34},
        {"作者简介：蒲清平(1963—)，男，重庆大学马克思主义学院教授。", 200, 3078, 1000, 34},
    };
    n = add(out, n, notes, sizeof(notes) / sizeof(notes[0]));
    const tl cite[] = {
        {"本文引用格式：蒲清平，马睿．国家战略腹地建设的内涵特征、重大意义和推进策略[J]．"
         "重庆大学学报(社会科学版)，2024，30(4)：",
         200, 3123, 2000, 33},
        {"37-48．", 200, 3174, 106, 22},
        {"Citation: PU Q P, MA R. The connotation characteristics, great significance and "
         "promotion strategy of national strategic",
         200, 3220, 2045, 28},
        {"hinterland construction[J]. Journal of Chongqing University (Social Science Edition), "
         "2024, 30(4): 37-48.",
         200, 3265, 1500, 28},
    };
    return citation ? add(out, n, cite, sizeof(cite) / sizeof(cite[0])) : n;
}

static folio_page *journal_page(bool damaged, bool english)
{
    tl l[128];
    size_t n = journal_zh_part(l, damaged);
    if (english)
        n = journal_en_part(l, n, damaged);
    n += body_lines(l + n, 1560, 12);
    n = journal_footnotes(l, n, true, damaged);
    return extract(l, n);
}

START_TEST(journal_front_fields)
{
    folio_page *pg = journal_page(false, true);
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->journal_zh, "重庆大学学报(社会科学版)");
    ck_assert_str_eq(f->journal_en, "Journal of Chongqing University (Social Science Edition)");
    ck_assert_str_eq(f->doi, "10.11835/j.issn.1008-5831.zs.2024.04.016");
    ck_assert_str_eq(f->title_zh, "国家战略腹地建设的内涵特征、重大意义和推进策略");
    assert_list(&f->authors_zh, (const char *const[]){"蒲清平", "马睿", NULL});
    ck_assert_str_eq(f->affiliation_zh, "重庆大学 马克思主义学院，重庆 400044");
    ck_assert_str_eq(
        f->abstract_zh,
        "面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段的新特征，我国亟需尽快优化"
        "调整重大生产力布局，在广大中西部内陆腹地拓展战略纵深，夯实国家安全基石。");
    assert_list(&f->keywords_zh, (const char *const[]){"国家战略腹地", "大后方", "三线建设",
                                                       "重大生产力布局", "国家安全", NULL});
    ck_assert_str_eq(f->clc, "D61");
    ck_assert_str_eq(f->doc_code, "A");
    ck_assert_str_eq(f->article_no, "1008-5831(2024)04-0037-12");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(journal_english_fields)
{
    folio_page *pg = journal_page(false, true);
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->title_en,
                     "The connotation characteristics, great significance and "
                     "promotion strategy of national strategic hinterland construction");
    assert_list(&f->authors_en, (const char *const[]){"PU Qingping", "MA Rui", NULL});
    ck_assert_str_eq(f->affiliation_en,
                     "School of Marxism, Chongqing University, Chongqing 400044, P. R. China");
    ck_assert_str_eq(f->abstract_en,
                     "Confronted with the intricate international political landscape and global "
                     "industrial competition, China must promptly optimize and adjust the "
                     "distribution of its major productive forces.");
    assert_list(&f->keywords_en, (const char *const[]){"national strategic hinterland", "rear area",
                                                       "third line construction", NULL});
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(journal_footnote_fields)
{
    folio_page *pg = journal_page(false, true);
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->received, "2022-06-18");
    ck_assert_ptr_null(f->online);
    ck_assert_str_eq(f->funding, "国家社会科学基金项目(20BZS112)");
    ck_assert_str_eq(f->author_bio, "蒲清平(1963—)，男，重庆大学马克思主义学院教授。");
    ck_assert_str_eq(f->citation_zh,
                     "蒲清平，马睿．国家战略腹地建设的内涵特征、重大意义和推进策略[J]．"
                     "重庆大学学报(社会科学版)，2024，30(4)：37-48．");
    ck_assert_str_eq(f->citation_en,
                     "PU Q P, MA R. The connotation characteristics, great significance and "
                     "promotion strategy of national strategic hinterland construction[J]. Journal "
                     "of Chongqing University (Social Science Edition), 2024, 30(4): 37-48.");
    ck_assert_ptr_nonnull(f->citation);
    ck_assert_int_eq(f->citation->year, 2024);
    /* the citation does not print the DOI: the article's DOI is the citation's */
    ck_assert_str_eq(f->citation->doi, "10.11835/j.issn.1008-5831.zs.2024.04.016");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(journal_block_labels)
{
    folio_page *pg = journal_page(false, true);
    ck_assert_str_eq(label_of(pg, "重庆大学学报"), "running_header");
    ck_assert_str_eq(label_of(pg, "DOI:"), "doi");
    ck_assert_str_eq(label_of(pg, "国家战略腹地建设"), "title_zh");
    ck_assert_str_eq(label_of(pg, "蒲清平\u3000"), "authors_zh");
    ck_assert_str_eq(label_of(pg, "（重庆大学"), "affiliation_zh");
    ck_assert_str_eq(label_of(pg, "摘　要"), "abstract_zh");
    ck_assert_str_eq(label_of(pg, "基石。"), "abstract_zh");
    ck_assert_str_eq(label_of(pg, "关键词"), "keywords_zh");
    ck_assert_str_eq(label_of(pg, "中图分类号"), "meta");
    ck_assert_str_eq(label_of(pg, "national strategic hinterland construction"), "title_en");
    ck_assert_str_eq(label_of(pg, "PU Qingping"), "authors_en");
    ck_assert_str_eq(label_of(pg, "(School"), "affiliation_en");
    ck_assert_str_eq(label_of(pg, "major productive"), "abstract_en");
    ck_assert_str_eq(label_of(pg, "Key words"), "keywords_en");
    ck_assert_str_eq(label_of(pg, "我国每年"), "body");
    ck_assert_str_eq(label_of(pg, "收稿日期"), "received");
    ck_assert_str_eq(label_of(pg, "基金项目"), "funding");
    ck_assert_str_eq(label_of(pg, "作者简介"), "author_bio");
    ck_assert_str_eq(label_of(pg, "本文引用格式"), "citation_zh");
    ck_assert_str_eq(label_of(pg, "37-48．"), "citation_zh");
    ck_assert_str_eq(label_of(pg, "hinterland construction[J]"), "citation_en");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(damaged_labels)
{
    folio_page *pg = journal_page(true, true);
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->doi, "10.11835/j.issn.1008-5831.zs.2024.04.016"); /* DOT:, space inside */
    ck_assert_str_eq(
        f->abstract_zh,
        "面对复杂的国际政治环境和全球产业竞争，立足我国新发展阶段的新特征，我国亟需尽快优化"
        "调整重大生产力布局，在广大中西部内陆腹地拓展战略纵深，夯实国家安全基石。");
    assert_list(&f->keywords_zh, (const char *const[]){"国家战略腹地", "大后方", "三线建设",
                                                       "重大生产力布局", "国家安全", NULL});
    ck_assert_str_eq(f->clc, "D61");
    ck_assert_str_eq(f->doc_code, "A");
    ck_assert_str_eq(f->article_no, "1008-5831(2024)04-0037-12"); /* 文章编号 read as SESH: */
    assert_list(&f->keywords_en, (const char *const[]){"national strategic hinterland", "rear area",
                                                       "third line construction", NULL});
    /* the 楷体 authors line came out as Latin letters: the citation's authors instead */
    assert_list(&f->authors_zh, (const char *const[]){"蒲清平", "马睿", NULL});
    ck_assert_str_eq(label_of(pg, "RHA:"), "keywords_zh");
    ck_assert_str_eq(f->received, "2022-06-18"); /* 收稿日期 read as AMEN: */
    ck_assert_str_eq(label_of(pg, "AMEN:"), "received");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(missing_english_block)
{
    folio_page *pg = journal_page(false, false);
    const folio_fields *f = &pg->fields;
    ck_assert_ptr_null(f->title_en);
    ck_assert_ptr_null(f->abstract_en);
    ck_assert_ptr_null(f->affiliation_en);
    ck_assert_uint_eq(f->authors_en.n, 0);
    ck_assert_uint_eq(f->keywords_en.n, 0);
    ck_assert_str_eq(f->title_zh, "国家战略腹地建设的内涵特征、重大意义和推进策略");
    ck_assert_str_eq(f->article_no, "1008-5831(2024)04-0037-12");
    ck_assert_str_eq(f->received, "2022-06-18");
    ck_assert_str_eq(label_of(pg, "我国每年"), "body");
    folio_page_destroy(&pg);
}
END_TEST

/* Names printed "Given Surname" style without capitals: the line above the affiliation. */
START_TEST(english_names_in_title_case)
{
    tl l[128];
    size_t n = journal_zh_part(l, false);
    const tl en[] = {
        {"A lightweight recognition method for mixed Chinese-English text in historical", 306, 990,
         1870, 49},
        {"documents", 1100, 1060, 300, 49},
        {"Zhou Wenjie, Huang Ruoxi", 1000, 1140, 480, 39},
        {"(Wangxuan Institute of Computer Technology, Peking University, Beijing 100871)", 600,
         1200, 1280, 34},
        {"Abstract: Scanned images of historical documents commonly suffer from skew.", 290, 1280,
         1900, 37},
    };
    n = add(l, n, en, sizeof(en) / sizeof(en[0]));
    n += body_lines(l + n, 1560, 12);
    folio_page *pg = extract(l, n);
    ck_assert_str_eq(pg->fields.title_en, "A lightweight recognition method for mixed "
                                          "Chinese-English text in historical documents");
    assert_list(&pg->fields.authors_en, (const char *const[]){"Zhou Wenjie", "Huang Ruoxi", NULL});
    ck_assert_str_eq(
        pg->fields.affiliation_en,
        "Wangxuan Institute of Computer Technology, Peking University, Beijing 100871");
    folio_page_destroy(&pg);
}
END_TEST

/* ---- journal-citetop and web ------------------------------------------------------------ */

START_TEST(citetop_layout)
{
    tl l[128];
    const tl top[] = {
        {"重庆大学学报(社会科学版) 2024年第30卷第4期", 200, 146, 2080, 48},
        {"Journal of Chongqing University (Social Science Edition) Vol. 30 No. 4 2024", 200, 210,
         2080, 32},
        {"引用格式：蒲清平，马睿．国家战略腹地建设的内涵特征、重大意义和推进策略[J]．"
         "重庆大学学报(社会科学版)，2024，30(4)：37-48. "
         "DOI:10.11835/j.issn.1008-5831.zs.2024.04.016",
         220, 270, 2000, 33},
        {"Citation: PU Q P, MA R. The connotation characteristics, great significance and "
         "promotion strategy of national strategic",
         220, 310, 2000, 28},
        {"hinterland construction[J]. Journal of Chongqing University (Social Science Edition), "
         "2024, 30(4): 37-48.",
         220, 345, 1500, 28},
    };
    size_t n = add(l, 0, top, sizeof(top) / sizeof(top[0]));
    tl zh[32];
    size_t m = journal_zh_part(zh, false);
    n = add(l, n, zh + 4, m - 4); /* no DOI line: the citation box prints it */
    n = journal_en_part(l, n, false);
    n += body_lines(l + n, 1560, 12);
    n = journal_footnotes(l, n, false, false);
    folio_page *pg = extract(l, n);
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->doi, "10.11835/j.issn.1008-5831.zs.2024.04.016");
    ck_assert_ptr_nonnull(strstr(f->citation_zh, "推进策略[J]"));
    ck_assert_ptr_nonnull(strstr(f->citation_en, "hinterland construction[J]"));
    ck_assert_ptr_null(strstr(f->citation_en, "蒲清平"));
    ck_assert_str_eq(f->title_zh, "国家战略腹地建设的内涵特征、重大意义和推进策略");
    ck_assert_str_eq(f->affiliation_zh, "重庆大学 马克思主义学院，重庆 400044");
    ck_assert_str_eq(f->received, "2022-06-18");
    ck_assert_str_eq(label_of(pg, "引用格式"), "citation_zh");
    ck_assert_str_eq(label_of(pg, "Citation:"), "citation_en");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(web_layout)
{
    const tl l[] = {
        {"重庆大学 马克思主义学院, 重庆 400044", 887, 257, 745, 49},
        {"The connotation characteristics, great significance and promotion strategy of", 308, 363,
         1901, 75},
        {"national strategic hinterland construction", 742, 453, 1027, 75},
        {"School of Marxism, Chongqing University, Chongqing 400044, P. R. China", 593, 552, 1322,
         52},
        {"面对复杂的国际政治环境和全球产业竞争, 立足我国新发展阶段的新特征, 我国亟需尽快优化", 299,
         656, 1989, 62},
        {"调整重大生产力布局, 在广大中西部内陆腹地拓展战略纵深, 夯实国家安全基石。2023年12月中央",
         215, 718, 2075, 62},
        {"经济工作会议首次提出建设国家战略腹地的战略构想。", 215, 780, 1100, 62},
        {"Confronted with the intricate international political landscape and global industrial",
         288, 900, 1995, 62},
        {"competition, China must promptly optimize and adjust the distribution of its major", 204,
         962, 2077, 62},
        {"productive forces.", 204, 1024, 500, 62},
        {"蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
         "2024,30(4):37-48.",
         187, 1140, 2025, 62},
        {"DOI:10.11835/j.issn.1008-5831.zs.2024.04.016", 185, 1206, 798, 41},
        {"在线发布日期: 2024-09-13", 185, 1290, 466, 42},
    };
    folio_page *pg = extract(l, sizeof(l) / sizeof(l[0]));
    const folio_fields *f = &pg->fields;
    ck_assert_str_eq(f->affiliation_zh, "重庆大学 马克思主义学院, 重庆 400044");
    ck_assert_str_eq(f->title_en,
                     "The connotation characteristics, great significance and "
                     "promotion strategy of national strategic hinterland construction");
    ck_assert_str_eq(f->affiliation_en,
                     "School of Marxism, Chongqing University, Chongqing 400044, P. R. China");
    ck_assert_ptr_nonnull(f->abstract_zh);
    ck_assert_ptr_nonnull(strstr(f->abstract_zh, "面对复杂"));
    ck_assert_ptr_nonnull(strstr(f->abstract_zh, "战略构想。"));
    ck_assert_str_eq(f->abstract_en,
                     "Confronted with the intricate international political landscape and global "
                     "industrial competition, China must promptly optimize and adjust the "
                     "distribution of its major productive forces.");
    ck_assert_ptr_nonnull(f->citation_zh);
    ck_assert_ptr_nonnull(strstr(f->citation_zh, "37-48. DOI:10.11835/"));
    ck_assert_str_eq(f->online, "2024-09-13");
    ck_assert_str_eq(f->doi, "10.11835/j.issn.1008-5831.zs.2024.04.016");
    ck_assert_ptr_null(f->title_zh);
    ck_assert_ptr_null(f->received);
    ck_assert_uint_eq(f->authors_en.n, 0);
    ck_assert_str_eq(label_of(pg, "DOI:"), "citation_zh");
    folio_page_destroy(&pg);
}
END_TEST

/* The line of pg whose text starts with prefix: first read at conf, read again as alt. */
static void read_again(folio_page *pg, const char *prefix, float conf, const char *alt,
                       float alt_conf)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_line *ln = &pg->lines[i];
        if (strncmp(ln->text, prefix, strlen(prefix)) != 0)
            continue;
        ln->conf = conf;
        ln->alt_text = folio_strdup(alt);
        ln->alt_conf = alt_conf;
        return;
    }
    ck_abort_msg("no line starts with %s", prefix);
}

static void fields_of(folio_page *pg)
{
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_fields_extract(pg, err), 0);
    folio_error_destroy(&err);
}

START_TEST(second_readings_vote)
{
    /* seed-web-clean: the citation line read at 31 in the page ("内疗", "帮" for [J]); read
     * alone at 81. The page prints the title nowhere else: without the second reading the
     * parsed title keeps 内疗 */
    static const char *first = "消清平,马壹.国家战略腹地建设的内疗特征、重大意义和推进策略帮."
                               "重庆大学学报社会科学版，2024, 30(4):37-48.";
    static const char *second = "蒲清平,马壮.国家战略腹地建设的内涵特征、重大意义和推进策略[J]."
                                "重庆大学学报社会科学版,2024,30(4):37-48.";
    const tl l[] = {
        {"重庆大学 马克思主义学院, 重庆 400044", 887, 257, 745, 49},
        {"The connotation characteristics, great significance and promotion strategy of", 308, 363,
         1901, 75},
        {"national strategic hinterland construction", 742, 453, 1027, 75},
        {"面对复杂的国际政治环境和全球产业竞争, 立足我国新发展阶段的新特征, 我国亟需尽快优化", 299,
         656, 1989, 62},
        {"调整重大生产力布局, 在广大中西部内陆腹地拓展战略纵深, 夯实国家安全基石。", 215, 718, 2075,
         62},
        {"Confronted with the intricate international political landscape and global industrial",
         288, 900, 1995, 62},
        {"productive forces.", 204, 1024, 500, 62},
        {first, 187, 1140, 2025, 62},
        {"DOI:10.11835/j.issn.1008-5831.zs.2024.04.016", 185, 1206, 798, 41},
        {"在线发布日期: 2024-09-13", 185, 1290, 466, 42},
    };
    size_t n = sizeof(l) / sizeof(l[0]);
    folio_page *pg = page_of(l, n);
    read_again(pg, "消清平", 31, first, 31); /* the same reading twice: nothing to vote */
    fields_of(pg);
    ck_assert_ptr_nonnull(pg->fields.citation);
    ck_assert_ptr_nonnull(strstr(pg->fields.citation->title, "内疗"));
    folio_page_destroy(&pg);

    pg = page_of(l, n);
    read_again(pg, "消清平", 31, second, 81);
    fields_of(pg);
    const folio_citation *c = pg->fields.citation;
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->title, "国家战略腹地建设的内涵特征、重大意义和推进策略");
    ck_assert_str_eq(c->type, "J");
    ck_assert_str_eq(c->authors[0], "蒲清平");
    ck_assert_str_eq(c->volume, "30");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(second_reading_of_garbled_authors)
{
    /* seed-head.png: the 楷体 author line read "蒲清平 + SA" at 49, alone "蒲清平“马睿" at 48:
     * too far apart to vote, the Latin letters are the misreading (no citation on this page
     * to give the names) */
    tl l[128];
    size_t n = journal_zh_part(l, false);
    l[5].text = "蒲清平 + SA";
    n = journal_en_part(l, n, false);
    n += body_lines(l + n, 1560, 12);
    n = journal_footnotes(l, n, false, false);
    folio_page *pg = page_of(l, n);
    fields_of(pg);
    ck_assert_uint_eq(pg->fields.authors_zh.n, 1);
    folio_page_destroy(&pg);

    pg = page_of(l, n);
    read_again(pg, "蒲清平 + SA", 49, "蒲清平“马睿", 48);
    fields_of(pg);
    const char *const want[] = {"蒲清平", "马睿", NULL};
    assert_list(&pg->fields.authors_zh, want);
    folio_page_destroy(&pg);

    /* an English line is never taken for its Chinese reading */
    pg = page_of(l, n);
    read_again(pg, "PU Qingping", 60, "蒲清平，马睿", 90);
    fields_of(pg);
    const char *const en[] = {"PU Qingping", "MA Rui", NULL};
    assert_list(&pg->fields.authors_en, en);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(not_a_first_page)
{
    tl l[64];
    l[0] = (tl){"重庆大学学报(社会科学版) 第30卷", 200, 146, 2080, 48};
    size_t n = 1 + body_lines(l + 1, 300, 24);
    folio_page *pg = extract(l, n);
    const folio_fields *f = &pg->fields;
    ck_assert_ptr_null(f->title_zh);
    ck_assert_ptr_null(f->abstract_zh);
    ck_assert_ptr_null(f->journal_zh);
    ck_assert_ptr_null(f->citation);
    ck_assert_uint_eq(f->authors_zh.n, 0);
    ck_assert_str_eq(label_of(pg, "重庆大学学报"), "running_header");
    ck_assert_str_eq(label_of(pg, "我国每年"), "body");
    folio_page_destroy(&pg);
}
END_TEST

/* A hyphen at a line end: dropped inside a word, kept in a compound the page prints whole. */
START_TEST(hyphen_at_line_end)
{
    const tl l[] = {
        {"中图分类号：TU528.01　文献标志码：A", 290, 500, 1400, 40},
        {"Abstract: Tests of up to 300 freeze-", 290, 600, 1900, 37},
        {"thaw cycles were carried out to opti-", 290, 657, 1900, 37},
        {"mize the mix.", 290, 714, 400, 37},
        {"Key words: freeze-thaw cycle; concrete", 290, 771, 1500, 37},
        {"收稿日期：2022-06-18", 200, 2988, 300, 30},
    };
    folio_page *pg = page_of(l, sizeof(l) / sizeof(l[0]));
    folio_buf text = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_lines; i++)
        folio_buf_printf(&text, "%s\n\n", pg->lines[i].text);
    pg->text = folio_buf_take(&text);
    ck_assert_int_eq(folio_fields_extract(pg, NULL), 0);
    ck_assert_str_eq(pg->fields.abstract_en,
                     "Tests of up to 300 freeze-thaw cycles were carried out to optimize the mix.");
    folio_page_destroy(&pg);
}
END_TEST

/* References end a paper: citations and DOIs, but no front matter, so no fields. */
START_TEST(reference_list_is_not_a_first_page)
{
    tl l[64];
    l[0] = (tl){"重庆大学学报(社会科学版) 第30卷", 200, 146, 2080, 48};
    size_t n = 1 + body_lines(l + 1, 300, 10);
    const tl refs[] = {
        {"[1] "
         "李明远，王晓燕．冻融循环作用下再生骨料混凝土[J]．土木工程学报，2023，45(2)：112-120．",
         200, 1100, 2000, 34},
        {"DOI: 10.11835/j.issn.2096-6717.2022.087", 200, 1145, 900, 34},
        {"[2] 蒲清平，马睿．国家战略腹地建设[J]．重庆大学学报，2024，30(4)：37-48．", 200, 1190,
         2000, 34},
        {"基金项目的管理办法对科研人员的影响较大，本文不再展开讨论其细节问题。", 200, 1235, 2000,
         34},
    };
    n = add(l, n, refs, sizeof(refs) / sizeof(refs[0]));
    folio_page *pg = extract(l, n);
    ck_assert_ptr_null(pg->fields.citation_zh);
    ck_assert_ptr_null(pg->fields.doi);
    ck_assert_ptr_null(pg->fields.abstract_zh);
    ck_assert_str_eq(label_of(pg, "[1] 李明远"), "body");
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(bad_arguments_and_empty_pages)
{
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_fields_extract(NULL, err), FOLIO_EUSAGE);
    ck_assert_int_eq(folio_error_code(err), FOLIO_EUSAGE);
    folio_page *pg = page_of(NULL, 0);
    ck_assert_int_eq(folio_fields_extract(pg, err), 0);
    ck_assert_ptr_null(pg->fields.title_zh);
    folio_page_destroy(&pg);
    /* lines without text, zero and negative boxes */
    tl l[] = {{"", 0, 0, 0, 0}, {"摘要：", -5, -5, -1, -1}, {"关键词：", 0, 0, 0, 0}};
    pg = page_of(l, 3);
    free(pg->lines[0].text);
    pg->lines[0].text = NULL;
    ck_assert_int_eq(folio_fields_extract(pg, err), 0);
    folio_page_destroy(&pg);
    folio_error_destroy(&err);
}
END_TEST

/* Random bytes, boxes and line counts: the stage must return 0 and not crash. */
START_TEST(fuzz_random_pages)
{
    static const char *const pieces[] = {
        "摘要：",     "关键词：",   "Abstract:", "Key words:", "DOI: 10.", "中图分类号：",
        "收稿日期：", "引用格式：", "（",        "）",         "[J]",      "2024，30(4)：",
        "一",         "\xff\xfe",   "\xe4\xb8",  "a",          " ",        "；",
        "大学",       "400044",     "Citation:", "通信作者"};
    uint32_t seed = 12345;
    for (int round = 0; round < 400; round++) {
        size_t n = (size_t)(seed % 40);
        tl l[40];
        char text[40][160];
        for (size_t i = 0; i < n; i++) {
            size_t len = 0;
            text[i][0] = '\0';
            for (int k = 0; k < 6; k++) {
                seed = seed * 1103515245u + 12345u;
                const char *p = pieces[(seed >> 8) % (sizeof(pieces) / sizeof(pieces[0]))];
                if (len + strlen(p) < sizeof(text[i]) - 1) {
                    strcat(text[i], p);
                    len += strlen(p);
                }
            }
            seed = seed * 1103515245u + 12345u;
            l[i] = (tl){text[i], (int)(seed % 3000) - 200, (int)((seed >> 4) % 4000) - 200,
                        (int)((seed >> 8) % 2500), (int)((seed >> 12) % 120)};
            if (round % 50 == 7) /* absurd boxes must not overflow anything */
                l[i] = (tl){text[i], INT_MAX - (int)i, INT_MIN + (int)i, INT_MAX, INT_MAX};
        }
        folio_page *pg = page_of(l, n);
        for (size_t i = 0; i + 1 < n; i += 3) { /* second readings: another line's text */
            pg->lines[i].alt_text = folio_strdup(text[i + 1]);
            pg->lines[i].alt_conf = (float)(seed % 101);
        }
        ck_assert_int_eq(folio_fields_extract(pg, NULL), 0);
        folio_page_destroy(&pg);
        seed = seed * 1103515245u + 12345u;
    }
}
END_TEST

/* ---- labels ----------------------------------------------------------------------------- */

static void assert_cue(const char *s, folio_cue want, const char *value)
{
    folio_cue_hit h;
    bool found = folio_cue_at_start(s, &h);
    ck_assert_msg(h.cue == want, "%s: cue %s, want %s", s, folio_cue_name(h.cue),
                  folio_cue_name(want));
    ck_assert_int_eq(found, want != FOLIO_CUE_NONE);
    if (value)
        ck_assert_str_eq(s + h.value, value);
}

START_TEST(label_variants)
{
    assert_cue("摘要：面对", FOLIO_CUE_ABSTRACT_ZH, "面对");
    assert_cue("摘 要;面对", FOLIO_CUE_ABSTRACT_ZH, "面对");
    assert_cue("摘　要：面对", FOLIO_CUE_ABSTRACT_ZH, "面对");
    assert_cue("【摘要】面对", FOLIO_CUE_ABSTRACT_ZH, "面对");
    assert_cue("关键词：数字经济", FOLIO_CUE_KEYWORDS_ZH, "数字经济");
    assert_cue("关键字: 数字经济", FOLIO_CUE_KEYWORDS_ZH,
               "数字经济");                               /* one wrong character + colon */
    assert_cue("关键在于数字经济", FOLIO_CUE_NONE, NULL); /* ... but not without colon */
    assert_cue("RHA: 国家战略腹地", FOLIO_CUE_GARBLED, "国家战略腹地");
    assert_cue("中图分类号 : D61", FOLIO_CUE_CLC, "D61");
    assert_cue("中国分类号 : F127", FOLIO_CUE_CLC, "F127");
    assert_cue("文献标志码：A", FOLIO_CUE_DOC_CODE, "A");
    assert_cue("文章编号：1008-5831(2024)04-0037-12", FOLIO_CUE_ARTICLE_NO, NULL);
    assert_cue("Abstract: To investigate", FOLIO_CUE_ABSTRACT_EN, "To investigate");
    assert_cue("ABSTRACT To investigate", FOLIO_CUE_ABSTRACT_EN, "To investigate");
    assert_cue("Abstraet: To investigate", FOLIO_CUE_ABSTRACT_EN, "To investigate");
    assert_cue("Key words: concrete", FOLIO_CUE_KEYWORDS_EN, "concrete");
    assert_cue("Key word5: concrete", FOLIO_CUE_KEYWORDS_EN, "concrete");
    assert_cue("Keywords：concrete", FOLIO_CUE_KEYWORDS_EN, "concrete");
    assert_cue("DOI: 10.11835/x", FOLIO_CUE_DOI, "10.11835/x");
    assert_cue("DOT: 10.11835/x", FOLIO_CUE_DOI, "10.11835/x");
    assert_cue("DOK：10.11835/x", FOLIO_CUE_DOI, "10.11835/x");
    assert_cue("Dot products are", FOLIO_CUE_NONE, NULL);
    assert_cue("收稿日期：2022-06-18", FOLIO_CUE_RECEIVED, "2022-06-18");
    assert_cue("收稿日朗：2022-06-18", FOLIO_CUE_RECEIVED, "2022-06-18");
    assert_cue("收营日斯：2022-08-25", FOLIO_CUE_GARBLED,
               "2022-08-25"); /* two wrong: position decides */
    assert_cue("搞”要：为研究", FOLIO_CUE_GARBLED, "为研究");
    assert_cue("”摘”要：为研究", FOLIO_CUE_ABSTRACT_ZH, "为研究");
    assert_cue("在线发布日期: 2024-09-13", FOLIO_CUE_ONLINE, "2024-09-13");
    assert_cue("基金项目：国家", FOLIO_CUE_FUNDING, "国家");
    assert_cue("作者简介：李明远", FOLIO_CUE_BIO, "李明远");
    assert_cue("通信作者：孙鹏", FOLIO_CUE_CORRESP, "孙鹏");
    assert_cue("本文引用格式：李明远", FOLIO_CUE_CITE_ZH, "李明远");
    assert_cue("引用格式：李明远", FOLIO_CUE_CITE_ZH, "李明远");
    assert_cue("Citation: LI M Y", FOLIO_CUE_CITE_EN, "LI M Y");
    assert_cue("Cite this article: LI M Y", FOLIO_CUE_CITE_EN, "LI M Y");
    assert_cue("我国每年产生的建筑垃圾", FOLIO_CUE_NONE, NULL);
    assert_cue("", FOLIO_CUE_NONE, NULL);
    assert_cue(NULL, FOLIO_CUE_NONE, NULL);
}
END_TEST

START_TEST(labels_inside_a_line)
{
    const char *meta = "中图分类号：D61　文献标志码：A　文章编号：1008-5831(2024)04-0037-12";
    folio_cue_hit h;
    ck_assert(folio_cue_find(meta, 1, ~0u, &h));
    ck_assert_int_eq(h.cue, FOLIO_CUE_DOC_CODE);
    ck_assert_str_eq(meta + h.value, "A　文章编号：1008-5831(2024)04-0037-12");
    ck_assert(folio_cue_find(meta, h.value, ~0u, &h));
    ck_assert_int_eq(h.cue, FOLIO_CUE_ARTICLE_NO);
    /* a label word inside a value is not a label */
    ck_assert(!folio_cue_find("国家社会科学基金项目(20BZS112)", 0, ~0u, &h));
    ck_assert(folio_cue_find("2022-06-18；修回日期：2022-09-01", 0, ~0u, &h));
    ck_assert_int_eq(h.cue, FOLIO_CUE_REVISED);
}
END_TEST

/* ---- values ------------------------------------------------------------------------------ */

static void assert_value(char *got, const char *want)
{
    if (!want)
        ck_assert_msg(got == NULL, "got %s, want NULL", got);
    else
        ck_assert_str_eq(got ? got : "(null)", want);
    free(got);
}

static void assert_split(int (*split)(const char *, folio_strlist *), const char *s,
                         const char *const *want)
{
    folio_strlist l = {0};
    ck_assert_int_eq(split(s, &l), 0);
    assert_list(&l, want);
    folio_strlist_clear(&l);
}

static int kw(const char *s, folio_strlist *l)
{
    return folio_split_keywords(s, true, l);
}

START_TEST(value_cleaning)
{
    assert_value(folio_value_unwrap("（重庆大学 马克思主义学院，重庆 400044）"),
                 "重庆大学 马克思主义学院，重庆 400044");
    assert_value(folio_value_unwrap(" (School of Marxism, Chongqing University)"),
                 "School of Marxism, Chongqing University");
    assert_value(folio_value_unwrap("(1. 西南大学；2. 重庆市生态环境监测中心)"),
                 "1. 西南大学；2. 重庆市生态环境监测中心");
    assert_value(folio_value_clean(" ：面对 "), "面对");
    assert_value(folio_value_doi("DOI: 10.11835/j.issn.2096-67 17.2022.087"),
                 "10.11835/j.issn.2096-6717.2022.087");
    assert_value(folio_value_doi("10.3760/cma.j.cn112137-20220309-00512."),
                 "10.3760/cma.j.cn112137-20220309-00512");
    assert_value(folio_value_doi("no doi here"), NULL);
    assert_value(folio_value_doi("DOI: 10.13227/,.hjkx.202210140"), "10.13227/j.hjkx.202210140");
    assert_value(folio_value_doi("DOI: 10.11835/).issn.2096-6717"), "10.11835/j.issn.2096-6717");
    assert_value(folio_value_doi("DOI: 10.11835/.issn.2096-6717"), "10.11835/j.issn.2096-6717");
    assert_value(folio_value_doi("DOI:10.11835/j.issn.1008-583 I .zs.2024.04.016"),
                 "10.11835/j.issn.1008-5831.zs.2024.04.016");
    assert_value(folio_value_doi("DOI: 10.11835/j).issn.2096-6717.2022.087"),
                 "10.11835/j.issn.2096-6717.2022.087");
    assert_value(folio_value_doi("DOI: 10.3760/cema,j.cn}12137-20220309"),
                 "10.3760/cema.j.cn112137-20220309");
    assert_value(folio_value_date(" 2022-06-18"), "2022-06-18");
    assert_value(folio_value_date("2022 -6-8；修回"), "2022-6-8");
    assert_value(folio_value_date("2021年4月30日；修回日期"), "2021年4月30日");
    assert_value(folio_value_clc(" TU528.01 ”文献标志码"), "TU528.01");
    assert_value(folio_value_clc("D61Mie:A"), "D61");
    assert_value(folio_value_clc("TP391.4；TP18"), "TP391.4;TP18");
    assert_value(folio_value_clc("RS87.1"), "R587.1"); /* only T classes have a second letter */
    assert_value(folio_value_clc("TS201.2"), "TS201.2");
    assert_value(folio_value_clc("Xs13"), "X513");
    assert_value(folio_value_find_clc(": K27 文献标志码 : A"), "K27");
    assert_value(folio_value_doc_code(" A　"), "A");
    assert_value(folio_value_find_doc_code("中图分类号 : D61 Mie: A SESH: 1008", "D61"), "A");
    assert_value(folio_value_article_no("2096-6717(2023)02-0112.09"), "2096-6717(2023)02-0112-09");
    assert_value(folio_value_find_article_no("A SESH: 0254-4164(2023)05-0988-14"),
                 "0254-4164(2023)05-0988-14");
    assert_value(
        folio_value_journal("土木与环境工程学报 (中英文 ) 2023 年 4 月第 45 卷第 2 期", true),
        "土木与环境工程学报 (中英文 )");
    assert_value(folio_value_journal("计算机学报 第46卷 第5期 2023年5月", true), "计算机学报");
    assert_value(folio_value_journal("Economic Research Journal No. 3, 2024", false),
                 "Economic Research Journal");
    assert_value(folio_value_journal("Environmental Science Vol. 44, No. 8 Aug., 2023", false),
                 "Environmental Science");
    assert_value(folio_value_journal("2024年第3期 经济研究", true), "经济研究");
    assert_value(folio_value_journal("‘Chinese Journal of Computers Vol. 46", false),
                 "Chinese Journal of Computers");
    assert_value(folio_value_journal("Vol. 30 No. 4 2024 Journal of Chongqing University", false),
                 "Journal of Chongqing University");
    assert_value(folio_value_fix_dashes("考察 (1964 一 1980)"), "考察 (1964—1980)");
    assert_value(folio_value_fix_dashes("李明远 (1990 一 )，男"), "李明远 (1990—)，男");
    assert_value(folio_value_fix_dashes("一种方法"), "一种方法");
    assert_value(folio_value_drop_latin_garbage("- ARANNRE RES NE, 重大意义和推进策略"),
                 "重大意义和推进策略");
    assert_value(folio_value_drop_latin_garbage("成渝地区冬季PM2.5化学组分"),
                 "成渝地区冬季PM2.5化学组分");
    assert_value(folio_value_drop_latin_garbage("alll"), "alll");
}
END_TEST

START_TEST(list_splitting)
{
    assert_split(folio_split_authors_zh, "李明远，王晓燕，陈志强",
                 (const char *const[]){"李明远", "王晓燕", "陈志强", NULL});
    assert_split(folio_split_authors_zh, "蒲清平\u3000马睿",
                 (const char *const[]){"蒲清平", "马睿", NULL});
    assert_split(folio_split_authors_zh, "杨雪1, 何俊峰1,2*、邓丽娟2",
                 (const char *const[]){"杨雪", "何俊峰", "邓丽娟", NULL});
    assert_split(folio_split_authors_zh, "AM, ERR, KER", (const char *const[]){NULL});
    assert_split(folio_split_authors_en, "YANG Xue1, HE Junfeng1,2*, DENG Lijuan and TANG Tao",
                 (const char *const[]){"YANG Xue", "HE Junfeng", "DENG Lijuan", "TANG Tao", NULL});
    assert_split(
        kw, "再生骨料混凝土；冻融循环; 损伤演化；Weibull分布。",
        (const char *const[]){"再生骨料混凝土", "冻融循环", "损伤演化", "Weibull分布", NULL});
    assert_split(kw, "PM2.5; chemical composition; PMF model",
                 (const char *const[]){"PM2.5", "chemical composition", "PMF model", NULL});
}
END_TEST

/* ---- cross-checks -------------------------------------------------------------------------- */

START_TEST(crosscheck_authors_and_title)
{
    folio_citation *c = folio_citation_parse(
        "李明远，王晓燕，陈志强．冻融循环作用下再生骨料混凝土的损伤演化与寿命预测[J]．"
        "土木与环境工程学报(中英文)，2023，45(2)：112-120．");
    ck_assert_ptr_nonnull(c);
    folio_strlist a = {0};
    folio_strlist_push(&a, "李明远王晓燕");
    folio_strlist_push(&a, "陈志强");
    ck_assert_int_eq(folio_crosscheck_authors_zh(&a, c, NULL), 0);
    assert_list(&a, (const char *const[]){"李明远", "王晓燕", "陈志强", NULL});
    folio_strlist_clear(&a);
    /* nothing read from the authors line: the citation's list, the notes' 通信作者 last */
    ck_assert_int_eq(folio_crosscheck_authors_zh(&a, c, "李明远(1990—)，男；通信作者：赵云"), 0);
    assert_list(&a, (const char *const[]){"李明远", "王晓燕", "陈志强", "赵云", NULL});
    folio_strlist_clear(&a);
    /* the line lost a name: the citation's complete list; a misread first author: the notes decide
     */
    folio_strlist_push(&a, "薄清平2a");
    ck_assert_int_eq(folio_crosscheck_authors_zh(&a, c, NULL), 0);
    assert_list(&a, (const char *const[]){"李明远", "王晓燕", "陈志强", NULL});
    folio_strlist_clear(&a);
    folio_strlist_push(&a, "李明过");
    folio_strlist_push(&a, "王晓燕");
    folio_strlist_push(&a, "陈志强");
    ck_assert_int_eq(folio_crosscheck_authors_zh(&a, c, "李明远(1990—)，男"), 0);
    assert_list(&a, (const char *const[]){"李明远", "王晓燕", "陈志强", NULL});
    folio_strlist_clear(&a);
    char *title = folio_strdup("RRIVEIMERD PES RRR");
    ck_assert(!folio_crosscheck_title_zh(&title, c->title, false)); /* no title block: keep none */
    ck_assert(folio_crosscheck_title_zh(&title, c->title, true));
    ck_assert_str_eq(title, "冻融循环作用下再生骨料混凝土的损伤演化与寿命预测");
    ck_assert(!folio_crosscheck_title_zh(&title, "二甲双胍联合生活方式干预", true));
    free(title);
    folio_citation_destroy(&c);
}
END_TEST

/* Names checked against their Latin spelling (the misreadings OCR made of the development
 * pages' names: a rare character read otherwise in each copy, a stray character, names run
 * together, two readings of one name side by side). */
static void push_all(folio_strlist *l, const char *const *names)
{
    folio_strlist_clear(l);
    for (size_t i = 0; names[i]; i++)
        folio_strlist_push(l, names[i]);
}

START_TEST(crosscheck_authors_pinyin)
{
    folio_pinyin *py = folio_pinyin_create();
    ck_assert_ptr_nonnull(py);
    folio_strlist a = {0}, latin = {0};
    push_all(&latin, (const char *const[]){"ZHOU Wenjie", "HUANG Ruoxi", NULL});
    /* the notes print the name right: that reading agrees with HUANG Ruoxi */
    const char *page = "周文杰，黄若陪\n作者简介：黄若曦(1990—)，女，博士。周文杰，黄若陪. 题名";
    push_all(&a, (const char *const[]){"周文杰", "黄若陪", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, page, py), 0);
    assert_list(&a, (const char *const[]){"周文杰", "黄若曦", NULL});
    /* must not change: no reading on the page agrees; a reading two characters apart */
    push_all(&a, (const char *const[]){"周文杰", "黄若赚", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, "黄若陪 黄右曦", py), 0);
    assert_list(&a, (const char *const[]){"周文杰", "黄若赚", NULL});
    /* names run together, a stray character before a name */
    push_all(&latin, (const char *const[]){"ZHANG Huimin", "ZHAO Li", "SUN Peng", NULL});
    push_all(&a, (const char *const[]){"张慧敏", "赵丽孙鹏", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"张慧敏", "赵丽", "孙鹏", NULL});
    push_all(&a, (const char *const[]){"张慧敏", "赵丽", "和孙鹏", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"张慧敏", "赵丽", "孙鹏", NULL});
    /* a stroke of the 楷体 face read as a character inside the name, in every copy */
    push_all(&latin, (const char *const[]){"QIAN Zhipeng", "LUO Xiaomei", NULL});
    push_all(&a, (const char *const[]){"钱志鹏", "罗上晓梅", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"钱志鹏", "罗晓梅", NULL});
    /* must not change: a four-character name whose every syllable is spelt */
    push_all(&latin, (const char *const[]){"OUYANG Xiaomei", NULL});
    push_all(&a, (const char *const[]){"欧阳晓梅", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"欧阳晓梅", NULL});
    push_all(&latin, (const char *const[]){"ZHANG Huimin", "ZHAO Li", "SUN Peng", NULL});
    /* two readings of DENG Lijuan: the one that agrees less goes, only when the list is
     * complete */
    push_all(&latin, (const char *const[]){"HE Junfeng", "DENG Lijuan", "TANG Tao", NULL});
    push_all(&a, (const char *const[]){"何俊峰", "邓责如", "邓丽旭", "唐涛", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, false, NULL, py), 0);
    ck_assert_uint_eq(a.n, 4);
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"何俊峰", "邓丽旭", "唐涛", NULL});
    /* without a transliterator or Latin names nothing happens */
    push_all(&a, (const char *const[]){"和孙鹏", NULL});
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, NULL), 0);
    folio_strlist_clear(&latin);
    ck_assert_int_eq(folio_crosscheck_authors_pinyin(&a, &latin, true, NULL, py), 0);
    assert_list(&a, (const char *const[]){"和孙鹏", NULL});
    folio_strlist_clear(&a);
    folio_pinyin_destroy(&py);
}
END_TEST

START_TEST(crosscheck_citation_repair)
{
    const char *title = "冻融循环作用下再生骨料混凝土的损伤演化与寿命预测";
    char *fixed = folio_crosscheck_citation(
        "李明远，王晓燕 . 冻融循环作用下再生骨料混凝土的损伤演化与寿命预测四 .土木工程学报，2023",
        title);
    ck_assert_str_eq(
        fixed,
        "李明远，王晓燕 . 冻融循环作用下再生骨料混凝土的损伤演化与寿命预测[J].土木工程学报，2023");
    free(fixed);
    /* the title block lost its last character; the authors end with OCR's comma */
    fixed = folio_crosscheck_citation(
        "李明远，王晓燕，陈志强，冻融循环作用下再生骨料混凝土的损伤演化与寿命预测四，土木工程学报",
        "冻融循环作用下再生骨料混沙土的损伤演化与寿命预");
    ck_assert_str_eq(fixed, "李明远，王晓燕，陈志强．冻融循环作用下再生骨料混凝土的损伤演化与寿命预"
                            "测[J]，土木工程学报");
    free(fixed);
    fixed = folio_crosscheck_citation("成渝地区冬季PM2.5化学组分特征及来源解析加]. 环境科学",
                                      "成渝地区冬季PM2.5化学组分特征及来源解析");
    ck_assert_str_eq(fixed, "成渝地区冬季PM2.5化学组分特征及来源解析[J]. 环境科学");
    free(fixed);
    /* the whole title matched: one more character before the stop is the code */
    fixed = folio_crosscheck_citation(
        "杨雪, 何俊峰. 成渝地区冬季PM2.5化学组分特征及来源解析加. 环境科学",
        "成渝地区冬季PM2.5化学组分特征及来源解析");
    ck_assert_str_eq(fixed, "杨雪, 何俊峰. 成渝地区冬季PM2.5化学组分特征及来源解析[J]. 环境科学");
    free(fixed);
    /* a proper code is left alone; spaces inside the DOI go */
    fixed = folio_crosscheck_citation("题名[J]. 刊, 2024. DOI: 10.11835/j.issn. 1008-583 1.zs.2024",
                                      "题名");
    ck_assert_str_eq(fixed, "题名[J]. 刊, 2024. DOI: 10.11835/j.issn.1008-5831.zs.2024");
    free(fixed);
    fixed =
        folio_crosscheck_citation("(1) 钱志鹏. 题名[J]. 当代中国史研究 ,2021,.28(6):78-90.", NULL);
    ck_assert_str_eq(fixed, "[1] 钱志鹏. 题名[J]. 当代中国史研究 ,2021,28(6):78-90.");
    free(fixed);
    /* the year set off by commas; a bracketed code without a title to align */
    fixed = folio_crosscheck_citation(
        "蒲清平,马睿.国家战略腹地建设[可.重庆大学学报社会科学版2024: 30(4):37-48.", NULL);
    ck_assert_str_eq(fixed,
                     "蒲清平,马睿.国家战略腹地建设[J].重庆大学学报社会科学版,2024,30(4):37-48.");
    free(fixed);
    fixed =
        folio_crosscheck_citation("当代中国史研究,2021.28(6):78-90. DOI:10.1/zs.2024.04.016", NULL);
    ck_assert_str_eq(fixed, "当代中国史研究,2021,28(6):78-90. DOI:10.1/zs.2024.04.016");
    free(fixed);
    fixed = folio_crosscheck_citation("中华医学杂志, 2022, 102(42): 3321-3326.", NULL);
    ck_assert_str_eq(fixed, "中华医学杂志, 2022, 102(42): 3321-3326.");
    free(fixed);
    ck_assert_ptr_null(folio_crosscheck_citation(NULL, title));
}
END_TEST

static Suite *fields_suite(void)
{
    Suite *s = suite_create("fields");
    TCase *units = tcase_create("units");
    tcase_add_test(units, label_variants);
    tcase_add_test(units, labels_inside_a_line);
    tcase_add_test(units, value_cleaning);
    tcase_add_test(units, list_splitting);
    tcase_add_test(units, crosscheck_authors_and_title);
    tcase_add_test(units, crosscheck_authors_pinyin);
    tcase_add_test(units, crosscheck_citation_repair);
    suite_add_tcase(s, units);
    TCase *pages = tcase_create("pages");
    tcase_add_test(pages, journal_front_fields);
    tcase_add_test(pages, journal_english_fields);
    tcase_add_test(pages, journal_footnote_fields);
    tcase_add_test(pages, journal_block_labels);
    tcase_add_test(pages, damaged_labels);
    tcase_add_test(pages, missing_english_block);
    tcase_add_test(pages, english_names_in_title_case);
    tcase_add_test(pages, citetop_layout);
    tcase_add_test(pages, web_layout);
    tcase_add_test(pages, second_readings_vote);
    tcase_add_test(pages, second_reading_of_garbled_authors);
    tcase_add_test(pages, hyphen_at_line_end);
    tcase_add_test(pages, not_a_first_page);
    tcase_add_test(pages, reference_list_is_not_a_first_page);
    tcase_add_test(pages, bad_arguments_and_empty_pages);
    tcase_add_test(pages, fuzz_random_pages);
    suite_add_tcase(s, pages);
    return s;
}

FOLIO_TEST_MAIN(fields_suite)
