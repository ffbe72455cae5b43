/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The parsed citation against the page's other copies (see reconcile.h).
 * Sizes are capped (a title of 256 code points, a citation of
 * FOLIO_ALIGN_MAX) so a fuzzed page cannot make the alignment expensive.
 */
#include "reconcile.h"

#include "align.h"
#include "labels.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TITLE 256
#define CITE_AUTHORS_MAX 64

/* ---- the title -------------------------------------------------------------------- */

/* Distance of two strings ignoring spaces and full/half width; SIZE_MAX on error. */
static size_t text_distance(const char *x, const char *y, size_t *longer)
{
    folio_ustr a, b;
    *longer = 0;
    if (folio_align_fold(x, &a))
        return SIZE_MAX;
    if (folio_align_fold(y, &b)) {
        folio_ustr_free(&a);
        return SIZE_MAX;
    }
    *longer = a.n > b.n ? a.n : b.n;
    size_t d = folio_align_distance(a.cp, a.n, b.cp, b.n);
    folio_ustr_free(&a);
    folio_ustr_free(&b);
    return d;
}

char *folio_reconcile_title_tail(const char *title, const char *cite_title)
{
    folio_ustr t, c;
    char *out = NULL;
    if (!title || !cite_title || folio_align_fold(title, &t))
        return NULL;
    if (folio_align_fold(cite_title, &c)) {
        folio_ustr_free(&t);
        return NULL;
    }
    size_t e = t.n >= 4 && t.n <= MAX_TITLE && c.n <= MAX_TITLE
                   ? folio_align_end(t.cp, t.n, c.cp, c.n)
                   : SIZE_MAX;
    bool han = e != SIZE_MAX && e < c.n && c.n - e <= 2;
    for (size_t i = e; han && i < c.n; i++)
        han = folio_is_han(c.cp[i]);
    if (han) {
        folio_buf b = FOLIO_BUF_INIT;
        folio_buf_puts(&b, title);
        folio_buf_puts(&b, cite_title + c.off[e]);
        out = folio_buf_take(&b);
    }
    folio_ustr_free(&t);
    folio_ustr_free(&c);
    return out;
}

/* Replace *field by a copy of s. \return 0 or FOLIO_ENOMEM. */
static int set_copy(char **field, const char *s)
{
    char *copy = folio_strdup(s);
    if (!copy)
        return FOLIO_ENOMEM;
    free(*field);
    *field = copy;
    return 0;
}

/*
 * The title: the title block's reading (larger type, read better: on the
 * development pages it was exact twice as often) when the two are close,
 * completed with a lost last character from the citation's reading. The
 * tail is not taken when the English citation prints a type code that the
 * Chinese reading lacks: there the extra character is the garbled code.
 */
static int reconcile_title(folio_citation *c, const folio_cite_witness *w)
{
    size_t longer, d = text_distance(w->title, c->title, &longer);
    if (d == 0 || d == SIZE_MAX || d * 4 > longer)
        return 0;
    bool code_lost = !c->type && w->en && w->en->type;
    char *tail = code_lost ? NULL : folio_reconcile_title_tail(w->title, c->title);
    int rc = set_copy(&c->title, tail ? tail : w->title);
    free(tail);
    return rc;
}

/* A Chinese personal name: 2-4 Han characters (a · allowed inside). */
static bool han_name(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    size_t han = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < u.n; i++) {
        han += folio_is_han(u.cp[i]);
        ok = folio_is_han(u.cp[i]) || (u.cp[i] == 0xB7 && i > 0);
    }
    folio_ustr_free(&u);
    return ok && han >= 2 && han <= 4;
}

static size_t count_in(const char *page, const char *s)
{
    size_t n = 0, len = strlen(s);
    for (const char *p = page ? strstr(page, s) : NULL; p && len; p = strstr(p + len, s))
        n++;
    return n;
}

/* One word of an English name list: its letters, capitals, and whether a lower-case one. */
typedef struct en_word {
    size_t len, caps, letters;
    bool lower_first;
} en_word;

