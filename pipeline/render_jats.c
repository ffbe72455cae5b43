/* SPDX-License-Identifier: Apache-2.0 */
/*
 * JATS 1.3 (Journal Archiving and Interchange): an <article> whose <front>
 * carries what the fields stage found: journal titles, the DOI and article
 * number, the CLC class, titles in both languages, authors paired across
 * languages, affiliations, volume, issue and pages from the parsed citation,
 * dates, abstracts and keywords per language, funding; then the body
 * paragraphs. The article's language is Chinese when a Chinese title or
 * abstract was found; the other language goes into trans-title-group and
 * trans-abstract. Every language-bearing element carries xml:lang.
 */
#include "render.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JATS_PUBID                                                                                 \
    "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN"
#define JATS_SYSID "JATS-archivearticle1-3.dtd"

/* The page's two languages: the article's own and the translated one. */
typedef struct jats_langs {
    const char *main, *trans;
    bool zh_main;
} jats_langs;

static void jats_journal_meta(folio_xml *x, const folio_fields *f, const jats_langs *l)
{
    const folio_citation *c = f->citation;
    const char *zh = f->journal_zh, *clang = c ? folio_text_lang(c->journal) : NULL;
    if (!zh && clang && strcmp(clang, "zh") == 0)
        zh = c->journal; /* the citation names the journal as printed */
    const char *own = l->zh_main ? zh : f->journal_en, *other = l->zh_main ? f->journal_en : zh;
    folio_xml_start(x, "journal-meta");
    if (own || other) {
        folio_xml_start(x, "journal-title-group");
        folio_xml_elem_lang(x, "journal-title", own ? l->main : l->trans, own ? own : other);
        if (own && other) {
            folio_xml_start(x, "trans-title-group");
            folio_xml_attr(x, "xml:lang", l->trans);
            folio_xml_elem(x, "trans-title", other);
            folio_xml_end(x);
        }
        folio_xml_end(x);
    }
    folio_xml_end(x);
}

static void jats_ids(folio_xml *x, const folio_fields *f)
{
    const char *doi = f->doi ? f->doi : f->citation ? f->citation->doi : NULL;
    if (doi) {
        folio_xml_start(x, "article-id");
        folio_xml_attr(x, "pub-id-type", "doi");
        folio_xml_text(x, doi);
        folio_xml_end(x);
    }
    if (f->article_no) {
        folio_xml_start(x, "article-id");
        folio_xml_attr(x, "pub-id-type", "publisher-id");
        folio_xml_text(x, f->article_no);
        folio_xml_end(x);
    }
    if (f->clc) {
        folio_xml_start(x, "article-categories");
        folio_xml_start(x, "subj-group");
        folio_xml_attr(x, "subj-group-type", "clc");
        folio_xml_elem(x, "subject", f->clc);
        folio_xml_end(x);
        folio_xml_end(x);
    }
}

/* The Chinese title: the title block's, else the page's own citation's when it is Chinese (a
 * web-first page prints the Chinese title only in its citation). */
static const char *title_zh(const folio_fields *f)
{
    if (f->title_zh || !f->citation || !f->citation->title)
        return f->title_zh;
    size_t han = 0, latin = 0;
    folio_count_scripts(f->citation->title, &han, &latin);
    return han > latin ? f->citation->title : NULL;
}

static void jats_titles(folio_xml *x, const folio_fields *f, const jats_langs *l)
{
    const char *own = l->zh_main ? title_zh(f) : f->title_en;
    const char *other = l->zh_main ? f->title_en : title_zh(f);
    if (!own && !other)
        return;
    folio_xml_start(x, "title-group");
    folio_xml_elem_lang(x, "article-title", own ? l->main : l->trans, own ? own : other);
    if (own && other) {
        folio_xml_start(x, "trans-title-group");
        folio_xml_attr(x, "xml:lang", l->trans);
        folio_xml_elem(x, "trans-title", other);
        folio_xml_end(x);
    }
    folio_xml_end(x);
}

/* "PU Qingping" (surname in capitals first) as a structured eastern-order name. */
static void jats_name(folio_xml *x, const char *name, const char *lang)
{
    size_t sn = strcspn(name, " ");
    bool caps = sn >= 2 && name[sn] == ' ';
    for (size_t i = 0; caps && i < sn; i++)
        caps = (name[i] >= 'A' && name[i] <= 'Z') || name[i] == '-' || name[i] == '\'';
    if (!caps) {
        folio_xml_elem_lang(x, "string-name", lang, name);
        return;
    }
    char *surname = folio_strndup(name, sn);
    folio_xml_start(x, "name");
    folio_xml_attr(x, "name-style", "eastern");
    folio_xml_attr(x, "xml:lang", lang);
    folio_xml_elem(x, "surname", surname);
    folio_xml_elem(x, "given-names", name + sn + strspn(name + sn, " "));
    folio_xml_end(x);
    free(surname);
}

