/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text repair rules: turn Tesseract's words back into the text as printed.
 *
 * Tesseract separates every recognized "word" by a space; for Chinese a word
 * is often one character, so spaces appear where print has none, Chinese
 * punctuation comes back half-width (":" for "："), and exact tokens (DOI,
 * article numbers, dates, e-mail addresses) get spaces and letter/digit
 * confusions inside. Each rule below is a small pass over the line's code
 * points; every pass is pure, bounded (linear in the line, with fixed
 * look-around windows) and safe on any byte string. The rules were drawn from
 * the damage Tesseract 5.3 (chi_sim+eng) does to the development pages; each
 * case is documented in tests/test_repair.c.
 *
 * Decided from data, not from taste: spaces between Chinese and Latin/digits
 * are dropped (journals print "经过150次", "采用CNN") except where print keeps
 * them (postcodes "重庆 400044", section numbers "1 引言", wide gaps); commas
 * are left as Tesseract read them (it separates "，" from ", " well, and the
 * ink box of a comma does not tell its advance width); colons and semicolons
 * take their width from the surrounding script, because Tesseract reads
 * nearly every printed "：" as ":".
 */
#include "repair.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== word list ======================================================= */

struct folio_repair {
    char **words; /* sorted, lower-case */
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool push_word(folio_repair *r, size_t *cap, const char *w, size_t n)
{
    if (r->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4096;
        char **p = realloc(r->words, ncap * sizeof(*p));
        if (!p)
            return false;
        r->words = p;
        *cap = ncap;
    }
    char *copy = folio_strndup(w, n);
    if (!copy)
        return false;
    r->words[r->n++] = copy;
    return true;
}

static void load_wordlist(folio_repair *r, FILE *f)
{
    char line[256];
    size_t cap = 0;
    while (fgets(line, sizeof(line), f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0 || n > 63 || strchr(line, '\''))
            continue;
        for (size_t i = 0; i < n; i++)
            line[i] = (char)tolower((unsigned char)line[i]);
        if (!push_word(r, &cap, line, n))
            break;
    }
    if (r->n > 1)
        qsort(r->words, r->n, sizeof(*r->words), cmp_str);
}

folio_repair *folio_repair_create(const char *wordlist)
{
    folio_repair *r = calloc(1, sizeof(*r));
    if (!r || !wordlist)
        return r;
    FILE *f = fopen(wordlist, "r");
    if (f) {
        load_wordlist(r, f);
        fclose(f);
    }
    return r;
}

void folio_repair_destroy(folio_repair **pr)
{
    if (!pr || !*pr)
        return;
    for (size_t i = 0; i < (*pr)->n; i++)
        free((*pr)->words[i]);
    free((*pr)->words);
    free(*pr);
    *pr = NULL;
}

bool folio_repair_known_word(const folio_repair *r, const char *word, size_t len)
{
    if (!r || !word || r->n == 0 || len == 0 || len > 63)
        return false;
    char key[64];
    for (size_t i = 0; i < len; i++)
        key[i] = (char)tolower((unsigned char)word[i]);
    key[len] = '\0';
    const char *k = key;
    return bsearch(&k, r->words, r->n, sizeof(*r->words), cmp_str) != NULL;
}

/* ==== code point strings ============================================== */

#define DEL 0x110000u /* marks a code point a pass removes; never valid Unicode */
#define NPOS ((size_t)-1)

typedef struct cps {
    uint32_t *v;
    size_t n, cap;
    bool oom;
} cps;

static void cps_push(cps *s, uint32_t c)
{
    if (s->oom)
        return;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        uint32_t *p = realloc(s->v, ncap * sizeof(*p));
        if (!p) {
            s->oom = true;
            return;
        }
        s->v = p;
        s->cap = ncap;
    }
    s->v[s->n++] = c;
}

static void cps_free(cps *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

/* Code point at i, 0 outside the string (i may have wrapped below zero). */
static uint32_t at(const cps *s, size_t i)
{
    return i < s->n ? s->v[i] : 0;
}

/* Control white space and NBSP become plain spaces; U+3000 stays (it is printed). */
static void cps_decode(const char *text, cps *out)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        uint32_t c;
        i += folio_utf8_decode(text + i, len - i, &c);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0)
            c = ' ';
        cps_push(out, c);
    }
}

static char *cps_encode(const cps *s)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] != DEL)
            folio_buf_put_cp(&b, s->v[i]);
    return folio_buf_take(&b);
}

/* Copy in to out without the code points marked DEL. */
static void cps_compact(const cps *in, cps *out)
{
    for (size_t i = 0; i < in->n; i++)
        if (in->v[i] != DEL)
            cps_push(out, in->v[i]);
}

/* Does s hold the UTF-8 literal lit at index i? */
static bool has_at(const cps *s, size_t i, const char *lit)
{
    size_t len = strlen(lit), k = 0;
    while (k < len) {
        uint32_t c;
        k += folio_utf8_decode(lit + k, len - k, &c);
        if (i >= s->n || s->v[i] != c)
            return false;
        i++;
    }
    return true;
}

