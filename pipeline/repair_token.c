/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Exact tokens: DOIs glued back together with their O/0 and l/1
 * confusions undone, and fixed-shape numbers (article numbers, dates,
 * ISSNs) read with spaces and letter-for-digit confusions inside.
 */
#include "repair_rules.h"

#include <string.h>

typedef struct tok {
    uint32_t v[96];
    size_t src[96]; /* input index of each kept code point */
    size_t n;
} tok;

static bool is_doichar(uint32_t c)
{
    return is_alnum(c) || is_ascii_of(c, "._-/()<>;:");
}

static uint32_t unconfuse_digit(uint32_t c)
{
    if (c == 'O' || c == 'o')
        return '0';
    if (c == 'l' || c == 'I' || c == '|')
        return '1';
    return c;
}

/* Inside one DOI segment of mostly digits, O/o→0 and l/I/|→1. */
static void unconfuse_segment(uint32_t *v, size_t n)
{
    size_t digits = 0, conf = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(v[i]))
            digits++;
        else if (unconfuse_digit(v[i]) != v[i])
            conf++;
        else
            return;
    }
    if (n < 3 || digits < 2 || conf == 0 || conf * 3 > n)
        return;
    for (size_t i = 0; i < n; i++)
        v[i] = unconfuse_digit(v[i]);
}

static void unconfuse_doi(tok *t)
{
    size_t start = 0;
    for (size_t i = 0; i <= t->n; i++) {
        if (i == t->n || is_ascii_of(t->v[i], "./-()")) {
            unconfuse_segment(t->v + start, i - start);
            start = i + 1;
        }
    }
}

/* May the space at j inside a DOI be an OCR artefact? last: the token's last char. */
static bool doi_bridges(const cps *s, size_t j, uint32_t last)
{
    uint32_t nx = at(s, j + 1);
    if (is_ascii_of(last, "./-_") && (is_lower(nx) || is_digit(nx)))
        return true;
    if (is_ascii_of(nx, "./-") && is_alnum(at(s, j + 2)))
        return true;
    if (!is_digit(last) || !is_digit(nx))
        return false;
    /* digit space digit: only when the rest is DOI-like ("583 1.zs.2024", "cn1 12137-2022") */
    bool sep = false;
    for (size_t k = j + 1; k < s->n && k < j + 48 && s->v[k] != ' '; k++) {
        if (!is_doichar(s->v[k]))
            return false;
        sep |= s->v[k] == '.' || s->v[k] == '-';
    }
    return sep;
}

static void tok_push(tok *t, uint32_t c, size_t src)
{
    if (t->n < sizeof(t->v) / sizeof(t->v[0])) {
        t->v[t->n] = c;
        t->src[t->n++] = src;
    }
}

/* A letter chi_sim reads for a digit in a DOI's registrant code, which is
 * all digits: "10.1183S/" for "10.11835/" (seed citetop rotated, d1 clean,
 * read line by line). 0 when c is no such letter. */
static uint32_t registrant_digit(uint32_t c)
{
    if (c == 'S' || c == 's')
        return '5';
    if (c == 'B')
        return '8';
    uint32_t d = unconfuse_digit(c);
    return d != c ? d : 0;
}

/* Registrant prefix "10.NNNN/" (spaces around the slash tolerated; one
 * letter for a digit mended). \return index after it. */
static size_t doi_prefix(const cps *s, size_t i, tok *t)
{
    if (!cps_has_at(s, i, "10."))
        return 0;
    size_t j = i + 3, digits = 0, letters = 0;
    for (size_t k = 0; k < 3; k++)
        tok_push(t, s->v[i + k], i + k);
    while (j < s->n && digits + letters < 10 &&
           (is_digit(s->v[j]) || (letters == 0 && registrant_digit(s->v[j])))) {
        bool d = is_digit(s->v[j]);
        tok_push(t, d ? s->v[j] : registrant_digit(s->v[j]), j);
        digits += d, letters += !d;
        j++;
    }
    if (digits < 4 || (letters && digits + letters < 5))
        return 0;
    if (at(s, j) == ' ' && at(s, j + 1) == '/')
        j++;
    if (at(s, j) != '/')
        return 0;
    tok_push(t, '/', j++);
    if (at(s, j) == ' ' && is_alnum(at(s, j + 1)))
        j++;
    return j;
}

