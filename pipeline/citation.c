/* SPDX-License-Identifier: Apache-2.0 */
/*
 * GB/T 7714 citation parser. The printed string is decoded once into two
 * parallel code point arrays: the characters as printed (values are copied
 * from these) and a folded copy where full-width forms, 。 and dashes become
 * ASCII (all matching looks at this one). Identifiers (URL, DOI) are taken out
 * first; what remains is split at the type code ([J], [M], [EB/OL]...) into
 * "authors. title" and the publication part, or, without a code, parsed as the
 * humanities form (作者：《题名》，《刊名》2023年第2期) or by its segments.
 * Every loop walks a bounded index range; nothing here can read past the input.
 */
#include "citation.h"

#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CITE_MAX_BYTES 16384 /* longer input is not one citation */
#define CITE_MAX_AUTHORS 64
#define NONE SIZE_MAX

typedef struct ctext {
    uint32_t *cp;  /* folded, for matching */
    uint32_t *raw; /* as printed, for values */
    size_t n;
} ctext;

typedef struct cparse {
    ctext t;
    folio_citation *c;
    bool oom;
} cparse;

/* ---- characters ------------------------------------------------------ */

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        return c - 0xFEE0;
    if (c == 0x3000 || c == 0xA0 || (c >= '\t' && c <= '\r'))
        return ' ';
    if (c == 0x3002 || c == 0xFF61) /* 。 */
        return '.';
    if (c == 0x3010 || c == 0x3014 || c == 0x3016) /* 【 〔 〖 */
        return '[';
    if (c == 0x3011 || c == 0x3015 || c == 0x3017)
        return ']';
    if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63) /* dashes, minus */
        return '-';
    return c == 0x301C ? '~' : c;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_alpha(uint32_t c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z');
}

static bool is_alnum(uint32_t c)
{
    return is_alpha(c) || is_digit(c);
}

static uint32_t lower(uint32_t c)
{
    return is_upper(c) ? c + 32 : c;
}

static bool in_set(uint32_t c, const char *set)
{
    return c && c < 0x80 && strchr(set, (int)c) != NULL;
}

/* ---- the decoded text ------------------------------------------------ */

static int ctext_init(ctext *t, const char *s, size_t len)
{
    t->cp = malloc((len + 1) * sizeof(uint32_t));
    t->raw = malloc((len + 1) * sizeof(uint32_t));
    t->n = 0;
    if (!t->cp || !t->raw)
        return -1;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += folio_utf8_decode(s + i, len - i, &c);
        t->raw[t->n] = c;
        t->cp[t->n++] = fold(c);
    }
    return 0;
}

static void ctext_free(ctext *t)
{
    free(t->cp);
    free(t->raw);
    t->cp = t->raw = NULL;
    t->n = 0;
}

/* Remove [a, b) from the text. */
static void ctext_erase(ctext *t, size_t a, size_t b)
{
    if (b > t->n)
        b = t->n;
    if (a >= b)
        return;
    memmove(t->cp + a, t->cp + b, (t->n - b) * sizeof(uint32_t));
    memmove(t->raw + a, t->raw + b, (t->n - b) * sizeof(uint32_t));
    t->n -= b - a;
}

static uint32_t at(const ctext *t, size_t i)
{
    return i < t->n ? t->cp[i] : 0;
}

static size_t skip_sp(const ctext *t, size_t i, size_t hi)
{
    while (i < hi && t->cp[i] == ' ')
        i++;
    return i;
}

/* Shrink [*a, *b) past characters of set (space always included). */
static void trim(const ctext *t, size_t *a, size_t *b, const char *set)
{
    while (*a < *b && (t->cp[*a] == ' ' || in_set(t->cp[*a], set)))
        (*a)++;
    while (*b > *a && (t->cp[*b - 1] == ' ' || in_set(t->cp[*b - 1], set)))
        (*b)--;
}

static size_t find_cp(const ctext *t, size_t a, size_t b, uint32_t c)
{
    for (size_t i = a; i < b; i++)
        if (t->cp[i] == c)
            return i;
    return NONE;
}

/* Case-insensitive ASCII match of word at i (folded text). */
static bool match_at(const ctext *t, size_t i, const char *word)
{
    for (size_t k = 0; word[k]; k++)
        if (lower(at(t, i + k)) != (uint32_t)(unsigned char)word[k])
            return false;
    return true;
}

/* ---- copying values out ---------------------------------------------- */

enum { SL_RAW = 0, SL_FOLD = 1, SL_NOSPACE = 2, SL_HANJOIN = 4 };

static bool run_has_newline(const ctext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t->raw[i] == '\n' || t->raw[i] == '\r')
            return true;
    return false;
}

/* Should the space run [a, b) between characters a-1 and b be dropped? */
static bool drop_space(const ctext *t, size_t a, size_t b, int mode)
{
    if (mode & SL_NOSPACE)
        return true;
    uint32_t p = t->raw[a - 1], q = t->raw[b];
    if ((mode & SL_HANJOIN) && (folio_is_han(p) || folio_is_han(q)))
        return true;
    return run_has_newline(t, a, b) && folio_is_cjk(p) && folio_is_cjk(q);
}

/* A malloc'd copy of [a, b) with outer spaces trimmed and inner runs made one space. */
static char *slice(const ctext *t, size_t a, size_t b, int mode)
{
    folio_buf out = FOLIO_BUF_INIT;
    trim(t, &a, &b, "");
    for (size_t i = a; i < b;) {
        if (t->cp[i] == ' ') {
            size_t e = skip_sp(t, i, b);
            if (!drop_space(t, i, e, mode))
                folio_buf_putc(&out, ' ');
            i = e;
            continue;
        }
        folio_buf_put_cp(&out, (mode & SL_FOLD) ? t->cp[i] : t->raw[i]);
        i++;
    }
    return folio_buf_take(&out);
}

