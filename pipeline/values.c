/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Value cleaning for the fields stage (see values.h). Works on decoded code
 * points (labels.h's folio_ustr) so full-width punctuation is handled like
 * ASCII; every index stays inside the decoded length.
 */
#include "values.h"

#include "labels.h"
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Copy code points [a, b) of u into a new string. */
static char *ustr_slice(const char *s, const folio_ustr *u, size_t a, size_t b)
{
    if (b <= a)
        return NULL;
    return folio_strndup(s + u->off[a], u->off[b] - u->off[a]);
}

/* Trim [*a, *b) of spaces and of the characters in `extra` (code points, 0-terminated). */
static void trim_range(const folio_ustr *u, size_t *a, size_t *b, const uint32_t *extra)
{
    for (;;) {
        bool moved = false;
        for (const uint32_t *e = extra; *a < *b && e && *e; e++)
            if (u->cp[*a] == *e)
                (*a)++, moved = true;
        while (*a < *b && folio_is_space(u->cp[*a]))
            (*a)++, moved = true;
        if (!moved)
            break;
    }
    while (*b > *a && folio_is_space(u->cp[*b - 1]))
        (*b)--;
}

char *folio_value_clean(const char *s)
{
    static const uint32_t lead[] = {':', ';', 0xFF1A, 0xFF1B, ',',  0xFF0C, 0x3001, '=',
                                    '|', '_', '~',    '`',    '\'', '-',    0};
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    size_t a = 0, b = u.n;
    trim_range(&u, &a, &b, lead);
    while (b > a && (u.cp[b - 1] == ';' || u.cp[b - 1] == 0xFF1B || u.cp[b - 1] == ',' ||
                     u.cp[b - 1] == 0xFF0C || u.cp[b - 1] == 0x3001 || u.cp[b - 1] == ' '))
        b--;
    char *out = ustr_slice(s, &u, a, b);
    folio_ustr_free(&u);
    return out;
}

/* Opening and closing parentheses, with the brackets OCR reads them as (《 for （). */
static bool is_open(uint32_t c)
{
    return c == '(' || c == 0xFF08 || c == '{' || c == '[' || c == 0x3014 || c == 0x300A ||
           c == 0x3008 || c == 0x3010;
}

static bool is_close(uint32_t c)
{
    return c == ')' || c == 0xFF09 || c == '}' || c == ']' || c == 0x3015 || c == 0x300B ||
           c == 0x3009 || c == 0x3011;
}

char *folio_value_unwrap(const char *s)
{
    char *c = folio_value_clean(s);
    folio_ustr u;
    if (!c || folio_ustr_init(&u, c))
        return c;
    size_t a = 0, b = u.n;
    if (a < b && is_open(u.cp[a])) {
        a++;
        if (b > a && is_close(u.cp[b - 1]))
            b--;
        else if (b > a + 1 && is_close(u.cp[b - 2]) && !folio_is_han(u.cp[b - 1]))
            b -= 2; /* ")." or ") ," after the closing parenthesis */
    }
    trim_range(&u, &a, &b, NULL);
    char *out = ustr_slice(c, &u, a, b);
    folio_ustr_free(&u);
    free(c);
    return out;
}

static bool doi_char(uint32_t c)
{
    return is_alpha(c) || is_digit(c) || c == '.' || c == '/' || c == '-' || c == '_' || c == '(' ||
           c == ')' || c == ':' || c == ';' || c == '<' || c == '>';
}

static bool doi_joint(uint32_t c)
{
    return is_digit(c) || c == '.' || c == '/' || c == '-';
}

/* A lone I, l or | between digits of a DOI ("1008-583 I .zs") is a 1. */
static bool lone_one(const folio_ustr *u, size_t i)
{
    uint32_t c = u->cp[i], next = i + 1 < u->n ? u->cp[i + 1] : 0;
    return (c == 'I' || c == 'l' || c == '|') && (next == ' ' || next == '.' || is_digit(next));
}

/*
 * Copy the DOI at u[i] (its "10.") to b, repairing what OCR does to one:
 * spaces inside ("2096-67 17"), "," for ".", "}" "]" "|" and a lone I for 1,
 * ")" or "," for the j of "/j.". \return the index after the DOI.
 */
static size_t doi_copy(const folio_ustr *u, size_t i, folio_buf *b)
{
    uint32_t prev = 0; /* the last code point written */
    for (; i < u->n; i++) {
        uint32_t c = u->cp[i];
        if (c == ' ') {
            size_t j = i;
            while (j < u->n && u->cp[j] == ' ')
                j++;
            bool inside = j < u->n && doi_joint(prev) &&
                          (doi_joint(u->cp[j]) || (is_digit(prev) && lone_one(u, j)));
            if (!inside)
                return i;
            i = j - 1;
            continue;
        }
        uint32_t next = i + 1 < u->n ? u->cp[i + 1] : 0;
        if ((c == ',' || c == 0xFF0C) && (is_alpha(next) || is_digit(next)))
            c = '.'; /* OCR's comma for a dot inside the DOI */
        if ((c == ')' || c == ',' || c == ';') && next == '.' && prev == '/')
            c = 'j'; /* "10.11835/).issn": a suffix never opens with ")" — OCR's j */
        else if ((c == '}' || c == ']' || c == '|') && is_digit(next))
            c = '1';
        else if (lone_one(u, i) && is_digit(prev) && !is_alpha(next))
            c = '1';
        if (!doi_char(c))
            return i;
        folio_buf_put_cp(b, c);
        prev = c;
    }
    return i;
}

/* "10." and the registrant's digits (OCR may put a space between: "10. 13227"). */
static bool doi_start(const folio_ustr *u, size_t i)
{
    if (i + 3 >= u->n || u->cp[i] != '1' || u->cp[i + 1] != '0' || u->cp[i + 2] != '.' ||
        (i > 0 && is_digit(u->cp[i - 1])))
        return false;
    size_t j = i + 3;
    while (j < u->n && j < i + 5 && u->cp[j] == ' ')
        j++;
    return j < u->n && is_digit(u->cp[j]);
}

char *folio_value_fix_doi_text(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < u.n;) {
        if (doi_start(&u, i)) {
            i = doi_copy(&u, i, &b);
            continue;
        }
        folio_buf_put_cp(&b, u.cp[i++]);
    }
    folio_ustr_free(&u);
    return folio_buf_take(&b);
}

