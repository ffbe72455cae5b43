/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading each line with the model its print looks like (ocr_route.h).
 * Measured on four dev pages (clean, scan, bad, fax), lines read by both
 * models: Latin lines have 1.50-1.87 ink runs per column, Chinese and mixed
 * lines 2.04-3.02; on the bad page bleed-through lifts a few English lines
 * to 2.05-2.81 and some Chinese label lines with dates fall to 1.62. Those
 * are caught by the doubt test and read twice, as Tesseract would have.
 */
#include "ocr_route.h"

#include "text.h"

#define LATIN_STROKES 2.0 /* below: eng reads the line first */
#define LATIN_SURE 80.0f  /* an eng reading below this is read with chi_sim too */
#define LATIN_BONUS 10.0f /* added to an eng reading that is mostly Latin */
#define SHORT_END 2.5     /* a line ending this many line heights short ends a paragraph */
#define INDENT 1.2        /* a line indented this many line heights starts one */

double folio_route_strokes(PIX *bin)
{
    if (!bin || pixGetDepth(bin) != 1)
        return 0;
    int w = pixGetWidth(bin), h = pixGetHeight(bin), wpl = pixGetWpl(bin);
    const l_uint32 *data = pixGetData(bin);
    long runs = 0, cols = 0;
    for (int x = 0; x < w; x++) {
        int r = 0, prev = 0;
        for (int y = 0; y < h; y++) {
            int v = GET_DATA_BIT(data + (size_t)y * wpl, x);
            r += v && !prev;
            prev = v;
        }
        runs += r;
        cols += r > 0;
    }
    return cols ? (double)runs / (double)cols : 0;
}

bool folio_route_looks_latin(double strokes)
{
    return strokes > 0 && strokes < LATIN_STROKES;
}

bool folio_route_doubt(bool latin_model, const char *text, float conf)
{
    if (latin_model)
        return conf < LATIN_SURE;
    size_t han = 0, latin = 0;
    folio_count_scripts(text ? text : "", &han, &latin);
    return latin > han;
}

float folio_route_score(bool latin_model, const char *text, float conf)
{
    size_t han = 0, latin = 0;
    folio_count_scripts(text ? text : "", &han, &latin);
    return conf + (latin_model && latin > han ? LATIN_BONUS : 0.0f);
}

static bool same_para(const folio_line *a, const folio_line *b)
{
    return a->block == b->block && a->para == b->para;
}

/* Mark the paragraph starts within lines[a..b) (one paragraph of the layout). */
static void split_one(folio_line *l, size_t a, size_t b)
{
    int right = 0;
    for (size_t i = a; i < b; i++)
        if (l[i].n_words && l[i].box.x + l[i].box.w > right)
            right = l[i].box.x + l[i].box.w;
    size_t prev = b;
    for (size_t i = a; i < b; i++) {
        if (!l[i].n_words)
            continue;
        if (prev != b) {
            const folio_box *p = &l[prev].box, *c = &l[i].box;
            double h = p->h < c->h ? p->h : c->h;
            h = h > 0 ? h : 1;
            bool short_before = right - (p->x + p->w) > SHORT_END * h;
            bool indented = c->x - p->x > INDENT * h && right - (c->x + c->w) <= SHORT_END * h;
            if (short_before || indented)
                l[i].para_start = true;
        }
        prev = i;
    }
}

void folio_route_split_paragraphs(folio_page *pg, size_t from)
{
    for (size_t a = from; a < pg->n_lines;) {
        size_t b = a + 1;
        while (b < pg->n_lines && same_para(&pg->lines[a], &pg->lines[b]))
            b++;
        split_one(pg->lines, a, b);
        a = b;
    }
}
