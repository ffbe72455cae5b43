/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Export a parsed citation as BibTeX, RIS or CSL-JSON. The GB/T type code
 * picks the entry type of each format from one table; names printed in the
 * GB/T Latin form ("LI M Y") are split into family and given names, Chinese
 * and corporate names are kept whole. BibTeX text is escaped by hand (the
 * ten TeX specials), CSL-JSON is built with jansson so JSON escaping is never
 * hand-rolled, RIS values are flattened to one line.
 */
#include "citation.h"

#include "text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the container/publisher name (folio_citation.journal) goes. */
enum cite_slot { SLOT_JOURNAL, SLOT_BOOKTITLE, SLOT_PUBLISHER, SLOT_SCHOOL, SLOT_INSTITUTION };

typedef struct cite_kind {
    const char *code; /* GB/T code without carrier ("EB" for "EB/OL") */
    const char *bibtex;
    const char *ris;
    const char *csl;
    enum cite_slot slot;
} cite_kind;

static const cite_kind KINDS[] = {
    {"J", "article", "JOUR", "article-journal", SLOT_JOURNAL},
    {"M", "book", "BOOK", "book", SLOT_PUBLISHER},
    {"C", "inproceedings", "CONF", "paper-conference", SLOT_BOOKTITLE},
    {"D", "phdthesis", "THES", "thesis", SLOT_SCHOOL},
    {"R", "techreport", "RPRT", "report", SLOT_INSTITUTION},
    {"S", "standard", "STAND", "standard", SLOT_PUBLISHER},
    {"P", "patent", "PAT", "patent", SLOT_PUBLISHER},
    {"N", "article", "NEWS", "article-newspaper", SLOT_JOURNAL},
    {"EB", "online", "ELEC", "webpage", SLOT_PUBLISHER},
    {"DB", "dataset", "DBASE", "dataset", SLOT_PUBLISHER},
    {"DS", "dataset", "DATA", "dataset", SLOT_PUBLISHER},
    {"CP", "software", "COMP", "software", SLOT_PUBLISHER},
    {"CM", "misc", "MAP", "map", SLOT_PUBLISHER},
    {"G", "collection", "EDBOOK", "book", SLOT_PUBLISHER},
    {"A", "misc", "GEN", "document", SLOT_PUBLISHER},
};
/* A whole proceedings volume ([C] without pages) and anything unknown. */
static const cite_kind KIND_PROCEEDINGS = {"C", "proceedings", "CONF", "book", SLOT_PUBLISHER};
static const cite_kind KIND_OTHER = {"Z", "misc", "GEN", "document", SLOT_PUBLISHER};

static const cite_kind *kind_of(const folio_citation *c)
{
    if (!c->type) {
        if (c->journal && (c->volume || c->issue))
            return &KINDS[0];
        return c->place ? &KINDS[1] : &KIND_OTHER;
    }
    size_t n = strcspn(c->type, "/");
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        if (strlen(KINDS[i].code) != n || strncmp(KINDS[i].code, c->type, n) != 0)
            continue;
        if (KINDS[i].code[0] == 'C' && n == 1 && !c->pages)
            return &KIND_PROCEEDINGS;
        return &KINDS[i];
    }
    return &KIND_OTHER;
}

static bool has_han(const char *s)
{
    size_t len = s ? strlen(s) : 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (folio_is_han(cp))
            return true;
    }
    return false;
}

/* The language: as given, else "zh" when the title (or journal) has Han characters. */
static const char *lang_of(const folio_citation *c, const folio_cite_meta *m)
{
    if (m && m->lang && *m->lang)
        return m->lang;
    return has_han(c->title ? c->title : c->journal) ? "zh" : "en";
}

/* Split "2000-11-20" into parts[0..2] (at most four digits each, so no overflow).
 * \return the number of parts read. */
static int date_parts(const char *date, int parts[3])
{
    int n = 0;
    for (const char *p = date; p && n < 3; p++) {
        int v = 0, digits = 0;
        for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
            v = v * 10 + (*p - '0');
        if (digits == 0)
            break;
        parts[n++] = v;
        if (*p != '-')
            break;
    }
    return n;
}

