/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The JSON document (schema "folio/1", docs/schema.md): the page text, the
 * output contract's fields, blocks with boxes and confidences, what
 * preprocessing did and how long each stage took. Built with jansson so
 * escaping is never hand-rolled; strings that are not valid UTF-8 (a file
 * name in another encoding) are repaired with U+FFFD first, because JSON
 * cannot carry them.
 */
#include "render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* A JSON string from s; NULL s gives JSON null. Invalid UTF-8 becomes U+FFFD. */
static json_t *jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    char *fixed = folio_utf8_valid(s);
    j = fixed ? json_string(fixed) : NULL;
    free(fixed);
    return j ? j : json_null();
}

static json_t *jlist(const folio_strlist *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++)
        json_array_append_new(a, jstr(l->items[i]));
    return a;
}

static json_t *jbox(folio_box b)
{
    return json_pack("[iiii]", b.x, b.y, b.w, b.h);
}

static json_t *jcitation(const folio_citation *c)
{
    if (!c)
        return json_null();
    json_t *authors = json_array();
    for (size_t i = 0; i < c->n_authors; i++)
        json_array_append_new(authors, jstr(c->authors[i]));
    json_t *o = json_object();
    json_object_set_new(o, "authors", authors);
    json_object_set_new(o, "et_al", json_boolean(c->et_al));
    json_object_set_new(o, "title", jstr(c->title));
    json_object_set_new(o, "type", jstr(c->type));
    json_object_set_new(o, "journal", jstr(c->journal));
    json_object_set_new(o, "year", c->year ? json_integer(c->year) : json_null());
    json_object_set_new(o, "volume", jstr(c->volume));
    json_object_set_new(o, "issue", jstr(c->issue));
    json_object_set_new(o, "pages", jstr(c->pages));
    json_object_set_new(o, "doi", jstr(c->doi));
    return o;
}

static json_t *jfields(const folio_fields *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "journal_zh", jstr(f->journal_zh));
    json_object_set_new(o, "journal_en", jstr(f->journal_en));
    json_object_set_new(o, "title_zh", jstr(f->title_zh));
    json_object_set_new(o, "title_en", jstr(f->title_en));
    json_object_set_new(o, "authors_zh", jlist(&f->authors_zh));
    json_object_set_new(o, "authors_en", jlist(&f->authors_en));
    json_object_set_new(o, "affiliation_zh", jstr(f->affiliation_zh));
    json_object_set_new(o, "affiliation_en", jstr(f->affiliation_en));
    json_object_set_new(o, "abstract_zh", jstr(f->abstract_zh));
    json_object_set_new(o, "abstract_en", jstr(f->abstract_en));
    json_object_set_new(o, "keywords_zh", jlist(&f->keywords_zh));
    json_object_set_new(o, "keywords_en", jlist(&f->keywords_en));
    json_object_set_new(o, "clc", jstr(f->clc));
    json_object_set_new(o, "doc_code", jstr(f->doc_code));
    json_object_set_new(o, "article_no", jstr(f->article_no));
    json_object_set_new(o, "doi", jstr(f->doi));
    json_object_set_new(o, "received", jstr(f->received));
    json_object_set_new(o, "online", jstr(f->online));
    json_object_set_new(o, "funding", jstr(f->funding));
    json_object_set_new(o, "author_bio", jstr(f->author_bio));
    json_object_set_new(o, "citation_zh", jstr(f->citation_zh));
    json_object_set_new(o, "citation_en", jstr(f->citation_en));
    json_object_set_new(o, "citation", jcitation(f->citation));
    return o;
}

static json_t *jpreprocess(const folio_preprocess_report *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "rotation", json_integer(r->rotation));
    json_object_set_new(o, "orient_conf", json_real(r->orient_conf));
    json_object_set_new(o, "orient_method", jstr(r->orient_method));
    json_object_set_new(o, "orient_applied", json_boolean(r->orient_applied));
    json_object_set_new(o, "skew_deg", json_real(r->skew_deg));
    json_object_set_new(o, "skew_conf", json_real(r->skew_conf));
    json_object_set_new(o, "skew_applied", json_boolean(r->skew_applied));
    json_object_set_new(o, "crop", r->crop[2] > 0 ? json_pack("[iiii]", r->crop[0], r->crop[1],
                                                              r->crop[2], r->crop[3])
                                                   : json_null());
    json_object_set_new(o, "dpi_in", r->dpi_in ? json_integer(r->dpi_in) : json_null());
    json_object_set_new(o, "dpi_est", r->dpi_est ? json_integer(r->dpi_est) : json_null());
    json_object_set_new(o, "dpi_used", json_integer(r->dpi_used));
    json_object_set_new(o, "scale", json_real(r->scale));
    json_object_set_new(o, "binarize", jstr(r->binarize));
    json_object_set_new(o, "background", json_boolean(r->background));
    json_object_set_new(o, "ms", json_real(r->ms));
    return o;
}

