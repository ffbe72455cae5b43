/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fields stage: label the page's lines and blocks (classify.c), then
 * read each field of the output contract from its lines — the text after
 * the label, lines joined, the value cut where the next label of the same
 * line begins, cleaned by values.c. Fields printed twice (title, authors
 * and DOI also appear in the printed citation) are cross-checked, and the
 * better-read copy is kept. A page that is not a first page gets no fields.
 */
#include "fields.h"

#include "classify.h"
#include "crosscheck.h"
#include "labels.h"
#include "pinyin.h"
#include "recheck.h"
#include "reconcile.h"
#include "vote.h"
#include "text.h"
#include "values.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fx {
    folio_page *pg;
    folio_line_class *cls;
    size_t *order;               /* line indices, top to bottom */
    char *vals[FOLIO_CUE_COUNT]; /* labelled values of meta and footnote lines */
    char **voted;                /* per line: its value voted with its second reading, or NULL */
    char *evidence;              /* the page text and every second reading, for the votes */
    int rc;
} fx;

/* ---- reading lines ----------------------------------------------------------- */

typedef struct line_key {
    int y, x;
    size_t idx;
} line_key;

static int cmp_key(const void *a, const void *b)
{
    const line_key *p = a, *q = b;
    if (p->y != q->y)
        return (p->y > q->y) - (p->y < q->y);
    if (p->x != q->x)
        return (p->x > q->x) - (p->x < q->x);
    return (p->idx > q->idx) - (p->idx < q->idx);
}

/* Line indices top to bottom (then left to right). \return malloc'd array or NULL. */
static size_t *order_lines(const folio_page *pg)
{
    line_key *keys = malloc((pg->n_lines + 1) * sizeof(*keys));
    size_t *order = malloc((pg->n_lines + 1) * sizeof(*order));
    if (!keys || !order) {
        free(keys);
        free(order);
        return NULL;
    }
    for (size_t i = 0; i < pg->n_lines; i++) {
        keys[i].y = pg->lines[i].box.y;
        keys[i].x = pg->lines[i].box.x;
        keys[i].idx = i;
    }
    qsort(keys, pg->n_lines, sizeof(*keys), cmp_key);
    for (size_t i = 0; i < pg->n_lines; i++)
        order[i] = keys[i].idx;
    free(keys);
    return order;
}

/* Does the line start a labelled field whose value follows the label? */
static bool cuts_label(const fx *x, size_t li)
{
    const folio_line_class *c = &x->cls[li];
    if (!c->start || c->cue.cue == FOLIO_CUE_NONE || c->cue.cue == FOLIO_CUE_CORRESP)
        return false;
    return c->cue.cue != FOLIO_CUE_DOI || c->kind == FOLIO_KIND_DOI;
}

/* The line's first reading from its value (after the label) when it starts a labelled field. */
static const char *first_value(const fx *x, size_t li)
{
    const char *t = x->pg->lines[li].text ? x->pg->lines[li].text : "";
    if (!cuts_label(x, li))
        return t;
    return x->cls[li].cue.value <= strlen(t) ? t + x->cls[li].cue.value : t;
}

/* The line's text from its value (after the label): the voted reading when it has one. */
static const char *line_value(const fx *x, size_t li)
{
    return x->voted && x->voted[li] ? x->voted[li] : first_value(x, li);
}

static bool lower_at(const char *s, size_t i)
{
    return s[i] >= 'a' && s[i] <= 'z';
}

/*
 * A hyphen ends the text in b and line goes on in lower case: keep it when
 * the page prints the hyphenated word elsewhere (freeze-thaw; the layout
 * stage's lines keep a compound's hyphen), else it only broke the word.
 */
static bool keep_hyphen(const folio_buf *b, const char *line, const char *page)
{
    size_t a = b->len - 1, e = 0;
    while (a > 0 && lower_at(b->data, a - 1))
        a--;
    while (lower_at(line, e))
        e++;
    if (!page || e == 0 || b->len - a > 40 || e > 40)
        return false;
    char word[96];
    snprintf(word, sizeof(word), "%.*s%.*s", (int)(b->len - a), b->data + a, (int)e, line);
    return strstr(page, word) != NULL;
}