/* Set *field to the trimmed span unless it is set already or the span is empty. */
static void set_span(cparse *x, char **field, size_t a, size_t b, int mode, const char *strip)
{
    if (*field || b > x->t.n)
        return;
    trim(&x->t, &a, &b, strip);
    if (a >= b)
        return;
    *field = slice(&x->t, a, b, mode);
    if (!*field)
        x->oom = true;
}

/* ---- separators ------------------------------------------------------ */

/* A '.' after a single capital that belongs to initials ("J. A.", "U.S."). */
static bool is_initial_dot(const ctext *t, size_t i, size_t lo)
{
    if (i == lo || !is_upper(t->cp[i - 1]))
        return false;
    if (i - 1 > lo && is_alpha(t->cp[i - 2]))
        return false;
    if (i - 1 > lo && t->cp[i - 2] == '.')
        return true;
    size_t j = skip_sp(t, i + 1, t->n);
    if (at(t, j) == ',')
        return true;
    return is_upper(at(t, j)) && in_set(at(t, j + 1), ".,");
}

/* Is position i a field separator ('.', '．', '。' ending an element)? */
static bool is_sep(const ctext *t, size_t i, size_t lo)
{
    if (i >= t->n || t->cp[i] != '.')
        return false;
    if (t->raw[i] != '.')
        return true;
    uint32_t p = i > lo ? t->cp[i - 1] : 0, q = at(t, i + 1);
    if (is_digit(p) && is_digit(q))
        return false;
    if (is_alpha(p) && is_alpha(q)) /* "U.S", "e.g" stay; "X Y.Damage", "et al.Effect" split */
        return is_upper(q) && at(t, i + 2) >= 'a' && at(t, i + 2) <= 'z' &&
               ((is_upper(p) && (i - 1 == lo || !is_alpha(t->cp[i - 2]))) ||
                (i >= lo + 5 && match_at(t, i - 5, "et al")));
    if (in_set(q, ",:;)/"))
        return false;
    return !is_initial_dot(t, i, lo);
}

static size_t first_sep(const ctext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_sep(t, i, a))
            return i;
    return NONE;
}

static size_t last_sep(const ctext *t, size_t a, size_t b)
{
    for (size_t i = b; i > a; i--)
        if (is_sep(t, i - 1, a))
            return i - 1;
    return NONE;
}

/* ---- labels, URL and DOI --------------------------------------------- */

static const char *const LABELS[] = {
    "本文引用格式",
    "引用本文格式",
    "引用格式",
    "引文格式",
    "引用本文",
    "参考文献",
    "citation format",
    "to cite this article",
    "how to cite this article",
    "cite this article",
    "how to cite",
    "citation",
    "reference",
    NULL,
};

/* Match label at i ignoring spaces in the text. \return the index after it or NONE. */
static size_t match_label(const ctext *t, size_t i, const char *label)
{
    size_t len = strlen(label);
    for (size_t k = 0; k < len;) {
        uint32_t want;
        k += folio_utf8_decode(label + k, len - k, &want);
        if (want == ' ')
            continue;
        i = skip_sp(t, i, t->n);
        if (i >= t->n || lower(t->cp[i]) != want)
            return NONE;
        i++;
    }
    return i;
}

static size_t skip_label(const ctext *t)
{
    size_t i = skip_sp(t, 0, t->n);
    for (size_t k = 0; LABELS[k]; k++) {
        size_t e = match_label(t, i, LABELS[k]);
        if (e == NONE)
            continue;
        e = skip_sp(t, e, t->n);
        bool latin = (unsigned char)LABELS[k][0] < 0x80;
        if (at(t, e) == ':')
            return skip_sp(t, e + 1, t->n);
        if (!latin)
            return e;
    }
    return i;
}

/* "[12] " or "12. " numbering in front of a reference. */
static size_t skip_number(const ctext *t, size_t i)
{
    size_t j = i + (at(t, i) == '[' ? 1 : 0), d = j;
    while (d < j + 4 && is_digit(at(t, d)))
        d++;
    if (d == j || is_digit(at(t, d)))
        return i;
    if (j > i && at(t, d) == ']')
        return skip_sp(t, d + 1, t->n);
    if (j == i && at(t, d) == '.' && !is_digit(at(t, d + 1)))
        return skip_sp(t, d + 1, t->n);
    return i;
}

static bool url_start(const ctext *t, size_t i)
{
    if (i > 0 && (is_alnum(t->cp[i - 1]) || t->cp[i - 1] == '/'))
        return false;
    return match_at(t, i, "http://") || match_at(t, i, "https://") || match_at(t, i, "ftp://") ||
           match_at(t, i, "www.");
}

static size_t url_end(const ctext *t, size_t i)
{
    while (i < t->n && t->cp[i] > ' ' && t->cp[i] < 0x7F)
        i++;
    return i;
}

/* Copy folded [a, b) without spaces, minus trailing ".,;". */
static char *ident(cparse *x, size_t a, size_t b)
{
    while (b > a && in_set(x->t.cp[b - 1], ".,;"))
        b--;
    if (a >= b)
        return NULL;
    char *s = slice(&x->t, a, b, SL_FOLD | SL_NOSPACE);
    if (!s)
        x->oom = true;
    return s;
}

static void take_urls(cparse *x)
{
    ctext *t = &x->t;
    for (size_t i = 0, rounds = 0; i < t->n && rounds < 8; i++) {
        if (!url_start(t, i))
            continue;
        size_t e = url_end(t, i);
        char *u = ident(x, i, e);
        char *d = u ? strstr(u, "doi.org/10.") : NULL;
        if (d && !x->c->doi) {
            x->c->doi = folio_strdup(d + 8);
            x->oom |= !x->c->doi;
        } else if (u && !x->c->url) {
            x->c->url = u;
            u = NULL;
        }
        free(u);
        ctext_erase(t, i, e);
        rounds++;
    }
}

