/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for the block classifier and field extraction
 * (pipeline/fields.c, classify.c, labels.c, values.c, crosscheck.c) on
 * synthetic pages: the input's lines are the page's lines, a blank line
 * starts a new block, and each line's box is derived from its bytes (so the
 * fuzzer steers the geometry: columns, overlaps, gaps, and now and then
 * negative or huge boxes) while plain text seeds still look like a page.
 */
#include "pipeline/fields.h"
#include "pipeline/page.h"
#include "pipeline/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_LINES 200
#define MINI(a, b) ((a) < (b) ? (a) : (b))

static uint32_t mix(const char *s, size_t n, size_t i)
{
    uint32_t h = 2166136261u ^ (uint32_t)i;
    for (size_t k = 0; k < n && k < 8; k++)
        h = (h ^ (unsigned char)s[k]) * 16777619u;
    return h;
}

static folio_box line_box(const char *s, size_t n, size_t i)
{
    uint32_t h = mix(s, n, i);
    folio_box b;
    b.y = 120 + 62 * (int)i + (int)(h % 31) - 15;
    b.x = (h >> 5) % 5 == 0 ? 1280 : 200 + (int)((h >> 8) % 80);
    b.w = (int)MINI(2200, 40 * (int)folio_utf8_len(s) / 3 + 20);
    b.h = 30 + (int)((h >> 16) % 40);
    if (n > 0 && (unsigned char)s[0] == 0xFF) { /* extreme geometry */
        b.x = (h & 1) ? INT_MAX - 5 : -(int)(h % 5000);
        b.w = (h & 2) ? INT_MAX : 0;
        b.h = (h & 4) ? -1 : INT_MAX / 2;
    }
    return b;
}

static void add_words(folio_line *ln)
{
    const char *t = ln->text;
    size_t n = strlen(t), i = 0, count = 0;
    ln->words = calloc(n + 1, sizeof(folio_word));
    if (!ln->words)
        return;
    while (i < n) {
        while (i < n && t[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && t[j] != ' ')
            j++;
        if (j > i) {
            folio_word *w = &ln->words[count++];
            w->text = folio_strndup(t + i, j - i);
            long long x = (long long)ln->box.x + (long long)ln->box.w * (long long)i / (long long)n;
            long long ww = (long long)ln->box.w * (long long)(j - i) / (long long)n;
            w->box =
                (folio_box){(int)MINI(x, INT_MAX), ln->box.y, (int)MINI(ww, INT_MAX), ln->box.h};
            w->conf = 90;
            w->space_before = i > 0;
        }
        i = j;
    }
    ln->n_words = count;
}

static void end_block(folio_page *pg, folio_block *b)
{
    folio_buf t = FOLIO_BUF_INIT;
    for (size_t k = 0; k < b->n_lines; k++) {
        if (k)
            folio_buf_putc(&t, '\n');
        folio_buf_puts(&t, pg->lines[b->first_line + k].text);
    }
    b->text = folio_buf_take(&t);
    b->box = pg->lines[b->first_line].box;
}

static folio_page *make_page(char *s)
{
    folio_page *pg = folio_page_new();
    if (!pg)
        return NULL;
    pg->source_path = folio_strdup("fuzz");
    pg->width = 2480;
    pg->height = 3508;
    pg->dpi = 300;
    pg->lines = calloc(MAX_LINES, sizeof(folio_line));
    pg->blocks = calloc(MAX_LINES, sizeof(folio_block));
    if (!pg->lines || !pg->blocks)
        return pg;
    bool new_block = true;
    char *p = s;
    while (*p && pg->n_lines < MAX_LINES) {
        char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0) {
            new_block = true;
        } else {
            if (new_block) {
                if (pg->n_blocks)
                    end_block(pg, &pg->blocks[pg->n_blocks - 1]);
                pg->blocks[pg->n_blocks].first_line = pg->n_lines;
                pg->n_blocks++;
                new_block = false;
            }
            folio_line *ln = &pg->lines[pg->n_lines];
            ln->text = folio_strndup(p, n);
            ln->box = line_box(p, n, pg->n_lines);
            ln->conf = 90;
            ln->block = (int)pg->n_blocks - 1;
            ln->para = ln->block;
            ln->para_start = pg->blocks[pg->n_blocks - 1].n_lines == 0;
            add_words(ln);
            pg->blocks[pg->n_blocks - 1].n_lines++;
            pg->n_lines++;
        }
        if (!e)
            break;
        p = e + 1;
    }
    if (pg->n_blocks)
        end_block(pg, &pg->blocks[pg->n_blocks - 1]);
    folio_buf all = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        if (i)
            folio_buf_puts(&all, "\n\n");
        folio_buf_puts(&all, pg->blocks[i].text ? pg->blocks[i].text : "");
    }
    pg->text = folio_buf_take(&all);
    return pg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    char *s = folio_strndup((const char *)data, size);
    if (!s)
        return 0;
    folio_page *pg = make_page(s);
    folio_error *err = folio_error_create();
    if (pg && pg->lines && pg->blocks)
        (void)folio_fields_extract(pg, err);
    folio_error_destroy(&err);
    folio_page_destroy(&pg);
    free(s);
    return 0;
}