/* Does the literal end just before index end? */
static bool has_before(const cps *s, size_t end, const char *lit)
{
    size_t n = folio_utf8_len(lit);
    return end >= n && end <= s->n && has_at(s, end - n, lit);
}

/* ==== character classes =============================================== */

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_lower(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_alpha(uint32_t c)
{
    return is_lower(c) || is_upper(c);
}

static bool is_alnum(uint32_t c)
{
    return is_alpha(c) || is_digit(c);
}

static bool is_ascii_of(uint32_t c, const char *set)
{
    return c > 0 && c < 128 && strchr(set, (int)c) != NULL;
}

/* Han or kana: characters set solid, with no spaces between them. */
static bool is_hanlike(uint32_t c)
{
    return folio_is_han(c) || (c >= 0x3040 && c <= 0x30FF);
}

/* Full-width punctuation: it carries its own spacing, so no space touches it. */
static bool is_fwpunct(uint32_t c)
{
    if (c == 0x3000 || c == 0x3007)
        return false;
    if (c >= 0x3001 && c <= 0x303F)
        return true;
    if (c >= 0xFF01 && c <= 0xFF65)
        return !((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                 (c >= 0xFF41 && c <= 0xFF5A));
    return c >= 0xFE30 && c <= 0xFE4F;
}

static bool is_zh(uint32_t c)
{
    return is_hanlike(c) || is_fwpunct(c);
}

/* Characters that belong to a Latin/number token: letters, digits, units. */
static bool is_wordish(uint32_t c)
{
    return is_alnum(c) || folio_is_latin(c) || c == '%' || c == 0xB0 || c == 0xB1 || c == 0xB2 ||
           c == 0xB3 || c == 0xB5 || c == 0x2030 || c == 0x2103;
}

static bool is_curly(uint32_t c)
{
    return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* Hyphen-like glyphs Tesseract returns inside numbers, including 一 (U+4E00). */
static bool is_dashlike(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D || c == 0x4E00;
}

/* Index of the nearest non-space before i / at or after i (at most 8 spaces away). */
static size_t prev_ns(const cps *s, size_t i)
{
    for (size_t k = 0; k < 9 && i > 0; k++) {
        i--;
        if (s->v[i] != ' ')
            return i;
    }
    return NPOS;
}

static size_t next_ns(const cps *s, size_t i)
{
    for (size_t k = 0; k < 9 && i < s->n; k++, i++)
        if (s->v[i] != ' ')
            return i;
    return NPOS;
}

static bool line_has_han(const cps *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (is_hanlike(s->v[i]))
            return true;
    return false;
}

/* ==== pass: label damage ============================================== */

/* "DOT: 10." / "DOE:" / "D0I:" → "DOI:" when a DOI follows. */
static void fix_doi_label(cps *s, size_t i)
{
    if (is_alpha(at(s, i - 1)) || at(s, i) != 'D' || (at(s, i + 1) != 'O' && at(s, i + 1) != '0'))
        return;
    uint32_t x = at(s, i + 2);
    if (!is_ascii_of(x, "TEIl1|JL"))
        return;
    size_t j = i + 3;
    if (at(s, j) == ' ')
        j++;
    if (at(s, j) != ':' && at(s, j) != 0xFF1A)
        return;
    j = next_ns(s, j + 1);
    if (j != NPOS && has_at(s, j, "10.")) {
        s->v[i + 1] = 'O';
        s->v[i + 2] = 'I';
    }
}

static const char *const zh_labels[] = {
    "摘要",     "摘　要",   "关键词",   "中图分类号",   "文献标志码",   "文献标识码",
    "文章编号", "收稿日期", "修回日期", "录用日期",     "基金项目",     "作者简介",
    "通信作者", "通讯作者", "引用格式", "在线发布日期", "网络出版日期", "电子信箱",
    "邮政编码", "E-mail",   "Email",
};

static bool label_ends_at(const cps *s, size_t end)
{
    for (size_t k = 0; k < sizeof(zh_labels) / sizeof(zh_labels[0]); k++)
        if (has_before(s, end, zh_labels[k]))
            return true;
    return false;
}

/* Does a Chinese field label ("文献标志码", "基金项目") start at i? */
static bool zh_label_at(const cps *s, size_t i)
{
    for (size_t k = 0; k < sizeof(zh_labels) / sizeof(zh_labels[0]); k++)
        if ((zh_labels[k][0] & 0x80) && has_at(s, i, zh_labels[k]))
            return true;
    return false;
}

/* "基金项目; 国家" / "E-mail; x@y" / "电子信箱，x@y": a label takes a colon. */
static void fix_label_colon(cps *s, size_t i)
{
    uint32_t c = s->v[i];
    bool semi = c == ';' || c == 0xFF1B, comma = c == ',' || c == 0xFF0C;
    if (!semi && !comma)
        return;
    size_t p = prev_ns(s, i);
    if (p == NPOS || !label_ends_at(s, p + 1))
        return;
    size_t q = next_ns(s, i + 1);
    if (comma && (q == NPOS || !is_alnum(s->v[q])))
        return;
    s->v[i] = ':';
}

static void pass_labels(const cps *in, cps *out)
{
    cps_compact(in, out);
    for (size_t i = 0; i < out->n; i++) {
        fix_doi_label(out, i);
        fix_label_colon(out, i);
    }
}

/* ==== pass: exact tokens (DOI, article number, ISSN, date) ============ */

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

/* Registrant prefix "10.NNNN/" (spaces around the slash tolerated). \return index after it. */
static size_t doi_prefix(const cps *s, size_t i, tok *t)
{
    if (!has_at(s, i, "10."))
        return 0;
    size_t j = i + 3, digits = 0;
    for (size_t k = 0; k < 3; k++)
        tok_push(t, s->v[i + k], i + k);
    while (j < s->n && digits < 10 && is_digit(s->v[j])) {
        tok_push(t, s->v[j], j);
        j++, digits++;
    }
    if (digits < 4)
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
static size_t glue_doi(const cps *s, size_t i, cps *out)
{
    tok t = {.n = 0};
    size_t j = doi_prefix(s, i, &t);
    if (j == 0 || !is_doichar(at(s, j)))
        return 0;
    while (j < s->n && t.n < sizeof(t.v) / sizeof(t.v[0])) {
        if (is_doichar(s->v[j]))
            tok_push(&t, s->v[j], j);
        else if (!(s->v[j] == ' ' && doi_bridges(s, j, t.v[t.n - 1])))
            break;
        j++;
    }
    while (t.n > 0 && is_ascii_of(t.v[t.n - 1], ".,;:)"))
        t.n--; /* sentence punctuation after the DOI, or a closing parenthesis */
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
    size_t p = prev_ns(s, i);
    if (p != NPOS && (s->v[p] == ':' || s->v[p] == 0xFF1A))
        p = prev_ns(s, p);
    return p != NPOS && p >= 3 && has_at(s, p - 3, "ISSN");
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

static void pass_tokens(const cps *in, cps *out)
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

/* ==== pass: e-mail addresses and URLs ================================= */

static bool is_tld_at(const cps *s, size_t i)
{
    static const char *const tlds[] = {"cn", "com", "net", "org", "edu", "gov", "ac",
                                       "uk", "de",  "jp",  "hk",  "tw",  "io",  "info"};
    for (size_t k = 0; k < sizeof(tlds) / sizeof(tlds[0]); k++) {
        size_t n = strlen(tlds[k]);
        if (has_at(s, i, tlds[k]) && !is_alnum(at(s, i + n)))
            return true;
    }
    return false;
}

/* Walk a host name from j, removing spaces OCR put around its dots. */
static void glue_host(cps *s, size_t j)
{
    bool dotted = false;
    for (int labels = 0; labels < 16; labels++) {
        size_t start = j;
        while (j < s->n && (is_alnum(s->v[j]) || s->v[j] == '-'))
            j++;
        if (j == start)
            return;
        if (at(s, j) == '.' && is_alnum(at(s, j + 1))) {
            j++;
        } else if (at(s, j) == '.' && at(s, j + 1) == ' ' && is_lower(at(s, j + 2))) {
            s->v[j + 1] = DEL;
            j += 2;
        } else if (at(s, j) == ' ' && at(s, j + 1) == '.' && is_lower(at(s, j + 2))) {
            s->v[j] = DEL;
            j += 2;
        } else if (dotted && at(s, j) == ' ' && is_tld_at(s, j + 1)) {
            s->v[j] = '.'; /* "swufe.edu cn": the dot read as a space */
            j++;
        } else {
            return;
        }
        dotted = true;
    }
}

static void fix_email(cps *s, size_t i)
{
    if (at(s, i - 1) == ' ' && is_alnum(at(s, i - 2)))
        s->v[i - 1] = DEL;
    if (at(s, i + 1) == ' ' && is_alnum(at(s, i + 2)) && at(s, i - 1) != ' ')
        s->v[i + 1] = DEL;
    size_t j = at(s, i + 1) == DEL ? i + 2 : i + 1;
    if (is_alnum(at(s, i - 1)) || at(s, i - 1) == DEL)
        glue_host(s, j);
}

static void fix_url(cps *s, size_t i)
{
    size_t j;
    if (has_at(s, i, "https://") || has_at(s, i, "http://")) {
        j = i + (at(s, i + 4) == 's' ? 8 : 7);
        if (at(s, j) == ' ' && is_alnum(at(s, j + 1)))
            s->v[j++] = DEL;
    } else if (has_at(s, i, "www.") && !is_alnum(at(s, i - 1))) {
        j = i;
    } else {
        return;
    }
    glue_host(s, j);
}

static void pass_contacts(const cps *in, cps *out)
{
    cps tmp = {0};
    cps_compact(in, &tmp);
    for (size_t i = 0; i < tmp.n && !tmp.oom; i++) {
        if (tmp.v[i] == '@')
            fix_email(&tmp, i);
        else if (tmp.v[i] == 'h' || tmp.v[i] == 'w')
            fix_url(&tmp, i);
    }
    cps_compact(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}

/* ==== pass: numbers ==================================================== */

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
    if (has_before(s, i, "拟合优度") || has_before(s, i, "决定系数")) {
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

/* "hg/ms", "jig/m3" after a number: μg/m³ with μ and ³ misread. */
static void fix_ugm3(cps *s, size_t i)
{
    size_t g = s->v[i] == 'j' && at(s, i + 1) == 'i' ? i + 2 : i + 1;
    uint32_t c = s->v[i];
    if ((c != 'h' && c != 'j' && c != 0xB5) || is_alpha(at(s, i - 1)) || at(s, g) != 'g' ||
        at(s, g + 1) != '/' || at(s, g + 2) != 'm')
        return;
    uint32_t e = at(s, g + 3);
    size_t p = prev_ns(s, i);
    if (!is_ascii_of(e, "3sa?") || is_alnum(at(s, g + 4)) || p == NPOS ||
        !(is_digit(s->v[p]) || s->v[p] == ')'))
        return;
    s->v[i] = 0x3BC;
    if (g == i + 2)
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

static void pass_numbers(const cps *in, cps *out)
{
    cps tmp = {0};
    cps_compact(in, &tmp);
    bool han = line_has_han(&tmp);
    for (size_t i = 0; i < tmp.n && !tmp.oom; i++) {
        if (tmp.v[i] == DEL)
            continue;
        fix_plusminus(&tmp, i);
        fix_numeric_dash(&tmp, i);
        fix_tilde(&tmp, i, han);
        fix_r_squared(&tmp, i);
        fix_ugm3(&tmp, i);
        fix_percent96(&tmp, i);
    }
    cps_compact(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}

/* ==== pass: punctuation width ========================================= */

/*
 * Is the punctuation at i inside Chinese text? Yes when a Chinese character
 * touches it (spaces aside), or when the Latin word before it is itself
 * preceded by Chinese ("研究，E-mail: x").
 */
static bool zh_context(const cps *s, size_t i)
{
    size_t p = prev_ns(s, i), q = next_ns(s, i + 1);
    uint32_t P = at(s, p), N = at(s, q);
    if (is_zh(P) || is_hanlike(N))
        return true;
    if (!is_alnum(P))
        return false;
    size_t k = p;
    for (int steps = 0; k > 0 && steps < 32; steps++) {
        if (!is_alnum(s->v[k - 1]) && s->v[k - 1] != '-')
            break;
        k--;
    }
    return is_zh(at(s, prev_ns(s, k)));
}

static bool is_colon_like(uint32_t c)
{
    return c == ':' || c == ';' || c == 0xFF1A || c == 0xFF1B;
}

/* A run of colons and semicolons (";;", ":：") takes its width from the text
 * around the whole run, so one pass decides it all (repair is idempotent). */
static bool run_zh_context(const cps *s, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && is_colon_like(s->v[a - 1]))
        a--;
    while (b + 1 < s->n && is_colon_like(s->v[b + 1]))
        b++;
    return zh_context(s, a) || zh_context(s, b);
}

/* ":" / ";" in Chinese text → "：" / "；"; "：" / "；" / "，" between Latin words → ASCII. */
static void fix_width(const cps *in, size_t i, cps *out)
{
    uint32_t c = in->v[i], nx = at(in, i + 1);
    if ((c == ':' || c == ';') && !(is_digit(at(in, i - 1)) && is_digit(nx)) && nx != '/') {
        cps_push(out, run_zh_context(in, i) ? (c == ':' ? 0xFF1A : 0xFF1B) : c);
        return;
    }
    if (c != 0xFF1A && c != 0xFF1B && c != 0xFF0C) {
        cps_push(out, c);
        return;
    }
    size_t q = next_ns(in, i + 1);
    if (zh_context(in, i) || !is_alnum(at(in, prev_ns(in, i))) || !is_alnum(at(in, q))) {
        cps_push(out, c);
        return;
    }
    cps_push(out, c == 0xFF1A ? ':' : c == 0xFF1B ? ';' : ',');
    if (is_alpha(nx))
        cps_push(out, ' ');
}

/* "摘 要:" → "摘　要：" (the page letter-spaces the label with U+3000). */
static size_t fix_abstract_label(const cps *in, size_t i, cps *out)
{
    if (in->v[i] != 0x6458 /* 摘 */)
        return 0;
    size_t j = i + 1;
    bool gap = false;
    while (j < in->n && j < i + 3 && (in->v[j] == ' ' || in->v[j] == 0x3000))
        j++, gap = true;
    if (at(in, j) != 0x8981 /* 要 */)
        return 0;
    size_t k = next_ns(in, j + 1);
    uint32_t c = at(in, k);
    if (c != ':' && c != 0xFF1A && c != ';' && c != 0xFF1B)
        return 0;
    cps_push(out, 0x6458);
    if (gap)
        cps_push(out, 0x3000);
    cps_push(out, 0x8981);
    cps_push(out, 0xFF1A);
    return k + 1 - i;
}

static void pass_width(const cps *in, cps *out)
{
    for (size_t i = 0; i < in->n;) {
        size_t used = fix_abstract_label(in, i, out);
        if (used) {
            i += used;
            continue;
        }
        fix_width(in, i, out);
        i++;
    }
}

/* ==== pass: affiliation parentheses, citation type ==================== */

static bool has_institution(const cps *s, size_t from, size_t to)
{
    static const char *const inst[] = {"大学", "学院",   "研究所", "研究院", "医院",
                                       "中心", "实验室", "公司",   "学校"};
    for (size_t i = from; i < to && i < s->n; i++)
        for (size_t k = 0; k < sizeof(inst) / sizeof(inst[0]); k++)
            if (has_at(s, i, inst[k]))
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
    size_t last = prev_ns(s, s->n), open = find_cp(s, 0, s->n, '(');
    if (last == NPOS)
        return;
    if (open != NPOS) {
        size_t q = next_ns(s, open + 1);
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
 * Does a Han run from i name a school, institute or department ("…学院",
 * "…研究所", "…科")? strict: only a school or institute, and no hospital in it.
 */
static bool department_at(const cps *s, size_t i, bool strict)
{
    static const char *const ends[] = {"学院", "研究所", "研究院", "系", "科", "中心", "实验室"};
    size_t j = i;
    while (j < s->n && j - i < 24 && folio_is_han(s->v[j]))
        j++;
    uint32_t e = at(s, j);
    if (j == i || !(e == 0 || e == ' ' || is_ascii_of(e, ",)") || is_fwpunct(e)))
        return false;
    size_t yuan = find_cp(s, i, j, 0x9662 /* 院 */);
    if (strict && yuan != NPOS && has_at(s, yuan - 1, "医院"))
        return false;
    for (size_t k = 0; k < (strict ? 3 : sizeof(ends) / sizeof(ends[0])); k++)
        if (has_before(s, j, ends[k]) && j - i > folio_utf8_len(ends[k]))
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
            department_at(in, i + 1, true))
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

static void pass_author_line(const cps *in, cps *out)
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
    return zh_label_at(in, i + 1) ? 1 : 0;
}

static void pass_structure(const cps *in, cps *out)
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
    if (!tmp.oom)
        fix_affiliation_parens(&tmp);
    fix_affiliation_space(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}

/* ==== pass: spaces ===================================================== */

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
        if (has_before(s, i, inst[k]) && department_at(s, j, false))
            return true;
    if (has_before(s, i, "摘") && at(s, j) == 0x8981 /* 要 */)
        return true;
    if (at(s, j) == 0x7B2C /* 第 */ &&
        (is_digit(at(s, j + 1)) || (at(s, j + 1) == ' ' && is_digit(at(s, j + 2)))))
        return true;
    for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++) {
        if (!has_before(s, i, heads[k]))
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
        return is_section_number(s, i) || zh_label_at(s, i + 1);
    return !(is_ascii_of(a, "([{)]}") || is_curly(a) || is_zh_dash(a));
}

/* Keep the run of spaces s[i..j)? */
static bool keep_space(const cps *s, size_t i, size_t j)
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

static void pass_spaces(const cps *in, cps *out)
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
        if (keep_space(in, i, j))
            for (size_t k = i; k < j; k++)
                cps_push(out, ' ');
        i = j;
    }
}

/* ==== line repair ====================================================== */

typedef void (*repair_pass)(const cps *in, cps *out);

/*
 * Spaces are settled first (so the patterns see "(1964一1980)", not
 * "(1964 一 1980)") and again last (after punctuation changed width).
 */
static const repair_pass line_passes[] = {
    pass_author_line, pass_spaces, pass_labels,    pass_tokens, pass_contacts,
    pass_numbers,     pass_width,  pass_structure, pass_spaces,
};

static bool cps_equal(const cps *a, const cps *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(*a->v)) == 0);
}

/* Most rules decide from their neighbours, and one rule's output can be
 * another's neighbour ("；; x": the second ';' takes its width from the first
 * only once that one is "；"), so the passes run until the line no longer
 * changes, which makes the repair idempotent; in practice the second round
 * confirms, and MAX_ROUNDS bounds the rest. Found by tests/fuzz/fuzz_repair. */
#define MAX_ROUNDS 16

char *folio_repair_line(const char *line)
{
    cps cur = {0};
    cps_decode(line ? line : "", &cur);
    for (int round = 0; round < MAX_ROUNDS && !cur.oom; round++) {
        cps start = {0};
        for (size_t i = 0; i < cur.n; i++)
            cps_push(&start, cur.v[i]);
        for (size_t k = 0; k < sizeof(line_passes) / sizeof(line_passes[0]) && !cur.oom; k++) {
            cps next = {0};
            line_passes[k](&cur, &next);
            next.oom |= cur.oom;
            cps_free(&cur);
            cur = next;
        }
        bool same = !start.oom && cps_equal(&start, &cur);
        cur.oom |= start.oom;
        cps_free(&start);
        if (same)
            break;
    }
    char *s = cur.oom ? NULL : cps_encode(&cur);
    cps_free(&cur);
    return s;
}

/* ==== joining words ==================================================== */

typedef struct line_metrics {
    double h;    /* median height of Chinese words (all words if none), 0 if unknown */
    double hanw; /* median width of one Han glyph, 0 if unknown */
} line_metrics;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof(*v), cmp_double);
    return v[n / 2];
}

static bool box_ok(const folio_box *b)
{
    return b->w > 0 && b->h > 0 && b->w < 1000000 && b->h < 1000000;
}

static uint32_t first_cp(const char *s)
{
    uint32_t cp;
    folio_utf8_decode(s, strlen(s), &cp);
    return cp;
}

/* Last code point of s[0..len). */
static uint32_t last_cp(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    size_t start = len - 1;
    while (start > 0 && len - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    uint32_t cp;
    folio_utf8_decode(s + start, len - start, &cp);
    return cp;
}

/* Number of Han code points when text is all Han, else 0. */
static size_t han_count(const char *text)
{
    size_t len = strlen(text), i = 0, n = 0;
    while (i < len) {
        uint32_t c;
        i += folio_utf8_decode(text + i, len - i, &c);
        if (!folio_is_han(c))
            return 0;
        n++;
    }
    return n;
}

static line_metrics measure_line(const folio_word *w, size_t n)
{
    double hz[256], ha[256], gw[256];
    size_t nz = 0, na = 0, ng = 0;
    for (size_t i = 0; i < n && na < 256; i++) {
        if (!w[i].text || !box_ok(&w[i].box))
            continue;
        ha[na++] = w[i].box.h;
        size_t k = han_count(w[i].text);
        if (k > 0 && nz < 256) {
            hz[nz++] = w[i].box.h;
            gw[ng++] = (double)w[i].box.w / (double)k;
        }
    }
    line_metrics m = {nz ? median(hz, nz) : median(ha, na), median(gw, ng)};
    return m;
}

/*
 * Two words set without a space unless the gap says otherwise: Chinese on
 * both sides, or a straight quote against Chinese (提出"建设).
 */
static bool solid_pair(uint32_t a, uint32_t b)
{
    bool qa = a == '"' || a == '\'', qb = b == '"' || b == '\'';
    return (is_zh(a) || qa) && (is_zh(b) || qb) && !(qa && qb);
}

enum gap_kind { GAP_UNKNOWN, GAP_TIGHT, GAP_SPACE, GAP_WIDE };

/* Classify the gap between two words by their boxes, relative to the line's height. */
static enum gap_kind word_gap(const folio_word *p, const folio_word *c, const line_metrics *m)
{
    if (!box_ok(&p->box) || !box_ok(&c->box) || m->h <= 0 || p->box.h < 0.5 * m->h ||
        c->box.h < 0.5 * m->h)
        return GAP_UNKNOWN; /* a collapsed box (7×13 px for "(37.2%)，") measures nothing */
    double gap = (double)c->box.x - ((double)p->box.x + (double)p->box.w);
    if (gap >= 2.0 * m->h)
        return GAP_WIDE;
    return gap >= 0.5 * m->h ? GAP_SPACE : GAP_TIGHT;
}

/*
 * A lone "," between Chinese characters whose box is nearly as wide as a Han
 * glyph is the full-width "，". (A printed ", " has a narrow box.)
 */
static const char *word_text(const folio_word *w, size_t i, size_t n, const line_metrics *m)
{
    const char *t = w[i].text;
    if (strcmp(t, ",") != 0 || i == 0 || i + 1 >= n || m->hanw <= 0 || !box_ok(&w[i].box))
        return t;
    const char *p = w[i - 1].text, *q = w[i + 1].text;
    if (!p || !q || !*p || !*q || !folio_is_han(last_cp(p, strlen(p))) ||
        !folio_is_han(first_cp(q)))
        return t;
    return w[i].box.w >= 0.8 * m->hanw ? "，" : t;
}

/* Did the recognizer record its own spacing (folio_word.space_before) for this line? */
static bool has_recognizer_spacing(const folio_word *w, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (w[i].space_before)
            return true;
    return false;
}

/*
 * The separator before word c: Tesseract's own spacing when the line has it
 * (its recognizer saw the blanks; word boxes of Chinese overlap and gap at
 * random), else Chinese solid and Latin spaced, a measured gap of half the
 * line height marking a candidate space the text rules then judge. A gap of
 * two line heights is a column or running-head gap, kept as two spaces.
 */
static const char *separator(const folio_word *p, const folio_word *c, const folio_buf *b,
                             const line_metrics *m, bool recognizer)
{
    enum gap_kind g = word_gap(p, c, m);
    if (g == GAP_WIDE)
        return "  ";
    if (recognizer)
        return c->space_before ? " " : "";
    bool solid = solid_pair(last_cp(b->data, b->len), first_cp(c->text));
    return !solid || g == GAP_SPACE ? " " : "";
}

char *folio_repair_join_words(const folio_word *words, size_t n)
{
    folio_buf b = FOLIO_BUF_INIT;
    line_metrics m = measure_line(words, words ? n : 0);
    bool recognizer = words && has_recognizer_spacing(words, n);
    const folio_word *prev = NULL;
    for (size_t i = 0; words && i < n; i++) {
        const char *t = words[i].text;
        if (!t || !*t)
            continue;
        if (prev)
            folio_buf_puts(&b, separator(prev, &words[i], &b, &m, recognizer));
        folio_buf_puts(&b, word_text(words, i, n, &m));
        prev = &words[i];
    }
    char *s = folio_buf_take(&b);
    if (!s)
        return NULL;
    char *fixed = folio_repair_line(s);
    free(s);
    return fixed;
}

/* ==== joining lines ==================================================== */

/* Letters of the word that ends just before end in s. \return its start. */
static size_t word_start(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && end - i < 63 && isalpha((unsigned char)s[i - 1]))
        i--;
    return i;
}

static bool has_inner_upper(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]))
            return true;
    return false;
}