/* "10." + 4-9 digits + "/", spaces tolerated. \return index after "/" or NONE. */
static size_t doi_prefix(const ctext *t, size_t i)
{
    if (at(t, i) != '1' || at(t, i + 1) != '0')
        return NONE;
    if (i > 0 && (is_alnum(t->cp[i - 1]) || t->cp[i - 1] == '.' || t->cp[i - 1] == '-'))
        return NONE;
    size_t j = skip_sp(t, i + 2, t->n);
    if (at(t, j) != '.')
        return NONE;
    size_t d = skip_sp(t, j + 1, t->n), e = d;
    while (e < t->n && e < d + 10 && is_digit(t->cp[e]))
        e++;
    if (e - d < 4 || e - d > 9)
        return NONE;
    e = skip_sp(t, e, t->n);
    return at(t, e) == '/' ? e + 1 : NONE;
}

/* Start of "DOI:" (or "doi ", "D0I：") right before i, else i. */
static size_t doi_label(const ctext *t, size_t i)
{
    size_t k = i;
    while (k > 0 && (t->cp[k - 1] == ' ' || t->cp[k - 1] == ':'))
        k--;
    if (k >= 3 && lower(t->cp[k - 3]) == 'd' && in_set(lower(t->cp[k - 2]), "o0") &&
        in_set(lower(t->cp[k - 1]), "il1"))
        return k - 3;
    return i;
}

static bool doi_char(uint32_t c)
{
    return c > ' ' && c < 0x7F;
}

/* Does the token [a, b) continue a DOI broken by an OCR space? */
static bool doi_continues(const ctext *t, size_t prev_end, size_t a, size_t b)
{
    if (match_at(t, a, "http") || match_at(t, a, "www") || find_cp(t, a, b, ':') != NONE)
        return false;
    if (in_set(t->cp[prev_end - 1], "./-_") || in_set(t->cp[a], "./-_"))
        return true;
    return find_cp(t, a, b, '.') != NONE && is_alnum(t->cp[a]);
}

/* End of a DOI whose "10.xxxx/" prefix ends at after_prefix; later tokens join while they look like
 * DOI pieces. */
static size_t doi_end(const ctext *t, size_t after_prefix)
{
    size_t e = after_prefix;
    while (e < t->n && doi_char(t->cp[e]))
        e++;
    for (int guard = 0; guard < 16; guard++) {
        size_t a = skip_sp(t, e, t->n);
        if (a == e || a >= t->n)
            break;
        size_t b = a;
        while (b < t->n && doi_char(t->cp[b]))
            b++;
        if (b == a || !doi_continues(t, e, a, b))
            break;
        e = b;
    }
    return e;
}

/* The 2025 revision's "CSTR: 32136.14.xxx" identifier: not part of the contract, dropped. */
static void drop_cstr(ctext *t)
{
    for (size_t i = 0; i + 4 < t->n; i++) {
        if (!match_at(t, i, "cstr") || (i > 0 && is_alnum(t->cp[i - 1])))
            continue;
        size_t e = skip_sp(t, i + 4, t->n);
        if (at(t, e) != ':')
            continue;
        e = skip_sp(t, e + 1, t->n);
        while (e < t->n && doi_char(t->cp[e]))
            e++;
        ctext_erase(t, i, e);
    }
}

static void take_dois(cparse *x)
{
    ctext *t = &x->t;
    size_t i = 0, rounds = 0;
    while (i < t->n && rounds < 4) {
        size_t p = doi_prefix(t, i);
        if (p == NONE) {
            i++;
            continue;
        }
        size_t e = doi_end(t, p), s = doi_label(t, i);
        if (!x->c->doi)
            x->c->doi = ident(x, i, e);
        ctext_erase(t, s, e);
        i = s;
        rounds++;
    }
}

/* ---- type code ------------------------------------------------------- */

static const char *const CODES[] = {"EB", "DB", "CP", "DS", "CM", "J", "M", "C", "D",
                                    "R",  "S",  "P",  "N",  "G",  "Z", "A", "K", NULL};

/* "/OL" (or /CD, /DK, /MT) after a code at s; appended to out. \return index after it or NONE. */
static size_t read_carrier(const ctext *t, size_t s, size_t hi, char out[8])
{
    static const char CARRIERS[][3] = {"OL", "CD", "DK", "MT"};
    if (s >= hi || t->cp[s] != '/')
        return NONE;
    size_t c = skip_sp(t, s + 1, hi);
    if (c + 1 >= hi)
        return NONE;
    uint32_t a = t->cp[c] == '0' ? 'O' : t->cp[c] & ~0x20u, b = t->cp[c + 1] & ~0x20u;
    for (size_t k = 0; k < sizeof CARRIERS / sizeof CARRIERS[0]; k++) {
        if (a != (uint32_t)CARRIERS[k][0] || b != (uint32_t)CARRIERS[k][1])
            continue;
        size_t n = strlen(out);
        out[n] = '/';
        memcpy(out + n + 1, CARRIERS[k], 3);
        return c + 2;
    }
    return NONE;
}

