/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Numbers and units: ± read as + or 士, 一 for a dash between numbers,
 * the full-width tilde of ranges, R² and μg/m³ with their marks misread,
 * % read as 96.
 */
#include "repair_rules.h"

/* End (exclusive) of a decimal number "d+.d+" starting at i, or 0. */
static size_t decimal_at(const cps *s, size_t i)
{
    size_t j = i;
    while (j < s->n && j - i < 12 && is_digit(s->v[j]))
        j++;
    if (j == i || at(s, j) != '.' || !is_digit(at(s, j + 1)))
        return 0;
    size_t frac = ++j;
    while (j < s->n && j - frac < 12 && is_digit(s->v[j]))
        j++;
    return j;
}

/* Start of a decimal number ending just before e, or NPOS. */
static size_t decimal_before(const cps *s, size_t e)
{
    size_t i = e, k = 0;
    while (i > 0 && k < 12 && is_digit(s->v[i - 1]))
        i--, k++;
    if (i == e || i < 2 || s->v[i - 1] != '.' || !is_digit(s->v[i - 2]))
        return NPOS;
    i--;
    while (i > 0 && k < 24 && is_digit(s->v[i - 1]))
        i--, k++;
    return i;
}

/* Index of the one "." in s[a..b), NPOS when there is none or more than one. */
static size_t find_dot(const cps *s, size_t a, size_t b)
{
    size_t dot = NPOS;
    for (size_t k = a; k < b; k++) {
        if (s->v[k] != '.')
            continue;
        if (dot != NPOS)
            return NPOS;
        dot = k;
    }
    return dot;
}

/* "(5.8+0.4)" → "(5.8±0.4)"; "5.8士0.4" → "5.8±0.4": mean ± SD. */
static void fix_plusminus(cps *s, size_t i)
{
    uint32_t c = s->v[i];
    if (c != '+' && c != 0x58EB /* 士 */ && c != 0x571F /* 土 */)
        return;
    size_t l = at(s, i - 1) == ' ' ? i - 1 : i, r = at(s, i + 1) == ' ' ? i + 2 : i + 1;
    size_t a = decimal_before(s, l), b = decimal_at(s, r);
    if (a == NPOS || b == 0)
        return;
    bool paren =
        (at(s, a - 1) == '(' || at(s, a - 1) == 0xFF08) && (at(s, b) == ')' || at(s, b) == 0xFF09);
    if (c == '+' && !paren)
        return;
    s->v[i] = 0xB1;
    if (l != i)
        s->v[l] = DEL;
    if (r != i + 1)
        s->v[i + 1] = DEL;
}

/* "2011一2021", "(1990 一 )": 一 read for a dash between numbers. */
static void fix_numeric_dash(cps *s, size_t i)
{
    if (s->v[i] != 0x4E00)
        return;
    size_t l = at(s, i - 1) == ' ' ? i - 1 : i, r = at(s, i + 1) == ' ' ? i + 2 : i + 1;
    uint32_t nx = at(s, r);
    if (!is_digit(at(s, l - 1)) || !(is_digit(nx) || nx == ')' || nx == 0xFF09))
        return;
    s->v[i] = 0x2014;
    if (l != i)
        s->v[l] = DEL;
    if (r != i + 1)
        s->v[i + 1] = DEL;
}

/* "5%~10%", "(1994~)" in Chinese text: the full-width tilde. */
static void fix_tilde(cps *s, size_t i, bool han)
{
    uint32_t p = at(s, i - 1), nx = at(s, i + 1);
    if (han && s->v[i] == '~' && (is_digit(p) || p == '%') &&
        (is_digit(nx) || nx == ')' || nx == 0xFF09))
        s->v[i] = 0xFF5E;
}

/*
 * "拟合优度Rz均大于 0.95": R² with the superscript misread. Only when named
 * as a goodness of fit or with a fraction "0." close after it (Rz is also a
 * surface roughness, in μm).
 */
static void fix_r_squared(cps *s, size_t i)
{
    if (s->v[i] != 'R' || at(s, i + 1) != 'z' || is_alpha(at(s, i - 1)) || is_alnum(at(s, i + 2)))
        return;
    if (cps_has_before(s, i, "拟合优度") || cps_has_before(s, i, "决定系数")) {
        s->v[i + 1] = 0xB2; /* named as a goodness of fit */
        return;
    }
    for (size_t k = i + 2; k < s->n && k < i + 10; k++) {
        if (s->v[k] == '0' && at(s, k + 1) == '.' && !is_digit(at(s, k - 1))) {
            s->v[i + 1] = 0xB2;
            return;
        }
        if (is_alpha(s->v[k]) || (is_digit(s->v[k]) && s->v[k] != '0'))
            return;
    }
}

