/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The bibliographic formats (BibTeX, RIS, CSL-JSON) as renderers: small
 * adapters from the page to render_cite.c's exporters. The page's parsed
 * citation is used as printed, its DOI completed from the DOI field when the
 * citation lacks one; a page without a parsed citation gets one built from
 * its title, authors, journal and DOI fields, so every page renders. The
 * abstract and keywords in the citation's language go along.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* The citation to export: a shallow copy of the parsed one, or one made of the fields. */
static folio_citation page_citation(const folio_fields *f)
{
    folio_citation c;
    memset(&c, 0, sizeof(c));
    if (f->citation) {
        c = *f->citation; /* borrowed pointers: never freed here */
        if (!c.doi)
            c.doi = f->doi;
        return c;
    }
    bool zh = f->title_zh != NULL || f->title_en == NULL;
    const folio_strlist *authors = zh ? &f->authors_zh : &f->authors_en;
    c.authors = authors->items;
    c.n_authors = authors->n;
    c.title = zh ? f->title_zh : f->title_en;
    c.journal = zh && f->journal_zh ? f->journal_zh : f->journal_en;
    static char article[] = "J"; /* a journal's first page: an article; never written */
    c.type = article;
    c.doi = f->doi;
    return c;
}

static int render_cite(const folio_page *pg, folio_cite_format fmt, const char *name,
                       folio_buf *out, folio_error *err)
{
    const folio_fields *f = &pg->fields;
    folio_citation c = page_citation(f);
    const char *lang = folio_text_lang(c.title ? c.title : c.journal);
    bool zh = lang && strcmp(lang, "zh") == 0;
    const folio_strlist *kw = zh ? &f->keywords_zh : &f->keywords_en;
    folio_cite_meta m = {lang, zh ? f->abstract_zh : f->abstract_en, (const char *const *)kw->items,
                         kw->n};
    char *s = folio_citation_export(&c, fmt, &m);
    if (!s)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory writing %s",
                               pg->source_path ? pg->source_path : "page", name);
    folio_buf_puts(out, s);
    if (out->len == 0 || out->data[out->len - 1] != '\n')
        folio_buf_putc(out, '\n');
    free(s);
    return 0;
}

int folio_render_bibtex(const folio_page *pg, folio_buf *out, folio_error *err)
{
    return render_cite(pg, FOLIO_CITE_BIBTEX, "BibTeX", out, err);
}

int folio_render_ris(const folio_page *pg, folio_buf *out, folio_error *err)
{
    return render_cite(pg, FOLIO_CITE_RIS, "RIS", out, err);
}

int folio_render_csl(const folio_page *pg, folio_buf *out, folio_error *err)
{
    return render_cite(pg, FOLIO_CITE_CSL, "CSL-JSON", out, err);
}