/* Read a type code at i ("J", "EB/OL"...) into out. \return index after it or NONE. */
static size_t read_code(const ctext *t, size_t i, size_t hi, bool lower_ok, char out[8])
{
    size_t e = i;
    char code[4] = {0};
    while (e < hi && e - i < 3 && (is_upper(t->cp[e]) || (lower_ok && is_alpha(t->cp[e])))) {
        code[e - i] = (char)(t->cp[e] - (is_upper(t->cp[e]) ? 0 : 32));
        e++;
    }
    if (e == i || (e < hi && is_alpha(t->cp[e])))
        return NONE;
    bool known = false;
    for (size_t k = 0; CODES[k] && !known; k++)
        known = strcmp(code, CODES[k]) == 0;
    if (!known)
        return NONE;
    memcpy(out, code, sizeof code);
    size_t c = read_carrier(t, skip_sp(t, e, hi), hi, out);
    return c == NONE ? e : c;
}

typedef struct code_hit {
    size_t a, b; /* the code with its brackets */
    char type[8];
} code_hit;

/* Both brackets present (one may be misread as a parenthesis or brace). */
static bool code_full(const ctext *t, size_t i, size_t hi, code_hit *h)
{
    if (!in_set(at(t, i), "[({"))
        return false;
    size_t e = read_code(t, skip_sp(t, i + 1, hi), hi, true, h->type);
    if (e == NONE)
        return false;
    e = skip_sp(t, e, hi);
    if (e >= hi)
        return false;
    /* OCR reads "]" as "1" or "|": accept them before a separator */
    bool lookalike =
        t->cp[i] == '[' && in_set(t->cp[e], "1|") && (e + 1 >= hi || in_set(t->cp[e + 1], " .,"));
    if (!lookalike && !in_set(t->cp[e], "])}"))
        return false;
    if (t->cp[i] != '[' && t->cp[e] != ']')
        return false;
    h->a = i;
    h->b = e + 1;
    return true;
}

/* One bracket lost: "[J." or "J]." */
static bool code_partial(const ctext *t, size_t i, size_t lo, size_t hi, code_hit *h)
{
    if (t->cp[i] == '[') {
        size_t e = read_code(t, skip_sp(t, i + 1, hi), hi, false, h->type);
        if (e == NONE || (e < hi && !in_set(t->cp[e], " .,/")))
            return false;
        h->a = i;
        h->b = e;
        return true;
    }
    if (!is_upper(t->cp[i]) || (i > lo && (is_alnum(t->cp[i - 1]) || t->cp[i - 1] == '/')))
        return false;
    size_t e = read_code(t, i, hi, false, h->type);
    if (e == NONE || at(t, e) != ']' || e >= hi)
        return false;
    h->a = i;
    h->b = e + 1;
    return true;
}

static bool find_code(const ctext *t, size_t lo, size_t hi, code_hit *out)
{
    code_hit part = {NONE, NONE, ""}, h;
    for (size_t i = lo; i < hi; i++) {
        if (code_full(t, i, hi, &h)) {
            *out = h;
            return true;
        }
        if (part.a == NONE && code_partial(t, i, lo, hi, &h))
            part = h;
    }
    *out = part;
    return part.a != NONE;
}

/* ---- authors --------------------------------------------------------- */

static bool year_at(const ctext *t, size_t i, size_t lo, size_t hi);
static int year_value(const ctext *t, size_t i);

static bool all_han(const ctext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!folio_is_han(t->cp[i]))
            return false;
    return a < b;
}

static bool push_author(cparse *x, char *name)
{
    folio_citation *c = x->c;
    if (!name) {
        x->oom = true;
        return false;
    }
    char **v = c->n_authors < CITE_MAX_AUTHORS
                   ? realloc(c->authors, (c->n_authors + 1) * sizeof(char *))
                   : NULL;
    if (!v) {
        x->oom |= c->n_authors < CITE_MAX_AUTHORS;
        free(name);
        return false;
    }
    c->authors = v;
    c->authors[c->n_authors++] = name;
    return true;
}

/* "Jr", "Inc." and the like join the previous name: "PEEBLES P Z, Jr". */
static bool join_suffix(cparse *x, size_t a, size_t b)
{
    static const char *const SUFFIX[] = {"jr", "sr", "inc", "ltd", "co", "ii", "iii", NULL};
    folio_citation *c = x->c;
    if (c->n_authors == 0)
        return false;
    if (b > a && x->t.cp[b - 1] == '.')
        b--;
    for (size_t k = 0; SUFFIX[k]; k++) {
        if (strlen(SUFFIX[k]) != b - a || !match_at(&x->t, a, SUFFIX[k]))
            continue;
        folio_buf nb = FOLIO_BUF_INIT;
        folio_buf_printf(&nb, "%s, ", c->authors[c->n_authors - 1]);
        char *sfx = slice(&x->t, a, b, SL_RAW);
        folio_buf_puts(&nb, sfx);
        free(sfx);
        char *joined = folio_buf_take(&nb);
        if (!joined) {
            x->oom = true;
            return true;
        }
        free(c->authors[c->n_authors - 1]);
        c->authors[c->n_authors - 1] = joined;
        return true;
    }
    return false;
}

/* Strip "et al" / "等" from [a, *b); \return true when it was the whole token. */
static bool strip_et_al(cparse *x, size_t a, size_t *b)
{
    const ctext *t = &x->t;
    size_t e = *b;
    if (e > a && t->cp[e - 1] == '.')
        e--;
    if (e >= a + 5 && match_at(t, e - 5, "et al") && (e == a + 5 || t->cp[e - 6] == ' ')) {
        x->c->et_al = true;
        *b = e - 5;
        return e == a + 5;
    }
    if (e > a && t->cp[e - 1] == 0x7B49 /* 等 */) {
        size_t s = e - 1;
        while (s > a && t->cp[s - 1] == 0x7B49)
            s--;
        if (s == a || (all_han(t, a, s) && s - a >= 2) || t->cp[s - 1] == ' ') {
            x->c->et_al = true;
            *b = s;
            return s == a;
        }
    }
    return false;
}

