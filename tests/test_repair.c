/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests for pipeline/repair.c. Every case is real damage that
 * Tesseract 5.3 (chi_sim+eng, CLI and TSV word boxes) did to a development
 * page of ../shared/corpus/dev, with the text the page prints; the comment
 * names the page and the damage. Cases marked "keep" must come back unchanged.
 * "synthetic" marks the few cases built from a documented confusion class
 * rather than copied from an OCR run.
 *
 * The word list is Debian's wamerican (a declared dependency).
 */
#include "../pipeline/repair.h" /* works for meson and a plain -Ipipeline build */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDLIST "/usr/share/dict/american-english"

/* Loaded once in main() (forked test processes inherit it); read-only. */
static folio_repair *g_repair;

typedef struct line_case {
    const char *in, *want, *why;
} line_case;

/* ---- folio_repair_line ------------------------------------------------ */

static const line_case line_cases[] = {
    /* -- spaces around Chinese -- */
    {"纵深, 夯实国家安全基石 。2023年12月中央经济工作会议",
     "纵深, 夯实国家安全基石。2023年12月中央经济工作会议",
     "seed-journal-clean: space before 。; the half-width ', ' is printed and stays"},
    {"竞争, 立足我国新发展阶段的新特征", "竞争, 立足我国新发展阶段的新特征",
     "keep: seed prints a half-width comma and a space inside Chinese text"},
    {"以再生粗骨料取代率(0% 、30% 、50% 、 100%)为变量",
     "以再生粗骨料取代率(0%、30%、50%、100%)为变量",
     "d1-concrete-clean: spaces around 、 (full-width punctuation carries its own blank)"},
    {"取代率为100%时，经过 150次循环后", "取代率为100%时，经过150次循环后",
     "d1-concrete-clean: space between Chinese and a number"},
    {"导致通用 OCR引擎的识别准确率", "导致通用OCR引擎的识别准确率",
     "d3-ocr-cs-scan: space between Chinese and a Latin acronym"},
    {"首先利用自适应 Sauvola二值化", "首先利用自适应Sauvola二值化",
     "d3-ocr-cs-scan: space between Chinese and a Latin name"},
    {"本文提出一种轻 量级混合文字识别方法", "本文提出一种轻量级混合文字识别方法",
     "d3-ocr-cs-scan: space inside a Chinese word"},
    {"文献数字化是图书馆、 档案馆开展古籍与期刊保", "文献数字化是图书馆、档案馆开展古籍与期刊保",
     "d3-ocr-cs-scan: space after 、"},
    {"与现代印刷品相比， 历史期刊的纸张泛黄", "与现代印刷品相比，历史期刊的纸张泛黄",
     "d3-ocr-cs-scan: space after ，"},
    {"2023年12月 中央经济工作会议首次提出", "2023年12月中央经济工作会议首次提出",
     "seed-web-scan: space between two Chinese characters"},
    {"创新发展的引擎性、  城市文化的凝聚性", "创新发展的引擎性、城市文化的凝聚性",
     "seed-web-scan: a double space after 、 is the glyph's own blank, not a printed gap"},
    {"细胞功能的影响 。方法 纳入2019年1 月至2021年6月",
     "细胞功能的影响。方法 纳入2019年1月至2021年6月",
     "d2-clinical-clean: structured-abstract heading keeps its space, '1 月' does not"},
    {"土木与环境工程学报(中英文)          2023年4月 第45卷第2期",
     "土木与环境工程学报(中英文)          2023年4月 第45卷第2期",
     "keep: d1 running head, a wide gap and the printed space before 第45卷"},
    {"Journal of Chongqing University (Social Science Edition)      Vol. 30 No. 4 2024",
     "Journal of Chongqing University (Social Science Edition)      Vol. 30 No. 4 2024",
     "keep: seed English running head"},
    {"Vol. 30 No. 4 2024", "Vol. 30 No. 4 2024", "keep: volume line, spaces between Latin"},
    {"1 引言", "1 引言", "keep: a section number keeps its space"},
    {"150 次循环后相对动弹性模量降至60%以下。基于Weibull分布建立了损伤演化模型",
     "150次循环后相对动弹性模量降至60%以下。基于Weibull分布建立了损伤演化模型",
     "d1-concrete TSV: a body line opening with a number is no section heading"},
    {"每年有 5%~10%的患者进展为2型糖尿病", "每年有5%～10%的患者进展为2型糖尿病",
     "d2-clinical-clean: space before a number; the range tilde is full-width in Chinese"},
    {"蒲清平 马睿", "蒲清平　马睿", "seed: an author line keeps its gaps (printed U+3000)"},
    {"national strategic hinterland; rear area; third line construction",
     "national strategic hinterland; rear area; third line construction",
     "keep: Latin words and ASCII semicolons in English keywords"},
    {"从我国区域经济发展史看, \"三线建设\" \"区域协调发展战略\"在不同历史时期",
     "从我国区域经济发展史看, \"三线建设\" \"区域协调发展战略\"在不同历史时期",
     "keep: seed prints half-width quotes with spaces inside Chinese text"},
    {"研究表明，“靠山、分散、隐蔽”的选址方针", "研究表明，“靠山、分散、隐蔽”的选址方针",
     "keep: d6 curly quotes in Chinese"},
    {"该效应在经过平行趋势检验", "该效应在经过平行趋势检验", "keep: plain Chinese"},
    {"以Tesseract为代表的开源引擎", "以Tesseract为代表的开源引擎",
     "keep: Latin set solid in Chinese"},
    {"然后采用 CNN-BiLSTM-CTC结构进行行级识别", "然后采用CNN-BiLSTM-CTC结构进行行级识别",
     "d3-ocr-cs-scan: space before a hyphenated acronym; its hyphens stay"},
    {"Chengdu-Chongqing economic circle", "Chengdu-Chongqing economic circle",
     "keep: d4 true compound"},
    {"比例为 1:2", "比例为1:2", "synthetic: a ratio keeps its ASCII colon"},
    {"计算机学报      第46卷 第5期 2023年5月", "计算机学报      第46卷 第5期 2023年5月",
     "keep: d3 running head, spaces before 第 and between issue and date"},
    {"于 2021年12月至2022年2月在重庆", "于2021年12月至2022年2月在重庆",
     "d5-environment: a date inside a sentence is set solid"},
    {"网址: https://www.cnki.net/kcms", "网址：https://www.cnki.net/kcms",
     "synthetic: the label colon goes full-width, the URL's colon never"},
    {"有 5%一10%的患者", "有5%一10%的患者", "keep: d2-bad, 一 after % is left (the print has ～)"},

    /* -- colons, semicolons -- */
    {"摘 要: 面对复杂的国际政治环境", "摘　要：面对复杂的国际政治环境",
     "seed-journal-clean: label printed 摘　要：, read as '摘 要: '"},
    {"摘要: 为研究冻融循环作用下再生骨料", "摘要：为研究冻融循环作用下再生骨料",
     "d1-concrete-clean: label colon read half-width"},
    {"关键词: 国家战略腹地; 大后方; 三线建设; 重大生产力布局; 国家安全",
     "关键词：国家战略腹地；大后方；三线建设；重大生产力布局；国家安全",
     "seed-journal-clean: keyword list separators read as '; '"},
    {"关键词 : 光学字符识别 ; 历史文献 ; 中英文混排", "关键词：光学字符识别；历史文献；中英文混排",
     "d3-ocr-cs-scan: spaced ' : ' and ' ; '"},
    {"再生骨料混凝土; 冻融循环; 损伤演化 ; Weibull分布; 寿命预测",
     "再生骨料混凝土；冻融循环；损伤演化；Weibull分布；寿命预测",
     "d1-concrete-clean: semicolon before and after a Latin keyword"},
    {"关键词 : PM2.5 ; 化学组分 ; 来源解析", "关键词：PM2.5；化学组分；来源解析",
     "d5-environment-scan: keyword that is a formula"},
    {"混合文字识别方法LiteMix-OCR : 首先利用自适应", "混合文字识别方法LiteMix-OCR：首先利用自适应",
     "d3-ocr-cs-scan: colon between a Latin name and Chinese"},
    {"研究发现 : 数字经济发展指数", "研究发现：数字经济发展指数", "d4-economics-fax: ' : '"},
    {"基金项目; 四川省科技计划项目(2020YFS0186)", "基金项目：四川省科技计划项目(2020YFS0186)",
     "d2-clinical-clean: label colon read as a semicolon"},
    {"主要从事混凝土耐久性研究，E-mail; limy@cqu.edu.cn。",
     "主要从事混凝土耐久性研究，E-mail：limy@cqu.edu.cn。",
     "d1-concrete-clean: E-mail label colon read as ';', full-width in Chinese text"},
    {"主要研究方向为大气颗粒物污染，E-mail: yangxue@email.swu.edu.cn",
     "主要研究方向为大气颗粒物污染，E-mail：yangxue@email.swu.edu.cn",
     "d5-environment-scan: E-mail colon after Chinese text"},
    {"收稿日期 : 2022-08-25", "收稿日期：2022-08-25", "d3-ocr-cs-scan: date label"},
    {"基金项目 : 国家重点研发计划(2021YFF0901600); 国家自 然科学基金(62076008)",
     "基金项目：国家重点研发计划(2021YFF0901600)；国家自然科学基金(62076008)",
     "d3-ocr-cs-scan: funding list semicolon after ')' before Chinese, space in 自然"},
    {"Abstract: Confronted with the intricate international political landscape",
     "Abstract: Confronted with the intricate international political landscape",
     "keep: English label colon"},
    {"Key words: national strategic hinterland; rear area",
     "Key words: national strategic hinterland; rear area", "keep: English keywords"},
    {"Key words：national strategic hinterland；rear area",
     "Key words: national strategic hinterland; rear area",
     "synthetic (issue text, 'and vice versa'): full-width colon/semicolon in English"},
    {"Citation: PU Q P, MA R. The connotation characteristics",
     "Citation: PU Q P, MA R. The connotation characteristics", "keep: English citation"},
    {"马睿.国家战略腹地建设[J].重庆大学学报社会科学版,2024,30(4):37-48.",
     "马睿.国家战略腹地建设[J].重庆大学学报社会科学版,2024,30(4):37-48.",
     "keep: seed Chinese citation prints half-width ',' ':' '.' without spaces"},

    /* -- exact tokens -- */
    {"DOT: 10.11835/j.issn. 1008-583 1.zs.2024.04.016",
     "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
     "seed-journal-clean: DOI label misread, two spaces inserted in the DOI"},
    {"DOT: 10.11835/j.issn.2096-67 17.2022.087", "DOI: 10.11835/j.issn.2096-6717.2022.087",
     "d1-concrete-clean: space inside the ISSN part of the DOI"},
    {"DOI: 10.11835/j. issn.1008-5831. zs.2024.04.016",
     "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016", "issue text: spaces after dots"},
    {"DOE: 10.3969/j.issn.0577-9154.2024.03.005", "DOI: 10.3969/j.issn.0577-9154.2024.03.005",
     "d4-economics-fax: label read as DOE"},
    {"DOI: 10.1183S/j.issn.2096-6717.2022.087", "DOI: 10.11835/j.issn.2096-6717.2022.087",
     "d1-concrete-clean read line by line: S for 5 in the registrant code"},
    {"DOI:10.1183S/j.issn.1008-5831.zs.2024.04.016", "DOI:10.11835/j.issn.1008-5831.zs.2024.04.016",
     "seed-citetop-rotated read line by line: S for 5 in the citation's DOI"},
    {"see 10.SBOS/abc and 10.12S4S/x", "see 10.SBOS/abc and 10.12S4S/x",
     "keep: a registrant of letters, or with two letters, is no misread DOI"},
    {"DOI: £G.11897/SP.J.1016.2023.00988", "DOI: 10.11897/SP.J.1016.2023.00988",
     "d3-ocr-cs-fax: the DOI's 10 read as two other characters"},
    {"DOT: $0.3760/cma.j.cn112137", "DOI: 10.3760/cma.j.cn112137",
     "the 10 garbled after a garbled label"},
    {"DOI: ab.118/x.1016", "DOI: ab.118/x.1016", "keep: three digits are no registrant"},
    {"Vol. 46 ab.11897/SP.J.1016", "Vol. 46 ab.11897/SP.J.1016", "keep: no DOI label before"},
    {"DOI:  10.3760/cma.j.cn1 12137-20220309-00512", "DOI:  10.3760/cma.j.cn112137-20220309-00512",
     "d2-clinical-bad: space between digits of a DOI suffix"},
    {"DOI: 10.11835/).issn.1008-5831.zs.2024.04.016", "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
     "seed-journal-clean (folio): the journal's j read as )"},
    {"DOI: 10.11835/i.issn.1008-5831.zs.2024.04.016", "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
     "seed-journal-scan (hyst ablation): j read as i before issn"},
    {"DOI: 10.13227/,.hjkx.202210140", "DOI: 10.13227/j.hjkx.202210140",
     "d5-environment-clean (folio): j read as a comma"},
    {"DOI: 10.3969/.issn.0577-9154.2024.03.005", "DOI: 10.3969/j.issn.0577-9154.2024.03.005",
     "d4-economics (hyst ablation): j dropped"},
    {"DOI: 10.11835/j).issn.2096-6717.2022.087", "DOI: 10.11835/j.issn.2096-6717.2022.087",
     "d1-concrete-clean (folio): a stray ) after j"},
    {"DOI: 10.3760/ema,j.cn112137-20220309-00512", "DOI: 10.3760/ema.j.cn112137-20220309-00512",
     "d2-clinical (hyst ablation): a dot read as a comma inside the suffix (ema for cma stays)"},
    {"DOI: 10.1016/j.cemconres.2020.106", "DOI: 10.1016/j.cemconres.2020.106", "keep: synthetic, Elsevier j."},
    {"DOI: 10.1000/182, and", "DOI: 10.1000/182, and", "keep: synthetic, a comma after a DOI ends it"},
    {"DOI: 10.1000/i.x12", "DOI: 10.1000/i.x12", "keep: synthetic, i. not before issn"},
    {"3321-3326. DOI: 10.3760/cma.j.cn112137-20220309-005 12.",
     "3321-3326. DOI: 10.3760/cma.j.cn112137-20220309-00512.",
     "d2-clinical-clean: space near the end; the sentence's full stop stays outside"},
    {"2024,30(4):37-48. DOI: 10.11835/j.issn. 1008-583 1.zs.2024.04.016",
     "2024,30(4):37-48. DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
     "seed-journal-clean: the DOI at the end of the citation line"},
    {"DOI: 10.11835/j.issn.1008-583l.zs.2O24.04.016",
     "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016",
     "synthetic: l/1 and O/0 confusions inside digit groups of a DOI"},
    {"DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016. Citation: PU Q P",
     "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016. Citation: PU Q P",
     "keep: a DOI ending a sentence is not glued to the next one"},
    {"doi:10.1016/S0140-6736(20)30183-5", "doi:10.1016/S0140-6736(20)30183-5",
     "keep: Elsevier PII letter S is not a 5"},
    {"文章编号: 0577-9 154(2024)03-0045-17", "文章编号：0577-9154(2024)03-0045-17",
     "d4-economics-fax: space inside the article number"},
    {"文章编号: 1008-5831(2O24)04-0037-l2", "文章编号：1008-5831(2024)04-0037-12",
     "synthetic: O/0 and l/1 in an article number"},
    {"中图分类号: D61 ”文献标志码: A 文章编号: 1008-5831(2024)04-0037-12",
     "中图分类号：D61 文献标志码：A 文章编号：1008-5831(2024)04-0037-12",
     "seed-journal-clean: the U+3000 gap read as ” before a label; label colons"},
    {"中图分类号: TU528.01 ”文献标志码: A ”文章编号: 2096-6717(2023)02-0112-09",
     "中图分类号：TU528.01 文献标志码：A 文章编号：2096-6717(2023)02-0112-09",
     "d1-concrete-clean: two stray quotes before labels"},
    {"收稿日期: 2022-06-18 基金项目: 国家自然科学基金(42078063); "
     "重庆市自然科学基金(cstc2021jcyj-msxmX0456)",
     "收稿日期：2022-06-18 "
     "基金项目：国家自然科学基金(42078063)；重庆市自然科学基金(cstc2021jcyj-msxmX0456)",
     "d1-concrete TSV: date kept exact, a space before the next label, mixed code kept"},
    {"收稿日期：2022-06- 18", "收稿日期：2022-06-18", "synthetic: space inside a date"},
    {"ISSN l008-583l", "ISSN 1008-5831", "synthetic: l/1 confusion in an ISSN after its label"},
    {"611130，电子信箱，qianzp@swufe.edu cn ，本文引用格式",
     "611130，电子信箱：qianzp@swufe.edu.cn，本文引用格式",
     "d4-economics-fax: label comma, the e-mail's last dot read as a space"},
    {"limy @cqu. edu.cn", "limy@cqu.edu.cn", "synthetic: spaces inside an e-mail address"},
    {"https:// www.cnki. net/kcms", "https://www.cnki.net/kcms", "synthetic: spaces inside a URL"},

    /* -- numbers -- */
    {"HbAlc为(5.8+0.4)% ，低于对照组的(6.1+0.5)%", "HbAlc为(5.8±0.4)%，低于对照组的(6.1±0.5)%",
     "d2-clinical-clean: ± read as +"},
    {"HbAlc in the combination group was (5.8+0.4)%, lower than",
     "HbAlc in the combination group was (5.8±0.4)%, lower than", "d2-clinical-clean: English"},
    {"浓度分别为(68.3+21.5) hg/ms和(74.9+25.2) hg/ma",
     "浓度分别为(68.3±21.5) μg/m³和(74.9±25.2) μg/m³",
     "d5-environment-scan: ± read as +, μ as h, ³ as s/a"},
    {"(74.9+25.2) jig/m3, respectively", "(74.9±25.2) μg/m³, respectively",
     "d5-environment-scan: μ read as 'ji', ³ as 3"},
    {"(School of Civil Engineering, Chongqing University, Chongqing 400045, P. R. China}",
     "(School of Civil Engineering, Chongqing University, Chongqing 400045, P. R. China)",
     "d1-concrete-citetop-rotated: a round bracket's end read as a brace"},
    {"freeze-thaw cycles{J}. Journal of Civil and Environmental Engineering",
     "freeze-thaw cycles[J]. Journal of Civil and Environmental Engineering",
     "d1-concrete-fax: the type code's brackets read as braces"},
    {"Damage evolution[J}. Journal", "Damage evolution[J]. Journal",
     "synthetic: one bracket of the type code read as a brace"},
    {"（重庆大学 土木工程学院}", "（重庆大学 土木工程学院）", "synthetic: a full-width bracket's end"},
    {"集合{x|x>0}中", "集合{x|x>0}中", "keep: a brace pair around a formula"},
    {"a} b", "a} b", "keep: a lone brace pairs with nothing"},
    {"5.8士0.4", "5.8±0.4", "synthetic: ± read as the look-alike 士"},
    {"(3+4) and 1+1", "(3+4) and 1+1", "keep: a plus between integers is arithmetic"},
    {"本文基于2011一2021年成渝地区", "本文基于2011—2021年成渝地区",
     "d4-economics-fax: dash in a year range read as 一"},
    {"作者简介: 李明远(1990一)，男，博士生", "作者简介：李明远(1990—)，男，博士生",
     "d1-concrete-clean: open range read as 一"},
    {"档案考察(1964一 1980)", "档案考察(1964—1980)", "d6-history-clean: 一 and a space in a range"},
    {"作者简介 : 杨雪(1994~)，女，硕士研究生", "作者简介：杨雪(1994～)，女，硕士研究生",
     "d5-environment-scan: tilde read half-width"},
    {"(CER)为2.796，比Tesseract 5.3降低了6196，", "(CER)为2.7%，比Tesseract 5.3降低了6196，",
     "d3-ocr-cs-scan: % read as 96 after one decimal; integer 6196 is left (could be a count)"},
    {"贡献最大(37.296)，其次为机动车排放(21.696)", "贡献最大(37.2%)，其次为机动车排放(21.6%)",
     "d5-environment-scan: % read as 96 inside parentheses"},
    {"测得 3.1496，", "测得3.1496，", "keep: a two-decimal number ending in 96 is a number"},
    {"联合组进展为2型糖尿病的比例为8.39%6，对照组为17.69%6。",
     "联合组进展为2型糖尿病的比例为8.3%，对照组为17.6%。",
     "d2-clinical-scan (folio): the % glyph read as 9%6 after a one-decimal number"},
    {"低于对照组的(6.1±0.5)9%6，差异有统计学意义", "低于对照组的(6.1±0.5)%，差异有统计学意义",
     "d2-clinical-scan (folio): 9%6 after a closing parenthesis"},
    {"以再生粗骨料取代率(09%6、309%、50%9、1009%6)为变量",
     "以再生粗骨料取代率(0%、309%、50%、100%)为变量",
     "d1-concrete-scan/clean (folio): 9%6 and %9 after integers; 309% without a trailing digit "
     "cannot be told from a number and stays"},
    {"贡献最大(37.29%9)，其次", "贡献最大(37.2%)，其次",
     "d5-environment-clean (folio): %9 before ')'"},
    {"增长了29%，其中6%来自", "增长了29%，其中6%来自",
     "keep: synthetic, real 9% and a digit after a comma"},
    {"占比为12%6.5万人", "占比为12%6.5万人", "keep: synthetic, a number after % is not junk"},
    {"concentrations in Chongqing and Chengdu were (68.3421.5) ug/m3 and (74.9425.2)",
     "concentrations in Chongqing and Chengdu were (68.3±21.5) μg/m³ and (74.9±25.2)",
     "d5-environment-clean (folio): ± read as 4 between a mean and SD of equal precision; "
     "μ read as u"},
    {"(74.9425.2) pug/m3, respectively", "(74.9±25.2) μg/m³, respectively",
     "d5-environment-clean (folio): μ read as pu after a number"},
    {"和(74.9±25.2) Hg/m3；SO", "和(74.9±25.2) μg/m³；SO",
     "d5-environment-clean (folio, its junk 's' after m3 removed): μ read as H after a number"},
    {"PM2.5 at 12 pg/m3 and Hg/m3 of air", "PM2.5 at 12 pg/m3 and Hg/m3 of air",
     "keep: synthetic, picograms are a unit; Hg not after a number is mercury"},
    {"HbA1c was (5.840.5)% in the", "HbA1c was (5.8±0.5)% in the",
     "d2-clinical-clean (folio): ± read as 4 inside a percentage"},
    {"见表(12.345.67)和(1.4.2)", "见表(12.345.67)和(1.4.2)",
     "keep: synthetic, decimals of unequal precision or a section number are no mean±SD"},
    {"各组拟合优度Rz均大于 0.95，并据此", "各组拟合优度R²均大于0.95，并据此",
     "d1-concrete-clean: R² read as Rz"},
    {"基于Weibull分布建立了损伤演化模型，各组拟合优度Rz均大于",
     "基于Weibull分布建立了损伤演化模型，各组拟合优度R²均大于",
     "d1-concrete-clean CLI: the number is on the next line, the name says R²"},
    {"Rzeszow", "Rzeszow", "keep: Rz inside a word"},
    {"表面粗糙度Rz为3.2 μm", "表面粗糙度Rz为3.2 μm",
     "keep: Rz is also a roughness, not a fraction"},

    /* -- structure: parentheses, citation type -- */
    {"(重庆大学 马克思主义学院, 重庆 400044)", "（重庆大学 马克思主义学院, 重庆 400044）",
     "seed: affiliation printed in full-width parentheses; real spaces kept"},
    {"(四川大学华西医院 内分泌代谢科，成都 610041)",
     "（四川大学华西医院 内分泌代谢科，成都 610041）",
     "d2-clinical-clean: hospital and department"},
    {"(1. 西南大学 资源环境学院，重庆 400715;", "（1. 西南大学 资源环境学院，重庆 400715；",
     "d5-environment-scan: first line of a numbered two-line affiliation"},
    {"2. 重庆市生态环境监测中心，重庆 401147)", "2. 重庆市生态环境监测中心，重庆 401147）",
     "d5-environment-scan: second line of the affiliation"},
    {"郑国华 (四川大学 历史文化学院，成都 610065)", "郑国华（四川大学 历史文化学院，成都 610065）",
     "d6-history-clean: author and affiliation merged on one line"},
    {"(北京大学王选计算机研究所，北京 100871)", "（北京大学 王选计算机研究所，北京 100871）",
     "d3-ocr-cs-scan TSV: the space between university and institute lost"},
    {"作者简介：郑国华，四川大学历史文化学院教授。", "作者简介：郑国华，四川大学历史文化学院教授。",
     "keep: d6 author bio sets university and school solid"},
    {"(School of Marxism, Chongqing University, Chongqing 400044, P. R. China)",
     "(School of Marxism, Chongqing University, Chongqing 400044, P. R. China)",
     "keep: English affiliation"},
    {"重庆大学学报(社会科学版)", "重庆大学学报(社会科学版)", "keep: journal name parentheses"},
    {"《重庆大学 土木工程学院，重庆 400045）", "（重庆大学 土木工程学院，重庆 400045）",
     "d1-concrete-clean (folio): the opening parenthesis of the affiliation read as 《"},
    {"《四川大学 历史文化学院，成都 610065)", "（四川大学 历史文化学院，成都 610065）",
     "d6-history-clean (folio, closing made ASCII): 《 and an ASCII closing parenthesis"},
    {"《重庆大学学报》编辑部(重庆 400044)", "《重庆大学学报》编辑部(重庆 400044)",
     "keep: synthetic, a title in 《》 naming a university"},
    {"《大学》研究", "《大学》研究", "keep: synthetic, a book title"},
    {"考察(1964—1980)[].当代中国史研究,2021", "考察(1964—1980)[J].当代中国史研究,2021",
     "d6-history-clean: [J] read as []"},
    {"化学组分特征及来源解析[]. 环境科学, 2023, 44(8): 4211-4220.",
     "化学组分特征及来源解析[J]. 环境科学, 2023, 44(8): 4211-4220.",
     "d5-environment-scan: [J] read as []"},
    {"economic circle[J}, Heonomie Research", "economic circle[J], Heonomie Research",
     "d4-economics-fax: ] read as }"},
    /* -- the citation's type code read as a Han character or lost -- */
    {"重大意义和推进策略四.重庆大学学报社会科学版, 2024, 30(4):37-48.",
     "重大意义和推进策略[J].重庆大学学报社会科学版, 2024, 30(4):37-48.",
     "seed-journal-clean (folio): [J] read as 四"},
    {"前期患者胰岛6细胞功能的影响中. 中华医学杂志, 2022, 102(42): 3321",
     "前期患者胰岛6细胞功能的影响[J]. 中华医学杂志, 2022, 102(42): 3321",
     "d2-clinical-clean (folio): [J] read as 中"},
    {"损伤演化与寿命预测四，上土木与环境工程学报(中英文)，2023，45(2)",
     "损伤演化与寿命预测[J]，上土木与环境工程学报(中英文)，2023，45(2)",
     "d1-concrete-scan (folio): [J] read as 四 and the full stop as a comma"},
    {"成渝地区双城经济圈的证据[加. 经济研究，2024，59(3)",
     "成渝地区双城经济圈的证据[J]. 经济研究，2024，59(3)",
     "d4-economics-clean (hyst ablation): [J] read as [加"},
    {"PM2.5化学组分特征及来源解析计}. 环境科学, 2023, 44(8)",
     "PM2.5化学组分特征及来源解析[J]. 环境科学, 2023, 44(8)",
     "d5-environment-bad (hyst ablation): [J] read as 计}"},
    {"患者胰岛p细胞功能的0). 中华医学杂志, 2022, 102(42)",
     "患者胰岛p细胞功能的[J]. 中华医学杂志, 2022, 102(42)",
     "d2-clinical-scan (hyst ablation): [J] read as 0)"},
    {"面向历史文献的轻量级中英文混合文字识别方法. 计算机学报, 2023, 46(5): 1021",
     "面向历史文献的轻量级中英文混合文字识别方法. 计算机学报, 2023, 46(5): 1021",
     "keep: d3-ocr-cs prints its citation without a type code"},
    {"国家战略腹地建设的内涵特征、重大意义和推进策略男.重庆大学学报社会科学版2024, 30(4):37-48.",
     "国家战略腹地建设的内涵特征、重大意义和推进策略[J].重庆大学学报社会科学版2024, 30(4):37-48.",
     "seed-web-clean (folio): [J] read as 男; the comma before the year lost too"},
    {"档案考察(1964—1980)四.当代中国史研究,2021,28(6):78", "档案考察(1964—1980)[J].当代中国史研究,2021,28(6):78",
     "d6-history-clean (folio): [J] read as 四 after a title ending in parentheses"},
    {"见《统计年鉴2020》. 北京2020, 3(1)", "见《统计年鉴2020》. 北京2020, 3(1)",
     "keep: synthetic, a title in 《》 is no Chinese title end"},
    {"钱志鹏, 罗晓梅. 成渝地区的证据四. 经济研究，2024，59(3)",
     "钱志鹏, 罗晓梅. 成渝地区的证据[J]. 经济研究，2024，59(3)",
     "synthetic: the authors' comma and full stop are not the title's end"},
    {"王明. 城市研究[M]. 北京大学出版社, 2020, 3(1)",
     "王明. 城市研究[M]. 北京大学出版社, 2020, 3(1)", "keep: synthetic, another type code stays"},
    {"郑国华.档案考察(1964—1980)[J].当代中国史研究,2021,28(6):1",
     "郑国华.档案考察(1964—1980)[J].当代中国史研究,2021,28(6):1", "keep: d6 a correct code"},
    {"数据来自统计年鉴中. 其中，2020，2021年(见表1)",
     "数据来自统计年鉴中. 其中，2020，2021年(见表1)",
     "keep: synthetic, years in a sentence are no volume(issue) tail"},
    {"土木与环境工程学报(中英文)，2023，45(2): 112-120．", "土木与环境工程学报(中英文)，2023，45(2)：112-120．",
     "d1-concrete-clean (folio): the pages colon of a citation with full-width commas"},
    {"经济研究，2024，59(3):45-61.", "经济研究，2024，59(3)：45-61.",
     "d4-economics-clean (folio, space removed): the same without a space"},
    {"环境科学, 2023, 44(8): 4211-4220.", "环境科学, 2023, 44(8): 4211-4220.",
     "keep: d5 a citation with half-width commas keeps its colon"},
};