/* c->date is the publication date when it carries the year, else an access date. */
static bool date_is_issued(const folio_citation *c)
{
    int p[3];
    return c->date && c->year && date_parts(c->date, p) >= 1 && p[0] == c->year;
}

/* A name in the GB/T Latin form "SURNAME Given": ASCII, no comma, at least two
 * words, the first all capitals or the rest initials. \return the surname's length or 0. */
static size_t latin_surname(const char *name)
{
    size_t first = strcspn(name, " "), caps = 0, words = 0;
    bool initials = true;
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p >= 0x80 || *p == ',')
            return 0;
    for (size_t i = 0; i < first; i++)
        caps += (name[i] >= 'A' && name[i] <= 'Z');
    for (const char *p = name + first; *p;) {
        p += strspn(p, " ");
        size_t w = strcspn(p, " ");
        if (w == 0)
            break;
        words++;
        initials &= w <= 2 || (w == 3 && p[2] == '.');
        p += w;
    }
    if (words == 0 || first == 0)
        return 0;
    bool upper = caps >= 2 && strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'") == first;
    return upper || initials ? first : 0;
}

typedef struct name3 {
    char *family, *given, *suffix; /* suffix may be NULL */
} name3;

static void name3_free(name3 *n)
{
    free(n->family);
    free(n->given);
    free(n->suffix);
    n->family = n->given = n->suffix = NULL;
}

static bool is_suffix(const char *s)
{
    static const char *const SUFFIX[] = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", NULL};
    s += strspn(s, " ");
    for (size_t i = 0; SUFFIX[i]; i++)
        if (strcmp(s, SUFFIX[i]) == 0)
            return true;
    return false;
}

/* "LI M Y" -> LI / M Y; "PEEBLES P Z, Jr" -> PEEBLES / P Z / Jr. \return false
 * (n zeroed) when the name is not in that form: Chinese, corporate, unknown. */
static bool name_split(const char *name, name3 *n)
{
    memset(n, 0, sizeof *n);
    const char *comma = strchr(name, ',');
    if (comma && !is_suffix(comma + 1))
        return false;
    char *base = comma ? folio_strndup(name, (size_t)(comma - name)) : folio_strdup(name);
    size_t sn = base ? latin_surname(base) : 0;
    if (sn) {
        n->family = folio_strndup(base, sn);
        n->given = folio_strdup(base + sn + strspn(base + sn, " "));
        n->suffix = comma ? folio_strdup(comma + 1 + strspn(comma + 1, " ")) : NULL;
    }
    free(base);
    if (n->family && n->given && (!comma || n->suffix))
        return true;
    name3_free(n);
    return false;
}

char *folio_citation_key(const folio_citation *c)
{
    if (!c)
        return NULL;
    char stem[24] = "folio";
    name3 n;
    if (c->n_authors && name_split(c->authors[0], &n)) {
        size_t k = 0;
        for (const char *p = n.family; *p && k + 1 < sizeof stem; p++)
            if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
                stem[k++] = (char)(*p | 0x20);
        if (k >= 2)
            stem[k] = '\0';
        name3_free(&n);
    }
    const char *h = c->doi ? c->doi : c->title ? c->title : "";
    uint32_t fnv = 2166136261u;
    for (const char *p = h; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        fnv = (fnv ^ (ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch)) * 16777619u;
    }
    folio_buf b = FOLIO_BUF_INIT;
    if (c->year > 0)
        folio_buf_printf(&b, "%s%d_%06x", stem, c->year, (unsigned)(fnv & 0xFFFFFF));
    else
        folio_buf_printf(&b, "%s_%06x", stem, (unsigned)(fnv & 0xFFFFFF));
    return folio_buf_take(&b);
}

/* ---- BibTeX ---------------------------------------------------------- */

/* Append s with the TeX specials {}%&$#_\~^ escaped and line breaks flattened. */
static void bib_text(folio_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\\':
            folio_buf_puts(b, "\\textbackslash{}");
            break;
        case '~':
            folio_buf_puts(b, "\\textasciitilde{}");
            break;
        case '^':
            folio_buf_puts(b, "\\textasciicircum{}");
            break;
        case '{':
        case '}':
        case '%':
        case '&':
        case '$':
        case '#':
        case '_':
            folio_buf_putc(b, '\\');
            folio_buf_putc(b, *s);
            break;
        case '\n':
        case '\r':
        case '\t':
            folio_buf_putc(b, ' ');
            break;
        default:
            folio_buf_putc(b, *s);
        }
    }
}