/* Append one line to a field's text: no space between Chinese, a hyphen at a word break dropped. */
static void join_line(folio_buf *b, const char *line, const char *page)
{
    while (line && *line == ' ')
        line++;
    if (!line || !*line)
        return;
    if (b->len > 0 && b->data) {
        uint32_t last = 0, first = 0;
        size_t k = b->len - 1;
        while (k > 0 && ((unsigned char)b->data[k] & 0xC0) == 0x80)
            k--;
        folio_utf8_decode(b->data + k, b->len - k, &last);
        folio_utf8_decode(line, strlen(line), &first);
        bool broken =
            last == '-' && b->len >= 2 && lower_at(b->data, b->len - 2) && lower_at(line, 0);
        if (broken && !keep_hyphen(b, line, page))
            b->data[--b->len] = '\0';
        else if (!folio_is_cjk(last) && !folio_is_cjk(first) && last != ' ' && !broken)
            folio_buf_putc(b, ' ');
    }
    folio_buf_puts(b, line);
}

/*
 * The text of field kind k: its lines top to bottom, the label cut from the
 * first. all: every group of that kind, else only the first.
 * \return malloc'd text or NULL when the page has no such line.
 */
static char *field_text_as(const fx *x, folio_kind k, bool all, bool raw)
{
    folio_buf b = FOLIO_BUF_INIT;
    bool any = false, zh = k == FOLIO_KIND_TITLE_ZH || k == FOLIO_KIND_AFFIL_ZH;
    for (size_t o = 0; o < x->pg->n_lines; o++) {
        size_t li = x->order[o];
        if (x->cls[li].kind != k)
            continue;
        if (any && x->cls[li].start && !all)
            break;
        any = true;
        const char *t = raw ? x->pg->lines[li].text : line_value(x, li);
        if (zh && folio_value_mostly_latin(t)) {
            /* a Chinese line read partly as Latin letters: keep only its Chinese */
            char *han = folio_value_drop_latin_garbage(t);
            if (han && !folio_value_mostly_latin(han))
                join_line(&b, han, x->pg->text);
            free(han);
            continue;
        }
        join_line(&b, t, x->pg->text);
    }
    if (!any || !b.data) {
        folio_buf_free(&b);
        return NULL;
    }
    return folio_buf_take(&b);
}

static char *field_text(const fx *x, folio_kind k, bool all)
{
    return field_text_as(x, k, all, false);
}

static void set_str(fx *x, char **field, char *value)
{
    (void)x;
    free(*field);
    *field = value && *value ? value : NULL;
    if (value && !*value)
        free(value);
}

/* Apply a cleaner to text and free text. */
static char *cleaned(char *(*fn)(const char *), char *text)
{
    char *v = text ? fn(text) : NULL;
    free(text);
    return v;
}

/* ---- labelled values (meta line, footnotes) ------------------------------------ */

#define HAN_VALUE_CUES                                                                             \
    (FOLIO_CUE_BIT(FOLIO_CUE_CLC) | FOLIO_CUE_BIT(FOLIO_CUE_DOC_CODE) |                            \
     FOLIO_CUE_BIT(FOLIO_CUE_ARTICLE_NO) | FOLIO_CUE_BIT(FOLIO_CUE_RECEIVED) |                     \
     FOLIO_CUE_BIT(FOLIO_CUE_REVISED) | FOLIO_CUE_BIT(FOLIO_CUE_ONLINE) |                          \
     FOLIO_CUE_BIT(FOLIO_CUE_FUNDING) | FOLIO_CUE_BIT(FOLIO_CUE_BIO) |                             \
     FOLIO_CUE_BIT(FOLIO_CUE_CORRESP) | FOLIO_CUE_BIT(FOLIO_CUE_CITE_ZH))

