/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where the searchable PDF draws each line of its invisible text: the height
 * its font size comes from, its baseline and where it ends.
 *
 * Text extractors such as pdftotext (poppler) rebuild reading order from
 * geometry alone. They gather lines of one font size (within 5%) set at
 * most 1.5 font sizes apart into a block, pull into it words close beside
 * it, then order the blocks: a block above another that it overlaps
 * horizontally comes first, and a block comes before one wholly to its
 * right, a block's width being stretched sideways over empty page. Two
 * things then go wrong on a two-column page:
 *
 * - A column cut into several blocks (its paragraphs, or lines whose boxes
 *   Tesseract made taller than the ink) is read with the neighbouring
 *   column between its blocks: a lower block, with nothing beside it,
 *   stretches under the other column's short top and so comes after it.
 * - On a low-resolution scan the gutter can be narrower than a font size,
 *   and poppler 22 then reads a line of the other column on the same row
 *   as the end of this one, whatever the two font sizes.
 *
 * So lines are sized by column run, not by paragraph: the lines that
 * follow each other down one column in reading order, across paragraph
 * breaks, share one font size from their median height and are drawn as one
 * block. A line that ends closer than GUTTER line heights to a line of
 * another run on its row is drawn that much short of it, its runs squeezed
 * (at most by a fifth of its width); when the run beside it has about its
 * size, that run is also drawn SIZE_APART times larger, which is what keeps
 * poppler from joining the two. The text is invisible; only a viewer's
 * highlight shows the difference.
 */
#include "render.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks of other labels whose line heights differ more than this start a new run. */
#define HEIGHT_BREAK 1.4
/* Least gap before a line of another run on the row, in line heights (1.25 font sizes:
 * poppler 22 joins lines up to about one font size apart). */
#define GUTTER 1.5
/* A line drawn short keeps at least this share of its width. */
#define MIN_KEEP 0.8
/* The run beside a line drawn short is drawn at least this many times its size. */
#define SIZE_APART 1.7

typedef struct place_run {
    size_t first, n; /* into the draw order */
    folio_box box;   /* union of its lines' boxes */
    int h;           /* median line height */
} place_run;

/* Lower median of the heights of lines idx[0..n); scratch holds n ints. */
static int median_height(const folio_page *pg, const size_t *idx, size_t n, int *scratch)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (pg->lines[idx[i]].box.h > 0)
            scratch[k++] = pg->lines[idx[i]].box.h;
    if (k == 0)
        return 1;
    qsort(scratch, k, sizeof(*scratch), folio_cmp_int);
    return scratch[(k - 1) / 2];
}

static int overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi - lo;
}

/*
 * Does line ln go on down the column of run r, whose last line is prev?
 * It must share most of its width with the run, sit lower than prev and
 * start within two line heights of prev's end.
 */
static bool continues(const place_run *r, const folio_line *prev, const folio_line *ln, int h)
{
    const folio_box *b = &ln->box, *p = &prev->box, *rb = &r->box;
    int narrow = b->w < rb->w ? b->w : rb->w;
    if (narrow <= 0 || 2 * overlap(rb->x, rb->x + rb->w, b->x, b->x + b->w) < narrow)
        return false;
    if (2 * b->y + b->h <= 2 * p->y + p->h + h / 2)
        return false;
    return b->y < p->y + p->h + 2 * h;
}

/* May a run go on from block a into block b, the next one? Same label, or like heights. */
static bool blocks_join(const folio_block *a, int ha, const folio_block *b, int hb)
{
    bool same = a->label == b->label || (a->label && b->label && !strcmp(a->label, b->label));
    if (same)
        return true;
    return ha > 0 && hb > 0 && ha <= HEIGHT_BREAK * hb && hb <= HEIGHT_BREAK * ha;
}

/* Is the line's box much taller than its run's lines? */
static bool is_tall(const folio_box *b, int h)
{
    return 2 * b->h > 3 * h;
}

