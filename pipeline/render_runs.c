/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Word runs for the layout formats (hOCR, ALTO, the PDF text layer): the
 * line's repaired text cut at its spaces, each piece carrying the box and
 * confidence of the recognized words it came from.
 *
 * The repaired text, not Tesseract's words, decides what a word is: repair
 * removed the spaces Tesseract put between Chinese characters, so a Chinese
 * phrase is one run, and it changed some characters (":" to "："), so the
 * runs carry the text Folio prints everywhere else. To find the boxes, the
 * line's characters are aligned to the words' characters by edit distance
 * (full-width and half-width forms count as equal); each word's box is shared
 * among its characters by their width (CJK two units, others one), and a run
 * takes the union of its characters' boxes.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* Past this many alignment cells a line is mapped proportionally instead. */
#define MAX_CELLS (1u << 20)

typedef struct wchar_info {
    uint32_t cp;
    folio_box box;
    float conf;
} wchar_info;

typedef struct lchar_info {
    uint32_t cp;
    size_t off, len; /* bytes in the line text */
    long match;      /* index into the word characters, -1: none */
} lchar_info;

typedef struct aligner {
    wchar_info *w;
    size_t nw;
    lchar_info *l;
    size_t nl;
} aligner;

static bool is_ws(uint32_t cp)
{
    return cp == '\t' || cp == '\n' || cp == '\r' || folio_is_space(cp);
}

/* Full-width forms and CJK punctuation compared as their ASCII counterparts. */
static uint32_t fold(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;
    switch (cp) {
    case 0x3001:
        return ',';
    case 0x3002:
        return '.';
    case 0x2018:
    case 0x2019:
        return '\'';
    case 0x201C:
    case 0x201D:
        return '"';
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return '-';
    default:
        return cp;
    }
}

static folio_box box_union(folio_box a, folio_box b)
{
    if (a.w <= 0 && a.h <= 0)
        return b;
    if (b.w <= 0 && b.h <= 0)
        return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    folio_box u = {x0, y0, x1 - x0, y1 - y0};
    return u;
}

/* Append the characters of one word, sharing its box out by character width. */
static int add_word_chars(aligner *a, size_t *cap, const folio_word *w)
{
    const char *s = w->text ? w->text : "";
    size_t len = strlen(s), total = 0, done = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        total += is_ws(cp) ? 0 : folio_is_cjk(cp) ? 2 : 1;
    }
    if (total == 0)
        return 0; /* an empty or all-space word adds nothing to align */
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (is_ws(cp))
            continue;
        if (a->nw == *cap) {
            size_t ncap = *cap ? *cap * 2 : 64;
            wchar_info *p = realloc(a->w, ncap * sizeof(*p));
            if (!p)
                return FOLIO_ENOMEM;
            a->w = p;
            *cap = ncap;
        }
        size_t unit = folio_is_cjk(cp) ? 2 : 1;
        wchar_info *c = &a->w[a->nw++];
        c->cp = cp;
        c->conf = w->conf;
        c->box = w->box;
        c->box.x = w->box.x + (int)((long)w->box.w * (long)done / (long)total);
        c->box.w = w->box.x + (int)((long)w->box.w * (long)(done + unit) / (long)total) - c->box.x;
        done += unit;
    }
    return 0;
}