static void check_line(const line_case *c)
{
    char *got = folio_repair_line(c->in);
    ck_assert_msg(got != NULL, "NULL for %s", c->why);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s\n  in:   [%s]\n  want: [%s]\n  got:  [%s]", c->why,
                  c->in, c->want, got);
    char *again = folio_repair_line(got);
    ck_assert_msg(again && strcmp(again, got) == 0,
                  "not idempotent: %s\n  once: [%s]\n  twice: [%s]", c->why, got,
                  again ? again : "(null)");
    free(again);
    free(got);
}

START_TEST(test_line_cases)
{
    check_line(&line_cases[_i]);
}
END_TEST

/* ---- folio_repair_append_line ---------------------------------------- */

typedef struct join_case {
    const char *para, *line, *want, *why;
} join_case;

static const join_case join_cases[] = {
    {"The concept delineates key geographi-", "cal attributes",
     "The concept delineates key geographical attributes", "seed-journal-clean: 'geographi-/cal'"},
    {"have been tasked with optimi-", "zing the layout",
     "have been tasked with optimizing the layout", "seed-journal-clean: 'optimi-/zing'"},
    {"capabilities, and establi-", "shing strategic industrial backup",
     "capabilities, and establishing strategic industrial backup", "seed-journal-clean"},
    {"Journal of Chongq-", "ing University (Social Science Edition)",
     "Journal of Chongqing University (Social Science Edition)",
     "seed-journal-clean: a proper name broken at a line end"},
    {"within this cont-", "emporary context", "within this contemporary context", "seed-web-scan"},
    {"to signific-", "ant changes", "to significant changes", "seed-web-scan"},
    {"A lightwe-", "ight network", "A lightweight network", "d3-ocr-cs-scan: 'lightwe-/ight'"},
    {"strategic industr-", "ial backup bases", "strategic industrial backup bases",
     "seed-web-scan"},
    {"Compressive strength of recy-", "cled aggregate concrete",
     "Compressive strength of recycled aggregate concrete", "issue text: 'recy-/cled'"},
    {"under freeze-", "thaw cycles", "under freeze-thaw cycles",
     "keep: d1 true compound, both pieces are words, the join is none"},
    {"from the Chengdu-", "Chongqing economic circle", "from the Chengdu-Chongqing economic circle",
     "keep: d4 compound of proper names"},
    {"a CNN-", "BiLSTM-CTC network", "a CNN-BiLSTM-CTC network", "keep: d3 acronym chain"},
    {"a CNN-BiLSTM-", "CTC network", "a CNN-BiLSTM-CTC network",
     "keep: d3 acronym chain, 2nd break"},
    {"doctoral student, E-", "mail: limy@cqu.edu.cn", "doctoral student, E-mail: limy@cqu.edu.cn",
     "keep: one-letter prefix (the joined 'email' is a word, the print is E-mail)"},
    {"a self-", "attention module", "a self-attention module", "keep: both pieces are words"},
    {"DOI: 10.11835/j.issn.2096-", "6717.2022.087", "DOI: 10.11835/j.issn.2096-6717.2022.087",
     "d1: a DOI broken after its hyphen keeps it and takes no space"},
    {"DOI: 10.11835/", "j.issn.1008-5831.zs.2024.04.016",
     "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016", "a DOI broken after its slash"},
    {"国家战略腹地建设的内涵", "特征、重大意义和推进策略",
     "国家战略腹地建设的内涵特征、重大意义和推进策略",
     "seed title over two lines: nothing between Chinese lines"},
    {"Confronted with the intricate international", "political landscape",
     "Confronted with the intricate international political landscape", "English lines: a space"},
    {"在两地同步采样，利用", "PMF模型定量识别主要污染源",
     "在两地同步采样，利用PMF模型定量识别主要污染源",
     "d5-environment-scan: a Latin term continuing a Chinese sentence"},
    {"收稿日期：2022-06-18", "基金项目：国家自然科学基金(52078063)",
     "收稿日期：2022-06-18\n基金项目：国家自然科学基金(52078063)",
     "d1-concrete TSV: each footnote field starts its own printed line"},
    {"重庆大学学报(社会科学版)  2024年第30卷第4期", "Journal of Chongqing University",
     "重庆大学学报(社会科学版)  2024年第30卷第4期\nJournal of Chongqing University",
     "seed-journal TSV: Chinese and English running heads are two lines"},
    {"三线建设时期西南地区工业布局的档案考察(1964一", "1980)",
     "三线建设时期西南地区工业布局的档案考察(1964—1980)",
     "d6-history-clean TSV: title broken inside a year range read with 一"},
    {"档案考察(1964—", "1980)", "档案考察(1964—1980)",
     "d6-history-citetop-scan: the line's dash already repaired by its next line joins tight"},
    {"", "first line", "first line", "empty paragraph"},
    {"text", "   ", "text", "blank line adds nothing"},
    {"trailing space ", " leading space", "trailing space leading space", "spaces trimmed"},
};

