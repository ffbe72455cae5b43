/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The type code of a journal citation. A first page cites its own article
 * as "Authors. Title[J]. Journal, 2023, 45(2): 112-120." (GB/T 7714), and
 * the small "[J]" is what Tesseract reads worst in it: one box-like Han
 * character (四, 中, 加...), "[四", "0)", "避]". Where the
 * tail after the title is a journal, a year and a volume(issue), whatever
 * stands between a Chinese title and that tail is the type code. The colon
 * before the pages takes the width of the citation's commas.
 */
#include "repair_rules.h"

#define CITE_NAME_MAX 80 /* code points of a journal name */

/* Han characters Tesseract returns for the glyphs "[J]" set together. */
static bool is_code_lookalike(uint32_t c)
{
    static const uint32_t look[] = {0x56DB /* 四 */, 0x4E2D /* 中 */, 0x52A0 /* 加 */,
                                    0x53EF /* 可 */, 0x56E2 /* 团 */, 0x7537 /* 男 */,
                                    0x5DF4 /* 巴 */, 0x6349 /* 捉 */, 0x5415 /* 吕 */,
                                    0x7530 /* 田 */, 0x56DE /* 回 */, 0x56D7 /* 囗 */};
    for (size_t k = 0; k < sizeof(look) / sizeof(look[0]); k++)
        if (c == look[k])
            return true;
    return false;
}

/* The stop after the title: a period (or a comma read for it). */
static bool is_cite_stop(uint32_t c)
{
    return c == '.' || c == 0xFF0E || c == ',' || c == 0xFF0C;
}

static bool is_comma(uint32_t c)
{
    return c == ',' || c == 0xFF0C;
}

/* Skip one space at j. */
static size_t skip_space(const cps *s, size_t j)
{
    return at(s, j) == ' ' ? j + 1 : j;
}

/* Does "2023, 45(" or ", 2023, 45(" start at j (either comma width, a space
 * after each; the comma before the year is sometimes not printed)? */
static bool year_volume_at(const cps *s, size_t j)
{
    if (is_comma(at(s, j)))
        j = skip_space(s, j + 1);
    uint32_t c0 = at(s, j), c1 = at(s, j + 1);
    if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0')) || !is_digit(at(s, j + 2)) ||
        !is_digit(at(s, j + 3)))
        return false;
    j = skip_space(s, j + 4);
    if (!is_comma(at(s, j)))
        return false;
    j = skip_space(s, j + 1);
    size_t d = j;
    while (j < s->n && j - d < 4 && is_digit(s->v[j]))
        j++;
    j = skip_space(s, j);
    return j > d && (at(s, j) == '(' || at(s, j) == 0xFF08);
}

/* After the stop at p: a journal name (no stop inside: a title's own comma
 * or the authors' is followed by more title), then ", year, volume(". */
static bool journal_tail_at(const cps *s, size_t p)
{
    size_t j = skip_space(s, p + 1), start = j;
    while (j < s->n && j - start < CITE_NAME_MAX && !is_comma(s->v[j]) &&
           !is_ascii_of(s->v[j], "[].") && s->v[j] != 0xFF0E && s->v[j] != 0x3002) {
        if (j - start >= 2 && !is_digit(at(s, j - 1)) && year_volume_at(s, j))
            return true; /* "学报社会科学版2024, 30(4)" */
        j++;
    }
    return j - start >= 2 && year_volume_at(s, j);
}

/* Is s[k..p) a well-formed code other than [J] ("[M]", "[EB/OL]")? Keep it. */
static bool other_code(const cps *s, size_t k, size_t p)
{
    if (p - k < 3 || s->v[p - 1] != ']')
        return false;
    for (size_t i = k + 1; i + 1 < p; i++)
        if (!is_upper(s->v[i]) && s->v[i] != '/')
            return false;
    return true;
}

/* Start of "[" plus at most three characters of a damaged code ending at p, or NPOS. */
static size_t bracket_code_start(const cps *s, size_t p)
{
    for (size_t k = 1; k <= 4 && k <= p; k++) {
        uint32_t c = s->v[p - k];
        if (c == '[')
            return other_code(s, p - k, p) ? NPOS : p - k;
        if (c == ' ' || is_fwpunct(c) || is_ascii_of(c, ".,;:"))
            return NPOS;
    }
    return NPOS;
}

/*
 * Start of a damaged code without "[" ending at p: a look-alike Han
 * character ("策略四"), a Han character or 0/O/J before a closing bracket
 * ("解析计}", "功能的0)"). NPOS otherwise: a title directly before the stop
 * is a citation printed without a type code (some journals do), not a lost one.
 */
static size_t bare_code_start(const cps *s, size_t p)
{
    uint32_t a = at(s, p - 1), b = at(s, p - 2);
    bool closer = is_ascii_of(a, "]})");
    if (closer && is_hanlike(at(s, p - 3)) &&
        ((folio_is_han(b) && a != ')') || is_ascii_of(b, "0OJ")))
        return p - 2;
    if (is_code_lookalike(a) && (is_hanlike(b) || b == ')' || b == 0xFF09))
        return p - 1; /* after a Chinese title, which may end in "(1964—1980)" */
    return NPOS;
}

/* Replace s[from..p) by "[J]" into out (the caller copied s up to from). */
static void put_code(cps *out)
{
    cps_push(out, '[');
    cps_push(out, 'J');
    cps_push(out, ']');
}

/* Where does a type code to replace start, for the stop at p? NPOS: none. */
static size_t code_start(const cps *s, size_t p)
{
    if (!journal_tail_at(s, p) || cps_has_before(s, p, "[J]"))
        return NPOS;
    size_t k = bracket_code_start(s, p);
    return k != NPOS ? k : bare_code_start(s, p);
}

/* Skip digits backwards from k (inclusive), at most 4. \return the index before them. */
static size_t skip_digits_back(const cps *s, size_t k)
{
    for (int n = 0; n < 4 && k < s->n && is_digit(s->v[k]); n++)
        k--;
    return k;
}

/*
 * "，2023，45(2): 112-120": the colon before the pages takes the width of
 * the citation's commas (Tesseract reads nearly every "：" as ":").
 */
static void fix_pages_colon(cps *s, size_t c)
{
    if (s->v[c] != ':' || at(s, c - 1) != ')' || !is_digit(at(s, cps_next_ns(s, c + 1))))
        return;
    size_t k = c - 2, d = k;
    k = skip_digits_back(s, k);
    if (k == d || (at(s, k) != '(' && at(s, k) != 0xFF08))
        return;
    k = at(s, k - 1) == ' ' ? k - 2 : k - 1;
    d = k;
    k = skip_digits_back(s, k);
    if (k == d)
        return;
    k = at(s, k) == ' ' ? k - 1 : k;
    if (at(s, k) == 0xFF0C)
        s->v[c] = 0xFF1A;
}

void repair_pass_citation(const cps *in, cps *out)
{
    size_t done = 0; /* in[0..done) is in out */
    for (size_t p = 1; p < in->n; p++) {
        if (!is_cite_stop(in->v[p]))
            continue;
        size_t k = code_start(in, p);
        if (k == NPOS || k < done)
            continue;
        for (size_t i = done; i < k; i++)
            cps_push(out, in->v[i]);
        put_code(out);
        done = p;
    }
    for (size_t i = done; i < in->n; i++)
        cps_push(out, in->v[i]);
    for (size_t c = 0; c < out->n && !out->oom; c++)
        fix_pages_colon(out, c);
}
