/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Structure of a first page: full-width parentheses around a Chinese
 * affiliation and the space between a university and its school, the
 * citation's type code "[J]", author lines set with U+3000, a quote mark
 * read in the wide gap before a field label.
 */
#include "repair_rules.h"

static bool has_institution(const cps *s, size_t from, size_t to)
{
    static const char *const inst[] = {"大学", "学院",   "研究所", "研究院", "医院",
                                       "中心", "实验室", "公司",   "学校"};
    for (size_t i = from; i < to && i < s->n; i++)
        for (size_t k = 0; k < sizeof(inst) / sizeof(inst[0]); k++)
            if (cps_has_at(s, i, inst[k]))
                return true;
    return false;
}

/* Index of the first c in s[from..to), or NPOS. */
static size_t find_cp(const cps *s, size_t from, size_t to, uint32_t c)
{
    for (size_t i = from; i < to && i < s->n; i++)
        if (s->v[i] == c)
            return i;
    return NPOS;
}

/*
 * Chinese journals print the affiliation in full-width parentheses:
 * "（重庆大学 土木工程学院，重庆 400045）". An ASCII "(" that opens Chinese
 * text naming an institution, and the ")" that closes it at the line end
 * (either may be on another line), become full-width.
 */
static void fix_affiliation_parens(cps *s)
{
    size_t last = cps_prev_ns(s, s->n), open = find_cp(s, 0, s->n, '(');
    if (last == NPOS)
        return;
    if (open != NPOS) {
        size_t q = cps_next_ns(s, open + 1);
        uint32_t c = at(s, q);
        bool zh = is_hanlike(c) || (is_digit(c) && at(s, q + 1) == '.');
        size_t close = find_cp(s, open + 1, s->n, ')');
        if (!zh || (close != NPOS && close != last) || !has_institution(s, open, s->n) ||
            find_cp(s, open + 1, s->n, '(') != NPOS)
            return;
        s->v[open] = 0xFF08;
    }
    if (s->v[last] == ')' && find_cp(s, 0, last, ')') == NPOS &&
        has_institution(s, open == NPOS ? 0 : open, last) &&
        (open != NPOS || find_cp(s, 0, last, 0xFF08) == NPOS))
        s->v[last] = 0xFF09;
}

/*
 * "《重庆大学 土木工程学院，重庆 400045）": the "（" opening an affiliation
 * line read as "《". Only at the line start, with no "》" after it, Han text
 * naming an institution, and a closing parenthesis at the line end.
 */
static void fix_affiliation_guillemet(cps *s)
{
    size_t first = cps_next_ns(s, 0), last = cps_prev_ns(s, s->n);
    if (first == NPOS || last == NPOS || s->v[first] != 0x300A /* 《 */)
        return;
    uint32_t e = s->v[last];
    if ((e != ')' && e != 0xFF09) || find_cp(s, first + 1, s->n, 0x300B /* 》 */) != NPOS ||
        !is_hanlike(at(s, first + 1)) || !has_institution(s, first, last))
        return;
    s->v[first] = '('; /* fix_affiliation_parens makes the pair full-width */
}

/*
 * Does a Han run from i name a school, institute or department ("…学院",
 * "…研究所", "…科")? strict: only a school or institute, and no hospital in it.
 */
bool repair_department_at(const cps *s, size_t i, bool strict)
{
    static const char *const ends[] = {"学院", "研究所", "研究院", "系", "科", "中心", "实验室"};
    size_t j = i;
    while (j < s->n && j - i < 24 && folio_is_han(s->v[j]))
        j++;
    uint32_t e = at(s, j);
    if (j == i || !(e == 0 || e == ' ' || is_ascii_of(e, ",)") || is_fwpunct(e)))
        return false;
    size_t yuan = find_cp(s, i, j, 0x9662 /* 院 */);
    if (strict && yuan != NPOS && cps_has_at(s, yuan - 1, "医院"))
        return false;
    for (size_t k = 0; k < (strict ? 3 : sizeof(ends) / sizeof(ends[0])); k++)
        if (cps_has_before(s, j, ends[k]) && j - i > folio_utf8_len(ends[k]))
            return true;
    return false;
}

/*
 * Affiliations print a space between the university and its school:
 * "重庆大学 马克思主义学院", "北京大学 王选计算机研究所" (but "四川大学华西医院",
 * a hospital of the university, is one name). Boxes often hide the gap.
 */
static void fix_affiliation_space(const cps *in, cps *out)
{
    for (size_t i = 0; i < in->n; i++) {
        cps_push(out, in->v[i]);
        if (in->v[i] == 0x5B66 /* 学 */ && at(in, i - 1) == 0x5927 /* 大 */ &&
            repair_department_at(in, i + 1, true))
            cps_push(out, ' ');
    }
}

/* "策略[]." / "[J}" → "[J]": the article's own type code in its citation. */
static size_t fix_cite_type(const cps *in, size_t i, cps *out)
{
    uint32_t c = in->v[i], p = at(in, i - 1);
    if (!is_hanlike(p) && !is_alpha(p) && p != ')')
        return 0;
    size_t used = 0;
    if (c == '[' && at(in, i + 1) == ']')
        used = 2;
    else if (at(in, i + 1) == 'J' && ((c == '[' && is_ascii_of(at(in, i + 2), "})")) ||
                                      (is_ascii_of(c, "{(") && at(in, i + 2) == ']')))
        used = 3;
    uint32_t nx = at(in, i + used);
    if (!used || !(is_ascii_of(nx, ".,") || nx == 0xFF0E || nx == 0xFF0C || nx == 0))
        return 0;
    cps_push(out, '[');
    cps_push(out, 'J');
    cps_push(out, ']');
    return used;
}

/* A line of two to six 2-3 character names "蒲清平 马睿" keeps its gaps as U+3000. */
static void fix_author_line(cps *s)
{
    size_t groups = 0, len = 0;
    for (size_t i = 0; i <= s->n; i++) {
        uint32_t c = i < s->n ? s->v[i] : ' ';
        if (folio_is_han(c)) {
            len++;
            continue;
        }
        if (c != ' ' && c != 0x3000)
            return;
        if (len == 0 && i > 0 && i < s->n)
            return; /* two spaces in a row, or a leading space */
        if (len > 0 && (len < 2 || len > 3))
            return;
        groups += len > 0;
        len = 0;
    }
    if (groups < 2 || groups > 6)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == ' ')
            s->v[i] = 0x3000;
}

void repair_pass_author_line(const cps *in, cps *out)
{
    cps_compact(in, out);
    if (!out->oom)
        fix_author_line(out);
}

/*
 * "D61 ”文献标志码" / "A "文章编号": the wide printed gap before a field label
 * read as a quote mark.
 */
static size_t drop_quote_before_label(const cps *in, size_t i)
{
    uint32_t c = in->v[i];
    if (c != '"' && c != 0x201C && c != 0x201D)
        return 0;
    if (i > 0 && in->v[i - 1] != ' ')
        return 0;
    return repair_zh_label_at(in, i + 1) ? 1 : 0;
}

void repair_pass_structure(const cps *in, cps *out)
{
    cps tmp = {0};
    for (size_t i = 0; i < in->n;) {
        size_t used = drop_quote_before_label(in, i);
        if (used) {
            i += used;
            continue;
        }
        used = fix_cite_type(in, i, &tmp);
        if (!used)
            cps_push(&tmp, in->v[i]);
        i += used ? used : 1;
    }
    if (!tmp.oom) {
        fix_affiliation_guillemet(&tmp);
        fix_affiliation_parens(&tmp);
    }
    fix_affiliation_space(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}