/* Remove the ")" with no "(" before it (OCR's "j).issn"); a DOI's own parentheses pair up. */
static char *drop_unmatched(char *doi)
{
    int depth = 0;
    size_t w = 0;
    for (size_t i = 0; doi && doi[i]; i++) {
        if (doi[i] == '(')
            depth++;
        if (doi[i] == ')' && depth == 0)
            continue;
        if (doi[i] == ')')
            depth--;
        doi[w++] = doi[i];
    }
    if (doi)
        doi[w] = '\0';
    return doi;
}

/* The j.issn of Chinese journals' DOIs read as i.issn, l.issn or .issn. Takes and returns doi. */
static char *fix_issn(char *doi)
{
    char *slash = doi ? strchr(doi, '/') : NULL;
    if (!slash)
        return doi;
    if (strchr("il1", slash[1]) && slash[1] && strncmp(slash + 2, ".issn", 5) == 0)
        slash[1] = 'j';
    if (strncmp(slash + 1, ".issn", 5) != 0)
        return doi;
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_append(&b, doi, (size_t)(slash - doi) + 1);
    folio_buf_putc(&b, 'j');
    folio_buf_puts(&b, slash + 1);
    free(doi);
    return folio_buf_take(&b);
}

char *folio_value_doi(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    size_t i = 0;
    while (i < u.n && !doi_start(&u, i))
        i++;
    if (i < u.n)
        doi_copy(&u, i, &b);
    folio_ustr_free(&u);
    while (b.len > 0 && strchr(".,;:)-", b.data[b.len - 1]) &&
           !(b.data[b.len - 1] == ')' && strchr(b.data, '(')))
        b.data[--b.len] = '\0';
    if (b.len < 7 || !b.data || !strchr(b.data, '/')) {
        folio_buf_free(&b);
        return NULL;
    }
    return fix_issn(drop_unmatched(folio_buf_take(&b)));
}