/*
 * The word ending "L-" at a line end and the line starting with "R": drop the
 * hyphen? Keep it for true compounds: an upper-case or digit piece
 * ("Chengdu-Chongqing", "CNN-BiLSTM-CTC"), a one-letter prefix ("E-mail"), a
 * chain of hyphens, or two words whose join is not a word ("freeze-thaw").
 * Join when the joined form is a word ("recy-cled") or a piece is no word
 * ("Chongq-ing", a break the dictionary lacks).
 */
static bool rejoin_hyphen(const folio_repair *r, const char *para, size_t hyph, const char *line)
{
    size_t ls = word_start(para, hyph), ln = hyph - ls, rn = 0;
    while (rn < 63 && isalpha((unsigned char)line[rn]))
        rn++;
    if (ln < 2 || rn == 0 || isupper((unsigned char)line[0]) || has_inner_upper(para + ls, ln))
        return false;
    if (ls > 0 && strchr("-/0123456789", para[ls - 1]))
        return false;
    if (!r || r->n == 0)
        return false; /* without a dictionary the hyphen stays as read */
    char joined[128];
    memcpy(joined, para + ls, ln);
    memcpy(joined + ln, line, rn);
    if (folio_repair_known_word(r, joined, ln + rn))
        return true;
    return !(folio_repair_known_word(r, para + ls, ln) && folio_repair_known_word(r, line, rn));
}