/* Identifiers (doi, url) are read verbatim: only what would break the .bib changes. */
static void bib_verbatim(folio_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '%':
            folio_buf_puts(b, "\\%");
            break;
        case '{':
            folio_buf_puts(b, "%7B");
            break;
        case '}':
            folio_buf_puts(b, "%7D");
            break;
        case '\\':
            folio_buf_puts(b, "%5C");
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break;
        default:
            folio_buf_putc(b, *s);
        }
    }
}

static void bib_field(folio_buf *b, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    folio_buf_printf(b, "  %s = {", name);
    bib_text(b, value);
    folio_buf_puts(b, "},\n");
}

static void bib_name(folio_buf *b, const char *name)
{
    name3 n;
    if (name_split(name, &n)) {
        bib_text(b, n.family);
        if (n.suffix) {
            folio_buf_puts(b, ", ");
            bib_text(b, n.suffix);
        }
        folio_buf_puts(b, ", ");
        bib_text(b, n.given);
        name3_free(&n);
        return;
    }
    /* Chinese, corporate or otherwise unsplittable: braces keep BibTeX from splitting it. */
    folio_buf_putc(b, '{');
    bib_text(b, name);
    folio_buf_putc(b, '}');
}

static void bib_authors(folio_buf *b, const folio_citation *c)
{
    if (c->n_authors == 0)
        return;
    folio_buf_puts(b, "  author = {");
    for (size_t i = 0; i < c->n_authors; i++) {
        folio_buf_puts(b, i ? " and " : "");
        bib_name(b, c->authors[i]);
    }
    folio_buf_puts(b, c->et_al ? " and others},\n" : "},\n");
}

static const char *bib_slot(enum cite_slot s)
{
    static const char *const names[] = {"journal", "booktitle", "publisher", "school",
                                        "institution"};
    return names[s];
}

/* "37-48" as "37--48" (an en dash in TeX). */
static void bib_pages(folio_buf *b, const char *pages)
{
    folio_buf_puts(b, "  pages = {");
    for (const char *p = pages; *p; p++) {
        if (*p == '-') {
            folio_buf_puts(b, "--");
            continue;
        }
        char one[2] = {*p, '\0'};
        bib_text(b, one);
    }
    folio_buf_puts(b, "},\n");
}

static void bib_numbers(folio_buf *b, const folio_citation *c)
{
    if (c->year > 0)
        folio_buf_printf(b, "  year = {%d},\n", c->year);
    bib_field(b, date_is_issued(c) ? "date" : "urldate", c->date);
    bib_field(b, "volume", c->volume);
    bib_field(b, "number", c->issue);
    if (c->pages)
        bib_pages(b, c->pages);
}

static void bib_meta(folio_buf *b, const char *lang, const folio_cite_meta *m)
{
    const char *langid = strcmp(lang, "zh") == 0   ? "chinese"
                         : strcmp(lang, "en") == 0 ? "english"
                                                   : lang;
    bib_field(b, "langid", langid);
    if (!m)
        return;
    bib_field(b, "abstract", m->abstract);
    if (m->n_keywords && m->keywords) {
        folio_buf_puts(b, "  keywords = {");
        for (size_t i = 0; i < m->n_keywords; i++) {
            folio_buf_puts(b, i ? ", " : "");
            bib_text(b, m->keywords[i]);
        }
        folio_buf_puts(b, "},\n");
    }
}

