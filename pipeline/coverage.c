/* SPDX-License-Identifier: Apache-2.0 */
/*
 * How much of the text mask the recognized words account for (coverage.h).
 */
#include "coverage.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Sizes in millimetres on the page. A component is text-sized between a
 * full stop's dot and a headline character; long rules, frames and photos
 * are not text. */
#define COV_MIN_H_MM 0.7
#define COV_MAX_H_MM 9.0
#define COV_MAX_W_MM 12.0
#define COV_PAD_MM 0.4 /* word boxes grow by this before testing */

static int mm(double v, int dpi)
{
    return (int)(v * dpi / 25.4 + 0.5);
}

/* One recognized word in the mask's geometry: its box grown by pad, the
 * characters it claims, the components found in it. */
typedef struct cov_word {
    int x, y, w, h;
    int chars, comps;
} cov_word;

static int count_chars(const char *s)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        n += (*p & 0xC0) != 0x80 && *p != ' ';
    return n;
}

/* pg's words in the mask's geometry; *n receives their count. Caller frees. */
static cov_word *collect_words(const folio_page *pg, const folio_ocr_map *map, int pad, size_t *n)
{
    size_t total = 0, k = 0;
    for (size_t i = 0; i < pg->n_lines; i++)
        total += pg->lines[i].n_words;
    cov_word *w = calloc(total ? total : 1, sizeof(*w));
    for (size_t i = 0; w && i < pg->n_lines; i++) {
        for (size_t j = 0; j < pg->lines[i].n_words; j++, k++) {
            const folio_word *src = &pg->lines[i].words[j];
            w[k].x = (int)((src->box.x - map->off_x) * map->scale) - pad;
            w[k].y = (int)((src->box.y - map->off_y) * map->scale) - pad;
            w[k].w = (int)(src->box.w * map->scale) + 2 * pad;
            w[k].h = (int)(src->box.h * map->scale) + 2 * pad;
            w[k].chars = count_chars(src->text);
        }
    }
    *n = total;
    return w;
}

/* \return the first word whose box holds (cx, cy), or NULL. */
static cov_word *word_at(cov_word *w, size_t n, int cx, int cy)
{
    for (size_t i = 0; i < n; i++)
        if (cx >= w[i].x && cx < w[i].x + w[i].w && cy >= w[i].y && cy < w[i].y + w[i].h)
            return &w[i];
    return NULL;
}

static bool text_sized(int w, int h, int dpi)
{
    return h >= mm(COV_MIN_H_MM, dpi) && h <= mm(COV_MAX_H_MM, dpi) && w <= mm(COV_MAX_W_MM, dpi);
}

int folio_coverage_measure(PIX *mask, const folio_page *pg, const folio_ocr_map *map, int dpi,
                           folio_coverage *out)
{
    if (out)
        memset(out, 0, sizeof(*out));
    if (!mask || pixGetDepth(mask) != 1 || !pg || !map || !out)
        return -1;
    dpi = dpi > 0 ? dpi : 300;
    int rc = -1;
    size_t n_words = 0;
    BOXA *boxa = pixConnComp(mask, NULL, 8);
    cov_word *words = collect_words(pg, map, mm(COV_PAD_MM, dpi), &n_words);
    if (!boxa || !words)
        goto done;
    for (int i = 0; i < boxaGetCount(boxa); i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (!text_sized(w, h, dpi))
            continue;
        out->components++;
        cov_word *in = word_at(words, n_words, x + w / 2, y + h / 2);
        if (in)
            in->comps++;
        else
            out->uncovered++;
    }
    for (size_t i = 0; i < n_words; i++)
        out->excess += L_MAX(0, words[i].comps - FOLIO_COVERAGE_PER_CHAR * words[i].chars);
    out->unread = out->uncovered + out->excess;
    rc = 0;
done:
    boxaDestroy(&boxa);
    free(words);
    return rc;
}

/* ---- rows of print no line accounts for --------------------------------- */

/* A lost row holds at least this many unread components and is this many
 * of its heights wide (a few characters, not a stray mark or a rule's
 * pieces). */
#define ROW_MIN_COMPS 8
#define ROW_MIN_ASPECT 3.0
#define ROW_JOIN_GAP 2.0 /* heights between two components of one row */