int folio_value_doi_penalty(const char *doi)
{
    if (!doi)
        return 1000;
    int bad = 0, depth = 0;
    for (const char *p = doi; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bad += !(isalnum(c) || strchr("./-_()<>;:", c));
        bad += p[1] && strchr("./-", c) && strchr("./-", p[1]) && c == p[1];
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        bad += depth < 0;
        if (depth < 0)
            depth = 0;
    }
    const char *slash = strchr(doi, '/');
    return bad + depth + (!slash || !slash[1] || strchr("().", slash[1]) ? 3 : 0) +
           (strncmp(doi, "10.", 3) != 0 ? 3 : 0);
}

static bool date_sep(uint32_t c)
{
    return c == '-' || c == '/' || c == '.' || c == 0x5E74 || c == 0x6708 || c == 0xFF0D ||
           c == 0x2014 || c == 0x2013 || c == 0x2212;
}

/*
 * A date from i: YYYY-M(M)-D(D) with - / . or 年月 between, spaces allowed.
 * Written to b as printed (2022-06-18, 2021年4月30日), without the spaces.
 */
static bool date_at(const folio_ustr *u, size_t i, folio_buf *b)
{
    int parts[3] = {0}, digits[3] = {0}, p = 0;
    size_t start = i, end = i;
    for (; i < u->n; i++) {
        uint32_t c = u->cp[i];
        if (is_digit(c) && digits[p] < 4) {
            parts[p] = parts[p] * 10 + (int)(c - '0');
            digits[p]++;
            end = i + 1;
        } else if (c == ' ') {
            continue;
        } else if (p < 2 && digits[p] > 0 && date_sep(c)) {
            p++;
        } else {
            break;
        }
    }
    if (p != 2 || digits[0] != 4 || digits[1] > 2 || digits[2] < 1 || digits[2] > 2)
        return false;
    if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31)
        return false;
    if (end < u->n && u->cp[end] == 0x65E5) /* 日 */
        end++;
    for (size_t k = start; k < end; k++)
        if (u->cp[k] != ' ')
            folio_buf_put_cp(b, u->cp[k]);
    return true;
}

bool folio_value_starts_with_date(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    folio_buf b = FOLIO_BUF_INIT;
    size_t i = 0;
    while (i < u.n && folio_is_space(u.cp[i]))
        i++;
    bool ok = date_at(&u, i, &b);
    folio_buf_free(&b);
    folio_ustr_free(&u);
    return ok;
}

char *folio_value_date(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    bool found = false;
    for (size_t i = 0; i < u.n && !found; i++)
        if (is_digit(u.cp[i]) && (i == 0 || !is_digit(u.cp[i - 1])))
            found = date_at(&u, i, &b);
    size_t end = 0;
    while (end < u.n && u.cp[end] != 0xFF1B && u.cp[end] != ';')
        end++;
    size_t end_byte = u.off[end];
    folio_ustr_free(&u);
    if (found)
        return folio_buf_take(&b);
    folio_buf_free(&b);
    char *head = folio_strndup(s, end_byte);
    char *out = folio_value_clean(head);
    free(head);
    if (out && !*out) {
        free(out);
        out = NULL;
    }
    return out;
}

/* Digit-like capitals OCR puts in a class number: R587 read as RS87. */
static uint32_t digit_of(uint32_t c)
{
    switch (c) {
    case 'S':
    case 's':
        return '5';
    case 'O':
    case 'o':
        return '0';
    case 'I':
    case 'l':
        return '1';
    case 'Z':
        return '2';
    case 'B':
        return '8';
    case 'G':
        return '6';
    default:
        return c;
    }
}

/*
 * Is u[j] a digit of a class number? Only the T classes have a second
 * letter (TP, TU...), so after any other first letter a digit-like capital
 * is a misread digit.
 */