/* Store the value [a, b) of text for cue q unless one was read already. */
static void keep_value(fx *x, folio_cue q, const char *text, size_t a, size_t b)
{
    if (q <= FOLIO_CUE_NONE || q >= FOLIO_CUE_COUNT || x->vals[q] || b <= a)
        return;
    x->vals[q] = folio_strndup(text + a, b - a);
    if (!x->vals[q])
        x->rc = FOLIO_ENOMEM;
}

/*
 * Read every label of one group's text: each value runs to the next label.
 * Author notes keep their 通信作者 inside; a 通信作者 line keeps its label.
 */
static void scan_values(fx *x, const char *text, folio_kind kind)
{
    folio_cue_hit hit;
    if (!folio_cue_at_start(text, &hit) && !folio_cue_find(text, 0, HAN_VALUE_CUES, &hit))
        return;
    if (hit.cue == FOLIO_CUE_GARBLED) /* the classifier placed it: its kind tells the label */
        hit.cue = kind == FOLIO_KIND_RECEIVED  ? FOLIO_CUE_RECEIVED
                  : kind == FOLIO_KIND_FUNDING ? FOLIO_CUE_FUNDING
                  : kind == FOLIO_KIND_BIO     ? FOLIO_CUE_BIO
                  : kind == FOLIO_KIND_ONLINE  ? FOLIO_CUE_ONLINE
                                               : FOLIO_CUE_GARBLED;
    while (hit.cue != FOLIO_CUE_NONE) {
        unsigned mask = HAN_VALUE_CUES;
        if (hit.cue == FOLIO_CUE_BIO || hit.cue == FOLIO_CUE_CORRESP)
            mask &= ~FOLIO_CUE_BIT(FOLIO_CUE_CORRESP);
        folio_cue_hit next;
        bool more = folio_cue_find(text, hit.value, mask, &next);
        size_t end = more ? next.start : strlen(text);
        size_t from = hit.cue == FOLIO_CUE_CORRESP ? hit.start : hit.value;
        keep_value(x, hit.cue, text, from, end);
        if (!more)
            break;
        hit = next;
    }
}

/* Scan each group of the kinds that carry labelled values. */
static void read_labelled(fx *x)
{
    static const folio_kind kinds[] = {FOLIO_KIND_META,   FOLIO_KIND_RECEIVED,
                                       FOLIO_KIND_ONLINE, FOLIO_KIND_FUNDING,
                                       FOLIO_KIND_BIO,    FOLIO_KIND_FOOTNOTE};
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        folio_buf b = FOLIO_BUF_INIT;
        for (size_t o = 0; o <= x->pg->n_lines; o++) {
            size_t li = o < x->pg->n_lines ? x->order[o] : 0;
            bool end = o == x->pg->n_lines;
            if (!end && x->cls[li].kind != kinds[k])
                continue;
            if ((end || x->cls[li].start) && b.data) {
                scan_values(x, b.data, kinds[k]);
                folio_buf_free(&b);
            }
            if (!end)
                join_line(&b, x->pg->lines[li].text, x->pg->text);
        }
        folio_buf_free(&b);
    }
}

static char *join2(const char *a, const char *b)
{
    folio_buf buf = FOLIO_BUF_INIT;
    folio_buf_puts(&buf, a);
    join_line(&buf, b, NULL);
    return folio_buf_take(&buf);
}

/* 中图分类号, 文献标志码, 文章编号: by label, else by the shape of the value (labels get garbled).
 */