/* Length of a misread μ at i ("h", "H", "u", "µ", "ji", "pu"), 0 if none. */
static size_t micro_len(const cps *s, size_t i)
{
    uint32_t c = s->v[i], nx = at(s, i + 1);
    if ((c == 'j' && nx == 'i') || (c == 'p' && nx == 'u'))
        return 2;
    return c == 'h' || c == 'H' || c == 'u' || c == 'j' || c == 0xB5 ? 1 : 0;
}

/* "hg/ms", "jig/m3", "ug/m3", "pug/m3" after a number: μg/m³ with μ and ³ misread. */
static void fix_ugm3(cps *s, size_t i)
{
    size_t len = micro_len(s, i), g = i + len;
    if (len == 0 || is_alpha(at(s, i - 1)) || at(s, g) != 'g' || at(s, g + 1) != '/' ||
        at(s, g + 2) != 'm')
        return;
    uint32_t e = at(s, g + 3);
    size_t p = cps_prev_ns(s, i);
    if (!is_ascii_of(e, "3sa?") || is_alnum(at(s, g + 4)) || p == NPOS ||
        !(is_digit(s->v[p]) || s->v[p] == ')'))
        return;
    s->v[i] = 0x3BC;
    if (len == 2)
        s->v[i + 1] = DEL;
    s->v[g + 3] = 0xB3;
}

/* "2.796，" → "2.7%，": a one-decimal percentage whose % was read as 96. */
static void fix_percent96(cps *s, size_t i)
{
    if (s->v[i] != '9' || at(s, i + 1) != '6' || !is_digit(at(s, i - 1)) || at(s, i - 2) != '.' ||
        !is_digit(at(s, i - 3)))
        return;
    uint32_t nx = at(s, i + 2);
    if (nx == ')' || nx == 0xFF09 || nx == 0xFF0C || nx == 0x3002 || nx == 0x3001 || nx == 0xFF1B) {
        s->v[i] = '%';
        s->v[i + 1] = DEL;
    }
}

/*
 * "8.39%6，", "(0%9、", "(6.1±0.5)9%6，": the % glyph read with a 6 or 9
 * after it, often with a 9 before it too. A digit after "%" that ends the
 * number is never printed; with it gone, a 9 just before the "%" is the
 * same glyph's other half.
 */
static void fix_percent_split(cps *s, size_t i)
{
    if (s->v[i] != '%' || !is_ascii_of(at(s, i + 1), "69"))
        return;
    uint32_t a = at(s, i - 1), b = at(s, i - 2), e = at(s, i + 2);
    if (!(is_digit(a) || a == ')') || is_alnum(e) || e == '%' ||
        (e == '.' && is_digit(at(s, i + 3))))
        return;
    s->v[i + 1] = DEL;
    if (a == '9' && (is_digit(b) || b == ')'))
        s->v[i - 1] = DEL;
}

/* Fraction digits of the decimal "d+.d+" in s[a..b), or 0 when it is none. */
static size_t decimal_places(const cps *s, size_t a, size_t b)
{
    size_t dot = find_dot(s, a, b);
    if (dot == NPOS || dot == a || dot + 1 >= b)
        return 0;
    for (size_t k = a; k < b; k++)
        if (k != dot && !is_digit(s->v[k]))
            return 0;
    return b - dot - 1;
}

/*
 * "(68.3421.5)" → "(68.3±21.5)": ± read as 4 between a mean and its SD,
 * which print with the same number of decimals. Only inside parentheses
 * that hold nothing else, and only when one "4" splits them so.
 */
static void fix_plusminus_four(cps *s, size_t i)
{
    if (s->v[i] != '(' && s->v[i] != 0xFF08)
        return;
    size_t j = i + 1, dots = 0, hit = NPOS;
    while (j < s->n && j - i <= 24 && (is_digit(s->v[j]) || s->v[j] == '.'))
        dots += s->v[j++] == '.';
    if (dots != 2 || (at(s, j) != ')' && at(s, j) != 0xFF09))
        return;
    for (size_t k = i + 2; k + 1 < j; k++) {
        size_t l = s->v[k] == '4' ? decimal_places(s, i + 1, k) : 0;
        if (l == 0 || l != decimal_places(s, k + 1, j))
            continue;
        if (hit != NPOS)
            return; /* two readings: leave it */
        hit = k;
    }
    if (hit != NPOS)
        s->v[hit] = 0xB1;
}

void repair_pass_numbers(const cps *in, cps *out)
{
    cps tmp = {0};
    cps_compact(in, &tmp);
    bool han = cps_has_han(&tmp);
    for (size_t i = 0; i < tmp.n && !tmp.oom; i++) {
        if (tmp.v[i] == DEL)
            continue;
        fix_plusminus(&tmp, i);
        fix_numeric_dash(&tmp, i);
        fix_tilde(&tmp, i, han);
        fix_r_squared(&tmp, i);
        fix_ugm3(&tmp, i);
        fix_percent96(&tmp, i);
        fix_percent_split(&tmp, i);
        fix_plusminus_four(&tmp, i);
    }
    cps_compact(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}