static bool clc_digit(const folio_ustr *u, size_t j)
{
    if (is_digit(u->cp[j]))
        return true;
    bool second = j > 0 && u->cp[j - 1] >= 'A' && u->cp[j - 1] <= 'Z' &&
                  (j < 2 || !(u->cp[j - 2] >= 'A' && u->cp[j - 2] <= 'Z'));
    bool lower = u->cp[j] >= 'a' && u->cp[j] <= 'z'; /* no class letter is lower case */
    bool inside = j > 0 && is_digit(u->cp[j - 1]) && lower;
    return (inside || (second && u->cp[j - 1] != 'T')) && is_digit(digit_of(u->cp[j])) &&
           j + 1 < u->n && is_digit(u->cp[j + 1]);
}

/* A CLC code at i: one or two capitals, digits, .digits or -digits groups. \return its end, or i.
 */
static size_t clc_at(const folio_ustr *u, size_t i)
{
    if (i >= u->n || u->cp[i] < 'A' || u->cp[i] > 'Z')
        return i;
    size_t j = i + 1;
    if (j < u->n && u->cp[j] >= 'A' && u->cp[j] <= 'Z' && !clc_digit(u, j))
        j++;
    if (j >= u->n || !clc_digit(u, j))
        return i;
    while (j < u->n && clc_digit(u, j))
        j++;
    while (j + 1 < u->n && strchr(".-/+:", (int)(u->cp[j] < 128 ? u->cp[j] : 1)) &&
           is_digit(u->cp[j + 1])) {
        j++;
        while (j < u->n && is_digit(u->cp[j]))
            j++;
    }
    return j;
}

/* Codes from i: code (; code)*, the separators kept as ";". */
static char *clc_list(const char *s, const folio_ustr *u, size_t i)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (;;) {
        size_t e = clc_at(u, i);
        if (e == i)
            break;
        if (b.len)
            folio_buf_putc(&b, ';');
        for (size_t k = i; k < e; k++)
            folio_buf_put_cp(&b, k > i && !is_digit(u->cp[k]) && clc_digit(u, k)
                                     ? digit_of(u->cp[k])
                                     : u->cp[k]);
        size_t j = e;
        while (j < u->n && u->cp[j] == ' ')
            j++;
        if (j >= u->n || (u->cp[j] != ';' && u->cp[j] != 0xFF1B))
            break;
        i = j + 1;
        while (i < u->n && u->cp[i] == ' ')
            i++;
    }
    if (!b.len) {
        folio_buf_free(&b);
        return NULL;
    }
    return folio_buf_take(&b);
}

char *folio_value_clc(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    size_t i = 0;
    while (i < u.n && (folio_is_space(u.cp[i]) || folio_is_label_colon(u.cp[i]) || u.cp[i] == ',' ||
                       u.cp[i] == 0xFF0C))
        i++;
    char *out = clc_list(s, &u, i);
    folio_ustr_free(&u);
    return out;
}

char *folio_value_find_clc(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    char *out = NULL;
    for (size_t i = 0; i < u.n && !out; i++)
        if (i == 0 || !is_alpha(u.cp[i - 1]))
            out = clc_list(s, &u, i);
    folio_ustr_free(&u);
    return out;
}