START_TEST(test_append_cases)
{
    const join_case *c = &join_cases[_i];
    ck_assert_msg(folio_repair_known_word(g_repair, "recycled", 8), WORDLIST " not loaded");
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_puts(&b, c->para);
    folio_repair_append_line(g_repair, &b, c->line);
    const char *got = b.data ? b.data : "";
    ck_assert_msg(strcmp(got, c->want) == 0, "%s\n  want: [%s]\n  got:  [%s]", c->why, c->want,
                  got);
    folio_buf_free(&b);
}
END_TEST

START_TEST(test_append_without_dictionary)
{
    /* no word list: the hyphen stays as read rather than guessing */
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_puts(&b, "recy-");
    folio_repair_append_line(NULL, &b, "cled");
    ck_assert_str_eq(b.data, "recy-cled");
    folio_repair_append_line(NULL, NULL, "x");
    folio_repair_append_line(NULL, &b, NULL);
    ck_assert_str_eq(b.data, "recy-cled");
    folio_buf_free(&b);
}
END_TEST

START_TEST(test_line_end_from_next_line)
{
    /* the layout formats draw line texts: the break repair must reach them too */
    char a[] = "档案考察(1964一", b[] = "档案考察(1964一", c[] = "第一", d[] = "1964一";
    ck_assert(folio_repair_line_end(a, "1980)"));
    ck_assert_str_eq(a, "档案考察(1964—");
    ck_assert(!folio_repair_line_end(b, "一九八〇")); /* no digit follows: a real 一 */
    ck_assert_str_eq(b, "档案考察(1964一");
    ck_assert(!folio_repair_line_end(c, "2期"));      /* no digit before: 第一 stays */
    ck_assert_str_eq(c, "第一");
    ck_assert(!folio_repair_line_end(d, NULL));
    ck_assert(!folio_repair_line_end(NULL, "1980"));
    ck_assert_str_eq(d, "1964一");
}
END_TEST