/* One contributor per position; the i-th Chinese and English names are the same person. */
static void jats_contribs(folio_xml *x, const folio_fields *f)
{
    bool aff = f->affiliation_zh || f->affiliation_en;
    size_t nz = f->authors_zh.n, ne = f->authors_en.n, n = nz > ne ? nz : ne;
    for (size_t i = 0; i < n; i++) {
        const char *zh = i < nz ? f->authors_zh.items[i] : NULL;
        const char *en = i < ne ? f->authors_en.items[i] : NULL;
        folio_xml_start(x, "contrib");
        folio_xml_attr(x, "contrib-type", "author");
        if (zh && en)
            folio_xml_start(x, "name-alternatives");
        if (zh)
            folio_xml_elem_lang(x, "string-name", "zh", zh);
        if (en)
            jats_name(x, en, "en");
        if (zh && en)
            folio_xml_end(x);
        if (aff) {
            folio_xml_start(x, "xref");
            folio_xml_attr(x, "ref-type", "aff");
            folio_xml_attr(x, "rid", "aff1");
            folio_xml_end(x);
        }
        folio_xml_end(x);
    }
}

static void jats_contrib_group(folio_xml *x, const folio_fields *f)
{
    const char *az = f->affiliation_zh, *ae = f->affiliation_en;
    if (!f->authors_zh.n && !f->authors_en.n && !az && !ae && !f->author_bio)
        return;
    folio_xml_start(x, "contrib-group");
    jats_contribs(x, f);
    if (az && ae) {
        folio_xml_start(x, "aff-alternatives");
        folio_xml_attr(x, "id", "aff1");
        folio_xml_elem_lang(x, "aff", "zh", az);
        folio_xml_elem_lang(x, "aff", "en", ae);
        folio_xml_end(x);
    } else if (az || ae) {
        folio_xml_start(x, "aff");
        folio_xml_attr(x, "id", "aff1");
        folio_xml_attr(x, "xml:lang", az ? "zh" : "en");
        folio_xml_text(x, az ? az : ae);
        folio_xml_end(x);
    }
    if (f->author_bio) {
        folio_xml_start(x, "bio");
        folio_xml_attr(x, "xml:lang", folio_text_lang(f->author_bio));
        folio_xml_elem(x, "p", f->author_bio);
        folio_xml_end(x);
    }
    folio_xml_end(x);
}

/* Split "2024-09-13" (or "2024-09", "2024") into p[]. \return parts read, 0 if not a date. */
static int date_parts(const char *date, int p[3])
{
    int n = date ? sscanf(date, "%d-%d-%d", &p[0], &p[1], &p[2]) : 0;
    if (n < 1 || p[0] < 1000 || p[0] > 9999)
        return 0;
    if (n > 1 && (p[1] < 1 || p[1] > 12))
        return 1;
    if (n > 2 && (p[2] < 1 || p[2] > 31))
        return 2;
    return n;
}

static void num_elem(folio_xml *x, const char *name, const char *fmt, int v)
{
    char s[16];
    snprintf(s, sizeof(s), fmt, v);
    folio_xml_elem(x, name, s);
}

/* <elem date-type=type [publication-format=fmt]> with day, month, year; nothing without a year. */
static void jats_date(folio_xml *x, const char *elem, const char *type, const char *fmt,
                      const char *date, int year)
{
    int p[3] = {year, 0, 0};
    int n = date ? date_parts(date, p) : (year >= 1000 && year <= 9999);
    if (n < 1)
        return;
    folio_xml_start(x, elem);
    folio_xml_attr(x, "date-type", type);
    folio_xml_attr(x, "publication-format", fmt);
    if (n == 3)
        folio_xml_attrf(x, "iso-8601-date", "%04d-%02d-%02d", p[0], p[1], p[2]);
    if (n >= 3)
        num_elem(x, "day", "%02d", p[2]);
    if (n >= 2)
        num_elem(x, "month", "%02d", p[1]);
    num_elem(x, "year", "%04d", p[0]);
    folio_xml_end(x);
}

/* Print date from the citation's year, online date from 在线发布日期. */
static void jats_pub_dates(folio_xml *x, const folio_fields *f)
{
    if (f->citation && f->citation->year > 0)
        jats_date(x, "pub-date", "pub", "print", NULL, f->citation->year);
    jats_date(x, "pub-date", "pub", "electronic", f->online, 0);
}

/* volume, issue, and fpage/lpage (or elocation-id for an article number). */
static void jats_issue(folio_xml *x, const folio_citation *c)
{
    if (!c)
        return;
    folio_xml_elem(x, "volume", c->volume);
    folio_xml_elem(x, "issue", c->issue);
    if (!c->pages || !*c->pages)
        return;
    size_t n = strcspn(c->pages, "-");
    bool range = n > 0 && c->pages[n] == '-' && strspn(c->pages, "0123456789") == n;
    if (!range) {
        folio_xml_elem(x, "elocation-id", c->pages);
        return;
    }
    char *fp = folio_strndup(c->pages, n);
    folio_xml_elem(x, "fpage", fp);
    folio_xml_elem(x, "lpage", c->pages + n + strspn(c->pages + n, "-"));
    free(fp);
}

