/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Spaces: which blanks between Chinese, Latin, digits and punctuation
 * print shows (postcodes, section numbers, institution and department,
 * running heads, wide gaps) and which are OCR artefacts.
 */
#include "repair_rules.h"

/* "重庆 400044": a six-digit postcode after a city keeps its space. */
static bool is_postcode(const cps *s, size_t j)
{
    for (size_t k = 0; k < 6; k++)
        if (!is_digit(at(s, j + k)))
            return false;
    uint32_t e = at(s, j + 6);
    return e == 0 || e == ' ' || is_ascii_of(e, "),;") || is_fwpunct(e);
}

/* "1 引言", "2.1 方法": a section number opening a short heading line keeps its space. */
static bool is_section_number(const cps *s, size_t i)
{
    if (i == 0 || i > 8 || s->n > 32)
        return false;
    size_t run = 0;
    for (size_t k = 0; k < i; k++) {
        if (is_digit(s->v[k]) && run < 2)
            run++;
        else if (s->v[k] == '.' && run > 0)
            run = 0;
        else
            return false;
    }
    return true;
}

/*
 * A space between two Chinese characters that print shows: after an
 * institution ("重庆大学 马克思主义学院"), before "第N" in running heads
 * ("2023年4月 第45卷"), after a structured-abstract heading ("目的 探讨").
 */
static bool han_space_printed(const cps *s, size_t i, size_t j)
{
    static const char *const inst[] = {"大学",   "学院", "医院", "研究所",
                                       "研究院", "中心", "公司", "学校"};
    static const char *const heads[] = {"目的", "方法", "结果", "结论"};
    for (size_t k = 0; k < sizeof(inst) / sizeof(inst[0]); k++)
        if (cps_has_before(s, i, inst[k]) && repair_department_at(s, j, false))
            return true;
    if (cps_has_before(s, i, "摘") && at(s, j) == 0x8981 /* 要 */)
        return true;
    if (at(s, j) == 0x7B2C /* 第 */ &&
        (is_digit(at(s, j + 1)) || (at(s, j + 1) == ' ' && is_digit(at(s, j + 2)))))
        return true;
    for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++) {
        if (!cps_has_before(s, i, heads[k]))
            continue;
        uint32_t b = at(s, i - 3);
        if (i == 2 || b == ' ' || b == ':' || is_fwpunct(b))
            return true;
    }
    return false;
}

/* "第5期 2023年5月": a running head keeps the space between issue and date. */
static bool year_after_issue(const cps *s, size_t j)
{
    uint32_t a = at(s, j - 2);
    if (a != 0x671F /* 期 */ && a != 0x5377 /* 卷 */)
        return false;
    for (size_t k = 0; k < 4; k++)
        if (!is_digit(at(s, j + k)))
            return false;
    return at(s, j + 4) == 0x5E74 /* 年 */;
}

/* Dashes and ellipses set solid against Chinese ("建设——重庆"). */
static bool is_zh_dash(uint32_t c)
{
    return c == 0x2014 || c == 0x2015 || c == 0x2026;
}

static bool keep_space_after_han(const cps *s, size_t j)
{
    uint32_t b = s->v[j];
    if (is_wordish(b))
        return is_digit(b) && (is_postcode(s, j) || year_after_issue(s, j));
    return !(is_ascii_of(b, ",.;:!?)]}([{") || is_curly(b) || is_zh_dash(b));
}

static bool keep_space_before_han(const cps *s, size_t i)
{
    uint32_t a = s->v[i - 1];
    if (is_wordish(a))
        return is_section_number(s, i) || repair_zh_label_at(s, i + 1);
    return !(is_ascii_of(a, "([{)]}") || is_curly(a) || is_zh_dash(a));
}

/* Keep the run of spaces s[i..j)? */
bool repair_keep_space(const cps *s, size_t i, size_t j)
{
    if (i == 0 || j >= s->n)
        return false;
    uint32_t a = s->v[i - 1], b = s->v[j];
    if (is_fwpunct(a) || is_fwpunct(b) || a == 0x3000 || b == 0x3000)
        return false; /* the blank is part of the full-width glyph */
    if (j - i >= 2)
        return true; /* a wide gap: columns, running heads, or a printed run */
    if (is_hanlike(a) && is_hanlike(b))
        return han_space_printed(s, i, j);
    if (is_hanlike(a))
        return keep_space_after_han(s, j);
    if (is_hanlike(b))
        return keep_space_before_han(s, i);
    return true;
}

void repair_pass_spaces(const cps *in, cps *out)
{
    size_t i = 0;
    while (i < in->n) {
        if (in->v[i] != ' ') {
            cps_push(out, in->v[i++]);
            continue;
        }
        size_t j = i;
        while (j < in->n && in->v[j] == ' ')
            j++;
        if (repair_keep_space(in, i, j))
            for (size_t k = i; k < j; k++)
                cps_push(out, ' ');
        i = j;
    }
}