/* ---- folio_repair_join_words ----------------------------------------- */

typedef struct wcase {
    const char *text;
    int x, y, w, h;
    bool space_before; /* Tesseract's line text had a blank before the word */
} wcase;

static char *join(const wcase *ws, size_t n)
{
    folio_word words[64];
    for (size_t i = 0; i < n && i < 64; i++)
        words[i] = (folio_word){.text = (char *)ws[i].text,
                                .box = {ws[i].x, ws[i].y, ws[i].w, ws[i].h},
                                .conf = 90,
                                .script = FOLIO_SCRIPT_OTHER,
                                .space_before = ws[i].space_before};
    return folio_repair_join_words(words, n < 64 ? n : 64);
}

#define JOIN_EQ(ws, want)                                                                          \
    do {                                                                                           \
        char *got_ = join(ws, sizeof(ws) / sizeof(ws[0]));                                         \
        ck_assert_ptr_nonnull(got_);                                                               \
        ck_assert_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

START_TEST(test_join_running_head)
{
    /* seed-journal-clean TSV, line 1: Chinese words solid, the wide column gap kept */
    static const wcase ws[] = {
        {"重庆", 201, 151, 68, 33, false}, {"大", 279, 151, 25, 33, false},
        {"学", 317, 151, 21, 33, false},   {"学", 355, 151, 33, 33, false},
        {"报", 389, 152, 19, 32, false},   {"(社会", 413, 151, 94, 36, false},
        {"科学", 506, 151, 70, 33, false}, {"版", 575, 151, 28, 37, false},
        {")", 602, 147, 8, 55, false},     {"2024", 1984, 151, 294, 33, false},
        {"年", 2064, 145, 41, 54, false},  {"第", 2104, 145, 25, 54, false},
        {"30", 2128, 145, 45, 54, false},  {"卷", 2172, 145, 38, 54, false},
        {"第", 2209, 145, 25, 54, false},  {"4", 2233, 145, 28, 54, false},
        {"期", 2260, 145, 21, 54, false},
    };
    JOIN_EQ(ws, "重庆大学学报(社会科学版)  2024年第30卷第4期");
}
END_TEST

START_TEST(test_join_doi_words)
{
    /* seed-journal-clean TSV, DOI line: label misread, the DOI split in three words */
    static const wcase ws[] = {
        {"DOT:", 201, 296, 64, 22, false},
        {"10.11835/j.issn.", 280, 296, 204, 29, false},
        {"1008-583", 490, 296, 120, 22, false},
        {"1.zs.2024.04.016", 616, 295, 220, 23, false},
    };
    JOIN_EQ(ws, "DOI: 10.11835/j.issn.1008-5831.zs.2024.04.016");
}
END_TEST

START_TEST(test_join_affiliation)
{
    /* d4-economics-fax TSV: the printed space after 大学 measured 0.9 of the line height */
    static const wcase ws[] = {
        {"(西南", 618, 478, 57, 24, false}, {"财经", 687, 479, 39, 23, false},
        {"大", 739, 479, 12, 23, false},    {"学", 764, 480, 12, 23, false},
        {"经", 797, 480, 19, 24, false},    {"济", 822, 481, 18, 23, false},
        {"学", 840, 481, 52, 24, false},    {"院", 874, 471, 22, 49, false},
        {"，", 912, 486, 9, 18, false},     {"成", 919, 482, 41, 23, false},
        {"都", 953, 471, 20, 49, false},    {"611130)", 968, 485, 83, 21, false},
    };
    JOIN_EQ(ws, "（西南财经大学 经济学院，成都 611130）");
}
END_TEST

START_TEST(test_join_quotes)
{
    /* seed-journal-clean TSV: straight quotes attached to Chinese words take no space */
    static const wcase ws[] = {
        {"提出", 100, 10, 60, 30, false}, {"\"建设", 162, 10, 70, 30, false},
        {"国家", 234, 10, 60, 30, false}, {"战略", 296, 10, 60, 30, false},
        {"腹地", 358, 10, 60, 30, false}, {"\"的", 420, 10, 40, 30, false},
    };
    JOIN_EQ(ws, "提出\"建设国家战略腹地\"的");
}
END_TEST

START_TEST(test_join_collapsed_box)
{
    /* d5-environment-scan TSV: "(37.296)，" came with a 7×13 px box far to the
     * right; a collapsed box must not be read as a wide gap */
    static const wcase ws[] = {
        {"贡献", 600, 1100, 70, 36, false},
        {"最大", 672, 1100, 70, 36, false},
        {"(37.296)，", 837, 1103, 7, 13, false},
    };
    JOIN_EQ(ws, "贡献最大(37.2%)，");
}
END_TEST

START_TEST(test_join_comma_width)
{
    /* synthetic boxes from the measured ranges: a lone comma as wide as a Han
     * glyph between Chinese words is "，" (d1 prints ，); seed's ", " is narrow */
    static const wcase wide[] = {
        {"冻融试验", 100, 10, 144, 36, false},
        {",", 246, 30, 32, 14, false},
        {"测试了", 282, 10, 108, 36, false},
    };
    static const wcase narrow[] = {
        {"竞争", 100, 10, 64, 32, false},
        {",", 166, 30, 9, 12, false},
        {"立足", 186, 10, 64, 32, false},
    };
    JOIN_EQ(wide, "冻融试验，测试了");
    JOIN_EQ(narrow, "竞争, 立足");
}
END_TEST

START_TEST(test_join_without_boxes)
{
    /* words without boxes: Chinese solid, Latin spaced, then the text rules */
    static const wcase ws[] = {
        {"采用", 0, 0, 0, 0, false}, {"CNN-BiLSTM-CTC", 0, 0, 0, 0, false},
        {"结构", 0, 0, 0, 0, false}, {"and", 0, 0, 0, 0, false},
        {"more", 0, 0, 0, 0, false},
    };
    JOIN_EQ(ws, "采用CNN-BiLSTM-CTC结构and more");
}
END_TEST

START_TEST(test_join_recognizer_spacing)
{
    /* seed-web-scan: with Tesseract's own spacing recorded, a spurious blank
     * between Chinese words goes and the printed ones after the university
     * and before the postcode stay, whatever the boxes say */
    static const wcase ws[] = {
        {"2023年12月", 100, 10, 200, 30, false},
        {"中央经济工作会议", 330, 10, 240, 30, true},
    };
    static const wcase aff[] = {
        {"(重庆大学", 100, 10, 150, 30, false},
        {"马克思主义学院,", 252, 10, 230, 30, true},
        {"重庆", 490, 10, 60, 30, true},
        {"400044)", 560, 10, 110, 30, true},
    };
    JOIN_EQ(ws, "2023年12月中央经济工作会议");
    JOIN_EQ(aff, "（重庆大学 马克思主义学院, 重庆 400044）");
}
END_TEST

START_TEST(test_join_degenerate)
{
    char *s = folio_repair_join_words(NULL, 5);
    ck_assert_str_eq(s, "");
    free(s);
    folio_word w[3] = {{.text = NULL},
                       {.text = "", .box = {1, 1, 1, 1}},
                       {.text = "字", .box = {-5, -5, -1, 2000000}, .script = FOLIO_SCRIPT_HAN}};
    s = folio_repair_join_words(w, 3);
    ck_assert_str_eq(s, "字");
    free(s);
}
END_TEST

/* ---- word list and page ---------------------------------------------- */

START_TEST(test_known_word)
{
    folio_repair *r = folio_repair_create(WORDLIST);
    ck_assert_msg(folio_repair_known_word(r, "recycled", 8), "word list " WORDLIST " not loaded");
    ck_assert(folio_repair_known_word(r, "Geographical", 12));
    ck_assert(!folio_repair_known_word(r, "recy", 4));
    ck_assert(!folio_repair_known_word(r, "freezethaw", 10));
    ck_assert(!folio_repair_known_word(r, NULL, 3));
    ck_assert(!folio_repair_known_word(r, "x", 0));
    char longw[200];
    memset(longw, 'a', sizeof(longw));
    ck_assert(!folio_repair_known_word(r, longw, sizeof(longw)));
    ck_assert(!folio_repair_known_word(NULL, "word", 4));
    folio_repair_destroy(&r);
    ck_assert_ptr_null(r);
    folio_repair_destroy(&r);
    folio_repair_destroy(NULL);
}
END_TEST

START_TEST(test_missing_wordlist)
{
    folio_repair *r = folio_repair_create("/nonexistent/words");
    ck_assert_ptr_nonnull(r);
    ck_assert(!folio_repair_known_word(r, "the", 3));
    folio_repair_destroy(&r);
    r = folio_repair_create(NULL);
    ck_assert_ptr_nonnull(r);
    folio_repair_destroy(&r);
}
END_TEST

START_TEST(test_repair_page)
{
    folio_word w1[] = {{.text = "摘", .box = {100, 10, 30, 30}, .space_before = false},
                       {.text = "要:", .box = {170, 10, 40, 30}, .space_before = true},
                       {.text = "面对", .box = {215, 10, 60, 30}, .space_before = true}};
    folio_line lines[2];
    memset(lines, 0, sizeof(lines));
    lines[0].words = w1;
    lines[0].n_words = 3;
    lines[1].text = folio_strdup("stale");
    struct folio_page pg;
    memset(&pg, 0, sizeof(pg));
    pg.lines = lines;
    pg.n_lines = 2;
    ck_assert_int_eq(folio_repair_page(NULL, &pg, NULL), 0);
    ck_assert_str_eq(lines[0].text, "摘　要：面对");
    ck_assert_str_eq(lines[1].text, "");
    free(lines[0].text);
    free(lines[1].text);
    ck_assert_int_ne(folio_repair_page(NULL, NULL, NULL), 0);
}
END_TEST

/* ---- robustness -------------------------------------------------------- */

static bool valid_utf8(const char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t c;
        size_t k = folio_utf8_decode(s + i, len - i, &c);
        if (c == 0xFFFD && k == 1 && (unsigned char)s[i] != 0xEF)
            return false;
        i += k;
    }
    return true;
}