static void meta_fields(fx *x)
{
    folio_fields *f = &x->pg->fields;
    char *meta = field_text_as(x, FOLIO_KIND_META, true, true);
    set_str(x, &f->clc, folio_value_clc(x->vals[FOLIO_CUE_CLC]));
    if (!f->clc)
        set_str(x, &f->clc, folio_value_find_clc(meta));
    set_str(x, &f->doc_code, folio_value_doc_code(x->vals[FOLIO_CUE_DOC_CODE]));
    if (!f->doc_code)
        set_str(x, &f->doc_code, folio_value_find_doc_code(meta, f->clc));
    set_str(x, &f->article_no, folio_value_find_article_no(x->vals[FOLIO_CUE_ARTICLE_NO]));
    if (!f->article_no)
        set_str(x, &f->article_no, folio_value_find_article_no(meta));
    if (!f->article_no)
        set_str(x, &f->article_no, folio_value_article_no(x->vals[FOLIO_CUE_ARTICLE_NO]));
    free(meta);
}

static void labelled_fields(fx *x)
{
    folio_fields *f = &x->pg->fields;
    read_labelled(x);
    meta_fields(x);
    set_str(x, &f->received, folio_value_date(x->vals[FOLIO_CUE_RECEIVED]));
    set_str(x, &f->online, folio_value_date(x->vals[FOLIO_CUE_ONLINE]));
    set_str(x, &f->funding, folio_value_clean(x->vals[FOLIO_CUE_FUNDING]));
    char *bio = cleaned(folio_value_fix_dashes, folio_value_clean(x->vals[FOLIO_CUE_BIO]));
    char *corr = folio_value_clean(x->vals[FOLIO_CUE_CORRESP]);
    if (bio && corr && !strstr(bio, corr)) {
        char *both = join2(bio, corr);
        free(bio);
        bio = both;
    } else if (!bio) {
        bio = corr;
        corr = NULL;
    }
    free(corr);
    set_str(x, &f->author_bio, bio);
}

/* ---- the other fields ------------------------------------------------------------ */

static void header_fields(fx *x)
{
    folio_fields *f = &x->pg->fields;
    for (size_t o = 0; o < x->pg->n_lines; o++) {
        size_t li = x->order[o];
        const char *t = x->pg->lines[li].text;
        if (x->cls[li].kind != FOLIO_KIND_HEADER || !t)
            continue;
        bool latin = folio_value_mostly_latin(t);
        char **slot = latin ? &f->journal_en : &f->journal_zh;
        if (!*slot)
            set_str(x, slot, folio_value_journal(t, !latin));
    }
}

static void list_field(fx *x, folio_strlist *l, folio_kind k,
                       int (*split)(const char *, folio_strlist *))
{
    char *t = field_text(x, k, false);
    if (t && split(t, l))
        x->rc = FOLIO_ENOMEM;
    free(t);
}

static int split_kw_zh(const char *s, folio_strlist *out)
{
    return folio_split_keywords(s, true, out);
}

static int split_kw_en(const char *s, folio_strlist *out)
{
    return folio_split_keywords(s, false, out);
}

static void text_fields(fx *x)
{
    folio_fields *f = &x->pg->fields;
    static const struct {
        size_t offset;
        folio_kind kind;
        bool unwrap;
    } strs[] = {
        {offsetof(folio_fields, title_zh), FOLIO_KIND_TITLE_ZH, false},
        {offsetof(folio_fields, title_en), FOLIO_KIND_TITLE_EN, false},
        {offsetof(folio_fields, affiliation_zh), FOLIO_KIND_AFFIL_ZH, true},
        {offsetof(folio_fields, affiliation_en), FOLIO_KIND_AFFIL_EN, true},
        {offsetof(folio_fields, abstract_zh), FOLIO_KIND_ABSTRACT_ZH, false},
        {offsetof(folio_fields, abstract_en), FOLIO_KIND_ABSTRACT_EN, false},
        {offsetof(folio_fields, citation_zh), FOLIO_KIND_CITE_ZH, false},
        {offsetof(folio_fields, citation_en), FOLIO_KIND_CITE_EN, false},
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        char **slot = (char **)((char *)f + strs[i].offset);
        char *t = cleaned(folio_value_fix_dashes, field_text(x, strs[i].kind, false));
        set_str(x, slot, cleaned(strs[i].unwrap ? folio_value_unwrap : folio_value_clean, t));
    }
    list_field(x, &f->authors_zh, FOLIO_KIND_AUTHORS_ZH, folio_split_authors_zh);
    list_field(x, &f->authors_en, FOLIO_KIND_AUTHORS_EN, folio_split_authors_en);
    list_field(x, &f->keywords_zh, FOLIO_KIND_KEYWORDS_ZH, split_kw_zh);
    list_field(x, &f->keywords_en, FOLIO_KIND_KEYWORDS_EN, split_kw_en);
    set_str(x, &f->doi, cleaned(folio_value_doi, field_text(x, FOLIO_KIND_DOI, false)));
}

