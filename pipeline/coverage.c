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