/* Do at least two Latin words run from i in direction dir (+1/-1), up to a space? */
static bool two_latin_words(const cps *s, size_t i, int dir)
{
    size_t words = 0, len = 0;
    for (size_t k = 0; k < 48 && i < s->n; k++, i += (size_t)(ptrdiff_t)dir) {
        uint32_t c = s->v[i];
        if (is_wordish(c) || is_ascii_of(c, ".,-()")) {
            len++;
        } else if (c == ' ' && len > 0) {
            if (++words >= 2)
                return true;
            len = 0;
        } else {
            return false;
        }
    }
    return false;
}

/*
 * A line break between a Chinese line and an English line ("…第4期" /
 * "Journal of …") is a separation, not a word continuing ("利用" / "PMF模型").
 */
static bool latin_line_meets_zh(const cps *s, size_t space)
{
    uint32_t a = at(s, space - 1), b = at(s, space + 1);
    if (is_hanlike(a) && is_alpha(b))
        return two_latin_words(s, space + 1, 1);
    if (is_wordish(a) && is_hanlike(b))
        return two_latin_words(s, space - 1, -1);
    return false;
}

/* Does the line open with a field label ("基金项目：", "收稿日期：")? */
static bool starts_with_label(const char *line)
{
    static const char *const starts[] = {
        "摘",       "关键词",       "中图分类号", "文献标志码",   "文献标识码",   "文章编号",
        "收稿日期", "修回日期",     "录用日期",   "基金项目",     "作者简介",     "通信作者",
        "通讯作者", "本文引用格式", "引用格式",   "在线发布日期", "网络出版日期", "DOI"};
    for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++) {
        size_t n = strlen(starts[k]);
        if (strncmp(line, starts[k], n) != 0)
            continue;
        if (k > 0 || strncmp(line + n, "要", 3) == 0 || strncmp(line + n, "　要", 6) == 0 ||
            strncmp(line + n, " 要", 4) == 0)
            return true;
    }
    return false;
}