static bool has_kind(const fx *x, folio_kind k)
{
    for (size_t i = 0; i < x->pg->n_lines; i++)
        if (x->cls[i].kind == k)
            return true;
    return false;
}

/* ---- cross-checks between the copies of a field ------------------------------------- */

/* A reading's worth: its length, less for each suspect character (a cut reading is worse). */
static int doi_quality(const char *doi)
{
    return doi ? (int)strlen(doi) - 3 * folio_value_doi_penalty(doi) : -1000;
}

/* Keep candidate c as *best when it reads better (ties keep the earlier one). Takes c. */
static void better_doi(char **best, char *c)
{
    if (c && (!*best || doi_quality(c) > doi_quality(*best))) {
        free(*best);
        *best = c;
    } else {
        free(c);
    }
}

/*
 * The DOI: the cleanest reading among the DOI line and the DOIs the
 * citations print; it is also the parsed citation's DOI (the article's).
 */
static void reconcile_doi(fx *x)
{
    folio_fields *f = &x->pg->fields;
    char *best = f->doi;
    f->doi = NULL;
    if (f->citation && f->citation->doi)
        better_doi(&best, folio_value_doi(f->citation->doi));
    const char *zh = f->citation_zh ? strstr(f->citation_zh, "10.") : NULL;
    const char *en = f->citation_en ? strstr(f->citation_en, "10.") : NULL;
    better_doi(&best, zh ? folio_value_doi(zh) : NULL);
    better_doi(&best, en ? folio_value_doi(en) : NULL);
    set_str(x, &f->doi, best);
    if (f->citation && f->doi) {
        free(f->citation->doi);
        f->citation->doi = folio_strdup(f->doi);
    }
}

/*
 * The parsed citation checked key by key against the page's other copies:
 * the English citation, the title block (its title first completed with a
 * last character only the citation kept), the author list, the article
 * number and the running header's journal name. english: the citation was
 * parsed from the English copy (the Chinese one was lost).
 */
static void reconcile_citation(fx *x, bool block, bool english, const folio_citation *en,
                               const folio_strlist *latin, const folio_pinyin *py)
{
    folio_fields *f = &x->pg->fields;
    if (!f->citation)
        return;
    bool code_lost = !f->citation->type && en && en->type;
    char *tail = block && !code_lost && !english
                     ? folio_reconcile_title_tail(f->title_zh, f->citation->title)
                     : NULL;
    /* a block that lost its end was read worse than the citation: it is no witness */
    bool witness = block && !tail;
    if (tail)
        set_str(x, &f->title_zh, tail);
    /* each copy's misread characters settled by the page's other mentions of them */
    char *merged =
        witness && !english ? folio_vote_merge(f->title_zh, f->citation->title, x->pg->text) : NULL;
    if (merged)
        set_str(x, &f->title_zh, merged);
    folio_cite_witness w = {.en = en,
                            .en_text = f->citation_en,
                            .title = witness ? f->title_zh : NULL,
                            .authors = &f->authors_zh,
                            .article_no = f->article_no,
                            .journal = f->journal_zh,
                            .page = x->pg->text,
                            .latin = latin,
                            .pinyin = py};
    if (english ? folio_reconcile_english(f->citation, &w)
                : folio_reconcile_cite_keys(f->citation, &w))
        x->rc = FOLIO_ENOMEM;
}

