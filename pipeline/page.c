/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The page model's allocation and release, and the public accessors of a
 * converted page.
 */
#include "page.h"
#include "text.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>

static const char *const stage_names[FOLIO_STAGE_COUNT] = {
    "load", "preprocess", "ocr", "repair", "layout", "altread", "fields",
};

const char *folio_stage_name(int stage)
{
    return stage >= 0 && stage < FOLIO_STAGE_COUNT ? stage_names[stage] : "?";
}

folio_box folio_box_union(folio_box a, folio_box b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (folio_box){x0, y0, x1 - x0, y1 - y0};
}

folio_page *folio_page_new(void)
{
    folio_page *pg = calloc(1, sizeof(*pg));
    if (pg) {
        pg->conf = -1;
        pg->pre.scale = 1;
        pg->pre.binarize = "none";
        pg->reread.unread = -1;
        pg->reread.dark_ground_mm2 = -1;
        pg->reread.lines_routed = -1;
    }
    return pg;
}

int folio_strlist_push(folio_strlist *l, const char *s)
{
    char **p = realloc(l->items, (l->n + 1) * sizeof(*p));
    if (!p)
        return FOLIO_ENOMEM;
    l->items = p;
    l->items[l->n] = folio_strdup(s);
    if (!l->items[l->n])
        return FOLIO_ENOMEM;
    l->n++;
    return 0;
}

void folio_strlist_clear(folio_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void folio_fields_clear(folio_fields *f)
{
    char **strs[] = {
        &f->journal_zh, &f->journal_en,     &f->title_zh,    &f->title_en,    &f->affiliation_zh,
        &f->affiliation_en, &f->abstract_zh, &f->abstract_en, &f->clc,        &f->doc_code,
        &f->article_no,  &f->doi,           &f->received,    &f->online,      &f->funding,
        &f->author_bio,  &f->citation_zh,   &f->citation_en,
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        free(*strs[i]);
        *strs[i] = NULL;
    }
    folio_strlist_clear(&f->authors_zh);
    folio_strlist_clear(&f->authors_en);
    folio_strlist_clear(&f->keywords_zh);
    folio_strlist_clear(&f->keywords_en);
    folio_citation_destroy(&f->citation);
}

static void free_lines(folio_page *pg)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_line *ln = &pg->lines[i];
        for (size_t j = 0; j < ln->n_words; j++)
            free(ln->words[j].text);
        free(ln->words);
        free(ln->text);
        free(ln->alt_text);
    }
    free(pg->lines);
    pg->lines = NULL;
    pg->n_lines = 0;
}

void folio_page_destroy(folio_page **pp)
{
    if (!pp || !*pp)
        return;
    folio_page *pg = *pp;
    free_lines(pg);
    for (size_t i = 0; i < pg->n_blocks; i++)
        free(pg->blocks[i].text);
    free(pg->blocks);
    free(pg->text);
    free(pg->source_path);
    folio_fields_clear(&pg->fields);
    pixDestroy(&pg->image);
    free(pg->tessdata);
    free(pg);
    *pp = NULL;
}

const char *folio_page_text(const folio_page *pg)
{
    return pg && pg->text ? pg->text : "";
}

double folio_page_confidence(const folio_page *pg)
{
    return pg ? pg->conf : -1;
}

const char *folio_page_sha256(const folio_page *pg)
{
    return pg ? pg->sha256 : "";
}

const char *folio_page_note(const folio_page *pg)
{
    return pg ? pg->note : "";
}