/* Glue a DOI starting at i into out. \return input code points used, 0 if none. */
/*
 * A comma OCR put inside a DOI: between two lower-case letters it is a dot
 * ("cma,j.cn" for "cma.j.cn"); first in the suffix, before a dot, it is the
 * journal's "j" (see fix_doi_journal). DOIs hold no commas.
 */
static bool doi_comma(const cps *s, size_t j, bool first)
{
    if (s->v[j] != ',')
        return false;
    return first ? at(s, j + 1) == '.' : is_lower(at(s, j - 1)) && is_lower(at(s, j + 1));
}

/* Remove the code point at k of t. */
static void tok_remove(tok *t, size_t k)
{
    memmove(t->v + k, t->v + k + 1, (t->n - k - 1) * sizeof(t->v[0]));
    memmove(t->src + k, t->src + k + 1, (t->n - k - 1) * sizeof(t->src[0]));
    t->n--;
}

/* Insert c at k of t (dropping the last code point when t is full). */
static void tok_insert(tok *t, size_t k, uint32_t c)
{
    size_t cap = sizeof(t->v) / sizeof(t->v[0]), n = t->n < cap ? t->n : cap - 1;
    memmove(t->v + k + 1, t->v + k, (n - k) * sizeof(t->v[0]));
    memmove(t->src + k + 1, t->src + k, (n - k) * sizeof(t->src[0]));
    t->v[k] = c;
    t->src[k] = k > 0 ? t->src[k - 1] : t->src[k + 1];
    t->n = n + 1;
}

static bool tok_has_at(const tok *t, size_t k, const char *lit)
{
    for (size_t i = 0; lit[i]; i++)
        if (k + i >= t->n || t->v[k + i] != (uint32_t)(unsigned char)lit[i])
            return false;
    return true;
}

/*
 * Chinese journals registered through CNKI and Wanfang start the DOI suffix
 * with "j." (10.11835/j.issn.1008-5831..., 10.13227/j.hjkx...): a small
 * letter OCR drops ("/.issn"), reads as ")", "]", ",", "|" or "i", or
 * follows with a stray ")" ("/j).issn"). k: the suffix's first index in t.
 */
static void fix_doi_journal(tok *t, size_t k)
{
    if (t->n < k + 3)
        return;
    uint32_t a = t->v[k], b = t->v[k + 1];
    if (a == '.' && is_lower(b))
        tok_insert(t, k, 'j');
    else if (b == '.' && (is_ascii_of(a, ")],|") || (a == 'i' && tok_has_at(t, k + 2, "issn"))))
        t->v[k] = 'j';
    else if (a == 'j' && is_ascii_of(b, ")]") && t->v[k + 2] == '.')
        tok_remove(t, k + 1);
}

/* Glue a DOI starting at i into out. \return input code points used, 0 if none. */
static size_t glue_doi(const cps *s, size_t i, cps *out)
{
    tok t = {.n = 0};
    size_t j = doi_prefix(s, i, &t), suffix = t.n;
    if (j == 0 || !(is_doichar(at(s, j)) || (j < s->n && doi_comma(s, j, true))))
        return 0;
    while (j < s->n && t.n < sizeof(t.v) / sizeof(t.v[0])) {
        if (is_doichar(s->v[j]) || doi_comma(s, j, t.n == suffix))
            tok_push(&t, s->v[j] == ',' && t.n > suffix ? '.' : s->v[j], j);
        else if (!(s->v[j] == ' ' && doi_bridges(s, j, t.v[t.n - 1])))
            break;
        j++;
    }
    while (t.n > 0 && is_ascii_of(t.v[t.n - 1], ".,;:)"))
        t.n--; /* sentence punctuation after the DOI, or a closing parenthesis */
    fix_doi_journal(&t, suffix);
    unconfuse_doi(&t);
    for (size_t k = 0; k < t.n; k++)
        cps_push(out, t.v[k]);
    return t.n ? t.src[t.n - 1] + 1 - i : 0;
}