static void jats_history(folio_xml *x, const folio_fields *f)
{
    int p[3];
    if (!date_parts(f->received, p))
        return;
    folio_xml_start(x, "history");
    jats_date(x, "date", "received", NULL, f->received, 0);
    folio_xml_end(x);
}

static void jats_abstract(folio_xml *x, const char *elem, const char *lang, const char *text)
{
    if (!text || !*text)
        return;
    folio_xml_start(x, elem);
    folio_xml_attr(x, "xml:lang", lang);
    folio_xml_elem(x, "p", text);
    folio_xml_end(x);
}

static void jats_kwds(folio_xml *x, const char *lang, const folio_strlist *l)
{
    if (l->n == 0)
        return;
    folio_xml_start(x, "kwd-group");
    folio_xml_attr(x, "xml:lang", lang);
    for (size_t i = 0; i < l->n; i++)
        folio_xml_elem(x, "kwd", l->items[i]);
    folio_xml_end(x);
}

static void jats_funding(folio_xml *x, const char *funding)
{
    if (!funding || !*funding)
        return;
    folio_xml_start(x, "funding-group");
    folio_xml_elem_lang(x, "funding-statement", folio_text_lang(funding), funding);
    folio_xml_end(x);
}

static void jats_custom(folio_xml *x, const folio_fields *f)
{
    if (!f->doc_code)
        return;
    folio_xml_start(x, "custom-meta-group");
    folio_xml_start(x, "custom-meta");
    folio_xml_elem_lang(x, "meta-name", "zh", "文献标志码");
    folio_xml_elem(x, "meta-value", f->doc_code);
    folio_xml_end(x);
    folio_xml_end(x);
}

/* article-meta in the element order of the JATS 1.3 content model. */
static void jats_article_meta(folio_xml *x, const folio_fields *f, const jats_langs *l)
{
    const char *abs_own = l->zh_main ? f->abstract_zh : f->abstract_en;
    const char *abs_other = l->zh_main ? f->abstract_en : f->abstract_zh;
    folio_xml_start(x, "article-meta");
    jats_ids(x, f);
    jats_titles(x, f, l);
    jats_contrib_group(x, f);
    jats_pub_dates(x, f);
    jats_issue(x, f->citation);
    jats_history(x, f);
    if (abs_own)
        jats_abstract(x, "abstract", l->main, abs_own);
    jats_abstract(x, abs_own ? "trans-abstract" : "abstract", l->trans, abs_other);
    jats_kwds(x, l->main, l->zh_main ? &f->keywords_zh : &f->keywords_en);
    jats_kwds(x, l->trans, l->zh_main ? &f->keywords_en : &f->keywords_zh);
    jats_funding(x, f->funding);
    jats_custom(x, f);
    folio_xml_end(x);
}

static bool is_body(const folio_block *b, bool front)
{
    if (!front)
        return true; /* nothing recognized as front matter: every block is body text */
    return b->label && (strcmp(b->label, "body") == 0);
}

static void jats_body(folio_xml *x, const folio_page *pg, bool front)
{
    bool open = false;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        const folio_block *b = &pg->blocks[i];
        if (!b->text || !*b->text || !is_body(b, front))
            continue;
        if (!open)
            folio_xml_start(x, "body");
        open = true;
        folio_xml_elem_lang(x, "p", folio_text_lang(b->text), b->text);
    }
    if (open)
        folio_xml_end(x);
}

int folio_render_jats(const folio_page *pg, folio_buf *out, folio_error *err)
{
    const folio_fields *f = &pg->fields;
    bool zh = f->title_zh || f->abstract_zh || (!f->title_en && !f->abstract_en);
    jats_langs l = {zh ? "zh" : "en", zh ? "en" : "zh", zh};
    bool front = f->title_zh || f->title_en || f->abstract_zh || f->abstract_en;
    folio_xml *x = folio_xml_begin("article", JATS_PUBID, JATS_SYSID);
    folio_xml_start(x, "article");
    folio_xml_attr(x, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    folio_xml_attr(x, "xmlns:mml", "http://www.w3.org/1998/Math/MathML");
    folio_xml_attr(x, "article-type", "research-article");
    folio_xml_attr(x, "dtd-version", "1.3");
    folio_xml_attr(x, "xml:lang", l.main);
    folio_xml_start(x, "front");
    jats_journal_meta(x, f, &l);
    jats_article_meta(x, f, &l);
    folio_xml_end(x);
    jats_body(x, pg, front);
    folio_xml_end(x);
    if (folio_xml_finish(&x, out))
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory writing JATS",
                               pg->source_path ? pg->source_path : "page");
    return 0;
}