enum break_kind { BREAK_NONE, BREAK_SPACE, BREAK_LINE };

/* Keep a space at a line break? Decided like a space inside a line. */
static enum break_kind keep_break_space(const char *para, size_t plen, const char *line)
{
    size_t from = plen > 96 ? plen - 96 : 0, cut = 0;
    while (from < plen && ((unsigned char)para[from] & 0xC0) == 0x80)
        from++;
    while (cut < 96 && line[cut])
        cut++;
    while (line[cut] && ((unsigned char)line[cut] & 0xC0) == 0x80)
        cut++;
    char *tail = folio_strndup(para + from, plen - from), *head = folio_strndup(line, cut);
    cps s = {0};
    size_t space = 0;
    if (tail && head) {
        cps_decode(tail, &s);
        space = s.n;
        cps_push(&s, ' ');
        cps_decode(head, &s);
    }
    enum break_kind k = BREAK_NONE;
    if (tail && head && !s.oom)
        k = keep_space(&s, space, space + 1) ? BREAK_SPACE
            : latin_line_meets_zh(&s, space) ? BREAK_LINE
                                             : BREAK_NONE;
    cps_free(&s);
    free(tail);
    free(head);
    return k;
}

/*
 * What goes between the paragraph and the next line: nothing (a Chinese
 * sentence continues), a space (Latin words), or a line break where the print
 * starts a new field or switches between a Chinese and an English line.
 */