/*
 * The baseline of line j of a run (lines idx[0..n), height h): its box's
 * bottom, unless the box is much taller than the run's lines. Tesseract
 * sometimes returns a line box that takes in half the next row, or reads a
 * row as one tall line over its neighbours; drawn at such a box's bottom
 * the text reaches into the next row and an extractor cuts the column
 * there. Such a line goes halfway between the regular lines around it,
 * kept inside its own box; without both neighbours, the run's line height
 * centred in the box.
 */
static int baseline(const folio_page *pg, const size_t *idx, size_t n, size_t j, int h)
{
    const folio_box *b = &pg->lines[idx[j]].box;
    int top = b->y + h, bottom = b->y + b->h;
    if (!is_tall(b, h))
        return bottom;
    if (j > 0 && j + 1 < n) {
        const folio_box *a = &pg->lines[idx[j - 1]].box, *c = &pg->lines[idx[j + 1]].box;
        if (!is_tall(a, h) && !is_tall(c, h)) {
            int above = a->y + a->h, below = c->y + c->h;
            int mid = above + (below - above) / 2;
            if (below > above && mid >= top - h / 2 && mid <= bottom)
                return mid < top ? top : mid;
        }
    }
    return b->y + (b->h + h) / 2;
}

/*
 * Where line a's text must end so that line b, of another run, stands at
 * least GUTTER line heights to its right on a shared row; INT_MAX when b is
 * not beside a on the right.
 */
static int end_before(const folio_box *a, int ha, const folio_box *b, int hb)
{
    int low = a->h < b->h ? a->h : b->h;
    if (2 * overlap(a->y, a->y + a->h, b->y, b->y + b->h) < low || 2 * b->x < 2 * a->x + a->w)
        return INT_MAX;
    int need = (int)(GUTTER * (ha > hb ? ha : hb) + 0.5);
    if (b->x - (a->x + a->w) >= need)
        return INT_MAX;
    int end = b->x - need, least = a->x + (int)(MIN_KEEP * a->w);
    return end > least ? end : least;
}

/*
 * A line whose end comes closer than GUTTER line heights to a line of
 * another run on the same row (a gutter narrowed by a low-resolution scan)
 * is drawn short of it: poppler 22 reads such a pair as one line, whatever
 * the two font sizes.
 */
static void set_ends(const folio_page *pg, const size_t *idx, size_t k, const size_t *run_of,
                     folio_pdf_place *out, size_t *beside)
{
    for (size_t s = 0; s < k; s++) {
        folio_pdf_place *p = &out[idx[s]];
        const folio_box *a = &pg->lines[idx[s]].box;
        p->right = a->x + a->w;
        beside[s] = SIZE_MAX;
        for (size_t t = 0; t < k; t++) {
            if (run_of[t] == run_of[s])
                continue;
            int end = end_before(a, p->height, &pg->lines[idx[t]].box, out[idx[t]].height);
            if (end < p->right) {
                p->right = end;
                beside[s] = t;
            }
        }
    }
}

/*
 * Drawing a line short is not always enough: when the run beside it has
 * about its size, poppler still reads the two columns' lines on a row as
 * one, however wide the gap (d1 bad read line by line, runs of 29 and 30
 * px: joined 2.6 font sizes apart). It keeps them apart when the run to the
 * right is SIZE_APART times larger (as measured in aa05a94: 1.25x joined,
 * 1.7x did not), so such a run is drawn that large. The text is invisible;
 * only that run's highlight grows.
 */
static void sizes_apart(const size_t *idx, size_t k, const size_t *run_of, const size_t *beside,
                        const place_run *runs, size_t nr, folio_pdf_place *out)
{
    bool *done = calloc(nr ? nr : 1, sizeof(*done));
    if (!done)
        return;
    for (size_t s = 0; s < k; s++) {
        if (beside[s] == SIZE_MAX || done[run_of[beside[s]]] || done[run_of[s]])
            continue;
        size_t t = beside[s];
        int hs = out[idx[s]].height, ht = out[idx[t]].height;
        if (ht >= SIZE_APART * hs || hs >= SIZE_APART * ht)
            continue;
        const place_run *r = &runs[run_of[t]];
        done[run_of[t]] = true;
        for (size_t j = 0; j < r->n; j++)
            out[idx[r->first + j]].height = (int)(SIZE_APART * hs + 0.5);
    }
    free(done);
}