/* Inputs tests/fuzz/fuzz_repair (FOLIO_FUZZ_IDEMPOTENT=1) found where repairing
 * the repaired line changed it again: a rule's output is another's neighbour. */
START_TEST(test_idempotent_fuzz_cases)
{
    static const char *const cases[] = {
        "关 键 词:国 家 战 0recycled aggregate concrete; freeze-thaw cycle; damage evolution; "
        "Weibull distribution略 腹 地;大 后 方;; life pre三 线 建 设;重 大 生 产 力 布 局;国di 家 "
        "安ctio 全n",
        "大 后 方;; life",
        "大后方;;;; x",
        /* a run of 40 colons after "，": one more turned full-width per round before */
        "\xef\x86 \xe5\xa4\xa7 \xe5\xad?\xa6 \xe5\x9c\x9f \xe6\x9cg[\xe5\xb7\xa5 "
        "\xe7\xa8\x8b \xe5\xad\xa6 \xe9\x99\xa2\xef\xbc\x8c:::::::::::::::::::::::::::"
        "::::::::::::::z:::::::::::::::::\xba\x86 400045\xef\xbc\x89",
        "，::::::::::::::::::::x",
        /* colon runs broken by digits: each round moved the decision one run on */
        "\xef\x86 \xe5\xa4\xa7 \xe5\xad?\xa6 \xe5\x9c\x9f \xe6\x9cg[\xe5\xb7\xa5 "
        "\xe7\xa8\x8b \xe5\xad\xa6 \xe9\x99\xa2\xef\xbc\x8c:: \xe5\xa4\xa7 \xe5"
        "\xad\xa6 :104::1:::::::::::::::::::::z::::::WWWWWWWWWWWWWWWWW::::::\xba:"
        ":::\x86: 400045\xef\xbc\x89",
        "x::::::::::::::::::::中",
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *once = folio_repair_line(cases[i]);
        char *twice = folio_repair_line(once);
        ck_assert_msg(strcmp(once, twice) == 0, "not idempotent:\n%s\n%s\n%s", cases[i], once,
                      twice);
        free(once);
        free(twice);
    }
}
END_TEST