/* Split a space-separated run of Chinese names ("蒲清平 马睿") when every part is 2-4 Han. */
static bool split_han_names(cparse *x, size_t a, size_t b)
{
    const ctext *t = &x->t;
    size_t parts = 0;
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && t->cp[e] != ' ')
            e++;
        if (e - i < 2 || e - i > 4 || !all_han(t, i, e))
            return false;
        parts++;
        i = skip_sp(t, e, b);
    }
    if (parts < 2)
        return false;
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && t->cp[e] != ' ')
            e++;
        push_author(x, slice(t, i, e, SL_RAW));
        i = skip_sp(t, e, b);
    }
    return true;
}

/* The author-year system prints the year as the last list item: "蒲清平, 马睿, 2024." */
static bool take_list_year(cparse *x, size_t a, size_t b)
{
    const ctext *t = &x->t;
    if (b - a < 4 || b - a > 5 || !year_at(t, a, a, a + 4) ||
        (b - a == 5 && !is_alpha(t->cp[a + 4])))
        return false;
    if (!x->c->year)
        x->c->year = year_value(t, a);
    return true;
}

static void add_author(cparse *x, size_t a, size_t b)
{
    trim(&x->t, &a, &b, "");
    if (a >= b || take_list_year(x, a, b) || strip_et_al(x, a, &b))
        return;
    trim(&x->t, &a, &b, "");
    if (a >= b || join_suffix(x, a, b) || split_han_names(x, a, b))
        return;
    push_author(x, slice(&x->t, a, b, SL_HANJOIN));
}

static void parse_authors(cparse *x, size_t a, size_t b)
{
    size_t s = a;
    for (size_t i = a; i <= b && i <= x->t.n; i++) {
        uint32_t c = i < b ? x->t.cp[i] : ',';
        if (c == ',' || c == ';' || c == 0x3001 /* 、 */) {
            add_author(x, s, i);
            s = i + 1;
        }
    }
}

/* ---- year, volume, issue, pages -------------------------------------- */

/* Y_STOP: a year after a full stop OCR read for the comma, a volume after it ("Computers. 2023,
 * 46(5)"). */
enum ymode { Y_TAIL, Y_COMMA, Y_ANY, Y_STOP };

static bool year_at(const ctext *t, size_t i, size_t lo, size_t hi)
{
    if (i + 4 > hi || (i > lo && is_digit(t->cp[i - 1])) || (i + 4 < hi && is_digit(t->cp[i + 4])))
        return false;
    for (size_t k = 0; k < 4; k++)
        if (!is_digit(t->cp[i + k]))
            return false;
    return t->cp[i] == '1' || (t->cp[i] == '2' && t->cp[i + 1] == '0');
}

static int year_value(const ctext *t, size_t i)
{
    int v = 0;
    for (size_t k = 0; k < 4; k++)
        v = v * 10 + (int)(t->cp[i + k] - '0');
    return v;
}

/* ", 46(5)" at i: a comma, then a volume and its issue. */
static bool volume_follows(const ctext *t, size_t i, size_t hi)
{
    size_t j = skip_sp(t, i, hi);
    if (j >= hi || t->cp[j] != ',')
        return false;
    size_t d = j = skip_sp(t, j + 1, hi);
    while (d < hi && is_digit(t->cp[d]))
        d++;
    return d > j && d < hi && t->cp[d] == '(';
}

/* Find the publication year in [lo, hi). \return its index or NONE. */
static size_t find_year(const ctext *t, size_t lo, size_t hi, enum ymode mode)
{
    size_t weak = NONE;
    for (size_t i = lo; i + 4 <= hi; i++) {
        if (!year_at(t, i, lo, hi))
            continue;
        size_t p = i;
        while (p > lo && t->cp[p - 1] == ' ')
            p--;
        uint32_t prev = p > lo ? t->cp[p - 1] : 0;
        uint32_t next = at(t, skip_sp(t, i + 4, hi));
        bool next_ok =
            skip_sp(t, i + 4, hi) >= hi || in_set(next, ",(:.;-)[") || next == 0x5E74 /* 年 */;
        if (!next_ok || prev == '[')
            continue;
        bool strong = mode == Y_COMMA  ? prev == ','
                      : mode == Y_STOP ? prev == '.' && volume_follows(t, i + 4, hi)
                                       : (prev == 0 || prev == ',' || prev == '(');
        if (strong)
            return i;
        if (weak == NONE && mode != Y_COMMA && mode != Y_STOP)
            weak = i;
    }
    return weak;
}

/* Start of the ", " or "(" run in front of the year at yi. */
static size_t year_lead(const ctext *t, size_t lo, size_t yi)
{
    size_t p = yi;
    while (p > lo && t->cp[p - 1] == ' ')
        p--;
    if (p > lo && in_set(t->cp[p - 1], ",("))
        p--;
    return p;
}

/* "2000-11-20" or "2000-11" at i. \return index after it or NONE. */
static size_t date_at(const ctext *t, size_t i, size_t hi)
{
    if (!year_at(t, i, i, hi) || at(t, i + 4) != '-')
        return NONE;
    size_t e = i + 5, parts = 0;
    while (parts < 2 && e < hi && is_digit(t->cp[e])) {
        size_t d = e;
        while (d < hi && d < e + 2 && is_digit(t->cp[d]))
            d++;
        e = d;
        parts++;
        if (parts == 2 || at(t, e) != '-' || e + 1 >= hi || !is_digit(t->cp[e + 1]))
            break;
        e++;
    }
    return parts ? e : NONE;
}

static void set_date(cparse *x, size_t a, size_t b)
{
    set_span(x, &x->c->date, a, b, SL_FOLD | SL_NOSPACE, "");
}