static char *to_bibtex(const folio_citation *c, const folio_cite_meta *m)
{
    const cite_kind *k = kind_of(c);
    char *key = folio_citation_key(c);
    if (!key)
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_printf(&b, "@%s{%s,\n", k->bibtex, key);
    free(key);
    if (strcmp(k->ris, "NEWS") == 0)
        bib_field(&b, "entrysubtype", "newspaper");
    bib_authors(&b, c);
    bib_field(&b, "title", c->title);
    bib_field(&b, bib_slot(k->slot), c->journal);
    bib_field(&b, "address", c->place);
    bib_numbers(&b, c);
    if (c->doi) {
        folio_buf_puts(&b, "  doi = {");
        bib_verbatim(&b, c->doi);
        folio_buf_puts(&b, "},\n");
    }
    if (c->url) {
        folio_buf_puts(&b, "  url = {");
        bib_verbatim(&b, c->url);
        folio_buf_puts(&b, "},\n");
    }
    bib_meta(&b, lang_of(c, m), m);
    folio_buf_puts(&b, "}\n");
    return folio_buf_take(&b);
}

/* ---- RIS ------------------------------------------------------------- */

static void ris_tag(folio_buf *b, const char *tag, const char *value)
{
    if (!value || !*value)
        return;
    folio_buf_printf(b, "%s  - ", tag);
    for (const char *p = value; *p; p++)
        folio_buf_putc(b, (*p == '\r' || *p == '\n' || *p == '\t') ? ' ' : *p);
    folio_buf_puts(b, "\r\n");
}

/* "2000-11-20" as RIS "2000/11/20". */
static void ris_date(folio_buf *b, const char *tag, const char *date)
{
    int p[3] = {0, 0, 0}, n = date_parts(date, p);
    if (n == 0)
        return;
    char v[32];
    if (n == 1)
        snprintf(v, sizeof v, "%04d", p[0]);
    else if (n == 2)
        snprintf(v, sizeof v, "%04d/%02d", p[0], p[1]);
    else
        snprintf(v, sizeof v, "%04d/%02d/%02d", p[0], p[1], p[2]);
    ris_tag(b, tag, v);
}

static void ris_pages(folio_buf *b, const char *pages)
{
    if (!pages)
        return;
    size_t n = strcspn(pages, "-");
    char *sp = folio_strndup(pages, n);
    ris_tag(b, "SP", sp);
    free(sp);
    if (pages[n] == '-')
        ris_tag(b, "EP", pages + n + 1 + strspn(pages + n + 1, "-"));
}

static char *to_ris(const folio_citation *c, const folio_cite_meta *m)
{
    const cite_kind *k = kind_of(c);
    folio_buf b = FOLIO_BUF_INIT;
    ris_tag(&b, "TY", k->ris);
    for (size_t i = 0; i < c->n_authors; i++)
        ris_tag(&b, "AU", c->authors[i]);
    ris_tag(&b, "TI", c->title);
    ris_tag(&b, k->slot <= SLOT_BOOKTITLE ? "T2" : "PB", c->journal);
    ris_tag(&b, "CY", c->place);
    if (c->year > 0) {
        char y[16];
        snprintf(y, sizeof y, "%d", c->year);
        ris_tag(&b, "PY", y);
    }
    ris_date(&b, date_is_issued(c) ? "DA" : "Y2", c->date);
    ris_tag(&b, "VL", c->volume);
    ris_tag(&b, "IS", c->issue);
    ris_pages(&b, c->pages);
    ris_tag(&b, "DO", c->doi);
    ris_tag(&b, "UR", c->url);
    ris_tag(&b, "LA", lang_of(c, m));
    if (m) {
        ris_tag(&b, "AB", m->abstract);
        for (size_t i = 0; m->keywords && i < m->n_keywords; i++)
            ris_tag(&b, "KW", m->keywords[i]);
    }
    folio_buf_puts(&b, "ER  - \r\n");
    return folio_buf_take(&b);
}

/* ---- CSL-JSON -------------------------------------------------------- */

/* A JSON string; invalid UTF-8 is repaired with U+FFFD. NULL stays NULL. */
static json_t *jstr(const char *s)
{
    if (!s)
        return NULL;
    json_t *j = json_string(s);
    if (j)
        return j;
    char *fixed = folio_utf8_valid(s);
    j = fixed ? json_string(fixed) : NULL;
    free(fixed);
    return j;
}

static void jset(json_t *o, const char *key, const char *value)
{
    json_t *v = jstr(value);
    if (v)
        json_object_set_new(o, key, v);
}