START_TEST(test_null_and_truncated)
{
    char *s = folio_repair_line(NULL);
    ck_assert_str_eq(s, "");
    free(s);
    static const char *const bad[] = {"\xe4\xb8", "摘 \xe8",    "\xff\xfe DOI: 10.",
                                      "10.1234/", "10.12345/ ", "(",
                                      ")",        "(1990一",    "一",
                                      "@",        "@ ",         "http:// ",
                                      "www.",     "[]",         "摘 要",
                                      "R",        "96",         ".96",
                                      "\xc0\x80"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        s = folio_repair_line(bad[i]);
        ck_assert_ptr_nonnull(s);
        ck_assert_msg(valid_utf8(s), "invalid UTF-8 out of case %zu", i);
        free(s);
    }
}
END_TEST

START_TEST(test_fuzz)
{
    /* random strings over the characters the rules react to; fixed seed */
    static const char *const atoms[] = {
        " ",  "  ", "摘", "要",   ":",       "：",   ";", "；", ",",        "，",   "。",  "、",
        "(",  ")",  "（", "）",   "10.",     "/",    ".", "-",  "一",       "~",    "+",   "士",
        "9",  "6",  "0",  "1",    "l",       "O",    "S", "R",  "z",        "h",    "g",   "m",
        "3",  "@",  "cn", "www.", "http://", "[",    "]", "J",  "大学",     "学院", "DOT", "E-mail",
        "\"", "”",  "第", "\xe4", "\xb8",    "\xff", "a", "Z",  "基金项目", "　"};
    unsigned seed = 12345;
    for (int iter = 0; iter < 3000; iter++) {
        char buf[512];
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        size_t atoms_n = (seed >> 16) % 60;
        for (size_t k = 0; k < atoms_n; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *a = atoms[(seed >> 16) % (sizeof(atoms) / sizeof(atoms[0]))];
            size_t al = strlen(a);
            if (n + al >= sizeof(buf))
                break;
            memcpy(buf + n, a, al);
            n += al;
        }
        buf[n] = '\0';
        char *s = folio_repair_line(buf);
        ck_assert_ptr_nonnull(s);
        ck_assert(valid_utf8(s));
        folio_buf b = FOLIO_BUF_INIT;
        folio_buf_puts(&b, buf);
        folio_repair_append_line(g_repair, &b, s);
        folio_buf_free(&b);
        free(s);
    }
}
END_TEST