static int decode_line(aligner *a, const char *text)
{
    size_t len = strlen(text);
    a->l = malloc((len + 1) * sizeof(*a->l));
    if (!a->l)
        return FOLIO_ENOMEM;
    uint32_t cp;
    for (size_t i = 0, n; i < len; i += n) {
        n = folio_utf8_decode(text + i, len - i, &cp);
        if (is_ws(cp))
            continue;
        lchar_info *c = &a->l[a->nl++];
        c->cp = cp;
        c->off = i;
        c->len = n;
        c->match = -1;
    }
    return 0;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

/* Edit-distance alignment of line characters to word characters. */
static int align_dp(aligner *a)
{
    size_t n = a->nl, m = a->nw, cols = m + 1;
    unsigned *d = malloc((n + 1) * cols * sizeof(*d));
    if (!d)
        return FOLIO_ENOMEM;
    for (size_t j = 0; j <= m; j++)
        d[j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        d[i * cols] = (unsigned)i;
        for (size_t j = 1; j <= m; j++) {
            unsigned sub = fold(a->l[i - 1].cp) != fold(a->w[j - 1].cp);
            d[i * cols + j] = min3(d[(i - 1) * cols + j - 1] + sub, d[(i - 1) * cols + j] + 1,
                                   d[i * cols + j - 1] + 1);
        }
    }
    for (size_t i = n, j = m; i > 0;) {
        unsigned here = d[i * cols + j];
        if (j > 0 &&
            here == d[(i - 1) * cols + j - 1] + (fold(a->l[i - 1].cp) != fold(a->w[j - 1].cp))) {
            a->l[--i].match = (long)--j;
        } else if (j > 0 && here == d[i * cols + j - 1] + 1) {
            j--;
        } else {
            i--;
        }
    }
    free(d);
    return 0;
}

/* Too long to align cell by cell: spread the line over the word characters evenly. */
static void align_even(aligner *a)
{
    for (size_t i = 0; i < a->nl; i++)
        a->l[i].match = (long)(i * a->nw / a->nl);
}

/* Characters the alignment left unmatched borrow their nearest neighbour's word. */
static void fill_gaps(aligner *a)
{
    long last = -1;
    for (size_t i = 0; i < a->nl; i++) {
        if (a->l[i].match >= 0)
            last = a->l[i].match;
        else
            a->l[i].match = -2 - last; /* remember the previous match, if any */
    }
    long next = -1;
    for (size_t i = a->nl; i-- > 0;) {
        long m = a->l[i].match;
        if (m >= 0) {
            next = m;
            continue;
        }
        long prev = -2 - m;
        a->l[i].match = prev >= 0 ? prev : next;
    }
}

static folio_box clip(const folio_page *pg, folio_box b)
{
    if (pg->width <= 0 || pg->height <= 0)
        return b;
    int x0 = b.x < 0 ? 0 : b.x, y0 = b.y < 0 ? 0 : b.y;
    int x1 = b.x + b.w > pg->width ? pg->width : b.x + b.w;
    int y1 = b.y + b.h > pg->height ? pg->height : b.y + b.h;
    folio_box c = {x0 < pg->width ? x0 : pg->width, y0 < pg->height ? y0 : pg->height,
                   x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
    return c;
}

/* Close the run of line characters [from, to) into out. */
static int emit_run(const folio_page *pg, const folio_line *ln, const aligner *a, size_t from,
                    size_t to, folio_runs *out)
{
    folio_run *r = &out->items[out->n];
    const lchar_info *f = &a->l[from], *l = &a->l[to - 1];
    r->text = folio_strndup(ln->text + f->off, l->off + l->len - f->off);
    if (!r->text)
        return FOLIO_ENOMEM;
    folio_box box = {0, 0, 0, 0};
    double conf = 0;
    for (size_t i = from; i < to; i++) {
        long m = a->l[i].match;
        box = box_union(box, m >= 0 ? a->w[m].box : ln->box);
        conf += m >= 0 ? a->w[m].conf : ln->conf;
        r->han = r->han || folio_is_han(a->l[i].cp);
    }
    r->box = clip(pg, box);
    r->conf = (float)(conf / (double)(to - from));
    out->n++;
    return 0;
}

/* Runs are maximal stretches of characters with nothing but non-space between them. */
static int cut_runs(const folio_page *pg, const folio_line *ln, const aligner *a, folio_runs *out)
{
    out->items = calloc(a->nl ? a->nl : 1, sizeof(*out->items));
    if (!out->items)
        return FOLIO_ENOMEM;
    size_t start = 0;
    for (size_t i = 1; i <= a->nl; i++) {
        bool split = i == a->nl || a->l[i].off != a->l[i - 1].off + a->l[i - 1].len;
        if (!split)
            continue;
        if (emit_run(pg, ln, a, start, i, out))
            return FOLIO_ENOMEM;
        start = i;
    }
    return 0;
}

int folio_line_runs(const folio_page *pg, const folio_line *ln, folio_runs *out)
{
    memset(out, 0, sizeof(*out));
    if (!pg || !ln || !ln->text)
        return 0;
    aligner a = {0};
    size_t cap = 0;
    int rc = decode_line(&a, ln->text);
    for (size_t j = 0; rc == 0 && j < ln->n_words; j++)
        rc = add_word_chars(&a, &cap, &ln->words[j]);
    if (rc == 0 && a.nl > 0 && a.nw > 0) {
        if ((a.nl + 1) * (a.nw + 1) <= MAX_CELLS)
            rc = align_dp(&a);
        else
            align_even(&a);
        fill_gaps(&a);
    }
    if (rc == 0 && a.nl > 0)
        rc = cut_runs(pg, ln, &a, out);
    free(a.w);
    free(a.l);
    return rc;
}

void folio_runs_free(folio_runs *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->items[i].text);
    free(r->items);
    r->items = NULL;
    r->n = 0;
}

size_t folio_render_blocks(const folio_page *pg, folio_block *whole, const folio_block **out)
{
    memset(whole, 0, sizeof(*whole));
    *out = pg->blocks;
    if (pg->n_blocks > 0 || pg->n_lines == 0)
        return pg->blocks ? pg->n_blocks : 0;
    whole->text = pg->text;
    whole->conf = (float)pg->conf;
    whole->n_lines = pg->n_lines;
    for (size_t i = 0; i < pg->n_lines; i++)
        whole->box = box_union(whole->box, pg->lines[i].box);
    *out = whole;
    return 1;
}

size_t folio_block_lines(const folio_page *pg, const folio_block *b, size_t *first)
{
    *first = b->first_line;
    if (b->first_line >= pg->n_lines)
        return 0;
    size_t left = pg->n_lines - b->first_line;
    return b->n_lines < left ? b->n_lines : left;
}

const char *folio_text_lang(const char *s)
{
    if (!s || !*s)
        return NULL;
    size_t len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (folio_is_han(cp))
            return "zh";
    }
    return "en";
}