char *folio_value_doc_code(const char *s)
{
    for (const char *p = s; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return folio_strndup(p, 1);
    return NULL;
}

char *folio_value_find_doc_code(const char *s, const char *after)
{
    const char *p = s && after ? strstr(s, after) : NULL;
    if (!p)
        return NULL;
    for (p += strlen(after); *p && !(*p >= '0' && *p <= '9'); p++) {
        bool alone = (p == s || !isalnum((unsigned char)p[-1])) && !isalpha((unsigned char)p[1]);
        if (*p >= 'A' && *p <= 'Z' && alone)
            return folio_strndup(p, 1);
    }
    return NULL;
}

/* dddd-dddX(dddd)dd-dddd-dd from 20 digits (X allowed in 8th place). */
static char *article_shape(const char *d)
{
    char out[32];
    snprintf(out, sizeof(out), "%.4s-%.4s(%.4s)%.2s-%.4s-%.2s", d, d + 4, d + 8, d + 12, d + 14,
             d + 18);
    return folio_strdup(out);
}

char *folio_value_article_no(const char *s)
{
    char *c = folio_value_clean(s);
    if (!c)
        return NULL;
    char digits[24];
    size_t nd = 0, w = 0;
    bool other = false;
    for (size_t i = 0; c[i]; i++) {
        unsigned char ch = (unsigned char)c[i];
        if (ch == ' ')
            continue;
        if ((ch >= '0' && ch <= '9') || (ch == 'X' && nd == 7)) {
            if (nd < sizeof(digits) - 1)
                digits[nd] = (char)ch;
            nd++;
        } else if (!strchr("-().", ch)) {
            other = true;
        }
        c[w++] = (char)ch;
    }
    c[w] = '\0';
    if (nd == 20 && !other) {
        digits[20] = '\0';
        free(c);
        return article_shape(digits);
    }
    return *c ? c : (free(c), NULL);
}

/* ISSN-like dddd-ddd(d|X) then "(" at i? \return the index after "(" or 0. */
static size_t issn_paren_at(const folio_ustr *u, size_t i)
{
    for (size_t k = 0; k < 9; k++) {
        if (i + k >= u->n)
            return 0;
        uint32_t c = u->cp[i + k];
        bool ok = k == 4   ? (c == '-' || c == 0xFF0D)
                  : k == 8 ? (is_digit(c) || c == 'X')
                           : is_digit(c);
        if (!ok)
            return 0;
    }
    size_t j = i + 9;
    while (j < u->n && u->cp[j] == ' ')
        j++;
    return j < u->n && (u->cp[j] == '(' || u->cp[j] == 0xFF08) ? j + 1 : 0;
}

char *folio_value_find_article_no(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    char *out = NULL;
    for (size_t i = 0; i < u.n && !out; i++) {
        if ((i > 0 && is_digit(u.cp[i - 1])) || !issn_paren_at(&u, i))
            continue;
        size_t j = i;
        while (j < u.n &&
               (is_digit(u.cp[j]) || strchr("-().X ", (int)(u.cp[j] < 128 ? u.cp[j] : 1))))
            j++;
        char *raw = ustr_slice(s, &u, i, j);
        out = folio_value_article_no(raw);
        free(raw);
    }
    folio_ustr_free(&u);
    return out;
}

/* Where the issue part of a header line starts: a 4-digit year, 第N, Vol, No., a month. */
static size_t issue_start(const folio_ustr *u, bool zh)
{
    static const char *const en[] = {"Vol", "VOL", "No.", "No,", "NO.", "Jan", "Feb", "Mar", "Apr",
                                     "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", NULL};
    for (size_t i = 0; i < u->n; i++) {
        uint32_t c = u->cp[i];
        bool word_start = i == 0 || folio_is_space(u->cp[i - 1]) || u->cp[i - 1] == ',';
        if (is_digit(c) && (i == 0 || !is_digit(u->cp[i - 1])) && i + 3 < u->n &&
            is_digit(u->cp[i + 1]) && is_digit(u->cp[i + 2]) && is_digit(u->cp[i + 3]))
            return i;
        if (zh && c == 0x7B2C) /* 第 */
            return i;
        for (size_t k = 0; !zh && word_start && en[k]; k++) {
            size_t j = 0;
            while (en[k][j] && i + j < u->n && u->cp[i + j] == (uint32_t)en[k][j])
                j++;
            if (!en[k][j])
                return i;
        }
    }
    return u->n;
}

static bool issue_mark(uint32_t c, bool zh)
{
    return is_digit(c) || c == '.' ||
           (zh && (c == 0x5E74 || c == 0x6708 || c == 0x5377 || c == 0x671F ||
                   c == 0x7B2C)); /* 年月卷期第 */
}

/* When the issue comes first ("2024年第4期 经济研究"): the text after its last mark. */
static size_t after_issue(const folio_ustr *u, bool zh)
{
    size_t a = u->n;
    while (a > 0 && !issue_mark(u->cp[a - 1], zh))
        a--;
    while (a < u->n && (folio_is_space(u->cp[a]) || u->cp[a] == ',' || u->cp[a] == 0xFF0C))
        a++;
    return a;
}

static bool journal_junk(uint32_t c)
{
    return c == ',' || c == 0xFF0C || c == ' ' || c == '-' || c == '|' || c == 0x2014;
}

char *folio_value_journal(const char *s, bool zh)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    size_t a = 0, b = issue_start(&u, zh);
    /* a name starts with a letter or a Han character: OCR's stray ‘ _ before it go */
    while (a < b && !is_alpha(u.cp[a]) && !folio_is_han(u.cp[a]) && !is_digit(u.cp[a]))
        a++;
    trim_range(&u, &a, &b, NULL);
    if (b <= a) {
        a = after_issue(&u, zh);
        b = u.n;
    }
    while (b > a && journal_junk(u.cp[b - 1]))
        b--;
    char *out = ustr_slice(s, &u, a, b);
    folio_ustr_free(&u);
    return out;
}