/* The drawn lines in reading order, with the block each belongs to. */
static size_t draw_order(const folio_page *pg, const folio_block *blocks, size_t nb, size_t *idx,
                         size_t *blk)
{
    size_t k = 0;
    for (size_t i = 0; i < nb; i++) {
        size_t first, n = folio_block_lines(pg, &blocks[i], &first);
        for (size_t j = 0; j < n && k < pg->n_lines; j++) {
            idx[k] = first + j;
            blk[k++] = i;
        }
    }
    return k;
}

/* Each block's median line height, the lines at idx[0..k) with blk[]. */
static void block_heights(const folio_page *pg, const size_t *idx, const size_t *blk, size_t k,
                          int *bh, int *scratch)
{
    for (size_t s = 0; s < k;) {
        size_t e = s;
        while (e < k && blk[e] == blk[s])
            e++;
        bh[blk[s]] = median_height(pg, &idx[s], e - s, scratch);
        s = e;
    }
}

/* Cut the draw order into column runs. \return the number of runs. */
static size_t cut_runs(const folio_page *pg, const folio_block *blocks, const size_t *idx,
                       const size_t *blk, size_t k, const int *bh, place_run *runs, int *scratch)
{
    size_t nr = 0;
    for (size_t s = 0; s < k; s++) {
        const folio_line *ln = &pg->lines[idx[s]];
        place_run *r = nr ? &runs[nr - 1] : NULL;
        if (r) {
            int h = median_height(pg, &idx[r->first], r->n, scratch);
            bool joins = blk[s] == blk[s - 1] || blocks_join(&blocks[blk[s - 1]], bh[blk[s - 1]],
                                                             &blocks[blk[s]], bh[blk[s]]);
            if (!joins || !continues(r, &pg->lines[idx[s - 1]], ln, h))
                r = NULL;
        }
        if (!r) {
            r = &runs[nr++];
            memset(r, 0, sizeof(*r));
            r->first = s;
        }
        r->box = folio_box_union(r->box, ln->box);
        r->n++;
    }
    return nr;
}

int folio_pdf_place_lines(const folio_page *pg, const folio_block *blocks, size_t nb,
                          folio_pdf_place *out)
{
    size_t n = pg->n_lines;
    if (n == 0)
        return 0;
    memset(out, 0, n * sizeof(*out));
    size_t *idx = malloc(n * sizeof(*idx)), *blk = malloc(n * sizeof(*blk));
    int *scratch = malloc(n * sizeof(*scratch)), *bh = malloc((nb ? nb : 1) * sizeof(*bh));
    place_run *runs = malloc(n * sizeof(*runs));
    size_t *run_of = malloc(n * sizeof(*run_of)), *beside = malloc(n * sizeof(*beside));
    int rc = idx && blk && scratch && bh && runs && run_of && beside ? 0 : FOLIO_ENOMEM;
    if (rc == 0) {
        size_t k = draw_order(pg, blocks, nb, idx, blk);
        block_heights(pg, idx, blk, k, bh, scratch);
        size_t nr = cut_runs(pg, blocks, idx, blk, k, bh, runs, scratch);
        for (size_t i = 0; i < nr; i++) {
            place_run *r = &runs[i];
            r->h = median_height(pg, &idx[r->first], r->n, scratch);
            for (size_t j = 0; j < r->n; j++) {
                folio_pdf_place *p = &out[idx[r->first + j]];
                run_of[r->first + j] = i;
                p->drawn = true;
                p->height = r->h;
                p->bottom = baseline(pg, &idx[r->first], r->n, j, r->h);
            }
        }
        set_ends(pg, idx, k, run_of, out, beside);
        sizes_apart(idx, k, run_of, beside, runs, nr, out);
    }
    free(idx), free(blk), free(scratch), free(bh), free(runs), free(run_of), free(beside);
    return rc;
}