/* The names in Latin letters: the English authors line, else the English citation's. */
static int latin_names(const folio_fields *f, const folio_citation *en, folio_strlist *out,
                       bool *complete)
{
    *complete = f->authors_en.n > 0;
    const folio_strlist *line = &f->authors_en;
    size_t n = *complete ? line->n : en ? en->n_authors : 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = folio_strlist_push(out, *complete ? line->items[i] : en->authors[i]);
    return rc;
}

/*
 * The printed citation repaired with the title block, parsed; then title and
 * authors checked against it, the authors against their Latin spelling, and
 * the parsed citation against the rest of the page.
 */
static void citation_field(fx *x)
{
    folio_fields *f = &x->pg->fields;
    folio_citation_destroy(&f->citation);
    if (f->citation_zh) {
        char *fixed = folio_crosscheck_citation(f->citation_zh, f->title_zh);
        if (fixed)
            set_str(x, &f->citation_zh, fixed);
        f->citation = folio_citation_parse(f->citation_zh);
    }
    if (f->citation_en) {
        char *fixed = folio_crosscheck_citation(f->citation_en, NULL);
        if (fixed)
            set_str(x, &f->citation_en, fixed);
    }
    bool block = has_kind(x, FOLIO_KIND_TITLE_ZH);
    if (f->citation)
        folio_crosscheck_title_zh(&f->title_zh, f->citation->title, block);
    if (folio_crosscheck_authors_zh(&f->authors_zh, f->citation, f->author_bio))
        x->rc = FOLIO_ENOMEM;
    folio_citation *en = folio_citation_parse(f->citation_en);
    folio_strlist latin = {0};
    bool complete;
    folio_pinyin *py = NULL;
    if (latin_names(f, en, &latin, &complete))
        x->rc = FOLIO_ENOMEM;
    else if (latin.n && f->authors_zh.n)
        py = folio_pinyin_create(); /* NULL without ICU's transliterator: no check */
    if (folio_crosscheck_authors_pinyin(&f->authors_zh, &latin, complete, x->pg->text, py))
        x->rc = FOLIO_ENOMEM;
    /* no Chinese citation read on a Chinese page: the English one stands for it */
    bool english = !f->citation && en && block && f->title_zh;
    if (english && !(f->citation = folio_citation_parse(f->citation_en)))
        x->rc = FOLIO_ENOMEM;
    reconcile_citation(x, block, english, en, &latin, py);
    folio_pinyin_destroy(&py);
    folio_strlist_clear(&latin);
    folio_citation_destroy(&en);
}

/* ---- second readings ------------------------------------------------------------------ */

/* The line's second reading from its value: the label found again in it; NULL if it has none. */
static const char *alt_value(const fx *x, size_t li)
{
    const folio_line *ln = &x->pg->lines[li];
    if (!ln->alt_text || !cuts_label(x, li))
        return ln->alt_text;
    folio_cue_hit hit;
    return folio_cue_at_start(ln->alt_text, &hit) ? ln->alt_text + hit.value : NULL;
}

/* The page text followed by every second reading: each copy of a line counts once. */
static char *evidence_text(const folio_page *pg)
{
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_puts(&b, pg->text ? pg->text : "");
    for (size_t i = 0; i < pg->n_lines; i++) {
        if (!pg->lines[i].alt_text)
            continue;
        folio_buf_putc(&b, '\n');
        folio_buf_puts(&b, pg->lines[i].alt_text);
    }
    return folio_buf_take(&b);
}

static size_t latin_letters(const char *s)
{
    size_t han = 0, latin = 0;
    folio_count_scripts(s, &han, &latin);
    return latin;
}

/*
 * A Chinese title or author line whose first reading took Chinese print for
 * Latin letters ("tat SR", "蒲清平 + SA" for 蒲清平 马睿), too far from its
 * second reading to vote: the second, when it has fewer Latin letters and
 * passes the second pass's test for a Han reading (recheck.h).
 */
