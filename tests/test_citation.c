/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Check suite for pipeline/citation.c (the GB/T 7714 parser) and
 * pipeline/render_cite.c (BibTeX, RIS, CSL-JSON). Parser cases come from three
 * sources: the citations of the development corpus (written out here, the
 * corpus is not in the repository), each also damaged the way OCR damages it;
 * the examples published in GB/T 7714-2015 for every type code; and the
 * humanities/law form. Each case says why it exists.
 */
#include "../pipeline/citation.h" /* resolves from tests/ under meson and the plain gcc line */

#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a parse must give; authors is NULL-terminated, unset strings are NULL. */
typedef struct expect {
    const char *in;
    const char *authors[8];
    bool et_al;
    const char *title, *type, *journal, *place;
    int year;
    const char *volume, *issue, *pages, *doi, *url, *date;
} expect;

static void check_parse(const expect *e)
{
    folio_citation *c = folio_citation_parse(e->in);
    ck_assert_msg(c != NULL, "no parse: %s", e->in);
    size_t n = 0;
    while (n < 8 && e->authors[n])
        n++;
    ck_assert_uint_eq(c->n_authors, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(c->authors[i], e->authors[i]);
    ck_assert_int_eq(c->et_al, e->et_al);
    ck_assert_pstr_eq(c->title, e->title);
    ck_assert_pstr_eq(c->type, e->type);
    ck_assert_pstr_eq(c->journal, e->journal);
    ck_assert_pstr_eq(c->place, e->place);
    ck_assert_int_eq(c->year, e->year);
    ck_assert_pstr_eq(c->volume, e->volume);
    ck_assert_pstr_eq(c->issue, e->issue);
    ck_assert_pstr_eq(c->pages, e->pages);
    ck_assert_pstr_eq(c->doi, e->doi);
    ck_assert_pstr_eq(c->url, e->url);
    ck_assert_pstr_eq(c->date, e->date);
    folio_citation_destroy(&c);
    ck_assert_ptr_null(c);
}

/* The seed article's parse, shared by its clean and damaged variants. */
#define SEED_EXPECT(input)                                                                         \
    {                                                                                              \
        .in = (input), .authors = {"蒲清平", "马睿"},                                              \
        .title = "国家战略腹地建设的内涵特征、重大意义和推进策略", .type = "J",                    \
        .journal = "重庆大学学报社会科学版", .year = 2024, .volume = "30", .issue = "4",           \
        .pages = "37-48", .doi = "10.11835/j.issn.1008-5831.zs.2024.04.016"                        \
    }

/* ---- the development corpus ----------------------------------------- */

START_TEST(corpus_seed)
{
    /* The seed page's citation exactly as printed: ASCII punctuation, no spaces, DOI label. */
    static const expect e = SEED_EXPECT(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. DOI:10.11835/j.issn.1008-5831.zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_damaged)
{
    /* OCR damage named in the issue: label in front, "，" for ",", "[J" without "]",
     * "DOI：" with a full-width colon and spaces inside the DOI. */
    static const expect e = SEED_EXPECT(
        "本文引用格式：蒲清平，马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J.重庆大学学报"
        "社会科学版，2024，30(4):37-48. DOI：10.11835/j. issn.1008-5831. zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_fullwidth)
{
    /* Everything full-width (［Ｊ］, digits, parentheses, colon): values come back in ASCII
     * where they are numbers and as printed where they are text. */
    static const expect e = SEED_EXPECT(
        "引用格式：蒲清平，马睿．国家战略腹地建设的内涵特征、重大意义和推进策略［Ｊ］．重庆大学学报"
        "社会科学版，２０２４，３０（４）：３７－４８．ＤＯＩ：10.11835/"
        "j.issn.1008-5831.zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_doi_spaced)
{
    /* A space after every dot of the DOI and after its prefix "10.": all must go. */
    static const expect e = SEED_EXPECT(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. DOI: 10. 11835/j. issn. 1008-5831. zs. 2024. 04. 016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_doi_url)
{
    /* The DOI printed as a resolver link: it is the DOI, not a URL. */
    static const expect e = SEED_EXPECT(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. https://doi.org/10.11835/j.issn.1008-5831.zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_cstr)
{
    /* GB/T 7714-2025 adds a CSTR identifier after the DOI; it must not glue onto the DOI. */
    static const expect e = SEED_EXPECT(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. DOI:10.11835/j.issn.1008-5831.zs.2024.04.016. "
        "CSTR: 32136.14.j.issn.1008-5831.zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_d0i)
{
    /* OCR reads the label "DOI" as "D0I"; the label must still be recognized and dropped. */
    static const expect e = SEED_EXPECT(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. D0I:10.11835/j.issn.1008-5831.zs.2024.04.016");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_seed_en)
{
    /* The seed's English citation line: Latin names as printed, journal with parentheses. */
    static const expect e = {
        .in = "PU Q P, MA R. The connotation characteristics, great significance and promotion "
              "strategy of national strategic hinterland construction[J]. Journal of Chongqing "
              "University (Social Science Edition), 2024, 30(4): 37-48.",
        .authors = {"PU Q P", "MA R"},
        .title = "The connotation characteristics, great significance and promotion strategy of "
                 "national strategic hinterland construction",
        .type = "J",
        .journal = "Journal of Chongqing University (Social Science Edition)",
        .year = 2024,
        .volume = "30",
        .issue = "4",
        .pages = "37-48"};
    check_parse(&e);
}
END_TEST

#define D1_EXPECT(input)                                                                           \
    {                                                                                              \
        .in = (input), .authors = {"李明远", "王晓燕", "陈志强"},                                  \
        .title = "冻融循环作用下再生骨料混凝土的损伤演化与寿命预测", .type = "J",                  \
        .journal = "土木与环境工程学报(中英文)", .year = 2023, .volume = "45", .issue = "2",       \
        .pages = "112-120"                                                                         \
    }

START_TEST(corpus_d1)
{
    /* d1-concrete: full-width "．" "，" "：" separators, journal with "(中英文)". The truth's
     * citation.doi comes from the page's DOI line (not in this string): fields.c adds it. */
    static const expect e =
        D1_EXPECT("李明远，王晓燕，陈志强．冻融循环作用下再生骨料混凝土的损伤演化"
                  "与寿命预测[J]．土木与环境工程学报(中英文)，2023，45(2)：112-120．");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d1_damaged)
{
    /* d1 with its "[" lost ("预测J]") and "，" swapped to ",": the code must still be found. */
    static const expect e =
        D1_EXPECT("李明远,王晓燕,陈志强．冻融循环作用下再生骨料混凝土的损伤演化"
                  "与寿命预测J]．土木与环境工程学报(中英文),2023,45(2)：112-120．");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d1_linebreak)
{
    /* The citation wrapped over two lines inside the title: the line break between two
     * Chinese characters vanishes, as in the scorer's reader view. */
    static const expect e =
        D1_EXPECT("李明远，王晓燕，陈志强．冻融循环作用下再生骨料混凝土的损伤\n演化"
                  "与寿命预测[J]．土木与环境工程学报(中英文)，2023，45(2)：112-120．");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d1_en)
{
    /* d1's English line: three Latin names, a hyphenated word in the title. */
    static const expect e = {
        .in = "LI M Y, WANG X Y, CHEN Z Q. Damage evolution and service life prediction of "
              "recycled aggregate concrete under freeze-thaw cycles[J]. Journal of Civil and "
              "Environmental Engineering, 2023, 45(2): 112-120.",
        .authors = {"LI M Y", "WANG X Y", "CHEN Z Q"},
        .title = "Damage evolution and service life prediction of recycled aggregate concrete "
                 "under freeze-thaw cycles",
        .type = "J",
        .journal = "Journal of Civil and Environmental Engineering",
        .year = 2023,
        .volume = "45",
        .issue = "2",
        .pages = "112-120"};
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d1_en_nospace)
{
    /* OCR dropped every space after the punctuation: "Z Q.Damage" is still the author end. */
    static const expect e = {
        .in = "LI M Y,WANG X Y,CHEN Z Q.Damage evolution[J].Journal of Civil and Environmental "
              "Engineering,2023,45(2):112-120.",
        .authors = {"LI M Y", "WANG X Y", "CHEN Z Q"},
        .title = "Damage evolution",
        .type = "J",
        .journal = "Journal of Civil and Environmental Engineering",
        .year = 2023,
        .volume = "45",
        .issue = "2",
        .pages = "112-120"};
    check_parse(&e);
}
END_TEST

#define D2_EXPECT(input)                                                                           \
    {                                                                                              \
        .in = (input), .authors = {"张慧敏", "刘建国", "赵丽"}, .et_al = true,                     \
        .title = "二甲双胍联合生活方式干预对2型糖尿病前期患者胰岛β细胞功能的影响", .type = "J",    \
        .journal = "中华医学杂志", .year = 2022, .volume = "102", .issue = "42",                   \
        .pages = "3321-3326", .doi = "10.3760/cma.j.cn112137-20220309-00512"                       \
    }

START_TEST(corpus_d2)
{
    /* d2-clinical: "等" as its own list item, a digit inside the title, DOI with a final ".". */
    static const expect e = D2_EXPECT(
        "张慧敏, 刘建国, 赵丽, 等. 二甲双胍联合生活方式干预对2型糖尿病前期患者胰岛β细胞功能的"
        "影响[J]. 中华医学杂志, 2022, 102(42): 3321-3326. DOI: "
        "10.3760/cma.j.cn112137-20220309-00512.");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d2_damaged)
{
    /* d2 with "，" separators, "[J" unclosed before "．", lower-case "doi:" and a space
     * after a hyphen inside the DOI. */
    static const expect e = D2_EXPECT(
        "张慧敏，刘建国，赵丽，等．二甲双胍联合生活方式干预对2型糖尿病前期患者胰岛β细胞功能的影响"
        "[J．中华医学杂志，2022，102(42)：3321-3326．doi:10.3760/cma.j.cn112137- 20220309-00512．");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d2_en)
{
    /* d2's English line: "et al." ends the author list, abbreviated journal without dots. */
    static const expect e = {
        .in = "ZHANG H M, LIU J G, ZHAO L, et al. Effect of metformin combined with lifestyle "
              "intervention on islet β-cell function in patients with prediabetes[J]. Natl Med J "
              "China, 2022, 102(42): 3321-3326.",
        .authors = {"ZHANG H M", "LIU J G", "ZHAO L"},
        .et_al = true,
        .title =
            "Effect of metformin combined with lifestyle intervention on islet β-cell function "
            "in patients with prediabetes",
        .type = "J",
        .journal = "Natl Med J China",
        .year = 2022,
        .volume = "102",
        .issue = "42",
        .pages = "3321-3326"};
    check_parse(&e);
}
END_TEST

#define D3_EXPECT(input, doi_)                                                                     \
    {                                                                                              \
        .in = (input), .authors = {"周文杰", "黄若曦"},                                            \
        .title = "面向历史文献的轻量级中英文混合文字识别方法", .journal = "计算机学报",            \
        .year = 2023, .volume = "46", .issue = "5", .pages = "988-1001", .doi = (doi_)             \
    }

START_TEST(corpus_d3)
{
    /* d3-ocr-cs: the Journal of Computers prints no type code and no final period; type
     * must stay NULL and the parts come from the segments. */
    static const expect e = D3_EXPECT("周文杰, 黄若曦. 面向历史文献的轻量级中英文混合文字识别方法. "
                                      "计算机学报, 2023, 46(5): 988-1001",
                                      NULL);
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d3_damaged)
{
    /* d3 in full-width punctuation with the page's DOI run on after it. */
    static const expect e = D3_EXPECT("周文杰，黄若曦．面向历史文献的轻量级中英文混合文字识别方法．"
                                      "计算机学报，2023，46(5)：988-1001. DOI: 10.11897/SP. "
                                      "J.1016.2023.00988",
                                      "10.11897/SP.J.1016.2023.00988");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d3_en)
{
    /* d3's English line: hyphenated given names ("Wen-Jie") and no type code. */
    static const expect e = {
        .in = "ZHOU Wen-Jie, HUANG Ruo-Xi. A lightweight recognition method for mixed "
              "Chinese-English text in historical documents. Chinese Journal of Computers, 2023, "
              "46(5): 988-1001",
        .authors = {"ZHOU Wen-Jie", "HUANG Ruo-Xi"},
        .title = "A lightweight recognition method for mixed Chinese-English text in historical "
                 "documents",
        .journal = "Chinese Journal of Computers",
        .year = 2023,
        .volume = "46",
        .issue = "5",
        .pages = "988-1001"};
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d3_en_stop_before_year)
{
    /* The fax copy: OCR read the comma before the year as a full stop. The stop ends the
     * journal; a year after a stop with no volume after it is not taken. */
    static const expect e = {
        .in = "ZHOU Wen-Jie, HUANG Ruo-Xi. A lightweight recognition method for mixed "
              "Chinese-English text in historical documents. Chinese Journal of Computers. 2023, "
              "46(5): 988-1001",
        .authors = {"ZHOU Wen-Jie", "HUANG Ruo-Xi"},
        .title = "A lightweight recognition method for mixed Chinese-English text in historical "
                 "documents",
        .journal = "Chinese Journal of Computers",
        .year = 2023,
        .volume = "46",
        .issue = "5",
        .pages = "988-1001"};
    check_parse(&e);
    ck_assert_ptr_null(folio_citation_parse("LI M. Methods of 2023. A survey"));
}
END_TEST

#define D4_EXPECT(input)                                                                           \
    {                                                                                              \
        .in = (input), .authors = {"钱志鹏", "罗晓梅"},                                            \
        .title = "数字经济发展与区域创新能力：来自成渝地区双城经济圈的证据", .type = "J",          \
        .journal = "经济研究", .year = 2024, .volume = "59", .issue = "3", .pages = "45-61"        \
    }

START_TEST(corpus_d4)
{
    /* d4-economics: the reference number "[1] " in front, mixed "，" and ". ", a full-width
     * colon inside the title that must stay as printed. */
    static const expect e = D4_EXPECT("[1] 钱志鹏，罗晓梅. 数字经济发展与区域创新能力：来自成渝地区"
                                      "双城经济圈的证据[J]. 经济研究，2024，59(3)：45-61.");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d4_damaged)
{
    /* d4 with OCR spaces around every mark, inside "[ J ]" and around the page dash. */
    static const expect e =
        D4_EXPECT("钱志鹏，罗晓梅. 数字经济发展与区域创新能力：来自成渝地区双城经济圈"
                  "的证据 [ J ] . 经济研究 , 2024 , 59 ( 3 ) : 45 - 61 .");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d4_en)
{
    /* d4's English line: a colon inside the title is not a place/publisher colon. */
    static const expect e = {
        .in = "QIAN Z P, LUO X M. Digital economy and regional innovation capacity: Evidence from "
              "the Chengdu-Chongqing economic circle[J]. Economic Research Journal, 2024, 59(3): "
              "45-61.",
        .authors = {"QIAN Z P", "LUO X M"},
        .title = "Digital economy and regional innovation capacity: Evidence from the "
                 "Chengdu-Chongqing economic circle",
        .type = "J",
        .journal = "Economic Research Journal",
        .year = 2024,
        .volume = "59",
        .issue = "3",
        .pages = "45-61"};
    check_parse(&e);
}
END_TEST

#define D5_EXPECT(input)                                                                           \
    {                                                                                              \
        .in = (input), .authors = {"杨雪", "何俊峰", "邓丽娟"}, .et_al = true,                     \
        .title = "成渝地区冬季PM2.5化学组分特征及来源解析", .type = "J", .journal = "环境科学",    \
        .year = 2023, .volume = "44", .issue = "8", .pages = "4211-4220"                           \
    }

START_TEST(corpus_d5)
{
    /* d5-environment: "PM2.5" has a "." that is not a separator. */
    static const expect e =
        D5_EXPECT("杨雪, 何俊峰, 邓丽娟, 等. 成渝地区冬季PM2.5化学组分特征及来源"
                  "解析[J]. 环境科学, 2023, 44(8): 4211-4220.");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d5_damaged)
{
    /* d5 with "等" glued to the last name (the comma lost) and full-width everything. */
    static const expect e =
        D5_EXPECT("引用本文：杨雪，何俊峰，邓丽娟等．成渝地区冬季PM2.5化学组分特征"
                  "及来源解析［J］．环境科学，2023，44（8）：4211-4220．");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d5_en)
{
    /* d5's English line: "PM2.5" inside a Latin title and "et al." */
    static const expect e = {
        .in = "YANG X, HE J F, DENG L J, et al. Chemical composition characteristics and source "
              "apportionment of PM2.5 in winter in the Chengdu-Chongqing region[J]. Environmental "
              "Science, 2023, 44(8): 4211-4220.",
        .authors = {"YANG X", "HE J F", "DENG L J"},
        .et_al = true,
        .title = "Chemical composition characteristics and source apportionment of PM2.5 in "
                 "winter in the Chengdu-Chongqing region",
        .type = "J",
        .journal = "Environmental Science",
        .year = 2023,
        .volume = "44",
        .issue = "8",
        .pages = "4211-4220"};
    check_parse(&e);
}
END_TEST

#define D6_EXPECT(input)                                                                           \
    {                                                                                              \
        .in = (input), .authors = {"郑国华"},                                                      \
        .title = "三线建设时期西南地区工业布局的档案考察(1964—1980)", .type = "J",                 \
        .journal = "当代中国史研究", .year = 2021, .volume = "28", .issue = "6", .pages = "78-90"  \
    }

START_TEST(corpus_d6)
{
    /* d6-history: one author, years and an em dash inside the title that are not the year. */
    static const expect e = D6_EXPECT("郑国华.三线建设时期西南地区工业布局的档案考察(1964—1980)[J]."
                                      "当代中国史研究,2021,28(6):78-90.");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d6_damaged)
{
    /* d6 with "[J" unclosed before "." and a "1. " list number in front. */
    static const expect e =
        D6_EXPECT("1. 郑国华.三线建设时期西南地区工业布局的档案考察(1964—1980)[J."
                  "当代中国史研究,2021,28(6):78-90.");
    check_parse(&e);
}
END_TEST

START_TEST(corpus_d6_en)
{
    /* d6's English line keeps a doubled space in the title: it collapses to one. */
    static const expect e = {
        .in = "ZHENG G H. An archival study of the industrial layout of Southwest China during the "
              "Third Front Construction  (1964-1980)[J]. Contemporary China History Studies, 2021, "
              "28(6): 78-90.",
        .authors = {"ZHENG G H"},
        .title = "An archival study of the industrial layout of Southwest China during the Third "
                 "Front Construction (1964-1980)",
        .type = "J",
        .journal = "Contemporary China History Studies",
        .year = 2021,
        .volume = "28",
        .issue = "6",
        .pages = "78-90"};
    check_parse(&e);
}
END_TEST

/* ---- GB/T 7714-2015 published examples, by type ----------------------- */

START_TEST(gbt_m_pages)
{
    /* [M] with place, publisher and the cited page; a colon inside the title. */
    static const expect e = {.in = "陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
                             .authors = {"陈登原"},
                             .title = "国史旧闻: 第1卷",
                             .type = "M",
                             .journal = "中华书局",
                             .place = "北京",
                             .year = 2000,
                             .pages = "29"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_translator)
{
    /* [M] with a translator element between title and publication: it is skipped. */
    static const expect e = {.in = "哈里森·沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译. 北京: "
                                   "中国人民大学出版社, 2012: 235-236.",
                             .authors = {"哈里森·沃尔德伦"},
                             .title = "经济数学与金融数学",
                             .type = "M",
                             .journal = "中国人民大学出版社",
                             .place = "北京",
                             .year = 2012,
                             .pages = "235-236"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_era)
{
    /* [M] with an edition element and a regnal year in parentheses after the year: the
     * parenthesis is not an issue for a book. */
    static const expect e = {.in = "王夫之. 宋论[M]. 刻本. 金陵: 湘乡曾国荃, 1865（清同治四年）.",
                             .authors = {"王夫之"},
                             .title = "宋论",
                             .type = "M",
                             .journal = "湘乡曾国荃",
                             .place = "金陵",
                             .year = 1865};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_latin_jr)
{
    /* [M] in English: "Jr" belongs to the name before it; "4th ed." is skipped. */
    static const expect e = {
        .in = "PEEBLES P Z, Jr. Probability, random variables, and random signal principles[M]. "
              "4th ed. New York: McGraw-Hill, 2001.",
        .authors = {"PEEBLES P Z, Jr"},
        .title = "Probability, random variables, and random signal principles",
        .type = "M",
        .journal = "McGraw-Hill",
        .place = "New York",
        .year = 2001};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_abbrev_place)
{
    /* [M] whose place and publisher carry abbreviation dots ("Colo.:", "Inc.,"): they are
     * not element separators. */
    static const expect e = {
        .in = "CHERNIK B E. Introduction to library services for library technicians[M]. "
              "Littleton, Colo.: Libraries Unlimited, Inc., 1982.",
        .authors = {"CHERNIK B E"},
        .title = "Introduction to library services for library technicians",
        .type = "M",
        .journal = "Libraries Unlimited, Inc.",
        .place = "Littleton, Colo.",
        .year = 1982};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_ol)
{
    /* [M/OL] with pages, access date and a URL that contains a DOI path (still a URL). */
    static const expect e = {
        .in = "FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, "
              "Iowa: Blackwell Publishing, 2013: 25-26[2014-06-26]. "
              "http://onlinelibrary.wiley.com/doi/10.1002/9781118422557.ch2/summary.",
        .authors = {"FAN X", "SOMMERS C H"},
        .title = "Food irradiation research and technology",
        .type = "M/OL",
        .journal = "Blackwell Publishing",
        .place = "Ames, Iowa",
        .year = 2013,
        .pages = "25-26",
        .url = "http://onlinelibrary.wiley.com/doi/10.1002/9781118422557.ch2/summary",
        .date = "2014-06-26"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_analytic_no_author)
{
    /* [M]// part of a collected work, no author before the title: journal is the container. */
    static const expect e = {
        .in = "周易外传: 卷5[M]//王夫之. 船山全书: 第6册. 长沙: 岳麓书社, 2011: 1109.",
        .title = "周易外传: 卷5",
        .type = "M",
        .journal = "船山全书: 第6册",
        .place = "长沙",
        .year = 2011,
        .pages = "1109"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_analytic_year_title)
{
    /* [M]// whose title starts with a year ("1998年"): that year is not the publication year. */
    static const expect e = {.in = "程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. "
                                   "长江流域洪涝灾害与科技对策. "
                                   "北京: 科学出版社, 1999: 32-36.",
                             .authors = {"程根伟"},
                             .title = "1998年长江洪水的成因与减灾对策",
                             .type = "M",
                             .journal = "长江流域洪涝灾害与科技对策",
                             .place = "北京",
                             .year = 1999,
                             .pages = "32-36"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_analytic_latin)
{
    /* [M]// in English with "Jr" among the editors: the editors are not authors. */
    static const expect e = {
        .in =
            "WEINSTEIN L, SWERTZ M N. Pathogenic properties of invading microorganism[M]//SODEMAN "
            "W A, Jr, SODEMAN W A. Pathologic physiology: mechanisms of disease. Philadelphia: "
            "Saunders, 1974: 745-772.",
        .authors = {"WEINSTEIN L", "SWERTZ M N"},
        .title = "Pathogenic properties of invading microorganism",
        .type = "M",
        .journal = "Pathologic physiology: mechanisms of disease",
        .place = "Philadelphia",
        .year = 1974,
        .pages = "745-772"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_m_analytic_ol)
{
    /* [M/OL]// with "&" in the container, an edition, dotted page numbers and a URL. */
    static const expect e = {
        .in = "ROBERSON J A, BURNESON E G. Drinking water standards, regulations and goals[M/OL]//"
              "American Water Works Association. Water quality & treatment: a handbook on drinking "
              "water. 6th ed. New York: McGraw-Hill, 2011: 1.1-1.36[2012-12-10]. "
              "http://lib.myilibrary.com/Open.aspx?id=291430.",
        .authors = {"ROBERSON J A", "BURNESON E G"},
        .title = "Drinking water standards, regulations and goals",
        .type = "M/OL",
        .journal = "Water quality & treatment: a handbook on drinking water",
        .place = "New York",
        .year = 2011,
        .pages = "1.1-1.36",
        .url = "http://lib.myilibrary.com/Open.aspx?id=291430",
        .date = "2012-12-10"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_c_whole)
{
    /* [C] a whole proceedings volume: the publisher goes to journal. */
    static const expect e = {
        .in = "牛志明, 斯温兰德, 雷光春. 综合湿地管理国际研讨会论文集[C]. 北京: 海洋出版社, 2012.",
        .authors = {"牛志明", "斯温兰德", "雷光春"},
        .title = "综合湿地管理国际研讨会论文集",
        .type = "C",
        .journal = "海洋出版社",
        .place = "北京",
        .year = 2012};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_c_analytic)
{
    /* [C]// a paper: the proceedings title (with its own "2011年卷") is the container. */
    static const expect e = {
        .in = "贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. "
              "中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52.",
        .authors = {"贾东琴", "柯平"},
        .title = "面向数字素养的高校图书馆数字服务体系研究",
        .type = "C",
        .journal = "中国图书馆学会年会论文集: 2011年卷",
        .place = "北京",
        .year = 2011,
        .pages = "45-52"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_c_years_in_title)
{
    /* [C] whose long title holds a date range and a year: only the year after the
     * publisher counts; the publisher's initials ("A. A.") are not separators. */
    static const expect e = {
        .in = "YUFIN S A. Geoecology and computers: Proceedings of the Third International "
              "Conference on Advances of Computer Methods in Geotechnical and Geoenvironmental "
              "Engineering, Moscow, Russia, February 1-4, 2000[C]. Rotterdam: A. A. Balkema, 2000.",
        .authors = {"YUFIN S A"},
        .title = "Geoecology and computers: Proceedings of the Third International Conference on "
                 "Advances of Computer Methods in Geotechnical and Geoenvironmental Engineering, "
                 "Moscow, Russia, February 1-4, 2000",
        .type = "C",
        .journal = "A. A. Balkema",
        .place = "Rotterdam",
        .year = 2000};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_c_ieee)
{
    /* [C]// from a computer-science reference list: a year inside the container title. */
    static const expect e = {
        .in = "HE K, ZHANG X, REN S, et al. Deep residual learning for image recognition[C]//"
              "Proceedings of the 2016 IEEE Conference on Computer Vision and Pattern Recognition. "
              "Piscataway: IEEE, 2016: 770-778.",
        .authors = {"HE K", "ZHANG X", "REN S"},
        .et_al = true,
        .title = "Deep residual learning for image recognition",
        .type = "C",
        .journal = "Proceedings of the 2016 IEEE Conference on Computer Vision and Pattern "
                   "Recognition",
        .place = "Piscataway",
        .year = 2016,
        .pages = "770-778"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_d_thesis)
{
    /* [D] a thesis: the university is the publisher. */
    static const expect e = {
        .in = "马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学, 2011: 27.",
        .authors = {"马欢"},
        .title = "人类活动影响下海河流域典型区水循环变化分析",
        .type = "D",
        .journal = "清华大学",
        .place = "北京",
        .year = 2011,
        .pages = "27"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_d_ol)
{
    /* [D/OL] with the access date glued to the year ("2012[2012-11-01]") and a long URL. */
    static const expect e = {
        .in = "杨保军. 新闻道德论[D/OL]. 北京: 中国人民大学出版社, 2012[2012-11-01]. "
              "http://apabi.lib.pku.edu.cn/usp/pku/pub.mvc?pid=book.detail&metaid=m.20101104-BPO-"
              "889-1023&cult=CN.",
        .authors = {"杨保军"},
        .title = "新闻道德论",
        .type = "D/OL",
        .journal = "中国人民大学出版社",
        .place = "北京",
        .year = 2012,
        .url = "http://apabi.lib.pku.edu.cn/usp/pku/pub.mvc?pid=book.detail&metaid=m.20101104-"
               "BPO-889-1023&cult=CN",
        .date = "2012-11-01"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_d_ol_doi)
{
    /* [D/OL] with pages, access date, URL and DOI all at once. */
    static const expect e = {
        .in =
            "刘乃安. 生物质材料热解失重动力学及其分析方法研究[D/OL]. 安徽: 中国科学技术大学, 2000: "
            "17-18[2014-08-29]. http://wenku.baidu.com/link?url=GJDJxb4lxBUXnIPmq1XoEGSIr1H8. "
            "DOI: 10.7666/d.y35106.",
        .authors = {"刘乃安"},
        .title = "生物质材料热解失重动力学及其分析方法研究",
        .type = "D/OL",
        .journal = "中国科学技术大学",
        .place = "安徽",
        .year = 2000,
        .pages = "17-18",
        .doi = "10.7666/d.y35106",
        .url = "http://wenku.baidu.com/link?url=GJDJxb4lxBUXnIPmq1XoEGSIr1H8",
        .date = "2014-08-29"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_r_report)
{
    /* [R] by a corporate author with "U.S." in its name: those dots do not end the author. */
    static const expect e = {
        .in = "U.S. Department of Transportation Federal Highway Administration. Guidelines for "
              "handling excavated acid-producing materials, PB 91-194001[R]. Springfield: U.S. "
              "Department of Commerce National Information Service, 1990.",
        .authors = {"U.S. Department of Transportation Federal Highway Administration"},
        .title = "Guidelines for handling excavated acid-producing materials, PB 91-194001",
        .type = "R",
        .journal = "U.S. Department of Commerce National Information Service",
        .place = "Springfield",
        .year = 1990};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_r_ol)
{
    /* [R/OL] with only dates after the code: publication date in (), access date in []. */
    static const expect e = {
        .in = "中国互联网络信息中心. 第29次中国互联网络发展现状统计报告[R/OL]. (2012-01-16)"
              "[2013-03-26]. "
              "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf.",
        .authors = {"中国互联网络信息中心"},
        .title = "第29次中国互联网络发展现状统计报告",
        .type = "R/OL",
        .year = 2012,
        .url = "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf",
        .date = "2012-01-16"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_s_standard)
{
    /* [S] the standard itself: its number (with an em dash year) is part of the title. */
    static const expect e = {
        .in = "国家标准化管理委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: "
              "中国标准出版社, 2015: 15.",
        .authors = {"国家标准化管理委员会"},
        .title = "信息与文献 参考文献著录规则: GB/T 7714—2015",
        .type = "S",
        .journal = "中国标准出版社",
        .place = "北京",
        .year = 2015,
        .pages = "15"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_s_page_range)
{
    /* [S] with a page range: "GB/T" must not be mistaken for a type code. */
    static const expect e = {.in = "全国信息与文献标准化技术委员会. 信息与文献 "
                                   "都柏林核心元数据元素集: GB/T 25100—2010[S]. "
                                   "北京: 中国标准出版社, 2010: 2-3.",
                             .authors = {"全国信息与文献标准化技术委员会"},
                             .title = "信息与文献 都柏林核心元数据元素集: GB/T 25100—2010",
                             .type = "S",
                             .journal = "中国标准出版社",
                             .place = "北京",
                             .year = 2010,
                             .pages = "2-3"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_p_patent)
{
    /* [P] patent: a number with a "." in the title, only a date after the code. */
    static const expect e = {.in = "邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.",
                             .authors = {"邓一刚"},
                             .title = "全智能节电器: 200610171314.3",
                             .type = "P",
                             .year = 2006,
                             .date = "2006-12-13"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_p_ol)
{
    /* [P/OL] in English: "US6915001" holds digits that are not a year. */
    static const expect e = {
        .in = "TACHIBANA R, SHIMIZU S, KOBAYSHI S, et al. Electronic watermarking method and "
              "system: US6915001[P/OL]. 2005-07-05[2013-11-11]. "
              "http://www.google.co.in/patents/US6915001.",
        .authors = {"TACHIBANA R", "SHIMIZU S", "KOBAYSHI S"},
        .et_al = true,
        .title = "Electronic watermarking method and system: US6915001",
        .type = "P/OL",
        .year = 2005,
        .url = "http://www.google.co.in/patents/US6915001",
        .date = "2005-07-05"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_n_newspaper)
{
    /* [N] newspaper: the date replaces the year, the page follows in parentheses. */
    static const expect e = {.in = "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).",
                             .authors = {"丁文祥"},
                             .title = "数字革命与竞争国际化",
                             .type = "N",
                             .journal = "中国青年报",
                             .year = 2000,
                             .pages = "15",
                             .date = "2000-11-20"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_n_ol)
{
    /* [N/OL] with an access date right after the page and a URL with "_". */
    static const expect e = {
        .in = "余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)"
              "[2013-03-20]. http://paper.people.com.cn/rmrb/html/2013-01/12/"
              "nw.D110000renmrb_20130112_5-02.htm.",
        .authors = {"余建斌"},
        .title = "我们的科技一直在追赶: 访中国工程院院长周济",
        .type = "N/OL",
        .journal = "人民日报",
        .year = 2013,
        .pages = "2",
        .url = "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm",
        .date = "2013-01-12"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_eb_ol)
{
    /* [EB/OL] the web page example of the standard. */
    static const expect e = {.in = "萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. "
                                   "http://www.creader.com/news/20011219/200112190019.html.",
                             .authors = {"萧钰"},
                             .title = "出版业信息化迈入快车道",
                             .type = "EB/OL",
                             .year = 2001,
                             .url = "http://www.creader.com/news/20011219/200112190019.html",
                             .date = "2001-12-19"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_eb_ol_access_only)
{
    /* [EB/OL] with only an access date: no year is invented from it; "Inc" stays with the
     * corporate name. */
    static const expect e = {
        .in = "Online Computer Library Center, Inc. About OCLC: History of cooperation[EB/OL]. "
              "[2012-03-27]. http://www.oclc.org/about/cooperation.en.html.",
        .authors = {"Online Computer Library Center, Inc"},
        .title = "About OCLC: History of cooperation",
        .type = "EB/OL",
        .url = "http://www.oclc.org/about/cooperation.en.html",
        .date = "2012-03-27"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_a_archive)
{
    /* [A/OL] whose title contains "[2005]" (a document number): not a type code. */
    static const expect e = {
        .in = "北京市人民政府办公厅. 关于转发北京市企业投资项目核准暂行实施办法的通知: "
              "京政办发[2005]37号[A/OL]. (2005-07-12)[2011-07-12]. "
              "http://china.findlaw.cn/fagui/p_1/39934.html.",
        .authors = {"北京市人民政府办公厅"},
        .title = "关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发[2005]37号",
        .type = "A/OL",
        .year = 2005,
        .url = "http://china.findlaw.cn/fagui/p_1/39934.html",
        .date = "2005-07-12"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_article_number)
{
    /* [J] whose page is a single number (3219) and "等" after three names. */
    static const expect e = {
        .in = "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. "
              "科学通报, 2012, 57(34): 3219.",
        .authors = {"袁训来", "陈哲", "肖书海"},
        .et_al = true,
        .title = "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口",
        .type = "J",
        .journal = "科学通报",
        .year = 2012,
        .volume = "57",
        .issue = "34",
        .pages = "3219"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_ol_doi)
{
    /* [J/OL] with curly quotes in the title, access date, URL and DOI. */
    static const expect e = {
        .in = "武丽丽, 华一新, 张亚军, 等. “北斗一号”监控管理网设计与实现[J/OL]. 测绘科学, 2008, "
              "33(5): 8-9[2009-10-25]. http://vip.calis.edu.cn/CSTJ/Sear.dll?OPAC_CreateDetail. "
              "DOI: 10.3771/j.issn.1009-2307.2008.05.002.",
        .authors = {"武丽丽", "华一新", "张亚军"},
        .et_al = true,
        .title = "“北斗一号”监控管理网设计与实现",
        .type = "J/OL",
        .journal = "测绘科学",
        .year = 2008,
        .volume = "33",
        .issue = "5",
        .pages = "8-9",
        .doi = "10.3771/j.issn.1009-2307.2008.05.002",
        .url = "http://vip.calis.edu.cn/CSTJ/Sear.dll?OPAC_CreateDetail",
        .date = "2009-10-25"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_no_issue)
{
    /* [J/OL] with a volume but no issue, the online date in () right after the pages. */
    static const expect e = {
        .in = "MYBURG A A, GRATTAPAGLIA D, TUSKAN G A, et al. The genome of eucalyptus grandis"
              "[J/OL]. Nature, 2014, 510: 356-362(2014-06-19)[2014-06-25]. "
              "http://www.nature.com/nature/journal/v510/n7505/pdf/nature13308.pdf. "
              "DOI: 10.1038/nature13308.",
        .authors = {"MYBURG A A", "GRATTAPAGLIA D", "TUSKAN G A"},
        .et_al = true,
        .title = "The genome of eucalyptus grandis",
        .type = "J/OL",
        .journal = "Nature",
        .year = 2014,
        .volume = "510",
        .pages = "356-362",
        .doi = "10.1038/nature13308",
        .url = "http://www.nature.com/nature/journal/v510/n7505/pdf/nature13308.pdf",
        .date = "2014-06-19"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_year_issue)
{
    /* [J] printed "1996(2)": issue without a volume and without a comma. */
    static const expect e = {.in =
                                 "杨宗英. 电子图书馆的现实模型[J]. 中国图书馆学报, 1996(2): 24-29.",
                             .authors = {"杨宗英"},
                             .title = "电子图书馆的现实模型",
                             .type = "J",
                             .journal = "中国图书馆学报",
                             .year = 1996,
                             .issue = "2",
                             .pages = "24-29"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_combined_issue)
{
    /* [J] with a combined issue "1/2" and an apostrophe in the title. */
    static const expect e = {
        .in = "DOWLER L. The research university's dilemma: Resource sharing and research in a "
              "transinstitutional environment[J]. Journal of library administration, 1995, "
              "21(1/2): 5-26.",
        .authors = {"DOWLER L"},
        .title = "The research university's dilemma: Resource sharing and research in a "
                 "transinstitutional environment",
        .type = "J",
        .journal = "Journal of library administration",
        .year = 1995,
        .volume = "21",
        .issue = "1/2",
        .pages = "5-26"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_j_kanamori)
{
    /* [J] with a four-digit issue (5359) that looks like a year but sits in parentheses. */
    static const expect e = {
        .in = "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
        .authors = {"KANAMORI H"},
        .title = "Shaking without quaking",
        .type = "J",
        .journal = "Science",
        .year = 1998,
        .volume = "279",
        .issue = "5359",
        .pages = "2063"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_author_year_j)
{
    /* The author-year system moves the year behind the authors and prints no year in the
     * publication part: "中国图书馆学报(2): 24-29". */
    static const expect e = {.in =
                                 "杨宗英, 1996. 电子图书馆的现实模型[J]. 中国图书馆学报(2): 24-29.",
                             .authors = {"杨宗英"},
                             .title = "电子图书馆的现实模型",
                             .type = "J",
                             .journal = "中国图书馆学报",
                             .year = 1996,
                             .issue = "2",
                             .pages = "24-29"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_author_year_j_latin)
{
    /* Author-year in English with volume, combined issue and a curly apostrophe. */
    static const expect e = {
        .in = "DOWLER L, 1995. The research university’s dilemma: Resource sharing and research "
              "in a transinstitutional environment[J]. Journal of library administration, 21(1/2): "
              "5-26.",
        .authors = {"DOWLER L"},
        .title = "The research university’s dilemma: Resource sharing and research in a "
                 "transinstitutional environment",
        .type = "J",
        .journal = "Journal of library administration",
        .year = 1995,
        .volume = "21",
        .issue = "1/2",
        .pages = "5-26"};
    check_parse(&e);
}
END_TEST

START_TEST(gbt_author_year_m)
{
    /* Author-year [M]: the cited page follows the publisher after a second colon. */
    static const expect e = {
        .in = "汪冰, 1997. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社: 16.",
        .authors = {"汪冰"},
        .title = "电子图书馆理论与实践研究",
        .type = "M",
        .journal = "北京图书馆出版社",
        .place = "北京",
        .year = 1997,
        .pages = "16"};
    check_parse(&e);
}
END_TEST

/* ---- journal-page variants and damage --------------------------------- */

START_TEST(j_missing_volume)
{
    /* "2021,(10):89-96": the volume slot is empty, as many Chinese journals print it. */
    static const expect e = {.in = "张三. 某某研究[J]. 某学报, 2021,(10):89-96.",
                             .authors = {"张三"},
                             .title = "某某研究",
                             .type = "J",
                             .journal = "某学报",
                             .year = 2021,
                             .issue = "10",
                             .pages = "89-96"};
    check_parse(&e);
}
END_TEST

START_TEST(j_article_number_supplement)
{
    /* Supplement issue "S1" and an e-prefixed article number instead of pages. */
    static const expect e = {.in = "王某. 论文题目[J]. 物理学报, 2020, 69(S1): e20200123.",
                             .authors = {"王某"},
                             .title = "论文题目",
                             .type = "J",
                             .journal = "物理学报",
                             .year = 2020,
                             .volume = "69",
                             .issue = "S1",
                             .pages = "e20200123"};
    check_parse(&e);
}
END_TEST

START_TEST(j_article_number_zero)
{
    /* A six-digit article number with a leading zero stays a string, zero kept. */
    static const expect e = {.in = "王某, 李某. 一种新方法[J]. 某某学报, 2023, 44(8): 084201.",
                             .authors = {"王某", "李某"},
                             .title = "一种新方法",
                             .type = "J",
                             .journal = "某某学报",
                             .year = 2023,
                             .volume = "44",
                             .issue = "8",
                             .pages = "084201"};
    check_parse(&e);
}
END_TEST

START_TEST(j_names_space_separated)
{
    /* OCR lost the comma between two Chinese names: "蒲清平 马睿" is two authors. */
    static const expect e = {.in =
                                 "蒲清平 马睿.国家战略腹地建设的内涵特征[J].重庆大学学报社会科学版,"
                                 "2024,30(4):37-48.",
                             .authors = {"蒲清平", "马睿"},
                             .title = "国家战略腹地建设的内涵特征",
                             .type = "J",
                             .journal = "重庆大学学报社会科学版",
                             .year = 2024,
                             .volume = "30",
                             .issue = "4",
                             .pages = "37-48"};
    check_parse(&e);
}
END_TEST

START_TEST(j_name_split_by_ocr)
{
    /* OCR put a space inside a name ("蒲 清平"): one name, space removed. */
    static const expect e = {
        .in = "蒲 清平,马睿.国家战略腹地建设的内涵特征[J].重庆大学学报社会科学版,"
              "2024,30(4):37-48.",
        .authors = {"蒲清平", "马睿"},
        .title = "国家战略腹地建设的内涵特征",
        .type = "J",
        .journal = "重庆大学学报社会科学版",
        .year = 2024,
        .volume = "30",
        .issue = "4",
        .pages = "37-48"};
    check_parse(&e);
}
END_TEST

START_TEST(j_dotted_initials)
{
    /* Names with dotted initials ("Smith J. A.") from an English page: the dots inside
     * the names do not end the author list. */
    static const expect e = {.in =
                                 "Smith J. A., Doe B. Learning things[J]. Nature, 2020, 580: 1-5.",
                             .authors = {"Smith J. A.", "Doe B"},
                             .title = "Learning things",
                             .type = "J",
                             .journal = "Nature",
                             .year = 2020,
                             .volume = "580",
                             .pages = "1-5"};
    check_parse(&e);
}
END_TEST

START_TEST(j_bracket_variants)
{
    /* "【J】" lenticular brackets and "(J]" (one bracket read as a parenthesis). */
    folio_citation *c = folio_citation_parse("张三. 题名【J】. 某学报, 2020, 1(2): 3-4.");
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(c->type, "J");
    ck_assert_pstr_eq(c->title, "题名");
    folio_citation_destroy(&c);
    c = folio_citation_parse("张三. 题名(J]. 某学报, 2020, 1(2): 3-4.");
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(c->type, "J");
    ck_assert_pstr_eq(c->journal, "某学报");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(j_carrier_variants)
{
    /* Carriers other than OL ("[M/CD]"), OCR "0L" for "OL" and "]" read as "1". */
    folio_citation *c = folio_citation_parse("张三. 某光盘[M/CD]. 北京: 某出版社, 2001.");
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(c->type, "M/CD");
    ck_assert_pstr_eq(c->journal, "某出版社");
    folio_citation_destroy(&c);
    c = folio_citation_parse("张三. 某题[J/0L]. 某刊, 2001, 2(3): 4-5.");
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(c->type, "J/OL");
    ck_assert_pstr_eq(c->pages, "4-5");
    folio_citation_destroy(&c);
    c = folio_citation_parse("张三. 某题[J1. 某刊, 2001, 2(3): 4-5.");
    ck_assert_ptr_nonnull(c);
    ck_assert_pstr_eq(c->type, "J");
    ck_assert_pstr_eq(c->title, "某题");
    ck_assert_pstr_eq(c->journal, "某刊");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(j_cn_numbering_after_code)
{
    /* A coded citation that prints the issue the humanities way ("2023年第2期"). */
    static const expect e = {.in = "张三. 论题[J]. 中国社会科学, 2023年第2期: 134-149.",
                             .authors = {"张三"},
                             .title = "论题",
                             .type = "J",
                             .journal = "中国社会科学",
                             .year = 2023,
                             .issue = "2",
                             .pages = "134-149"};
    check_parse(&e);
}
END_TEST

/* ---- the humanities / law form ---------------------------------------- */

START_TEST(cn_journal)
{
    /* 作者：《题名》，《刊名》2023年第2期，第134-149页。 as in the issue. */
    static const expect e = {.in = "张三：《论题》，《中国社会科学》2023年第2期，第134-149页。",
                             .authors = {"张三"},
                             .title = "论题",
                             .journal = "中国社会科学",
                             .year = 2023,
                             .issue = "2",
                             .pages = "134-149"};
    check_parse(&e);
}
END_TEST

START_TEST(cn_journal_zai)
{
    /* Law journals write "载《刊名》" and an em dash in the page range. */
    static const expect e = {
        .in = "陈某某：《法律解释的界限》，载《法学研究》2019年第3期，第20—35页。",
        .authors = {"陈某某"},
        .title = "法律解释的界限",
        .journal = "法学研究",
        .year = 2019,
        .issue = "3",
        .pages = "20-35"};
    check_parse(&e);
}
END_TEST

START_TEST(cn_book_translator)
{
    /* A translated book: nationality in brackets, translator, place: publisher, year, page. */
    static const expect e = {.in = "[美]"
                                   "理查德·波斯纳：《法律的经济分析》，蒋兆康译，北京：中国大百科全"
                                   "书出版社，1997年，第20页。",
                             .authors = {"[美]理查德·波斯纳"},
                             .title = "法律的经济分析",
                             .journal = "中国大百科全书出版社",
                             .place = "北京",
                             .year = 1997,
                             .pages = "20"};
    check_parse(&e);
}
END_TEST

START_TEST(cn_book_two_authors)
{
    /* Two authors joined by "、" and "1996年版". */
    static const expect e = {
        .in = "王利明、杨立新：《侵权行为法》，北京：法律出版社，1996年版，第10页。",
        .authors = {"王利明", "杨立新"},
        .title = "侵权行为法",
        .journal = "法律出版社",
        .place = "北京",
        .year = 1996,
        .pages = "10"};
    check_parse(&e);
}
END_TEST

START_TEST(cn_book_roles)
{
    /* Role words after the names ("主编", "等著") are not part of the names; "等" sets et_al. */
    static const expect e = {.in = "张三等著：《民法总论》，北京：法律出版社，2018年，第25页。",
                             .authors = {"张三"},
                             .et_al = true,
                             .title = "民法总论",
                             .journal = "法律出版社",
                             .place = "北京",
                             .year = 2018,
                             .pages = "25"};
    check_parse(&e);
    folio_citation *c = folio_citation_parse("王利明主编：《民法》，北京：法律出版社，2018年。");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->n_authors, 1);
    ck_assert_str_eq(c->authors[0], "王利明");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(cn_title_with_book_marks_in_gbt)
{
    /* A GB/T citation whose title quotes a book in 《》: the type code wins over the
     * humanities form. */
    static const expect e = {.in = "李四. 《红楼梦》人物研究[J]. 红楼梦学刊, 2020, (1): 1-10.",
                             .authors = {"李四"},
                             .title = "《红楼梦》人物研究",
                             .type = "J",
                             .journal = "红楼梦学刊",
                             .year = 2020,
                             .issue = "1",
                             .pages = "1-10"};
    check_parse(&e);
}
END_TEST

/* ---- labels and refusals ---------------------------------------------- */

START_TEST(label_english)
{
    /* "Citation:" in front of an English line is a label, not an author. */
    folio_citation *c = folio_citation_parse("Citation: KANAMORI H. Shaking without quaking[J]. "
                                             "Science, 1998, 279(5359): 2063.");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->n_authors, 1);
    ck_assert_str_eq(c->authors[0], "KANAMORI H");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(label_spaced)
{
    /* OCR spaces inside the label "本 文引用格式 ：" must not leave part of it behind. */
    folio_citation *c =
        folio_citation_parse("本 文引用格式 ：张三. 某某研究[J]. 某学报, 2021, 3(1): 1-2.");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->n_authors, 1);
    ck_assert_str_eq(c->authors[0], "张三");
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(refuse_non_citations)
{
    /* NULL, empty and text without any citation structure give NULL, never a half object. */
    static const char *const no[] = {"",
                                     " ",
                                     "hello world",
                                     "[J]",
                                     "2024",
                                     ".",
                                     "[J].,2024,(:",
                                     "DOI:10.1000/x",
                                     "摘要：本文研究了",
                                     "\xff\xfe\xfd"};
    ck_assert_ptr_null(folio_citation_parse(NULL));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(folio_citation_parse(no[i]) == NULL, "parsed: %s", no[i]);
}
END_TEST

START_TEST(destroy_null)
{
    /* Destroy accepts NULL and a pointer to NULL. */
    folio_citation *c = NULL;
    folio_citation_destroy(NULL);
    folio_citation_destroy(&c);
    ck_assert_ptr_null(c);
}
END_TEST

/* ---- robustness ------------------------------------------------------- */

static const char *const ROBUST_INPUTS[] = {
    ("蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
     "2024,30(4):37-48. DOI:10.11835/j.issn.1008-5831.zs.2024.04.016"),
    "张三：《论题》，《中国社会科学》2023年第2期，第134-149页。",
    "萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/x.html.",
    "周易外传: 卷5[M]//王夫之. 船山全书: 第6册. 长沙: 岳麓书社, 2011: 1109.",
    "周文杰, 黄若曦. 面向历史文献的轻量级中英文混合文字识别方法. 计算机学报, 2023, 46(5): 988-1001",
};

START_TEST(robust_every_prefix)
{
    /* Every byte prefix, including ones that cut a UTF-8 sequence: no crash, no leak,
     * a parse is either NULL or complete. */
    for (size_t k = 0; k < sizeof ROBUST_INPUTS / sizeof ROBUST_INPUTS[0]; k++) {
        size_t len = strlen(ROBUST_INPUTS[k]);
        for (size_t n = 0; n <= len; n++) {
            char *s = strndup(ROBUST_INPUTS[k], n);
            folio_citation *c = folio_citation_parse(s);
            if (c)
                ck_assert(c->title || c->journal);
            folio_citation_destroy(&c);
            free(s);
        }
    }
}
END_TEST

START_TEST(robust_every_suffix)
{
    /* Every byte suffix: the string may start inside a UTF-8 sequence or a bracket. */
    for (size_t k = 0; k < sizeof ROBUST_INPUTS / sizeof ROBUST_INPUTS[0]; k++) {
        size_t len = strlen(ROBUST_INPUTS[k]);
        for (size_t n = 0; n <= len; n++) {
            folio_citation *c = folio_citation_parse(ROBUST_INPUTS[k] + n);
            folio_citation_destroy(&c);
        }
    }
}
END_TEST

START_TEST(robust_random_bytes)
{
    /* Deterministic pseudo-random mutations of real citations and pure noise: the parser
     * will be fuzzed, this keeps the basics in the unit suite. */
    static const char pieces[][12] = {"[J]", "[",  "]",  "．",      "，",       "：",     "（",
                                      "）",  "《", "》", "DOI:",    "10.1234/", "//",     "2024",
                                      ",",   "(",  ":",  "-",       "等",       "et al.", "http://",
                                      "第",  "页", " ",  "\xe4\xb8"};
    uint32_t seed = 12345;
    char buf[1024];
    for (int it = 0; it < 8000; it++) {
        seed = seed * 1103515245u + 12345u;
        const char *src = ROBUST_INPUTS[(seed >> 16) % 5];
        size_t len = strlen(src) % 900;
        memcpy(buf, src, len);
        for (int m = 0; m < 6; m++) {
            seed = seed * 1103515245u + 12345u;
            size_t pos = len ? (seed >> 8) % len : 0;
            if (m % 2 == 0 && len)
                buf[pos] = (char)(seed >> 24);
            else {
                const char *p = pieces[(seed >> 4) % (sizeof pieces / sizeof pieces[0])];
                size_t pl = strlen(p);
                if (len + pl < sizeof buf - 1) {
                    memmove(buf + pos + pl, buf + pos, len - pos);
                    memcpy(buf + pos, p, pl);
                    len += pl;
                }
            }
        }
        buf[len] = '\0';
        folio_citation *c = folio_citation_parse(buf);
        if (c)
            ck_assert(c->year >= 0 && c->year <= 2099);
        folio_citation_destroy(&c);
    }
}
END_TEST

START_TEST(robust_long_input)
{
    /* Input far beyond one citation is refused quickly, not scanned quadratically. */
    size_t n = 1 << 20;
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        s[i] = "A. [J"[i % 5];
    s[n] = '\0';
    ck_assert_ptr_null(folio_citation_parse(s));
    s[12000] = '\0';
    folio_citation *c = folio_citation_parse(s);
    folio_citation_destroy(&c);
    free(s);
}
END_TEST

/* ---- exporters -------------------------------------------------------- */

static folio_citation *seed_citation(void)
{
    folio_citation *c = folio_citation_parse(
        "蒲清平,马睿.国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版,"
        "2024,30(4):37-48. DOI:10.11835/j.issn.1008-5831.zs.2024.04.016");
    ck_assert_ptr_nonnull(c);
    return c;
}

/* A hand-built citation, so exporter tests do not depend on the parser. */
static folio_citation *make_citation(const char *type, const char *title, const char *author)
{
    folio_citation *c = calloc(1, sizeof *c);
    ck_assert_ptr_nonnull(c);
    c->type = type ? strdup(type) : NULL;
    c->title = title ? strdup(title) : NULL;
    if (author) {
        c->authors = calloc(1, sizeof(char *));
        c->authors[0] = strdup(author);
        c->n_authors = 1;
    }
    return c;
}

START_TEST(bibtex_seed)
{
    /* The seed as BibTeX: @article, Chinese names braced, UTF-8 title intact, "--" pages. */
    folio_citation *c = seed_citation();
    char *b = folio_citation_to_bibtex(c, NULL);
    ck_assert_ptr_nonnull(b);
    ck_assert_msg(strncmp(b, "@article{folio2024_", 19) == 0, "%s", b);
    ck_assert_ptr_nonnull(strstr(b, "  author = {{蒲清平} and {马睿}},\n"));
    ck_assert_ptr_nonnull(
        strstr(b, "  title = {国家战略腹地建设的内涵特征、重大意义和推进策略},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  journal = {重庆大学学报社会科学版},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  year = {2024},\n  volume = {30},\n  number = {4},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  pages = {37--48},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  doi = {10.11835/j.issn.1008-5831.zs.2024.04.016},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  langid = {chinese},\n"));
    ck_assert(b[strlen(b) - 2] == '}' && b[strlen(b) - 1] == '\n');
    free(b);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(bibtex_escaping)
{
    /* All ten TeX specials {}%&$#_\~^ escaped in text fields; line breaks flattened. */
    folio_citation *c = make_citation("J", "100% R&D {x} $5 #1 a_b \\ ~ ^\nend", "LI M");
    char *b = folio_citation_to_bibtex(c, "en");
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_nonnull(
        strstr(b, "  title = {100\\% R\\&D \\{x\\} \\$5 \\#1 a\\_b "
                  "\\textbackslash{} \\textasciitilde{} \\textasciicircum{} end},\n"));
    free(b);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(bibtex_verbatim_ids)
{
    /* DOI and URL are verbatim fields: "_" stays, "%" is escaped, a brace cannot break the
     * entry. */
    folio_citation *c = make_citation("EB/OL", "Page", NULL);
    c->url = strdup("http://x.org/a_b%20c{d}");
    c->doi = strdup("10.1000/a_b");
    char *b = folio_citation_to_bibtex(c, "en");
    ck_assert_ptr_nonnull(b);
    ck_assert_msg(strncmp(b, "@online{", 8) == 0, "%s", b);
    ck_assert_ptr_nonnull(strstr(b, "  url = {http://x.org/a_b\\%20c%7Bd%7D},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  doi = {10.1000/a_b},\n"));
    free(b);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(bibtex_latin_names)
{
    /* GB/T Latin names become "SURNAME, Initials", "Jr" a BibTeX suffix, "et al." "others",
     * and the key takes the first surname. */
    folio_citation *c = folio_citation_parse(
        "PEEBLES P Z, Jr, LI M Y, et al. Probability[M]. New York: McGraw-Hill, 2001.");
    ck_assert_ptr_nonnull(c);
    char *b = folio_citation_to_bibtex(c, NULL);
    ck_assert_ptr_nonnull(b);
    ck_assert_msg(strncmp(b, "@book{peebles2001_", 18) == 0, "%s", b);
    ck_assert_ptr_nonnull(strstr(b, "  author = {PEEBLES, Jr, P Z and LI, M Y and others},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  publisher = {McGraw-Hill},\n  address = {New York},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  langid = {english},\n"));
    free(b);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(bibtex_types)
{
    /* Every GB/T code maps to a BibTeX entry type (and the slot of its publisher). */
    static const struct {
        const char *type, *prefix, *slot;
        bool pages;
    } map[] = {
        {"M", "@book{", "publisher", false},         {"C", "@proceedings{", "publisher", false},
        {"C", "@inproceedings{", "booktitle", true}, {"D", "@phdthesis{", "school", false},
        {"R", "@techreport{", "institution", false}, {"S", "@standard{", "publisher", false},
        {"P", "@patent{", "publisher", false},       {"N", "@article{", "journal", false},
        {"EB/OL", "@online{", "publisher", false},   {"Z", "@misc{", "publisher", false},
        {"J/OL", "@article{", "journal", false},     {NULL, "@misc{", "publisher", false},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        folio_citation *c = make_citation(map[i].type, "T", NULL);
        c->journal = strdup("X");
        c->pages = map[i].pages ? strdup("1-2") : NULL;
        char *b = folio_citation_to_bibtex(c, "en");
        char want[64];
        snprintf(want, sizeof want, "  %s = {X},\n", map[i].slot);
        ck_assert_msg(strncmp(b, map[i].prefix, strlen(map[i].prefix)) == 0, "%s", b);
        ck_assert_msg(strstr(b, want) != NULL, "%s", b);
        free(b);
        folio_citation_destroy(&c);
    }
}
END_TEST

START_TEST(key_stable)
{
    /* The key is stable: the same citation twice gives the same key, a different DOI a
     * different key, case of the DOI does not matter. */
    folio_citation *a = seed_citation(), *b = seed_citation();
    char *ka = folio_citation_key(a), *kb = folio_citation_key(b);
    ck_assert_str_eq(ka, kb);
    ck_assert_uint_eq(strlen(ka), strlen("folio2024_") + 6);
    free(b->doi);
    b->doi = strdup("10.11835/J.ISSN.1008-5831.ZS.2024.04.016");
    free(kb);
    kb = folio_citation_key(b);
    ck_assert_str_eq(ka, kb);
    free(b->doi);
    b->doi = strdup("10.1000/other");
    free(kb);
    kb = folio_citation_key(b);
    ck_assert_str_ne(ka, kb);
    ck_assert_ptr_null(folio_citation_key(NULL));
    free(ka);
    free(kb);
    folio_citation_destroy(&a);
    folio_citation_destroy(&b);
}
END_TEST

/* Does the RIS text contain the line "TAG  - value"? */
static bool ris_has(const char *ris, const char *tag, const char *value)
{
    char line[512];
    snprintf(line, sizeof line, "%s  - %s\r\n", tag, value);
    return strstr(ris, line) != NULL;
}

START_TEST(ris_seed)
{
    /* The seed as RIS: TY first, ER last, one AU per author, SP/EP split, CRLF lines. */
    folio_citation *c = seed_citation();
    char *r = folio_citation_to_ris(c, "zh");
    ck_assert_ptr_nonnull(r);
    ck_assert_msg(strncmp(r, "TY  - JOUR\r\n", 12) == 0, "%s", r);
    size_t len = strlen(r);
    ck_assert(len > 8 && strcmp(r + len - 8, "ER  - \r\n") == 0);
    ck_assert(ris_has(r, "AU", "蒲清平") && ris_has(r, "AU", "马睿"));
    ck_assert(ris_has(r, "TI", "国家战略腹地建设的内涵特征、重大意义和推进策略"));
    ck_assert(ris_has(r, "T2", "重庆大学学报社会科学版"));
    ck_assert(ris_has(r, "PY", "2024") && ris_has(r, "VL", "30") && ris_has(r, "IS", "4"));
    ck_assert(ris_has(r, "SP", "37") && ris_has(r, "EP", "48"));
    ck_assert(ris_has(r, "DO", "10.11835/j.issn.1008-5831.zs.2024.04.016"));
    ck_assert(ris_has(r, "LA", "zh"));
    /* every line is "XX  - ..." and ends with CRLF */
    for (const char *p = r; *p;) {
        const char *e = strstr(p, "\r\n");
        ck_assert_ptr_nonnull(e);
        ck_assert(e - p >= 6 && p[2] == ' ' && p[3] == ' ' && p[4] == '-' && p[5] == ' ');
        ck_assert(memchr(p, '\n', (size_t)(e - p)) == NULL);
        p = e + 2;
    }
    free(r);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(ris_types)
{
    /* The TY mapping of the issue: JOUR/BOOK/CONF/THES/RPRT/STAND/PAT/NEWS/ELEC. */
    static const char *const map[][2] = {
        {"J", "JOUR"},     {"M", "BOOK"},    {"C", "CONF"},    {"D", "THES"},
        {"R", "RPRT"},     {"S", "STAND"},   {"P", "PAT"},     {"N", "NEWS"},
        {"EB/OL", "ELEC"}, {"J/OL", "JOUR"}, {"M/OL", "BOOK"}, {"Z", "GEN"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        folio_citation *c = make_citation(map[i][0], "T", NULL);
        char *r = folio_citation_to_ris(c, "en");
        ck_assert_msg(ris_has(r, "TY", map[i][1]), "%s -> %s", map[i][0], r);
        free(r);
        folio_citation_destroy(&c);
    }
}
END_TEST

START_TEST(ris_book_and_dates)
{
    /* A book puts its publisher in PB and place in CY; a newspaper date becomes DA, an
     * access date Y2. */
    folio_citation *c =
        folio_citation_parse("陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.");
    char *r = folio_citation_to_ris(c, NULL);
    ck_assert(ris_has(r, "PB", "中华书局") && ris_has(r, "CY", "北京") && ris_has(r, "SP", "29"));
    ck_assert(strstr(r, "EP  - ") == NULL);
    free(r);
    folio_citation_destroy(&c);
    c = folio_citation_parse("丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).");
    r = folio_citation_to_ris(c, NULL);
    ck_assert(ris_has(r, "DA", "2000/11/20") && ris_has(r, "T2", "中国青年报"));
    free(r);
    folio_citation_destroy(&c);
    c = folio_citation_parse("李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12"
                             "[2013-10-25]. http://www.docin.com/p-400265742.html.");
    r = folio_citation_to_ris(c, NULL);
    ck_assert(ris_has(r, "Y2", "2013/10/25"));
    ck_assert(ris_has(r, "UR", "http://www.docin.com/p-400265742.html"));
    free(r);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(ris_flattens_lines)
{
    /* A value with line breaks must not start a new RIS line. */
    folio_citation *c = make_citation("J", "line one\nline two\r\nthree", "A\nB");
    char *r = folio_citation_to_ris(c, "en");
    ck_assert(ris_has(r, "TI", "line one line two  three"));
    ck_assert(ris_has(r, "AU", "A B"));
    free(r);
    folio_citation_destroy(&c);
}
END_TEST

/* Parse s as JSON and return the only item of the CSL array (the array is in *root). */
static json_t *csl_item(const char *s, json_t **root)
{
    json_error_t err;
    *root = json_loads(s, 0, &err);
    ck_assert_msg(*root != NULL, "bad JSON (%s): %s", err.text, s);
    ck_assert(json_is_array(*root));
    ck_assert_uint_eq(json_array_size(*root), 1);
    return json_array_get(*root, 0);
}

static const char *jget(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

START_TEST(csl_seed)
{
    /* The seed as CSL-JSON, read back with jansson: type, literal Chinese names, issued
     * date-parts, page, DOI and container. */
    folio_citation *c = seed_citation();
    char *s = folio_citation_to_csl(c, NULL);
    ck_assert_ptr_nonnull(s);
    json_t *root, *it = csl_item(s, &root);
    ck_assert_str_eq(jget(it, "type"), "article-journal");
    ck_assert_str_eq(jget(it, "title"), "国家战略腹地建设的内涵特征、重大意义和推进策略");
    ck_assert_str_eq(jget(it, "container-title"), "重庆大学学报社会科学版");
    ck_assert_str_eq(jget(it, "volume"), "30");
    ck_assert_str_eq(jget(it, "issue"), "4");
    ck_assert_str_eq(jget(it, "page"), "37-48");
    ck_assert_str_eq(jget(it, "DOI"), "10.11835/j.issn.1008-5831.zs.2024.04.016");
    ck_assert_str_eq(jget(it, "language"), "zh");
    json_t *au = json_object_get(it, "author");
    ck_assert_uint_eq(json_array_size(au), 2);
    ck_assert_str_eq(jget(json_array_get(au, 0), "literal"), "蒲清平");
    json_t *dp = json_object_get(json_object_get(it, "issued"), "date-parts");
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(dp, 0), 0)), 2024);
    char *key = folio_citation_key(c);
    ck_assert_str_eq(jget(it, "id"), key);
    free(key);
    json_decref(root);
    free(s);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(csl_names_and_dates)
{
    /* Latin names split into family/given (and suffix); a newspaper date is the issued
     * date with month and day; an access date goes to "accessed". */
    folio_citation *c = folio_citation_parse(
        "PEEBLES P Z, Jr, LI M Y. Probability[M]. New York: McGraw-Hill, 2001.");
    char *s = folio_citation_to_csl(c, "en");
    json_t *root, *it = csl_item(s, &root);
    json_t *a0 = json_array_get(json_object_get(it, "author"), 0);
    ck_assert_str_eq(jget(a0, "family"), "PEEBLES");
    ck_assert_str_eq(jget(a0, "given"), "P Z");
    ck_assert_str_eq(jget(a0, "suffix"), "Jr");
    ck_assert_str_eq(jget(it, "publisher"), "McGraw-Hill");
    ck_assert_str_eq(jget(it, "publisher-place"), "New York");
    ck_assert_str_eq(jget(it, "type"), "book");
    json_decref(root);
    free(s);
    folio_citation_destroy(&c);

    c = folio_citation_parse("丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).");
    s = folio_citation_to_csl(c, NULL);
    it = csl_item(s, &root);
    ck_assert_str_eq(jget(it, "type"), "article-newspaper");
    json_t *dp = json_array_get(json_object_get(json_object_get(it, "issued"), "date-parts"), 0);
    ck_assert_uint_eq(json_array_size(dp), 3);
    ck_assert_int_eq(json_integer_value(json_array_get(dp, 1)), 11);
    ck_assert_ptr_null(json_object_get(it, "accessed"));
    json_decref(root);
    free(s);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(csl_escaping_roundtrip)
{
    /* Quotes, backslashes, control characters and invalid UTF-8 survive as valid JSON. */
    const char *title = "He said \"x\\y\"\n\ttab \x01 end";
    folio_citation *c = make_citation("J", title, "LI M");
    const char *kw[] = {"a\"b", "\xff bad"};
    folio_cite_meta m = {"en", "abs \xc3", kw, 2};
    char *s = folio_citation_export(c, FOLIO_CITE_CSL, &m);
    ck_assert_ptr_nonnull(s);
    json_t *root, *it = csl_item(s, &root);
    ck_assert_str_eq(jget(it, "title"), title);
    ck_assert_str_eq(jget(it, "abstract"), "abs \xef\xbf\xbd");
    ck_assert_str_eq(jget(it, "keyword"), "a\"b, \xef\xbf\xbd bad");
    ck_assert_str_eq(jget(it, "language"), "en");
    json_decref(root);
    free(s);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(csl_types)
{
    /* CSL item types for the GB/T codes. */
    static const char *const map[][2] = {
        {"J", "article-journal"},
        {"M", "book"},
        {"D", "thesis"},
        {"R", "report"},
        {"S", "standard"},
        {"P", "patent"},
        {"N", "article-newspaper"},
        {"EB/OL", "webpage"},
        {"DS", "dataset"},
        {"CP", "software"},
        {"A", "document"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        folio_citation *c = make_citation(map[i][0], "T", NULL);
        char *s = folio_citation_to_csl(c, "en");
        json_t *root, *it = csl_item(s, &root);
        ck_assert_str_eq(jget(it, "type"), map[i][1]);
        json_decref(root);
        free(s);
        folio_citation_destroy(&c);
    }
}
END_TEST

START_TEST(export_meta)
{
    /* Abstract and keywords travel into all three formats, escaped for each. */
    folio_citation *c = seed_citation();
    const char *kw[] = {"国家战略腹地", "大后方_x"};
    folio_cite_meta m = {NULL, "摘要 50% & more", kw, 2};
    char *b = folio_citation_export(c, FOLIO_CITE_BIBTEX, &m);
    char *r = folio_citation_export(c, FOLIO_CITE_RIS, &m);
    ck_assert_ptr_nonnull(strstr(b, "  abstract = {摘要 50\\% \\& more},\n"));
    ck_assert_ptr_nonnull(strstr(b, "  keywords = {国家战略腹地, 大后方\\_x},\n"));
    ck_assert(ris_has(r, "AB", "摘要 50% & more"));
    ck_assert(ris_has(r, "KW", "国家战略腹地") && ris_has(r, "KW", "大后方_x"));
    free(b);
    free(r);
    folio_citation_destroy(&c);
}
END_TEST

START_TEST(export_null_and_empty)
{
    /* NULL citation or unknown format: NULL. An empty citation still exports valid text. */
    ck_assert_ptr_null(folio_citation_to_bibtex(NULL, "zh"));
    ck_assert_ptr_null(folio_citation_to_ris(NULL, NULL));
    ck_assert_ptr_null(folio_citation_to_csl(NULL, NULL));
    folio_citation *c = make_citation(NULL, NULL, NULL);
    ck_assert_ptr_null(folio_citation_export(c, (folio_cite_format)99, NULL));
    char *b = folio_citation_to_bibtex(c, NULL), *r = folio_citation_to_ris(c, NULL);
    char *s = folio_citation_to_csl(c, NULL);
    ck_assert_msg(strncmp(b, "@misc{folio_", 12) == 0, "%s", b);
    ck_assert(ris_has(r, "TY", "GEN"));
    json_t *root;
    csl_item(s, &root);
    json_decref(root);
    free(b);
    free(r);
    free(s);
    folio_citation_destroy(&c);
}
END_TEST

/* ---- suite ------------------------------------------------------------ */

static void add(Suite *s, const char *name, const TTest *const *tests, size_t n)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 60); /* sanitizer builds on a busy machine are slow */
    for (size_t i = 0; i < n; i++)
        tcase_add_test(tc, tests[i]);
    suite_add_tcase(s, tc);
}

#define ADD(s, name, ...)                                                                          \
    do {                                                                                           \
        const TTest *const t_[] = {__VA_ARGS__};                                                   \
        add(s, name, t_, sizeof t_ / sizeof t_[0]);                                                \
    } while (0)

static Suite *citation_suite(void)
{
    Suite *s = suite_create("citation");
    ADD(s, "corpus", corpus_seed, corpus_seed_damaged, corpus_seed_fullwidth,
        corpus_seed_doi_spaced, corpus_seed_doi_url, corpus_seed_cstr, corpus_seed_d0i,
        corpus_seed_en, corpus_d1, corpus_d1_damaged, corpus_d1_linebreak, corpus_d1_en,
        corpus_d1_en_nospace, corpus_d2, corpus_d2_damaged, corpus_d2_en, corpus_d3,
        corpus_d3_en_stop_before_year, corpus_d3_damaged, corpus_d3_en, corpus_d4,
        corpus_d4_damaged, corpus_d4_en, corpus_d5, corpus_d5_damaged, corpus_d5_en, corpus_d6,
        corpus_d6_damaged, corpus_d6_en);
    ADD(s, "gbt7714", gbt_m_pages, gbt_m_translator, gbt_m_era, gbt_m_latin_jr, gbt_m_abbrev_place,
        gbt_m_ol, gbt_m_analytic_no_author, gbt_m_analytic_year_title, gbt_m_analytic_latin,
        gbt_m_analytic_ol, gbt_c_whole, gbt_c_analytic, gbt_c_years_in_title, gbt_c_ieee,
        gbt_d_thesis, gbt_d_ol, gbt_d_ol_doi, gbt_r_report, gbt_r_ol, gbt_s_standard,
        gbt_s_page_range, gbt_p_patent, gbt_p_ol, gbt_n_newspaper, gbt_n_ol, gbt_eb_ol,
        gbt_eb_ol_access_only, gbt_a_archive, gbt_j_article_number, gbt_j_ol_doi, gbt_j_no_issue,
        gbt_j_year_issue, gbt_j_combined_issue, gbt_j_kanamori, gbt_author_year_j,
        gbt_author_year_j_latin, gbt_author_year_m);
    ADD(s, "variants", j_missing_volume, j_article_number_supplement, j_article_number_zero,
        j_names_space_separated, j_name_split_by_ocr, j_dotted_initials, j_bracket_variants,
        j_carrier_variants, j_cn_numbering_after_code, cn_journal, cn_journal_zai,
        cn_book_translator, cn_book_two_authors, cn_book_roles, cn_title_with_book_marks_in_gbt,
        label_english, label_spaced, refuse_non_citations, destroy_null);
    ADD(s, "robust", robust_every_prefix, robust_every_suffix, robust_random_bytes,
        robust_long_input);
    ADD(s, "export", bibtex_seed, bibtex_escaping, bibtex_verbatim_ids, bibtex_latin_names,
        bibtex_types, key_stable, ris_seed, ris_types, ris_book_and_dates, ris_flattens_lines,
        csl_seed, csl_names_and_dates, csl_escaping_roundtrip, csl_types, export_meta,
        export_null_and_empty);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(citation_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