/* The word at s, ended by a space, comma or full stop. \return its length in bytes. */
static size_t en_word_at(const char *s, en_word *w)
{
    memset(w, 0, sizeof(*w));
    while (s[w->len] && s[w->len] != ' ' && s[w->len] != ',' && s[w->len] != '.') {
        char ch = s[w->len];
        bool up = ch >= 'A' && ch <= 'Z', low = ch >= 'a' && ch <= 'z';
        w->caps += up;
        w->letters += up || low || ch == '-';
        if (w->len == 0)
            w->lower_first = low;
        w->len++;
    }
    return w->len;
}

static bool initials(const en_word *w)
{
    return w->caps >= 1 && w->caps <= 2 && w->letters == w->len && w->caps == w->len;
}

/* A given name in full: "Wen-Jie", "Ruoxi". */
static bool given(const en_word *w)
{
    return !w->lower_first && w->caps >= 1 && w->caps < w->letters && w->letters == w->len;
}

/*
 * How many authors the printed English citation names, counted from its
 * text: each capitals surname followed by initials or a given name, until
 * the first word that is none of these nor "et al" (the title). Counting the
 * surnames, not the commas, survives a comma OCR lost ("LI M Y WANG X Y") or
 * read as a full stop ("YANG X. HE J F").
 */
static size_t en_author_count(const char *s)
{
    size_t n = 0;
    bool name = false; /* inside a name: its initials or given name may follow */
    while (s && *s) {
        while (*s == ' ' || *s == ',' || *s == '.')
            s++;
        en_word w, next;
        size_t len = en_word_at(s, &w);
        if (len == 0)
            break;
        const char *t = s + len;
        while (*t == ' ' || *t == ',' || *t == '.')
            t++;
        en_word_at(t, &next);
        bool etal = w.len == 2 && w.lower_first && strncmp(t, "al", 2) == 0; /* et/ct/at al */
        if (w.caps >= 2 && w.caps == w.len && (initials(&next) || given(&next))) {
            n++; /* a surname: skip it and its first initials or given name */
            name = true;
            s = t + en_word_at(t, &next);
            continue;
        }
        if (etal)
            break;
        if (!(name && (initials(&w) || given(&w))))
            break;
        s = t;
    }
    return n;
}

/* Does the name agree with one of the Latin names (1), or can that not be told (0)? */
static int spelt(const folio_cite_witness *w, const char *name)
{
    for (size_t i = 0; w->latin && w->pinyin && i < w->latin->n; i++) {
        bool full;
        folio_pinyin_agreement(w->pinyin, name, w->latin->items[i], &full);
        if (full)
            return 1;
    }
    return 0;
}

/*
 * The authors: as many as the citations print (the English one's count: its
 * names are read best), taken from the reconciled author list, which already
 * weighed the authors line, this citation and the author notes. A name the
 * citation read differently stays when its pinyin agrees with the Latin
 * spelling and the list's does not, or, both or neither agreeing, when the
 * page prints its reading more often.
 */
static int reconcile_authors(folio_citation *c, const folio_cite_witness *w)
{
    size_t k = en_author_count(w->en_text) ? en_author_count(w->en_text) : c->n_authors;
    const folio_strlist *l = w->authors;
    if (!l || k == 0 || l->n < k || k > CITE_AUTHORS_MAX)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (!han_name(l->items[i]))
            return 0;
    char **names = calloc(k, sizeof(*names));
    if (!names)
        return FOLIO_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        const char *own = i < c->n_authors ? c->authors[i] : NULL;
        bool keep = own && han_name(own) && spelt(w, own) >= spelt(w, l->items[i]) &&
                    (spelt(w, own) > spelt(w, l->items[i]) ||
                     count_in(w->page, own) > count_in(w->page, l->items[i]));
        names[i] = folio_strdup(keep ? own : l->items[i]);
        if (!names[i]) {
            for (size_t j = 0; j < i; j++)
                free(names[j]);
            free(names);
            return FOLIO_ENOMEM;
        }
    }
    for (size_t i = 0; i < c->n_authors; i++)
        free(c->authors[i]);
    free(c->authors);
    c->authors = names;
    c->n_authors = k;
    c->et_al |= w->en && w->en->et_al;
    return 0;
}