/* Is component c (mask geometry) outside every word? */
static bool uncovered_at(cov_word *words, size_t n, const folio_box *c)
{
    return word_at(words, n, c->x + c->w / 2, c->y + c->h / 2) == NULL;
}

/* Add component c to the row r if it continues it. \return true when added. */
static bool join_row(folio_box *r, const folio_box *c)
{
    int rh = r->h > c->h ? r->h : c->h;
    int cy = c->y + c->h / 2;
    if (cy < r->y || cy > r->y + r->h)
        return false;
    int gap = c->x > r->x + r->w   ? c->x - (r->x + r->w)
              : r->x > c->x + c->w ? r->x - (c->x + c->w)
                                   : 0;
    if (gap > ROW_JOIN_GAP * rh)
        return false;
    int x0 = L_MIN(r->x, c->x), y0 = L_MIN(r->y, c->y);
    int x1 = L_MAX(r->x + r->w, c->x + c->w), y1 = L_MAX(r->y + r->h, c->y + c->h);
    r->x = x0, r->y = y0, r->w = x1 - x0, r->h = y1 - y0;
    return true;
}

/* Does the page box b share height with a recognized line it overlaps? */
static bool beside_a_line(const folio_page *pg, folio_box b)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        const folio_box *l = &pg->lines[i].box;
        if (pg->lines[i].n_words == 0)
            continue;
        int oy = L_MIN(l->y + l->h, b.y + b.h) - L_MAX(l->y, b.y);
        int ox = L_MIN(l->x + l->w, b.x + b.w) - L_MAX(l->x, b.x);
        if (oy > b.h / 3 && ox > -b.h)
            return true;
    }
    return false;
}

static folio_box to_page(const folio_ocr_map *m, const folio_box *b)
{
    folio_box p = {(int)(b->x / m->scale + 0.5f) + m->off_x,
                   (int)(b->y / m->scale + 0.5f) + m->off_y, (int)(b->w / m->scale + 0.5f),
                   (int)(b->h / m->scale + 0.5f)};
    return p;
}

int folio_coverage_lost_rows(PIX *mask, const folio_page *pg, const folio_ocr_map *map, int dpi,
                             folio_box **rows, size_t *n_rows)
{
    if (rows)
        *rows = NULL;
    if (n_rows)
        *n_rows = 0;
    if (!mask || pixGetDepth(mask) != 1 || !pg || !map || !rows || !n_rows)
        return -1;
    dpi = dpi > 0 ? dpi : 300;
    int rc = -1;
    size_t n_words = 0, n = 0;
    BOXA *boxa = pixConnComp(mask, NULL, 8), *sorted = NULL;
    cov_word *words = collect_words(pg, map, mm(COV_PAD_MM, dpi), &n_words);
    if (!boxa || !words || !(sorted = boxaSort(boxa, L_SORT_BY_X, L_SORT_INCREASING, NULL)))
        goto done;
    int nb = boxaGetCount(sorted);
    folio_box *acc = calloc((size_t)(nb ? nb : 1), sizeof(*acc));
    int *count = calloc((size_t)(nb ? nb : 1), sizeof(*count));
    folio_box *out = calloc((size_t)(nb ? nb : 1), sizeof(*out));
    if (!acc || !count || !out) {
        free(acc), free(count), free(out);
        goto done;
    }
    size_t n_acc = 0;
    for (int i = 0; i < nb; i++) {
        folio_box c;
        boxaGetBoxGeometry(sorted, i, &c.x, &c.y, &c.w, &c.h);
        if (!text_sized(c.w, c.h, dpi) || !uncovered_at(words, n_words, &c))
            continue;
        size_t k = 0;
        while (k < n_acc && !join_row(&acc[k], &c))
            k++;
        if (k == n_acc)
            acc[n_acc++] = c;
        count[k]++;
    }
    for (size_t k = 0; k < n_acc; k++) {
        folio_box b = to_page(map, &acc[k]);
        if (count[k] >= ROW_MIN_COMPS && acc[k].w >= ROW_MIN_ASPECT * acc[k].h &&
            !beside_a_line(pg, b))
            out[n++] = b;
    }
    free(acc);
    free(count);
    *rows = out;
    *n_rows = n;
    rc = 0;
done:
    boxaDestroy(&boxa);
    boxaDestroy(&sorted);
    free(words);
    return rc;
}