static json_t *jreread(const folio_reread_report *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "components", r->unread >= 0 ? json_integer(r->components) : json_null());
    json_object_set_new(o, "unread", r->unread >= 0 ? json_integer(r->unread) : json_null());
    json_object_set_new(o, "reread", json_boolean(r->tried));
    json_object_set_new(o, "unread_reread", r->tried ? json_integer(r->unread_alt) : json_null());
    json_object_set_new(o, "reread_kept", json_boolean(r->kept));
    json_object_set_new(o, "dark_ground_mm2", r->dark_ground_mm2 >= 0
                                                  ? json_integer((json_int_t)r->dark_ground_mm2)
                                                  : json_null());
    json_object_set_new(o, "invert", json_boolean(r->invert));
    bool routed = r->lines_routed >= 0;
    json_object_set_new(o, "lines_routed", routed ? json_integer(r->lines_routed) : json_null());
    json_object_set_new(o, "lines_read_twice",
                        routed ? json_integer(r->lines_read_twice) : json_null());
    return o;
}

static json_t *jlines(const folio_page *pg, const folio_block *b)
{
    json_t *a = json_array();
    for (size_t j = 0; j < b->n_lines; j++) {
        const folio_line *ln = &pg->lines[b->first_line + j];
        json_array_append_new(a, json_pack("{s:o s:o s:f}", "text", jstr(ln->text), "bbox",
                                           jbox(ln->box), "confidence", (double)ln->conf));
    }
    return a;
}

static json_t *jblocks(const folio_page *pg)
{
    json_t *a = json_array();
    for (size_t i = 0; i < pg->n_blocks; i++) {
        const folio_block *b = &pg->blocks[i];
        json_array_append_new(a, json_pack("{s:o s:o s:f s:o s:o}", "text", jstr(b->text),
                                           "bbox", jbox(b->box), "confidence", (double)b->conf,
                                           "label", jstr(b->label), "lines", jlines(pg, b)));
    }
    return a;
}

static json_t *jtiming(const folio_page *pg)
{
    json_t *o = json_object();
    double total = 0;
    for (int s = 0; s < FOLIO_STAGE_COUNT; s++) {
        json_object_set_new(o, folio_stage_name(s), json_real(pg->timing_ms[s]));
        total += pg->timing_ms[s];
    }
    json_object_set_new(o, "total", json_real(total));
    return o;
}

static json_t *jpage(const folio_page *pg)
{
    json_t *o = json_object();
    json_object_set_new(o, "schema", json_string(FOLIO_SCHEMA));
    json_object_set_new(o, "folio_version", json_string(folio_version()));
    json_object_set_new(o, "source",
                        json_pack("{s:o s:i s:i s:s}", "path", jstr(pg->source_path), "page",
                                  pg->source_page + 1, "pages", pg->source_pages, "sha256",
                                  pg->sha256));
    json_object_set_new(o, "image", json_pack("{s:i s:i s:i}", "width", pg->width, "height",
                                              pg->height, "dpi", pg->dpi));
    json_object_set_new(o, "note", pg->note[0] ? json_string(pg->note) : json_null());
    json_object_set_new(o, "preprocess", jpreprocess(&pg->pre));
    json_object_set_new(o, "recognition", jreread(&pg->reread));
    json_object_set_new(o, "confidence", pg->conf >= 0 ? json_real(pg->conf) : json_null());
    json_object_set_new(o, "text", jstr(pg->text ? pg->text : ""));
    json_object_set_new(o, "fields", jfields(&pg->fields));
    json_object_set_new(o, "blocks", jblocks(pg));
    json_object_set_new(o, "timing_ms", jtiming(pg));
    return o;
}

int folio_render_json(const folio_page *pg, folio_buf *out, folio_error *err)
{
    json_t *doc = jpage(pg);
    char *s = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))
                  : NULL;
    json_decref(doc);
    if (!s)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: cannot build the JSON document",
                               pg->source_path);
    folio_buf_puts(out, s);
    folio_buf_putc(out, '\n');
    free(s);
    return 0;
}