/* Dates printed in "(...)" or "[...]" anywhere in [i, hi). */
static void scan_dates(cparse *x, size_t i, size_t hi)
{
    for (; i < hi && !x->c->date; i++) {
        if (!in_set(x->t.cp[i], "(["))
            continue;
        size_t d = skip_sp(&x->t, i + 1, hi), e = date_at(&x->t, d, hi);
        if (e != NONE)
            set_date(x, d, e);
    }
}

/* Read up to one of stop (or a separator) within max characters. */
static size_t read_until(const ctext *t, size_t i, size_t hi, const char *stop, size_t max)
{
    size_t e = i;
    while (e < hi && e < i + max && !in_set(t->cp[e], stop) && !is_sep(t, e, i))
        e++;
    return e;
}

static bool has_digit(const ctext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_digit(t->cp[i]))
            return true;
    return false;
}

static bool page_char(const ctext *t, size_t i)
{
    uint32_t c = t->cp[i];
    if (is_alnum(c) || in_set(c, "-+~,"))
        return true;
    if (c == '.')
        return i > 0 && is_digit(t->cp[i - 1]) && is_digit(at(t, i + 1));
    return false;
}

/* Pages at i: "37-48", "e012345", "1.1-1.36", OCR spaces around dashes allowed. */
static size_t read_pages(cparse *x, size_t i, size_t hi)
{
    const ctext *t = &x->t;
    size_t a = skip_sp(t, i, hi), e = a;
    while (e < hi && e < a + 40) {
        if (page_char(t, e)) {
            e++;
            continue;
        }
        size_t s = skip_sp(t, e, hi);
        if (t->cp[e] != ' ' || s >= hi || s == e)
            break;
        if (!in_set(t->cp[e - 1], "-+~,") && !in_set(t->cp[s], "-+~"))
            break;
        e = s;
    }
    size_t b = e;
    trim(t, &a, &b, ",-+~");
    if (b > a && has_digit(t, a, b))
        set_span(x, &x->c->pages, a, b, SL_FOLD | SL_NOSPACE, "");
    return e;
}

static bool issue_ok(const ctext *t, size_t a, size_t b)
{
    if (a >= b || b - a > 12)
        return false;
    for (size_t i = a; i < b; i++)
        if (is_alnum(t->cp[i]) || t->cp[i] == 0x589E /* 增 */)
            return true;
    return false;
}

/* ", 30(4): 37-48" after the year of a journal. \return index after it. */
static size_t read_vol_issue(cparse *x, size_t j, size_t hi)
{
    const ctext *t = &x->t;
    if (at(t, j) == ',') {
        j = skip_sp(t, j + 1, hi);
        size_t e = read_until(t, j, hi, "(:,[", 17);
        size_t a = j, b = e;
        trim(t, &a, &b, "");
        if (a < b && b - a <= 16 && has_digit(t, a, b))
            set_span(x, &x->c->volume, a, b, SL_FOLD | SL_NOSPACE, "");
        j = skip_sp(t, e, hi);
    }
    if (at(t, j) == '(' && j < hi) {
        size_t e = read_until(t, j + 1, hi, "):", 14);
        if (issue_ok(t, j + 1, e))
            set_span(x, &x->c->issue, j + 1, e, SL_FOLD | SL_NOSPACE, "");
        j = skip_sp(t, at(t, e) == ')' ? e + 1 : e, hi);
    }
    return j;
}

/* "第2期", "第30卷", "第134-149页" in [lo, hi). */
static void scan_cn_numbers(cparse *x, size_t lo, size_t hi)
{
    const ctext *t = &x->t;
    for (size_t i = lo; i < hi; i++) {
        if (t->cp[i] != 0x7B2C /* 第 */)
            continue;
        for (size_t k = i + 1; k < hi && k < i + 20; k++) {
            char **f = t->cp[k] == 0x5377   ? &x->c->volume /* 卷 */
                       : t->cp[k] == 0x671F ? &x->c->issue  /* 期 */
                       : t->cp[k] == 0x9875 ? &x->c->pages  /* 页 */
                                            : NULL;
            if (!f)
                continue;
            set_span(x, f, i + 1, k, SL_FOLD | SL_NOSPACE, "");
            i = k;
            break;
        }
    }
}

/* ", 30(4): 37-48" (journal) or ": 29" (book) at j, then any bracketed dates. */
static void parse_numbers(cparse *x, size_t j, size_t hi, bool journal)
{
    const ctext *t = &x->t;
    j = skip_sp(t, j, hi);
    if (journal)
        j = read_vol_issue(x, j, hi);
    if (at(t, j) == ':' && j < hi)
        j = read_pages(x, j + 1, hi);
    scan_dates(x, j, hi);
}

/* Where the numbers start when the year was printed after the authors (author-year
 * system): "中国图书馆学报(2): 24-29", "科学通报, 57(34): 3219", "出版社: 16". */
static size_t numbers_start(const ctext *t, size_t a, size_t b, bool book)
{
    for (size_t i = a; i < b; i++) {
        uint32_t next = at(t, skip_sp(t, i + 1, b));
        if (t->cp[i] == (book ? ':' : ',') && (is_digit(next) || (!book && next == '(')))
            return i;
        if (!book && t->cp[i] == '(' && is_digit(next) && i > a && t->cp[i - 1] != ' ') {
            size_t e = read_until(t, i + 1, b, ")", 12);
            if (at(t, skip_sp(t, e + 1, b)) == ':')
                return i;
        }
    }
    return b;
}