/* ---- lists ------------------------------------------------------------------ */

static int push_range(folio_strlist *out, const char *s, const folio_ustr *u, size_t a, size_t b)
{
    trim_range(u, &a, &b, NULL);
    while (b > a && (u->cp[b - 1] == '.' || u->cp[b - 1] == 0x3002 || u->cp[b - 1] == 0xFF0E))
        b--;
    trim_range(u, &a, &b, NULL);
    if (b <= a)
        return 0;
    char *item = ustr_slice(s, u, a, b);
    int rc = item ? folio_strlist_push(out, item) : FOLIO_ENOMEM;
    free(item);
    return rc;
}

static bool name_sep_zh(uint32_t c)
{
    return c == ',' || c == 0xFF0C || c == 0x3001 || c == ';' || c == 0xFF1B || c == ' ' ||
           c == 0x3000 || c == 0x201C || c == 0x201D || c == '"' || c == '\'' || c == 0x2018 ||
           c == 0x2019 || c == '.' || c == 0x3002 || c == '/' || c == '|';
}

static bool superscript_mark(uint32_t c)
{
    return is_digit(c) || c == '*' || c == 0x2020 || c == 0x2021 || c == 0xB9 || c == 0xB2 ||
           c == 0xB3 || (c >= 0x2070 && c <= 0x2079) || c == 0xFF0A;
}

int folio_split_authors_zh(const char *s, folio_strlist *out)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return s ? FOLIO_ENOMEM : 0;
    folio_buf name = FOLIO_BUF_INIT;
    int han = 0, rc = 0;
    for (size_t i = 0; i <= u.n && rc == 0; i++) {
        uint32_t c = i < u.n ? u.cp[i] : ' ';
        bool sep = name_sep_zh(c) || superscript_mark(c);
        if (!sep) {
            folio_buf_put_cp(&name, c);
            han += folio_is_han(c);
            continue;
        }
        if (han > 0 && name.data)
            rc = folio_strlist_push(out, name.data);
        folio_buf_free(&name);
        han = 0;
    }
    folio_buf_free(&name);
    folio_ustr_free(&u);
    return rc;
}

/* One English name from [a, b): superscript markers removed, spaces collapsed. */
static int push_name_en(folio_strlist *out, const folio_ustr *u, size_t a, size_t b)
{
    folio_buf name = FOLIO_BUF_INIT;
    int letters = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t c = u->cp[i];
        if (superscript_mark(c))
            continue;
        if (folio_is_space(c)) {
            if (name.len && name.data[name.len - 1] != ' ')
                folio_buf_putc(&name, ' ');
            continue;
        }
        letters += folio_is_latin(c);
        folio_buf_put_cp(&name, c);
    }
    while (name.len && name.data[name.len - 1] == ' ')
        name.data[--name.len] = '\0';
    int rc = letters > 0 && name.data ? folio_strlist_push(out, name.data) : 0;
    folio_buf_free(&name);
    return rc;
}

static size_t word_and(const folio_ustr *u, size_t i)
{
    if (i + 4 < u->n && u->cp[i] == ' ' && u->cp[i + 1] == 'a' && u->cp[i + 2] == 'n' &&
        u->cp[i + 3] == 'd' && u->cp[i + 4] == ' ')
        return 5;
    return 0;
}