/* ---- numbers ---------------------------------------------------------------------- */

/* What the article number "1008-5831(2024)04-0037-12" gives: year, issue, first-last page. */
typedef struct art_numbers {
    int year;
    char issue[12], pages[32];
} art_numbers;

static size_t digits_at(const char *s, size_t i, unsigned long *v)
{
    size_t n = 0;
    *v = 0;
    while (s[i + n] >= '0' && s[i + n] <= '9' && n < 9)
        *v = *v * 10 + (unsigned long)(s[i + n++] - '0');
    return n;
}

static bool article_numbers(const char *an, art_numbers *out)
{
    memset(out, 0, sizeof(*out));
    const char *p = an ? strchr(an, '(') : NULL;
    unsigned long y, is, first, count;
    if (!p || digits_at(p, 1, &y) != 4 || p[5] != ')')
        return false;
    size_t i = 6, n = digits_at(p, i, &is);
    if (n == 0 || p[i + n] != '-')
        return false;
    i += n + 1;
    n = digits_at(p, i, &first);
    if (n == 0 || p[i + n] != '-' || first == 0)
        return false;
    i += n + 1;
    n = digits_at(p, i, &count);
    if (n == 0 || count == 0 || count > 999)
        return false;
    out->year = (int)y;
    snprintf(out->issue, sizeof(out->issue), "%lu", is);
    snprintf(out->pages, sizeof(out->pages), count > 1 ? "%lu-%lu" : "%lu", first,
             first + count - 1);
    return true;
}

static bool all_digits(const char *s)
{
    size_t n = 0;
    while (s && s[n] >= '0' && s[n] <= '9')
        n++;
    return s && n > 0 && n <= 8 && s[n] == '\0';
}

/* "37-48", "e012345", "988-1001": a page range or an article number. */
static bool pages_form(const char *s)
{
    unsigned long v;
    size_t i = s && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) ? 1 : 0;
    size_t n = s ? digits_at(s, i, &v) : 0;
    if (n == 0)
        return false;
    i += n;
    if (s[i] == '-' && digits_at(s, i + 1, &v) > 0)
        i += 1 + digits_at(s, i + 1, &v);
    return s[i] == '\0';
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/*
 * One number of the citation by vote: the Chinese and English readings and a
 * third witness (the article number), the value two agree on; else the
 * Chinese reading if well formed, else the English one.
 */
static int vote_number(char **zh, const char *en, const char *third, bool (*ok)(const char *))
{
    const char *pick = *zh;
    if (same(*zh, en) || same(*zh, third))
        return 0;
    if (same(en, third) || ((!*zh || !ok(*zh)) && en && ok(en)))
        pick = en;
    else if ((!*zh || !ok(*zh)) && third)
        pick = third;
    return pick == *zh ? 0 : set_copy(zh, pick);
}

static void vote_year(folio_citation *c, int en, int third)
{
    if (c->year && (c->year == en || c->year == third))
        return;
    if ((en && en == third) || (!c->year && en))
        c->year = en;
    else if (!c->year && third)
        c->year = third;
}

static int reconcile_numbers(folio_citation *c, const folio_cite_witness *w)
{
    art_numbers an;
    bool art = article_numbers(w->article_no, &an);
    const folio_citation *en = w->en;
    vote_year(c, en ? en->year : 0, art ? an.year : 0);
    int rc = vote_number(&c->volume, en ? en->volume : NULL, NULL, all_digits);
    if (rc == 0)
        rc = vote_number(&c->issue, en ? en->issue : NULL, art ? an.issue : NULL, all_digits);
    if (rc == 0)
        rc = vote_number(&c->pages, en ? en->pages : NULL, art ? an.pages : NULL, pages_form);
    return rc;
}