START_TEST(test_long_line)
{
    /* a 300 000-byte line finishes quickly: every rule is linear */
    size_t n = 100000;
    char *big = malloc(n * 3 + 1);
    ck_assert_ptr_nonnull(big);
    for (size_t i = 0; i < n; i++)
        memcpy(big + 3 * i, i % 7 == 0 ? " 1." : "字 0", 3);
    big[n * 3] = '\0';
    char *s = folio_repair_line(big);
    ck_assert_ptr_nonnull(s);
    free(s);
    free(big);
}
END_TEST

static Suite *repair_suite(void)
{
    Suite *s = suite_create("repair");
    TCase *tc = tcase_create("line");
    tcase_add_loop_test(tc, test_line_cases, 0, (int)(sizeof(line_cases) / sizeof(line_cases[0])));
    suite_add_tcase(s, tc);
    tc = tcase_create("append");
    tcase_add_loop_test(tc, test_append_cases, 0,
                        (int)(sizeof(join_cases) / sizeof(join_cases[0])));
    tcase_add_test(tc, test_append_without_dictionary);
    tcase_add_test(tc, test_line_end_from_next_line);
    suite_add_tcase(s, tc);
    tc = tcase_create("join");
    tcase_add_test(tc, test_join_running_head);
    tcase_add_test(tc, test_join_doi_words);
    tcase_add_test(tc, test_join_affiliation);
    tcase_add_test(tc, test_join_quotes);
    tcase_add_test(tc, test_join_collapsed_box);
    tcase_add_test(tc, test_join_comma_width);
    tcase_add_test(tc, test_join_without_boxes);
    tcase_add_test(tc, test_join_recognizer_spacing);
    tcase_add_test(tc, test_join_degenerate);
    suite_add_tcase(s, tc);
    tc = tcase_create("context");
    tcase_add_test(tc, test_known_word);
    tcase_add_test(tc, test_missing_wordlist);
    tcase_add_test(tc, test_repair_page);
    suite_add_tcase(s, tc);
    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_null_and_truncated);
    tcase_add_test(tc, test_idempotent_fuzz_cases);
    tcase_add_test(tc, test_fuzz);
    tcase_add_test(tc, test_long_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    g_repair = folio_repair_create(WORDLIST);
    SRunner *sr = srunner_create(repair_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    folio_repair_destroy(&g_repair);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