int folio_split_authors_en(const char *s, folio_strlist *out)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return s ? FOLIO_ENOMEM : 0;
    size_t a = 0;
    int rc = 0;
    for (size_t i = 0; i <= u.n && rc == 0; i++) {
        size_t skip = i < u.n ? word_and(&u, i) : 0;
        uint32_t c = i < u.n ? u.cp[i] : ',';
        if (c != ',' && c != ';' && c != 0xFF0C && c != 0xFF1B && c != '&' && !skip)
            continue;
        rc = push_name_en(out, &u, a, i);
        a = i + (skip ? skip : 1);
        i = a - 1;
    }
    folio_ustr_free(&u);
    return rc;
}

int folio_split_keywords(const char *s, bool zh, folio_strlist *out)
{
    (void)zh;
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return s ? FOLIO_ENOMEM : 0;
    size_t a = 0;
    int rc = 0;
    for (size_t i = 0; i <= u.n && rc == 0; i++) {
        uint32_t c = i < u.n ? u.cp[i] : ';';
        bool comma = c == ',' || c == 0xFF0C || c == 0x3001;
        if (c != ';' && c != 0xFF1B && !comma)
            continue;
        rc = push_range(out, s, &u, a, i);
        a = i + 1;
    }
    folio_ustr_free(&u);
    return rc;
}

bool folio_value_mostly_latin(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    size_t han = 0, latin = 0;
    for (size_t i = 0; i < u.n; i++) {
        han += folio_is_han(u.cp[i]);
        latin += folio_is_latin(u.cp[i]);
    }
    folio_ustr_free(&u);
    return latin > han;
}

static bool dash_like(uint32_t c)
{
    return c == 0x4E00 || c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0xFF0D ||
           c == 0x2212;
}

/* The end of a run of dashes and spaces from i that holds a 一 and stands between digits, or i. */
static size_t digit_dash_run(const folio_ustr *u, size_t i)
{
    if (i == 0 || !is_digit(u->cp[i - 1]))
        return i;
    size_t j = i;
    bool yi = false;
    while (j < u->n && (dash_like(u->cp[j]) || u->cp[j] == ' ')) {
        yi |= u->cp[j] == 0x4E00;
        j++;
    }
    bool closes = j < u->n && (is_digit(u->cp[j]) || u->cp[j] == ')' || u->cp[j] == 0xFF09);
    return yi && closes ? j : i;
}

char *folio_value_fix_dashes(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < u.n; i++) {
        size_t j = digit_dash_run(&u, i);
        if (j > i) {
            folio_buf_put_cp(&b, 0x2014);
            i = j - 1;
            continue;
        }
        folio_buf_put_cp(&b, u.cp[i]);
    }
    folio_ustr_free(&u);
    return folio_buf_take(&b);
}

/* A run of Latin letters, spaces and light punctuation with several capitals: OCR garbage in Han
 * text. */
static size_t latin_garbage_end(const folio_ustr *u, size_t i)
{
    size_t j = i, caps = 0, letters = 0;
    while (j < u->n && (is_alpha(u->cp[j]) || u->cp[j] == ' ' || u->cp[j] == ',' ||
                        u->cp[j] == '.' || u->cp[j] == '-' || u->cp[j] == '|')) {
        caps += u->cp[j] >= 'A' && u->cp[j] <= 'Z';
        letters += is_alpha(u->cp[j]);
        j++;
    }
    if (j < u->n && is_digit(u->cp[j]))
        return i; /* PM2.5, 2型: letters that belong to the text */
    return letters >= 3 && caps >= 2 ? j : i;
}

char *folio_value_drop_latin_garbage(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < u.n; i++) {
        bool start = i == 0 || !is_alpha(u.cp[i - 1]);
        size_t j = start && is_alpha(u.cp[i]) ? latin_garbage_end(&u, i) : i;
        if (j > i) {
            i = j - 1;
            continue;
        }
        folio_buf_put_cp(&b, u.cp[i]);
    }
    folio_ustr_free(&u);
    char *out = folio_buf_take(&b);
    char *clean = out ? folio_value_clean(out) : NULL;
    free(out);
    return clean;
}