static enum break_kind line_break(const char *para, size_t plen, const char *line)
{
    if (starts_with_label(line))
        return BREAK_LINE;
    return keep_break_space(para, plen, line);
}

/* A DOI or URL broken after "/", "." or "_" continues without a space. */
static bool token_continues(const char *para, size_t plen)
{
    char last = plen ? para[plen - 1] : 0;
    if (last != '/' && last != '.' && last != '_')
        return false;
    size_t s = plen;
    while (s > 0 && para[s - 1] != ' ' && plen - s < 200)
        s--;
    const char *t = para + s;
    return strncmp(t, "10.", 3) == 0 || strncmp(t, "http", 4) == 0 || strncmp(t, "www.", 4) == 0;
}

/* "(1964一" / "1980)": the numeric dash read as 一 at a line end. \return whether fixed. */
static bool fix_break_dash(folio_buf *para, const char *line)
{
    size_t n = para->len;
    if (n < 4 || memcmp(para->data + n - 3, "一", 3) != 0 ||
        !isdigit((unsigned char)para->data[n - 4]) || !isdigit((unsigned char)line[0]))
        return false;
    memcpy(para->data + n - 3, "—", 3);
    return true;
}

void folio_repair_append_line(const folio_repair *r, folio_buf *para, const char *line)
{
    if (!para || !line)
        return;
    while (*line == ' ')
        line++;
    size_t llen = strlen(line);
    while (llen > 0 && line[llen - 1] == ' ')
        llen--;
    if (llen == 0)
        return;
    while (para->len > 0 && para->data[para->len - 1] == ' ')
        para->data[--para->len] = '\0';
    char *ln = folio_strndup(line, llen);
    if (!ln) {
        para->oom = true;
        return;
    }
    size_t plen = para->len;
    if (plen == 0) {
        folio_buf_puts(para, ln);
    } else if (para->data[plen - 1] == '-' && plen >= 2 &&
               isalnum((unsigned char)para->data[plen - 2])) {
        if (rejoin_hyphen(r, para->data, plen - 1, ln))
            para->data[--para->len] = '\0';
        folio_buf_puts(para, ln);
    } else {
        enum break_kind k = BREAK_NONE;
        if (!fix_break_dash(para, ln) && !token_continues(para->data, plen))
            k = line_break(para->data, plen, ln);
        if (k != BREAK_NONE)
            folio_buf_putc(para, k == BREAK_LINE ? '\n' : ' ');
        folio_buf_puts(para, ln);
    }
    free(ln);
}

int folio_repair_page(const folio_repair *r, folio_page *pg, folio_error *err)
{
    (void)r;
    if (!pg)
        return folio_error_set(err, FOLIO_EUSAGE, "repair: no page");
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_line *ln = &pg->lines[i];
        char *t = folio_repair_join_words(ln->words, ln->n_words);
        if (!t)
            return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in repair",
                                   pg->source_path ? pg->source_path : "page");
        free(ln->text);
        ln->text = t;
    }
    return 0;
}
