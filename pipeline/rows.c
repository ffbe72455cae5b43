/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Rows that page segmentation lost (rows.h). Measured on the dev pages: the
 * author line under a title ("钱志鹏，罗晓梅", "李明远，王晓燕，陈志强") or the
 * last line of a paragraph comes back from Tesseract as nothing at all on
 * some pages and not on their twins, a few components too few to make the
 * whole-page reread worth it. Each such row is read alone, as one line, and
 * put in reading order after the line above it.
 */
#include "rows.h"

#include "coverage.h"
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define ROW_MIN_CONF 50.0f /* a row read at lower mean confidence is noise, not text */
#define JOIN_GAP 0.75      /* row heights between a line and the row that continues it */
#define JOIN_INDENT 3.0    /* row heights their left edges may differ by */
#define NO_LINE ((size_t)-1)

static bool overlaps_x(const folio_box *a, const folio_box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w;
}

/* The line read last above row r in the same columns: the row goes after it. */
static size_t line_above(const folio_page *pg, const folio_box *r)
{
    size_t best = NO_LINE;
    int bottom = INT_MIN;
    for (size_t i = 0; i < pg->n_lines; i++) {
        const folio_box *l = &pg->lines[i].box;
        if (pg->lines[i].n_words == 0 || !overlaps_x(l, r) || l->y + l->h > r->y + r->h / 2)
            continue;
        if (l->y + l->h > bottom) {
            bottom = l->y + l->h;
            best = i;
        }
    }
    return best;
}

/* Move the words of every line of src into one line *dst. \return 0 or FOLIO_ENOMEM. */
static int gather_line(folio_page *src, folio_line *dst)
{
    size_t n = 0;
    for (size_t i = 0; i < src->n_lines; i++)
        n += src->lines[i].n_words;
    memset(dst, 0, sizeof(*dst));
    if (n == 0)
        return 0;
    dst->words = calloc(n, sizeof(*dst->words));
    folio_buf buf = FOLIO_BUF_INIT;
    if (!dst->words)
        return FOLIO_ENOMEM;
    double conf = 0;
    for (size_t i = 0; i < src->n_lines; i++) {
        folio_line *l = &src->lines[i];
        if (l->n_words == 0)
            continue;
        dst->box = dst->n_words ? folio_box_union(dst->box, l->box) : l->box;
        folio_buf_puts(&buf, buf.len ? " " : "");
        folio_buf_puts(&buf, l->text ? l->text : "");
        for (size_t j = 0; j < l->n_words; j++) {
            conf += l->words[j].conf;
            dst->words[dst->n_words++] = l->words[j];
        }
        l->n_words = 0; /* the words are dst's now */
    }
    dst->conf = (float)(conf / (double)n);
    dst->text = folio_buf_take(&buf);
    return dst->text ? 0 : FOLIO_ENOMEM;
}

static void free_line(folio_line *ln)
{
    for (size_t j = 0; j < ln->n_words; j++)
        free(ln->words[j].text);
    free(ln->words);
    free(ln->text);
    memset(ln, 0, sizeof(*ln));
}

/* Put ln into pg's reading order after the line above it; pg takes ln's members. */
static int insert_line(folio_page *pg, folio_line *ln)
{
    folio_line *grown = realloc(pg->lines, (pg->n_lines + 1) * sizeof(*grown));
    if (!grown)
        return FOLIO_ENOMEM;
    pg->lines = grown;
    size_t above = line_above(pg, &ln->box), at = above == NO_LINE ? 0 : above + 1;
    ln->block = ln->para = -1; /* a paragraph of its own, unless it continues the line above */
    ln->para_start = true;
    if (above != NO_LINE) {
        const folio_box *a = &pg->lines[above].box, *b = &ln->box;
        double h = b->h > 0 ? b->h : 1, gap = (double)b->y - (double)(a->y + a->h);
        if (gap <= JOIN_GAP * h && abs(a->x - b->x) <= JOIN_INDENT * h) {
            ln->block = pg->lines[above].block;
            ln->para = pg->lines[above].para;
            ln->para_start = false;
        }
    }
    memmove(pg->lines + at + 1, pg->lines + at, (pg->n_lines - at) * sizeof(*pg->lines));
    pg->lines[at] = *ln;
    pg->n_lines++;
    memset(ln, 0, sizeof(*ln));
    return 0;
}

/* Read row r alone and insert what was read when it looks like text. */
static int recover_row(folio_ocr *o, PIX *pix, const folio_rows_params *p, folio_box r,
                       folio_page *pg, int *added, folio_error *err)
{
    folio_page *tmp = folio_page_new();
    folio_line ln = {0};
    if (!tmp)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", pg->source_path);
    tmp->source_path = pg->source_path; /* borrowed for messages */
    int rc = folio_ocr_read_row(o, pix, p->dpi, p->map, r, p->deadline_ms, p->recheck, tmp, err);
    if (rc == 0)
        rc = gather_line(tmp, &ln);
    if (rc == 0 && ln.n_words > 0 && ln.conf >= ROW_MIN_CONF && folio_utf8_len(ln.text) >= 2) {
        rc = insert_line(pg, &ln);
        *added += rc == 0;
    }
    if (rc == FOLIO_ENOMEM)
        folio_error_set(err, rc, "%s: out of memory reading a lost row", pg->source_path);
    free_line(&ln);
    tmp->source_path = NULL;
    folio_page_destroy(&tmp);
    return rc;
}

int folio_rows_recover(folio_ocr *o, PIX *pix, PIX *mask, const folio_rows_params *p,
                       folio_page *pg, int *added, folio_error *err)
{
    int local = 0;
    added = added ? added : &local;
    *added = 0;
    if (!o || !pix || !mask || !p || !p->map || !pg)
        return folio_error_set(err, FOLIO_EUSAGE, "rows: bad arguments");
    folio_box *rows = NULL;
    size_t n = 0;
    if (folio_coverage_lost_rows(mask, pg, p->map, p->dpi, &rows, &n))
        return 0; /* cannot measure: keep the reading as it is */
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++)
        rc = recover_row(o, pix, p, rows[k], pg, added, err);
    free(rows);
    return rc;
}
