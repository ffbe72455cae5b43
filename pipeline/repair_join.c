/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Joining one line's words: the blank before each word from the
 * recognizer's own spacing or from the word boxes, a comma as wide as a Han
 * glyph read as "，"; the joined text is then repaired (repair.c).
 */
#include "repair_rules.h"

#include <stdlib.h>
#include <string.h>

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