/* Everything after the year at yi: date, volume, issue, pages, access date. */
static void parse_after_year(cparse *x, size_t yi, size_t hi, bool journal)
{
    const ctext *t = &x->t;
    x->c->year = year_value(t, yi);
    size_t j = skip_sp(t, yi + 4, hi), d = date_at(t, yi, hi);
    if (d != NONE) {
        set_date(x, yi, d);
        j = skip_sp(t, d, hi);
        if (at(t, j) == '(' && j < hi) {
            size_t e = read_until(t, j + 1, hi, ")", 12);
            if (at(t, e) == ')' && has_digit(t, j + 1, e))
                read_pages(x, j + 1, e);
        }
    } else if (at(t, j) == 0x5E74 /* 年 */) {
        scan_cn_numbers(x, j, hi);
        size_t colon = find_cp(t, j, hi, ':');
        if (colon != NONE)
            j = read_pages(x, colon + 1, hi);
    } else {
        parse_numbers(x, j, hi, journal);
        return;
    }
    scan_dates(x, j, hi);
}

/* ---- the publication part -------------------------------------------- */

static bool book_type(const char *type)
{
    return type && strchr("MCDRSGAKZ", type[0]) && strncmp(type, "DB", 2) != 0 &&
           strncmp(type, "CP", 2) != 0 && strncmp(type, "CM", 2) != 0;
}

/* "北京: 科学出版社" in [a, b): place before the first colon, publisher after. */
static void parse_place_pub(cparse *x, size_t a, size_t b)
{
    size_t colon = find_cp(&x->t, a, b, ':');
    if (colon != NONE) {
        set_span(x, &x->c->place, a, colon, SL_RAW, ",");
        a = colon + 1;
    }
    set_span(x, &x->c->journal, a, b, SL_RAW, ",.");
}

/* Book-like publication part: "[2版. ]北京: 科学出版社" or, after "//",
 * "editor. container. place: publisher". The place is the segment holding the
 * last colon; the publisher runs from that colon to the end ("A. A. Balkema"). */
static void parse_book_pub(cparse *x, size_t a, size_t b, bool analytic)
{
    size_t seg[16][2], n = 0, s = a, pi = NONE;
    for (size_t i = a; i <= b && n < 16; i++) {
        if (i == b || is_sep(&x->t, i, a)) {
            size_t p = s, q = i;
            trim(&x->t, &p, &q, "");
            if (p < q) {
                pi = find_cp(&x->t, p, q, ':') != NONE ? n : pi;
                seg[n][0] = p;
                seg[n++][1] = q;
            }
            s = i + 1;
        }
    }
    if (n == 0)
        return;
    size_t last = pi == NONE ? n - 1 : pi;
    if (analytic && last >= 1)
        set_span(x, &x->c->journal, seg[last >= 2][0], seg[last >= 2][1], SL_RAW, ",");
    if (pi != NONE) {
        size_t colon = find_cp(&x->t, seg[pi][0], seg[pi][1], ':');
        set_span(x, &x->c->place, seg[pi][0], colon, SL_RAW, ",");
        set_span(x, &x->c->journal, colon + 1, b, SL_RAW, ",");
    } else if (!analytic || n == 1) {
        set_span(x, &x->c->journal, seg[n - 1][0], seg[n - 1][1], SL_RAW, ",");
    }
}

/* First "(2001-12-19)" or "[2002-04-15]" in [a, b), or b. */
static size_t first_bracket_date(const ctext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (in_set(t->cp[i], "([") && date_at(t, skip_sp(t, i + 1, b), b) != NONE)
            return i;
    return b;
}

/* The part after the type code: "重庆大学学报, 2024, 30(4): 37-48". */
static void parse_tail(cparse *x, size_t a, size_t b, const char *type)
{
    const ctext *t = &x->t;
    trim(t, &a, &b, ".,");
    bool analytic = at(t, a) == '/' && at(t, a + 1) == '/' && a + 1 < b;
    if (analytic)
        a = skip_sp(t, a + 2, b);
    bool book = book_type(type) || analytic;
    size_t yi = find_year(t, a, b, Y_TAIL), pub_end;
    if (yi != NONE)
        pub_end = year_lead(t, a, yi);
    else if (x->c->year)
        pub_end = numbers_start(t, a, first_bracket_date(t, a, b), book);
    else
        pub_end = first_bracket_date(t, a, b);
    if (book)
        parse_book_pub(x, a, pub_end, analytic);
    else
        set_span(x, &x->c->journal, a, pub_end, SL_RAW, ",.");
    if (yi != NONE)
        parse_after_year(x, yi, b, !book);
    else
        parse_numbers(x, pub_end, b, !book);
}

/* ---- the three citation forms ---------------------------------------- */

/* "authors. title[J]. tail" */
static void parse_coded(cparse *x, const code_hit *h, size_t b)
{
    const ctext *t = &x->t;
    x->c->type = folio_strdup(h->type);
    x->oom |= !x->c->type;
    size_t s = first_sep(t, 0, h->a);
    if (s != NONE) {
        parse_authors(x, 0, s);
        set_span(x, &x->c->title, s + 1, h->a, SL_RAW, ".");
    } else {
        set_span(x, &x->c->title, 0, h->a, SL_RAW, ".");
    }
    parse_tail(x, h->b, b, x->c->type);
}

/* Position of the 》 closing the 《 at k (nesting allowed), or NONE. */
static size_t book_close(const ctext *t, size_t k, size_t b)
{
    int depth = 0;
    for (size_t i = k; i < b; i++) {
        if (t->cp[i] == 0x300A)
            depth++;
        else if (t->cp[i] == 0x300B && --depth == 0)
            return i;
    }
    return NONE;
}