/*
 * Fixed-shape tokens. d: a digit (O/o/l/I/|/S confusions accepted), x: a digit
 * or X, '-': any dash, '(' ')': either width; other characters literal. One
 * space may sit between any two elements (at most three in all).
 */
enum { PAT_ARTNO, PAT_DATE, PAT_ISSN };
static const char *const patterns[] = {"dddd-dddx(dddd)dd-dddd-dd", "dddd-dd-dd", "dddd-dddx"};

static bool pattern_char(char p, uint32_t c, uint32_t *v, int *conf)
{
    if (p == 'd' || p == 'x') {
        uint32_t d = c == 'S' ? '5' : unconfuse_digit(c);
        if (p == 'x' && (c == 'X' || c == 'x'))
            d = 'X';
        *conf += d != c && d != 'X';
        *v = d;
        return is_digit(d) || d == 'X';
    }
    *v = (uint32_t)p;
    if (p == '-')
        return is_dashlike(c);
    if (p == '(')
        return c == '(' || c == 0xFF08;
    if (p == ')')
        return c == ')' || c == 0xFF09;
    return c == (uint32_t)p;
}

static bool date_valid(const tok *t)
{
    int y = 0, m = (int)(t->v[5] - '0') * 10 + (int)(t->v[6] - '0');
    int d = (int)(t->v[8] - '0') * 10 + (int)(t->v[9] - '0');
    for (size_t k = 0; k < 4; k++)
        y = y * 10 + (int)(t->v[k] - '0');
    return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static size_t match_pattern(const cps *s, size_t i, int which, tok *t)
{
    const char *pat = patterns[which];
    size_t j = i;
    int spaces = 0, conf = 0;
    t->n = 0;
    for (const char *p = pat; *p; p++) {
        if (p != pat && at(s, j) == ' ' && at(s, j + 1) != ' ' && spaces < 3)
            j++, spaces++;
        uint32_t v;
        if (!pattern_char(*p, at(s, j), &v, &conf))
            return 0;
        tok_push(t, v, j++);
    }
    if (is_alnum(at(s, j)) || conf > 2 || (which == PAT_DATE && !date_valid(t)))
        return 0;
    if (conf > 0 && !is_digit(s->v[i]) && which != PAT_ISSN)
        return 0; /* a word like "Sl" before a dash is text, not a number */
    return j - i;
}

/* Is the token at i preceded by an "ISSN" label? */
static bool after_issn_label(const cps *s, size_t i)
{
    size_t p = cps_prev_ns(s, i);
    if (p != NPOS && (s->v[p] == ':' || s->v[p] == 0xFF1A))
        p = cps_prev_ns(s, p);
    return p != NPOS && p >= 3 && cps_has_at(s, p - 3, "ISSN");
}

static size_t glue_pattern(const cps *s, size_t i, cps *out)
{
    tok t;
    for (int k = 0; k < 3; k++) {
        if (k == PAT_ISSN && !after_issn_label(s, i))
            continue;
        size_t used = match_pattern(s, i, k, &t);
        if (used) {
            for (size_t m = 0; m < t.n; m++)
                cps_push(out, t.v[m]);
            return used;
        }
    }
    return 0;
}

void repair_pass_tokens(const cps *in, cps *out)
{
    size_t i = 0;
    while (i < in->n) {
        size_t used = 0;
        uint32_t prev = at(in, i - 1);
        if (!is_alnum(prev) && !is_ascii_of(prev, "./-")) {
            used = glue_doi(in, i, out);
            if (!used)
                used = glue_pattern(in, i, out);
        }
        if (used) {
            i += used;
        } else {
            cps_push(out, in->v[i]);
            i++;
        }
    }
}