/* ---- the journal -------------------------------------------------------------------- */

/*
 * The journal: when the running header's name (larger type) ends the
 * citation's journal within one misread character, OCR added what stands
 * before it (a stray mark, or the title run in after a lost type code): the
 * header's name is taken. *title_lost: the part before it held the title.
 */
static int reconcile_journal(folio_citation *c, const folio_cite_witness *w, bool *title_lost)
{
    folio_ustr h, j;
    int rc = 0;
    *title_lost = false;
    if (!c->journal || !w->journal || folio_align_fold(w->journal, &h))
        return 0;
    if (folio_align_fold(c->journal, &j)) {
        folio_ustr_free(&h);
        return FOLIO_ENOMEM;
    }
    while (j.n > 0 && folio_align_stop(j.cp[j.n - 1]))
        j.n--;
    size_t s = 0, e = 0;
    bool found = h.n >= 4 && h.n <= MAX_TITLE && j.n <= FOLIO_ALIGN_MAX &&
                 folio_align_span(h.cp, h.n, j.cp, j.n, &s, &e) && e == j.n;
    size_t d = found ? folio_align_distance(h.cp, h.n, j.cp + s, e - s) : SIZE_MAX;
    if (found && d <= 1 && (d > 0 || s > 0)) {
        size_t han = 0;
        for (size_t i = 0; i < s; i++)
            han += folio_is_han(j.cp[i]);
        *title_lost = han >= 4;
        rc = set_copy(&c->journal, w->journal);
    }
    folio_ustr_free(&h);
    folio_ustr_free(&j);
    return rc;
}

/*
 * Is s a list of Chinese names rather than a title? Pieces between commas,
 * full stops and spaces that are each a name of 2-4 Han characters (a
 * stray mark beside it allowed) or 等, with at least one name: on a fax page
 * the author list was read twice and the parser took its second copy for
 * the title ("刘建国, 赵前. 等", "(6)俊妊，邓南娟. 等").
 */
static bool names_not_title(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    size_t names = 0, han = 0;
    bool ok = true;
    for (size_t i = 0; ok && i <= u.n; i++) {
        uint32_t ch = i < u.n ? u.cp[i] : ',';
        if (folio_is_han(ch)) {
            han++;
        } else if (ch == ',' || ch == '.' || ch == ';' || ch == ' ' || ch == 0xFF0C ||
                   ch == 0x3001 || ch == 0x3002) {
            if (han == 1 && i >= 1 && u.cp[i - 1] == 0x7B49) /* 等 */
                han = 0;
            ok = han == 0 || (han >= 2 && han <= 4);
            names += han >= 2;
            han = 0;
        }
    }
    folio_ustr_free(&u);
    return ok && names > 0;
}

int folio_reconcile_cite_keys(folio_citation *c, const folio_cite_witness *w)
{
    if (!c || !w)
        return 0;
    bool title_lost = false;
    int rc = 0;
    if (w->title && names_not_title(c->title))
        rc = set_copy(&c->title, w->title);
    if (rc == 0)
        rc = reconcile_journal(c, w, &title_lost);
    if (rc == 0 && title_lost && !c->title && w->title)
        rc = set_copy(&c->title, w->title);
    if (rc == 0 && w->title && c->title)
        rc = reconcile_title(c, w);
    if (rc == 0)
        rc = reconcile_authors(c, w);
    if (rc == 0)
        rc = reconcile_numbers(c, w);
    return rc;
}

int folio_reconcile_english(folio_citation *c, const folio_cite_witness *w)
{
    if (!c || !w || !w->title)
        return 0;
    int rc = set_copy(&c->title, w->title);
    if (rc == 0 && w->journal)
        rc = set_copy(&c->journal, w->journal);
    return rc ? rc : folio_reconcile_cite_keys(c, w);
}
