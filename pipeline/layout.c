/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The layout stage. Tesseract's page segmentation already returns blocks in
 * a reading order; this stage turns its paragraphs into Folio's blocks,
 * joins each paragraph's lines by the repair rules, and assembles the page
 * text: paragraphs separated by a blank line.
 */
#include "layout.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static folio_box box_union(folio_box a, folio_box b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    folio_box u = {x0, y0, x1 - x0, y1 - y0};
    return u;
}

static bool starts_paragraph(const folio_page *pg, size_t i)
{
    if (i == 0)
        return true;
    const folio_line *a = &pg->lines[i - 1], *b = &pg->lines[i];
    return b->para_start || a->block != b->block || a->para != b->para;
}

/* Count paragraphs so the new block array can be sized once. */
static size_t count_paragraphs(const folio_page *pg)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->n_lines; i++)
        n += starts_paragraph(pg, i);
    return n;
}

static int build_block(const folio_repair *r, folio_page *pg, folio_block *b)
{
    folio_buf buf = FOLIO_BUF_INIT;
    double conf = 0;
    size_t words = 0;
    for (size_t j = 0; j < b->n_lines; j++) {
        folio_line *ln = &pg->lines[b->first_line + j];
        ln->block = (int)(b - pg->blocks);
        b->box = box_union(b->box, ln->box);
        folio_repair_append_line(r, &buf, ln->text ? ln->text : "");
        conf += ln->conf * (double)ln->n_words;
        words += ln->n_words;
    }
    b->conf = words ? (float)(conf / (double)words) : 0;
    b->text = folio_buf_take(&buf);
    return b->text ? 0 : FOLIO_ENOMEM;
}

static void free_blocks(folio_block *blocks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(blocks[i].text);
    free(blocks);
}

static int regroup(const folio_repair *r, folio_page *pg)
{
    size_t n = count_paragraphs(pg);
    folio_block *blocks = calloc(n ? n : 1, sizeof(*blocks));
    if (!blocks)
        return FOLIO_ENOMEM;
    free_blocks(pg->blocks, pg->n_blocks);
    pg->blocks = blocks;
    pg->n_blocks = 0;
    for (size_t i = 0; i < pg->n_lines; i++) {
        if (starts_paragraph(pg, i))
            pg->blocks[pg->n_blocks++].first_line = i;
        pg->blocks[pg->n_blocks - 1].n_lines++;
    }
    for (size_t i = 0; i < pg->n_blocks; i++)
        if (build_block(r, pg, &pg->blocks[i]))
            return FOLIO_ENOMEM;
    return 0;
}

static int build_text(folio_page *pg)
{
    folio_buf buf = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        if (!pg->blocks[i].text || !*pg->blocks[i].text)
            continue;
        if (buf.len)
            folio_buf_puts(&buf, "\n\n");
        folio_buf_puts(&buf, pg->blocks[i].text);
    }
    free(pg->text);
    pg->text = folio_buf_take(&buf);
    return pg->text ? 0 : FOLIO_ENOMEM;
}

int folio_layout_run(const folio_repair *r, folio_page *pg, folio_error *err)
{
    if (regroup(r, pg) || build_text(pg))
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in layout",
                               pg->source_path);
    return 0;
}