static json_t *csl_name(const char *name)
{
    json_t *o = json_object();
    name3 n;
    if (!o)
        return NULL;
    if (!name_split(name, &n)) {
        jset(o, "literal", name);
        return o;
    }
    jset(o, "family", n.family);
    jset(o, "given", n.given);
    jset(o, "suffix", n.suffix);
    name3_free(&n);
    return o;
}

static json_t *csl_date(const char *date, int year)
{
    int p[3] = {year, 0, 0}, n = date ? date_parts(date, p) : (year > 0);
    json_t *parts = json_array();
    for (int i = 0; parts && i < n; i++)
        json_array_append_new(parts, json_integer(p[i]));
    return json_pack("{s:[o]}", "date-parts", parts);
}

static void csl_fields(json_t *o, const folio_citation *c, const cite_kind *k)
{
    json_t *authors = json_array();
    for (size_t i = 0; authors && i < c->n_authors; i++)
        json_array_append_new(authors, csl_name(c->authors[i]));
    if (authors && c->n_authors)
        json_object_set(o, "author", authors);
    json_decref(authors);
    jset(o, "title", c->title);
    jset(o, k->slot <= SLOT_BOOKTITLE ? "container-title" : "publisher", c->journal);
    jset(o, "publisher-place", c->place);
    if (date_is_issued(c))
        json_object_set_new(o, "issued", csl_date(c->date, c->year));
    else if (c->year > 0)
        json_object_set_new(o, "issued", csl_date(NULL, c->year));
    if (c->date && !date_is_issued(c))
        json_object_set_new(o, "accessed", csl_date(c->date, 0));
    jset(o, "volume", c->volume);
    jset(o, "issue", c->issue);
    jset(o, "page", c->pages);
    jset(o, "DOI", c->doi);
    jset(o, "URL", c->url);
}

static void csl_meta(json_t *o, const char *lang, const folio_cite_meta *m)
{
    jset(o, "language", lang);
    if (!m)
        return;
    jset(o, "abstract", m->abstract);
    if (m->keywords && m->n_keywords) {
        folio_buf kw = FOLIO_BUF_INIT;
        for (size_t i = 0; i < m->n_keywords; i++) {
            folio_buf_puts(&kw, i ? ", " : "");
            folio_buf_puts(&kw, m->keywords[i]);
        }
        char *s = folio_buf_take(&kw);
        jset(o, "keyword", s);
        free(s);
    }
}

static char *to_csl(const folio_citation *c, const folio_cite_meta *m)
{
    char *out = NULL, *key = folio_citation_key(c);
    const cite_kind *k = kind_of(c);
    json_t *item = json_object(), *list = json_array();
    if (!key || !item || !list)
        goto done;
    jset(item, "id", key);
    jset(item, "type", k->csl);
    csl_fields(item, c, k);
    csl_meta(item, lang_of(c, m), m);
    if (json_array_append(list, item) == 0)
        out = json_dumps(list, JSON_INDENT(2));
done:
    json_decref(item);
    json_decref(list);
    free(key);
    return out;
}

/* ---- entry points ---------------------------------------------------- */

char *folio_citation_export(const folio_citation *c, folio_cite_format f, const folio_cite_meta *m)
{
    if (!c)
        return NULL;
    switch (f) {
    case FOLIO_CITE_BIBTEX:
        return to_bibtex(c, m);
    case FOLIO_CITE_RIS:
        return to_ris(c, m);
    case FOLIO_CITE_CSL:
        return to_csl(c, m);
    default:
        return NULL;
    }
}

char *folio_citation_to_bibtex(const folio_citation *c, const char *lang)
{
    folio_cite_meta m = {lang, NULL, NULL, 0};
    return folio_citation_export(c, FOLIO_CITE_BIBTEX, &m);
}

char *folio_citation_to_ris(const folio_citation *c, const char *lang)
{
    folio_cite_meta m = {lang, NULL, NULL, 0};
    return folio_citation_export(c, FOLIO_CITE_RIS, &m);
}

char *folio_citation_to_csl(const folio_citation *c, const char *lang)
{
    folio_cite_meta m = {lang, NULL, NULL, 0};
    return folio_citation_export(c, FOLIO_CITE_CSL, &m);
}