static bool garbled_han(const fx *x, size_t li, const char *first, const char *alt)
{
    folio_kind k = x->cls[li].kind;
    const folio_line *ln = &x->pg->lines[li];
    size_t latin = latin_letters(first);
    return (k == FOLIO_KIND_TITLE_ZH || k == FOLIO_KIND_AUTHORS_ZH) && latin >= 2 &&
           latin_letters(alt) < latin &&
           folio_recheck_accept(first, alt, ln->alt_conf, ln->conf, true);
}

/* Settle each line that was read twice (altread.h) by vote (vote.h). */
static void vote_lines(fx *x)
{
    bool any = false;
    for (size_t i = 0; i < x->pg->n_lines && !any; i++)
        any = x->pg->lines[i].alt_text != NULL;
    if (!any)
        return;
    x->voted = calloc(x->pg->n_lines, sizeof(*x->voted));
    x->evidence = evidence_text(x->pg);
    if (!x->voted || !x->evidence) {
        x->rc = FOLIO_ENOMEM;
        return;
    }
    for (size_t i = 0; i < x->pg->n_lines; i++) {
        const folio_line *ln = &x->pg->lines[i];
        const char *alt = alt_value(x, i);
        if (!alt)
            continue;
        const char *first = first_value(x, i);
        x->voted[i] = folio_vote_line(first, ln->conf, alt, ln->alt_conf, x->evidence);
        if (!x->voted[i] && garbled_han(x, i, first, alt))
            x->voted[i] = folio_strdup(alt);
    }
}

/* ---- the stage ------------------------------------------------------------------------ */

#ifdef FOLIO_FIELDS_DEBUG
/* Developer aid (build with -DFOLIO_FIELDS_DEBUG): each line's kind and label cue on stderr. */
static void dump_lines(const fx *x)
{
    for (size_t i = 0; i < x->pg->n_lines; i++) {
        const folio_line *ln = &x->pg->lines[i];
        const char *kind = folio_kind_label(x->cls[i].kind);
        fprintf(stderr, "%-14s %c %-12s [%d %d %d %d] %s\n", kind ? kind : "-",
                x->cls[i].start ? '*' : ' ', folio_cue_name(x->cls[i].cue.cue), ln->box.x,
                ln->box.y, ln->box.w, ln->box.h, ln->text ? ln->text : "");
    }
}
#endif

static int extract(fx *x)
{
    vote_lines(x);
    if (x->rc)
        return x->rc;
    header_fields(x);
    text_fields(x);
    labelled_fields(x);
    citation_field(x);
    reconcile_doi(x);
    return x->rc;
}

int folio_fields_extract(folio_page *pg, folio_error *err)
{
    if (!pg)
        return folio_error_set(err, FOLIO_EUSAGE, "fields: no page");
    folio_fields_clear(&pg->fields);
    for (size_t b = 0; b < pg->n_blocks; b++)
        pg->blocks[b].label = NULL;
    if (pg->n_lines == 0 || !pg->lines)
        return 0;
    fx x = {.pg = pg};
    int rc = FOLIO_ENOMEM;
    bool oom = false;
    x.cls = calloc(pg->n_lines, sizeof(*x.cls));
    x.order = order_lines(pg);
    if (!x.cls || !x.order)
        goto done;
    bool first = folio_classify_lines(pg, x.cls, &oom);
    if (oom)
        goto done;
    folio_classify_blocks(pg, x.cls);
#ifdef FOLIO_FIELDS_DEBUG
    dump_lines(&x);
#endif
    rc = first ? extract(&x) : 0;
done:
    for (int q = 0; q < FOLIO_CUE_COUNT; q++)
        free(x.vals[q]);
    for (size_t i = 0; x.voted && i < pg->n_lines; i++)
        free(x.voted[i]);
    free(x.voted);
    free(x.evidence);
    free(x.cls);
    free(x.order);
    if (rc) {
        folio_fields_clear(&pg->fields);
        return folio_error_set(err, rc, "%s: out of memory in fields",
                               pg->source_path ? pg->source_path : "page");
    }
    return 0;
}