/* Drop a role word after the names: "王利明主编：", "张三等著：" (等 is handled later). */
static size_t strip_role(const ctext *t, size_t a, size_t b)
{
    static const uint32_t ROLES[][2] = {{0x4E3B, 0x7F16} /* 主编 */,
                                        {0x7F16, 0x8457} /* 编著 */,
                                        {0x8457, 0} /* 著 */,
                                        {0x7F16, 0} /* 编 */,
                                        {0x8BD1, 0} /* 译 */};
    trim(t, &a, &b, ":,");
    for (size_t r = 0; r < sizeof ROLES / sizeof ROLES[0]; r++) {
        size_t len = ROLES[r][1] ? 2 : 1;
        if (b - a < len + 2)
            continue;
        if (t->cp[b - len] == ROLES[r][0] && (len == 1 || t->cp[b - 1] == ROLES[r][1]))
            return b - len;
    }
    return b;
}

/* "作者：《题名》，《刊名》2023年第2期，第134-149页。" and the book form
 * "作者：《书名》，北京：出版社，2020年，第12页。" */
static void parse_cn_style(cparse *x, size_t k, size_t b)
{
    const ctext *t = &x->t;
    parse_authors(x, 0, strip_role(t, 0, k));
    size_t close = book_close(t, k, b);
    set_span(x, &x->c->title, k + 1, close == NONE ? b : close, SL_RAW, "");
    if (close == NONE)
        return;
    size_t j = close + 1;
    while (j < b && (in_set(t->cp[j], " ,.") || t->cp[j] == 0x3001 || t->cp[j] == 0x8F7D /* 载 */))
        j++;
    if (at(t, j) == 0x300A) {
        size_t jc = book_close(t, j, b);
        set_span(x, &x->c->journal, j + 1, jc == NONE ? b : jc, SL_RAW, "");
        j = jc == NONE ? b : jc + 1;
    }
    size_t yi = find_year(t, j, b, Y_ANY);
    if (!x->c->journal) {
        size_t end = yi == NONE ? b : year_lead(t, j, yi), colon = NONE;
        for (size_t i = j; i < end; i++)
            colon = t->cp[i] == ':' ? i : colon;
        if (colon != NONE) {
            size_t p = colon;
            while (p > j && !in_set(t->cp[p - 1], ",") && t->cp[p - 1] != 0x3001)
                p--;
            parse_place_pub(x, p, end);
        }
    }
    if (yi != NONE)
        parse_after_year(x, yi, b, x->c->journal != NULL);
    scan_cn_numbers(x, j, b);
}

/* No type code: "authors. title. journal, 2023, 46(5): 988-1001". */
static void parse_plain(cparse *x, size_t b)
{
    const ctext *t = &x->t;
    size_t s = first_sep(t, 0, b), yi = find_year(t, 0, b, Y_COMMA);
    bool stop = yi == NONE && (yi = find_year(t, 0, b, Y_STOP)) != NONE;
    if (s != NONE && yi != NONE && s > yi)
        s = NONE;
    size_t body = s == NONE ? 0 : s + 1;
    if (s != NONE)
        parse_authors(x, 0, s);
    if (yi == NONE) {
        set_span(x, &x->c->title, body, b, SL_RAW, ".");
        return;
    }
    size_t lead = year_lead(t, body, yi), dot = stop ? last_sep(t, body, yi) : NONE;
    if (dot != NONE) /* the full stop before the year ends the journal */
        lead = dot;
    size_t p = last_sep(t, body, lead);
    if (p != NONE) {
        set_span(x, &x->c->title, body, p, SL_RAW, ".");
        set_span(x, &x->c->journal, p + 1, lead, SL_RAW, ",.");
    } else {
        set_span(x, &x->c->journal, body, lead, SL_RAW, ",.");
    }
    parse_after_year(x, yi, b, true);
}

static bool plausible(const folio_citation *c)
{
    bool what = c->title || c->journal;
    bool where = c->year || c->type || c->doi || c->url;
    return what && where;
}

/* Label, numbering, URL and DOI out; trailing punctuation off. \return the body's end. */
static size_t prepare(cparse *x)
{
    ctext *t = &x->t;
    size_t a = skip_label(t);
    a = skip_number(t, a);
    ctext_erase(t, 0, a);
    take_urls(x);
    drop_cstr(t);
    take_dois(x);
    size_t lo = 0, b = t->n;
    trim(t, &lo, &b, ".,;");
    return b;
}

folio_citation *folio_citation_parse(const char *text)
{
    cparse x = {{NULL, NULL, 0}, NULL, false};
    size_t len = text ? strnlen(text, CITE_MAX_BYTES + 1) : 0;
    if (len == 0 || len > CITE_MAX_BYTES)
        return NULL;
    x.c = calloc(1, sizeof(folio_citation));
    if (!x.c || ctext_init(&x.t, text, len) < 0) {
        x.oom = true;
        goto done;
    }
    size_t b = prepare(&x), k;
    code_hit h;
    if (find_code(&x.t, 0, b, &h))
        parse_coded(&x, &h, b);
    else if ((k = find_cp(&x.t, 0, b, 0x300A /* 《 */)) != NONE)
        parse_cn_style(&x, k, b);
    else
        parse_plain(&x, b);
done:
    if (x.oom || (x.c && !plausible(x.c)))
        folio_citation_destroy(&x.c);
    ctext_free(&x.t);
    return x.c;
}

void folio_citation_destroy(folio_citation **pc)
{
    if (!pc || !*pc)
        return;
    folio_citation *c = *pc;
    for (size_t i = 0; i < c->n_authors; i++)
        free(c->authors[i]);
    free(c->authors);
    free(c->title);
    free(c->type);
    free(c->journal);
    free(c->place);
    free(c->volume);
    free(c->issue);
    free(c->pages);
    free(c->doi);
    free(c->url);
    free(c->date);
    free(c);
    *pc = NULL;
}
